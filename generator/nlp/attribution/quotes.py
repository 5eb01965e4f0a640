"""Pass 2: direct quotes, widened into reported contents or given a speaker.

A quote that already holds a reported content widens that content; a free-standing quote takes
the speaker from a cue verb outside the quote in its own sentence(s), else from the sentence
just before when that one ends with a colon ("X said:"), else continues the direct quote of the
sentence just before it; otherwise its source stays None (never a guessed speaker). The quote
marks are paired by :mod:`.quote_marks`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.lexicon import PERSON_SUFFIXES
from generator.nlp.attribution.lexicon import FIRST_SECOND_PERSON, SPEECH_VERBS
from generator.nlp.attribution.quote_marks import Quote, find_quotes
from generator.nlp.attribution.spans import (
    DASHES,
    SUBJECT_DEPS,
    Draft,
    count_words,
    cue_range,
    is_quote,
    overlaps,
    source_range,
    subject_of,
    trim_range,
)
from generator.nlp.docs import doc_text
from generator.text.titles import MAX_TITLE_WORDS, MINOR_WORDS


def _is_stray(doc: Doc, quote: Quote, drafts: list[Draft]) -> bool:
    """An unclosed mark before a third-person report frame is a misplaced closing mark."""
    if quote.closed:
        return False
    for d in drafts:
        if d.source and d.cue and quote.start <= d.cue[0] < quote.end:
            words = {t.lower_ for t in doc[d.source[0]:d.source[1]]}
            if not words & FIRST_SECOND_PERSON:
                return True
    return False


def _speaker_cue(doc: Doc, quote: Quote, quoted: frozenset[int]
                 ) -> tuple[Token, Token | None] | None:
    """A cue verb outside any quote in the sentences this one touches: (verb, subject)."""
    first = _quote_sent(doc, quote)
    last = _speech_tag_line(doc, quote, doc[quote.end - 1].sent)
    outside = [t for t in doc[first.start:last.end]
               if not quote.start <= t.i < quote.end and t.i not in quoted]
    verbs = [t for t in outside if t.pos_ in {"VERB", "AUX"} and t.lemma_ in SPEECH_VERBS]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
    subj = subject_of(verb, SUBJECT_DEPS)
    if subj is not None and quote.start <= subj.i < quote.end:
        subj = None
    return verb, subj


def _speech_tag_line(doc: Doc, quote: Quote, last: Span) -> Span:
    """The sentence after a quote that ends on a comma when it is a short speech tag split off
    on a line of its own ("'I got the pole,' / Hamilton said."); else the quote's own last
    sentence."""
    if not quote.closed or quote.end < 2 or doc[quote.end - 2].text != "," \
            or last.end >= len(doc):
        return last
    tag = doc[last.end].sent
    words = [t for t in tag if not (t.is_punct or t.is_space)]
    if len(words) <= 6 and any(t.lemma_ in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}
                               for t in words):
        return tag
    return last


def _colon_intro(doc: Doc, quote: Quote) -> tuple[Token, Token | None] | None:
    """'X said:' ending the sentence just before the quote."""
    sent = _quote_sent(doc, quote)
    if sent.start == 0 or quote.start > sent.start + 1:
        return None
    prev = doc[sent.start - 1].sent
    last = trim_range(doc, prev.start, prev.end)
    tail = doc[last[1]:prev.end]
    if not any(t.text == ":" for t in tail) and not doc_text(doc)[
            doc[prev.end - 1].idx:doc[quote.start].idx].strip().endswith(":"):
        return None
    verbs = [t for t in prev if t.lemma_ in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        verbs = [t for t in prev if t.dep_ == "ROOT" and t.pos_ == "VERB"
                 and any(c.dep_ in SUBJECT_DEPS for c in t.children)]
    if not verbs:
        return None
    verb = verbs[-1]
    return verb, subject_of(verb, SUBJECT_DEPS)


def _name_colon(doc: Doc, quote: Quote) -> tuple[Token, Token | None] | None:
    """'... pollster Daron Shaw: "..."': a name right before the colon that opens the quote
    is its speaker (the colon is the cue)."""
    i = quote.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":" or doc[i - 1].pos_ != "PROPN":
        return None
    return doc[i], doc[i - 1]


def _dash_name(doc: Doc, quote: Quote) -> Draft | None:
    """'"...," ― Sonya Herridge' at the end of a line: the name after the dash is the speaker
    (testimonials, epigraphs), the dash the cue."""
    i = quote.end
    if not quote.closed or i >= len(doc) or doc[i].text not in DASHES or \
            "\n" in doc[i - 1].whitespace_:
        return None
    end = i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - i <= 4:
        end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    if end == i + 1 or not _line_ends(doc, end):
        return None
    return Draft((quote.start, quote.end), (i, i + 1), (i + 1, end), "direct", origin="quote")


def _line_ends(doc: Doc, i: int) -> bool:
    """Nothing but a full stop between token ``i`` and the end of its line."""
    while i < len(doc) and doc[i].text == ".":
        i += 1
    return i >= len(doc) or "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_


def _quote_draft(doc: Doc, quote: Quote, prev: Draft | None,
                 quoted: frozenset[int]) -> tuple[Draft, bool]:
    """A draft for a free-standing quote; the flag says it continues ``prev``."""
    content = (quote.start, quote.end)
    signed = _dash_name(doc, quote)
    if signed is not None:
        return signed, False
    found = _speaker_cue(doc, quote, quoted) or _colon_intro(doc, quote) or \
        _name_colon(doc, quote)
    if found is not None:
        verb, subj = found
        cue = cue_range(verb)
        if prev is not None and prev.cue == cue and prev.content[1] <= quote.start:
            return Draft(_joined(doc, prev.content, quote), cue, prev.source, "direct",
                         origin="quote"), True
        return Draft(content, cue, source_range(doc, subj, cue), "direct", origin="quote"), False
    if prev is not None and prev.kind == "direct" and _adjacent(doc, prev, quote):
        return Draft(_joined(doc, prev.content, quote), prev.cue, prev.source, "direct",
                     origin="continued"), True
    return Draft(content, None, None, "direct", origin="unattributed"), False


def _quote_sent(doc: Doc, quote: Quote) -> Span:
    """The sentence of the quote's first word (the parser may leave an opening mark at the end
    of the sentence before)."""
    first = quote.start + 1 if quote.start + 1 < quote.end and is_quote(doc[quote.start]) \
        else quote.start
    return doc[first].sent


def _joined(doc: Doc, first: tuple[int, int], quote: Quote) -> tuple[int, int]:
    """One content for a quote split by a speech tag; when the text between the parts is long,
    the longer part alone (one content span cannot skip the narration)."""
    quoted = count_words(doc, *first) + count_words(doc, quote.start, quote.end)
    if quoted >= 0.6 * count_words(doc, first[0], quote.end):
        return first[0], quote.end
    if count_words(doc, *first) >= count_words(doc, quote.start, quote.end):
        return first
    return quote.start, quote.end


def _title_like(doc: Doc, quote: Quote) -> bool:
    """A short quote in title case after a possessive, a preposition or a determiner names a
    show or a work ('on CNN's "State of the Union."', 'On "Face the Nation," Sen. Sanders
    ...'): nobody's words ('added: "Only in Oldham."' is someone's)."""
    words = [t for t in doc[quote.start:quote.end] if t.is_alpha]
    before = quote.start - 1
    while before > 0 and doc[before].is_space:
        before -= 1
    if not words or len(words) > MAX_TITLE_WORDS or before < 0 or \
            doc[before].tag_ not in {"POS", "IN", "DT"}:
        return False
    capitals = sum(1 for t in words if t.text[0].isupper())
    return capitals >= 2 and all(t.text[0].isupper() or t.lower_ in MINOR_WORDS for t in words)


def _adjacent(doc: Doc, prev: Draft, quote: Quote) -> bool:
    """The quote opens the sentence right after the one where ``prev`` ends (only spaces or
    punctuation before its mark: 'On "Face the Nation," X said' is narration)."""
    sent = _quote_sent(doc, quote)
    if quote.start > sent.start + 1 or sent.start == 0 or any(
            not (t.is_space or t.is_punct) for t in doc[sent.start:quote.start]):
        return False
    last = max(prev.content[1], prev.cue[1] if prev.cue else 0)
    return doc[last - 1].sent.end == sent.start or doc[last - 1].sent.start == sent.start


def apply_quotes(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    quotes = [q for q in find_quotes(doc)
              if count_words(doc, q.start, q.end) >= 3 and not _title_like(doc, q)]
    quoted = frozenset(i for q in quotes if q.closed for i in range(q.start, q.end))
    out = [d for d in drafts if not _cue_quoted(d, quotes)]
    last_direct: Draft | None = None
    for quote in quotes:
        if _is_stray(doc, quote, drafts):
            continue
        qr = trim_range(doc, quote.start, quote.end)
        inside = [d for d in out if qr[0] <= d.content[0] and d.content[1] <= qr[1] + 1
                  and not (d.cue and qr[0] <= d.cue[0] < qr[1])]
        if inside:
            for d in inside:
                d.content, d.kind = qr, "direct"
            last_direct = inside[0]
            continue
        opened = _opened_by(quote, qr, out)
        if opened:
            for d in opened:
                d.content = (d.content[0], qr[1])
            last_direct = opened[0]
            continue
        if any(overlaps(qr, d.content) for d in out
               if not (d.cue and qr[0] <= d.cue[0] < qr[1])):
            continue
        draft, continues = _quote_draft(doc, quote, last_direct, quoted)
        if draft.cue is None and not continues and (
                count_words(doc, quote.start, quote.end) < 5 or not _sentence_like(doc, quote)):
            continue
        if continues and last_direct is not None:
            last_direct.content = draft.content
            continue
        if draft.cue is None:
            draft = _continued_report(doc, quote, out) or draft
        out.append(draft)
        last_direct = draft
    return _join_split(doc, _narration_cut(doc, out, quotes))


def _continued_report(doc: Doc, quote: Quote, drafts: list[Draft]) -> Draft | None:
    """A quote that opens the sentence right after a person's reported claim is that person
    going on, as newspapers write it ("The student says that X. / 'Y.'"): that claim's source
    and cue. Not after a newspaper's or a government's report: a quote there is often someone
    else's, whom the article leaves unnamed ("The Global Times said X. / 'We have already
    been affected'")."""
    sent = _quote_sent(doc, quote)
    if sent.start == 0 or quote.start > sent.start + 1:
        return None
    before = [d for d in drafts if d.source is not None and d.cue is not None
              and d.kind == "reported" and doc[d.cue[0]].sent.end == sent.start]
    if not before:
        return None
    last = max(before, key=lambda d: d.cue[0])
    if not _a_person(doc[last.source[0]:last.source[1]].root):
        return None
    return Draft((quote.start, quote.end), last.cue, last.source, "direct", origin="continued")


def _a_person(root: Token) -> bool:
    return root.ent_type_ == "PERSON" or root.lower_ in {"he", "she"} or (
        root.tag_ == "NN" and root.lower_.endswith(PERSON_SUFFIXES))


def _join_split(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """'"A," she said. "B."' read as two quotes with the one cue: one content, as PolNeAR
    marks it (when the narration between the parts is short; else the longer part)."""
    out = list(drafts)
    for first in drafts:
        for second in drafts:
            if first is second or first.cue is None or first.cue != second.cue \
                    or first.kind != "direct" or second.kind != "direct" \
                    or not first.content[1] <= first.cue[0] < first.cue[1] <= second.content[0] \
                    or first not in out or second not in out \
                    or not is_quote(doc[first.content[0]]) or not is_quote(doc[second.content[0]]):
                continue
            joined = _joined(doc, first.content, Quote(*second.content, True))
            out = [d for d in out if d is not second]
            first.content = joined
    return out


def _narration_cut(doc: Doc, drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """A content that runs from a narration sentence into the quote its cue follows
    ('He was impressed. "A," he said.' read as one sentence by the parser) starts at the
    quote: the narration is the article's, not the speaker's."""
    starts = {q.start for q in quotes if q.closed}
    for d in drafts:
        if d.cue is None:
            continue
        for i in range(d.content[0] + 1, min(d.content[1], d.cue[0] + 1)):
            if i in starts and _ends_sentence(doc, i - 1):
                d.content = (i, d.content[1])
    return drafts


def _ends_sentence(doc: Doc, i: int) -> bool:
    while i > 0 and doc[i].is_space:
        i -= 1
    return doc[i].text in {".", "?", "!", ":"}


def _opened_by(quote: Quote, qr: tuple[int, int], drafts: list[Draft]) -> list[Draft]:
    """Reported contents that open this quote and stop inside it ('said that "A. B."' cut at
    the first sentence end): they run to the quote's closing mark."""
    if not quote.closed:
        return []
    return [d for d in drafts if d.content[0] < qr[0] < d.content[1] < qr[1]
            and d.cue is not None and d.cue[1] <= d.content[0]]


def _cue_quoted(draft: Draft, quotes: list[Quote]) -> bool:
    """A report inside someone's quoted words belongs to that quote, not to the article."""
    return draft.cue is not None and any(q.closed and q.start < draft.cue[0] < q.end - 1
                                         for q in quotes)


def _sentence_like(doc: Doc, quote: Quote) -> bool:
    sent = _quote_sent(doc, quote)
    return quote.start <= sent.start + 1
