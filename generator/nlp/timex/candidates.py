"""What every timex rule shares: the candidate it proposes, the context it reads (folded
text, publication date, tense around a match) and the rule record itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.lexicon import ABBREVIATIONS


@dataclass
class Cand:
    """A proposed timex; ``anaphor`` marks values still to be taken from an earlier date."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    rule: str = ""
    priority: int = 5
    explicit: bool = False
    ago: bool = False
    anaphor: tuple[str, int] | None = None
    part: str = ""
    day_from_context: bool = False


@dataclass(frozen=True)
class Ctx:
    """What a handler needs: the folded text and the publication date (maybe unknown)."""

    low: str
    dct: dt.date | None

    def future(self, start: int, end: int) -> bool:
        """Does the clause around ``[start, end)`` speak of the future?  Nearest cue wins;
        a fronted timex looks further right ("On Tuesday, the league plans to ...")."""
        left = sentence_left(self.low[max(0, start - 90):start])
        right_all = sentence_right(self.low[end:end + 110])
        best: tuple[int, bool] | None = None
        for m in _TENSE_CUE.finditer(left):
            best = (len(left) - m.end(), m.group("f") is not None)
        fronted = len(left.split()) <= 2
        right = right_all if fronted else right_all[:50]
        for m in _TENSE_CUE.finditer(right):
            dist = m.start() + RIGHT_PENALTY
            if best is None or dist < best[0]:
                best = (dist, m.group("f") is not None)
            break
        return bool(best and best[1])


# Cues after the timex are weaker than those before it: a following "-ed" word is often an
# adjective or a new clause ("by August in the search for markets untouched by ...").
RIGHT_PENALTY = 30

# A full stop ends a sentence unless it closes an abbreviation ("a.m.", "U.S.", "Jan.").
_STOP = re.compile(r"[.;!?\n](?=\s|$)")
_ABBREV = re.compile(r"(?:^|[^\w.])(?:[a-z]|(?:[a-z]\.)+[a-z]|"  # an initial, "u.s", or a word
                     + "|".join(sorted(w for w in ABBREVIATIONS if "." not in w)) + ")$")


def sentence_ends(text: str) -> list[re.Match]:
    return [m for m in _STOP.finditer(text)
            if m.group() != "." or not _ABBREV.search(text, max(0, m.start() - 12), m.start())]


def sentence_left(text: str) -> str:
    """The part of ``text`` after its last sentence end."""
    ends = sentence_ends(text)
    return text[ends[-1].end():] if ends else text


def sentence_right(text: str) -> str:
    """The part of ``text`` before its first sentence end."""
    ends = sentence_ends(text)
    return text[:ends[0].start()] if ends else text


_TENSE_CUE = re.compile(
    r"(?<![\w'])(?:(?P<pp>had\s+been\s+(?:scheduled|due|expected|set|planned|slated)|"
    r"had\s+(?:planned|expected|intended|hoped))"
    r"|(?P<f>(?:will|would|'ll|to)\s+(?:not\s+)?(?:be|have\s+been)\s+\w+ed|will|'ll|shall|wo\s*n't|won't|going\s+to|gon\s*na|plans?\s+to|"
    r"planning|expected|expects?|scheduled|due|upcoming|set\s+to|aims?\s+to|intends?|"
    r"would|next(?!\s+to\b)|begins?|starts?|is\s+to|are\s+to|hopes?\s+to|could|might|as\s+soon\s+as|"
    r"as\s+early\s+as|planned\s+to|planning\s+to|plan\s+to|postponed|delayed|adjourned|"
    r"deferred|rescheduled|put\s+off)"
    r"|(?P<p>said|says|was|were|had|did|ago|last|earlier|told|reported|announced|"
    r"(?!\w*(?:need|seed|feed|exceed|proceed|united|hundred|indeed|speed|breed|sacred|naked|"
    r"wicked|kindred|wretched|rugged|ragged|beloved)\b)\w{3,}ed))(?![\w])")

Handler = Callable[[re.Match, Ctx], "Cand | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    priority: int = 5


def optional(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def match_span(m: re.Match) -> tuple[int, int]:
    """Span of group ``t`` when the pattern has context outside the timex, else the match."""
    if m.groupdict().get("t") is not None:
        return m.start("t"), m.end("t")
    return m.start(), m.end()


def make_cand(m: re.Match, typ: str, value: str, mod: str | None = None, **kw: object) -> Cand:
    start, end = match_span(m)
    return Cand(start, end, typ, value, mod, **kw)  # type: ignore[arg-type]
