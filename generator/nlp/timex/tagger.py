"""Fast rule-based temporal expression tagger and normaliser (TIMEX3, TempEval-3 style).

Pure Python, no spaCy: the text is folded to lower case (length-preserving, so offsets hold)
and a table of regex rules (:mod:`.rules`) proposes candidates; the
longest non-overlapping ones win, then modifiers ("early", "about", "more than") are
attached and anaphoric ones ("that year") take the last explicit date.  Works the same on
cased prose and on lower-cased Treebank-tokenized text.

Relative expressions are anchored to ``published`` when it is known; otherwise values stay
relative (``XXXX-12``, ``PUBLISHED-1Y``; see :mod:`.values`) and are
never given a guessed year.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from generator.nlp.timex import values as tv
from generator.nlp.timex.candidates import Cand, sentence_ends
from generator.nlp.timex.describe import describe_value, value_position
from generator.nlp.timex.rules import propose


@dataclass(frozen=True)
class Timex:
    """One temporal expression: ``text == source[start:end]``; TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


_FOLD = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"',
                       "–": "-", "—": "-", "‑": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Lower-case without changing the length (offsets stay valid); unify quotes/dashes."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_FOLD)


def find_timexes(text: str, published: dt.date | None) -> list[Timex]:
    """All temporal expressions in ``text``, in order, normalised against ``published``."""
    low = fold(text)
    chosen = _select(propose(low, published))
    _attach_modifiers(chosen, low)
    _resolve_anaphors(chosen)
    _days_from_context(chosen, low)
    return [Timex(c.start, c.end, text[c.start:c.end], c.type, c.value, c.mod) for c in chosen]


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first (then rule priority); keep those that overlap nothing kept."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


_DATE_MOD = re.compile(
    r"(?<![\w])(?<!as\s)(?P<m>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of|"
    r"(?:the\s+)?(?:early|late|mid)(?:\s*-\s*|\s+)|mid\s*-\s*|(?:earlier|later)(?:\s+in)?|"
    r"(?:early|late)\s+in|around|approximately|roughly|circa|post\s*-\s*|pre\s*-\s*)\s*$")
# "around" attaches only to explicit dates ("around 1990", "around March 3"), not to
# weekdays or words, where it is usually a preposition ("get around Wednesday's ruling").
_APPROX_CORE = re.compile(r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the\s+\d|"
                          r"mid|christmas|easter|new\s+year|year)")
_AMOUNT_MOD = re.compile(
    r"(?<![\w])(?P<m>about|around|approximately|roughly|some|nearly|almost|more\s+than|"
    r"less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|no\s+more\s+than|"
    r"no\s+less\s+than|up\s+to|within|just\s+over|just\s+under|well\s+over|upwards\s+of|"
    r"barely|only|just)\s+$")
_DURATION_MODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
                  "roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
                  "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
                  "under": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN",
                  "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
                  "well over": "MORE_THAN", "upwards of": "MORE_THAN",
                  "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
                  "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
                  "up to": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS"}
_AGO_MODS = {"more than": "BEFORE", "over": "BEFORE", "well over": "BEFORE",
             "just over": "BEFORE", "at least": "ON_OR_BEFORE", "less than": "AFTER",
             "under": "AFTER", "fewer than": "AFTER", "within": "ON_OR_AFTER"}


def _attach_modifiers(chosen: list[Cand], low: str) -> None:
    """Extend spans leftwards over modifier words and set ``mod`` from them."""
    prev_end = 0
    for c in chosen:
        window = low[max(prev_end, c.start - 40):c.start]
        numeric = bool(re.match(r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|"
                                r"nine|ten|twenty|thirty|forty|fifty|several|a few|a couple)",
                                low[c.start:c.end]))
        m = None
        if c.type in ("DATE", "TIME") and not c.ago and not c.value.endswith("_REF"):
            m = _DATE_MOD.search(window)
            mod = _date_mod(m.group("m")) if m else None
            if mod == "APPROX" and not _APPROX_CORE.match(low, c.start):
                m, mod = None, None
        if m is None and numeric and (c.type == "DURATION" or c.ago):
            m = _AMOUNT_MOD.search(window)
            word = re.sub(r"\s+", " ", m.group("m")) if m else ""
            mod = (_AGO_MODS.get(word, "APPROX") if c.ago else _DURATION_MODS.get(word))
            if m and word in ("only", "just"):
                m, mod = None, None
        if m is not None:
            c.start = c.start - (len(window) - m.start())
            c.mod = c.mod or mod
        prev_end = c.end


def _date_mod(word: str) -> str | None:
    w = re.sub(r"[\s-]+", " ", word).strip()
    for key, mod in (("end", "END"), ("close", "END"), ("late", "END"), ("mid", "MID"),
                     ("middle", "MID"), ("early", "START"), ("beginning", "START"),
                     ("start", "START"), ("around", "APPROX"), ("approx", "APPROX"),
                     ("roughly", "APPROX"), ("circa", "APPROX"), ("post", "AFTER"),
                     ("pre", "BEFORE")):
        if key in w:
            return mod
    return None


_CONCRETE = re.compile(r"\d{4}(?:-\d\d){0,2}")


def _resolve_anaphors(chosen: list[Cand]) -> None:
    """"that year", "the next day": narrative time.  The anchor is the last date mentioned
    before that is precise enough; explicit dates count, and so do resolved relative ones
    ("Friday", "last year"), because the narrative moves on with them."""
    last: str | None = None
    for c in chosen:
        if c.anaphor is not None:
            value = _from_anchor(last, *c.anaphor)
            if value is not None:
                c.value = tv.with_part(value, c.part) if c.part else value
        anchor = _anchor_value(c)
        if anchor is not None:
            last = anchor


def _anchor_value(c: Cand) -> str | None:
    """The date part of a point-like DATE/TIME value that can anchor later anaphors."""
    if c.type not in ("DATE", "TIME") or c.mod in ("BEFORE", "AFTER"):
        return None
    head = c.value.split("T")[0]
    if _CONCRETE.fullmatch(head) or tv.parse_published(c.value) is not None:
        return head if _CONCRETE.fullmatch(head) else c.value
    return None


def _from_anchor(anchor: str | None, unit: str, offset: int) -> str | None:
    if anchor is None:
        return None
    pub = tv.parse_published(anchor)
    if pub is not None:
        n, pub_unit, part = pub
        if pub_unit != unit or part:
            return None
        return "PUBLISHED" if unit == "D" and n + offset == 0 else f"PUBLISHED{n + offset:+d}{unit}"
    if unit == "Y":
        return f"{int(anchor[:4]) + offset:04d}"
    if unit == "M" and len(anchor) >= 7:
        return tv.shift(dt.date(int(anchor[:4]), int(anchor[5:7]), 1), "M", offset)
    if unit in ("D", "W") and len(anchor) == 10:
        return tv.shift(dt.date.fromisoformat(anchor), unit, offset)
    return None


def _days_from_context(chosen: list[Cand], low: str) -> None:
    """A clock time with no day of its own ("at 10:35 a.m. (0735 GMT) Friday") is on the
    nearest day named in the same sentence; the publication day is only the fallback.

    Days are looked at outwards from the time, each side stopping at the first day in
    the same sentence or beyond a sentence end, so a long article costs no more per time.
    """
    days = [d for d in chosen if d.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", d.value)]
    order = sorted(range(len(days)), key=lambda i: (days[i].start, i))
    starts = [days[i].start for i in order]
    for c in chosen:
        if not c.day_from_context:
            continue
        split = bisect_left(starts, c.start)
        near = [*_same_sentence_day(c, days, order[split:], low, right=True),
                *_same_sentence_day(c, days, order[:split][::-1], low, right=False)]
        if near:
            c.value = days[min(near)[1]].value + c.value[c.value.index("T"):]


def _same_sentence_day(c: Cand, days: list[Cand], indexes: list[int], low: str,
                       *, right: bool) -> list[tuple[int, int]]:
    """(distance, index) of the nearest day on one side of ``c`` in its sentence, if any."""
    for i in indexes:
        d = days[i]
        if not sentence_ends(low[min(c.end, d.end):max(c.start, d.start)]):
            return [(c.start - d.end if d.end <= c.start else d.start - c.end, i)]
        if (d.start >= c.end) if right else (d.end <= c.start):
            return []  # a sentence end lies between: farther days are in other sentences
    return []


def describe(timex: Timex, published: dt.date | None) -> str:
    """Honest human wording of a timex's value, e.g. "December, year not stated"."""
    value = timex.value
    if published is not None and value.startswith("PUBLISHED"):
        value = tv.resolve_published(value, published)
    return describe_value(timex.type, value, timex.mod)


def sort_key(timex: Timex) -> tuple:
    """Order for a timeline: dated points by time, then publication-relative ones, then
    undated references, durations and sets; ties by position in the text."""
    group, position = value_position(timex.type, timex.value, timex.mod)
    return (group, position, timex.start)
