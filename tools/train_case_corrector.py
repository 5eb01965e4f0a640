"""Fit the learned case corrector (:mod:`generator.text.recase`) and write its weights.

Command (from the project root, about 2 minutes)::

    python -m tools.train_case_corrector --eval-dir ../shared/eval

Training texts: the PolNeAR **train** articles and the TimeBank and AQUAINT (TimeML) texts,
cased news we may learn from. Each is split into sentences by the production splitter,
tokenized like the seed (spaCy's tokenizer; the final period dropped), lower-cased and cased
again by the production rules (:func:`generator.text.restore.rule_case`); each word the
corrector decides is one example, labelled by whether the original capitalises it. Headline
lines (mostly capitalised words) are left out: their capitals are style, not names.

Examples are the words the rules left lower-case (the only ones the corrector decides). The
threshold is chosen on out-of-fold probabilities (five folds by document) as the one that
maximises F1 on all capitalised words while precision falls at most 0.002 below the rules'
(the added capitals must be mostly right: other news is less like these texts, see
``docs/methods/case.md``); then the model is fitted on everything. Only
weights are written (``generator/text/data/case_corrector.json``); the figures go to stdout
for ``docs/methods/case.md``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy

from generator.ingest.forms import Form
from generator.ingest.sentences import split
from generator.text.captions import load_verb_forms
from generator.text.detokenize import BRACKETS, layout
from generator.text.recase import (
    DATA,
    candidates,
    document_usage,
    features,
    line_shape,
)
from generator.text.restore import rule_case
from generator.text.truecase import load_model
from tools.fitting import fit_logistic, folds, predict

QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                        "\u2014": "--", "\u2013": "-"})
HEADLINE_SHARE = 0.6
# Precision first: the capitals the model adds may cost the rules' precision this much at most.
PRECISION_COST = 0.002
GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]


def texts(eval_dir: Path) -> list[str]:
    paths = sorted((eval_dir / "polnear" / "train").glob("*.txt"))
    for corpus in ("timebank", "aquaint"):
        paths += sorted((eval_dir / "timeml" / corpus).glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def seed_lines(text: str, tokenizer) -> list[list[str]]:
    """The text's sentences as the seed writes them, cased: one token list per line."""
    lines = []
    for start, end in split(text, Form(tokenized=False, lowercase=False)):
        tokens = [t.text.translate(QUOTES) for t in tokenizer(text[start:end])
                  if not t.is_space]
        if tokens and tokens[-1] == ".":
            tokens.pop()
        if tokens and not _headline(tokens) and all(len(t.lower()) == len(t) for t in tokens):
            lines.append(tokens)
    return lines


def _headline(tokens: list[str]) -> bool:
    words = [t for t in tokens[1:] if t[:1].isalpha()]
    return len(words) >= 3 and sum(t[:1].isupper() for t in words) > HEADLINE_SHARE * len(words)


def examples(text: str, tokenizer, model, verbs: frozenset[str]
             ) -> tuple[list[list[str]], list[bool], Counts]:
    """Feature rows and gold labels of one document's candidates, and the rules' counts."""
    gold = seed_lines(text, tokenizer)
    lowered = "\n".join(" ".join(t.lower() for t in line) for line in gold)
    spans, by_start, at = [], {}, 0
    for line in gold:
        start = at
        for token in line:
            by_start[at] = token
            at += len(token) + 1
        spans.append((start, at - 1))
    laid_out = layout(lowered, spans)
    words = [[BRACKETS.get(t.text, t.text) for t in tokens] for tokens in laid_out]
    cased, starts = rule_case(laid_out, words, model)
    rows, labels, counts = [], [], Counts()
    cache: dict = {}
    usage = document_usage(words, cased, starts)
    for tokens, lower, shown, first in zip(laid_out, words, cased, starts, strict=True):
        line = line_shape(lower, shown, first)
        for i, token in enumerate(tokens):
            truth = by_start.get(token.start)
            if truth and i not in first and truth[:1].isalpha():
                counts.add(truth[:1].isupper(), shown[i][:1].isupper())
        for i in candidates(model, verbs, lower, shown, first):
            truth = by_start.get(tokens[i].start)
            if truth is not None:
                rows.append(features(model, cache, lower, shown, first, i, line, usage))
                labels.append(truth[:1].isupper())
    return rows, labels, counts


@dataclass
class Counts:
    """The rules' capitals against the original's, over words that start no sentence."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        self.true_pos += gold and predicted
        self.false_pos += predicted and not gold
        self.false_neg += gold and not predicted

    def __iadd__(self, other: Counts) -> Counts:
        self.true_pos += other.true_pos
        self.false_pos += other.false_pos
        self.false_neg += other.false_neg
        return self

    def scores(self, raised_right: int = 0, raised_wrong: int = 0) -> tuple[float, float, float]:
        """Precision, recall and F1 after the model capitalised some words."""
        tp = self.true_pos + raised_right
        precision = tp / max(tp + self.false_pos + raised_wrong, 1)
        recall = tp / max(self.true_pos + self.false_neg, 1)
        return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def raised(p: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[int, int]:
    """Right and wrong capitals the model adds at ``threshold``."""
    up = p >= threshold
    return int(np.sum(up & labels)), int(np.sum(up & ~labels))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    tokenizer = spacy.blank("en").tokenizer
    model = load_model()
    verbs = load_verb_forms()
    rows, labels, groups, counts = [], [], [], Counts()
    for n, text in enumerate(texts(args.eval_dir)):
        r, lab, c = examples(text, tokenizer, model, verbs)
        rows += r
        labels += lab
        groups += [n] * len(r)
        counts += c
    y = np.array(labels)
    print(f"candidates {len(rows)}  capitalised {y.sum()}  documents {groups[-1] + 1}")
    out_of_fold = np.zeros(len(rows))
    for test in folds(groups, 5):
        train = np.nonzero(~test)[0]
        weights, bias = fit_logistic([rows[i] for i in train], y[train], min_count=5)
        held = np.nonzero(test)[0]
        out_of_fold[held] = predict(weights, bias, [rows[i] for i in held])
    print("rules alone: P {:.4f} R {:.4f} F1 {:.4f}".format(*counts.scores()))
    print("threshold  capitals added (right/wrong)  P  R  F1")
    for t in GRID:
        right, wrong = raised(out_of_fold, y, t)
        print(f"{t:.2f}  {right}/{wrong}  " + " ".join(f"{v:.4f}" for v in
                                                     counts.scores(right, wrong)))
    floor = counts.scores()[0] - PRECISION_COST
    kept = [t for t in GRID if counts.scores(*raised(out_of_fold, y, t))[0] >= floor]
    threshold = max(kept or GRID[-1:],
                    key=lambda t: counts.scores(*raised(out_of_fold, y, t))[2])
    print(f"with the corrector, out of fold, threshold {threshold}: "
          "P {:.4f} R {:.4f} F1 {:.4f}".format(*counts.scores(*raised(out_of_fold, y,
                                                                      threshold))))
    weights, bias = fit_logistic(rows, y, min_count=5)
    args.out.write_text(json.dumps({"bias": bias, "threshold": threshold,
                                    "weights": dict(sorted(weights.items()))},
                                   indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
