"""Claims: attributions found in the text, turned into model claims with speakers and evidence.

Finding who said what is :mod:`generator.nlp.attribution`'s job and judging what
the article says of its support is :mod:`generator.nlp.attribution.evidence`'s; this module
links their spans to sentences and to actors.
"""

from __future__ import annotations

from generator.lexicon import PERSON_PRONOUNS, PERSONAL_PRONOUNS
from generator.model import Actor, Claim, Evidence, TextRef
from generator.nlp.attribution import (
    PASSIVE_VERBS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    Attribution,
    assess_evidence,
    contested_pairs,
    find_attributions,
)
from generator.nlp.mention_index import MentionIndex
from generator.nlp.pipeline import Document


def find_claims(document: Document, actors: list[Actor]) -> list[Claim]:
    """Every attribution with a content span that maps back into the input."""
    mentions = MentionIndex(actors)
    attributions = [a for a in find_attributions(document.doc)
                    if document.sentence_at((a.cue or a.content)[0]).is_body  # no captions
                    and worth_showing(document, a, _speaker(document, mentions, a))]
    evidence = assess_evidence(document.doc, attributions)
    claims: list[Claim] = []
    numbering: dict[int, str] = {}
    for index, (found, judged) in enumerate(zip(attributions, evidence, strict=True)):
        claim = _claim(document, mentions, found, judged, f"c{len(claims) + 1}")
        if claim is not None:
            numbering[index] = claim.id
            claims.append(claim)
    by_id = {c.id: c for c in claims}
    for a, b in contested_pairs(document.doc, attributions):
        if a in numbering and b in numbering:
            by_id[numbering[a]].contested_by.append(numbering[b])
            by_id[numbering[b]].contested_by.append(numbering[a])
    return claims


def worth_showing(document: Document, found: Attribution, speaker: str | None) -> bool:
    """A claim on the page needs a speaker, a quote, or a verb of saying.

    The attribution finder also reports stances and actions with no actor behind them
    ("some seek to set up a state"); a reader would take those for claims from nowhere.
    """
    if speaker is not None or found.kind in {"direct", "passive"} or found.cue is None:
        return True
    cue = document.doc.char_span(*found.cue, alignment_mode="expand")
    words = SPEECH_VERBS | PASSIVE_VERBS | REPORT_NOUNS | {"according"}
    return cue is not None and any(t.lemma_.lower() in words for t in cue)


def _speaker(document: Document, mentions: MentionIndex, found: Attribution) -> str | None:
    source = document.ref(*found.source) if found.source else None
    return speaker_of(document, mentions, source, found)


def _claim(document: Document, mentions: MentionIndex, found: Attribution, judged,
           claim_id: str) -> Claim | None:
    content = document.ref(*found.content)
    if content is None:
        return None
    source = document.ref(*found.source) if found.source else None
    cue = document.ref(*found.cue) if found.cue else None
    anchor = found.cue or found.content
    return Claim(
        id=claim_id,
        sentence=document.sentence_at(anchor[0]).id,
        speaker=speaker_of(document, mentions, source, found),
        source=source,
        cue=cue,
        content=content,
        kind=found.kind,
        evidence=_evidence(document, judged),
    )


def _evidence(document: Document, judged) -> Evidence:
    if judged is None or judged.status == "unstated":
        return Evidence()
    words = document.ref(*judged.span) if judged.span else None
    sentence = document.sentence_at(judged.span[0]).id if judged.span else None
    return Evidence(judged.status, sentence, words)


def speaker_of(document: Document, mentions: MentionIndex, source: TextRef | None,
               found: Attribution) -> str | None:
    """The actor named first in the source phrase (its head); a pronoun, the nearest before it."""
    if source is None:
        return None
    best = _overlapping(mentions, source)
    if best is not None:
        return best
    if source.text.lower() in PERSONAL_PRONOUNS:
        return _nearest_person_before(mentions, source.span[0], source.text.lower())
    return None


def _overlapping(mentions: MentionIndex, source: TextRef) -> str | None:
    hits = [(m.span[0], -(m.span[1] - m.span[0]), a.id)
            for m, a in mentions.overlapping(*source.span)]
    return min(hits)[2] if hits else None


def _nearest_person_before(mentions: MentionIndex, position: int, pronoun: str) -> str | None:
    """He/she resolve to the last person named before; they/we to the last non-person agent."""
    wanted = {"person"} if pronoun in PERSON_PRONOUNS else {
        "government", "organisation", "group", "media", "other"}
    return mentions.last_ending_by(position, wanted, PERSONAL_PRONOUNS)


