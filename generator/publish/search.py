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

import subprocess
from pathlib import Path

from generator.errors import ExplainerError

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


def index_site(site: Path) -> None:
    """Build the search index into ``site/pagefind/``; a failure is one line."""
    argv = [str(executable()), "--site", str(site), "--output-subdir", BUNDLE,
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
