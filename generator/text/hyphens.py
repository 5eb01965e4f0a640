"""Decide whether a spaced ``-`` between two tokens is a split hyphen or a clause dash.

The tokenizer splits ``dragon-themed`` into ``dragon - themed``, and a spaced dash
(``love - like the Mets``) reads the same. A logistic model weighs what the shipped
statistics know about the two words: whether the pair is a known compound, how many
compounds each word starts or ends (``-themed``, ``-based``), how frequent each word is
(frequent words that form few compounds sit beside dashes), function words, digits and
endings. Its few weights are fitted by ``tools/build_hyphen_model.py`` on the hyphens and
dashes of the allowed training texts; the statistics come from ``spacy-lookups-data``
and the NLTK counts (see ``docs/methods/case.md``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol

from generator.text.detokenize import CLAUSE_WORDS
from generator.text.tables import Table

UNKNOWN_LOGP = -20.0
FEATURES = ("bias", "known pair", "left starts compounds", "right ends compounds",
            "left frequency", "right frequency", "left unknown", "right unknown",
            "left function word", "right function word", "left digit", "right -ed",
            "right -ing", "left -ly", "left plural", "left short", "right short")


class Lookup(Protocol):
    """A dict, a set or a lazy table of the shipped statistics."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def __contains__(self, key: object) -> bool: ...


@dataclass(frozen=True)
class Hyphens:
    """Compound statistics of words and the weights that turn them into a decision."""

    left: Lookup  # word -> times seen before a hyphen (NLTK counts)
    right: Lookup  # word -> times seen after a hyphen (NLTK counts)
    pairs: Lookup  # "left-right" compounds (NLTK counts)
    parts: Lookup  # word -> (log probability, compounds it starts, compounds it ends)
    lexeme_pairs: Lookup  # "left-right" compounds among the lexeme forms
    weights: tuple[float, ...]

    def joins(self, left: str, right: str) -> bool:
        """``full - face`` and ``39 - year`` rejoin; ``love - like the`` stays a dash.

        The tokenizer splits only a hyphen between a letter or digit and a letter, so
        anything else is a real dash.
        """
        if not (left[-1:].isalnum() and right[:1].isalpha()):
            return False
        return self.score(left, right) > 0

    def score(self, left: str, right: str) -> float:
        """Log-odds that ``left - right`` was one hyphenated word."""
        return sum(w * f for w, f in zip(self.weights, self.features(left, right), strict=True))

    def features(self, left: str, right: str) -> tuple[float, ...]:
        """The model's inputs for one pair (also used for training)."""
        pair = f"{left}-{right}"
        left_p, left_starts, _ = self.parts.get(left, (UNKNOWN_LOGP, 0, 0))
        right_p, _, right_ends = self.parts.get(right, (UNKNOWN_LOGP, 0, 0))
        return (
            1.0,
            float(pair in self.pairs or pair in self.lexeme_pairs),
            math.log1p(left_starts + self.left.get(left, 0)),
            math.log1p(right_ends + self.right.get(right, 0)),
            (left_p - UNKNOWN_LOGP) / 10,
            (right_p - UNKNOWN_LOGP) / 10,
            float(left not in self.parts),
            float(right not in self.parts),
            float(left in CLAUSE_WORDS),
            float(right in CLAUSE_WORDS),
            float(left[-1].isdigit()),
            float(right.endswith("ed")),
            float(right.endswith("ing")),
            float(left.endswith("ly")),
            float(len(left) > 3 and left.endswith("s") and not left.endswith("ss")),
            float(len(left) <= 2),
            float(len(right) <= 2),
        )


def parse_part(raw: str) -> tuple[float, int, int]:
    """A ``w`` row's value: log probability, compounds started, compounds ended."""
    logp, starts, ends = raw.split("\t")
    return float(logp), int(starts), int(ends)


def load_hyphens(case_lines: list[str], hyphen_lines: list[str]) -> Hyphens:
    """The hyphen model: NLTK compound counts (``h``, ``p`` rows of the case statistics),
    lexeme compound statistics and the fitted weights (``hyphen_stats.tsv.gz``)."""
    first = lambda raw: int(raw.split("\t")[0])  # noqa: E731 - "h" rows: left, right counts
    second = lambda raw: int(raw.split("\t")[1])  # noqa: E731
    weights = Table(hyphen_lines, "x").get("weights", "")
    return Hyphens(Table(case_lines, "h", first), Table(case_lines, "h", second),
                   Table(case_lines, "p"), Table(hyphen_lines, "w", parse_part),
                   Table(hyphen_lines, "p"), tuple(float(w) for w in weights.split()))
