"""A built explainer site served from 127.0.0.1, and Debian's Chromium to look at it.

Shared by the browser tests, the screenshots and the site audit. Chromium is the
system one (``/usr/bin/chromium``): nothing is downloaded (no ``playwright install``).
"""

from __future__ import annotations

import copy
import functools
import gzip
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

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """A missing page gets the site's own 404 page, with status 404, as on GitHub Pages."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class _Gzipped(_Quiet):
    """Sends text files gzip-compressed to clients that accept it, as GitHub Pages does."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(folder: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve ``folder`` on a free local port; yields the base URL (with a trailing slash).
    ``compress`` sends text gzip-compressed, as the site's host (GitHub Pages) does."""
    handler = functools.partial(_Gzipped if compress else _Quiet, directory=str(folder))
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

    first = _with_a_dispute(sample())
    first.article.published = "2015-03-10"
    first.article.source = "The Example Times"
    first.article.url = "https://example.org/news/rain"
    second = copy.deepcopy(sample())
    second.article.id = "a2"
    second.article.title = "Officials say the rain will stop"
    return [first, second]


def _with_a_dispute(explainer):
    """The sample with a second source at odds with the first, a quote and a dated event,
    so the claims page has a dispute and a quote card, the timeline an axis, and who's who
    a diagram."""
    from generator.model import Actor, Claim, DateRef, Event, Mention, Sentence, TextRef

    said = "Rights groups said in 2013 that it never rained"
    quote = "'It will stop soon,' the officials said"
    explainer.sentences += [Sentence("s3", (47, 47 + len(said)), said),
                            Sentence("s4", (48 + len(said), 48 + len(said) + len(quote)), quote)]
    explainer.actors.append(Actor("rights-groups", "Rights groups", "group", None,
                                  [Mention("s3", (47, 60), "rights groups")],
                                  role="advocacy group"))
    explainer.claims[0].contested_by = ["c2"]
    explainer.claims += [
        Claim("c2", "s3", "rights-groups", TextRef((47, 60), "rights groups"),
              TextRef((61, 65), "said"), TextRef((74, 94), "that it never rained"),
              contested_by=["c1"]),
        Claim("c3", "s4", "officials", TextRef((118, 131), "the officials"),
              TextRef((132, 136), "said"), TextRef((95, 116), "'it will stop soon,'"),
              kind="direct")]
    explainer.dates.append(DateRef("t2", "s3", (69, 73), "2013", "DATE", "2013", None, "2013"))
    explainer.timeline.append(Event("e2", "t2", "Rights groups said it never rained", "s3",
                                    ["rights-groups"]))
    return explainer
