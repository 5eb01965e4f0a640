"""Explainers -> Markdown pages, through Jinja templates.

Templates come from the project's ``templates/`` folder; a user folder given in
the settings is searched first, so one template can be overridden at a time.
Every printed value is escaped for Markdown and HTML unless a template marks it
as already safe, and an undefined name is an error, not an empty string.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from generator.model import Explainer
from generator.render import escape
from generator.render.views import ArticleView, count_label, shared_actors
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


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, with forward slashes
    content: str


class Renderer:
    """A Jinja environment over the template folders, most specific first."""

    def __init__(self, template_dirs: Iterable[Path]) -> None:
        loaders = [FileSystemLoader(str(d)) for d in template_dirs if d.is_dir()]
        self.env = Environment(
            loader=ChoiceLoader(loaders),
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

    def render_site(self, explainers: list[Explainer]) -> list[Page]:
        """Every page of the site: the home page, five pages and a timeline export per
        article, and a page per actor named in more than one article."""
        ordered = sorted((public(e) for e in explainers), key=_newest_first)
        actors, actor_pages = shared_actors(ordered)
        views = [ArticleView(e, actor_pages.get(e.article.id)) for e in ordered]
        by_slug = {actor.slug: actor for actor in actors}
        for view in views:  # newest article first on an actor's page
            for actor_id, page in view.actor_pages.items():
                by_slug[page].appearances.append((view, view.actor_by_id[actor_id]))
        pages = [Page("index.md", self._render("home.md.j2", articles=views, actors=actors))]
        for view in views:
            for name, template in ARTICLE_PAGES.items():
                path = f"{ARTICLES_DIR}/{view.id}/{name}"
                pages.append(Page(path, self._render(template, a=view, page=name)))
            pages.append(Page(f"{ARTICLES_DIR}/{view.id}/{TIMELINE_EXPORT}",
                              escape.plain_json(view.timeline_json())))
        if actors:
            pages.append(Page(f"{ACTORS_DIR}/index.md",
                              self._render("actors/index.md.j2", actors=actors)))
        for actor in actors:
            pages.append(Page(f"{ACTORS_DIR}/{actor.slug}.md",
                              self._render("actors/actor.md.j2", actor=actor)))
        return pages

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)


def _newest_first(explainer: Explainer) -> tuple[str, str]:
    published = explainer.article.published or ""
    return ("~" if not published else _invert(published), explainer.article.id)


def _invert(date: str) -> str:
    """Sort key that puts later dates first."""
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in date)
