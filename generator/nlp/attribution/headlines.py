"""Headline attributions: "Graham: Trump's rhetoric is destroying the party" and title-case
lines ("Senator Slams Budget Plan") whose verb the parser reads as a name."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from generator.nlp.attribution.lexicon import ALL_CUE_VERBS
from generator.nlp.attribution.spans import Draft, count_words, has_words, trim_range
from generator.nlp.pipeline import PARAGRAPH_STARTS

_PARAGRAPH_ENDS = "explainer.paragraph_ends"  # doc.user_data key


def title_draft(doc: Doc, colon: Token) -> Draft | None:
    """Headline style 'Graham: Trump's rhetoric is destroying the party' (source: content).
    A label with a preposition other than 'of' is a heading or a call, not a speaker
    ('Follow AWR Hawkins on Twitter: @AWRHawkins', 'Live from New Hampshire: ...')."""
    sent = colon.sent
    prefix = doc[sent.start:colon.i]
    if not 1 <= len(prefix) <= 5 or any(t.pos_ in {"VERB", "AUX", "PRON", "NUM"}
                                        or t.is_punct for t in prefix):
        return None
    if any(t.pos_ == "ADP" and t.lower_ != "of" for t in prefix):
        return None
    if not any(t.pos_ in {"PROPN", "NOUN"} for t in prefix):
        return None
    content = trim_range(doc, colon.i + 1, _paragraph_end(doc, colon.i))
    if not has_words(doc, *content, 3):
        return None
    return Draft(content, (colon.i, colon.i + 1), (sent.start, colon.i), "reported",
                 origin="label")


HEADLINE_NOUNY = frozenset({"report", "call", "claim", "attack", "support", "post", "answer",
                            "note", "state", "comment", "fear", "hope"})


def _verb_forms(word: str) -> set[str]:
    """Possible lemmas of a headline verb ("Slams", "Denies", "Says")."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


def _is_headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    if not 3 <= len(words) <= 20 or sent[-1].text in {".", "?"}:
        return False
    capital = sum(1 for t in words if t.text[0].isupper() or t.lower_ in HEADLINE_SMALL)
    return capital == len(words) and sum(1 for t in words if t.text[0].isupper()) >= 3


HEADLINE_SMALL = frozenset({"a", "an", "the", "of", "to", "in", "on", "for", "and", "at",
                            "with", "by", "as", "or"})


def headline_drafts(doc: Doc) -> list[Draft]:
    """Title-case headlines ("Senator Slams Budget Plan"): the parser reads the verb as a
    name, so find a cue verb form by its word and split the line around it."""
    drafts = []
    for sent in doc.sents:
        if not _is_headline(sent):
            continue
        for tok in sent[1:-1]:
            forms = _verb_forms(tok.lower_)
            if not tok.lower_.endswith("s") or not forms & ALL_CUE_VERBS \
                    or forms & HEADLINE_NOUNY:
                continue
            source = trim_range(doc, sent.start, tok.i)
            content = trim_range(doc, tok.i + 1, sent.end)
            if 1 <= source[1] - source[0] <= 6 and count_words(doc, *content) >= 2:
                drafts.append(Draft(content, (tok.i, tok.i + 1), source, "reported",
                                    origin="headline"))
            break
    return drafts


def _paragraph_end(doc: Doc, i: int) -> int:
    """A speaker label ("SMITH: ...") owns the whole paragraph, as in a transcript turn:
    up to the first sentence end at or after its own that opens a paragraph."""
    ends = _paragraph_ends(doc)
    k = bisect_left(ends, doc[i].sent.end)
    return ends[k] if k < len(ends) else len(doc)


def _paragraph_ends(doc: Doc) -> list[int]:
    """Sentence ends that open a paragraph, in order; found once per doc, so a long
    paragraph with many labels does not make each walk it again."""
    ends = doc.user_data.get(_PARAGRAPH_ENDS)
    if ends is None:
        starts = doc.user_data.get(PARAGRAPH_STARTS)
        ends = doc.user_data[_PARAGRAPH_ENDS] = [
            s.end for s in doc.sents if s.end < len(doc) and _opens_paragraph(doc, s.end, starts)]
    return ends


def _opens_paragraph(doc: Doc, i: int, starts: frozenset[int] | None) -> bool:
    """Token ``i`` opens a paragraph: as :func:`~generator.nlp.pipeline.analyse` recorded it,
    or, in a doc parsed straight from raw text, after a line break."""
    if starts is None:
        return "\n" in doc[i - 1].text_with_ws
    return doc[i].idx in starts
