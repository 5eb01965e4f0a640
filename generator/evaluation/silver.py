"""A silver reference for actors on PolNeAR, where there is no actor gold.

PolNeAR annotates who is the source of every attribution, not every referent. So an actor
counts as **right** (a real referent of the kind it was given) when one of its mentions,
pronouns aside, overlaps

- a named entity that the spaCy tagger finds on the **original, cased** text (people,
  organisations, nationalities and groups, places, facilities) with a label that agrees with
  the actor's kind (a person with PERSON, a group with NORP or ORG, a place with GPE, LOC or
  FAC, ...) and that holds the mention's last word, its head ("President Bush's attempt" is
  no mention of Bush), unless that head names people or a body of them ("Uighur groups",
  "Chinese officials"), or
- a gold attribution source that is not a pronoun, for any kind but a place, unless its head
  is a document ("the report said": the source of a claim, not someone a reader meets), or
- for a government, a phrase headed by a noun that always names an institution or its people
  ("police", "the ministry", "officials", "the court": the hand list ``GOVERNMENT_HEADS`` of
  :mod:`generator.nlp.actors.lexicon`), which neither the tagger nor the sources cover.

Everything else counts as wrong. The reference is strict on one side: an actor that is real but
neither tagged, nor a source, nor an institution noun (a group that acts without speaking,
"workers", "rivals") counts as wrong, so the confidence learned against it is, if anything,
low for such actors: they are shown when they speak or are named. On the original text the
tagger that made the reference also finds the extractor's names, so the check is mostly about
kinds and phrases there; on the lower-cased copy it also checks case restoration.

Used by ``tools/train_actor_confidence.py`` (train) and ``explainer evaluate actors`` (dev).
"""

from __future__ import annotations

from spacy.language import Language

from generator.evaluation.polnear import Gold
from generator.lexicon import PERSONAL_PRONOUNS, POSSESSIVES, RELATIVE_PRONOUNS
from generator.model import Actor
from generator.nlp.actors.confidence import AGREEING_LABELS, names_people
from generator.nlp.actors.lexicon import DOCUMENT_HEADS, GOVERNMENT_HEADS
from generator.nlp.actors.names import singular

LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "WORK_OF_ART"}
PRONOUNS = PERSONAL_PRONOUNS | POSSESSIVES | RELATIVE_PRONOUNS
BINS = 10


class Silver:
    """The reference spans of one document: (start, end, label); sources have label None."""

    def __init__(self, nlp: Language, text: str, gold: Gold) -> None:
        self.spans: list[tuple[int, int, str | None]] = [
            (e.start_char, e.end_char, e.label_) for e in nlp(text).ents if e.label_ in LABELS]
        for attribution in gold:
            if attribution.get("source_text", "").lower().strip() in PRONOUNS:
                continue
            self.spans.extend((s, e, None) for s, e in attribution.get("source") or [])

    def right(self, actor: Actor) -> bool:
        """A mention overlaps a reference span whose label agrees with the actor's kind."""
        agreeing = AGREEING_LABELS.get(actor.kind, set())
        for mention in actor.mentions:
            if mention.text.lower() in PRONOUNS:
                continue
            words = mention.text.lower().split()
            if actor.kind == "government" and words and words[-1] in GOVERNMENT_HEADS:
                return True
            ms, me = mention.span
            people = bool(words) and names_people(words[-1])
            if words and not people:
                ms = me - len(words[-1])  # the name must be the head, not a word before it
            document = bool(words) and singular(words[-1]) in DOCUMENT_HEADS
            for s, e, label in self.spans:
                if s < me and e > ms and (label in agreeing or (
                        label is None and actor.kind != "place" and not document)):
                    return True
        return False


def reliability(pairs: list[tuple[float, bool]], bins: int = BINS) -> list[dict]:
    """Rows of a reliability table: per confidence bin, count, mean confidence, share right."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if inside:
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside),
                         "confidence": round(sum(p for p, _ in inside) / len(inside), 3),
                         "right": round(sum(y for _, y in inside) / len(inside), 3)})
    return rows


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = BINS) -> float:
    """Mean |confidence - share right| over bins, weighted by their counts."""
    total = len(pairs) or 1
    return round(sum(r["n"] * abs(r["confidence"] - r["right"])
                     for r in reliability(pairs, bins)) / total, 3)
