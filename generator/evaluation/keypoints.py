"""Evaluate key points against the CNN/DailyMail highlights, side by side with Lead-3;
check the generated headlines of the same articles.

Each ``cnndm/<id>.txt`` goes through the whole extraction (as ``explainer build``
would), and its key points are scored against ``<id>.highlights.txt`` with
ROUGE-1, -2 and -L F1 (the ``rouge-score`` package, Porter stemming). ROUGE-L is
the summary-level variant (``rougeLsum``, one sentence per line), as in the
extractive-summarisation literature; the sentence-level ``rougeL`` is shown too.
Lead-3 is the first three sentences of the same readable text.

The articles have no titles, so each gets a generated headline; every one is checked
(at most 80 characters, a capital or digit first, no ellipsis, no dangling last word,
balanced quotes) and ``--titles N`` prints the first N.
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
from generator.nlp.headline import MAX_TITLE

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


DANGLING = {"a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "in", "on", "at",
            "by", "from", "that", "which", "who", "whose", "as", "than", "its", "their", "his",
            "her"}


def title_problems(title: str) -> list[str]:
    """What is wrong with a generated headline, if anything."""
    problems = []
    if len(title) > MAX_TITLE:
        problems.append(f"{len(title)} characters")
    if not title[:1].isupper() and not title[:1].isdigit():
        problems.append("no capital first")
    if "…" in title or "..." in title:
        problems.append("ellipsis")
    words = title.split()
    if not words or words[-1].lower().strip("'\"") in DANGLING or title[-1:] in ",;:-(":
        problems.append("dangling end")
    if title.count('"') % 2 or title.count("\u201c") != title.count("\u201d"):
        problems.append("unbalanced quotes")
    return problems


def title_report(explainers: list[Explainer], show: int) -> str:
    checked = [(e.article.title, title_problems(e.article.title)) for e in explainers]
    bad = [(t, p) for t, p in checked if p]
    lengths = [len(t) for t, _ in checked]
    lines = [f"headlines: {len(checked) - len(bad)} of {len(checked)} pass the checks; "
             f"length {min(lengths)}-{max(lengths)} characters, "
             f"mean {statistics.fmean(lengths):.0f}"]
    lines += [f"  FAILS ({', '.join(p)}): {t}" for t, p in bad]
    lines += [f"  {t}" for t, _ in checked[:show]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer evaluate keypoints",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--titles", type=int, default=0, help="print the first N headlines")
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
    print(title_report(explainers, args.titles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
