"""Claims: the assertions of an article, with their speakers, evidence and confidence.

Finding who said what is :mod:`generator.nlp.attribution`'s job; this module keeps the
attributions that are claims (assertions, outside captions and bylines: :mod:`.assertions
<generator.nlp.attribution.assertions>`), shapes each to read on its own
(:mod:`generator.nlp.claim_text`), scores it (:mod:`generator.nlp.claim_confidence`), judges
what the article says of its support (:mod:`generator.nlp.attribution.evidence`) and links its
source to an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from generator.lexicon import PERSONAL_PRONOUNS, PRONOUN_REFERENTS, RELATIVES
from generator.model import Actor, Claim, Evidence, TextRef
from generator.nlp.actors.names import PRONOUN_GENDERS, gender_of
from generator.nlp.attribution import (
    PASSIVE_VERBS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    Attribution,
    CueScorer,
    assess_evidence,
    contested_pairs,
    find_attributions,
)
from generator.nlp.attribution.assertions import is_assertion
from generator.nlp.claim_confidence import ConfidenceModel, claim_features, load_confidence
from generator.nlp.claim_text import Shaped, shape
from generator.nlp.mention_index import MentionIndex
from generator.nlp.pipeline import Document

# pronouns a guess may resolve: "he", "him", "she", "her"
THIRD_PERSON = frozenset(w for w, referent in PRONOUN_REFERENTS.items() if referent == "person")
EMPTY_POS = {"PRON", "DET", "AUX", "PART", "PUNCT", "SPACE", "CCONJ", "SCONJ", "ADP"}
# A picture note that ends a line: "(picture posed by model)", "(file photo)".
PICTURE_NOTE_END = re.compile(
    r"\s*\(\s*(?:pictures?|pictured|photos?|images?|stock|file)\b[^()]{0,40}\)?\s*$", re.I)


def find_claims(document: Document, actors: list[Actor],
                model: ConfidenceModel | None = None) -> list[Claim]:
    """Every assertion in the article's body whose content maps back into the input, with a
    calibrated confidence (:mod:`generator.nlp.claim_confidence`); claims under the model's
    floor are left out."""
    doc = document.doc
    model = model or load_confidence()
    mentions = MentionIndex(actors)
    candidates = candidate_claims(document, mentions)
    found = [s.found for s in candidates]
    scored = [(item, model.probability(claim_features(doc, item.found, found,
                                                      document.form.lowercase)))
              for item in candidates]
    scored = [(item, p) for item, p in scored if listed(item.found, p, model.keep)]
    attributions = [item.found for item, _ in scored]
    evidence = assess_evidence(doc, attributions)
    claims: list[Claim] = []
    numbering: dict[int, str] = {}
    for index, ((item, p), judged) in enumerate(zip(scored, evidence, strict=True)):
        claim = _claim(document, mentions, item, judged, f"c{len(claims) + 1}")
        if claim is not None:
            claim.confidence = round(p, 3)
            numbering[index] = claim.id
            claims.append(claim)
    by_id = {c.id: c for c in claims}
    for a, b in contested_pairs(doc, attributions):
        if a in numbering and b in numbering:
            by_id[numbering[a]].contested_by.append(numbering[b])
            by_id[numbering[b]].contested_by.append(numbering[a])
    return claims


def listed(found: Attribution, confidence: float, keep: float) -> bool:
    """Whether the YAML lists a claim: at or above the floor, or a quotation whose speaker the
    article does not name (the article's own quoted words: an editor may name the speaker;
    PolNeAR names one from the context, so by its measure they are rarely right)."""
    return confidence >= keep or found.origin == "unattributed"


def candidate_claims(document: Document, mentions: MentionIndex,
                     scorer: CueScorer | None = None) -> list[Shaped]:
    """The attributions that can be claims, shaped to read on their own, before confidence.

    Captions, bylines and other sentences with a role are no one's claims; actions ("ignored
    calls for ...") are not assertions (:mod:`generator.nlp.attribution.assertions`); each
    content is shaped into a readable proposition (:mod:`generator.nlp.claim_text`).
    ``scorer`` replaces the shipped cue scorer (training fits its own).
    """
    doc = document.doc
    found = [b for a in find_attributions(doc, scorer)
             if document.sentence_at((a.cue or a.content)[0]).role is None
             and is_assertion(doc, a.cue, a.kind) and (b := _body_only(document, a))
             and _says_something(doc, b)]
    return [s for s in _one_per_cue(shape(doc, found))
            if worth_showing(document, s.found, _speaker(document, mentions, s.found))]


def _one_per_cue(shaped: list[Shaped]) -> list[Shaped]:
    """One claim per verb of saying: of contents that share a cue, the longest ('"It's
    heartbreaking," Ryan said. "And this country has to ..."' is one quote split by its tag,
    and its two-word half is no claim of its own)."""
    longest: dict[tuple[int, int], Shaped] = {}
    for s in shaped:
        cue = s.found.cue
        if cue is not None and (cue not in longest or _length(s) > _length(longest[cue])):
            longest[cue] = s
    return [s for s in shaped if s.found.cue is None or longest[s.found.cue] is s]


def _length(shaped: Shaped) -> int:
    return shaped.found.content[1] - shaped.found.content[0]


def _body_only(document: Document, found: Attribution) -> Attribution | None:
    """The attribution with its content cut before the first caption or other sentence with a
    role that it runs into (a quote left open across a photo caption: "' I spoke to her
    that Thursday morning" / "Summer pictured volunteering in South Africa" / ...), and
    before a picture note that ends it ("... to cover her rent (picture posed by model)")."""
    start, end = found.content
    note = PICTURE_NOTE_END.search(document.text, start, end)
    if note is not None and note.end() == end:
        end = note.start()
    first = bisect_right(document.starts, start)
    for index in range(first, len(document.starts)):
        if document.starts[index] >= end:
            break
        if document.sentences[index].role is not None:
            end = document.starts[index]
            break
    while end > start and document.text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return found if end == found.content[1] else replace(found, content=(start, end))


def _says_something(doc: Doc, found: Attribution) -> bool:
    """A content that is only a pronoun and a verb to be ("That's according to a survey
    ...") points at a sentence before it and says nothing on its own."""
    span = doc.char_span(*found.content, alignment_mode="expand")
    return span is None or any(t.pos_ not in EMPTY_POS for t in span)


def worth_showing(document: Document, found: Attribution, speaker: str | None) -> bool:
    """A claim needs a holder: a speaker, a source phrase, a quote, or a verb of saying.

    The attribution finder also reports impressions with no one behind them; a reader would
    take those for claims from nowhere.
    """
    if speaker is not None or found.source is not None or found.kind in {"direct", "passive"} \
            or found.cue is None:
        return True
    cue = document.doc.char_span(*found.cue, alignment_mode="expand")
    words = SPEECH_VERBS | PASSIVE_VERBS | REPORT_NOUNS | {"according"}
    return cue is not None and any(t.lemma_.lower() in words for t in cue)


def _speaker(document: Document, mentions: MentionIndex, found: Attribution) -> str | None:
    source = document.ref(*found.source) if found.source else None
    return speaker_of(document, mentions, source, found)


def _claim(document: Document, mentions: MentionIndex, item: Shaped, judged,
           claim_id: str) -> Claim | None:
    found = item.found
    content = document.ref(*found.content)
    if content is None:
        return None
    if item.display is not None:
        content = TextRef(content.span, content.text, item.display)
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
    """The actor that holds the source phrase's head word or its appositive ("NASA chief
    scientist Ellen Stofan" is Stofan, "his mother, Zainab" Zainab), else the actor named
    first in it; a "he" or "she" that coreference left alone, the last person named before
    it whose gender agrees."""
    if source is None:
        return None
    root = _source_root(document, found)
    if root is not None:
        named = [root, *(c for c in root.children if c.dep_ == "appos")]  # "his mother, Zainab"
        for word in named:
            holder = _overlapping(mentions, document.ref(word.idx, word.idx + len(word.text)))
            if holder is not None:
                return holder
        if _relative_of_a_name(root):
            return None
    best = _overlapping(mentions, source)
    if best is not None:
        return best
    if source.text.lower() in THIRD_PERSON:
        return _nearest_person_before(mentions, source.span[0], source.text.lower())
    return None


def _source_root(document: Document, found: Attribution) -> Token | None:
    if found.source is None:
        return None
    span = document.doc.char_span(*found.source, alignment_mode="expand")
    return span.root if span is not None else None


def _relative_of_a_name(root: Token) -> bool:
    """"Sofia Vergara's ex", "her friend", when no actor holds the phrase's head: someone
    related to the actor named, not the actor (a spokesman or a lawyer speaks for the actor
    and stays the actor's)."""
    return root.pos_ == "NOUN" and root.lemma_.lower() in RELATIVES and any(
        child.dep_ == "poss" for child in root.children)


def _overlapping(mentions: MentionIndex, source: TextRef | None) -> str | None:
    if source is None:
        return None
    hits = [(m.span[0], -(m.span[1] - m.span[0]), a.id)
            for m, a in mentions.overlapping(*source.span)]
    return min(hits)[2] if hits else None


def _nearest_person_before(mentions: MentionIndex, position: int, pronoun: str) -> str | None:
    """"he"/"she" that coreference left alone: the last person named before whose gender, if
    the article shows it, agrees. "It", "they", "we" and "I" get no such guess: the last
    body named before them was the wrong one more often than not (a camp, a scan, a
    newspaper for "it said"), and the page shows the pronoun as the source instead."""
    gender = PRONOUN_GENDERS[pronoun]
    return mentions.last_ending_by(position, {"person"}, PERSONAL_PRONOUNS,
                                   lambda actor: gender_of(actor) in {None, gender})
