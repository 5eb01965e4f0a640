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

import logging
from functools import partial

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.parallel.forks import fork_each
from generator.publish.mkdocs import WarningCount, log_only_to
from generator.publish.options import PLUGIN

WRITTEN = "explainer-written.html"  # the empty template of a page a child has written
MIN_PAGES = 500  # pages below which forking (a second or so) costs more than it saves
SKIPPED = "Page skipped: '"  # how MkDocs says it wrote nothing for a page


def write_themed(config: MkDocsConfig, files: Files, nav: Navigation, env: Environment,
                 workers: int) -> set[str]:
    """The pages written in ``workers`` children (their ``src_uri``); none when it was
    not done. ``env`` is given the empty template the written pages are left with."""
    if workers <= 1 or set(config.plugins) != {PLUGIN}:
        return set()
    doc_files = files.documentation_pages()
    pages = [file.page for file in doc_files if file.page is not None]
    if len(pages) < MIN_PAGES:
        return set()
    warned = WarningCount()
    write = partial(_write, config=config, doc_files=doc_files, nav=nav, env=env,
                    warned=warned)
    if not fork_each(write, pages, workers, on_child=partial(log_only_to, warned)):
        return set()
    env.loader = ChoiceLoader([DictLoader({WRITTEN: ""}), *([env.loader] if env.loader else [])])
    for page in pages:
        page.meta["template"] = WRITTEN
    return {page.file.src_uri for page in pages}


def _write(page: Page, *, config: MkDocsConfig, doc_files: list, nav: Navigation,
           env: Environment, warned: WarningCount) -> None:
    """In a child: one page written, as MkDocs writes it; a warning fails the child."""
    mkdocs_build._build_page(page, config, doc_files, nav, env)
    if warned.count:
        raise RuntimeError("a warning: MkDocs' own pass must show and count it")


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
