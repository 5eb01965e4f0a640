"""Evaluate key points against the CNN/DailyMail highlights, side by side with Lead-3.

Each ``cnndm/<id>.txt`` goes through the whole extraction (as ``explainer build``
would), and its key points are scored against ``<id>.highlights.txt`` with
ROUGE-1, -2 and -L F1 (the ``rouge-score`` package, Porter stemming). ROUGE-L is
the summary-level variant (``rougeLsum``, one sentence per line), as in the
extractive-summarisation literature; the sentence-level ``rougeL`` is shown too.
Lead-3 is the first three sentences of the same readable text.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from generator.ingest.reader import read_article
from generator.model import Explainer

METRICS = ("rouge1", "rouge2", "rougeLsum", "rougeL")
ID = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Scored:
    """Mean F1 (per cent) per metric over the articles."""

    name: str
    scores: dict[str, float]


def article_paths(eval_dir: Path, limit: int | None = None) -> list[Path]:
    """The seed-format inputs only (not the cased, original or highlight files)."""
    folder = eval_dir / "cnndm"
    paths = sorted(p for p in folder.glob("*.txt") if ID.match(p.stem))
    return paths[:limit] if limit else paths


def highlights(path: Path) -> list[str]:
    return [line for line in path.with_name(f"{path.stem}.highlights.txt")
            .read_text(encoding="utf-8").split("\n") if line.strip()]


def extract_all(paths: list[Path]) -> list[Explainer]:
    """Full extraction of every article, with one model load."""
    from generator.extract import extract
    from generator.nlp.pipeline import load_model

    nlp = load_model()
    return [extract(nlp, read_article(p)) for p in paths]


def key_point_texts(explainer: Explainer) -> list[str]:
    by_id = {s.id: s.text for s in explainer.sentences}
    return [by_id[sid] for sid in explainer.key_points if sid in by_id]


def lead(explainer: Explainer, n: int = 3) -> list[str]:
    return [s.text for s in explainer.sentences[:n]]


def score(name: str, predictions: list[list[str]], references: list[list[str]]) -> Scored:
    """Mean ROUGE F1 over articles, in per cent."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    per_metric: dict[str, list[float]] = {m: [] for m in METRICS}
    for predicted, reference in zip(predictions, references, strict=True):
        result = scorer.score("\n".join(reference), "\n".join(predicted))
        for metric in METRICS:
            per_metric[metric].append(result[metric].fmeasure)
    return Scored(name, {m: 100 * statistics.fmean(v) for m, v in per_metric.items()})


def table(rows: list[Scored], count: int) -> str:
    lines = [f"key points vs highlights, {count} articles (F1 %, stemmed)",
             f"{'system':<14}{'R-1':>8}{'R-2':>8}{'R-Lsum':>8}{'R-L':>8}"]
    for row in rows:
        lines.append(f"{row.name:<14}" + "".join(f"{row.scores[m]:>8.2f}" for m in METRICS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer evaluate keypoints",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    paths = article_paths(args.eval_dir, args.limit)
    if not paths:
        print(f"no cnndm articles under {args.eval_dir}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    explainers = extract_all(paths)
    elapsed = time.perf_counter() - started
    references = [highlights(p) for p in paths]
    rows = [score("key points", [key_point_texts(e) for e in explainers], references),
            score("Lead-3", [lead(e) for e in explainers], references)]
    print(table(rows, len(paths)))
    words = statistics.fmean(sum(len(t.split()) for t in key_point_texts(e)) for e in explainers)
    print(f"mean key-point words {words:.1f}; extraction {elapsed:.1f} s "
          f"({elapsed / len(paths):.2f} s per article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
