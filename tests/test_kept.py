"""Articles' pages kept between builds: taken back only when nothing they depend on changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render.pages import Renderer
from tests.samples import sample
from tests.test_render import ROOT, second_article


def rendered(cache: Path | None, explainers: list, templates: Path = ROOT / "templates") -> dict:
    pages = Renderer([templates]).render_site(explainers, cache=cache)
    return {page.path: (page.content, page.blocks) for page in pages}


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The ids of the articles actually rendered."""
    made: list[str] = []
    real = Renderer._article_pages
    monkeypatch.setattr(Renderer, "_article_pages",
                        lambda self, view: made.append(view.id) or real(self, view))
    return made


def test_unchanged_articles_are_not_rendered_again(tmp_path: Path, counted: list[str]):
    cold = rendered(tmp_path, [sample()])
    assert counted == ["a1"]
    assert rendered(tmp_path, [sample()]) == cold and counted == ["a1"]
    assert cold == rendered(None, [sample()])  # what rendering gives
    edited = sample()
    edited.article.title = "Edited"
    assert "Edited" in rendered(tmp_path, [edited])["articles/a1/index.md"][0]
    assert counted == ["a1", "a1", "a1"]  # no cache, then the edit
    assert len(list(tmp_path.rglob("*.json.z"))) == 1  # the first title's pages pruned


def test_an_article_is_rendered_again_when_its_actor_gets_a_page(tmp_path: Path,
                                                                  counted: list[str]):
    rendered(tmp_path, [sample()])
    both = rendered(tmp_path, [sample(), second_article()])
    assert sorted(counted) == ["a1", "a1", "a2"]
    assert "actors/officials" in "".join(both["articles/a1/who.md"][1])


def test_a_changed_template_renders_every_article_again(tmp_path: Path, counted: list[str]):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    rendered(tmp_path / "cache", [sample()], templates)
    claim = templates / "article" / "claim.html.j2"
    claim.write_text(claim.read_text() + "<p>changed</p>\n")
    pages = rendered(tmp_path / "cache", [sample()], templates)
    assert counted == ["a1", "a1"] and "<p>changed</p>" in "".join(
        pages["articles/a1/claims.md"][1])
