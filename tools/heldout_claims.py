"""Score the claim pipeline held out inside PolNeAR train (development-time only).

The cue scorer and the claim confidence model are fitted, with the recipes of
``tools/train_attribution_scorer.py`` and ``tools/train_claim_confidence.py``, on train
documents ``--split`` onwards (by file-name order), and the claims of the documents before it
are scored as the attribution evaluation scores them: every claim at or above the listing
floor (``keep``), and those at or above the site threshold. This is where rule and feature
changes are measured (dev is only scored at the end). ``--dump FILE`` keeps each scored claim
and gold attribution (offsets, labels, confidences; corpus text stays outside the repository).

Without ``--keep`` and ``--shown`` both are chosen by the training script's rule on the fitted
part (out of fold there), so the figures test the rule as well as the model.

    python -m tools.heldout_claims --cache DIR [--split 300] [--forms orig,lower] [--dump F]
        [--keep 0.11] [--shown 0.67]"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

import numpy as np

from generator.evaluation.metrics import f1
from generator.evaluation.production import to_input
from generator.nlp.actors import find_actors
from generator.nlp.claim_confidence import claim_features
from generator.nlp.claims import candidate_claims, listed
from generator.nlp.mention_index import MentionIndex
from tools.train_attribution_scorer import examples, fit_scorer, parsed_train
from tools.train_claim_confidence import (
    K,
    choose,
    label,
    labelled_claims,
    members,
    out_of_fold,
    probabilities,
)


def fitted(parsed: dict, split: int):
    """(cue scorer, confidence members, (keep, threshold) by the training rule) fitted on the
    documents from ``split`` on."""
    part = {form: docs[split:] for form, docs in parsed.items()}
    rows = {form: examples(docs) for form, docs in part.items()}
    scorer = fit_scorer([r for form in rows for doc in rows[form] for r in doc])
    data, gold = labelled_claims(part, rows)
    return scorer, members(data, K), choose(data, out_of_fold(data), gold, 0.90)


def scored(parsed: dict, split: int, forms: list[str], scorer, found_members,
           keep: float) -> list[dict]:
    """Every candidate claim of the held-out documents with its confidence and labels."""
    out = []
    for form in forms:
        for n, (document, gold) in enumerate(parsed[form][:split]):
            claims = candidate_claims(document, MentionIndex(find_actors(document)), scorer)
            found = [c.found for c in claims]
            rows = [claim_features(document.doc, c.found, found, document.form.lowercase)
                    for c in claims]
            probs = probabilities(found_members, rows) if rows else np.zeros(0)
            kept = [i for i, p in enumerate(probs) if listed(claims[i].found, p, keep)]
            labels = label(document, gold, [claims[i] for i in kept])
            out.append({"form": form, "doc": n, "gold": gold, "text": document.source.text,
                        "claims": [{"content": to_input(document, claims[i].found.content),
                                    "source": to_input(document, claims[i].found.source),
                                    "cue": to_input(document, claims[i].found.cue),
                                    "origin": claims[i].found.origin,
                                    "p": float(probs[i]), "matched": m, "right": m and ok}
                                   for i, (m, ok) in zip(kept, labels, strict=True)]})
    return out


def report(docs: list[dict], shown: float) -> None:
    gold = sum(len(d["gold"]) for d in docs)
    claims = [c for d in docs for c in d["claims"]]
    for name, floor in (("all", 0.0), ("shown", shown)):
        sel = [c for c in claims if c["p"] >= floor]
        m = sum(c["matched"] for c in sel)
        p, r = m / max(1, len(sel)), m / max(1, gold)
        src = sum(c["right"] for c in sel) / max(1, m)
        print(f"{name:6s} pred {len(sel):6d}  P {p:.3f}  R {r:.3f}  F1 {f1(p, r):.3f}  "
              f"source {src:.3f}")
    ranked = sorted(claims, key=lambda c: -c["p"])
    hits = np.cumsum([c["matched"] for c in ranked])
    ok = [k for k in range(len(ranked)) if hits[k] >= 0.9 * (k + 1)]
    print(f"recall at content precision 0.90 (best cut): {hits[ok[-1]] / gold:.3f}" if ok else "")
    gaps = []
    for b in range(10):
        inside = [c for c in claims if b / 10 <= c["p"] < (b + 1) / 10 or (b == 9 and c["p"] >= 1)]
        if inside:
            conf = sum(c["p"] for c in inside) / len(inside)
            acc = sum(c["right"] for c in inside) / len(inside)
            gaps.append((len(inside), abs(conf - acc)))
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f} {len(inside):6d} {conf:.3f} {acc:.3f}")
    print(f"calibration gap: max {max(g for _, g in gaps):.3f}, weighted "
          f"{sum(n * g for n, g in gaps) / sum(n for n, _ in gaps):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--split", type=int, default=300)
    parser.add_argument("--forms", default="orig,lower")
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--keep", type=float, default=None, help="listing floor")
    parser.add_argument("--shown", type=float, default=None, help="site threshold")
    args = parser.parse_args(argv)
    parsed = parsed_train(args.eval_dir, args.cache)
    scorer, found_members, (keep, shown) = fitted(parsed, args.split)
    keep = keep if args.keep is None else args.keep
    shown = shown if args.shown is None else args.shown
    print(f"listing floor {keep}, site threshold {shown}")
    forms = args.forms.split(",")
    docs = scored(parsed, args.split, forms, scorer, found_members, keep)
    for form in forms:
        print(f"held out, train documents 0-{args.split - 1}, {form}:")
        report([d for d in docs if d["form"] == form], shown)
    if args.dump is not None:
        with args.dump.open("wb") as f:
            pickle.dump(docs, f, protocol=5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
