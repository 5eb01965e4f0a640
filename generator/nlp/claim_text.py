"""How an attribution reads as a claim: its own proposition, whole, without its own cue.

The attribution finder follows PolNeAR's marking; a reader needs a statement that stands on its
own. Three reshapings, all within the article's words (spans stay input words):

- a cue inside its content ("In the end, Smith said, voters will decide"; a quote split by its
  own speech tag) is left out: the content keeps the longer side of it (a passive report keeps
  its subject: "X is accused of Y"; a participle on a noun, "attacks blamed on X", is no claim);
- a participle that elaborates a noun content with a pronoun ("expressed concerns about the
  rise of ISIS, fearing it will fuel unrest") is one claim with it, since "it will fuel unrest"
  says nothing on its own;
- a quote the content opens and never closes (the article's last quote often stays open) is
  closed for display.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from generator.nlp.attribution import Attribution
from generator.nlp.attribution.quote_marks import Quote, find_quotes
from generator.nlp.attribution.spans import is_quote, trim_range

CLOSERS = {"\u2018": "\u2019", "\u201c": "\u201d", "'": "'", '"': '"', "``": "''"}
BACK_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Shaped:
    """An attribution as a claim, with the content's display words when they differ."""

    found: Attribution
    display: str | None = None


def _tokens(doc: Doc, span: tuple[int, int] | None) -> Span | None:
    return None if span is None else doc.char_span(*span, alignment_mode="expand")


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim_range(doc, start, end)
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def without_cue(doc: Doc, found: Attribution) -> Attribution | None:
    """The content with its own cue (and a source beside it) left out: the longer side, a
    quote's own part when the speech tag splits a quote, or None when nothing readable is
    left."""
    if found.cue is None or not (found.content[0] < found.cue[1]
                                 and found.cue[0] < found.content[1]):
        return found
    content = _tokens(doc, found.content)
    middle = [_tokens(doc, found.cue)]
    if found.source is not None and found.content[0] < found.source[1] \
            and found.source[0] < found.content[1]:
        middle.append(_tokens(doc, found.source))
    if content is None or None in middle:
        return None
    lo, hi = min(m.start for m in middle), max(m.end for m in middle)
    marks = [t.i for t in content if is_quote(t)]
    before = [i for i in marks if i < lo]
    after = [i for i in marks if i >= hi]
    quoted = is_quote(content[0])  # a quote split by its speech tag: its two parts
    left = (content.start, before[-1] + 1 if before and quoted else lo)
    right = (after[0] if after and quoted else hi, content.end)
    words = [sum(1 for t in doc[a:b] if t.is_alpha) for a, b in (left, right)]
    if max(words) < 2:
        return None
    chars = _chars(doc, *(left if words[0] > words[1] else right))
    return replace(found, content=chars) if chars else None


def _cue_head(doc: Doc, found: Attribution):
    cue = _tokens(doc, found.cue)
    if cue is None:
        return None
    verbs = [t for t in cue if t.pos_ in {"VERB", "AUX"}]
    return verbs[-1] if verbs else None


def _noun_content(doc: Doc, found: Attribution) -> bool:
    content = _tokens(doc, found.content)
    return content is not None and content.root.pos_ in {"NOUN", "PROPN"}


def join_elaborations(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """'expressed concerns about X, fearing it will Y': one claim from X through Y."""
    out = list(found)
    heads = {id(a): _cue_head(doc, a) for a in found}
    for first in found:
        head = heads[id(first)]
        if head is None or not _noun_content(doc, first):
            continue
        for second in found:
            verb = heads[id(second)]
            if verb is None or second is first or verb.head.i != head.i or verb.dep_ != "advcl" \
                    or verb.tag_ != "VBG" or second.content[0] < first.content[1]:
                continue
            subject = doc.char_span(*second.content, alignment_mode="expand")
            if subject is None or subject[0].lower_ not in BACK_PRONOUNS:
                continue
            joined = replace(first, content=(first.content[0], second.content[1]))
            out = [joined if a is first else a for a in out if a is not second]
    return out


def closed_display(doc: Doc, content: tuple[int, int], quotes: list[Quote]) -> str | None:
    """The content's words with a closing mark added when the last quote it opens stays open
    (a quote closed by the next paragraph's opening mark, as newspapers do, is not);
    ``quotes`` are the document's (:func:`~generator.nlp.attribution.quote_marks.find_quotes`)."""
    span = _tokens(doc, content)
    if span is None:
        return None
    inside = [q for q in quotes if span.start <= q.start < span.end]
    if not inside:
        return None
    last = inside[-1]
    opener = doc[last.start].text
    if (not last.closed or last.end > span.end) and opener in CLOSERS:
        return span.text + CLOSERS[opener]
    return None


def _modifier_passive(doc: Doc, found: Attribution) -> bool:
    """'attacks blamed on X': a participle modifying a noun narrates; no one asserts it."""
    head = _cue_head(doc, found)
    return found.kind == "passive" and head is not None and head.dep_ == "acl"


def shape(doc: Doc, found: list[Attribution]) -> list[Shaped]:
    """Each attribution as a readable claim (see the module notes); unreadable ones go.

    A passive report keeps subject, cue and complement together ("X is accused of Y" is the
    claim that X did Y, said by someone unnamed).
    """
    out = []
    quotes = find_quotes(doc)
    for a in join_elaborations(doc, found):
        if _modifier_passive(doc, a):
            continue
        kept = a if a.kind == "passive" else without_cue(doc, a)
        if kept is not None:
            out.append(Shaped(kept, closed_display(doc, kept.content, quotes)))
    return out
