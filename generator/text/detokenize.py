"""Lay out tokenized sentences as running text (spacing, clitics, hyphens, quotes).

The input is NLTK-Treebank style: clitics split (``ca n't``), hyphens split
(``full - face``), brackets as ``-lrb-`` or ``(``, quotes as lone tokens, and the
sentence-final period dropped. Every display token keeps the input offsets it came
from, so the caller can build an :class:`~generator.text.alignment.Alignment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from generator.lexicon import ABBREVIATIONS, DETERMINERS
from generator.text.alignment import Piece
from generator.text.quotes import APOSTROPHE, CLOSE, MOVED, OPEN, assign_roles, quote_kind

BRACKETS = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}"}
ATTACH_LEFT = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "...", "n't", "'s", "'re",
               "'ve", "'ll", "'d", "'m"}
ATTACH_RIGHT = {"(", "[", "{", "$", "#", "@"}
JOINED_PAIRS = {("can", "not"), ("gon", "na"), ("wan", "na"), ("got", "ta"), ("gim", "me"),
                ("lem", "me"), ("'t", "is"), ("'t", "was")}
SENTENCE_END = {".", "?", "!"}
FINAL = {".", "?", "!", "...", ":", ";", ","}
CLOSERS = {")", "]", "}"}
OPENERS = {"(", "[", "{"}
# Bracketed picture notes that end a caption without a period.
PICTURE_NOTES = {"left", "right", "above", "below", "top", "bottom", "centre", "center",
                 "inset", "pictured", "photo", "model", "l-r", "r-l", "supplied", "file"}
DASHES = {"-", "--", "*", "&"}
SAY_VERBS = {"said", "says", "say", "saying", "added", "adds", "told", "tells", "asked", "asks",
             "explained", "explains", "wrote", "writes", "tweeted", "continued", "insisted",
             "replied", "admitted", "claimed", "warned", "declared", "stated", "posted"}
# A spaced dash before or after these words separates clauses; it is no split hyphen.
CLAUSE_WORDS = frozenset(re.findall(r"\w+", """
    a an the and or but nor so yet if as at by for from in into of on onto to with without
    before after although though because while when where whereas which who whom whose what
    that this these those than then there here i you he she it we they me him her us them my
    your his its our their is are was were be been being am has have had do does did will
    would can could shall should may might must not no also just even only including according
"""))
# Subjects that report a quote just closed (``' he said``).
REPORTERS = frozenset({"he", "she", "they", "we", "i", "it"})
TOKEN = re.compile(r"\S+")


class HyphenStats(Protocol):
    """What the layout needs to know about hyphenated compounds."""

    def joins(self, left: str, right: str) -> bool: ...


@dataclass(frozen=True)
class Token:
    """One input token: its text, input offsets and role (word, open, close, ...)."""

    text: str
    start: int
    end: int
    role: str = "word"


def layout(text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
    """Tokens of every sentence with quote roles; stray closing quotes moved back a line."""
    raw = [[(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, s, e)]
           for s, e in spans]
    roles = assign_roles([[t for t, _, _ in line] for line in raw])
    lines: list[list[Token]] = []
    for n, line in enumerate(raw):
        tokens = []
        for i, (tok, start, end) in enumerate(line):
            role = roles.get((n, i), "word")
            if role == MOVED and lines:
                lines[-1].append(Token(tok, start, end, CLOSE))
            else:
                tokens.append(Token(tok, start, end, role))
        lines.append(tokens)
    return lines


def sentence_starts(tokens: list[Token]) -> set[int]:
    """Indexes of tokens that begin a sentence (capitalised whatever their word)."""
    starts: set[int] = set()
    expect = True
    for i, token in enumerate(tokens):
        word = token.text
        if token.role == OPEN and (i == 0 or _introduces_quote(tokens[i - 1].text)):
            expect = True
        if expect and any(c.isalnum() for c in word) and token.role == "word":
            if not _reported_after_quote(tokens, i):
                starts.add(i)
            expect = False
        if word in SENTENCE_END or (_ends_sentence(word) and i + 1 < len(tokens)):
            expect = True
        if word == ":":  # news style capitalises what follows a colon (captions, quotes)
            expect = True
    return starts


def _hyphen_chain(tokens: list[Token], i: int) -> bool:
    """``face - to - face``: a short word between two spaced hyphens is a compound's middle."""
    texts = [t.text for t in tokens]

    def word(j: int) -> bool:
        return 0 <= j < len(texts) and texts[j].isalpha()

    def short(j: int) -> bool:
        return word(j) and len(texts[j]) <= 3

    after = short(i + 1) and i + 2 < len(texts) and texts[i + 2] == "-"
    before = short(i - 1) and i >= 2 and texts[i - 2] == "-"
    return (after and word(i - 1) and word(i + 3)) or (before and word(i - 3) and word(i + 1))


def _reported_after_quote(tokens: list[Token], i: int) -> bool:
    """``'Why?' he asked``, ``'... alliance.' said X``: after a closing quote, a say-verb
    or a subject before one goes on the sentence, so it is not capitalised."""
    if i == 0 or tokens[i - 1].role != CLOSE:
        return False
    word = tokens[i].text
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return word in SAY_VERBS or (word in REPORTERS and nxt in SAY_VERBS)


def _introduces_quote(prev: str) -> bool:
    return prev in {":", ",", "(", "-lrb-", "--"} or prev in SAY_VERBS


def _ends_sentence(word: str) -> bool:
    """``government.`` inside a line ends a sentence; ``u.s.`` and ``mr.`` do not."""
    return (len(word) > 2 and word.endswith(".") and word[:-1].isalpha()
            and word[:-1] not in ABBREVIATIONS)


def join(tokens: list[Token], shown: list[str], hyphens: HyphenStats,
         *, add_period: bool) -> tuple[str, tuple[Piece, ...]]:
    """Display text of one sentence and the pieces mapping it to input offsets."""
    out: list[str] = []
    pieces: list[Piece] = []
    length = 0
    glue_next = True
    period_after = _period_position(tokens) if add_period else None
    for i, (token, form) in enumerate(zip(tokens, shown, strict=True)):
        hyphen = 0 < i < len(tokens) - 1 and _joins(tokens, i, form, hyphens)
        glue = glue_next or hyphen or _glues_left(tokens, i)
        glue_next = hyphen or token.role == OPEN or form in ATTACH_RIGHT
        if not glue and out:
            out.append(" ")
            length += 1
        out.append(form)
        pieces.append(Piece(length, length + len(form), token.start, token.end))
        length += len(form)
        if i == period_after:
            out.append(".")
            length += 1
    return "".join(out), tuple(pieces)


def _joins(tokens: list[Token], i: int, form: str, hyphens: HyphenStats) -> bool:
    """Whether the spaced ``-`` or ``&`` at ``i`` (not first or last) glues its neighbours."""
    left, right = tokens[i - 1].text, tokens[i + 1].text
    if form == "&":  # ``R&B``, ``H&M``
        return len(left) == 1 and len(right) == 1 and (left + right).isalpha()
    if form != "-":
        return False
    return (hyphens.joins(left, right) or _hyphen_chain(tokens, i)
            or _determined_compound(tokens, i))


def _determined_compound(tokens: list[Token], i: int) -> bool:
    """``the dragon - themed kite``, ``an al - qaeda plot``: right after a determiner a
    spaced hyphen joins a compound (a dash does not follow ``the`` + one word)."""
    if i < 2 or tokens[i - 2].text not in DETERMINERS:
        return False
    right = tokens[i + 1].text
    return tokens[i - 1].text.isalpha() and right.isalnum() and right not in CLAUSE_WORDS


def _glues_left(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.role in (CLOSE, APOSTROPHE):
        return True
    if token.text == "..." and i + 1 < len(tokens) and tokens[i + 1].text[:1].isalnum():
        return False  # ``Japan ... stands``: an ellipsis inside a sentence stands apart
    if token.text in ATTACH_LEFT or BRACKETS.get(token.text) in CLOSERS:
        return True
    return i > 0 and (tokens[i - 1].text, token.text) in JOINED_PAIRS


def _period_position(tokens: list[Token]) -> int | None:
    """Index after which the dropped sentence-final period goes, or None for no period.

    It goes after the last word, before closing quotes and brackets, except after a
    fragment in single quotes (British style, ``known as 'treating'.``).
    """
    last = len(tokens) - 1
    while last >= 0 and _closer(tokens[last]):
        last -= 1
    if last < 0:
        return None
    bracket = _final_bracket(tokens, last)
    if bracket is not None:
        return _bracket_period(tokens, bracket)
    word = tokens[last].text
    if word in FINAL or word in DASHES or word.endswith("."):
        return None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after and after.role == CLOSE and after.text == "'" and _fragment(tokens, last):
        return last + 1
    return last


def _final_bracket(tokens: list[Token], last: int) -> int | None:
    """Index of a bracket closing the line after ``last`` (only closing quotes may follow)."""
    for i in range(len(tokens) - 1, last, -1):
        if _bracket(tokens[i].text) in CLOSERS:
            return i
    return None


def _bracket_period(tokens: list[Token], close: int) -> int | None:
    """The period goes after a final bracket: ``... (NMC).``, not ``(NMC.)``.

    None when the bracket is a picture note (``(right)``, ``(file photo)``), fills the
    line (``(left)``) or ends a short list entry (``Felipe Massa (Brazil)``).
    """
    opened = next((i for i in range(close, -1, -1)
                   if _bracket(tokens[i].text) in OPENERS), 0)
    inside = {t.text for t in tokens[opened + 1:close]}
    if opened == 0 or opened <= 3 or inside & PICTURE_NOTES:
        return None
    return close


def _bracket(text: str) -> str:
    return BRACKETS.get(text, text)


def _closer(token: Token) -> bool:
    return (token.role == CLOSE or token.text in CLOSERS
            or BRACKETS.get(token.text) in CLOSERS)


def _fragment(tokens: list[Token], last: int) -> bool:
    """Whether the quote closing after ``last`` opened mid-sentence on this line."""
    for i in range(last, -1, -1):
        if tokens[i].role == OPEN:
            return i > 0 and not _introduces_quote(tokens[i - 1].text)
    return False


def display_form(token: Token, cased: str) -> str:
    """What a token shows: brackets as brackets, every double quote as ``"``."""
    if quote_kind(token.text) == '"':
        return '"'
    return BRACKETS.get(token.text, cased)
