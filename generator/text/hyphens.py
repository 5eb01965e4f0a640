"""Decide whether a spaced ``-`` between two tokens is a split hyphen or a clause dash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from generator.text.detokenize import CLAUSE_WORDS

MIN_PART_COUNT = 2


class Lookup(Protocol):
    """A dict, a set or a lazy table of the shipped statistics."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def __contains__(self, key: object) -> bool: ...


@dataclass(frozen=True)
class Hyphens:
    """How often words are parts of hyphenated compounds in the shipped counts."""

    left: Lookup  # word -> times seen before a hyphen
    right: Lookup  # word -> times seen after a hyphen
    pairs: Lookup  # "left-right" compounds

    def joins(self, left: str, right: str) -> bool:
        """``full - face`` and ``39 - year`` rejoin; ``isis - before`` stays a dash.

        The tokenizer splits only a hyphen between a letter or digit and a letter, so
        anything else is a real dash; known compounds and words that often form
        compounds rejoin, and function words on either side mark a clause dash.
        """
        if not (left[-1:].isalnum() and right[:1].isalpha()):
            return False
        if f"{left}-{right}" in self.pairs:
            return True
        if left in CLAUSE_WORDS or right in CLAUSE_WORDS:
            return False
        if left[-1].isdigit() or len(left) == 1:
            return True
        return self.left.get(left, 0) + self.right.get(right, 0) >= MIN_PART_COUNT
