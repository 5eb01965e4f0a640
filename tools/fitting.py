"""Model fitting shared by the training scripts: sparse logistic regression and isotonic
calibration, in numpy (a dependency of spaCy), deterministic for a given seed.

Development-time only: nothing here runs when the site is built; the fitted weights are read
by :mod:`generator.nlp.attribution.scorer` and :mod:`generator.nlp.claim_confidence`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

Features = Sequence[str]


def _encode(rows: Sequence[Features], index: dict[str, int]
            ) -> tuple[np.ndarray, np.ndarray]:
    """Row offsets and column indexes of the known features of each row (CSR layout)."""
    offsets, cols = [0], []
    for feats in rows:
        cols.extend(j for j in (index.get(f) for f in feats) if j is not None)
        offsets.append(len(cols))
    return np.array(offsets, dtype=np.int64), np.array(cols, dtype=np.int64)


def fit_logistic(rows: Sequence[Features], labels: Sequence[bool], *, epochs: int = 6,
                 rate: float = 0.02, l2: float = 1e-4, min_count: int = 1, batch: int = 256,
                 seed: int = 13) -> tuple[dict[str, float], float]:
    """Logistic regression over binary features by mini-batch Adam with L2 shrinkage.

    Returns (weights by feature name, bias); features seen fewer than ``min_count`` times are
    left out, and so are weights under 0.005 in size (they change no decision).
    """
    counts = Counter(f for feats in rows for f in feats)
    index = {f: j for j, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    offsets, cols = _encode(rows, index)
    y = np.asarray(labels, dtype=float)
    w, b = np.zeros(len(index)), 0.0
    state = {"w": (np.zeros(len(index)), np.zeros(len(index))), "b": (0.0, 0.0)}
    rng = np.random.default_rng(seed)
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for k in range(0, len(y), batch):
            idx = order[k:k + batch]
            lens = offsets[idx + 1] - offsets[idx]
            feats = np.concatenate([cols[offsets[i]:offsets[i + 1]] for i in idx])
            owner = np.repeat(np.arange(len(idx)), lens)
            z = np.zeros(len(idx))
            np.add.at(z, owner, w[feats])
            p = 1.0 / (1.0 + np.exp(-np.clip(z + b, -30, 30)))
            err = (p - y[idx]) / len(idx)
            grad = np.zeros(len(index))
            np.add.at(grad, feats, err[owner])
            touched = np.zeros(len(index), dtype=bool)
            touched[feats] = True
            grad[touched] += l2 * w[touched]
            step += 1
            w = _adam(w, grad, state, "w", step, rate)
            b = float(_adam(np.array([b]), np.array([err.sum()]), state, "b", step, rate)[0])
    names = {j: f for f, j in index.items()}
    return {names[j]: round(float(w[j]), 4) for j in np.nonzero(np.abs(w) >= 0.005)[0]}, \
        round(b, 4)


def _adam(x: np.ndarray, grad: np.ndarray, state: dict, key: str, step: int,
          rate: float) -> np.ndarray:
    m, v = state[key]
    m = 0.9 * m + 0.1 * grad
    v = 0.999 * v + 0.001 * grad * grad
    state[key] = (m, v)
    return x - rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)


def predict(weights: dict[str, float], bias: float, rows: Sequence[Features]) -> np.ndarray:
    z = np.array([bias + sum(weights.get(f, 0.0) for f in feats) for feats in rows])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def isotonic(scores: np.ndarray, labels: np.ndarray) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators: the non-decreasing step map from score to observed rate, as
    (score, probability) points at each block's ends (rounded to 4 places)."""
    order = np.argsort(scores, kind="stable")
    blocks: list[list[float]] = []  # total, count, lowest score, highest score
    for s, t in zip(scores[order], np.asarray(labels, dtype=float)[order], strict=True):
        blocks.append([t, 1.0, s, s])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] >= blocks[-1][0] * blocks[-2][1]:
            total, count, _, high = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
            blocks[-1][3] = high
    xs: list[float] = []
    ys: list[float] = []
    for total, count, low, high in blocks:
        for x in (round(float(low), 6), round(float(high), 6)):
            if not xs or x > xs[-1]:
                xs.append(x)
                ys.append(round(total / count, 4))
    return xs, ys


def folds(groups: Sequence[int], k: int) -> list[np.ndarray]:
    """Boolean test masks of ``k`` folds that keep each group (document) in one fold."""
    g = np.asarray(groups)
    return [g % k == i for i in range(k)]
