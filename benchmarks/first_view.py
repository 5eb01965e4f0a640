"""Weight of the first view of each page type: the HTML and everything it loads, gzipped.

Run after `explainer build`: .venv/bin/python benchmarks/first_view.py [--site site]
[--budget 100]. The site is served from 127.0.0.1 and each page type is opened in a fresh
Chromium context (empty cache, as a first visit); every response the page and its workers
receive until the network is idle is gzip-compressed (level 6, what web servers commonly
use) and summed. Exit status 1 when an article page goes over the budget (kB).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit_site import page_types  # noqa: E402
from tests.browser.serve import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ARTICLE_TYPES = {"overview", "who", "claims", "timeline", "text"}
SETTLE_MS = 500  # after the network is idle, for requests the bundle makes late


def first_view(browser: object, url: str) -> dict[str, int]:
    """Gzipped bytes per resource (URL) that one first visit of ``url`` loads."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes: dict[str, int] = {}

    def record(response: object) -> None:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        sizes[response.url] = len(gzip.compress(body, compresslevel=6, mtime=0))

    page.on("response", record)
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(SETTLE_MS)
    finally:
        context.close()
    return sizes


def kind(url: str) -> str:
    """What a resource is, for the breakdown."""
    path = url.split("?", 1)[0]
    for suffix, name in ((".css", "css"), (".js", "js"), (".json", "json"), (".png", "image"),
                         (".svg", "image"), (".ico", "image")):
        if path.endswith(suffix):
            return name
    return "html"


def measure(site: Path) -> dict[str, dict[str, int]]:
    """Per page type, gzipped bytes per kind of resource (and the total)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, int]] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path in page_types(site).items():
                sizes = first_view(browser, base + path)
                by_kind: dict[str, int] = defaultdict(int)
                for url, size in sizes.items():
                    by_kind[kind(url)] += size
                by_kind["total"] = sum(sizes.values())
                by_kind["requests"] = len(sizes)
                out[name] = dict(by_kind)
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--budget", type=float, default=100.0, help="kB per article page")
    args = parser.parse_args(argv)
    results = measure(args.site)
    columns = ["html", "css", "js", "json", "image"]
    print(f"{'page':<10}{'requests':>9}" + "".join(f"{c:>8}" for c in columns) + f"{'total':>9}")
    over = []
    for name, row in results.items():
        cells = "".join(f"{row.get(c, 0) / 1000:>8.1f}" for c in columns)
        print(f"{name:<10}{row['requests']:>9}{cells}{row['total'] / 1000:>9.1f}")
        if name in ARTICLE_TYPES and row["total"] > args.budget * 1000:
            over.append(name)
    print(f"(kB, gzip level 6; budget {args.budget:g} kB per article page"
          + (f"; over: {', '.join(over)})" if over else "; all within)"))
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
