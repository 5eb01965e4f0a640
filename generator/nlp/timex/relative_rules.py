"""Rules for dates relative to publication or to an earlier date: "last week", "next June",
"Tuesday", "that year", "the third quarter", "a year earlier", "this summer", "the end of
the year", and words such as "today" and "recently"."""

from __future__ import annotations

import re

from generator.nlp.timex import values as tv
from generator.nlp.timex.calendar_rules import (
    spoken_year,
)
from generator.nlp.timex.candidates import (
    Cand,
    Ctx,
    make_cand,
    optional,
    sentence_left,
    sentence_right,
)
from generator.nlp.timex.lexicon import (
    NEWSPAPER_AFTER_WEEKDAY,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from generator.nlp.timex.numbers import (
    duration_value,
    month_num,
    prev_word,
    year_num,
)


def h_the_weekend(m: re.Match, ctx: Ctx) -> Cand | None:
    """"the weekend": the one just past early in the week, else the coming one."""
    if ctx.dct is None:
        return make_cand(m, "DATE", "XXXX-WXX-WE")
    offset = -1 if ctx.dct.weekday() <= 2 and not ctx.future(m.start(), m.end()) else 0
    return make_cand(m, "DATE", tv.shift(ctx.dct, "W", offset) + "-WE")


_THE_PAST = ("the past", "the last", "the previous")


def h_relative(m: re.Match, ctx: Ctx) -> Cand | None:
    rel = re.sub(r"\s+", " ", m.group("rel"))
    what = re.sub(r"\s+", " ", m.group("what"))
    direction = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1,
                 "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
                 "the coming": 1, "the latest": -1, "the most recent": -1, "the past": -1,
                 "the last": -1, "the previous": -1}.get(rel)
    if direction is None:
        return None
    what = what.replace("fiscal ", "")
    if what in ("week", "month", "year", "quarter", "decade"):
        unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "E"}[what]
        if rel == "the coming" or (rel.startswith("the ") and what != "year"
                                   and rel not in _THE_PAST):
            return None
        if rel in ("past", "the past"):
            return make_cand(m, "DURATION", duration_value(1.0, what))
        return make_cand(m, "DATE", tv.shift(ctx.dct, unit, direction))
    if what == "weekend":
        if ctx.dct is None:
            return make_cand(m, "DATE", "XXXX-WXX-WE")
        return make_cand(m, "DATE", tv.shift(ctx.dct, "W", direction) + "-WE")
    if what in WEEKDAYS:
        if direction == 0:
            direction = 2 if ctx.future(m.start(), m.end()) else -2
        return make_cand(m, "DATE", tv.weekday_value(ctx.dct, WEEKDAYS.index(what), direction))
    if what in tv.SEASONS:
        return make_cand(m, "DATE", tv.season_value(ctx.dct, tv.SEASONS[what], direction))
    return make_cand(m, "DATE", tv.relative_month(ctx.dct, month_num(what), direction))


_ANAPHOR_OFFSETS = {"that": 0, "that same": 0, "the same": 0, "the following": 1,
                    "the next": 1, "the previous": -1, "the prior": -1, "before": -1,
                    "after": 1}


def h_anaphor(m: re.Match, ctx: Ctx) -> Cand | None:
    """"that year", "the following day": the value comes later from the narrative anchor."""
    what = m.group("what") or m.group("what2")
    unit = {"year": "Y", "month": "M", "day": "D", "week": "W"}[what]
    rel = re.sub(r"\s+", " ", m.group("rel") or m.group("rel2") or "that")
    if rel == "the next" and unit != "D":  # "the next year" usually counts from now
        return None
    unknown = {"Y": "XXXX", "M": "XXXX-XX", "D": "XXXX-XX-XX", "W": "XXXX-WXX"}[unit]
    return make_cand(m, "DATE", unknown, anaphor=(unit, _ANAPHOR_OFFSETS[rel]))


def h_anaphor_part(m: re.Match, ctx: Ctx) -> Cand | None:
    """"that night", "the next morning": a part of the anchor day (or the day after)."""
    part = PARTS_OF_DAY[m.group("p")]
    rel = re.sub(r"\s+", " ", m.group("rel"))
    return make_cand(m, "TIME", tv.with_part("XXXX-XX-XX", part),
                     anaphor=("D", _ANAPHOR_OFFSETS[rel]), part=part)


def h_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    named = re.match(r" ([a-z]+)", ctx.low[m.end():m.end() + 20])
    if named and named.group(1) in NEWSPAPER_AFTER_WEEKDAY:
        return None  # "the Sunday Times", "the Sunday Telegraph"
    future = ctx.future(m.start(), m.end())
    value = tv.weekday_value(ctx.dct, WEEKDAYS.index(m.group("wd")), 2 if future else -2)
    return make_cand(m, "DATE", value)


def h_word(m: re.Match, ctx: Ctx) -> Cand | None:
    key = re.sub(r"\s+", " ", m.group("w"))
    typ, value = WORD_VALUES.get(key, ("", ""))
    if not typ:
        return None
    if value.startswith("D"):
        return make_cand(m, typ, tv.shift(ctx.dct, "D", int(value[1:])))
    if value.startswith("N"):
        return make_cand(m, typ, tv.with_part(tv.shift(ctx.dct, "D", 0), value[1:]))
    return make_cand(m, typ, value)


WORD_VALUES = {
    "today": ("DATE", "D0"), "yesterday": ("DATE", "D-1"), "tomorrow": ("DATE", "D1"),
    "the day before yesterday": ("DATE", "D-2"), "the day after tomorrow": ("DATE", "D2"),
    "tonight": ("TIME", "NTNI"), "now": ("DATE", "PRESENT_REF"),
    "right now": ("DATE", "PRESENT_REF"), "currently": ("DATE", "PRESENT_REF"),
    "presently": ("DATE", "PRESENT_REF"), "nowadays": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"), "the present": ("DATE", "PRESENT_REF"),
    "at the moment": ("DATE", "PRESENT_REF"), "in future": ("DATE", "FUTURE_REF"),
    "current": ("DATE", "PRESENT_REF"), "the present day": ("DATE", "PRESENT_REF"),
    "recently": ("DATE", "PAST_REF"), "lately": ("DATE", "PAST_REF"),
    "previously": ("DATE", "PAST_REF"), "formerly": ("DATE", "PAST_REF"),
    "the past": ("DATE", "PAST_REF"), "more recently": ("DATE", "PAST_REF"),
    "the future": ("DATE", "FUTURE_REF"),
    "the near future": ("DATE", "FUTURE_REF"),
    "the near term": ("DATE", "FUTURE_REF"), "the short term": ("DATE", "FUTURE_REF"),
    "the long term": ("DATE", "FUTURE_REF"), "the longer term": ("DATE", "FUTURE_REF"),
    "the medium term": ("DATE", "FUTURE_REF"), "as soon as possible": ("DATE", "FUTURE_REF"),
    "a later date": ("DATE", "FUTURE_REF"), "the distant future": ("DATE", "FUTURE_REF"),
    "the foreseeable future": ("DATE", "FUTURE_REF"),
}
for _u in ("years", "months", "weeks", "days", "decades", "times"):
    WORD_VALUES[f"recent {_u}"] = ("DATE", "PAST_REF") if _u in ("years", "decades", "times") \
        else ("DURATION", f"PX{_u[0].upper()}")
    WORD_VALUES[f"coming {_u}"] = ("DATE", "FUTURE_REF")
    WORD_VALUES[f"the coming {_u}"] = ("DATE", "FUTURE_REF")
    WORD_VALUES[f"the {_u} ahead"] = ("DATE", "FUTURE_REF")
    WORD_VALUES[f"the {_u} to come"] = ("DATE", "FUTURE_REF")
    WORD_VALUES[f"{_u} to come"] = ("DATE", "FUTURE_REF")
    WORD_VALUES[f"past {_u}"] = ("DATE", "PAST_REF")
    WORD_VALUES[f"previous {_u}"] = ("DATE", "PAST_REF")


def h_quarter(m: re.Match, ctx: Ctx) -> Cand | None:
    ordw = m.group("ord").replace(" ", "")
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
         "4th": 4, "final": 4, "last": 4}.get(ordw)
    if q is None:
        return None
    year = _rel_year(m.group("y1") or m.group("y2"), ctx)
    future = ctx.future(m.start(), m.end())
    if isinstance(year, str):
        return make_cand(m, "DATE", f"{year}-Q{q}" if ctx.dct is None else year)
    return make_cand(m, "DATE", tv.quarter_value(ctx.dct, q, future, year), explicit=bool(year))


def _rel_year(text: str | None, ctx: Ctx) -> int | str | None:
    """A year written inside a larger phrase: "1990", "fiscal 1990", "this year", "last year's"."""
    if not text:
        return None
    digits = re.search(r"\d{4}", text)
    if digits:
        return int(digits.group())
    offset = -1 if "last" in text or "previous" in text else 1 if "next" in text else 0
    if ctx.dct is None:
        return tv.shift(None, "Y", offset)
    return ctx.dct.year + offset


def h_q_number(m: re.Match, ctx: Ctx) -> Cand | None:
    q = int(m.group("q"))
    y = optional(m, "y")
    year = year_num(y, ctx.dct) if y else None
    return make_cand(m, "DATE", tv.quarter_value(ctx.dct, q, ctx.future(m.start(), m.end()), year))


def h_this_quarter(m: re.Match, ctx: Ctx) -> Cand | None:
    rel = re.sub(r"\s+", " ", m.group("rel"))
    offset = {"this": 0, "the current": 0, "current": 0, "next": 1, "the next": 1,
              "the coming": 1, "the following": 1}.get(rel, -1)
    return make_cand(m, "DATE", tv.shift(ctx.dct, "Q", offset))


def h_half(m: re.Match, ctx: Ctx) -> Cand | None:
    half = 1 if m.group("h") == "first" else 2
    year = _rel_year(optional(m, "y"), ctx)
    if isinstance(year, str):
        return make_cand(m, "DATE", f"{year}-H{half}")
    if year is None and ctx.dct is not None:
        current = 1 if ctx.dct.month <= 6 else 2
        future = ctx.future(m.start(), m.end())
        year = ctx.dct.year if half <= current or future else ctx.dct.year - 1
    return make_cand(m, "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-H{half}")


def h_year_ago(m: re.Match, ctx: Ctx) -> Cand | None:
    what = optional(m, "what") or ""
    if "quarter" in what or quarterly_report(ctx, m.start()):
        return make_cand(m, "DATE", tv.shift(ctx.dct, "Q", -5))
    return make_cand(m, "DATE", tv.shift(ctx.dct, "Y", -1))


def quarterly_report(ctx: Ctx, pos: int) -> bool:
    """Is this sentence comparing quarterly results?  Then "a year earlier" means the same
    quarter a year before (the last completed quarter), as earnings reports use it."""
    left = sentence_left(ctx.low[max(0, pos - 200):pos])
    right = sentence_right(ctx.low[pos:pos + 120])
    if "quarter" in left or "quarter" in right:
        return True
    return ctx.low.count("quarter", max(0, pos - 1500), pos + 200) >= 2


def h_season(m: re.Match, ctx: Ctx) -> Cand | None:
    word = optional(m, "s") or m.group("s2")
    if word == "fall" and re.match(r"\s+of\s+(?!\d|the\s+year)", ctx.low[m.end():]):
        return None
    if word == "fall" and not optional(m, "y") and prev_word(ctx.low, m.start()) not in (
            "the", "this", "in", "last", "next", "early", "late", "mid", "by", "during"):
        return None
    y = optional(m, "y") or (str(spoken_year(optional(m, "sy"))) if optional(m, "sy") else None)
    season = tv.SEASONS[word]
    if y and y != "None":
        return make_cand(m, "DATE", f"{int(y):04d}-{season}", explicit=True)
    direction = 0
    if ctx.dct is not None and not ctx.future(m.start(), m.end()) \
            and tv.SEASON_MONTH[season] > ctx.dct.month + 1:
        direction = -1
    return make_cand(m, "DATE", tv.season_value(ctx.dct, season, direction))


def h_span_of(m: re.Match, ctx: Ctx) -> Cand | None:
    """"the end of the year", "earlier in the month": a part of the current unit."""
    what = m.group("what")
    unit = {"year": "Y", "month": "M", "week": "W", "decade": "E", "century": "C",
            "quarter": "Q", "day": "D"}[what]
    return make_cand(m, "DATE", tv.shift(ctx.dct, unit, 0), _mod_of(m.group("pre")))


def _mod_of(pre: str) -> str | None:
    pre = re.sub(r"\s+", " ", pre)
    if any(w in pre for w in ("end", "close", "late", "later", "second half", "latter",
                              "last half")):
        return "END"
    if any(w in pre for w in ("beginning", "start", "early", "earlier", "first", "turn")):
        return "START"
    if "middle" in pre or "mid" in pre:
        return "MID"
    return None


def h_year_end(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = "M" if "month" in m.group(0) else "Y"
    return make_cand(m, "DATE", tv.shift(ctx.dct, unit, 0), "END")
