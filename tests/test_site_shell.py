"""The built site's shell: sharing meta with absolute addresses, canonical links and a full
sitemap when ``site_url`` is set (a warning from ``explainer build`` when not), preview
images, and no theme files the site never loads. Built from hand-made explainers (no NLP)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.commands import build as build_command
from generator.publish.search import index_site
from tests.browser.serve import build, demo_explainers, make_project

pytestmark = pytest.mark.slow

SITE_URL = "https://example.org/news/"


def with_site_url(project: Path) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"site_url: {SITE_URL}\n" + text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("published"), demo_explainers())
    return build(with_site_url(project))


def meta(html: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def test_every_page_has_a_canonical_link_and_is_in_the_sitemap(published: Path):
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = [p for p in published.rglob("index.html")]
    assert len(pages) > 10
    for page in pages:
        path = page.parent.relative_to(published).as_posix()
        url = SITE_URL + (f"{path}/" if path != "." else "")
        html = page.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{url}">' in html, path
        assert url in listed, path
        assert meta(html, "og:url") == url
        assert meta(html, "og:image").startswith(SITE_URL)


def test_article_pages_share_their_own_preview(published: Path):
    html = (published / "articles" / "a1" / "claims" / "index.html").read_text(encoding="utf-8")
    assert meta(html, "og:image") == SITE_URL + "articles/a1/preview.png"
    assert meta(html, "twitter:image") == SITE_URL + "articles/a1/preview.png"
    assert meta(html, "og:type") == "article"
    assert meta(html, "twitter:card") == "summary_large_image"
    home = (published / "index.html").read_text(encoding="utf-8")
    assert meta(home, "og:image") == SITE_URL + "preview.png"
    assert meta(home, "og:type") == "website"
    for path in ("preview.png", "articles/a1/preview.png", "articles/a2/preview.png"):
        assert (published / path).read_bytes().startswith(b"\x89PNG"), path


def test_no_unused_language_packs_source_maps_or_theme_search(published: Path):
    assert not (published / "assets" / "javascripts" / "lunr").exists()
    assert not list(published.rglob("*.map"))
    assert not list((published / "assets" / "javascripts" / "workers").glob("search.*.js"))
    assert not (published / "search" / "search_index.json").exists()
    assert (published / "pagefind" / "pagefind-ui.js").is_file()
    assert list((published / "pagefind" / "index").glob("*.pf_index"))


def test_a_rebuild_gives_the_same_preview_bytes(published: Path, tmp_path: Path):
    again = build(with_site_url(make_project(tmp_path, demo_explainers())))
    for png in published.rglob("preview.png"):
        assert (again / png.relative_to(published)).read_bytes() == png.read_bytes()


def test_build_warns_without_site_url_and_still_builds(tmp_path: Path, capsys):
    project = make_project(tmp_path, demo_explainers())
    assert build_command.run(project / "mkdocs.yml") == 0
    warning = [line for line in capsys.readouterr().err.splitlines() if "site_url" in line]
    assert len(warning) == 1 and warning[0].startswith("explainer: warning: mkdocs.yml:")
    html = (project / "site" / "articles" / "a1" / "claims" / "index.html").read_text(
        encoding="utf-8")
    assert 'rel="canonical"' not in html and meta(html, "og:url") is None
    assert meta(html, "og:image") == "../preview.png"
    with_site_url(project)
    assert build_command.run(project / "mkdocs.yml") == 0
    assert "site_url" not in capsys.readouterr().err


def test_the_search_index_reads_only_the_marked_pages_and_is_the_whole_sites_index(
        published: Path, tmp_path: Path):
    """Pagefind is given only the pages marked for the index (an article's overview, the
    most-named actors' first pages), linked beside the site: the very index it builds from
    every page, and nothing left behind."""
    site, whole = tmp_path / "site", tmp_path / "whole"
    for copy in (site, whole):
        shutil.copytree(published, copy)
        shutil.rmtree(copy / "pagefind")
    marked = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                    if "data-pagefind-body" in p.read_text(encoding="utf-8"))
    assert "articles/a1/index.html" in marked and "articles/a1/who/index.html" not in marked
    index_site(site, marked)
    index_site(whole)  # Pagefind over every page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "whole"]
    assert snapshot(site / "pagefind") == snapshot(whole / "pagefind")
    assert snapshot(site / "pagefind") == snapshot(published / "pagefind")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


HREF = re.compile(r'<a [^>]*href="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')


def test_every_link_of_the_explainer_pages_leads_to_a_page_and_anchor(published: Path):
    """Links written by Markdown and by the HTML blocks alike (the blocks' addresses are
    made by the renderer, not by MkDocs)."""
    site = published
    pages = [p for p in site.rglob("index.html")
             if p.relative_to(site).parts[0] in ("articles", "actors")]
    ids = {}
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for href in HREF.findall(html):
            href = href.replace("&amp;", "&")
            if href.startswith(("http:", "https:", "mailto:")) or "assets/" in href:
                continue
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page.relative_to(site), href)
            if anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(ID.findall(target.read_text(encoding="utf-8")))
                assert anchor in ids[target], (page.relative_to(site), href)
            checked += 1
    assert checked > 100
