"""Fit the actor confidence (``generator/nlp/data/actor_confidence.json``) on PolNeAR train.

Development-time only: reads the corpus in place (``--eval-dir``, default ``../shared/eval``)
and writes feature names and weights, never corpus text. Each document goes through the
production pipeline (``load_model()`` + ``analyse()``), twice: as written and lower-cased
(then restored, as production restores it), so the model serves both input forms. Every actor
the extractor finds is labelled right or wrong against the silver reference of
:mod:`generator.evaluation.silver` (named entities of the original cased text, and the gold
attribution sources), with the features :func:`generator.nlp.actors.confidence.actor_features`
gives it in production. The fit is a logistic regression (log loss), so its probabilities are
calibrated on the data it saw; ``explainer evaluate actors`` shows the reliability on dev.

    python -m tools.train_actor_confidence [--eval-dir DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generator.evaluation.polnear import load_split, lower_same_length
from generator.evaluation.production import analysed
from generator.evaluation.silver import Silver, expected_calibration_error
from generator.nlp.actors.confidence import DATA_FILE, ActorScorer
from generator.nlp.actors.referents import scored_actors
from generator.nlp.pipeline import MODEL, load_model
from tools.fitting import fit_logistic

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "generator" / "nlp" / "data" / DATA_FILE
UNFITTED = ActorScorer({}, 0.0)

Example = tuple[list[str], bool]


def examples(nlp, items: list[tuple[str, list[dict]]]) -> list[Example]:
    """(features, right) for every actor of every document, original and lower-cased."""
    out: list[Example] = []
    for n, (text, gold) in enumerate(items):
        silver = Silver(nlp, text, gold)
        for lower in (False, True):
            document = analysed(nlp, lower_same_length(text) if lower else text, f"train{n}")
            out.extend((feats, silver.right(actor))
                       for actor, feats in scored_actors(document, UNFITTED))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default="../shared/eval")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--cache", type=Path, help="read/write the examples here (JSON lines)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--rate", type=float, default=0.02)
    parser.add_argument("--l2", type=float, default=1e-4)
    args = parser.parse_args(argv)
    items = load_split(Path(args.eval_dir) / "polnear" / "train", args.limit)
    if args.cache and args.cache.is_file():
        data = [tuple(json.loads(line)) for line in args.cache.read_text().splitlines()]
    else:
        data = examples(load_model(), items)
        if args.cache:
            args.cache.write_text("".join(json.dumps(x) + "\n" for x in data))
    weights, bias = fit_logistic([f for f, _ in data], [bool(y) for _, y in data],
                                 epochs=args.epochs, rate=args.rate, l2=args.l2)
    scorer = ActorScorer(weights, bias)
    ece = expected_calibration_error([(scorer.score(f), y) for f, y in data])
    right = sum(y for _, y in data)
    table = {"provenance": f"logistic regression on {len(data)} actors ({right} right) from "
             f"{len(items)} PolNeAR train documents (original and lower-cased, production "
             f"pipeline, {MODEL}) against the silver reference of "
             f"generator/evaluation/silver.py; epochs={args.epochs}, rate={args.rate}, "
             f"l2={args.l2}; calibration error on train {ece}",
             "bias": bias, "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(weights)} weights from {len(data)} actors ({right} right), train calibration "
          f"error {ece} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
