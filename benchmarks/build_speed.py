"""Benchmark the seed's build: cold `explainer build` against its parts.

Reports, for the seed article: a cold `explainer build` (fresh data, new process),
the model load, the extraction, the rendering and a bare `mkdocs build` of the same
pages without the hook; the target is build <= 1.5 x (model load + bare mkdocs build).
Run: .venv/bin/python benchmarks/build_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3d98c2cb0ee05817.txt"
# The model load alone, through load_model() as every command loads it.
LOAD = "from generator.nlp.pipeline import load_model; load_model()"


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def make_project(where: Path) -> Path:
    where.mkdir(parents=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, where / name)
    for folder in ("docs", "templates", "overrides"):  # the plugin: the installed package
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, where / folder,
                            ignore=shutil.ignore_patterns("__pycache__", "index.md", "articles"))
    (where / "seeds").mkdir()
    shutil.copy(SEED, where / "seeds" / SEED.name)
    return where


def bare_project(project: Path, where: Path) -> Path:
    """The same pages as plain Markdown files and a mkdocs.yml without the plugin (the
    theme's overrides named as its ``custom_dir``)."""
    from generator.publish import settings
    from generator.publish.site import render_pages, write_pages

    shutil.copytree(project / "docs", where / "docs")
    shutil.copytree(project / "templates", where / "templates")  # the theme's overrides
    write_pages(render_pages(settings.load(project / "mkdocs.yml")), where / "docs")
    config = (project / "mkdocs.yml").read_text()
    config = re.sub(r"(?m)^plugins:\n(?:[ #].*\n)*", "plugins: []\n", config)
    config = config.replace("  # custom_dir: overrides", "  custom_dir: templates/theme")
    (where / "mkdocs.yml").write_text(config)
    return where


def measure(repeat: int) -> dict[str, float]:
    from generator.extract import extract
    from generator.ingest.reader import read_article
    from generator.nlp.pipeline import load_model
    from generator.publish import settings
    from generator.publish.site import render_pages

    py = sys.executable
    runs: dict[str, list[float]] = {k: [] for k in
                                    ("build", "load", "extract", "render", "mkdocs")}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            project = make_project(Path(tmp) / "p")
            runs["build"].append(timed([py, "-m", "generator", "build"], project))
            runs["load"].append(timed([py, "-c", LOAD], project))
            bare = bare_project(project, Path(tmp) / "bare")
            runs["mkdocs"].append(timed([py, "-m", "mkdocs", "build", "-q"], bare))
            paths = settings.load(project / "mkdocs.yml")
            start = time.perf_counter()
            render_pages(paths)
            runs["render"].append(time.perf_counter() - start)
    nlp = load_model()
    source = read_article(SEED)
    for _ in range(max(repeat, 5)):
        start = time.perf_counter()
        extract(nlp, source)
        runs["extract"].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in runs.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    t = measure(args.repeat)
    budget = 1.5 * (t["load"] + t["mkdocs"])
    print(f"seed: {SEED.name} ({len(SEED.read_text().split())} words), median of {args.repeat}")
    print(f"  cold explainer build      {t['build']:6.2f} s")
    print(f"  model load (new process)  {t['load']:6.2f} s")
    print(f"  extraction                {t['extract'] * 1000:6.0f} ms")
    print(f"  rendering (YAML -> md)    {t['render'] * 1000:6.0f} ms")
    print(f"  bare mkdocs build         {t['mkdocs']:6.2f} s")
    print(f"  ratio build / (load + mkdocs) = {t['build'] / (t['load'] + t['mkdocs']):.2f} "
          f"(target <= 1.5; budget {budget:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
