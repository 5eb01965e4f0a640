"""Fit the claim confidence model (``generator/nlp/data/claim_confidence.json``) on PolNeAR train.

Development-time only; writes feature names, weights and calibration points, no corpus text.

1. Five folds of train documents. For each fold the cue scorer is fitted on the other four
   (``tools/train_attribution_scorer.py``), and the fold's documents, as written and
   lower-cased, go through claim finding with it (:func:`generator.nlp.claims.candidate_claims`,
   after :func:`generator.nlp.actors.find_actors`, as extraction runs them): every candidate
   claim is labelled right when its content matches a gold content (the evaluation's one-to-one
   match, half the words of the larger) and its source shares a word with the gold source (or
   both are absent).
2. A logistic regression over :func:`generator.nlp.claim_confidence.claim_features` is fitted
   five times (each fold's claims scored by a model that never saw them); an isotonic map fitted
   on those out-of-fold scores calibrates the model fitted on all of train.
3. From the out-of-fold probabilities (calibrated by isotonic maps that did not see the fold):
   ``keep``, the lowest floor at which source accuracy reaches 0.90 (claims under it are not
   listed), and the site threshold, the lowest at which content precision reaches
   ``--precision`` (printed; ``mkdocs.yml`` and ``DEFAULT_THRESHOLD`` carry it).

    python -m tools.train_claim_confidence [--eval-dir DIR] [--cache DIR]"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from generator.evaluation.polnear import match, tokens_in, word_spans
from generator.evaluation.production import to_input
from generator.nlp.actors import find_actors
from generator.nlp.claim_confidence import calibrate, claim_features
from generator.nlp.claims import candidate_claims
from generator.nlp.mention_index import MentionIndex
from generator.nlp.pipeline import MODEL
from tools.fitting import fit_logistic, folds, isotonic, predict
from tools.train_attribution_scorer import examples, fit_scorer, parsed_train

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "generator" / "nlp" / "data" / \
    "claim_confidence.json"
K = 5
SOURCE_TARGET = 0.90
GRID = [round(0.01 * i, 2) for i in range(100)]


@dataclass
class Labelled:
    """One candidate claim of one training document."""

    doc: int
    features: list[str]
    matched: bool
    source_ok: bool

    @property
    def right(self) -> bool:
        return self.matched and self.source_ok


def label(document, gold, claims) -> list[tuple[bool, bool]]:
    """(content matched, source right) per claim, as the evaluation counts them."""
    text = document.source.text
    words = word_spans(text)
    starts = [w[0] for w in words]
    gsets = [tokens_in([tuple(x) for x in g["content"]], words, starts) for g in gold]
    spans = [(to_input(document, c.found.content), to_input(document, c.found.source))
             for c in claims]
    pred = [tokens_in([c], words, starts) if c else frozenset() for c, _ in spans]
    pairs = dict(match(pred, gsets, 0.5))
    out = []
    for i, (_, source) in enumerate(spans):
        if i not in pairs:
            out.append((False, False))
            continue
        gold_source = gold[pairs[i]]["source"]
        if not gold_source:
            ok = source is None
        else:
            ok = source is not None and bool(
                tokens_in([tuple(x) for x in gold_source], words, starts)
                & tokens_in([source], words, starts))
        out.append((True, ok))
    return out


def labelled_claims(parsed: dict, cue_rows: dict) -> tuple[list[Labelled], int]:
    """Every candidate claim of train with its features and labels, each fold's documents read
    with a cue scorer fitted on the other folds; and the number of gold attributions."""
    n_docs = len(parsed["orig"])
    test = folds(range(n_docs), K)
    out: list[Labelled] = []
    gold_total = 0
    for k in range(K):
        rows = [r for form in parsed for n in range(n_docs) if not test[k][n]
                for r in cue_rows[form][n]]
        scorer = fit_scorer(rows)
        for docs in parsed.values():
            for n in np.nonzero(test[k])[0]:
                document, gold = docs[n]
                claims = candidate_claims(document, MentionIndex(find_actors(document)), scorer)
                found = [c.found for c in claims]
                gold_total += len(gold)
                for claim, (matched, ok) in zip(claims, label(document, gold, claims),
                                                strict=True):
                    feats = claim_features(document.doc, claim.found, found,
                                           document.form.lowercase)
                    out.append(Labelled(int(n), feats, matched, ok))
        print(f"fold {k + 1}/{K}: {len(out)} claims so far", flush=True)
    return out, gold_total


def out_of_fold(data: list[Labelled]) -> tuple[np.ndarray, np.ndarray]:
    """Raw out-of-fold scores, and probabilities calibrated by maps fitted on other folds."""
    docs = [d.doc for d in data]
    y = np.array([d.right for d in data], dtype=float)
    raw = np.zeros(len(data))
    for mask in folds(docs, K):
        train = [d for d, m in zip(data, mask, strict=True) if not m]
        weights, bias = fit(train)
        raw[mask] = predict(weights, bias, [d.features for d, m in zip(data, mask, strict=True)
                                            if m])
    cal = np.zeros(len(data))
    for mask in folds(docs, K):
        xs, ys = isotonic(raw[~mask], y[~mask])
        cal[mask] = [calibrate(s, tuple(xs), tuple(ys)) for s in raw[mask]]
    return raw, cal


def fit(data: list[Labelled]) -> tuple[dict[str, float], float]:
    return fit_logistic([d.features for d in data], [d.right for d in data], epochs=6,
                        rate=0.02, l2=1e-3, min_count=3)


def choose(data: list[Labelled], prob: np.ndarray, gold: int, precision: float
           ) -> tuple[float, float]:
    """(keep, threshold) from out-of-fold probabilities, as the module notes say."""
    matched = np.array([d.matched for d in data])
    right = np.array([d.right for d in data])
    keep = next((f for f in GRID if right[(prob >= f) & matched].sum()
                 >= SOURCE_TARGET * matched[prob >= f].sum()), 0.0)
    threshold = next((t for t in GRID if matched[prob >= t].mean() >= precision), 0.99)
    print("floor  claims  P      R      F1     source")
    for f in sorted({0.0, keep, threshold, 0.5}):
        sel = prob >= f
        p, r = matched[sel].mean(), matched[sel].sum() / gold
        print(f"{f:.2f}  {sel.sum():6d}  {p:.3f}  {r:.3f}  {2 * p * r / (p + r):.3f}  "
              f"{right[sel].sum() / matched[sel].sum():.3f}")
    return keep, threshold


def reliability(prob: np.ndarray, right: np.ndarray) -> None:
    print("bin       claims  mean conf  accuracy")
    for b in range(10):
        sel = (prob >= b / 10) & ((prob < (b + 1) / 10) if b < 9 else (prob <= 1))
        if sel.any():
            print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}  {sel.sum():6d}  {prob[sel].mean():.3f}"
                  f"      {right[sel].mean():.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--cache", type=Path, default=None,
                        help="parsed documents kept by tools/train_attribution_scorer.py")
    parser.add_argument("--precision", type=float, default=0.91,
                        help="content precision the site threshold must reach out of fold")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    parsed = parsed_train(args.eval_dir, args.cache)
    cue_rows = {form: examples(docs) for form, docs in parsed.items()}
    data, gold = labelled_claims(parsed, cue_rows)
    raw, cal = out_of_fold(data)
    right = np.array([d.right for d in data], dtype=float)
    reliability(cal, right)
    keep, threshold = choose(data, cal, gold, args.precision)
    weights, bias = fit(data)
    xs, ys = isotonic(raw, right)
    table = {"provenance": f"logistic regression (numpy Adam, 6 epochs, rate 0.02, l2 1e-3, "
             f"features seen 3+ times) on {len(data)} candidate claims of the "
             f"{len(parsed['orig'])} PolNeAR train documents (as written and lower-cased, "
             f"production pipeline, {MODEL}, cue scorers cross-fitted in {K} folds); isotonic "
             f"calibration on out-of-fold scores; keep = lowest floor with out-of-fold source "
             f"accuracy {SOURCE_TARGET}; site threshold {threshold} (content precision "
             f"{args.precision} out of fold)",
             "keep": keep, "threshold": threshold, "bias": bias, "xs": xs, "ys": ys,
             "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(weights)} weights, keep {keep}, site threshold {threshold} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
