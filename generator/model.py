"""The explainer model: what the YAML holds, as data classes.

Field order here is the key order in the YAML (or a class's ``KEYS``), so files stay
stable and diffable. ``to_dict``/``from_dict`` are the only bridge to plain data, derived
from the fields and their type hints (:mod:`generator.serialise`); the JSON Schema in
``generator/schema`` is the authority on what a valid file looks like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from generator.serialise import from_plain, to_plain

SCHEMA_VERSION = 1
# What a sentence that is not body text is: never the source of a claim, an event or a key point.
SENTENCE_ROLES = ("caption", "byline", "credit", "dateline", "note")

Span = tuple[int, int]
# how a field is written (generator/serialise.py): left out when None, empty, or as ``text``
OMIT_NONE = {"omit": "none"}
OMIT_EMPTY = {"omit": "empty"}
SAME_AS_TEXT = {"omit": "same:text"}


@dataclass(frozen=True)
class Thresholds:
    """Confidence an actor or a claim needs to be on the site; under it, kept for editors.

    The two differ because their confidences answer different questions (is this a real
    referent; is this attribution right), each calibrated on its own reference.
    """

    actors: float = 0.5
    claims: float = 0.68

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
    display: str | None = field(default=None, metadata=SAME_AS_TEXT)

    @property
    def readable(self) -> str:
        """The words as readers see them."""
        return self.display or self.text

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TextRef | None:
        return None if data is None else from_plain(cls, data)


@dataclass
class InputInfo:
    """Where the article came from, to tell when it changed."""

    path: str
    sha256: str
    form: str  # "tokenized" or "plain"
    lowercase: bool
    extractor: str = ""  # version of the extraction rules that wrote the file
    # the site's thresholds that set ``shown`` (a file's unreadable value reads as the default)
    threshold: Thresholds = field(default=DEFAULT_THRESHOLD, metadata={
        "read": lambda value: Thresholds.from_value(value) or DEFAULT_THRESHOLD})
    # fingerprint of the machine's output, set when it is saved (``store.save``): a file
    # whose content no longer matches it was edited by a person
    extracted_sha256: str | None = field(default=None, metadata=OMIT_NONE)


@dataclass
class Article:
    id: str
    title: str
    published: str | None = None
    url: str | None = None
    source: str | None = None
    input: InputInfo | None = field(default=None, metadata=OMIT_NONE)
    # the article's own summary lines (CNN/DailyMail ``@highlight``), never part of its text
    highlights: list[str] = field(default_factory=list, metadata=OMIT_EMPTY)


@dataclass
class Sentence:
    id: str
    span: Span
    text: str  # restored, readable display text (the only `text` that is not a slice)
    role: str | None = field(default=None, metadata=OMIT_NONE)  # SENTENCE_ROLES; None: body

    @property
    def is_body(self) -> bool:
        return self.role is None


@dataclass
class Mention:
    sentence: str
    span: Span
    text: str
    # as readers see it, when it differs from ``text``
    display: str | None = field(default=None, metadata=SAME_AS_TEXT)

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
    KEYS: ClassVar[tuple[str, ...]] = ("id", "name", "kind", "role", "confidence", "shown",
                                       "description", "mentions", "relations")  # the YAML's
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
    KEYS: ClassVar[tuple[str, ...]] = ("schema_version", "article", "sentences", "actors",
                                       "claims", "dates", "timeline", "key_points")
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
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Explainer:
        """Inverse of :meth:`to_dict`; expects schema-valid data."""
        return from_plain(cls, data)
