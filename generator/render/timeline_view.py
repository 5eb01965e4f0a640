"""The timeline page's layout: a time axis for what has a calendar date, bands for the rest.

An article's times are of different sorts, and one evenly spaced list hides that:

- events with a calendar year ("2013", "March 2014") go on a time axis, placed in
  proportion to their date; a date given vaguely ("late 2013") is marked approximate;
  one given relative to publication ("last year") is placed too when the article's
  publication date is known, and marked approximate;
- events dated only relative to publication ("last year" with no publication date,
  "December" with no year) form their own band;
- durations ("for years", "a yearlong crackdown") and events without a date ("previously",
  nothing stated) form two more, each in the order the article gives them.

Nothing here makes markup; positions are percentages of the axis for the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model import DateRef, Event

EXACT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
RELATIVE = re.compile(r"^PUBLISHED(?:([+-]\d+)([YMWD]))?$")
AXIS_MARGIN = 4.0  # per cent kept free at each end, so a mark is never cut
DAYS_PER_UNIT = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}


def is_approximate(date: DateRef) -> bool:
    """A date the reader cannot pin to a calendar day, month or year as written."""
    if date.mod is not None or "X" in date.value:
        return True
    if date.type == "DURATION":
        return not re.match(r"^P[\d.]+[YMWDH]$", date.value) and not date.value.startswith("PT")
    return not EXACT_DATE.match(date.value)


@dataclass(frozen=True)
class TimelineEntry:
    event: Event
    date: DateRef | None

    @property
    def approximate(self) -> bool:
        return self.date is None or is_approximate(self.date)

    @property
    def when(self) -> str:
        if self.date is None:
            return "Date not stated"
        return self.date.description or self.date.text


@dataclass(frozen=True)
class Placed:
    """An event on the time axis: its number there, where it sits (per cent), and whether
    its date is approximate (vague in the article, or worked out from publication)."""

    number: int
    entry: TimelineEntry
    at: float
    approximate: bool


@dataclass
class Timeline:
    placed: list[Placed] = field(default_factory=list)  # by date
    ticks: list[tuple[str, float]] = field(default_factory=list)  # (year, per cent)
    relative: list[TimelineEntry] = field(default_factory=list)  # article order
    durations: list[TimelineEntry] = field(default_factory=list)
    undated: list[TimelineEntry] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.placed or self.relative or self.durations or self.undated)


def arrange(entries: list[TimelineEntry], published: str | None) -> Timeline:
    """Sort the entries into the axis and the three bands."""
    out = Timeline()
    dated: list[tuple[float, TimelineEntry, bool]] = []
    for entry in entries:
        date = entry.date
        if date is None:
            out.undated.append(entry)
        elif date.type == "DURATION":
            out.durations.append(entry)
        elif (point := calendar_point(date.value, published)) is not None:
            dated.append((point, entry, entry.approximate or date.value.startswith("PUBLISHED")))
        elif date.value.startswith(("PUBLISHED", "XXXX", "PRESENT_REF")):
            out.relative.append(entry)
        else:
            out.undated.append(entry)
    dated.sort(key=lambda d: d[0])
    if dated:
        low, high = _span([d[0] for d in dated])
        out.placed = [Placed(n, entry, _at(point, low, high), approx)
                      for n, (point, entry, approx) in enumerate(dated, 1)]
        out.ticks = _ticks(low, high)
    return out


def calendar_point(value: str, published: str | None) -> float | None:
    """A date as a year with a fraction, at the middle of the stretch it names (2013 ->
    2013.5, 2013-07 -> 2013.54), or None when it has no
    calendar year; an offset from publication counts when the publication date is known."""
    match = RELATIVE.match(value)
    if match and published:
        base = calendar_point(published, None)
        if base is None:
            return None
        amount, unit = match.groups()
        return base + (int(amount) * DAYS_PER_UNIT[unit] / 365.25 if amount else 0.0)
    match = CALENDAR.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    if not (month and 1 <= int(month) <= 12):
        return float(year) + 0.5  # a year as a whole: its middle
    if not (day and 1 <= int(day) <= 31):
        return float(year) + (int(month) - 0.5) / 12
    return float(year) + (int(month) - 1) / 12 + (int(day) - 0.5) / 365.25


def _span(points: list[float]) -> tuple[float, float]:
    """The axis's first and last year: whole years around the points, at least one apart."""
    low, high = float(int(min(points))), float(int(max(points)) + 1)
    return low, high


def _at(point: float, low: float, high: float) -> float:
    return round(AXIS_MARGIN + (100 - 2 * AXIS_MARGIN) * (point - low) / (high - low), 1)


def _ticks(low: float, high: float) -> list[tuple[str, float]]:
    """Year labels: every year on a short axis, about five on a long one."""
    years = int(high - low)
    step = max(1, -(-years // 5))
    marks = list(range(int(low), int(high) + 1, step))
    if marks[-1] != int(high):
        marks.append(int(high))
    return [(str(y), _at(float(y), low, high)) for y in marks]
