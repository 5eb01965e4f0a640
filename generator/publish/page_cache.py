"""A cache of MkDocs' Markdown-to-HTML conversion, page by page, between builds.

Converting Markdown is about half of a site build, and after one YAML edit all but a few
pages are the same. A page whose Markdown, address, set of site files, ``mkdocs.yml`` and
MkDocs / Markdown / theme versions are all unchanged gets the HTML, table of contents,
title and anchors its last conversion gave (``.explainer-cache/pages/`` beside
``mkdocs.yml``, JSON, never code). Only conversions that logged no warning are kept, so a
strict build still fails where it failed before; entries the build did not use are removed
after it. Delete the folder at any time: the next build is a cold one.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from generator.blob_cache import BlobCache
from generator.parallel.forks import fork_each
from generator.publish.mkdocs import WarningCount, log_only_to
from generator.publish.settings import CACHE_DIR

FOLDER = Path(CACHE_DIR) / "pages"
VERSIONED = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "explainer")
STAND_IN = "\n"  # what MkDocs converts instead of a cached page's Markdown
MIN_PAGES = 100  # pages below which converting them in forks costs more than it saves


class PageCache:
    """One build's use of the cache."""

    def __init__(self, root: Path, config_bytes: bytes, files: Files) -> None:
        self.blobs = BlobCache(root / FOLDER, ".json")
        digest = hashlib.sha256(config_bytes)
        for dist in VERSIONED:
            digest.update(f"{dist}=={_version(dist)};".encode())
        for uri in sorted(f.src_uri for f in files):
            digest.update(uri.encode("utf-8", "surrogatepass") + b"\0")
        self.salt = digest.hexdigest()
        self.pending: dict[str, tuple[str, dict[str, Any] | None, int]] = {}
        self.warnings = WarningCount()
        logger = logging.getLogger("mkdocs")
        for old in [h for h in logger.handlers if isinstance(h, WarningCount)]:
            logger.removeHandler(old)  # left by a build that failed half-way
        logger.addHandler(self.warnings)
        self.hits = 0
        self.probing = False  # in a child of :meth:`prepare`: a cached page is only noted

    def _key(self, page: Page, markdown: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(page.file.src_uri.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(markdown.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def before(self, page: Page, markdown: str) -> str:
        """The Markdown MkDocs should convert: a stand-in when the page is cached."""
        key = self._key(page, markdown)
        if self.probing and self.blobs.has(key):  # the parent reads it; no need here
            self.pending[page.file.src_uri] = (key, {"probed": True}, self.warnings.count)
            return STAND_IN
        entry = self._read(key)
        self.pending[page.file.src_uri] = (key, entry, self.warnings.count)
        return STAND_IN if entry is not None else markdown

    def after(self, page: Page, html: str, files: Files) -> str:
        """The page's HTML: the cached one (its toc, title and anchors restored), or the
        one just made (kept when it logged no warning)."""
        key, entry, warnings = self.pending.pop(page.file.src_uri)
        if entry is not None and entry.get("probed"):
            return html
        if entry is not None:
            self.hits += 1
            page.toc = get_toc(entry["toc"])
            page._title_from_render = entry["title"]
            page.present_anchor_ids = set(entry["anchors"])
            links = {}
            for uri, anchors in entry["links"].items():
                target = files.get_file_from_path(uri)
                if target is not None:
                    links[target] = anchors
            page.links_to_anchors = links
            return entry["html"]
        if self.warnings.count == warnings:
            self._write(key, {
                "html": html, "toc": [_token(item) for item in page.toc.items],
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": {f.src_uri: anchors
                          for f, anchors in (page.links_to_anchors or {}).items()}})
        return html

    def prepare(self, config: MkDocsConfig, files: Files, workers: int) -> bool:
        """Every page converted beforehand in ``workers`` forked processes, each writing its
        conversions into the cache, so that MkDocs' own pass over the pages (one after the
        other) finds them there. False when that could not be done: MkDocs then converts
        what is missing, as without it."""
        pages = list(files.documentation_pages())
        if len(pages) < MIN_PAGES:
            return False
        return fork_each(partial(_convert, config=config, files=files), pages, workers,
                         on_child=self._in_child)

    def _in_child(self) -> None:
        log_only_to(self.warnings)
        self.probing = True

    def close(self, *, prune: bool = True) -> None:
        """Stop counting warnings; remove the entries this build did not use."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if prune:
            self.blobs.prune()

    def _read(self, key: str) -> dict[str, Any] | None:
        raw = self.blobs.get(key)
        try:
            entry = json.loads(raw) if raw is not None else None
        except ValueError:
            return None
        keys = {"html", "toc", "title", "anchors", "links"}
        return entry if isinstance(entry, dict) and keys <= set(entry) else None

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        self.blobs.put(key, json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _convert(file: File, config: MkDocsConfig, files: Files) -> None:
    """What MkDocs does to a page before its theme: read, plugins, Markdown, plugins."""
    page = file.page or Page(None, file, config)
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config,
                                                    files=files)
    page.render(config, files)
    config.plugins.on_page_content(page.content, page=page, config=config, files=files)


def _token(item: AnchorLink) -> dict[str, Any]:
    return {"level": item.level, "id": item.id, "name": item.title,
            "children": [_token(child) for child in item.children]}


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"
