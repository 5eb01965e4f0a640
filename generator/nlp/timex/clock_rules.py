"""Rules for times of day: "10:35 a.m. Friday", "noon yesterday", "this morning",
"mid-afternoon"."""

from __future__ import annotations

import re

from generator.nlp.timex import values as tv
from generator.nlp.timex.candidates import (
    Cand,
    Ctx,
    make_cand,
    optional,
)
from generator.nlp.timex.lexicon import (
    DAY_ANY,
    MON,
    PARTS_OF_DAY,
    WEEKDAYS,
    YEAR4,
)
from generator.nlp.timex.numbers import (
    day_num,
    month_num,
    weekday_num,
    word_number,
)


def _day_ref(text: str, ctx: Ctx, pos: int) -> str | None:
    """Value of a day reference used with a clock time or part of day."""
    s = re.sub(r"\s+", " ", text.strip(" ,"))
    simple = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
    if s in simple:
        return tv.shift(ctx.dct, "D", simple[s])
    if s.rstrip("s") in WEEKDAYS or s in WEEKDAYS:
        future = ctx.future(pos, pos + len(s))
        return tv.weekday_value(ctx.dct, weekday_num(s), 2 if future else -2)
    m = re.fullmatch(rf"(?P<mon>{MON})\s*(?P<day>{DAY_ANY})(?:\s*,?\s*(?P<year>{YEAR4}))?", s)
    if m is None:
        m = re.fullmatch(rf"(?P<day>{DAY_ANY})\s+(?:of\s+)?(?P<mon>{MON})", s)
    if m is None:
        return None
    year = optional(m, "year")
    return tv.month_value(ctx.dct, month_num(m.group("mon")), day_num(m.group("day")),
                          ctx.future(pos, pos + len(s)), int(year) if year else None)


def h_clock(m: re.Match, ctx: Ctx) -> Cand | None:
    """The hour and minute come from whichever alternative matched ("10:35 a.m.", "10:35
    GMT", "ten o'clock", "ten in the morning")."""
    word = (optional(m, "h") or optional(m, "h2") or optional(m, "h3") or m.group("h4")).strip()
    hour = int(word) if word.isdigit() else int(word_number(word) or 0)
    minute = int(optional(m, "mi") or optional(m, "mi2") or 0)
    ap = (optional(m, "ap") or "").replace(".", "").replace(" ", "")
    if hour > 24 or minute > 59 or (ap and hour > 12):
        return None
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    pod = optional(m, "inpod")
    if pod in ("afternoon", "evening", "night") and hour < 12:
        hour += 12
    day, stated = _clock_day(m, ctx)
    if day is None:
        return None
    return make_cand(m, "TIME", f"{day}T{hour:02d}:{minute:02d}", explicit=True,
                     day_from_context=not stated)


def h_noon(m: re.Match, ctx: Ctx) -> Cand | None:
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m.group("w")]
    day, stated = _clock_day(m, ctx)
    if day is None:
        return None
    return make_cand(m, "TIME", f"{day}T{clock}", day_from_context=not stated)


def _clock_day(m: re.Match, ctx: Ctx) -> tuple[str | None, bool]:
    """The day of a clock time, and whether the text states it ("Friday", "yesterday"):
    else the publication day for now (a day named nearby may replace it later)."""
    ref = optional(m, "dref") or optional(m, "dref0")
    if ref:
        pos = m.start("dref") if optional(m, "dref") else m.start()
        return _day_ref(ref, ctx, pos), True
    return ("XXXX-XX-XX" if ctx.dct is None else tv.shift(ctx.dct, "D", 0)), False


def h_part_of_day(m: re.Match, ctx: Ctx) -> Cand | None:
    part = PARTS_OF_DAY[m.group("p")]
    ref = m.group("dref")
    day = _day_ref(ref, ctx, m.start())
    if day is None:
        return None
    return make_cand(m, "TIME", tv.with_part(day, part))


def h_mid_part(m: re.Match, ctx: Ctx) -> Cand | None:
    """"mid-afternoon (yesterday)"; "midday" is noon."""
    ref = optional(m, "dref")
    day = _day_ref(ref, ctx, m.start("dref")) if ref else tv.shift(ctx.dct, "D", 0)
    if day is None:
        return None
    if m.group("p") == "day":
        return make_cand(m, "TIME", tv.with_part(day, "T12:00"), day_from_context=not ref)
    part = PARTS_OF_DAY[m.group("p")]
    return make_cand(m, "TIME", tv.with_part(day, part), "MID", day_from_context=not ref)
