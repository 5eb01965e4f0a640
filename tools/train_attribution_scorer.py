"""Fit the learned cue scorer (``generator/nlp/data/attribution_prior.json``) on PolNeAR train.

Development-time only: reads the corpus in place (``--eval-dir``, default ``../shared/eval``)
and writes feature names and weights, never corpus text. Each document goes through the
production pipeline (``load_model()`` + ``analyse()``, as ``explainer extract`` runs it), and
every cue candidate, verb, noun or adjective (:func:`generator.nlp.attribution.verb_candidates`),
is built exactly as extraction builds it and labelled a hit when its content overlaps a gold
content by at least half (the evaluation's match); a non-lexicon candidate only when that gold
content is not already found by the hand rules. Each document is used twice, as written and
lower-cased (then restored, as production restores it), so the model serves both input forms.
``--cache DIR`` keeps the parsed documents there (outside the repository: they hold corpus
text) for the next run and for ``tools/train_claim_confidence.py``.

    python -m tools.train_attribution_scorer [--eval-dir DIR] [--cache DIR]"""

from __future__ import annotations

import argparse
import json
import pickle
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
from tools.fitting import fit_logistic

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "generator" / "nlp" / "data" / \
    "attribution_prior.json"
# Gates below the old ones (0.35 / 0.3 / 0.4): the claim confidence model, fitted on what
# these let through, decides what is listed and shown (chosen by cross-validation on train).
ADD, BLOCK, NOMINAL = 0.15, 0.15, 0.2

Example = tuple[list[str], bool]
Parsed = list[tuple[Document, Gold]]


def parsed_train(eval_dir: Path, cache: Path | None) -> dict[str, Parsed]:
    """PolNeAR train through the production pipeline, as written ("orig") and lower-cased
    ("lower"), read from ``cache`` when it holds them."""
    out: dict[str, Parsed] = {}
    items = load_split(eval_dir / "polnear" / "train", None)
    nlp = None
    for form in ("orig", "lower"):
        path = cache / f"train.{form}.pkl" if cache else None
        if path is not None and path.is_file():
            with path.open("rb") as f:
                out[form] = pickle.load(f)
            continue
        nlp = nlp or load_model()
        out[form] = [(analysed(nlp, lower_same_length(t) if form == "lower" else t,
                               f"train{n}"), g) for n, (t, g) in enumerate(items)]
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as f:
                pickle.dump(out[form], f, protocol=5)
    return out


def examples(pairs: Iterable[tuple[Document, Gold]]) -> list[list[Example]]:
    """(features, hit) per candidate, per document. A lexicon cue hits when its content
    overlaps a gold content by at least half (the evaluation's match); another verb's candidate
    only when the gold it overlaps is not already found by the rules alone (else it adds
    nothing)."""
    rules_only = CueScorer({}, 0.0, 2.0, -1.0)
    out: list[list[Example]] = []
    for document, gold in pairs:
        words = word_spans(document.source.text)
        starts = [w[0] for w in words]
        gsets = [tokens_in([tuple(x) for x in g["content"]], words, starts) for g in gold]
        found = [tokens_in([a.content], words, starts)
                 for a in input_attributions(document, rules_only)]
        known = {j for _, j in match(found, gsets, 0.5)}
        rows: list[Example] = []
        for feats, doc_span, _ in verb_candidates(document.doc):
            span = to_input(document, doc_span)
            if span is None:
                continue
            pred = tokens_in([span], words, starts)
            pool = gsets if "lex=True" in feats else [
                g for j, g in enumerate(gsets) if j not in known]
            rows.append((feats, any(overlap(pred, g) >= 0.5 for g in pool if pred & g)))
        out.append(rows)
    return out


def fit_scorer(rows: list[Example], add: float = ADD, block: float = BLOCK,
               nominal: float = NOMINAL) -> CueScorer:
    """The cue scorer fitted on these candidates (the settings of the shipped model)."""
    weights, bias = fit_logistic([f for f, _ in rows], [y for _, y in rows], epochs=6,
                                 rate=0.02, l2=1e-5)
    return CueScorer(weights, bias, add, block, nominal)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep parsed documents here (outside the repository)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    parsed = parsed_train(args.eval_dir, args.cache)
    rows = [r for form in ("orig", "lower") for doc_rows in examples(parsed[form])
            for r in doc_rows]
    scorer = fit_scorer(rows)
    table = {"provenance": f"logistic regression (numpy Adam, 6 epochs, rate 0.02, l2 1e-5) "
             f"on {len(rows)} candidates from the {len(parsed['orig'])} PolNeAR train "
             f"documents (as written and lower-cased, production pipeline, {MODEL})",
             "add": scorer.add, "block": scorer.block, "nominal": scorer.nominal,
             "bias": scorer.bias, "weights": dict(sorted(scorer.weights.items()))}
    args.out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(scorer.weights)} weights from {len(rows)} candidates -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
