"""What the templates see: an explainer with its cross-references resolved.

Templates stay declarative; lookups (actor by id, items per sentence, claims per
speaker, highlighted stretches of a sentence) are done once here. Nothing here
makes markup: every string stays plain text for the templates to escape.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from markupsafe import Markup

from generator.ids import slug
from generator.model import Actor, Claim, DateRef, Explainer, Sentence
from generator.render.claims_view import Dispute, SpeakerGroup, disputes, speaker_groups
from generator.render.diagram import svg
from generator.render.provenance import Provenance
from generator.render.relations import Link, described, links
from generator.render.story import StorySentence, story, unquoted
from generator.render.timeline_view import (
    Timeline,
    TimelineEntry,
    arrange,
    is_approximate,
)

KIND_LABELS = {
    "person": "Person", "organisation": "Organisation", "government": "Government",
    "media": "Media", "group": "Group", "place": "Place", "other": "Other",
}
# What the article does about a claim's support, never a verdict of ours: the card shows
# the article's own words beside it, so their degree ("little evidence") stays theirs.
EVIDENCE_LABELS = {
    "unsupported": "Article questions the support",
    "disputed": "Article reports it disputed",
    "supported": "Article points to support",
    "unstated": "evidence not discussed",
}
EVIDENCE_HINTS = {
    "unsupported": "the article says the support given for the claim is thin or missing",
    "disputed": "the article reports the claim is contested",
    "supported": "the article points to support for the claim",
    "unstated": "the article says nothing about support for the claim",
}
ROLE_LABELS = {
    "caption": "Photo caption", "byline": "Byline", "credit": "Picture credit",
    "dateline": "Dateline", "note": "Note from the publisher",
}
KIND_OF_CLAIM = {
    "direct": "Quoted", "reported": "Reported", "passive": "Attributed, speaker unstated",
}
SCHEMA_TYPES = {"person": "Person", "place": "Place"}
RESERVED_SLUGS = frozenset({"index", "by-letter"})  # actors/index.md, actors/by-letter/


@dataclass(frozen=True)
class SentenceItem:
    """Something found in a sentence, for the source-text page."""

    label: str
    page: str
    anchor: str
    kind: str = "actor"  # actor | claim | evidence | date


@dataclass(frozen=True)
class Segment:
    """A stretch of a sentence's text; ``kind`` is set where an item was found."""

    text: str
    kind: str | None = None
    label: str = ""


class ArticleView:
    """Read-only view of one explainer for the templates."""

    kind_labels = KIND_LABELS
    evidence_labels = EVIDENCE_LABELS
    evidence_hints = EVIDENCE_HINTS
    claim_kinds = KIND_OF_CLAIM
    role_labels = ROLE_LABELS

    def __init__(self, explainer: Explainer, actor_pages: dict[str, str] | None = None,
                 provenance: Provenance | None = None) -> None:
        self.e = explainer
        self.id = explainer.article.id
        self.article = explainer.article
        self.sentences = explainer.sentences
        self.claims = explainer.claims
        self.dates = explainer.dates
        self.actor_pages = actor_pages or {}  # actor id -> slug of its cross-article page
        self.provenance = provenance or Provenance()  # what the YAML says of its making

    @cached_property
    def sentence_by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.e.actors}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def claim_numbers(self) -> dict[str, int]:
        """Claim id -> the number a reader sees: 1, 2, 3... over the claims on the page, in
        the YAML's (the article's) order. The ids keep gaps where claims are hidden
        (``shown: false``), and a reader would look for the missing numbers."""
        return {c.id: n for n, c in enumerate(self.claims, 1)}

    @cached_property
    def date_by_id(self) -> dict[str, DateRef]:
        return {d.id: d for d in self.dates}

    @property
    def agents(self) -> list[Actor]:
        """People, groups and institutions, the most mentioned first (stable)."""
        found = [a for a in self.e.actors if a.kind != "place"]
        return sorted(found, key=lambda a: -len({m.sentence for m in a.mentions}))

    @cached_property
    def relations(self) -> list[Link]:
        """Links between actors stated or implied by the YAML (see relations.py)."""
        return links(self.e)

    @cached_property
    def diagram(self) -> Markup:
        """The relationship diagram as inline SVG, its text escaped where it is drawn."""
        return Markup(svg(self.agents, self.relations,
                          f"How the actors of “{self.article.title}” are linked"))

    def described(self, actor: Actor) -> str:
        return described(actor)

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

    @cached_property
    def story(self) -> list[StorySentence]:
        """The "what's going on" paragraph: main claim, its evidence, who disputes it."""
        return story(self.claims, self.actor_by_id,
                     lambda c: _statement(c, self.sentence_by_id.get(c.sentence)),
                     {s.id: s.text for s in self.sentences})

    @property
    def published_label(self) -> str:
        return self.article.published or "Publication date not given"

    def description(self, what: str) -> str:
        """A meta description for one page of this article."""
        lead = self.lead if len(self.lead) <= 140 else self.lead[:139].rsplit(" ", 1)[0] + "…"
        return f"{what}: {self.article.title}. {lead}"

    @property
    def about(self) -> list[str]:
        """Plain sentences that say what the story is about, from what was found."""
        lines = []
        agents = self.agents
        if agents:
            names = _join([a.name for a in agents[:3]])
            lines.append(f"The story involves {names}"
                         + (f" and {len(agents) - 3} more" if len(agents) > 3 else "") + ".")
        if self.claims:
            speakers = {c.speaker for c in self.claims if c.speaker}
            unsupported = sum(c.evidence.status in ("unsupported", "disputed")
                              for c in self.claims)
            line = (f"It reports {count_label(len(self.claims), 'claim')} from "
                    f"{count_label(len(speakers), 'named source')}")
            if unsupported:
                line += (f"; for {unsupported} of them the article questions the support "
                         "given or reports a dispute")
            lines.append(line + ".")
        if self.places:
            lines.append(f"Places: {_join([p.name for p in self.places[:4]])}.")
        exact = sorted((d.value, d.description or d.text) for d in self.dates
                       if d.type in {"DATE", "TIME"} and not is_approximate(d))
        if exact:
            first, last = exact[0][1], exact[-1][1]
            lines.append(f"The calendar dates it gives: {first}." if first == last
                         else f"The calendar dates it gives run from {first} to {last}.")
        return lines

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actor_by_id.get(actor_id or "")
        return actor.name if actor else "Unattributed"

    def mentions_in(self, actor: Actor) -> list[tuple[str, str]]:
        """(sentence id, words) per mention, one per sentence and wording."""
        seen: dict[tuple[str, str], None] = {}
        for m in actor.mentions:
            seen.setdefault((m.sentence, m.readable), None)
        return list(seen)

    def claim_text(self, claim: Claim) -> str:
        """What a claim reads as on the page: the article's own words from the source through
        the content when they run together in its sentence ("Beijing has previously blamed the
        violence on Islamic militants ..."; a cue's object alone would be a fragment), else the
        content."""
        return _statement(claim, self.sentence_by_id.get(claim.sentence)) \
            or claim.content.readable

    def quote_text(self, claim: Claim) -> str:
        """A direct quote without the article's own quote marks (the card adds its own)."""
        return unquoted(claim.content.readable)

    def claims_by(self, actor_id: str) -> list[Claim]:
        return [c for c in self.claims if c.speaker == actor_id]

    @cached_property
    def disputes(self) -> list[Dispute]:
        """Claims the article sets against each other, to be shown side by side."""
        return disputes(self.claims)

    @property
    def speaker_groups(self) -> list[SpeakerGroup]:
        """Claims grouped by speaker, in order of first claim; the unattributed last;
        those shown in a dispute are not repeated."""
        shown = {c.id for d in self.disputes for c in d.side + d.against}
        return speaker_groups(self.claims, self.actor_by_id, shown)

    @property
    def timeline(self) -> list[TimelineEntry]:
        return [TimelineEntry(e, self.date_by_id.get(e.date or "")) for e in self.e.timeline]

    @cached_property
    def time_axis(self) -> Timeline:
        """The timeline as the page shows it: an axis for calendar dates, bands for the rest."""
        return arrange(self.timeline, self.article.published)

    @cached_property
    def dates_on_events(self) -> set[str]:
        """Date ids an event of the timeline carries (the page anchors them there)."""
        return {e.date for e in self.e.timeline if e.date}

    @cached_property
    def items_by_sentence(self) -> dict[str, list[SentenceItem]]:
        """Everything found in each sentence, with where it is shown."""
        items: dict[str, list[SentenceItem]] = defaultdict(list)
        for actor in self.e.actors:
            for sid in dict.fromkeys(m.sentence for m in actor.mentions):
                items[sid].append(SentenceItem(f"{actor.name} ({KIND_LABELS[actor.kind].lower()})",
                                               "who.md", actor.id, "actor"))
        for claim in self.claims:
            number = self.claim_numbers[claim.id]
            items[claim.sentence].append(SentenceItem(
                f"Claim {number} by {self.actor_name(claim.speaker)}", "claims.md",
                claim.id, "claim"))
            if claim.evidence.sentence and claim.evidence.status != "unstated":
                label = EVIDENCE_LABELS[claim.evidence.status]
                items[claim.evidence.sentence].append(SentenceItem(
                    f"{label} (claim {number})", "claims.md", claim.id, "evidence"))
        for date in self.dates:
            items[date.sentence].append(SentenceItem(
                f"Date: {date.description or date.text}", "timeline.md", date.id, "date"))
        return items

    @cached_property
    def _marks(self) -> dict[str, list[tuple[str, str, str]]]:
        """Per sentence, the words to highlight: (words as shown, kind, label)."""
        marks: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for date in self.dates:
            marks[date.sentence].append((date.text, "date", "date"))
        for actor in self.e.actors:
            for m in actor.mentions:
                kind = "place" if actor.kind == "place" else "actor"
                marks[m.sentence].append((m.readable, kind, actor.name))
        for claim in self.claims:
            if claim.cue:
                marks[claim.sentence].append((claim.cue.readable, "cue", "attribution"))
            if claim.evidence.words and claim.evidence.sentence:
                marks[claim.evidence.sentence].append(
                    (claim.evidence.words.readable, "evidence", "evidence"))
        return marks

    def segments(self, sentence: Sentence) -> list[Segment]:
        """The sentence cut into plain and highlighted stretches, in order."""
        text = sentence.text
        folded = text.lower() if len(text.lower()) == len(text) else text
        taken: list[tuple[int, int, str, str]] = []
        for words, kind, label in self._marks.get(sentence.id, []):
            start = _free_match(folded, words.lower(), taken)
            if start is not None:
                taken.append((start, start + len(words), kind, label))
        out, at = [], 0
        for start, end, kind, label in sorted(taken):
            if start > at:
                out.append(Segment(text[at:start]))
            out.append(Segment(text[start:end], kind, label))
            at = end
        if at < len(text):
            out.append(Segment(text[at:]))
        return out

    @property
    def counts(self) -> dict[str, int]:
        return {"actors": len(self.agents), "places": len(self.places),
                "claims": len(self.claims), "dates": len(self.dates),
                "sentences": len(self.sentences)}

    def claims_jsonld(self) -> list[dict[str, Any]]:
        """schema.org ``Claim`` items: who asserted what, where (never a rating)."""
        appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": self.article.title}
        if self.article.url:
            appearance["url"] = self.article.url
        if self.article.published:
            appearance["datePublished"] = self.article.published
        out = []
        for claim in self.claims:
            item: dict[str, Any] = {"@context": "https://schema.org", "@type": "Claim",
                                    "text": claim.content.readable, "appearance": appearance}
            speaker = self.actor_by_id.get(claim.speaker or "")
            if speaker is not None:
                item["author"] = {"@type": SCHEMA_TYPES.get(speaker.kind, "Organization"),
                                  "name": speaker.name}
            out.append(item)
        return out

    def timeline_json(self) -> dict[str, Any]:
        """The timeline as TimelineJS JSON; only events with a calendar year can be placed."""
        events = []
        for entry in self.timeline:
            start = _timelinejs_date(entry.date.value) if entry.date else None
            if start is None:
                continue
            event: dict[str, Any] = {
                "start_date": start,
                "text": {"headline": entry.when, "text": entry.event.what},
                "unique_id": entry.event.id,
            }
            if entry.approximate:
                event["display_date"] = f"{entry.when} (approximate)"
            events.append(event)
        return {"title": {"text": {"headline": self.article.title, "text": self.lead}},
                "events": events}


@dataclass
class SiteActor:
    """An actor that appears in several articles of the site, matched by name and kind."""

    slug: str
    name: str
    kind: str
    appearances: list[tuple[ArticleView, Actor]] = field(default_factory=list)
    searched: bool = False  # its first page is in the search index (the most-named actors)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def claim_count(self) -> int:
        return sum(len(view.claims_by(actor.id)) for view, actor in self.appearances)


def shared_actors(explainers: list[Explainer]) -> tuple[list[SiteActor], dict[str, dict[str, str]]]:
    """Actors named in more than one article, and per article a map actor id -> page slug."""
    groups: dict[tuple[str, str], list[tuple[Explainer, Actor]]] = defaultdict(list)
    for explainer in explainers:
        for actor in explainer.actors:
            groups[(actor.name.casefold().strip(), actor.kind)].append((explainer, actor))
    shared = {k: v for k, v in groups.items()
              if len({e.article.id for e, _ in v}) > 1}
    slugs = _unique_slugs(sorted(shared))
    pages: dict[str, dict[str, str]] = defaultdict(dict)
    for key, members in shared.items():
        for explainer, actor in members:
            pages[explainer.article.id][actor.id] = slugs[key]
    actors = [SiteActor(slugs[k], shared[k][0][1].name, k[1]) for k in sorted(shared)]
    return actors, pages


def _unique_slugs(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A page name per actor; names the site uses itself (``index``) are never given out."""
    out: dict[tuple[str, str], str] = {}
    used: set[str] = set(RESERVED_SLUGS)
    for name, kind in keys:
        candidate = slug(name)
        if candidate in used:
            candidate = f"{candidate}-{kind}"
        while candidate in used:
            candidate += "-x"
        used.add(candidate)
        out[(name, kind)] = candidate
    return out


# A gap with a sentence break, a quote mark or a copula ("what they say is X") does not read on.
_GAP_BREAK = re.compile(r"[.;:!?\"\u201c\u201d]|\b(?:is|are|was|were)\b")
QUOTE_MARKS = frozenset("'\"\u2019\u201d")
MAX_GAP_WORDS = 3  # words allowed between source and cue, and between cue and content


def _statement(claim: Claim, sentence: Sentence | None) -> str | None:
    """Source, cue and content as one stretch of the sentence, in that order, or None."""
    if sentence is None or claim.kind == "direct" or claim.source is None or claim.cue is None:
        return None
    text = sentence.text
    folded = text.lower() if len(text.lower()) == len(text) else text
    content = claim.content.readable
    closer = ""
    if content.lower() not in folded and content[-1:] in QUOTE_MARKS:
        closer, content = content[-1:], content[:-1]  # a closing mark added for display
    at = 0
    stretch = []
    for words in (claim.source.readable, claim.cue.readable, content):
        start = _free_match(folded[at:], words.lower(), [])
        if start is None:
            return None
        stretch.append((at + start, at + start + len(words)))
        at += start + len(words)
    gaps = [folded[a[1]:b[0]] for a, b in itertools.pairwise(stretch)]
    if any(len(g.split()) > MAX_GAP_WORDS or _GAP_BREAK.search(g) for g in gaps):
        return None
    said = text[stretch[0][0]:stretch[-1][1]] + closer
    return said[:1].upper() + said[1:]


def _free_match(text: str, words: str, taken: list[tuple[int, int, str, str]]) -> int | None:
    """First whole-word occurrence of ``words`` not overlapping a stretch already taken."""
    if not words.strip():
        return None
    start = text.find(words)
    while start != -1:  # as re.finditer would go: each match after the one before
        end = start + len(words)
        whole = not (start > 0 and text[start - 1].isalnum() and words[0].isalnum()) and \
            not (end < len(text) and text[end].isalnum() and words[-1].isalnum())
        if whole and all(end <= a or start >= b for a, b, _, _ in taken):
            return start
        start = text.find(words, end)
    return None


def _timelinejs_date(value: str) -> dict[str, str] | None:
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    names = ("year", "month", "day")
    return {n: str(int(v)) for n, v in zip(names, match.groups(), strict=True) if v}


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def count_label(n: int, noun: str, plural: str | None = None) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
