"""Benchmark: how the site build grows with the number of articles.

Builds sites of 25, 100 and 250 articles (copies of the seed's explainer under new
ids, so every actor is shared: the worst case for the cross-article actor pages)
with a cold ``explainer build`` in a new process (every explainer validated, then
``mkdocs build --strict``), and prints the time, the pages built and the cost per
page and per article. Target: 250 articles <= 30 s.
Run: .venv/bin/python benchmarks/site_scale.py [--sizes 25 100 250] [--data data/x.yaml]
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import store  # noqa: E402
from generator.model import Explainer  # noqa: E402

TARGET_SECONDS = 30.0


def default_data() -> Path:
    found = sorted((ROOT / "data").glob("*.yaml"))
    if not found:
        raise SystemExit("no explainer in data/: run `explainer build` first")
    return found[0]


def make_site(where: Path, template: Explainer, count: int) -> Path:
    """A project with ``count`` explainers, copied from ``template`` under new ids."""
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    for folder in ("docs", "templates", "generator"):
        shutil.copytree(ROOT / folder, where / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "index.md", "articles"))
    (where / "data").mkdir()
    for number in range(count):
        explainer = copy.deepcopy(template)
        explainer.article.id = f"article-{number:04d}"
        explainer.article.title = f"{template.article.title} ({number})"
        explainer.article.published = f"2015-{1 + number % 12:02d}-{1 + number % 28:02d}"
        store.write_atomic(where / "data" / f"{explainer.article.id}.yaml",
                           store.dumps(explainer.to_dict()))
    return where


def build_seconds(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 250])
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    template = store.load(args.data or default_data())
    print(f"{'articles':>8} {'pages':>6} {'build s':>8} {'ms/page':>8} {'ms/article':>10}")
    worst = 0.0
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_site(Path(tmp), template, count)
            seconds = build_seconds(project)
            pages = sum(1 for _ in (project / "site").rglob("index.html"))
        worst = max(worst, seconds) if count >= 250 else worst
        print(f"{count:>8} {pages:>6} {seconds:>8.2f} {1000 * seconds / pages:>8.1f} "
              f"{1000 * seconds / count:>10.1f}")
    if worst:
        print(f"250+ articles: {'within' if worst <= TARGET_SECONDS else 'OVER'} the "
              f"{TARGET_SECONDS:.0f} s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
