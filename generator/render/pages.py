"""Explainers -> Markdown pages, through Jinja templates.

Templates come from the project's ``templates/`` folder; a user folder given in
the settings is searched first, so one template can be overridden at a time.
Every printed value is escaped for Markdown and HTML unless a template marks it
as already safe, and an undefined name is an error, not an empty string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError
from markupsafe import Markup

from generator.errors import ExplainerError, TemplateProblem
from generator.model import Explainer
from generator.parallel.forks import fork_map
from generator.render import blocks, escape, kept, listings
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
    content: str  # Markdown (a placeholder where each block goes), or a file's content
    blocks: tuple[str, ...] = ()  # HTML that MkDocs does not convert (:mod:`.blocks`)

    @property
    def text(self) -> str:
        """The page as one Markdown file: its blocks inlined as raw HTML."""
        return blocks.fill(self.content, self.blocks)


class Renderer:
    """A Jinja environment over the template folders, most specific first."""

    def __init__(self, template_dirs: Iterable[Path], *, directory_urls: bool = True) -> None:
        loader = SafeLoader(template_dirs)
        self.folders = loader.folders  # searched in this order
        self.env = _environment(loader, escape.markdown_text, escape.markdown_fragment)
        self.html = _environment(loader, escape.html_text, escape.html_fragment)
        self.directory_urls = directory_urls  # mkdocs.yml's use_directory_urls

    def render_site(self, explainers: list[Explainer],
                    provenance: Mapping[str, Provenance] | None = None,
                    workers: int = 1, cache: Path | None = None) -> list[Page]:
        """Every page of the site: the home page, the archive, five pages and a timeline
        export per article, a page per actor named in more than one article, the index of
        actors and the search page. ``provenance`` says, per article id, what its YAML file
        records about its making. Listings are paged (:mod:`generator.render.listings`);
        articles' and actors' pages are rendered in ``workers`` processes. With a
        ``cache`` folder, an article's pages rendered by an earlier build from the same
        inputs are taken from it (:mod:`.kept`)."""
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
        pages.append(self._render(SEARCH_PAGE, "search.md.j2"))
        kept_pages = kept.KeptPages(cache, self.salt()) if cache is not None else None
        for key, article in fork_map(partial(self._kept_article_pages, kept_pages=kept_pages),
                                     views, workers):
            pages += article
            if kept_pages is not None:
                kept_pages.blobs.used.add(key)
        if kept_pages is not None:
            kept_pages.blobs.prune()
        _one_page_per_path(pages)
        return pages

    def salt(self) -> str:
        """What all articles' pages depend on besides each article (:func:`kept.salt`)."""
        return kept.salt(self.folders, f"directory_urls={self.directory_urls}")

    def _kept_article_pages(self, view: ArticleView,
                            kept_pages: kept.KeptPages | None) -> tuple[str, list[Page]]:
        """An article's pages, from ``kept_pages`` when it has them; their key there."""
        if kept_pages is None:
            return "", self._article_pages(view)
        key = kept_pages.key(view.e, view.actor_pages, view.provenance)
        found = kept_pages.get(key)
        if found is not None:
            return key, [Page(*page) for page in found]
        pages = self._article_pages(view)
        kept_pages.put(key, [(page.path, page.content, page.blocks) for page in pages])
        return key, pages

    def _article_pages(self, view: ArticleView) -> list[Page]:
        """An article's pages and its timeline export."""
        pages = []
        folder = f"{ARTICLES_DIR}/{view.id}"
        for name, template in ARTICLE_PAGES.items():
            path = f"{folder}/{name}"
            made: list[str] = []
            body = self._markdown(path, template, made, a=view, page=name)
            footer = self._markdown(path, PROVENANCE, made, a=view)
            meta = sharing_meta(view)
            if name == SEARCHED_PAGE:
                meta["search"] = "article"
            pages.append(Page(path, with_meta(body, meta) + "\n" + footer, tuple(made)))
        pages.append(Page(f"{ARTICLES_DIR}/{view.id}/{TIMELINE_EXPORT}",
                          escape.timelinejs_json(view.timeline_json())))
        return pages

    def _listings(self, views: list[ArticleView], actors: list[SiteActor]) -> Iterator[Page]:
        """The home page, the archive by date and the index of actors."""
        archive = list(pages_of(views, f"{listings.ARCHIVE_DIR}/index.md",
                                listings.ARCHIVE_DIR))
        months = listings.months(views)
        yield self._render(
            "index.md", "home.md.j2", articles=views[:listings.HOME_SIZE], total=len(views),
            actors=len(actors), months=months[:12])
        for pager in archive:
            starting = [m for m in months if m.page == pager.number]
            yield self._render(
                pager.path(), "archive/page.md.j2", pager=pager, months=months, starting=starting,
                month_of=listings.month_of, month_label=listings.month_label,
                total=len(views), relative=listings.relative)
        letters = listings.by_letter(actors)
        yield self._render(
            f"{ACTORS_DIR}/index.md", "actors/index.md.j2", actors=listings.most_named(actors),
            total=len(actors), letters={k: len(v) for k, v in letters.items()})
        for letter, members in letters.items():
            first = f"{ACTORS_DIR}/{listings.LETTERS_DIR}/{letter}.md"
            for pager in pages_of(members, first, first.removesuffix(".md")):
                yield self._render(
                    pager.path(), "actors/letter.md.j2", pager=pager, letter=letter,
                    letters={k: len(v) for k, v in letters.items()})

    def _actor_pages(self, actor: SiteActor) -> list[Page]:
        """An actor's pages: the articles naming it, newest first, paged."""
        first = f"{ACTORS_DIR}/{actor.slug}.md"
        return [self._render(pager.path(), "actors/actor.md.j2", actor=actor, pager=pager)
                for pager in pages_of(actor.appearances, first, first.removesuffix(".md"))]

    def _render(self, path: str, template: str, **context: object) -> Page:
        made: list[str] = []
        return Page(path, self._markdown(path, template, made, **context), tuple(made))

    def _markdown(self, path: str, template: str, made: list[str], **context: object) -> str:
        """The Markdown of the page at ``path``. Its template may hand parts to HTML
        templates (``block(name, **values)``), whose links ``url(target)`` resolves from
        ``path``; the blocks they write are added to ``made``."""
        url = partial(blocks.link, page=path, directory_urls=self.directory_urls)

        def block(name: str, **values: object) -> Markup:
            made.append(_rendered(self.html, name, values | {"url": url}).strip("\n"))
            return blocks.placeholder(len(made) - 1)

        return _rendered(self.env, template, context | {"block": block})


def _rendered(env: Environment, name: str, values: dict[str, object]) -> str:
    """Template ``name`` rendered; a problem in it (or in a template it calls) becomes a
    one-line error naming the template's file and line."""
    try:
        return env.get_template(name).render(**values)
    except ExplainerError:
        raise
    except (TemplateError, ValueError) as exc:
        where, line = _template_frame(exc)
        message = exc.message if isinstance(exc, TemplateError) and exc.message else str(exc)
        raise TemplateProblem(where or name, f"cannot render the page: {message}",
                              line) from None


def _template_frame(exc: Exception) -> tuple[str | None, int | None]:
    """The template file and line where ``exc`` was raised (Jinja names template frames
    by their file), or the file a syntax error names."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.filename, exc.lineno
    where, line = None, None
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith(".j2"):
            where, line = trace.tb_frame.f_code.co_filename, trace.tb_lineno
        trace = trace.tb_next
    return where, line


def _environment(loader: SafeLoader, finalize: Callable[[object], Markup],
                 fragment: Callable[[object], Markup]) -> Environment:
    """Templates that print every value through ``finalize`` (Markdown or HTML escaping)."""
    env = Environment(loader=loader, undefined=StrictUndefined, finalize=finalize,
                      autoescape=True, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(attr=escape.html_attr, yaml=escape.yaml_string,
                       json_script=escape.json_script, fragment=fragment)
    env.globals["count"] = count_label
    return env


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
