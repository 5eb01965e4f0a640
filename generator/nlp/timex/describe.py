"""Human wording and timeline position of TIMEX3 values.

The wording never claims more than the value holds: an unstated year is said to be
unstated, a publication-relative value is worded relative to publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from generator.lexicon import DAYS_PER_UNIT
from generator.nlp.timex import values as tv

_MONTH = {i: calendar.month_name[i] for i in range(1, 13)}
_DAYNAME = {i: calendar.day_name[i - 1] for i in range(1, 8)}
_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_SEASON = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PART = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_UNIT = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "H": "half-year", "Y": "year",
         "E": "decade", "C": "century", "L": "millennium", "S": "second"}
_CLOCK_UNIT = {"H": "hour", "M": "minute", "S": "second"}
_NUMBER = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
           8: "eight", 9: "nine", 10: "ten"}
_REFS = {"PRESENT_REF": "now (at the time of writing)", "PAST_REF": "in the past (no date given)",
         "FUTURE_REF": "in the future (no date given)"}
_MOD_WORDS = {"APPROX": "around", "BEFORE": "before", "AFTER": "after",
              "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after",
              "LESS_THAN": "less than", "MORE_THAN": "more than",
              "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}


def describe_value(typ: str, value: str, mod: str | None) -> str:
    if typ == "SET":
        return _describe_set(value)
    if typ == "DURATION":
        return _describe_duration(value, mod)
    if value in _REFS:
        return _REFS[value]
    return _with_mod(_describe_point(value), mod)


def _with_mod(text: str, mod: str | None) -> str:
    starts_the = text.startswith(("the ", "a ", "an "))
    if mod == "START":
        return f"early in {text}" if starts_the else f"early {text}"
    if mod == "END":
        return f"late in {text}" if starts_the else f"late {text}"
    if mod == "MID":
        return f"in the middle of {text}" if starts_the else f"mid-{text}"
    if mod in _MOD_WORDS:
        return f"{_MOD_WORDS[mod]} {text}"
    return text


def _count(n: int, unit: str) -> str:
    word = _NUMBER.get(n, str(n))
    return f"{word} {unit}{'s' if n != 1 else ''}"


def _describe_point(value: str) -> str:
    day, _, clock = value.partition("T")
    rel = tv.parse_published(day) if day.startswith("PUBLISHED") else None
    base = _describe_published(*rel[:2]) if rel is not None else _describe_day(day)
    if not clock:
        return base
    if clock[:2] in _PART:
        return f"the {_PART[clock[:2]]} of {base}" if base.startswith("the ") \
            else f"{base}, {_PART[clock[:2]]}"
    return f"{base}, {clock[:5]}"


def _describe_published(offset: int, unit: str) -> str:
    name = _UNIT[unit]
    if offset == 0:
        return "the day of publication" if unit == "D" else f"the {name} of publication"
    if abs(offset) == 1:
        return f"the {name} {'before' if offset < 0 else 'after'} publication"
    return f"{_count(abs(offset), name)} {'before' if offset < 0 else 'after'} publication"


def _describe_day(v: str) -> str:
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", v)
    if m:
        y, mo, d = m.groups()
        return f"{int(d)} {_MONTH[int(mo)]}" + (", year not stated" if y == "XXXX" else f" {y}")
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)", v)
    if m:
        y, mo = m.groups()
        return _MONTH[int(mo)] + (", year not stated" if y == "XXXX" else f" {y}")
    m = re.fullmatch(r"(\d{4}|XXXX)-Q(\d)", v)
    if m:
        y, q = m.groups()
        return f"the {_ORD[int(q)]} quarter" + (", year not stated" if y == "XXXX" else f" of {y}")
    m = re.fullmatch(r"(\d{4}|XXXX)-H(\d)", v)
    if m:
        y, h = m.groups()
        return f"the {_ORD[int(h)]} half" + (", year not stated" if y == "XXXX" else f" of {y}")
    m = re.fullmatch(r"(\d{4}|XXXX)-(SP|SU|FA|WI)", v)
    if m:
        y, s = m.groups()
        return _SEASON[s] + (", year not stated" if y == "XXXX" else f" {y}")
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        what = "the weekend after" if m.group(3) else "the week of"
        return f"{what} {monday.day} {_MONTH[monday.month]} {monday.year}"
    m = re.fullmatch(r"XXXX-WXX-(\d)", v)
    if m:
        return f"a {_DAYNAME[int(m.group(1))]}, date not stated"
    if re.fullmatch(r"\d{4}", v):
        return v
    if re.fullmatch(r"\d{3}", v):
        return f"the {v}0s"
    if re.fullmatch(r"\d{2}", v):
        return f"the {v}00s"
    return "a date not stated"


def _describe_duration(value: str, mod: str | None) -> str:
    m = re.fullmatch(r"PT?(X|\d+(?:\.\d+)?)([A-Z])(?:(\d+)([A-Z]))?", value)
    if not m:
        return "for a while"
    amount, code, more, code2 = m.groups()
    clock = value.startswith("PT")
    unit = (_CLOCK_UNIT if clock else _UNIT).get(code, "unit")
    if amount == "X":
        return f"for {unit}s" if unit != "century" else "for centuries"
    n = float(amount)
    text = _count(int(n), unit) if n == int(n) else f"{n:g} {unit}s"
    if more:
        unit2 = (_CLOCK_UNIT if clock or code2 in "HS" else _UNIT).get(code2, "unit")
        text += f" {_count(int(more), unit2)}"
    prefix = _MOD_WORDS.get(mod or "", "")
    return f"for {prefix + ' ' if prefix else ''}{text}"


def _describe_set(value: str) -> str:
    m = re.fullmatch(r"XXXX-WXX-(\d)(T(\w\w))?", value)
    if m:
        part = f" {_PART.get(m.group(3), '')}" if m.group(3) else ""
        return f"every {_DAYNAME[int(m.group(1))]}{part}"
    m = re.fullmatch(r"XXXX-(\d\d)", value)
    if m:
        return f"every {_MONTH[int(m.group(1))]}"
    m = re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value)
    if m:
        return f"every {_SEASON[m.group(1)]}"
    m = re.fullmatch(r"XXXX-XX-XXT(\w\w)", value)
    if m:
        return f"every {_PART.get(m.group(1), 'day')}"
    m = re.fullmatch(r"PT?(\d+)([A-Z])", value)
    if m:
        n, code = int(m.group(1)), m.group(2)
        unit = (_CLOCK_UNIT if value.startswith("PT") else _UNIT).get(code, "time")
        return f"every {unit}" if n == 1 else f"every {_count(n, unit)}"
    return "regularly"


# ---------------------------------------------------------------- timeline position

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MOD_SHIFT = {"START": 0.0, "MID": 0.5, "END": 0.8}


def value_position(typ: str, value: str, mod: str | None) -> tuple[int, float]:
    """``(group, days)``: group 0 dated, 1 publication-relative, 2 undated, 3 durations/sets."""
    if typ in ("DURATION", "SET"):
        return (3, 0.0)
    day, _, clock = value.partition("T")
    if day.startswith("PUBLISHED"):
        rel = tv.parse_published(day)
        if rel is None:
            return (2, 0.0)
        size = DAYS_PER_UNIT[rel[1]]
        return (1, rel[0] * size + _MOD_SHIFT.get(mod or "", 0.0) * size)
    interval = _interval(day)
    if interval is None:
        order = {"PAST_REF": -1.0, "PRESENT_REF": 0.0, "FUTURE_REF": 1.0}.get(value, 0.5)
        return (2, order)
    start, length = interval
    return (0, start + _MOD_SHIFT.get(mod or "", 0.0) * length + _clock_fraction(clock))


def _clock_fraction(clock: str) -> float:
    m = re.match(r"(\d\d):(\d\d)", clock)
    if m:
        return (int(m.group(1)) * 60 + int(m.group(2))) / 1440
    return {"MO": 0.3, "AF": 0.6, "EV": 0.75, "NI": 0.9}.get(clock[:2], 0.0)


def _interval(v: str) -> tuple[float, float] | None:
    """Start (proleptic ordinal) and length in days of an absolute value."""
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return (dt.date.fromisoformat(v).toordinal(), 1)
        if re.fullmatch(r"\d{4}-\d\d", v):
            return (dt.date(int(v[:4]), int(v[5:]), 1).toordinal(), 30)
        if re.fullmatch(r"\d{4}-Q\d", v):
            return (dt.date(int(v[:4]), 3 * int(v[6]) - 2, 1).toordinal(), 91)
        if re.fullmatch(r"\d{4}-H\d", v):
            return (dt.date(int(v[:4]), 6 * int(v[6]) - 5, 1).toordinal(), 182)
        if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", v):
            return (dt.date(int(v[:4]), _SEASON_START[v[5:]], 1).toordinal(), 91)
        if re.fullmatch(r"\d{4}-W\d\d(-WE)?", v):
            day = 6 if v.endswith("WE") else 1
            return (dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), day).toordinal(), 7)
        if re.fullmatch(r"\d{4}", v):
            return (dt.date(int(v), 1, 1).toordinal(), 365)
        if re.fullmatch(r"\d{3}", v):
            return (dt.date(max(1, int(v) * 10), 1, 1).toordinal(), 3652)
        if re.fullmatch(r"\d{2}", v):
            return (dt.date(max(1, int(v) * 100), 1, 1).toordinal(), 36524)
    except ValueError:
        return None
    return None
