"""MkDocs hooks: explainer pages are rendered from the YAML at every build.

Pages are added in memory (``on_files``), never written into ``docs/``, so
``mkdocs serve`` does not loop; the data and template folders are watched, so
editing a YAML file or a template re-renders the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.errors import ExplainerError
from generator.publish import settings as project
from generator.publish.preview import preview_images
from generator.publish.site import load_sources, render_pages
from generator.publish.unused_assets import drop_unused


def _settings(config: MkDocsConfig) -> project.Settings:
    return project.from_extra(Path(config.config_file_path), config.extra, config.docs_dir)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the rendered pages and preview images, drop the theme files no page loads; an
    invalid explainer stops the build with its file and line."""
    settings = _settings(config)
    try:
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
    return drop_unused(files, config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when an explainer YAML or a template changes."""
    paths = _settings(config)
    for folder in (paths.data, paths.templates, paths.overrides):
        if folder is not None and folder.is_dir():
            server.watch(str(folder))
    return server
