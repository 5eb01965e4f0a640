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
_SPACE = re.compile(r"\s*")
_CAPITAL_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
MAX_SENTENCE = 1_000  # characters: a run-on line is cut into sentences no longer than this
_LOOK_BACK = 40  # characters searched for the word before a full stop (abbreviations are short)
_CUTS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s[-–—]+\s"), re.compile(r"\s"))
# A wire dateline that opens a story: "RENO, Nev. (AP) — ", "MIAMI, Florida (CNN) -- ",
# "WASHINGTON — ". The place is in capitals, a state or country may follow; in lower-case
# text only a news agency in brackets tells a dateline from a dash in a sentence.
_AGENCY = r"(?:\(|-lrb-)\s*(?i:ap|reuters|afp|cnn|upi|dpa|xinhua)\s*(?:\)|-rrb-)"
_LABELS = r"(?!(?:EXCLUSIVE|BREAKING|UPDATED?|WATCH|LIVE|ANALYSIS|OPINION|EDITORIAL|VIDEO)\b)"
_DATELINE = re.compile(
    _LABELS + r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}"  # the place: RENO, DES MOINES
    r"(?:\s?,\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?"  # , Nev. / , N.H. / , Florida
    r"\s*(?:" + _AGENCY + r"\s*)?(?:—|–|--?)\s+(?=[\"'“‘(]?[A-Z0-9])")
_LOWER_DATELINE = re.compile(r"[a-z][a-z .,'-]{0,40}?\s*" + _AGENCY + r"\s*(?:—|–|--?)\s+")


def split(text: str, form: Form) -> list[tuple[int, int]]:
    """Sentence spans, in order, each stripped of surrounding whitespace and no longer than
    :data:`MAX_SENTENCE` characters (the NLP's cost grows faster than a sentence's length).
    A wire dateline that opens a line or paragraph is a sentence of its own."""
    blocks = _LINE.finditer(text) if form.tokenized else _PARAGRAPH.finditer(text)
    spans: list[tuple[int, int]] = []
    for block in blocks:
        start = _dateline_apart(text, block.start(), block.end(), form.lowercase, spans)
        if form.tokenized:
            spans.extend(s for s in [_strip(text, start, block.end())] if s)
        else:
            spans.extend(_split_prose(text, start, block.end(), form.lowercase))
    return [piece for span in spans for piece in _bounded(text, *span)]


def _dateline_apart(text: str, start: int, end: int, lowercase: bool,
                    spans: list[tuple[int, int]]) -> int:
    """Where the block's sentences start: after a wire dateline that opens it, added to
    ``spans`` as a sentence of its own (the place and agency are no part of what anyone said
    or did; its role is read from its words later)."""
    found = (_LOWER_DATELINE if lowercase else _DATELINE).match(text, start, end)
    if found is None or found.end() >= end or not (line := _strip(text, start, found.end())):
        return start
    spans.append(line)
    return found.end()


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most :data:`MAX_SENTENCE` characters, each at the last
    clause mark (``;``, ``,``, a dash) in its second half, else at the last space."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        if piece := _strip(text, start, cut):
            pieces.append(piece)
        start = cut
    if piece := _strip(text, start, end):
        pieces.append(piece)
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    half = start + MAX_SENTENCE // 2
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(text, half, limit):  # noqa: B007 - the last one counts
            pass
        if last is not None:
            return last.end() if pattern is not _CUTS[-1] else last.start() + 1
    return limit  # no space at all: a cut inside a very long "word"


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
    following = _SPACE.match(text, match.end(), end).end()
    if following >= end:
        return False
    if not lowercase and not _CAPITAL_START.match(text, following, end):
        return False
    if match.group().startswith("."):
        word = _WORD_BEFORE.search(text, max(0, match.start() - _LOOK_BACK), match.start())
        token = word.group(1).lower() if word else ""
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    return True
