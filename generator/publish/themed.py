"""Every page's themed HTML written on every core, before MkDocs' own pass over the pages.

MkDocs renders each page through the theme's templates and writes it, one page after the
other: about 2 ms a page, and a site of ten thousand articles has 77,000 pages. When all
pages are converted (``on_env``), forked children run MkDocs' own page writer on their
shares; MkDocs' pass then finds each page written and renders it an empty template, which
it skips. Done for sites of ``MIN_PAGES`` pages or more, and only when the explainer
plugin is the project's only plugin (another plugin's page events would run in a child,
and what it gathers there would be lost); if a child fails or logs a warning (which
``--strict`` must count), MkDocs writes every page itself, as without this.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sysconfig
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.blob_cache import BlobCache, key_of
from generator.parallel.forks import fork_each
from generator.publish.mkdocs import WarningCount, log_only_to
from generator.publish.options import PLUGIN

WRITTEN = "explainer-written.html"  # the empty template of a page a child has written
MIN_PAGES = 500  # pages below which forking (a second or so) costs more than it saves
LEVEL = 1  # zlib level of the kept themed pages (the theme's markup repeats: a third of the disk)
SKIPPED = "Page skipped: '"  # how MkDocs says it wrote nothing for a page


def write_themed(config: MkDocsConfig, files: Files, nav: Navigation, env: Environment,
                 workers: int, cache: Path | None = None, salt: str = "") -> set[str]:
    """The pages written in ``workers`` children (their ``src_uri``); none when it was
    not done. ``env`` is given the empty template the written pages are left with. With a
    ``cache`` folder, a page themed by an earlier build from the same inputs (``salt``:
    what every page depends on, :func:`salt_of`) is written as it was then."""
    if workers <= 1 or set(config.plugins) != {PLUGIN}:
        return set()
    doc_files = files.documentation_pages()
    pages = [file.page for file in doc_files if file.page is not None]
    if len(pages) < MIN_PAGES:
        return set()
    warned = WarningCount()
    kept = BlobCache(cache, ".html.z", LEVEL) if cache is not None else None
    keys = {page.file.src_uri: page_key(salt, page) for page in pages} if kept else {}
    write = partial(_write, config=config, doc_files=doc_files, nav=nav, env=env,
                    warned=warned, kept=kept, keys=keys)
    done = fork_each(write, pages, workers, on_child=partial(log_only_to, warned))
    if kept is not None:
        kept.used.update(keys.values())
        kept.prune()
    if not done:
        return set()
    env.loader = ChoiceLoader([DictLoader({WRITTEN: ""}), *([env.loader] if env.loader else [])])
    for page in pages:
        page.meta["template"] = WRITTEN
    return {page.file.src_uri for page in pages}


def _write(page: Page, *, config: MkDocsConfig, doc_files: list, nav: Navigation,
           env: Environment, warned: WarningCount, kept: BlobCache | None,
           keys: dict[str, str]) -> None:
    """In a child: one page written, as MkDocs writes it (or as it wrote it before, from
    ``kept``); a warning fails the child."""
    key = keys.get(page.file.src_uri)
    output = kept.get(key) if kept is not None and key else None
    if output is not None:
        utils.write_file(output, page.file.abs_dest_path)
        return
    mkdocs_build._build_page(page, config, doc_files, nav, env)
    if warned.count:
        raise RuntimeError("a warning: MkDocs' own pass must show and count it")
    if kept is not None and key:
        with contextlib.suppress(OSError):
            kept.put(key, Path(page.file.abs_dest_path).read_bytes())


def salt_of(config: MkDocsConfig, nav: Navigation, page_salt: str) -> str:
    """What every page's themed HTML depends on besides the page: the site's files and
    settings (``page_salt``: the page cache's, with the theme's version), the theme
    folders searched before the theme's own (every file: templates, partials, icons; they
    were checked for links out and FIFOs when the build started) and the navigation (its
    titles and addresses)."""
    parts: list[str | bytes] = [page_salt]
    installed = Path(sysconfig.get_paths()["purelib"]).resolve()
    for folder in map(Path, config.theme.dirs):
        parts.append(f"dir {folder}")
        if folder.resolve().is_relative_to(installed):
            continue  # an installed theme: its version is in the salt
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                with contextlib.suppress(OSError):
                    parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    parts.append(json.dumps(_nav_items(nav.items)))
    return key_of(*parts)


def page_key(salt: str, page: Page) -> str:
    """The key of a page's themed HTML: ``salt`` and everything of the page that the
    theme's templates read."""
    return key_of(
        salt, page.file.src_uri, page.url, str(page.title), page.content or "",
        json.dumps(page.meta, sort_keys=True, default=str),
        json.dumps([_toc(item) for item in page.toc.items]),
        str(page.canonical_url), str(page.edit_url), str(page.update_date),
        str(page.is_homepage), _neighbour(page.previous_page), _neighbour(page.next_page),
        json.dumps([str(getattr(item, "title", "")) for item in page.ancestors]))


def _neighbour(page: Page | None) -> str:
    return "" if page is None else f"{page.url}\0{page.title}"


def _toc(item: Any) -> list:
    return [item.level, item.id, item.title, [_toc(child) for child in item.children]]


def _nav_items(items: list) -> list:
    return [[type(item).__name__, str(getattr(item, "title", "")), str(getattr(item, "url", "")),
             _nav_items(getattr(item, "children", None) or [])] for item in items]


class QuietSkips(logging.Filter):
    """Drops MkDocs' "page skipped" line for the pages written by children."""

    def __init__(self, written: set[str]) -> None:
        super().__init__()
        self.written = written

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith(SKIPPED):
            return True
        return message[len(SKIPPED):].partition("'. ")[0] not in self.written
