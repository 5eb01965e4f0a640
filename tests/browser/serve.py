"""A built explainer site served from 127.0.0.1, and Debian's Chromium to look at it.

Shared by the browser tests, the screenshots and the site audit. Chromium is the
system one (``/usr/bin/chromium``): nothing is downloaded (no ``playwright install``).
"""

from __future__ import annotations

import copy
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
    "--disable-sync", "--no-first-run", "--disable-domain-reliability",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free local port; yields the base URL (with a trailing slash)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def make_project(where: Path, explainers: list) -> Path:
    """A copy of the project's site set-up with the given explainers as its data."""
    from generator import store

    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    for folder in ("docs", "templates"):
        shutil.copytree(ROOT / folder, where / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "index.md", "articles"))
    shutil.copytree(ROOT / "generator", where / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (where / "data").mkdir()
    for explainer in explainers:
        store.write_atomic(where / "data" / f"{explainer.article.id}.yaml",
                           store.dumps(explainer.to_dict()))
    return where


def build(project: Path) -> Path:
    """``mkdocs build --strict`` of a project (no extraction); returns the site folder."""
    from generator.publish.mkdocs import mkdocs_build

    assert mkdocs_build(project / "mkdocs.yml", quiet=True) == 0
    return project / "site"


def demo_explainers() -> list:
    """Two small articles sharing an actor, made by hand (no article text is copied)."""
    from tests.samples import sample

    first = sample()
    first.article.published = "2015-03-10"
    second = copy.deepcopy(sample())
    second.article.id = "a2"
    second.article.title = "Officials say the rain will stop"
    return [first, second]
