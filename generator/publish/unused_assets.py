"""Theme files the site never loads, left out of ``site/``.

Material copies every search language pack (``assets/javascripts/lunr/``, about 900 kB)
and its source maps (``*.map``, about 1.3 MB) into every site. The search worker loads a
language pack only for a language other than English named in the search plugin's
``lang``, and browsers fetch source maps only for their developer tools, so both are
dropped unless a configured language needs the packs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

LANGUAGE_PACKS = "assets/javascripts/lunr/"
SEARCH_WORKER = "assets/javascripts/workers/search."
SOURCE_MAP = ".map"
SEARCH_PLUGINS = ("material/search", "search")


def search_languages(config: MkDocsConfig) -> list[str]:
    """Languages the search index is built for (English when no search plugin says)."""
    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        lang = getattr(getattr(plugin, "config", None), "lang", None) if plugin else None
        if lang:
            return [str(code) for code in lang]
    return ["en"]


def unused(file: File, docs_dir: Path, keep_language_packs: bool,
           theme_search: bool = True) -> bool:
    """True for a theme file no page of the site loads (the project's own files stay);
    without the theme's search (Pagefind replaces it) its worker and packs go too."""
    if file.generated_by is not None or not file.src_dir or Path(file.src_dir) == docs_dir:
        return False
    uri = file.src_uri
    if not theme_search and uri.startswith((LANGUAGE_PACKS, SEARCH_WORKER)):
        return True
    return uri.endswith(SOURCE_MAP) or (uri.startswith(LANGUAGE_PACKS) and not keep_language_packs)


def drop_unused(files: Files, config: MkDocsConfig) -> Files:
    """``files`` without the theme's unused language packs and source maps."""
    keep_packs = any(code != "en" for code in search_languages(config))
    theme_search = any(name in config.plugins for name in SEARCH_PLUGINS)
    docs_dir = Path(config.docs_dir)
    for file in [f for f in files if unused(f, docs_dir, keep_packs, theme_search)]:
        files.remove(file)
    return files
