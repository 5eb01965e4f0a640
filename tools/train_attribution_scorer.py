"""Fit the learned cue scorer (``generator/nlp/data/attribution_prior.json``) on PolNeAR train.

Development-time only: reads the corpus in place (``--eval-dir``, default ``../shared/eval``)
and writes feature names and weights, never corpus text. Each document goes through the
production pipeline (``load_model()`` + ``analyse()``, as ``explainer extract`` runs it), and
every cue candidate, verb, noun or adjective (:func:`generator.nlp.attribution.verb_candidates`),
is built exactly as extraction builds it and labelled a hit when its content overlaps a gold
content by at least half (the evaluation's match); a non-lexicon candidate only when that gold
content is not already found by the hand rules. Each document is used twice, as written and
lower-cased (then restored, as production restores it), so the model serves both input forms.

    python -m tools.train_attribution_scorer [--eval-dir DIR]"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Iterable
from pathlib import Path

from generator.evaluation.polnear import (
    Gold,
    input_attributions,
    load_split,
    lower_same_length,
    match,
    overlap,
    tokens_in,
    word_spans,
)
from generator.evaluation.production import analysed, to_input
from generator.nlp.attribution import CueScorer, verb_candidates
from generator.nlp.pipeline import MODEL, Document, load_model

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "generator" / "nlp" / "data" / \
    "attribution_prior.json"


Example = tuple[list[str], bool]


def examples(pairs: Iterable[tuple[Document, Gold]]) -> list[Example]:
    """(features, hit) per candidate. A lexicon cue hits when its content overlaps a gold
    content by at least half (the evaluation's match); another verb's candidate only when the
    gold it overlaps is not already found by the rules alone (else it adds nothing)."""
    rules_only = CueScorer({}, 0.0, 2.0, -1.0)
    out: list[Example] = []
    for document, gold in pairs:
        words = word_spans(document.source.text)
        starts = [w[0] for w in words]
        gsets = [tokens_in([tuple(x) for x in g["content"]], words, starts) for g in gold]
        found = [tokens_in([a.content], words, starts)
                 for a in input_attributions(document, rules_only)]
        known = {j for _, j in match(found, gsets, 0.5)}
        for feats, doc_span in verb_candidates(document.doc):
            span = to_input(document, doc_span)
            if span is None:
                continue
            pred = tokens_in([span], words, starts)
            pool = gsets if "lex=True" in feats else [
                g for j, g in enumerate(gsets) if j not in known]
            out.append((feats, any(overlap(pred, g) >= 0.5 for g in pool if pred & g)))
    return out


def fit(data: list[Example], epochs: int, rate: float, l2: float,
        seed: int = 13) -> tuple[dict[str, float], float]:
    """Logistic regression by SGD with AdaGrad steps and L2 shrinkage (pure Python)."""
    weights: dict[str, float] = {}
    grads: dict[str, float] = {}
    bias, bias_g = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, label = data[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            err = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - float(label)
            bias_g += err * err
            bias -= rate * err / math.sqrt(bias_g)
            for f in feats:
                g = err + l2 * weights.get(f, 0.0)
                grads[f] = grads.get(f, 1e-8) + g * g
                weights[f] = weights.get(f, 0.0) - rate * g / math.sqrt(grads[f])
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= 0.01}, round(bias, 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default="../shared/eval")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N documents")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--add", type=float, default=0.35, help="score to add a new cue")
    parser.add_argument("--block", type=float, default=0.3, help="score to keep a lexicon cue")
    parser.add_argument("--nominal", type=float, default=0.4,
                        help="score to add a noun/adjective cue")
    args = parser.parse_args(argv)
    items = load_split(Path(args.eval_dir) / "polnear" / "train", None)
    nlp = load_model()
    data: list[Example] = []
    for lower in (False, True):
        pairs = ((analysed(nlp, lower_same_length(t) if lower else t, f"train{n}"), g)
                 for n, (t, g) in enumerate(items[args.skip:]))
        data.extend(examples(pairs))
    weights, bias = fit(data, args.epochs, args.rate, args.l2)
    table = {"provenance": f"logistic regression on {len(data)} candidates from PolNeAR train "
             f"documents {args.skip}-{len(items)} (original and lower-cased, production pipeline, "
             f"{MODEL}); "
             f"epochs={args.epochs}, rate={args.rate}, l2={args.l2}",
             "add": args.add, "block": args.block, "nominal": args.nominal, "bias": bias,
             "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(weights)} weights from {len(data)} candidates -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
