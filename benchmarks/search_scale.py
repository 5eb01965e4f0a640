"""Benchmark: the search payload of one query on a site of many articles, without building
the whole site.

A built site (``site/``, from ``explainer build``) is copied and given N more indexed
pages shaped like an article's overview (title, what the story is about, key points, main
actors) from real explainers (``--data``, e.g. the YAML kept by
``benchmarks/extract_scale.py --keep``), repeated; Pagefind indexes it as the build does,
and Chromium runs the queries of ``site_scale.py`` on the search page, with an empty cache,
summing the bytes (gzip, as sent) of every fetch under ``pagefind/``. 13,000 pages stand
for 10,000 articles and their shared actors' first pages. Target: <= 300 kB per query.
Run: .venv/bin/python benchmarks/search_scale.py --data DIR [--pages 1000 13000]
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.site_scale import search_payload  # noqa: E402
from generator import store  # noqa: E402
from generator.publish.search import index_site  # noqa: E402


def overviews(data: Path) -> list[str]:
    """The indexed part of an overview page, per explainer in ``data``."""
    bodies = []
    for path in sorted(data.glob("*.yaml")):
        d = store.load_data(path)
        text = {s["id"]: s["text"] for s in d["sentences"]}
        points = [text[k] for k in d["key_points"] if k in text]
        names = [a["name"] for a in d["actors"] if a.get("shown", True)][:5]
        bodies.append(
            "<h1>{title}</h1><h2>What the story is about</h2><p>The story involves {some}.</p>"
            "<h2>Key points</h2><ul>{points}</ul><p>Main actors: {names}</p>".format(
                title=html.escape(d["article"]["title"]), some=html.escape(", ".join(names[:3])),
                points="".join(f"<li>{html.escape(p)}</li>" for p in points),
                names=html.escape(", ".join(names))))
    if not bodies:
        raise SystemExit(f"no explainer YAML in {data}")
    return bodies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 13000])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    bodies = overviews(args.data)
    print("| indexed pages | Pagefind s | page list kB | kB per query |")
    print("|---|---|---|---|")
    for count in args.pages:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            shutil.copytree(args.site, site)
            shutil.rmtree(site / "pagefind", ignore_errors=True)
            for n in range(count):
                page = site / "articles" / f"bench-{n:05d}" / "index.html"
                page.parent.mkdir(parents=True)
                page.write_text("<!doctype html><html lang=en><head><title>x</title></head>"
                                f"<body><div data-pagefind-body>{bodies[n % len(bodies)]}"
                                f"<p>({n})</p></div></body></html>", encoding="utf-8")
            start = time.perf_counter()
            index_site(site)
            seconds = time.perf_counter() - start
            meta = sum(p.stat().st_size for p in (site / "pagefind").glob("*.pf_meta"))
            payload = search_payload(site)
        each = ", ".join(f"{q}: {b / 1024:.0f}" for q, b in payload.items())
        print(f"| {count:,} | {seconds:.1f} | {meta / 1024:.0f} | "
              f"{max(payload.values(), default=0) / 1024:.0f} ({each}) |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
