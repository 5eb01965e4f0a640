"""The site's search index: Pagefind, run on the built site.

Pagefind (the binary ships in the ``pagefind-bin`` wheel: nothing is fetched) splits its
index into chunks by word and its result texts into fragments, so a query downloads
only the pieces it needs, not the text of every page: a few hundred kB on a site of ten
thousand articles. Only pages marked ``data-pagefind-body`` (an article's overview, the
first page of the most-named actors, ``listings.SEARCHED_ACTORS``; see
``templates/theme/main.html``) are indexed, less their tabs, dateline, provenance footer and
the note every overview repeats. Every indexed page adds to the page list each query loads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ExplainerError
from generator.files import temp_name

BUNDLE = "pagefind"  # the index's folder in the site
EXCLUDED = (".explainer-tabs, .dateline, .provenance, .explainer-pager, .md-source-file, "
            ".admonition")
TIMEOUT_S = 3600.0
# Pagefind's other interfaces; the search page loads only pagefind-ui.{js,css}
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
          "pagefind-modular-ui.js", "pagefind-highlight.js")


def executable() -> Path:
    """The Pagefind binary of the installed ``pagefind-bin`` wheel."""
    from pagefind_bin import get_executable

    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as exc:
        raise ExplainerError(None, f"the Pagefind binary is missing ({exc}); reinstall with "
                                   "`make site`") from None


def index_site(site: Path, pages: Sequence[str] | None = None) -> None:
    """Build the search index into ``site/pagefind/``; a failure is one line.
    ``pages``: the pages to index (paths in ``site``). Pagefind then reads only them, linked
    into a folder beside the site, instead of every page of the site (a third of the time
    at a thousand articles: it opens and parses each page to find the ones marked)."""
    with _only(site, pages) as folder:
        argv = [str(executable()), "--site", str(folder), "--output-path", str(site / BUNDLE),
                "--exclude-selectors", EXCLUDED, "--force-language", "en", "--silent"]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExplainerError(site, f"search index not built: {exc}") from None
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())[-300:]
        raise ExplainerError(site, f"search index not built (Pagefind exited "
                                   f"{done.returncode}): {detail}")
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)


@contextmanager
def _only(site: Path, pages: Sequence[str] | None) -> Iterator[Path]:
    """A folder beside ``site`` holding ``pages`` (hard links, else copies) at their
    paths in the site, removed afterwards; ``site`` itself when no page is named (Pagefind
    then indexes every page, or only those marked if any is)."""
    if not pages:
        yield site
        return
    folder = temp_name(site.parent / "pagefind-pages")  # swept if this process dies
    folder.mkdir()
    try:
        for page in pages:
            target = folder / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page, target)
            except OSError:
                shutil.copyfile(site / page, target)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
