"""Tell the two input forms apart: tokenized one-sentence-per-line text, or prose.

Detokenization and case restoration are decided separately: lower-case prose
that is not tokenized still needs its case restored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACED_PUNCT = re.compile(r"\w \.?[,;:?!](?= |$)|\w (?:'s|n't|'re|'ve|'ll|'m|'d)\b", re.M)
_GLUED_PUNCT = re.compile(r"\w[,;:?!](?= |$)|\w(?:'s|n't)\b", re.M)
_LINE_END_PERIOD = re.compile(r"\.[\"')\]]*\s*$")


@dataclass(frozen=True)
class Form:
    tokenized: bool
    lowercase: bool

    @property
    def name(self) -> str:
        return "tokenized" if self.tokenized else "plain"


def detect(text: str, forced: str = "auto") -> Form:
    """Decide the form; ``forced`` is the command line's ``--format``."""
    tokenized = is_tokenized(text) if forced == "auto" else forced == "tokenized"
    return Form(tokenized=tokenized, lowercase=is_lowercase(text))


def is_tokenized(text: str) -> bool:
    """Spaced punctuation and clitics (``country 's``, ``x , y``) outweigh glued ones."""
    spaced = len(_SPACED_PUNCT.findall(text))
    glued = len(_GLUED_PUNCT.findall(text))
    if spaced + glued >= 3:
        return spaced > 2 * glued
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and not any(_LINE_END_PERIOD.search(line) for line in lines)


def is_lowercase(text: str) -> bool:
    """Hardly any capitals: the case was lost and must be restored."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and upper <= 0.005 * len(letters)
