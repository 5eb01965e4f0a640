"""Explainers -> Markdown pages, through Jinja templates.

Templates come from the project's ``templates/`` folder; a user folder given in
the settings is searched first, so one template can be overridden at a time.
Every printed value is escaped for Markdown and HTML unless a template marks it
as already safe, and an undefined name is an error, not an empty string.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator.errors import ExplainerError
from generator.model import Explainer
from generator.parallel.forks import fork_map
from generator.render import escape, listings
from generator.render.listings import pages_of
from generator.render.loader import SafeLoader
from generator.render.provenance import Provenance
from generator.render.views import ArticleView, SiteActor, count_label, shared_actors
from generator.render.visible import public

ARTICLE_PAGES = {
    "index.md": "article/overview.md.j2",
    "who.md": "article/who.md.j2",
    "claims.md": "article/claims.md.j2",
    "timeline.md": "article/timeline.md.j2",
    "text.md": "article/text.md.j2",
}
ARTICLES_DIR = "articles"
ACTORS_DIR = "actors"
TIMELINE_EXPORT = "timeline.json"
PREVIEW_IMAGE = "preview.png"  # drawn at build time by generator.publish.preview
PROVENANCE = "article/provenance.md.j2"  # ends every article page
FRONT_MATTER = "---\n"
SEARCH_PAGE = "search.md"  # where the search box sends its query (Pagefind's interface)
SEARCHED_PAGE = "index.md"  # the one page per article in the search index (its overview)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, with forward slashes
    content: str


class Renderer:
    """A Jinja environment over the template folders, most specific first."""

    def __init__(self, template_dirs: Iterable[Path]) -> None:
        self.env = Environment(
            loader=SafeLoader(template_dirs),
            undefined=StrictUndefined,
            finalize=escape.markdown_text,
            autoescape=True,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            attr=escape.html_attr, yaml=escape.yaml_string, json_script=escape.json_script,
            fragment=escape.markdown_fragment,
        )
        self.env.globals["count"] = count_label

    def render_site(self, explainers: list[Explainer],
                    provenance: Mapping[str, Provenance] | None = None,
                    workers: int = 1) -> list[Page]:
        """Every page of the site: the home page, the archive, five pages and a timeline
        export per article, a page per actor named in more than one article, the index of
        actors and the search page. ``provenance`` says, per article id, what its YAML file
        records about its making. Listings are paged (:mod:`generator.render.listings`);
        articles' and actors' pages are rendered in ``workers`` processes."""
        ordered = sorted((public(e) for e in explainers), key=_newest_first)
        actors, actor_pages = shared_actors(ordered)
        provenance = provenance or {}
        views = [ArticleView(e, actor_pages.get(e.article.id), provenance.get(e.article.id))
                 for e in ordered]
        by_slug = {actor.slug: actor for actor in actors}
        for view in views:  # newest article first on an actor's page
            for actor_id, page in view.actor_pages.items():
                by_slug[page].appearances.append((view, view.actor_by_id[actor_id]))
        for actor in listings.most_named(actors, listings.SEARCHED_ACTORS):
            actor.searched = True
        pages = list(self._listings(views, actors))
        for actor in fork_map(self._actor_pages, actors, workers):
            pages += actor
        pages.append(Page(SEARCH_PAGE, self._render("search.md.j2")))
        for article in fork_map(self._article_pages, views, workers):
            pages += article
        _one_page_per_path(pages)
        return pages

    def _article_pages(self, view: ArticleView) -> list[Page]:
        """An article's pages and its timeline export."""
        pages = []
        footer = self._render(PROVENANCE, a=view)
        for name, template in ARTICLE_PAGES.items():
            body = self._render(template, a=view, page=name)
            meta = sharing_meta(view)
            if name == SEARCHED_PAGE:
                meta["search"] = "article"
            pages.append(Page(f"{ARTICLES_DIR}/{view.id}/{name}",
                              with_meta(body, meta) + "\n" + footer))
        pages.append(Page(f"{ARTICLES_DIR}/{view.id}/{TIMELINE_EXPORT}",
                          escape.timelinejs_json(view.timeline_json())))
        return pages

    def _listings(self, views: list[ArticleView], actors: list[SiteActor]) -> Iterator[Page]:
        """The home page, the archive by date and the index of actors."""
        archive = list(pages_of(views, f"{listings.ARCHIVE_DIR}/index.md",
                                listings.ARCHIVE_DIR))
        months = listings.months(views)
        yield Page("index.md", self._render(
            "home.md.j2", articles=views[:listings.HOME_SIZE], total=len(views),
            actors=len(actors), months=months[:12]))
        for pager in archive:
            starting = [m for m in months if m.page == pager.number]
            yield Page(pager.path(), self._render(
                "archive/page.md.j2", pager=pager, months=months, starting=starting,
                month_of=listings.month_of, month_label=listings.month_label,
                total=len(views), relative=listings.relative))
        letters = listings.by_letter(actors)
        yield Page(f"{ACTORS_DIR}/index.md", self._render(
            "actors/index.md.j2", actors=listings.most_named(actors), total=len(actors),
            letters={k: len(v) for k, v in letters.items()}))
        for letter, members in letters.items():
            first = f"{ACTORS_DIR}/{listings.LETTERS_DIR}/{letter}.md"
            for pager in pages_of(members, first, first.removesuffix(".md")):
                yield Page(pager.path(), self._render(
                    "actors/letter.md.j2", pager=pager, letter=letter,
                    letters={k: len(v) for k, v in letters.items()}))

    def _actor_pages(self, actor: SiteActor) -> list[Page]:
        """An actor's pages: the articles naming it, newest first, paged."""
        first = f"{ACTORS_DIR}/{actor.slug}.md"
        return [Page(pager.path(), self._render("actors/actor.md.j2", actor=actor, pager=pager))
                for pager in pages_of(actor.appearances, first, first.removesuffix(".md"))]

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)


def sharing_meta(view: ArticleView) -> dict[str, str]:
    """Front matter the theme turns into sharing meta (``og:``, Twitter) on article pages."""
    meta = {"og_type": "article",
            "preview_image": f"{ARTICLES_DIR}/{view.id}/{PREVIEW_IMAGE}"}
    if view.article.published:
        meta["published"] = view.article.published
    return meta


def with_meta(content: str, meta: dict[str, str]) -> str:
    """``content`` with ``meta`` added at the end of its front matter; a key the template
    sets itself is left as the template has it."""
    head, body = "", content
    if content.startswith(FRONT_MATTER):
        end = content.find("\n" + FRONT_MATTER, len(FRONT_MATTER) - 1)
        if end != -1:
            head, body = content[len(FRONT_MATTER):end + 1], content[end + 1 + len(FRONT_MATTER):]
    own = {line.split(":", 1)[0].strip() for line in head.splitlines() if ":" in line}
    lines = "".join(f"{key}: {escape.yaml_string(value)}\n" for key, value in meta.items()
                    if key not in own)
    return FRONT_MATTER + head + lines + FRONT_MATTER + body


def _one_page_per_path(pages: list[Page]) -> None:
    """No page may take another's address (a name chosen so would replace a page)."""
    seen: set[str] = set()
    for page in pages:
        key = page.path.casefold()
        if key in seen:
            raise ExplainerError(None, f"two pages would be written at {page.path}; "
                                       "rename the article or actor that takes it")
        seen.add(key)


def _newest_first(explainer: Explainer) -> tuple[str, str]:
    published = explainer.article.published or ""
    return ("~" if not published else _invert(published), explainer.article.id)


def _invert(date: str) -> str:
    """Sort key that puts later dates first."""
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in date)
