"""Find quoted stretches in a parsed document.

Works on prose (typographic or ASCII quotes glued to words) and on the tokenized seed form
(lone ``'`` / ``"`` tokens with spaces on both sides), where opening and closing marks can only
be told apart by their order.  A quote may run over several sentences; a quote left open when
a later sentence starts with a new quote mark (the newspaper paragraph convention) is closed at
the end of the sentence before.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from generator.nlp.attribution.lexicon import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS

QUOTE_IDS = [get_string_id(mark) for mark in QUOTE_CHARS]

QUOTES_KEY = "quotes"  # ``doc.user_data`` key of the paired quotes
MAX_SENTENCES = 8  # a longer "quote" is a missing mark, not a speech


@dataclass(frozen=True)
class Quote:
    """A quoted stretch as a token range [start, end) including the marks when present."""

    start: int
    end: int
    closed: bool  # False when no closing mark was found (closed at a sentence end)


def _family(tok: Token) -> str:
    """Double or single quote family; nested quotes of the other family are ignored."""
    return "s" if tok.text in {"'", "\u2018", "\u2019"} else "d"


def _role(doc: Doc, tok: Token) -> str:
    """'open', 'close' or 'either', from the mark itself or the spacing around it."""
    if tok.text in OPENING_QUOTES:
        return "open"
    if tok.text in CLOSING_QUOTES and tok.text not in {"\u2019", "''"}:
        return "close"
    space_before = tok.i == 0 or bool(doc[tok.i - 1].whitespace_) or "\n" in doc[tok.i - 1].text
    space_after = bool(tok.whitespace_) or tok.i + 1 >= len(doc)
    if tok.text == "\u2019":
        return "close" if not space_before or space_after else "either"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _is_apostrophe(doc: Doc, tok: Token, is_open: bool) -> bool:
    """A possessive like ``Sanders' record`` / ``sanders ' record`` or an elided year
    (``'08``, ``‘90s``) is no quote mark."""
    if tok.i + 1 < len(doc) and not tok.whitespace_ and _short_year(doc[tok.i + 1].text):
        return True
    if tok.text not in {"'", "\u2019"} or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
    if tok.tag_ == "POS" and not doc[tok.i - 1].whitespace_:
        return True
    ends_s = prev.text.lower().endswith(("s", "z")) and prev.is_alpha
    return ends_s and nxt.is_alpha and not is_open


def _short_year(text: str) -> bool:
    return len(text) in {2, 3} and text[:2].isdigit() and text[2:] in {"", "s"}


def _between_words(doc: Doc, tok: Token) -> bool:
    """A mark with a word on each side opens a quote ("expects ' fewer cases '")."""
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    return doc[tok.i - 1].is_alpha and (doc[tok.i + 1].is_alpha or doc[tok.i + 1].is_digit)


def _sentence_end(doc: Doc, i: int) -> int:
    return doc[i].sent.end


def _starts_sentence(tok: Token) -> bool:
    return tok.i == tok.sent.start


def find_quotes(doc: Doc) -> list[Quote]:
    """Pair quote marks of each family into quoted token ranges (once per parse: attribution
    and claim shaping both ask; kept in ``doc.user_data``)."""
    cached = doc.user_data.get(QUOTES_KEY)
    if cached is not None and cached[0] == len(doc):
        return [Quote(*q) for q in cached[1]]
    quotes: list[Quote] = []
    for fam in ("d", "s"):
        quotes.extend(_pair_family(doc, fam, quotes if fam == "s" else []))
    quotes.sort(key=lambda q: q.start)
    doc.user_data[QUOTES_KEY] = (len(doc), [(q.start, q.end, q.closed) for q in quotes])
    return quotes


def _inside(i: int, outer: list[Quote]) -> bool:
    return any(q.start < i < q.end - 1 for q in outer)


def _marks(doc: Doc) -> list[Token]:
    """The quote-mark tokens, found on the token column (a ``Token`` for every word of the
    article, twice per article, cost more than the pairing)."""
    orths = doc.to_array(ORTH)
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(orths, QUOTE_IDS))]


def _stray_before_opener(open_tok: Token, tok: Token, later: bool) -> bool:
    """A typographic opening mark never closes a straight one in its sentence: the straight
    mark is a stray (an excerpt's paragraph mark, '"Trump walked onto the stage, chanting
    “U-S-A!”'), not a quote that the opener ends."""
    return not later and tok.text in OPENING_QUOTES and open_tok.text not in OPENING_QUOTES \
        and open_tok.text not in CLOSING_QUOTES


def _pair_family(doc: Doc, fam: str, outer: list[Quote]) -> list[Quote]:
    """State machine over the marks of one family."""
    found: list[Quote] = []
    open_tok: Token | None = None
    for tok in _marks(doc):
        if _family(tok) != fam or _inside(tok.i, outer):
            continue
        if _is_apostrophe(doc, tok, open_tok is not None):
            continue
        role = _role(doc, tok)
        if open_tok is None:
            if role != "close" or _starts_sentence(tok):
                open_tok = tok
            continue
        later = tok.sent.start != open_tok.sent.start
        if _stray_before_opener(open_tok, tok, later):
            open_tok = tok
            continue
        if role == "either" and later and _between_words(doc, tok):
            role = "open"
        if later and open_tok.text not in OPENING_QUOTES and \
                len(list(doc[open_tok.i:tok.i].sents)) > MAX_SENTENCES:
            role = "open"
        new_paragraph = _starts_sentence(tok) and later
        if new_paragraph and role != "close":
            found.append(Quote(open_tok.i, tok.i, False))
            open_tok = tok
        elif role == "open" and tok.sent.start != open_tok.sent.start:
            found.append(Quote(open_tok.i, _sentence_end(doc, open_tok.i), False))
            open_tok = tok
        else:
            found.append(Quote(open_tok.i, tok.i + 1, True))
            open_tok = None
    if open_tok is not None:
        found.append(Quote(open_tok.i, _sentence_end(doc, open_tok.i), False))
    return [q for q in found if q.end - q.start > 2]
