"""Pages that list articles or actors, cut into pages of a fixed size, so that no page
grows with the archive: the home page (the newest), the archive by date, each actor's
articles and the index of actors (the most named, then by letter).

Every listing page holds at most :data:`PAGE_SIZE` entries and links to its neighbours;
the indexes above them hold one line per month or letter. The number of pages grows
linearly with the articles and actors, the size of each does not.
"""

from __future__ import annotations

import calendar
import posixpath
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.render.views import ArticleView, SiteActor

T = TypeVar("T")
PAGE_SIZE = 50  # entries on one listing page
HOME_SIZE = 20  # newest articles on the home page
TOP_ACTORS = 50  # most-named actors on the index of actors
# Actors whose first page is in the search index: every indexed page costs each query
# about 6 bytes of Pagefind's page list, so the actors are capped and the articles are not
# (an actor left out is still found through the articles naming it and the A-Z index).
SEARCHED_ACTORS = 1000
ARCHIVE_DIR = "archive"
LETTERS_DIR = "by-letter"  # actors/by-letter/<letter>.md: reserved among actor page names
OTHER = "other"  # actors whose name does not start with a letter a-z
UNDATED = "undated"


@dataclass(frozen=True)
class Pager(Generic[T]):
    """One page of a listing: its entries and where it sits among its siblings."""

    items: Sequence[T]
    number: int
    count: int
    first: str  # the first page's path (``archive/index.md``)
    later: str  # the folder of the others (``archive`` -> ``archive/2.md``)

    def path(self, number: int | None = None) -> str:
        number = self.number if number is None else number
        return self.first if number == 1 else f"{self.later}/{number}.md"

    def link(self, number: int) -> str:
        """The address of page ``number`` relative to this page (both are .md sources)."""
        return relative(self.path(number), self.path())

    @property
    def previous(self) -> str | None:
        return self.link(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.link(self.number + 1) if self.number < self.count else None

    @property
    def root(self) -> str:
        """The site root, relative to this page."""
        return "../" * self.path().count("/")

    @property
    def start(self) -> int:
        """The number of this page's first entry in the whole listing (from 1)."""
        return (self.number - 1) * PAGE_SIZE + 1


def relative(target: str, source: str) -> str:
    """``target`` relative to the folder of ``source`` (paths of .md sources)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def pages_of(items: Sequence[T], first: str, later: str,
             size: int = PAGE_SIZE) -> Iterator[Pager[T]]:
    """``items`` cut into pages of ``size`` (one empty page when there are none)."""
    count = max(1, -(-len(items) // size))
    for number in range(1, count + 1):
        yield Pager(items[(number - 1) * size:number * size], number, count, first, later)


@dataclass(frozen=True)
class Month:
    """A month of the archive: where its first article is listed, and how many it has."""

    key: str  # YYYY-MM, or "undated"
    label: str
    count: int
    page: int  # the archive page its first article is on

    @property
    def anchor(self) -> str:
        return f"month-{self.key}"


def month_of(view: ArticleView) -> str:
    published = view.article.published
    return published[:7] if published else UNDATED


def month_label(key: str) -> str:
    if key == UNDATED:
        return "Publication date not given"
    year, month = key.split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def months(views: Sequence[ArticleView], size: int = PAGE_SIZE) -> list[Month]:
    """The months of ``views`` (newest first, as listed), each with its first page."""
    found: dict[str, list[int]] = {}
    for index, view in enumerate(views):
        found.setdefault(month_of(view), []).append(index)
    return [Month(key, month_label(key), len(at), at[0] // size + 1)
            for key, at in found.items()]


def letter_of(actor: SiteActor) -> str:
    first = actor.slug[:1]
    return first if first in string.ascii_lowercase else OTHER


def by_letter(actors: Sequence[SiteActor]) -> dict[str, list[SiteActor]]:
    """Actors by the first letter of their page name, alphabetical within a letter."""
    letters: dict[str, list[SiteActor]] = {}
    for actor in sorted(actors, key=lambda a: (a.name.casefold(), a.slug)):
        letters.setdefault(letter_of(actor), []).append(actor)
    return dict(sorted(letters.items(), key=lambda kv: (kv[0] == OTHER, kv[0])))


def most_named(actors: Sequence[SiteActor], count: int = TOP_ACTORS) -> list[SiteActor]:
    return sorted(actors, key=lambda a: (-len(a.appearances), a.name.casefold(), a.slug))[:count]
