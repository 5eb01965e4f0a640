"""Rendering: every page type, article text escaped, undefined names are errors."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from jinja2 import UndefinedError

from generator.render.pages import Renderer
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def render(explainer=None, dirs=None):
    renderer = Renderer(dirs or [ROOT / "templates"])
    return {p.path: p.content for p in renderer.render_site([explainer or sample()])}


def html(content: str) -> str:
    body = content.split("---", 2)[2] if content.startswith("---") else content
    return markdown.markdown(body, extensions=EXTENSIONS)


def test_every_page_type_is_rendered():
    pages = render()
    assert set(pages) == {"index.md"} | {
        f"articles/a1/{name}" for name in
        ("index.md", "who.md", "claims.md", "timeline.md", "text.md")}
    for content in pages.values():
        assert content.startswith("---\ndescription: ")


def test_links_point_to_sentences():
    pages = render()
    assert "(text.md#s1)" in pages["articles/a1/claims.md"]
    assert 'id="s2"' in pages["articles/a1/text.md"]
    assert "(timeline.md#t1)" in pages["articles/a1/text.md"]


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "# not a heading | not | a table",
    "`code` <!-- comment --> {{ 7*7 }} {% raw %}",
    "{: onclick=\"alert(1)\" }",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_article_text_is_data_not_markup(evil: str):
    explainer = sample()
    explainer.sentences[0].text = evil
    explainer.claims[0].content.text = evil
    explainer.actors[0].name = evil
    explainer.article.title = evil
    for path, content in render(explainer).items():
        out = html(content)
        assert "<script" not in out, path
        assert "<img" not in out, path
        assert 'href="javascript' not in out, path
        assert "onclick" not in out or "onclick=&quot;" in out, path
        assert "49" not in out, path


def test_undefined_names_fail_loudly(tmp_path: Path):
    (tmp_path / "home.md.j2").write_text("{{ no_such_thing }}")
    with pytest.raises(UndefinedError):
        render(dirs=[tmp_path, ROOT / "templates"])


def test_user_templates_override_one_at_a_time(tmp_path: Path):
    (tmp_path / "home.md.j2").write_text("# My own home page\n")
    pages = render(dirs=[tmp_path, ROOT / "templates"])
    assert pages["index.md"] == "# My own home page\n"
    assert "Who's who" in pages["articles/a1/who.md"]
