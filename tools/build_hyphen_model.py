"""Build ``generator/text/data/hyphen_stats.tsv.gz``: compound statistics and hyphen weights.

Run at development time only (nothing is read from the network at run time):
    pip download --no-deps spacy-lookups-data==1.0.5   # MIT
    unzip spacy_lookups_data-1.0.5-py2.py3-none-any.whl 'spacy_lookups_data/data/en_*'
    python -m tools.build_hyphen_model spacy_lookups_data/data/en_lexeme_prob.json.gz \\
        --eval-dir ../shared/eval

1. Statistics (rows ``w`` and ``p``), from ``en_lexeme_prob.json.gz`` only: for each word,
   its log probability and how many hyphenated forms it starts and ends; the known
   ``left-right`` pairs. Words that are neither compound parts nor frequent are left out.
2. Weights (row ``x``): a logistic model (:mod:`generator.text.hyphens`) fitted on the
   hyphenated words (positives) and the dashes between words (``-`` with spaces, ``--``,
   en and em dashes: negatives) of the PolNeAR **train** texts and the TimeBank/AQUAINT
   texts. Only the 17 weights are shipped, nothing of those texts. Every tenth document
   is held out first and the held-out accuracy printed, next to the old counting rule.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import itertools
import json
import re
from pathlib import Path

import numpy as np

from generator.text.hyphens import FEATURES, Hyphens, load_hyphens
from generator.text.tables import sorted_lines
from generator.text.truecase import DATA

OUT = Path(__file__).resolve().parent.parent / "generator" / "text" / "data" / "hyphen_stats.tsv.gz"
MIN_LOGP = -15.0  # words rarer than this are kept only when they are compound parts
PAIR = re.compile(r"([A-Za-z0-9]+)(\s*)(\u2014|\u2013|--|-)(\s*)([A-Za-z]+)")
L2 = 1.0


def lexeme_stats(path: Path) -> tuple[dict[str, tuple[float, int, int]], set[str]]:
    """Per word: log probability, compounds started, compounds ended; and the pairs."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        probs: dict[str, float] = json.load(handle)
    logp: dict[str, float] = {}
    for form, p in probs.items():
        lower = form.lower()
        logp[lower] = max(p, logp.get(lower, -99.0))
    starts: collections.Counter[str] = collections.Counter()
    ends: collections.Counter[str] = collections.Counter()
    pairs = set()
    for form in {f for f in logp if "-" in f}:
        parts = form.split("-")
        if len(parts) < 2 or not all(p.isalnum() for p in parts):
            continue
        for a, b in itertools.pairwise(parts):
            if b[:1].isalpha():
                pairs.add(f"{a}-{b}")
                starts[a] += 1
                ends[b] += 1
    words = {w: (round(p, 2), starts[w], ends[w]) for w, p in logp.items()
             if w.isalnum() and (starts[w] or ends[w] or p > MIN_LOGP)}
    return words, pairs


def examples(folder: Path) -> list[tuple[str, str, str, bool]]:
    """(document, left, right, hyphen?) for every hyphen or dash between two words."""
    found = []
    files = sorted((folder / "polnear" / "train").glob("*.txt"))
    files += sorted((folder / "timeml").glob("*/*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        for match in PAIR.finditer(text):
            left, before, dash, after, right = match.groups()
            hyphen = dash == "-" and not before and not after
            if dash == "-" and (bool(before) != bool(after)):
                continue  # ``pro- or``: a suspended hyphen, neither kind
            found.append((path.name, left.lower(), right.lower(), hyphen))
    return found


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (17 weights)."""
    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + L2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + L2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("lexeme_prob", type=Path, help="spacy-lookups-data en_lexeme_prob")
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words, pairs = lexeme_stats(args.lexeme_prob)
    nltk = load_hyphens(sorted_lines(DATA / "case_stats.tsv.gz"), [])
    stats = Hyphens(nltk.left, nltk.right, nltk.pairs, words, pairs, (0.0,) * len(FEATURES))
    data = examples(args.eval_dir)
    x = np.array([stats.features(a, b) for _, a, b, _ in data])
    y = np.array([float(h) for *_, h in data])
    docs = sorted({d for d, *_ in data})
    held = np.array([docs.index(d) % 10 == 0 for d, *_ in data])
    w = fit(x[~held], y[~held])
    predicted = (x[held] @ w) > 0
    old = np.array([_old_rule(stats, a, b) for (_, a, b, _), h in zip(data, held, strict=True)
                    if h])
    print(f"{len(data)} examples ({int(y.sum())} hyphens); held out {int(held.sum())}: "
          f"model accuracy {np.mean(predicted == y[held]):.3f}, "
          f"old rule {np.mean(old == y[held]):.3f}")
    w = fit(x, y)
    for name, weight in zip(FEATURES, w, strict=True):
        print(f"  {name:24s} {weight:+.3f}")
    rows = [f"w\t{word}\t{p}\t{s}\t{e}" for word, (p, s, e) in words.items()]
    rows += [f"p\t{pair}" for pair in pairs]
    rows.append("x\tweights\t" + " ".join(f"{v:.4f}" for v in w))
    with gzip.open(args.out, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(rows)) + "\n")
    print(f"{len(rows)} rows -> {args.out} ({args.out.stat().st_size} bytes)")
    return 0


def _old_rule(stats: Hyphens, left: str, right: str) -> bool:
    """The counting rule this model replaced (for the comparison only)."""
    from generator.text.detokenize import CLAUSE_WORDS

    if f"{left}-{right}" in stats.pairs:
        return True
    if left in CLAUSE_WORDS or right in CLAUSE_WORDS:
        return False
    if left[-1].isdigit() or len(left) == 1:
        return True
    return stats.left.get(left, 0) + stats.right.get(right, 0) >= 2


if __name__ == "__main__":
    raise SystemExit(main())
