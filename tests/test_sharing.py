"""Sharing and trust on the rendered pages: front matter for the sharing meta, the
provenance footer, and "edited by people" only where the YAML file says so."""

from __future__ import annotations

from pathlib import Path

import markdown

from generator import store
from generator.publish import settings
from generator.publish.site import load_sources, render_pages
from generator.render.pages import Renderer, with_meta
from generator.render.provenance import Provenance
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent


def render(explainer=None, provenance=None) -> dict[str, str]:
    pages = Renderer([ROOT / "templates"]).render_site([explainer or sample()], provenance)
    return {p.path: p.text for p in pages}


def test_front_matter_gets_sharing_keys_and_the_templates_own_keys_win():
    assert with_meta("---\ndescription: x\n---\n# T\n", {"a": "1", "description": "y"}) == \
        '---\ndescription: x\na: "1"\n---\n# T\n'
    assert with_meta("# T\n", {"a": 'say "hi"'}) == '---\na: "say \\"hi\\""\n---\n# T\n'


def test_article_pages_name_their_preview_image():
    explainer = sample()
    explainer.article.published = "2015-03-10"
    pages = render(explainer)
    for name in ("index.md", "who.md", "claims.md", "timeline.md", "text.md"):
        head = pages[f"articles/a1/{name}"].split("\n---\n", 1)[0]
        assert 'preview_image: "articles/a1/preview.png"' in head, name
        assert 'og_type: "article"' in head and 'published: "2015-03-10"' in head
    assert "preview_image" not in pages["index.md"]  # the site's own image, set by the theme


def test_every_article_page_ends_with_its_provenance():
    explainer = sample()
    explainer.article.source = "The *Daily* Mail"
    explainer.article.url = "https://example.org/a?b=1&c=<x>"
    pages = render(explainer, {"a1": Provenance(edited=False, fingerprint="f" * 64)})
    for name in ("index.md", "who.md", "claims.md", "timeline.md", "text.md"):
        footer = pages[f"articles/a1/{name}"].rsplit('<footer class="provenance"', 1)[1]
        assert "Edited by people: no" in footer
        assert "Source: The \\*Daily\\* Mail" in footer  # escaped: data, not markup
        assert 'href="https://example.org/a?b=1&amp;c=&lt;x&gt;"' in footer
        assert "extraction rules 1" in footer and "output ffffffffffff" in footer
        assert "seeds/a1\\.txt" in footer


def test_edited_is_said_only_when_known():
    assert "Edited by people: yes" in render(None, {"a1": Provenance(edited=True)})[
        "articles/a1/claims.md"]
    assert "Edited by people: not recorded" in render()["articles/a1/claims.md"]


def test_home_page_says_edited_by_people_only_when_true():
    home = render(None, {"a1": Provenance(edited=False)})["index.md"]
    assert "checked by people" not in home and "not edited by people" in home
    home = render(None, {"a1": Provenance(edited=True)})["index.md"]
    assert "· edited by people" in home and "not edited by people" not in home
    home = render()["index.md"]
    assert "edited by people" not in home.split("how this works")[1]


def test_edited_comes_from_the_yaml_fingerprint(tmp_path: Path):
    data = tmp_path / "data"
    store.save(data / "a1.yaml", sample())
    [(_, machine)] = load_sources(data)
    assert machine.edited is False and machine.fingerprint
    edited = store.load_data(data / "a1.yaml")
    edited["article"]["title"] = "A title a person wrote"
    store.write_atomic(data / "a1.yaml", store.dumps(edited))
    [(_, person)] = load_sources(data)
    assert person.edited is True and person.fingerprint == machine.fingerprint
    project = settings.Settings(tmp_path, tmp_path / "mkdocs.yml", tmp_path, data,
                                ROOT / "templates", None, tmp_path / "docs")
    pages = {p.path: p.text for p in render_pages(project)}
    assert "Edited by people: yes" in pages["articles/a1/index.md"]
    assert "· edited by people" in pages["index.md"]


def test_site_url_is_read_from_mkdocs_yml(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\n", encoding="utf-8")
    assert settings.load(config).site_url is None
    config.write_text("site_name: X\nsite_url: https://example.org/news/\n", encoding="utf-8")
    assert settings.load(config).site_url == "https://example.org/news/"


def test_the_dateline_shows_the_source_as_written():
    explainer = sample()
    explainer.article.source = "Mail.com (UK) <b>"
    page = render(explainer)["articles/a1/index.md"]
    html = markdown.markdown(page, extensions=["md_in_html", "attr_list", "tables",
                                               "admonition"])
    assert "· Mail.com (UK) &lt;b&gt;</p>" in html  # raw HTML: no Markdown backslashes
