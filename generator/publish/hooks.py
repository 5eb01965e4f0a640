"""MkDocs hooks: explainer pages are rendered from the YAML at every build.

Pages are added in memory (``on_files``), never written into ``docs/``, so
``mkdocs serve`` does not loop; the data and template folders are watched, so
editing a YAML file or a template re-renders the site. MkDocs follows links and
opens FIFOs when it walks ``docs/`` and the theme folder, so those are checked
first; under ``explainer serve`` each re-render holds the project lock.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.errors import ExplainerError
from generator.files import check_tree
from generator.lock import SERVE_ENV, project_lock
from generator.publish import settings as project
from generator.publish.dates import build_date
from generator.publish.page_cache import PageCache
from generator.publish.preview import preview_images
from generator.publish.search import index_site
from generator.publish.site import load_sources, render_pages
from generator.publish.unused_assets import drop_unused

CACHE = "_explainer_page_cache"  # this build's PageCache, kept on the config between hooks


def _settings(config: MkDocsConfig) -> project.Settings:
    return project.from_extra(Path(config.config_file_path), config.extra, config.docs_dir)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse to build from a folder holding a link out of it, a FIFO or a device."""
    folders = [Path(config.docs_dir)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    for folder in folders:
        problem = check_tree(folder) if folder.is_dir() else None
        if problem:
            raise PluginError(f"{problem}; not building")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the rendered pages and preview images, drop the theme files no page loads; an
    invalid explainer stops the build with its file and line. Under ``explainer serve``
    the data is read holding the project lock."""
    settings = _settings(config)
    serving = os.environ.get(SERVE_ENV) == "1"
    try:
        with project_lock(settings.data, "serve") if serving else nullcontext():
            loaded = load_sources(settings.data)
            pages = render_pages(settings, loaded)
    except ExplainerError as exc:
        raise PluginError(str(exc)) from None
    generated: list[tuple[str, str | bytes]] = [(page.path, page.content) for page in pages]
    generated += preview_images([explainer for explainer, _ in loaded], config.site_name,
                                config.site_description)
    for path, content in generated:
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    files = drop_unused(files, config)
    _end_cache(config, prune=False)
    config_file = Path(config.config_file_path)
    setattr(config, CACHE, PageCache(config_file.parent, config_file.read_bytes(), files))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A page converted by an earlier build with the same inputs is not converted again."""
    cache = getattr(config, CACHE, None)
    return cache.before(page, markdown) if cache is not None else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    cache = getattr(config, CACHE, None)
    return cache.after(page, html, files) if cache is not None else html


def _end_cache(config: MkDocsConfig, *, prune: bool) -> None:
    cache = getattr(config, CACHE, None)
    if cache is not None:
        cache.close(prune=prune)
        setattr(config, CACHE, None)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A fixed date (``SOURCE_DATE_EPOCH``, else the last commit's) instead of today's, so
    the sitemap and a rebuild of the same sources are identical whatever the day."""
    page.update_date = build_date(Path(config.config_file_path).parent)
    return page


def on_post_build(config: MkDocsConfig) -> None:
    """The search index (Pagefind) of the site just built; the page cache pruned."""
    _end_cache(config, prune=True)
    try:
        index_site(Path(config.site_dir))
    except ExplainerError as exc:
        raise PluginError(str(exc)) from None


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when an explainer YAML or a template changes."""
    paths = _settings(config)
    for folder in (paths.data, paths.templates, paths.overrides):
        if folder is not None and folder.is_dir():
            server.watch(str(folder))
    return server
