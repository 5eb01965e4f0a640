"""The explainer MkDocs plugin: explainer pages are rendered from the YAML at every build.

Listed in ``mkdocs.yml`` as ``plugins: - explainer: {...}`` (the ``mkdocs.plugins`` entry
point; options in :mod:`generator.publish.options`). Pages are added in memory
(``on_files``), never written into ``docs/``, so ``mkdocs serve`` does not loop; the data
and template folders are watched, so editing a YAML file or a template re-renders the site.
The shipped theme overrides and stylesheet are added behind the project's own, so a
project needs neither. MkDocs follows links and opens FIFOs when it walks ``docs/`` and the
theme folders, so those are checked first; under ``explainer serve`` each re-render holds
the project lock.
"""

from __future__ import annotations

import logging
import os
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator import kept_data
from generator.errors import ExplainerError
from generator.files import check_tree
from generator.lock import SERVE_ENV, project_lock
from generator.publish import settings as project
from generator.publish import shipped
from generator.publish.block_links import check_block_links
from generator.publish.dates import build_date
from generator.publish.options import MIGRATE, ExplainerOptions
from generator.publish.page_cache import PageCache
from generator.publish.preview import preview_images
from generator.publish.search import index_site
from generator.publish.site import Loaded, load_sources, render_pages
from generator.publish.themed import QuietSkips, salt_of, write_themed
from generator.publish.unused_assets import drop_unused
from generator.render import blocks

PREVIEWS = "previews"  # the preview images' cache, in the project's cache folder
THEMED = "themed"  # the themed pages' cache, there too
MKDOCS_BUILD = "mkdocs.commands.build"  # the logger that says a page was skipped


class ExplainerPlugin(BasePlugin[ExplainerOptions]):
    """Renders the explainers of ``data/`` into the site MkDocs builds."""

    def __init__(self) -> None:
        self.cache: PageCache | None = None  # this build's page cache
        self.serving = False  # under `mkdocs serve`: its watcher's threads run beside
        self.preloaded: list[Loaded] | None = None  # the explainers, if already read (once)
        self.nav: Navigation | None = None  # this build's navigation (for ``on_env``)
        self.quiet: QuietSkips | None = None  # hides MkDocs' skips of pages written in forks
        self.searched: list[str] | None = None  # the pages to index (``search:`` pages)
        self.blocks: dict[str, tuple[str, ...]] = {}  # each page's HTML blocks, by src_uri

    def settings(self, config: MkDocsConfig) -> project.Settings:
        """The project's settings; one process under ``serve``, where forking beside the
        server's threads is not safe."""
        settings = project.from_options(Path(config.config_file_path), self.config,
                                        config.docs_dir, config.site_url,
                                        config.use_directory_urls)
        serving = self.serving or os.environ.get(SERVE_ENV) == "1"
        return replace(settings, workers=1) if serving else settings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Refuse a project still configured for the old hook, or a folder holding a link
        out of it, a FIFO or a device; put the project's theme overrides
        (``templates/theme/``), then the shipped ones, behind ``custom_dir``, and the
        shipped stylesheet in the pages."""
        if "explainer" in (config.extra or {}):
            raise PluginError(MIGRATE)
        themes = [Path(self.settings(config).templates) / "theme", shipped.theme()]
        folders = [Path(config.docs_dir), *themes[:1]]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        for folder in folders:
            problem = check_tree(folder) if folder.is_dir() else None
            if problem:
                raise PluginError(f"{problem}; not building")
        _add_themes(config, [folder for folder in themes if folder.is_dir()])
        if shipped.STYLESHEET not in config.extra_css:
            config.extra_css.append(shipped.STYLESHEET)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the rendered pages, preview images and (unless the project has its own)
        the stylesheet; drop the theme files no page loads. An invalid explainer stops the
        build with its file and line. Under ``explainer serve`` the data is read holding
        the project lock."""
        settings = self.settings(config)
        serving = os.environ.get(SERVE_ENV) == "1"
        try:
            with project_lock(settings.data, "serve") if serving else nullcontext():
                loaded = self.preloaded
                if loaded is None:
                    loaded = load_sources(settings.data, settings.workers,
                                          settings.cache / kept_data.FOLDER)
                self.preloaded = None  # a later build (serve) reads the files again
                pages = render_pages(settings, loaded, keep=True)
        except ExplainerError as exc:
            raise PluginError(str(exc)) from None
        generated: list[tuple[str, str | bytes]] = [(page.path, page.content) for page in pages]
        self.blocks = {page.path: page.blocks for page in pages if page.blocks}
        generated += preview_images([explainer for explainer, _ in loaded], config.site_name,
                                    config.site_description, settings.workers,
                                    settings.cache / PREVIEWS)
        for path, content in generated:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        if files.get_file_from_path(shipped.STYLESHEET) is None:
            files.append(File.generated(config, shipped.STYLESHEET,
                                        abs_src_path=str(shipped.stylesheet())))
        files = drop_unused(files, config)
        self._end_cache(prune=False)
        config_file = Path(config.config_file_path)
        self.cache = PageCache(config_file.parent, config_file.read_bytes(), files)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """The pages converted on every core into the page cache, before MkDocs converts
        them one after the other (it then takes them from the cache)."""
        workers = self.settings(config).workers
        if self.cache is not None and workers > 1:
            self.cache.prepare(config, files, workers)
        self.nav = nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Every page's themed HTML written on every core (see :mod:`.themed`); the pages
        to index noted (their front matter says ``search``); the links of the HTML blocks
        checked, as MkDocs checked the Markdown's."""
        self.searched = [file.dest_uri for file in files.documentation_pages()
                         if file.page is not None and file.page.meta.get("search")]
        check_block_links(self.blocks, files)
        settings = self.settings(config)
        if self.nav is not None and settings.workers > 1:
            kept = settings.cache / THEMED if self.cache is not None else None
            salt = salt_of(config, self.nav, self.cache.salt) if self.cache is not None else ""
            written = write_themed(config, files, self.nav, env, settings.workers, kept, salt)
            if written:
                self.quiet = QuietSkips(written)
                logging.getLogger(MKDOCS_BUILD).addFilter(self.quiet)
        self.nav = None
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """A page converted by an earlier build with the same inputs is not converted again."""
        return self.cache.before(page, markdown) if self.cache is not None else markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """The page's HTML blocks put in (:mod:`generator.render.blocks`), their anchors
        added to the page's for MkDocs' link checks."""
        if self.cache is not None:
            html = self.cache.after(page, html, files)
            if self.cache.probing:  # a child converting for the cache: only that is kept
                return html
        made = self.blocks.get(page.file.src_uri)
        if made:
            try:
                html = blocks.fill(html, made)
            except ValueError as exc:
                raise PluginError(f"{page.file.src_uri}: {exc}") from None
            page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.anchors(made)
        return html

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """A fixed date (``SOURCE_DATE_EPOCH``, else the last commit's) instead of today's,
        so the sitemap and a rebuild of the same sources are identical whatever the day."""
        page.update_date = build_date(Path(config.config_file_path).parent)
        return page

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The search index (Pagefind) of the site just built; the page cache pruned."""
        self._end_cache(prune=True)
        self._end_quiet()
        try:
            index_site(Path(config.site_dir), self.searched)
        except ExplainerError as exc:
            raise PluginError(str(exc)) from None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when an explainer YAML or a template changes."""
        paths = self.settings(config)
        for folder in (paths.data, *paths.template_dirs):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_build_error(self, error: Exception) -> None:
        self._end_quiet()

    def _end_quiet(self) -> None:
        if self.quiet is not None:
            logging.getLogger(MKDOCS_BUILD).removeFilter(self.quiet)
            self.quiet = None

    def _end_cache(self, *, prune: bool) -> None:
        if self.cache is not None:
            self.cache.close(prune=prune)
            self.cache = None


def _add_themes(config: MkDocsConfig, folders: list[Path]) -> None:
    """``folders`` searched in order after the project's ``custom_dir`` and before the
    theme's own; each folder once."""
    dirs = config.theme.dirs
    at = 1 if config.theme.custom_dir else 0
    for folder in folders:
        if all(Path(d).resolve() != folder.resolve() for d in dirs):
            dirs.insert(at, str(folder))
            at += 1
