"""Evidence status of attributed claims, read from the article's own words.

For each attribution we look for an evidence phrase in its own sentence (outside its content
and cue: "he said there is no evidence" is the speaker's claim, not the article's judgement) and
in the next two sentences.  A later sentence counts only when it points back at the claim: it
names the claim's source ("officials failed to ... their claims" after "officials claimed") or
a claim noun ("the allegations", "their claims") right after the attribution.

Statuses: ``unsupported`` (no details/evidence given, could not be verified), ``disputed``
(denied, rejected, contrary accounts), ``supported`` (documents, records, data, a named
investigation), else ``unstated``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.nlp.attribution.lexicon import word_set
from generator.nlp.attribution.spans import Attribution
from generator.nlp.docs import doc_text

_W = r"[\s\-]+"  # word gap in prose or in the tokenized seed form
_CLAIM = r"(claims?|allegations?|accusations?|assertions?|statements?|account|charges?|reports?)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("unsupported", re.compile(
        r"\bfail(?:ed|s|ing)?" + _W + r"to" + _W + r"(?:provide|offer|give|present|produce|show"
        r"|cite|back|substantiate)\b[^.;]{0,60}?\b(?:details?|evidence|proof|claims?|support)\b"
        r"|\b(?:offered|offers|provided|provides|gave|gives|presented|produced|cited|showed)"
        + _W + r"(?:little|no|scant|scarce|few)" + _W + r"(?:\w+" + _W + r")?"
        r"(?:evidence|details?|proof|specifics)\b"
        r"|\bwithout" + _W + r"(?:\w+" + _W + r"){0,2}(?:evidence|proof|details|specifics)\b"
        r"|\b(?:could|can|ca)" + _W + r"(?:not|n't|n’t)" + _W + r"(?:be" + _W + r")?"
        r"(?:independently" + _W + r")?(?:verif|confirm|corroborat|substantiat)\w*"
        r"|\bgave" + _W + r"no" + _W + r"(?:further" + _W + r")?(?:details|evidence)\b"
        r"|\b(?:did|does|do)" + _W + r"(?:not|n't|n’t)" + _W + r"(?:provide|offer|give|present"
        r"|cite|produce)" + _W + r"(?:any" + _W + r")?(?:\w+" + _W + r")?"
        r"(?:evidence|details|proof)\b"
        r"|\bno" + _W + r"evidence" + _W + r"(?:to" + _W + r"support|for|of|that)\b"
        r"|\b(?:unsubstantiated|unverified|unfounded|baseless|uncorroborated)\b"
        r"|\bignored" + _W + r"calls" + _W + r"for" + _W + r"(?:an" + _W + r")?independent\b",
        re.IGNORECASE)),
    ("disputed", re.compile(
        r"\b(?:denied|denies|deny|denying|rejected|rejects|disputed|disputes|refuted|refutes"
        r"|contradicted|contradicts|dismissed|dismisses|contested|contests)\b"
        r"|\bcontrary" + _W + r"to\b|\b(?:false|untrue|inaccurate|misleading)\b"
        r"|\bno" + _W + r"such\b",
        re.IGNORECASE)),
    ("supported", re.compile(
        r"\baccording" + _W + r"to" + _W + r"(?:\w+" + _W + r"){0,2}(?:records|documents|data"
        r"|figures|filings|statistics|footage|transcripts?)\b"
        r"|\b(?:documents|records|data|figures|footage|video|photos|filings|statistics"
        r"|investigation|inquiry|audit|autopsy|transcripts?)" + _W + r"(?:\w+" + _W + r")?"
        r"(?:show|shows|showed|shown|confirm|confirms|confirmed|indicate|indicates|indicated"
        r"|revealed|reveal|found|find|prove|proves|proved|support|supports|backed)\b"
        r"|\b(?:confirmed|verified|corroborated|substantiated)" + _W + r"by\b"
        r"|\bcourt" + _W + r"(?:records|documents|filings)\b",
        re.IGNORECASE)),
]

BACK_REFERENCE = re.compile(r"\b(?:their|his|her|its|the|these|those|this|such)" + _W + _CLAIM
                            + r"\b|\b(?:denied|denies|rejected|disputed)\b", re.IGNORECASE)
STOP_SOURCE_WORDS = word_set("""
the a an of in at on for and his her their its he she they it who that this those these
some many other another
""")


@dataclass(frozen=True)
class Evidence:
    """Evidence status for one attribution; span is the justifying phrase (character offsets)."""

    status: str  # unsupported | disputed | supported | unstated
    span: tuple[int, int] | None
    sentence: int | None


def _inside(span: tuple[int, int], outer: tuple[int, int] | None) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _phrase(doc: Doc, sent: Span, start: int, end: int) -> tuple[int, int]:
    """Widen a pattern hit to its clause: from the hit to the next comma/dash/sentence end."""
    text = doc_text(doc)
    stop = sent.end_char
    for mark in (" - ", " -- ", ";", " – ", " — "):
        k = text.find(mark, end, stop)
        if k != -1:
            stop = min(stop, k)
    while stop > end and text[stop - 1] in " .\n":
        stop -= 1
    return start, max(end, stop)


def _hits(doc: Doc, sent: Span) -> list[tuple[str, tuple[int, int]]]:
    hits = []
    text = doc_text(doc)[sent.start_char:sent.end_char]  # ``sent.text`` joins its tokens anew
    for status, pattern in PATTERNS:
        for m in pattern.finditer(text):
            hits.append((status, (sent.start_char + m.start(), sent.start_char + m.end())))
    return sorted(hits, key=lambda h: h[1][0])


def _source_words(doc: Doc, attr: Attribution) -> set[str]:
    if attr.source is None:
        return set()
    words = re.findall(r"\w+", doc_text(doc)[attr.source[0]:attr.source[1]].lower())
    return {w for w in words if w not in STOP_SOURCE_WORDS}


def _back_targets(doc: Doc, attributions: list[Attribution], n: int, sent: Span,
                  hit: tuple[int, int]) -> set[int]:
    """Which earlier attributions (one or two sentences back) a later evidence phrase refers to:
    those whose source is named before the phrase, else the latest one if the phrase says
    "their claims" / "the allegations"."""
    before = set(re.findall(r"\w+", doc_text(doc)[sent.start_char:hit[0]].lower()))
    window = [i for i, a in enumerate(attributions) if n - 2 <= a.sentence < n]
    named = {i for i in window if _source_words(doc, attributions[i]) & before}
    if named:
        return named
    if window and BACK_REFERENCE.search(sent.text):
        last = max(attributions[i].sentence for i in window)
        return {i for i in window if attributions[i].sentence == last}
    return set()


def _after_cue(doc: Doc, attr: Attribution, span: tuple[int, int]) -> bool:
    """In the claim's own sentence the judgement follows the cue ("blamed X, but offered little
    evidence"), except a fronted "without evidence"."""
    anchor = attr.cue[1] if attr.cue else attr.content[1]
    return span[0] >= anchor or doc_text(doc)[span[0]:span[1]].lower().startswith("without")


def _own_words(doc: Doc, attr: Attribution, status: str, span: tuple[int, int]) -> bool:
    """A phrase inside the claim's own content or cue is the speaker's, not the article's; a
    trailing ", court records show" inside a content is still the article's support."""
    if attr.cue and span[0] < attr.cue[1] and attr.cue[0] < span[1]:
        return True
    if not _inside(span, attr.content):
        return False
    tail = doc_text(doc)[attr.content[0]:span[0]]
    return not (status == "supported" and "," in tail)


def _same_sentence(doc: Doc, attr: Attribution, hits: list[tuple[str, tuple[int, int]]],
                   sent: Span) -> Evidence | None:
    for status, span in hits:
        if not _own_words(doc, attr, status, span) and (
                _after_cue(doc, attr, span) or status == "supported"):
            return Evidence(status, _phrase(doc, sent, *span), attr.sentence)
    return None


def assess_evidence(doc: Doc, attributions: list[Attribution]) -> list[Evidence]:
    """One Evidence per attribution, in the same order."""
    sents = list(doc.sents)
    hits = {n: _hits(doc, s) for n, s in enumerate(sents)}
    found: dict[int, Evidence] = {}
    for i, attr in enumerate(attributions):
        ev = _same_sentence(doc, attr, hits.get(attr.sentence, []), sents[attr.sentence])
        if ev is not None:
            found[i] = ev
    for n, sent in enumerate(sents):
        for status, span in hits[n]:
            if any(_inside(span, a.cue) or (a.cue and span[0] < a.cue[1] and a.cue[0] < span[1])
                   for a in attributions if a.sentence == n) and status != "disputed":
                continue
            for i in sorted(_back_targets(doc, attributions, n, sent, span)):
                if i not in found:
                    found[i] = Evidence(status, _phrase(doc, sent, *span), n)
    return [found.get(i, Evidence("unstated", None, None)) for i in range(len(attributions))]


OPPOSING_CUES = word_set("""
deny reject dispute counter refute contradict dismiss blame accuse insist charge allege
criticize condemn
""")
CONTRAST = re.compile(r"\b(?:but|however|while|although|though|whereas|contrary|instead)\b",
                      re.IGNORECASE)
CONTENT_STOP = word_set("""
be have do say the a an of to in on for and or that this it its they he she we their his
her will would can could not
""")


def _cue_lemma(doc: Doc, attr: Attribution) -> str:
    if attr.cue is None:
        return ""
    span = doc.char_span(*attr.cue, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else ""


def _content_lemmas(doc: Doc, attr: Attribution) -> set[str]:
    span = doc.char_span(*attr.content, alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.is_alpha and t.pos_ in {"NOUN", "PROPN", "VERB",
                                                                        "ADJ"}} - CONTENT_STOP


def _source_text(doc: Doc, attr: Attribution) -> str | None:
    return doc_text(doc)[attr.source[0]:attr.source[1]].lower() if attr.source else None


def contested_pairs(doc: Doc, attributions: list[Attribution]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of nearby attributions from different sources that oppose each other:
    one of them denies/blames/accuses, or both talk about the same things across a contrast."""
    sents = list(doc.sents)
    cues = [_cue_lemma(doc, a) for a in attributions]
    pairs = []
    for i, a in enumerate(attributions):
        for j in range(i + 1, len(attributions)):
            b = attributions[j]
            if b.sentence - a.sentence > 2:
                break
            sa, sb = _source_text(doc, a), _source_text(doc, b)
            if sa is None or sb is None or sa == sb or (b.sentence == a.sentence and (
                    sa in sb or sb in sa)):
                continue
            if _opposed(doc, sents, a, b, cues[i], cues[j]):
                pairs.append((i, j))
    return pairs


def _opposed(doc: Doc, sents: list[Span], a: Attribution, b: Attribution, cue_a: str,
             cue_b: str) -> bool:
    if {cue_a, cue_b} & OPPOSING_CUES and b.sentence - a.sentence == 1:
        return True
    shared = _content_lemmas(doc, a) & _content_lemmas(doc, b)
    between = doc_text(doc)[a.content[1]:b.content[0]]
    return len(shared) >= 2 and bool(CONTRAST.search(between))
