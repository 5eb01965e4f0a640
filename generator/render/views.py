"""What the templates see: an explainer with its cross-references resolved.

Templates stay declarative; lookups (actor by id, items per sentence, claims per
speaker) are done once here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from generator.model import Actor, Claim, DateRef, Event, Explainer, Sentence

KIND_LABELS = {
    "person": "Person", "organisation": "Organisation", "government": "Government",
    "media": "Media", "group": "Group", "place": "Place", "other": "Other",
}
EVIDENCE_LABELS = {
    "unsupported": "No evidence given",
    "disputed": "Disputed",
    "supported": "Evidence cited",
    "unstated": "Evidence not discussed",
}
KIND_OF_CLAIM = {
    "direct": "Quoted", "reported": "Reported", "passive": "Attributed, speaker unstated",
}


@dataclass(frozen=True)
class SentenceItem:
    """Something found in a sentence, for the source-text page."""

    label: str
    page: str
    anchor: str


@dataclass(frozen=True)
class SpeakerGroup:
    actor: Actor | None
    claims: list[Claim]


@dataclass(frozen=True)
class TimelineEntry:
    event: Event
    date: DateRef | None


class ArticleView:
    """Read-only view of one explainer for the templates."""

    kind_labels = KIND_LABELS
    evidence_labels = EVIDENCE_LABELS
    claim_kinds = KIND_OF_CLAIM

    def __init__(self, explainer: Explainer) -> None:
        self.e = explainer
        self.id = explainer.article.id
        self.article = explainer.article
        self.sentences = explainer.sentences
        self.claims = explainer.claims
        self.dates = explainer.dates

    @cached_property
    def sentence_by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.e.actors}

    @cached_property
    def date_by_id(self) -> dict[str, DateRef]:
        return {d.id: d for d in self.dates}

    @property
    def agents(self) -> list[Actor]:
        return [a for a in self.e.actors if a.kind != "place"]

    @property
    def places(self) -> list[Actor]:
        return [a for a in self.e.actors if a.kind == "place"]

    @property
    def key_points(self) -> list[Sentence]:
        return [self.sentence_by_id[s] for s in self.e.key_points if s in self.sentence_by_id]

    @property
    def lead(self) -> str:
        points = self.key_points or self.sentences[:1]
        return points[0].text if points else ""

    @property
    def published_label(self) -> str:
        return self.article.published or "Publication date not given"

    def description(self, what: str) -> str:
        """A meta description for one page of this article."""
        lead = self.lead if len(self.lead) <= 140 else self.lead[:139].rsplit(" ", 1)[0] + "…"
        return f"{what}: {self.article.title}. {lead}"

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actor_by_id.get(actor_id or "")
        return actor.name if actor else "Unattributed"

    def mentions_in(self, actor: Actor) -> list[tuple[str, str]]:
        """(sentence id, words) per mention, one per sentence and wording."""
        seen: dict[tuple[str, str], None] = {}
        for m in actor.mentions:
            seen.setdefault((m.sentence, m.shown), None)
        return list(seen)

    def claims_by(self, actor_id: str) -> list[Claim]:
        return [c for c in self.claims if c.speaker == actor_id]

    @property
    def speaker_groups(self) -> list[SpeakerGroup]:
        """Claims grouped by speaker, in order of first claim; the unattributed last."""
        groups: dict[str | None, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            groups[claim.speaker if claim.speaker in self.actor_by_id else None].append(claim)
        named = [SpeakerGroup(self.actor_by_id[k], v) for k, v in groups.items() if k]
        return named + ([SpeakerGroup(None, groups[None])] if None in groups else [])

    @property
    def timeline(self) -> list[TimelineEntry]:
        return [TimelineEntry(e, self.date_by_id.get(e.date or "")) for e in self.e.timeline]

    @cached_property
    def items_by_sentence(self) -> dict[str, list[SentenceItem]]:
        """Everything found in each sentence, with where it is shown."""
        items: dict[str, list[SentenceItem]] = defaultdict(list)
        for actor in self.e.actors:
            for sid in dict.fromkeys(m.sentence for m in actor.mentions):
                items[sid].append(SentenceItem(f"{actor.name} ({KIND_LABELS[actor.kind].lower()})",
                                               "who.md", actor.id))
        for claim in self.claims:
            items[claim.sentence].append(
                SentenceItem(f"Claim by {self.actor_name(claim.speaker)}", "claims.md", claim.id))
            if claim.evidence.sentence and claim.evidence.status != "unstated":
                label = EVIDENCE_LABELS[claim.evidence.status]
                items[claim.evidence.sentence].append(
                    SentenceItem(f"{label} (claim {claim.id[1:]})", "claims.md", claim.id))
        for date in self.dates:
            items[date.sentence].append(
                SentenceItem(f"Date: {date.description or date.text}", "timeline.md", date.id))
        return items

    @property
    def counts(self) -> dict[str, int]:
        return {"actors": len(self.agents), "places": len(self.places),
                "claims": len(self.claims), "dates": len(self.dates),
                "sentences": len(self.sentences)}
