"""Split input text into sentences, as spans into the input.

The tokenized form has one sentence per line. Prose is split into paragraphs,
then sentences at end punctuation, with common abbreviations guarded; this runs
before the NLP because case restoration needs to know where sentences start.
"""

from __future__ import annotations

import re

from generator.ingest.forms import Form
from generator.lexicon import ABBREVIATIONS

_LINE = re.compile(r"[^\n]+")
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split(text: str, form: Form) -> list[tuple[int, int]]:
    """Sentence spans, in order, each stripped of surrounding whitespace."""
    if form.tokenized:
        return [s for m in _LINE.finditer(text) if (s := _strip(text, m.start(), m.end()))]
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        spans.extend(_split_prose(text, paragraph.start(), paragraph.end(), form.lowercase))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split_prose(text: str, start: int, end: int, lowercase: bool) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for match in _END.finditer(text, start, end):
        if _is_boundary(text, match, end, lowercase):
            if span := _strip(text, begin, match.end()):
                spans.append(span)
            begin = match.end()
    if span := _strip(text, begin, end):
        spans.append(span)
    return spans


def _is_boundary(text: str, match: re.Match[str], end: int, lowercase: bool) -> bool:
    """A full stop ends a sentence unless it closes an abbreviation or an initial."""
    following = text[match.end():end].lstrip()
    if not following:
        return False
    if not lowercase and not re.match(r"[\"'“‘(\[]?[A-Z0-9]", following):
        return False
    if match.group().startswith("."):
        word = _WORD_BEFORE.search(text, 0, match.start())
        token = word.group(1).lower() if word else ""
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    return True
