"""Rules for dates the text states on the calendar: "March 3, 2015", "3/14/98", "1990",
"the nineties", "the 20th century", holidays ("Easter 2016"), fiscal years."""

from __future__ import annotations

import datetime as dt
import re

from generator.nlp.timex import values as tv
from generator.nlp.timex.candidates import (
    Cand,
    Ctx,
    make_cand,
    optional,
)
from generator.nlp.timex.lexicon import (
    MAY_VERBS,
    MONTH_CUES,
    ORDINALS,
)
from generator.nlp.timex.numbers import (
    day_num,
    month_num,
    next_word,
    prev_word,
    word_number,
    year_num,
)


def h_full_date(m: re.Match, ctx: Ctx) -> Cand | None:
    mon = m.group("mon") or m.group("mon2")
    day = m.group("day") or m.group("day2")
    year = optional(m, "year")
    if mon.startswith("may") and not year and next_word(ctx.low, m.end()) in MAY_VERBS:
        return None
    if not year and day and day.strip() in ORDINALS and m.group("day2") and not optional(m, "of"):
        return None
    y = year_num(year, ctx.dct) if year else None
    future = ctx.future(m.start(), m.end())
    value = tv.month_value(ctx.dct, month_num(mon), day_num(day), future, y)
    return make_cand(m, "DATE", value, explicit=y is not None)


def h_month_year(m: re.Match, ctx: Ctx) -> Cand | None:
    month = month_num(m.group("mon"))
    if optional(m, "rel"):
        offset = {"last": -1, "this": 0, "next": 1}[m.group("rel")]
        if ctx.dct is None:
            return make_cand(m, "DATE", f"XXXX-{month:02d}")
        return make_cand(m, "DATE", f"{ctx.dct.year + offset:04d}-{month:02d}")
    year = year_num(m.group("year"), ctx.dct) if optional(m, "year") else spoken_year(m.group("sy"))
    if year is None:
        return None
    return make_cand(m, "DATE", f"{year:04d}-{month:02d}", explicit=True)


def h_bare_month(m: re.Match, ctx: Ctx) -> Cand | None:
    word = m.group("mon").rstrip(".")
    prev = prev_word(ctx.low, m.start())
    if word in ("may", "march") and prev not in MONTH_CUES:
        return None
    if _after_a_name_word(ctx.low, m.start()):
        return None
    if word == "may" and next_word(ctx.low, m.end()) in MAY_VERBS:
        return None
    value = tv.month_value(ctx.dct, month_num(word), None, ctx.future(m.start(), m.end()))
    return make_cand(m, "DATE", value)


# Titles and family words before a month name make it a given name: "Mama June",
# "aunt April", "Princess August" (a month is never "mama june" or "miss may").
NAME_TITLES_BEFORE_MONTH = frozenset({
    "mama", "mamma", "momma", "mom", "mum", "mother", "aunt", "auntie", "uncle", "sister",
    "brother", "grandma", "granny", "grandmother", "nana", "cousin", "miss", "mrs", "ms", "mr",
    "mrs.", "ms.", "mr.", "lady", "princess", "queen", "saint", "st", "st.", "baby", "dr",
    "dr."})


def _after_a_name_word(low: str, start: int) -> bool:
    found = re.search(r"([a-z][\w'.-]*) $", low[max(0, start - 30):start])
    return found is not None and found.group(1) in NAME_TITLES_BEFORE_MONTH


def h_numeric_date(m: re.Match, ctx: Ctx) -> Cand | None:
    if optional(m, "iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        a, b, y = int(m.group("a")), int(m.group("b")), year_num(m.group("y"), ctx.dct)
        sep = m.group("sep")
        mo, d = (b, a) if sep == "." or a > 12 else (a, b)
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    return make_cand(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True)


_NOT_YEAR_BEFORE = re.compile(
    r"(?:about|around|some|nearly|almost|than|over|under|approximately|roughly|just|only|"
    r"least|estimated|additional|another|no\.|number|#|page|route|flight|room|article|section|"
    r"rule|resolution|model)\s*$")
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\b|people|persons|men|women|children|troops|soldiers|votes|jobs|"
    r"workers|dollars|pounds|euros|yuan|km|kilometres|kilometers|miles|feet|foot|metres|"
    r"meters|yards|tons|tonnes|barrels|homes|houses|cars|acres|calories|points|units|hp|"
    r"cc|mph|rpm|words|pages|students|members|employees|deaths|cases|times|x\b|-\s*\d)")


def h_year(m: re.Match, ctx: Ctx) -> Cand | None:
    before = ctx.low[max(0, m.start() - 20):m.start()]
    if _NOT_YEAR_AFTER.match(ctx.low, m.end()):
        return None
    if _NOT_YEAR_BEFORE.search(before) and not re.search(r"(?:in|since|of|from)\s+$", before):
        return None
    year = int(m.group("y"))
    if year < 1800 and not re.search(r"(?:in|since|year|from|until|by|of)\s+$", before):
        return None
    return make_cand(m, "DATE", f"{year:04d}", explicit=True)


def h_the_year(m: re.Match, ctx: Ctx) -> Cand | None:
    y = optional(m, "y")
    year = int(y) if y and y.isdigit() else spoken_year(m.group("sy"))
    return make_cand(m, "DATE", f"{year:04d}", explicit=True) if year else None


def spoken_year(s: str | None) -> int | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s.replace(" - ", "-").replace("-", " "))
    m = re.fullmatch(r"nineteen (.+)", s)
    if m:
        rest = word_number(m.group(1))
        return 1900 + int(rest) if rest is not None and rest < 100 else None
    m = re.fullmatch(r"two thousand(?: and)?(?: (.+))?", s)
    if m:
        rest = word_number(m.group(1)) if m.group(1) else 0
        return 2000 + int(rest) if rest is not None else None
    return None


def h_spoken_year(m: re.Match, ctx: Ctx) -> Cand | None:
    year = spoken_year(m.group("sy"))
    return make_cand(m, "DATE", f"{year:04d}", explicit=True) if year else None


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade(m: re.Match, ctx: Ctx) -> Cand | None:
    if optional(m, "cent"):
        cent, dec = int(m.group("cent")), int(m.group("dec"))
        if dec == 0 and cent != 20:
            return make_cand(m, "DATE", f"{cent:02d}", explicit=True)
        return make_cand(m, "DATE", f"{cent:02d}{dec}", explicit=True)
    if optional(m, "w"):
        return make_cand(m, "DATE", f"19{DECADE_WORDS[m.group('w')]}")
    dec = int(m.group("dec2") or m.group("dec3"))
    return make_cand(m, "DATE", f"{'20' if dec <= 1 else '19'}{dec}")


def h_century(m: re.Match, ctx: Ctx) -> Cand | None:
    if optional(m, "rel"):
        rel = m.group("rel").split()[-1]
        offset = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1,
                  "next": 1, "coming": 1}[rel]
        if m.group("rel").startswith("the ") and rel in ("last", "past", "next", "coming"):
            return make_cand(m, "DURATION", "P100Y")
        return make_cand(m, "DATE", tv.shift(ctx.dct, "C", offset))
    n = int(m.group("n")) if optional(m, "n") else ORDINALS.get(m.group("w"))
    return make_cand(m, "DATE", f"{n - 1:02d}", explicit=True) if n else None


def h_holiday(m: re.Match, ctx: Ctx) -> Cand | None:
    name = re.sub(r"\s*'\s*", "'", re.sub(r"\s+", " ", m.group("hol")))
    y = optional(m, "y")
    if y:
        return make_cand(m, "DATE", _holiday_value(name, int(y)), explicit=True)
    if ctx.dct is None:
        value = _holiday_value(name, 2000)
        return make_cand(m, "DATE", "XXXX" + value[4:] if value[4:] else "XXXX")
    future = ctx.future(m.start(), m.end())
    value = _holiday_value(name, ctx.dct.year)
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        if day > ctx.dct and not future:
            value = _holiday_value(name, ctx.dct.year - 1)
        elif day < ctx.dct and future:
            value = _holiday_value(name, ctx.dct.year + 1)
    return make_cand(m, "DATE", value)


def _holiday_value(name: str, year: int) -> str:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14), "independence day": (7, 4), "boxing day": (12, 26),
             "veterans day": (11, 11), "st. patrick's day": (3, 17), "bastille day": (7, 14),
             "guy fawkes night": (11, 5), "bonfire night": (11, 5), "remembrance day": (11, 11),
             "armistice day": (11, 11)}
    if name in fixed:
        mo, d = fixed[name]
        return dt.date(year, mo, d).isoformat()
    nth = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
           "memorial day": (5, 0, -1), "labor day": (9, 0, 1), "labour day": (9, 0, 1),
           "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
           "martin luther king day": (1, 0, 3)}
    if name in nth:
        mo, wd, n = nth[name]
        return tv.nth_weekday(year, mo, wd, n).isoformat()
    if name == "election day":
        return (tv.nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)).isoformat()
    offsets = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
    return (tv.easter(year) + dt.timedelta(days=offsets.get(name, 0))).isoformat()


def h_fiscal(m: re.Match, ctx: Ctx) -> Cand | None:
    return make_cand(m, "DATE", f"{year_num(m.group('y'), ctx.dct):04d}", explicit=True)
