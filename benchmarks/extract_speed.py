"""Benchmark extraction speed: all-in extraction against bare ``nlp.pipe``, and long articles.

Side by side in one run, on the same texts (the 84 PolNeAR dev articles in
../shared/eval/polnear/dev): bare ``nlp.pipe`` words per second and all-in extraction
(``read_article`` + ``extract``, what ``explainer extract`` runs) words per second.
Then articles of 60,000, 240,000 and 1,000,000 characters, built at run time by
joining eval texts (nothing from the eval sets is written into the project), and a
60,000-character line with no sentence end.

Targets: all-in >= 0.75 x bare words/s; 240k within 5 x the time of 60k; 1M under 180 s.
Run: .venv/bin/python benchmarks/extract_speed.py [--sizes 60000 240000 1000000] [--profile N]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev"
SIZES = (60_000, 240_000, 1_000_000)
RUN_ON = 60_000


def dev_texts() -> list[Path]:
    paths = sorted(DEV.glob("*.txt"))
    if not paths:
        sys.exit(f"no PolNeAR dev texts in {DEV}")
    return paths


def words(text: str) -> int:
    return len(text.split())


def side_by_side(nlp, paths: list[Path]) -> dict[str, float]:
    """Bare nlp.pipe (the model as spaCy ships it) and all-in extraction on the same texts,
    bare first then all-in."""
    from generator.extract import extract
    from generator.ingest.reader import read_article
    from generator.nlp.pipeline import load_spacy

    texts = [p.read_text(encoding="utf-8") for p in paths]
    total = sum(words(t) for t in texts)
    spacy = load_spacy()
    list(spacy.pipe(texts[:2]))  # warm-up
    start = time.perf_counter()
    for _ in spacy.pipe(texts):
        pass
    bare = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:  # for reference: the model on one text at a time
        spacy(text)
    single = time.perf_counter() - start
    start = time.perf_counter()
    for path in paths:
        extract(nlp, read_article(path))
    allin = time.perf_counter() - start
    return {"words": total, "bare_s": bare, "allin_s": allin, "single_s": single,
            "bare_wps": total / bare, "allin_wps": total / allin, "single_wps": total / single}


def long_article(paths: list[Path], size: int) -> str:
    """Eval texts joined as paragraphs until ``size`` characters (cut at a paragraph)."""
    parts, length = [], 0
    while length < size:
        for path in paths:
            text = path.read_text(encoding="utf-8").strip()
            parts.append(text)
            length += len(text) + 2
            if length >= size:
                break
    return "\n\n".join(parts)[:size].rsplit("\n\n", 1)[0] + "\n"


def run_on_line(paths: list[Path], size: int) -> str:
    """One line of ordinary words with no sentence end anywhere."""
    text = " ".join(p.read_text(encoding="utf-8") for p in paths[:30])
    text = re.sub(r"[.!?;:\n\r\"“”]+", " ", text)
    text = re.sub(r"\s+", " ", text)
    return text[:size].rsplit(" ", 1)[0] + "\n"


def time_extract(nlp, text: str, name: str) -> float:
    from generator.extract import extract
    from generator.ingest.reader import read_article

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        extract(nlp, read_article(path))
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--skip-dev", action="store_true", help="no side-by-side run")
    parser.add_argument("--profile", type=int, metavar="CHARS",
                        help="profile one extraction of an article this long, then stop")
    args = parser.parse_args(argv)
    from generator.nlp.pipeline import load_model

    paths = dev_texts()
    start = time.perf_counter()
    nlp = load_model()
    print(f"model load: {time.perf_counter() - start:.1f} s")
    if args.profile:
        return _profile(nlp, long_article(paths, args.profile))
    if not args.skip_dev:
        r = side_by_side(nlp, paths)
        print(f"{len(paths)} PolNeAR dev texts, {r['words']:,} words")
        print(f"  bare nlp.pipe : {r['bare_s']:6.1f} s  {r['bare_wps']:7.0f} words/s")
        print(f"  (nlp(text) one text at a time: {r['single_s']:6.1f} s  "
              f"{r['single_wps']:7.0f} words/s)")
        print(f"  all-in extract: {r['allin_s']:6.1f} s  {r['allin_wps']:7.0f} words/s")
        print(f"  ratio all-in / bare: {r['allin_wps'] / r['bare_wps']:.2f} (target >= 0.75)")
    else:
        time_extract(nlp, paths[0].read_text(encoding="utf-8"), "warm-up")  # lazy loads
    times = {}
    for size in args.sizes:
        text = long_article(paths, size)
        times[size] = time_extract(nlp, text, f"long-{size}")
        print(f"article of {len(text):>9,} chars ({words(text):,} words): "
              f"{times[size]:6.1f} s")
    if 60_000 in times and 240_000 in times:
        print(f"  240k / 60k: {times[240_000] / times[60_000]:.1f} x (target <= 5)")
    if 1_000_000 in times:
        print(f"  1M: {times[1_000_000]:.0f} s (target < 180)")
    line = run_on_line(paths, RUN_ON)
    print(f"one {len(line):,}-char line, no sentence end: "
          f"{time_extract(nlp, line, 'run-on'):.1f} s")
    return 0


def _profile(nlp, text: str) -> int:
    import cProfile
    import pstats

    from generator.extract import extract
    from generator.ingest.reader import read_article

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profiled.txt"
        path.write_text(text, encoding="utf-8")
        profile = cProfile.Profile()
        profile.enable()
        extract(nlp, read_article(path))
        profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
