"""Benchmark: the site of an archive, 1,000 and 10,000 articles.

Sites are made of real explainers (the distinct ones of the YAML in ``--data``, e.g. the
output kept by ``benchmarks/extract_scale.py --keep``; default: this project's ``data/``)
repeated under new ids, titles and dates (never committed). A repeated copy names its
actors apart (a number added), so that actors are shared between articles as often as
among the distinct texts, not by every copy with its original (which made an actor page
of nearly every actor and grew the cost per article with the number of copies).
For each size it measures:

- a cold ``explainer build --workers N`` in a new process (every explainer checked, the
  pages rendered and converted on N cores, ``mkdocs build --strict``, the Pagefind index),
  its time per article;
- a rebuild after one YAML edit (a title changed), same command;
- the search payload of one query in Chromium (served gzip-compressed, as GitHub Pages
  does), with an empty cache: the bytes as sent of every fetch under ``pagefind/`` (its
  interface, the WebAssembly, the entry, the index chunks and the result fragments),
  summed, for a few queries.

Targets: 10,000 articles built in <= 10 min; time per article within 10% between 1,000
and 10,000; a rebuild well under a cold build; <= 300 kB per query.
Run: .venv/bin/python benchmarks/site_scale.py [--sizes 1000 10000] [--data DIR] [--workers N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import store  # noqa: E402
from generator.parallel.forks import cores  # noqa: E402
from tests.browser.serve import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

QUERIES = ("officials", "president", "police said", "chinese")


def pool(data: Path) -> list[dict]:
    """The distinct explainers of ``data`` (one per article text)."""
    found: dict[str, dict] = {}
    for path in sorted(data.glob("*.yaml")):
        explainer = store.load_data(path)
        article = explainer["article"]
        found.setdefault(article.get("input", {}).get("sha256") or article["title"], explainer)
    if not found:
        raise SystemExit(f"no explainer YAML in {data}")
    return list(found.values())


def make_site(where: Path, explainers: list[dict], count: int) -> Path:
    """A project with ``count`` explainers, copied from ``explainers`` under new ids."""
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    for folder in ("docs", "templates"):  # the plugin comes from the installed package
        shutil.copytree(ROOT / folder, where / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "index.md", "articles"))
    (where / "data").mkdir()
    for number in range(count):
        data = explainers[number % len(explainers)]
        copy = number // len(explainers)
        if copy:  # a copy names its actors apart: shared as often as in the distinct texts
            data = {**data, "actors": [{**actor, "name": f"{actor['name']} {copy}"}
                                       for actor in data.get("actors", [])]}
        article = data["article"]
        saved = {**article, "id": f"article-{number:05d}",
                 "title": f"{article['title']} ({number})",
                 "published": f"{2010 + number % 6}-{1 + number % 12:02d}-{1 + number % 28:02d}"}
        saved.pop("input", None)  # no input file here: nothing to re-extract or check
        text = store.dumps({**data, "article": saved})
        (where / "data" / f"article-{number:05d}.yaml").write_text(text, encoding="utf-8")
    return where


def build_seconds(project: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds (the build and its children: its forks, Pagefind) of
    ``explainer build --workers N``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--workers",
                           str(workers)], cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"build failed: {done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit_one(project: Path) -> None:
    path = project / "data" / "article-00000.yaml"
    data = store.load_data(path)
    data["article"]["title"] = "Edited by a person"
    path.write_text(store.dumps(data), encoding="utf-8")


def search_payload(site: Path) -> dict[str, int]:
    """Bytes fetched (as sent, compressed) by the search page for each query."""
    from playwright.sync_api import sync_playwright

    out = {}
    with serve(site, compress=True) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in QUERIES:
            context = browser.new_context()  # an empty cache per query
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda r, found=responses: found.append(r))
            page.goto(base + f"search/?q={query}")
            page.locator(".pagefind-ui__message").first.wait_for(timeout=30_000)
            page.wait_for_load_state("networkidle")
            if not page.locator(".pagefind-ui__result-link").count():
                continue  # no result: not a query to measure
            out[query] = sum(r.sizes()["responseBodySize"] for r in responses
                             if "/pagefind/" in r.url)
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--workers", type=int, default=cores(),
                        help="processes of the build (default: one per core)")
    args = parser.parse_args(argv)
    explainers = pool(args.data)
    print(f"{len(explainers)} distinct explainers repeated; {args.workers} workers", flush=True)
    print("| articles | cold build s (CPU s) | ms per article (CPU) | rebuild after one edit s "
          f"(CPU s) | search kB per query, max of {len(QUERIES)} | pages | site MB |")
    print("|---|---|---|---|---|---|---|", flush=True)
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_site(Path(tmp), explainers, count)
            cold = build_seconds(project, args.workers)
            edit_one(project)
            again = build_seconds(project, args.workers)
            payload = search_payload(project / "site")
            pages = sum(1 for _ in (project / "site").rglob("index.html"))
            size = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
        each = ", ".join(f"{q}: {b / 1024:.0f}" for q, b in payload.items())
        print(f"| {count:,} | {cold[0]:.0f} ({cold[1]:.0f}) | {1000 * cold[0] / count:.0f} "
              f"({1000 * cold[1] / count:.0f}) | {again[0]:.0f} ({again[1]:.0f}) | "
              f"{max(payload.values(), default=0) / 1024:.0f} ({each}) | {pages:,} | "
              f"{size / 1e6:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
