"""HTML blocks: parts of pages written by HTML templates, never converted by Markdown."""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.render import blocks
from generator.render.pages import Renderer
from tests.test_render import ROOT, sample

PAGES = ["index.md", "search.md", "archive/index.md", "archive/2.md", "actors/x.md",
         "actors/x/2.md", "actors/by-letter/p.md", "articles/a1/index.md", "articles/a1/text.md"]
TARGETS = ["claims.md#c1", "index.md", "../../actors/x.md", "../index.md", "text.md",
           "who.md#officials", "2.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_link_is_the_address_mkdocs_would_write(directory_urls: bool):
    def url(path: str) -> str:
        return File(path, "docs", "site", directory_urls).url

    for page in PAGES:
        assert blocks.page_url(page, directory_urls) == url(page)
        for target in TARGETS:
            path, _, anchor = target.partition("#")
            doc = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            expected = get_relative_url(url(doc), url(page)) + (f"#{anchor}" if anchor else "")
            assert blocks.link(target, page, directory_urls) == expected, (page, target)


def test_a_link_within_the_page_or_to_a_file_that_is_no_page():
    assert blocks.link("#c4", "articles/a/claims.md", True) == "#c4"
    with pytest.raises(ValueError, match=r"timeline\.json"):
        blocks.link("timeline.json", "articles/a/timeline.md", True)


def test_placeholders_pass_through_markdown_and_are_filled():
    made = ('<div id="s1">*not emphasis* [not](a link)</div>', '<p id="x&amp;y">two</p>')
    source = f"# Title\n\n{blocks.placeholder(0)}<div markdown>\n{blocks.placeholder(1)}</div>\n"
    converted = markdown.markdown(source, extensions=["md_in_html"])
    filled = blocks.fill(converted, made)
    assert made[0] in filled and made[1] in filled and "explainer-block" not in filled
    assert blocks.anchors(made) == {"s1", "x&y"}
    with pytest.raises(ValueError, match="not placed"):
        blocks.fill("<p><!--explainer-block 0--></p>\n<!--explainer-block 1-->\n", made)


def test_article_text_cannot_make_a_placeholder():
    explainer = sample()
    explainer.sentences[0].text = "<!--explainer-block 0--> and more"
    pages = Renderer([ROOT / "templates"]).render_site([explainer])
    text = next(p for p in pages if p.path.endswith("/text.md"))
    assert len(text.blocks) == 1 and "&lt;!--explainer-block 0--&gt; and" in text.blocks[0]
    assert 'description: "Source text: A title. <!--explainer-block 0--> and more"' in text.text


def test_blocks_are_escaped_for_html_not_markdown():
    explainer = sample()
    explainer.sentences[0].text = "Gov. Smith said *this* [x](y) & <b>that</b>"
    pages = Renderer([ROOT / "templates"]).render_site([explainer])
    (sentences,) = next(p for p in pages if p.path.endswith("/text.md")).blocks
    assert "Gov. Smith" in sentences and "*this* [x](y) &amp; &lt;b&gt;that&lt;/b&gt;" in sentences
    assert "\\" not in sentences  # no Markdown backslash escapes left on the page


@pytest.mark.slow
@pytest.mark.parametrize("target, problem", [
    ("claimz.md#c1", "not found among the site's files"),
    ("text.md#nowhere", "no anchor '#nowhere'"),
])
def test_a_block_link_that_leads_nowhere_fails_a_strict_build(tmp_path: Path, target: str,
                                                             problem: str, caplog):
    from generator.publish.mkdocs import mkdocs_build
    from tests.browser.serve import demo_explainers, make_project

    project = make_project(tmp_path, demo_explainers())
    card = project / "templates" / "article" / "actor.html.j2"
    card.write_text(card.read_text() + f'<p><a href="{{{{ url({target!r}) }}}}">x</a></p>\n')
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        assert mkdocs_build(project / "mkdocs.yml", quiet=True) == 1
    assert any(problem in r.getMessage() and "articles/a1/who.md" in r.getMessage()
               for r in caplog.records)
    card.write_text(card.read_text().replace(target, "claims.md#c1"))
    assert mkdocs_build(project / "mkdocs.yml", quiet=True) == 0


@pytest.mark.slow
def test_block_links_follow_use_directory_urls_false(tmp_path: Path):
    """With pages at ``x.html`` the blocks' links change with them, and still all lead to
    their pages and anchors (the strict build checks each one)."""
    from generator.publish.mkdocs import mkdocs_build
    from tests.browser.serve import demo_explainers, make_project

    project = make_project(tmp_path, demo_explainers())
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("use_directory_urls: true",
                                                 "use_directory_urls: false"))
    assert mkdocs_build(config, quiet=True) == 0
    who = (project / "site" / "articles" / "a1" / "who.html").read_text(encoding="utf-8")
    assert 'href="text.html#s1"' in who and 'href="../../actors/officials.html"' in who
