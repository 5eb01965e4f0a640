"""Listing pages at scale: the home page, the archive by month and each actor's articles are
paged, so no page grows with the archive; links between the pages resolve."""

from __future__ import annotations

import copy
import posixpath
import re
from functools import cache
from pathlib import Path

from generator.model import Actor, Mention
from generator.render import listings
from generator.render.pages import Renderer
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


@cache
def archive(count: int, actors: int = 1) -> dict[str, str]:
    explainers = []
    for n in range(count):
        e = copy.deepcopy(sample())
        e.article.id = f"a{n:04d}"
        e.article.title = f"Story {n}"
        e.article.published = f"2015-{1 + n % 12:02d}-{1 + n % 28:02d}" if n % 10 else None
        e.actors += [Actor(f"p{k}", f"Person {k}", "person", None,
                           [Mention("s1", (0, 9), "officials")]) for k in range(n % actors)]
        explainers.append(e)
    pages = Renderer([ROOT / "templates"]).render_site(explainers)
    return {p.path: p.text for p in pages}


def test_the_archive_is_paged_newest_first_with_every_article_once():
    pages = archive(120)
    assert [p for p in pages if p.startswith("archive/")] == [
        "archive/index.md", "archive/2.md", "archive/3.md"]
    listed = [m for p in ("archive/index.md", "archive/2.md", "archive/3.md")
              for m in re.findall(r"\(\.\./articles/(a\d+)/index\.md\)", pages[p])]
    assert sorted(listed) == [f"a{n:04d}" for n in range(120)]
    first = pages["archive/index.md"]
    assert first.index("## December 2015") < first.index("## November 2015")
    assert "Publication date not given" in pages["archive/3.md"]  # the undated come last
    assert "[Older →](2.md)" in first and "[← Newer](index.md)" in pages["archive/2.md"]
    home = pages["index.md"]
    assert len(re.findall(r"\(articles/a\d+/index\.md\)", home)) == listings.HOME_SIZE
    assert "[all months](archive/index.md)" in home


def test_an_actor_in_many_articles_gets_pages_of_its_articles():
    pages = archive(120)
    assert [p for p in pages if p.startswith("actors/officials")] == [
        "actors/officials.md", "actors/officials/2.md", "actors/officials/3.md"]
    second = pages["actors/officials/2.md"]
    assert 'href="../../../articles/' in second and "[← Previous](../officials.md)" in second
    assert "search: actor" in pages["actors/officials.md"]
    assert "search:" not in second
    assert "search: \"article\"" in pages["articles/a0001/index.md"]
    assert "search:" not in pages["articles/a0001/who.md"]


def test_only_the_most_named_actors_are_in_the_search_index(monkeypatch):
    """Each indexed page costs every query a few bytes: actors are capped, articles not."""
    monkeypatch.setattr(listings, "SEARCHED_ACTORS", 3)
    archive.cache_clear()
    try:
        pages = archive(40, actors=10)  # Person k is in the articles with n % 10 > k
    finally:
        archive.cache_clear()
    searched = {p for p, text in pages.items() if "search: actor" in text}
    assert searched == {"actors/officials.md", "actors/person-0.md", "actors/person-1.md"}
    assert sum("search: \"article\"" in text for text in pages.values()) == 40


def test_no_listing_page_grows_with_the_archive():
    small, large = archive(120, actors=60), archive(360, actors=90)
    for kind in ("index.md", "archive/index.md", "archive/2.md", "actors/index.md",
                 "actors/officials/2.md", "actors/by-letter/p.md"):
        assert len(large[kind]) < 1.25 * len(small[kind]) + 2000, kind
    assert len([p for p in large if p.startswith("actors/by-letter/p")]) == 2  # 89 persons


def test_every_link_between_generated_pages_resolves():
    pages = archive(360, actors=90)
    for path, content in pages.items():
        if not path.endswith(".md") or path.startswith("articles/"):
            continue
        for target in LINK.findall(content):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages or (ROOT / "docs" / resolved).is_file(), (path, target)
