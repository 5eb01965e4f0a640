"""The explainer model: what the YAML holds, as data classes.

Field order here is the key order in the YAML, so files stay stable and diffable.
``to_dict``/``from_dict`` are the only bridge to plain data; the JSON Schema in
``generator/schema`` is the authority on what a valid file looks like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
# What a sentence that is not body text is: never the source of a claim, an event or a key point.
SENTENCE_ROLES = ("caption", "byline", "credit", "dateline", "note")

Span = tuple[int, int]


@dataclass(frozen=True)
class Thresholds:
    """Confidence an actor or a claim needs to be on the site; under it, kept for editors.

    The two differ because their confidences answer different questions (is this a real
    referent; is this attribution right), each calibrated on its own reference.
    """

    actors: float = 0.5
    claims: float = 0.75

    def to_dict(self) -> dict[str, float]:
        return {"actors": self.actors, "claims": self.claims}

    @classmethod
    def from_value(cls, value: Any) -> Thresholds | None:
        """From ``0.6`` (both) or ``{claims: 0.8, actors: 0.5}``; None when it is neither."""
        if _unit(value):
            return cls(float(value), float(value))
        if isinstance(value, dict) and set(value) <= {"actors", "claims"} and all(
                _unit(v) for v in value.values()):
            return cls(**{k: float(v) for k, v in value.items()})
        return None


def _unit(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


DEFAULT_THRESHOLD = Thresholds()


@dataclass
class TextRef:
    """A stretch of the input: ``input[span[0]:span[1]] == text``.

    ``display`` is the same words as readers see them (restored case and spacing),
    kept only when it differs from ``text``.
    """

    span: Span
    text: str
    display: str | None = None

    @property
    def readable(self) -> str:
        """The words as readers see them."""
        return self.display or self.text

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"span": list(self.span), "text": self.text}
        if self.display is not None and self.display != self.text:
            out["display"] = self.display
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TextRef | None:
        if data is None:
            return None
        return cls(tuple(data["span"]), data["text"], data.get("display"))


@dataclass
class InputInfo:
    """Where the article came from, to tell when it changed."""

    path: str
    sha256: str
    form: str  # "tokenized" or "plain"
    lowercase: bool
    extractor: str = ""  # version of the extraction rules that wrote the file
    threshold: Thresholds = DEFAULT_THRESHOLD  # the site's thresholds that set ``shown``
    # fingerprint of the machine's output, set when it is saved (``store.save``): a file
    # whose content no longer matches it was edited by a person
    extracted_sha256: str | None = None


@dataclass
class Article:
    id: str
    title: str
    published: str | None = None
    url: str | None = None
    source: str | None = None
    input: InputInfo | None = None
    # the article's own summary lines (CNN/DailyMail ``@highlight``), never part of its text
    highlights: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    id: str
    span: Span
    text: str  # restored, readable display text (the only `text` that is not a slice)
    role: str | None = None  # one of SENTENCE_ROLES; None for body text

    @property
    def is_body(self) -> bool:
        return self.role is None


@dataclass
class Mention:
    sentence: str
    span: Span
    text: str
    display: str | None = None  # as readers see it, when it differs from ``text``

    @property
    def readable(self) -> str:
        """The words as readers see them."""
        return self.display or self.text


@dataclass
class Relation:
    """What the article states links two actors ("affiliated with", "leader of")."""

    type: str
    actor: str
    sentence: str


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    description: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    role: str | None = None  # finer than the kind: "ethnic group", "newspaper", "police"
    confidence: float = 1.0  # calibrated probability that this is a real referent
    shown: bool = True  # False keeps the actor for editors, off the site


@dataclass
class Evidence:
    status: str = "unstated"
    sentence: str | None = None
    words: TextRef | None = None


@dataclass
class Claim:
    id: str
    sentence: str
    speaker: str | None
    source: TextRef | None
    cue: TextRef | None
    content: TextRef
    kind: str = "reported"
    evidence: Evidence = field(default_factory=Evidence)
    contested_by: list[str] = field(default_factory=list)
    confidence: float = 1.0  # calibrated probability that the attribution is right
    shown: bool = True  # False keeps the claim for editors, off the site


@dataclass
class DateRef:
    id: str
    sentence: str
    span: Span
    text: str
    type: str
    value: str
    mod: str | None = None
    description: str = ""


@dataclass
class Event:
    id: str
    date: str | None
    what: str
    sentence: str
    actors: list[str] = field(default_factory=list)


@dataclass
class Explainer:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the contract's key order."""
        return {
            "schema_version": self.schema_version,
            "article": _article_dict(self.article),
            "sentences": [_sentence_dict(s) for s in self.sentences],
            "actors": [_actor_dict(a) for a in self.actors],
            "claims": [_claim_dict(c) for c in self.claims],
            "dates": [_date_dict(d) for d in self.dates],
            "timeline": [
                {"id": e.id, "date": e.date, "what": e.what, "sentence": e.sentence,
                 "actors": list(e.actors)}
                for e in self.timeline
            ],
            "key_points": list(self.key_points),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Explainer:
        """Inverse of :meth:`to_dict`; expects schema-valid data."""
        return cls(
            schema_version=data["schema_version"],
            article=_article_from(data["article"]),
            sentences=[Sentence(s["id"], tuple(s["span"]), s["text"], s.get("role"))
                       for s in data["sentences"]],
            actors=[_actor_from(a) for a in data.get("actors", [])],
            claims=[_claim_from(c) for c in data.get("claims", [])],
            dates=[_date_from(d) for d in data.get("dates", [])],
            timeline=[
                Event(e["id"], e.get("date"), e["what"], e["sentence"], list(e.get("actors", [])))
                for e in data.get("timeline", [])
            ],
            key_points=list(data.get("key_points", [])),
        )


def _sentence_dict(s: Sentence) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "span": list(s.span), "text": s.text}
    if s.role is not None:
        out["role"] = s.role
    return out


def _article_dict(a: Article) -> dict[str, Any]:
    out: dict[str, Any] = {"id": a.id, "title": a.title, "published": a.published,
                           "url": a.url, "source": a.source}
    if a.input is not None:
        out["input"] = {"path": a.input.path, "sha256": a.input.sha256,
                        "form": a.input.form, "lowercase": a.input.lowercase,
                        "extractor": a.input.extractor, "threshold": a.input.threshold.to_dict()}
        if a.input.extracted_sha256 is not None:
            out["input"]["extracted_sha256"] = a.input.extracted_sha256
    if a.highlights:
        out["highlights"] = list(a.highlights)
    return out


def _article_from(d: dict[str, Any]) -> Article:
    info = d.get("input")
    return Article(
        id=d["id"], title=d["title"], published=d.get("published"), url=d.get("url"),
        source=d.get("source"),
        input=InputInfo(info["path"], info["sha256"], info["form"], info["lowercase"],
                        info.get("extractor", ""),
                        Thresholds.from_value(info.get("threshold")) or DEFAULT_THRESHOLD,
                        info.get("extracted_sha256"))
        if info else None,
        highlights=list(d.get("highlights") or []),
    )


def _actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id, "name": a.name, "kind": a.kind, "role": a.role,
        "confidence": a.confidence, "shown": a.shown, "description": a.description,
        "mentions": [_mention_dict(m) for m in a.mentions],
        "relations": [{"type": r.type, "actor": r.actor, "sentence": r.sentence}
                      for r in a.relations],
    }


def _mention_dict(m: Mention) -> dict[str, Any]:
    out: dict[str, Any] = {"sentence": m.sentence, "span": list(m.span), "text": m.text}
    if m.display is not None and m.display != m.text:
        out["display"] = m.display
    return out


def _actor_from(d: dict[str, Any]) -> Actor:
    return Actor(
        d["id"], d["name"], d["kind"], d.get("description"),
        [Mention(m["sentence"], tuple(m["span"]), m["text"], m.get("display"))
         for m in d.get("mentions", [])],
        [Relation(r["type"], r["actor"], r["sentence"]) for r in d.get("relations", [])],
        d.get("role"), d.get("confidence", 1.0), d.get("shown", True),
    )


def _ref(r: TextRef | None) -> dict[str, Any] | None:
    return None if r is None else r.to_dict()


def _claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "sentence": c.sentence, "speaker": c.speaker, "source": _ref(c.source),
        "cue": _ref(c.cue), "content": c.content.to_dict(), "kind": c.kind,
        "evidence": {"status": c.evidence.status, "sentence": c.evidence.sentence,
                     "words": _ref(c.evidence.words)},
        "contested_by": list(c.contested_by),
        "confidence": c.confidence, "shown": c.shown,
    }


def _claim_from(d: dict[str, Any]) -> Claim:
    ev = d.get("evidence") or {}
    return Claim(
        d["id"], d["sentence"], d.get("speaker"), TextRef.from_dict(d.get("source")),
        TextRef.from_dict(d.get("cue")), TextRef.from_dict(d["content"]),
        d.get("kind", "reported"),
        Evidence(ev.get("status", "unstated"), ev.get("sentence"),
                 TextRef.from_dict(ev.get("words"))),
        list(d.get("contested_by", [])),
        d.get("confidence", 1.0), d.get("shown", True),
    )


def _date_dict(t: DateRef) -> dict[str, Any]:
    return {"id": t.id, "sentence": t.sentence, "span": list(t.span), "text": t.text,
            "type": t.type, "value": t.value, "mod": t.mod, "description": t.description}


def _date_from(d: dict[str, Any]) -> DateRef:
    return DateRef(d["id"], d["sentence"], tuple(d["span"]), d["text"], d["type"], d["value"],
                   d.get("mod"), d.get("description", ""))
