"""The grammar of the temporal tagger: regex rules that propose candidate timexes.

Each rule is a compiled regex over the lower-cased text plus a handler that turns a match
into a :class:`Cand` (span, TIMEX3 type, value, modifier) or rejects it.  Overlaps are
resolved later (longest span wins), so rules may overlap freely.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.nlp import timex_values as tv
from generator.nlp.timex_lexicon import (
    AMPM,
    DAY,
    DAY_ANY,
    FIXED,
    HOLIDAYS,
    HY,
    MAY_VERBS,
    MON,
    MONTH_CUES,
    MONTHS,
    NEWSPAPER_AFTER_DAILY,
    NUM,
    NUM_HYPHEN,
    NUM_STRICT,
    NUM_WORD,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    SEASON,
    TEENS,
    TENS,
    TZ,
    TZ_WORDS,
    UNIT,
    UNIT_INFO,
    UNIT_PLURALS,
    UNIT_SG,
    VAGUE,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    alt,
)


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
_ABBREV = re.compile(r"(?:^|[^\w.])(?:[a-z]|(?:[a-z]\.)+[a-z]|mr|mrs|ms|dr|st|jr|sr|co|no|vs|"
                     r"gen|gov|sen|rep|inc|corp|ltd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|"
                     r"nov|dec)$")


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


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _span(m: re.Match) -> tuple[int, int]:
    """Span of group ``t`` when the pattern has context outside the timex, else the match."""
    if m.groupdict().get("t") is not None:
        return m.start("t"), m.end("t")
    return m.start(), m.end()


def _cand(m: re.Match, typ: str, value: str, mod: str | None = None, **kw: object) -> Cand:
    start, end = _span(m)
    return Cand(start, end, typ, value, mod, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- numbers and units

def parse_amount(text: str) -> float | None:
    """Numeric value of a quantity phrase; ``None`` for vague ones ("several")."""
    s = re.sub(r"\s+", " ", text.strip()).replace(" - ", "-").replace(" -", "-")
    if s in FIXED:
        return float(FIXED[s])
    if s in VAGUE or s.replace(" ", "") in {v.replace(" ", "") for v in VAGUE}:
        return None
    frac = 0.0
    if s.endswith("½"):
        s, frac = s[:-1].strip(), 0.5
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (\d)/(\d))?", s)
    if m:
        base = float(m.group(1).replace(",", ""))
        if m.group(2):
            frac = int(m.group(2)) / int(m.group(3))
        return base + frac
    return _word_number(s)


def _word_number(s: str) -> float | None:
    total = 0
    hundred = s.endswith(" hundred")
    s = s.removesuffix(" hundred")
    for part in re.split(r"[\s-]+", s):
        if part in ONES:
            total += ONES[part]
        elif part in TEENS:
            total += TEENS[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return float(total * (100 if hundred else 1))


def unit_of(word: str) -> str:
    """Canonical singular unit name for a unit word."""
    word = re.sub(r"\s+", "", word)
    return UNIT_PLURALS.get(word, word)


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration, e.g. ``P3M``, ``PT5H30M``, ``PXY`` for vague amounts."""
    code, mult, clock, vague = UNIT_INFO[unit]
    head = "PT" if clock else "P"
    if amount is None:
        return f"{head}X{vague}"
    if code == "Q":
        code, mult = "M", 3
    n = amount * mult
    if n == int(n):
        return f"{head}{int(n)}{code}"
    whole, part = int(n), n - int(n)
    smaller = ({"H": ("M", 60), "M": ("S", 60)} if clock else
               {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24),
                "Q": ("M", 3)}).get(code)
    if smaller is None:
        return f"{head}{n:g}{code}"
    sub_code, factor = smaller
    sub = round(part * factor)
    if sub_code == "H" and not clock:
        return f"P{whole}DT{sub}H" if whole else f"PT{sub}H"
    return f"{head}{whole}{code}{sub}{sub_code}" if whole else f"{head}{sub}{sub_code}"


# ---------------------------------------------------------------- helpers for dates

def month_num(word: str) -> int:
    return MONTHS[word.strip(". ")[:3]]


def day_num(word: str) -> int:
    w = re.sub(r"\s+", " ", word.strip())
    if w in ORDINALS:
        return ORDINALS[w]
    return int(re.match(r"\d+", w).group())  # type: ignore[union-attr]


def year_num(word: str, dct: dt.date | None) -> int:
    w = word.strip().lstrip("'").strip()
    if len(w) == 2:
        y = int(w)
        pivot = (dct.year % 100 + 10) if dct else 30
        return 2000 + y if y <= pivot else 1900 + y
    return int(w)


def weekday_num(word: str) -> int:
    return WEEKDAYS.index(word.strip().rstrip("s")) if word.strip().rstrip("s") in WEEKDAYS \
        else WEEKDAYS.index(word.strip())


def _prev_word(low: str, pos: int) -> str:
    m = re.search(r"([\w'-]+)\W*$", low[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _next_word(low: str, pos: int) -> str:
    m = re.match(r"\W*([\w']+)", low[pos:pos + 30])
    return m.group(1) if m else ""


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
    year = _g(m, "year")
    return tv.month_value(ctx.dct, month_num(m.group("mon")), day_num(m.group("day")),
                          ctx.future(pos, pos + len(s)), int(year) if year else None)


# ---------------------------------------------------------------- handlers: dates

def h_full_date(m: re.Match, ctx: Ctx) -> Cand | None:
    mon = m.group("mon") or m.group("mon2")
    day = m.group("day") or m.group("day2")
    year = _g(m, "year")
    if mon.startswith("may") and not year and _next_word(ctx.low, m.end()) in MAY_VERBS:
        return None
    if not year and day and day.strip() in ORDINALS and m.group("day2") and not _g(m, "of"):
        return None
    y = year_num(year, ctx.dct) if year else None
    future = ctx.future(m.start(), m.end())
    value = tv.month_value(ctx.dct, month_num(mon), day_num(day), future, y)
    return _cand(m, "DATE", value, explicit=y is not None)


def h_month_year(m: re.Match, ctx: Ctx) -> Cand | None:
    month = month_num(m.group("mon"))
    if _g(m, "rel"):
        offset = {"last": -1, "this": 0, "next": 1}[m.group("rel")]
        if ctx.dct is None:
            return _cand(m, "DATE", f"XXXX-{month:02d}")
        return _cand(m, "DATE", f"{ctx.dct.year + offset:04d}-{month:02d}")
    year = year_num(m.group("year"), ctx.dct) if _g(m, "year") else _spoken_year(m.group("sy"))
    if year is None:
        return None
    return _cand(m, "DATE", f"{year:04d}-{month:02d}", explicit=True)


def h_the_weekend(m: re.Match, ctx: Ctx) -> Cand | None:
    """"the weekend": the one just past early in the week, else the coming one."""
    if ctx.dct is None:
        return _cand(m, "DATE", "XXXX-WXX-WE")
    offset = -1 if ctx.dct.weekday() <= 2 and not ctx.future(m.start(), m.end()) else 0
    return _cand(m, "DATE", tv.shift(ctx.dct, "W", offset) + "-WE")


def h_bare_month(m: re.Match, ctx: Ctx) -> Cand | None:
    word = m.group("mon").rstrip(".")
    prev = _prev_word(ctx.low, m.start())
    if word in ("may", "march") and prev not in MONTH_CUES:
        return None
    if word == "may" and _next_word(ctx.low, m.end()) in MAY_VERBS:
        return None
    value = tv.month_value(ctx.dct, month_num(word), None, ctx.future(m.start(), m.end()))
    return _cand(m, "DATE", value)


def h_numeric_date(m: re.Match, ctx: Ctx) -> Cand | None:
    if _g(m, "iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        a, b, y = int(m.group("a")), int(m.group("b")), year_num(m.group("y"), ctx.dct)
        sep = m.group("sep")
        mo, d = (b, a) if sep == "." or a > 12 else (a, b)
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    return _cand(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True)


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
    return _cand(m, "DATE", f"{year:04d}", explicit=True)


def h_the_year(m: re.Match, ctx: Ctx) -> Cand | None:
    y = _g(m, "y")
    year = int(y) if y and y.isdigit() else _spoken_year(m.group("sy"))
    return _cand(m, "DATE", f"{year:04d}", explicit=True) if year else None


def _spoken_year(s: str | None) -> int | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s.replace(" - ", "-").replace("-", " "))
    m = re.fullmatch(r"nineteen (.+)", s)
    if m:
        rest = _word_number(m.group(1))
        return 1900 + int(rest) if rest is not None and rest < 100 else None
    m = re.fullmatch(r"two thousand(?: and)?(?: (.+))?", s)
    if m:
        rest = _word_number(m.group(1)) if m.group(1) else 0
        return 2000 + int(rest) if rest is not None else None
    return None


def h_spoken_year(m: re.Match, ctx: Ctx) -> Cand | None:
    year = _spoken_year(m.group("sy"))
    return _cand(m, "DATE", f"{year:04d}", explicit=True) if year else None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade(m: re.Match, ctx: Ctx) -> Cand | None:
    if _g(m, "cent"):
        cent, dec = int(m.group("cent")), int(m.group("dec"))
        if dec == 0 and cent != 20:
            return _cand(m, "DATE", f"{cent:02d}", explicit=True)
        return _cand(m, "DATE", f"{cent:02d}{dec}", explicit=True)
    if _g(m, "w"):
        return _cand(m, "DATE", f"19{_DECADE_WORDS[m.group('w')]}")
    dec = int(m.group("dec2") or m.group("dec3"))
    return _cand(m, "DATE", f"{'20' if dec <= 1 else '19'}{dec}")


def h_century(m: re.Match, ctx: Ctx) -> Cand | None:
    if _g(m, "rel"):
        rel = m.group("rel").split()[-1]
        offset = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1,
                  "next": 1, "coming": 1}[rel]
        if m.group("rel").startswith("the ") and rel in ("last", "past", "next", "coming"):
            return _cand(m, "DURATION", "P100Y")
        return _cand(m, "DATE", tv.shift(ctx.dct, "C", offset))
    n = int(m.group("n")) if _g(m, "n") else ORDINALS.get(m.group("w"))
    return _cand(m, "DATE", f"{n - 1:02d}", explicit=True) if n else None


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
            return _cand(m, "DURATION", duration_value(1.0, what))
        return _cand(m, "DATE", tv.shift(ctx.dct, unit, direction))
    if what == "weekend":
        if ctx.dct is None:
            return _cand(m, "DATE", "XXXX-WXX-WE")
        return _cand(m, "DATE", tv.shift(ctx.dct, "W", direction) + "-WE")
    if what in WEEKDAYS:
        if direction == 0:
            direction = 2 if ctx.future(m.start(), m.end()) else -2
        return _cand(m, "DATE", tv.weekday_value(ctx.dct, WEEKDAYS.index(what), direction))
    if what in tv.SEASONS:
        return _cand(m, "DATE", tv.season_value(ctx.dct, tv.SEASONS[what], direction))
    return _cand(m, "DATE", tv.relative_month(ctx.dct, month_num(what), direction))


_ANAPHOR_OFFSETS = {"that": 0, "that same": 0, "the same": 0, "the following": 1,
                    "the next": 1, "the previous": -1, "the prior": -1, "before": -1,
                    "after": 1}


def h_anaphor(m: re.Match, ctx: Ctx) -> Cand | None:
    """"that year", "the following day": the value comes later from the narrative anchor."""
    what = m.group("what")
    unit = {"year": "Y", "month": "M", "day": "D", "week": "W"}[what]
    rel = re.sub(r"\s+", " ", m.group("rel") or m.group("rel2") or "that")
    if rel == "the next" and unit != "D":  # "the next year" usually counts from now
        return None
    unknown = {"Y": "XXXX", "M": "XXXX-XX", "D": "XXXX-XX-XX", "W": "XXXX-WXX"}[unit]
    return _cand(m, "DATE", unknown, anaphor=(unit, _ANAPHOR_OFFSETS[rel]))


def h_anaphor_part(m: re.Match, ctx: Ctx) -> Cand | None:
    """"that night", "the next morning": a part of the anchor day (or the day after)."""
    part = PARTS_OF_DAY[m.group("p")]
    rel = re.sub(r"\s+", " ", m.group("rel"))
    return _cand(m, "TIME", tv.with_part("XXXX-XX-XX", part), anaphor=("D", _ANAPHOR_OFFSETS[rel]),
                 part=part)


def h_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    future = ctx.future(m.start(), m.end())
    value = tv.weekday_value(ctx.dct, WEEKDAYS.index(m.group("wd")), 2 if future else -2)
    return _cand(m, "DATE", value)


def h_word(m: re.Match, ctx: Ctx) -> Cand | None:
    key = re.sub(r"\s+", " ", m.group("w"))
    typ, value = _WORD_VALUES.get(key, ("", ""))
    if not typ:
        return None
    if value.startswith("D"):
        return _cand(m, typ, tv.shift(ctx.dct, "D", int(value[1:])))
    if value.startswith("N"):
        return _cand(m, typ, tv.with_part(tv.shift(ctx.dct, "D", 0), value[1:]))
    return _cand(m, typ, value)


_WORD_VALUES = {
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
    _WORD_VALUES[f"recent {_u}"] = ("DATE", "PAST_REF") if _u in ("years", "decades", "times") \
        else ("DURATION", f"PX{_u[0].upper()}")
    _WORD_VALUES[f"coming {_u}"] = ("DATE", "FUTURE_REF")
    _WORD_VALUES[f"the coming {_u}"] = ("DATE", "FUTURE_REF")
    _WORD_VALUES[f"the {_u} ahead"] = ("DATE", "FUTURE_REF")
    _WORD_VALUES[f"the {_u} to come"] = ("DATE", "FUTURE_REF")
    _WORD_VALUES[f"{_u} to come"] = ("DATE", "FUTURE_REF")
    _WORD_VALUES[f"past {_u}"] = ("DATE", "PAST_REF")
    _WORD_VALUES[f"previous {_u}"] = ("DATE", "PAST_REF")


def h_quarter(m: re.Match, ctx: Ctx) -> Cand | None:
    ordw = m.group("ord").replace(" ", "")
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
         "4th": 4, "final": 4, "last": 4}.get(ordw)
    if q is None:
        return None
    year = _rel_year(m.group("y1") or m.group("y2"), ctx)
    future = ctx.future(m.start(), m.end())
    if isinstance(year, str):
        return _cand(m, "DATE", f"{year}-Q{q}" if ctx.dct is None else year)
    return _cand(m, "DATE", tv.quarter_value(ctx.dct, q, future, year), explicit=bool(year))


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
    y = _g(m, "y")
    year = year_num(y, ctx.dct) if y else None
    return _cand(m, "DATE", tv.quarter_value(ctx.dct, q, ctx.future(m.start(), m.end()), year))


def h_this_quarter(m: re.Match, ctx: Ctx) -> Cand | None:
    rel = re.sub(r"\s+", " ", m.group("rel"))
    offset = {"this": 0, "the current": 0, "current": 0, "next": 1, "the next": 1,
              "the coming": 1, "the following": 1}.get(rel, -1)
    return _cand(m, "DATE", tv.shift(ctx.dct, "Q", offset))


def h_half(m: re.Match, ctx: Ctx) -> Cand | None:
    half = 1 if m.group("h") == "first" else 2
    year = _rel_year(_g(m, "y"), ctx)
    if isinstance(year, str):
        return _cand(m, "DATE", f"{year}-H{half}")
    if year is None and ctx.dct is not None:
        current = 1 if ctx.dct.month <= 6 else 2
        future = ctx.future(m.start(), m.end())
        year = ctx.dct.year if half <= current or future else ctx.dct.year - 1
    return _cand(m, "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-H{half}")


def h_year_ago(m: re.Match, ctx: Ctx) -> Cand | None:
    what = _g(m, "what") or ""
    if "quarter" in what or _quarterly_report(ctx, m.start()):
        return _cand(m, "DATE", tv.shift(ctx.dct, "Q", -5))
    return _cand(m, "DATE", tv.shift(ctx.dct, "Y", -1))


def _quarterly_report(ctx: Ctx, pos: int) -> bool:
    """Is this sentence comparing quarterly results?  Then "a year earlier" means the same
    quarter a year before (the last completed quarter), as earnings reports use it."""
    left = sentence_left(ctx.low[max(0, pos - 200):pos])
    right = sentence_right(ctx.low[pos:pos + 120])
    if "quarter" in left or "quarter" in right:
        return True
    return ctx.low.count("quarter", max(0, pos - 1500), pos + 200) >= 2


def h_season(m: re.Match, ctx: Ctx) -> Cand | None:
    word = m.group("s")
    if word == "fall" and re.match(r"\s+of\s+(?!\d|the\s+year)", ctx.low[m.end():]):
        return None
    if word == "fall" and not _g(m, "y") and _prev_word(ctx.low, m.start()) not in (
            "the", "this", "in", "last", "next", "early", "late", "mid", "by", "during"):
        return None
    y = _g(m, "y") or (str(_spoken_year(_g(m, "sy"))) if _g(m, "sy") else None)
    season = tv.SEASONS[word]
    if y and y != "None":
        return _cand(m, "DATE", f"{int(y):04d}-{season}", explicit=True)
    direction = 0
    if ctx.dct is not None and not ctx.future(m.start(), m.end()) \
            and tv.SEASON_MONTH[season] > ctx.dct.month + 1:
        direction = -1
    return _cand(m, "DATE", tv.season_value(ctx.dct, season, direction))


def h_holiday(m: re.Match, ctx: Ctx) -> Cand | None:
    name = re.sub(r"\s*'\s*", "'", re.sub(r"\s+", " ", m.group("hol")))
    y = _g(m, "y")
    if y:
        return _cand(m, "DATE", _holiday_value(name, int(y)), explicit=True)
    if ctx.dct is None:
        value = _holiday_value(name, 2000)
        return _cand(m, "DATE", "XXXX" + value[4:] if value[4:] else "XXXX")
    future = ctx.future(m.start(), m.end())
    value = _holiday_value(name, ctx.dct.year)
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        if day > ctx.dct and not future:
            value = _holiday_value(name, ctx.dct.year - 1)
        elif day < ctx.dct and future:
            value = _holiday_value(name, ctx.dct.year + 1)
    return _cand(m, "DATE", value)


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


# ---------------------------------------------------------------- durations and sets

def h_duration(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = unit_of(m.group("unit"))
    amount = parse_amount(m.group("num"))
    tail = re.sub(r"\s+", " ", (_g(m, "tail") or "").strip())
    orso = _g(m, "orso")
    mod = _OR_MODS.get(re.sub(r"\s+", " ", orso.strip())) if orso else None
    num = re.sub(r"\s+", " ", m.group("num").strip())
    if unit == "quarter" and (num in ("a", "an") or _fraction(m, ctx)):
        return None
    if unit == "second" and num in ("a", "one") and not tail and _ordinal_second(ctx, m):
        return None
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", num) and m.group("unit").strip() in UNIT_INFO:
        return None
    if num in ("a couple of", "couple of"):
        amount, mod = 2.0, mod or "APPROX"
    if tail in ("ago", "earlier") or tail.startswith("before now"):
        return _dated(m, ctx, unit, amount, -1, mod)
    if tail in ("from now", "hence") or tail.endswith("time"):
        return _dated(m, ctx, unit, amount, 1, mod)
    end = m.end("unit") if tail in ("before", "after", "later") else m.end()
    if tail in ("before", "after", "later") and orso:
        end = m.end("orso")
    half = re.match(r"\s+and\s+a\s+half\b", ctx.low[end:]) if not tail and not orso else None
    if half and amount is not None and amount == int(amount):
        amount, end = amount + 0.5, end + half.end()
    start = m.start()
    return Cand(start, end, "DURATION", duration_value(amount, unit), mod)


def _fraction(m: re.Match, ctx: Ctx) -> bool:
    """"three-quarters (of the vote)": a hyphenated fraction, not nine months."""
    hyphen = "-" in ctx.low[m.start():m.end("unit")]
    return hyphen and (m.group("unit").strip().endswith("s")
                       or re.match(r"\s+of\b", ctx.low[m.end():]) is not None)


def _ordinal_second(ctx: Ctx, m: re.Match) -> bool:
    """"a second time", "a second round": the ordinal, not one second."""
    nxt = _next_word(ctx.low, m.end("unit"))
    gap = ctx.low[m.end("unit"):m.end("unit") + 2]
    return bool(nxt) and nxt.isalpha() and gap[:1] == " " and gap[1:2].isalpha() \
        and nxt not in ("or", "and", "later", "ago", "earlier", "before", "after", "of",
                        "to", "in", "for", "at", "on", "the", "a", "than", "when")


_OR_MODS = {"or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS",
            "or longer": "EQUAL_OR_MORE"}


def _dated(m: re.Match, ctx: Ctx, unit: str, amount: float | None, sign: int,
           mod: str | None) -> Cand:
    """"N units ago" / "in N units' time": a point at the unit's granularity."""
    if amount is None:
        return _cand(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, ago=True)
    code, mult, clock, _ = UNIT_INFO[unit]
    n = amount * mult * sign
    if clock:
        value = tv.shift(ctx.dct, "D", 0)
    elif code in ("D", "W"):
        days = round(n * (7 if code == "W" else 1))
        value = tv.shift_days(ctx.dct, days, "D")
    elif code == "M":
        value = tv.shift(ctx.dct, "M", round(n))
    elif code == "Q":
        value = tv.shift(ctx.dct, "Q", round(n))
    elif n == -1 and _quarterly_report(ctx, m.start()):
        value = tv.shift(ctx.dct, "Q", -5)
    else:
        value = tv.shift(ctx.dct, "Y", round(n))
    return _cand(m, "DATE", value, mod, ago=True)


def h_compound(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = unit_of(m.group("unit"))
    num = m.group("num")
    amount = None if num is None or num.strip() in ("multi", "several") else parse_amount(num)
    if num is not None and amount is None and num.strip() not in ("multi", "several"):
        return None
    if num is None:
        amount = None if m.group("unit").strip() in UNIT_PLURALS else 1.0
    if unit == "quarter" and _fraction(m, ctx):
        return None
    return _cand(m, "DURATION", duration_value(amount, unit))


def h_vague_units(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = unit_of(m.group("unit"))
    return _cand(m, "DURATION", duration_value(None, unit))


def h_set(m: re.Match, ctx: Ctx) -> Cand | None:
    if _g(m, "wd"):
        return _cand(m, "SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd')) + 1}")
    if _g(m, "mon"):
        return _cand(m, "SET", f"XXXX-{month_num(m.group('mon')):02d}")
    if _g(m, "pod"):
        return _cand(m, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[m.group('pod')][1:]}")
    if _g(m, "season"):
        return _cand(m, "SET", f"XXXX-{tv.SEASONS[m.group('season')]}")
    if _g(m, "weekend"):
        return _cand(m, "SET", "XXXX-WXX-WE")
    unit = unit_of(m.group("unit"))
    num = _g(m, "num")
    amount = parse_amount(num) if num else (2.0 if _g(m, "other") else 1.0)
    return _cand(m, "SET", duration_value(amount or 1.0, unit))


_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
                "annually": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
                "biweekly": "P2W", "fortnightly": "P2W",
                "semiannually": "P6M", "biannually": "P6M", "every day": "P1D",
                "everyday": "P1D"}


def h_adverb_set(m: re.Match, ctx: Ctx) -> Cand | None:
    word = re.sub(r"\s+", " ", m.group("w"))
    nxt = _next_word(ctx.low, m.end())
    if nxt in NEWSPAPER_AFTER_DAILY or (word == "weekly" and nxt == "standard"):
        return None
    return _cand(m, "SET", _ADVERB_SETS[word])


def h_plural_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    wd = WEEKDAYS.index(m.group("wd")) + 1
    pod = _g(m, "pod")
    part = PARTS_OF_DAY[pod.rstrip("s")] if pod else ""
    return _cand(m, "SET", f"XXXX-WXX-{wd}{part}")


# ---------------------------------------------------------------- times of day

def h_clock(m: re.Match, ctx: Ctx) -> Cand | None:
    hour = int(m.group("h")) if m.group("h").isdigit() else int(_word_number(m.group("h")) or 0)
    minute = int(_g(m, "mi") or 0)
    ap = (_g(m, "ap") or "").replace(".", "").replace(" ", "")
    if hour > 24 or minute > 59 or (ap and hour > 12):
        return None
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    pod = _g(m, "inpod")
    if pod in ("afternoon", "evening", "night") and hour < 12:
        hour += 12
    ref = _g(m, "dref") or _g(m, "dref0")
    pos = m.start("dref") if _g(m, "dref") else m.start()
    day = _day_ref(ref, ctx, pos) if ref else tv.shift(ctx.dct, "D", 0)
    if day is None:
        return None
    if ctx.dct is None and not ref:
        day = "XXXX-XX-XX"
    return _cand(m, "TIME", f"{day}T{hour:02d}:{minute:02d}", explicit=True,
                 day_from_context=not ref)


def h_noon(m: re.Match, ctx: Ctx) -> Cand | None:
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m.group("w")]
    ref = _g(m, "dref") or _g(m, "dref0")
    pos = m.start("dref") if _g(m, "dref") else m.start()
    day = _day_ref(ref, ctx, pos) if ref else tv.shift(ctx.dct, "D", 0)
    if day is None:
        return None
    if ctx.dct is None and not ref:
        day = "XXXX-XX-XX"
    return _cand(m, "TIME", f"{day}T{clock}", day_from_context=not ref)


def h_part_of_day(m: re.Match, ctx: Ctx) -> Cand | None:
    part = PARTS_OF_DAY[m.group("p")]
    ref = m.group("dref")
    day = _day_ref(ref, ctx, m.start())
    if day is None:
        return None
    return _cand(m, "TIME", tv.with_part(day, part))


def h_mid_part(m: re.Match, ctx: Ctx) -> Cand | None:
    """"mid-afternoon (yesterday)"; "midday" is noon."""
    ref = _g(m, "dref")
    day = _day_ref(ref, ctx, m.start("dref")) if ref else tv.shift(ctx.dct, "D", 0)
    if day is None:
        return None
    if m.group("p") == "day":
        return _cand(m, "TIME", tv.with_part(day, "T12:00"), day_from_context=not ref)
    part = PARTS_OF_DAY[m.group("p")]
    return _cand(m, "TIME", tv.with_part(day, part), "MID", day_from_context=not ref)


# ---------------------------------------------------------------- other

def h_fiscal(m: re.Match, ctx: Ctx) -> Cand | None:
    return _cand(m, "DATE", f"{year_num(m.group('y'), ctx.dct):04d}", explicit=True)


def h_span_of(m: re.Match, ctx: Ctx) -> Cand | None:
    """"the end of the year", "earlier in the month": a part of the current unit."""
    what = m.group("what")
    unit = {"year": "Y", "month": "M", "week": "W", "decade": "E", "century": "C",
            "quarter": "Q", "day": "D"}[what]
    return _cand(m, "DATE", tv.shift(ctx.dct, unit, 0), _mod_of(m.group("pre")))


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
    return _cand(m, "DATE", tv.shift(ctx.dct, unit, 0), "END")


def h_for_the_year(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}[
        m.group("u")]
    return _cand(m, "DURATION", duration_value(1.0, unit))


# ---------------------------------------------------------------- the rule table

B = r"(?<![\w])"
E = r"(?![\w])"
_DREF = (rf"(?:today|tonight|yesterday|tomorrow|{WEEKDAY}|{MON}\s*{DAY}(?:\s*,?\s*{YEAR4})?|"
         rf"{DAY}\s+(?:of\s+)?{MON})")
_REL = (r"this\s+past|this\s+coming|the\s+current|the\s+coming|the\s+latest|the\s+past|"
        r"the\s+last|the\s+previous|"
        r"the\s+most\s+recent|this|last|next|past|coming|previous|current")
_ORDQ = r"first|second|third|fourth|final|1st|2nd|3rd|4th"
_YEARISH = (rf"{YEAR4}|fiscal\s+{YEAR4}|fiscal\s+year\s+{YEAR4}|this\s+year|last\s+year|"
            rf"next\s+year|the\s+(?:current|previous|next|last)\s+year|"
            rf"(?:this|last|next)\s+fiscal\s+year")
HY_OR_SP = r"(?:\s*-\s*|\s+)"
_SPOKEN_YEAR = (rf"nineteen{HY_OR_SP}(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                rf"(?:{HY_OR_SP}(?:one|two|three|four|five|six|seven|eight|nine))?|"
                rf"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                rf"nineteen|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:{NUM_WORD}))?")


def _r(name: str, pattern: str, handler: Handler, priority: int = 5) -> Rule:
    return Rule(name, re.compile(pattern), handler, priority)


RULES: tuple[Rule, ...] = (
    _r("full_date",
       rf"{B}(?:(?:{WEEKDAY})\s*,?\s*(?:the\s+)?)?(?:(?P<mon>{MON})\s*(?:the\s+)?"
       rf"(?P<day>{DAY_ANY})|(?:the\s+)?(?P<day2>{DAY_ANY})(?P<of>\s+of)?\s+(?P<mon2>{MON}))"
       rf"(?:\s*,?\s*(?P<year>{YEAR4}|'\s*\d\d(?!\d)))?{E}(?!\s*(?:[-/]\s*\d|:\d|\.\d))",
       h_full_date, 3),
    _r("month_year", rf"{B}(?P<mon>{MON})\s*,?\s*(?:of\s+)?(?:(?P<year>{YEAR4}|'\s*\d\d(?!\d))|"
       rf"(?P<sy>{_SPOKEN_YEAR})|(?P<rel>last|this|next)\s+year){E}", h_month_year, 3),
    _r("the_weekend", rf"{B}the\s+weekend{E}", h_the_weekend, 5),
    _r("bare_month", rf"{B}(?P<mon>{alt(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept.'])}){E}",  # noqa: E501
       h_bare_month, 6),
    _r("iso_date", rf"{B}(?P<iy>{YEAR4})-(?P<im>[01]\d)-(?P<id>[0-3]\d){E}", h_numeric_date, 2),
    _r("slash_date", rf"{B}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)"
       rf"(?P<y>\d{{4}}|\d\d)(?![\w/.]\d)", h_numeric_date, 2),
    _r("year", r"(?<![\w$£€#.,/:'])(?<!\d-)(?<!\d\s-\s)(?P<y>1[0-9]\d\d|20\d\d)"
       r"(?![\w%]|[.,/:]\d|\s*-\s*\d)", h_year, 7),
    _r("the_year", rf"{B}the\s+year\s+(?:(?P<y>{YEAR4})|(?P<sy>{_SPOKEN_YEAR})){E}",
       h_the_year, 3),
    _r("spoken_year", rf"{B}(?P<sy>{_SPOKEN_YEAR}){E}(?!\s*-?\s*(?:{UNIT}|percent|%))",
       h_spoken_year, 6),
    _r("decade", rf"{B}(?:the\s+)?(?:(?P<cent>1[0-9]|20)(?P<dec>\d)0\s*'?\s*s|'\s*(?P<dec2>\d)0"
       rf"\s*'?\s*s|(?<=the\s)(?P<dec3>[2-9])0s|(?<=the\s)(?P<w>{alt(_DECADE_WORDS)})){E}",
       h_decade, 4),
    _r("century", rf"{B}(?:the\s+)?(?:(?P<n>\d{{1,2}})\s*(?:st|nd|rd|th)|(?P<w>{alt(ORDINALS)}))"
       rf"{HY_OR_SP}century{E}|{B}(?P<rel>(?:the\s+)?(?:this|last|past|previous|next|coming|"
       rf"current))\s+century{E}", h_century, 4),
    _r("relative",
       rf"{B}(?P<rel>{_REL})\s+(?P<what>week(?:end)?|month|year|quarter|decade|fiscal\s+year|"
       rf"{WEEKDAY}|{SEASON}|{alt(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])}){E}",  # noqa: E501
       h_relative, 4),
    _r("anaphor",
       rf"{B}(?:(?P<rel>that(?:\s+same)?|the\s+same|the\s+following|the\s+previous|"
       rf"the\s+prior|the\s+next)\s+"
       rf"(?P<what>year|month|day|week)|the\s+(?P<what2>year|day)\s+(?P<rel2>before|after))"
       rf"{E}(?!\s*(?:'|of|-))", lambda m, c: h_anaphor(_fix_anaphor(m), c), 6),
    _r("anaphor_part",
       rf"{B}(?P<rel>that|that\s+same|the\s+next|the\s+following|the\s+previous)\s+"
       rf"(?P<p>morning|afternoon|evening|night){E}", h_anaphor_part, 4),
    _r("weekday", rf"{B}(?P<wd>{WEEKDAY}){E}(?!\s*-\s*\w)",
       h_weekday, 6),
    _r("words", rf"{B}(?P<w>{alt(_WORD_VALUES)}){E}", h_word, 6),
    _r("quarter",
       rf"{B}(?:(?:the|its|a|this|their)\s+)?(?:(?P<y1>{_YEARISH})\s*(?:'\s*s)?\s+)?"
       rf"(?:fiscal\s*-?\s*)?(?P<ord>{_ORDQ})\s*-?\s*(?:fiscal\s+)?quarter{E}"
       rf"(?:\s+of\s+(?:the\s+)?(?P<y2>{_YEARISH}))?", h_quarter, 3),
    _r("q_number", rf"{B}q(?P<q>[1-4])(?:\s+(?P<y>{YEAR4}|'\d\d))?{E}", h_q_number, 4),
    _r("this_quarter",
       rf"{B}(?P<rel>this|the\s+current|current|last|next|the\s+latest|the\s+most\s+recent|"
       rf"the\s+previous|the\s+prior|the\s+recent|the\s+coming|the\s+next|the\s+last|the)\s+"
       rf"(?:fiscal\s+)?quarter{E}(?!\s*-?\s*(?:century|of\s+(?:a|an|the)\b))",
       h_this_quarter, 5),
    _r("half",
       rf"{B}(?:the\s+)?(?P<h>first|second|latter|last)\s*-?\s*half{E}"
       rf"(?:\s+of\s+(?:the\s+)?(?P<y>{_YEARISH}|year))?", h_half, 5),
    _r("year_ago",
       rf"{B}(?:(?:the|a)\s+)?(?:comparable\s+|same\s+)?year{HY}(?:earlier|ago){E}"
       rf"(?:\s+(?P<what>(?:third|second|first|fourth)?\s*quarter|period|months?|nine\s+months)"
       rf"{E})?", h_year_ago, 3),
    _r("season",
       rf"{B}(?:the\s+)?(?P<s>{SEASON})\s+(?:of\s+)?(?:(?P<y>{YEAR4})|(?P<sy>{_SPOKEN_YEAR})){E}|"
       rf"(?:(?<=\bthe\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\bearly\s)|"
       rf"(?<=\blate\s)|(?<=\bmid\s)|(?<=\bmid-)|(?<=\bthis\s)|(?<=\bnext\s)|(?<=\blast\s))"
       rf"(?P<s2>{SEASON}){E}", lambda m, c: h_season(_fix_season(m), c), 6),
    _r("the_season", rf"{B}the\s+(?P<s>spring|summer|autumn|winter|fall){E}", h_season, 6),
    _r("holiday", rf"{B}(?P<hol>{alt(HOLIDAYS)}){E}(?:\s*,?\s*(?P<y>{YEAR4}))?", h_holiday, 4),
    _r("duration",
       rf"{B}(?:(?:the|a|an)\s+)?(?:(?:past|last|next|coming|previous|first|final|following|"
       rf"latest|remaining|initial|preceding|ensuing|last\s+several|past\s+several|"
       rf"past\s+few|last\s+few|next\s+few|next\s+several|coming\s+few|better\s+part\s+of\s+"
       rf"(?:a|the))\s+)?(?P<num>{NUM})\s*(?P<hy>-\s*)?(?:(?:more|additional|extra|straight|"
       rf"consecutive|full|long|trading|business|working|calendar|successive|whole|entire)\s+)?"
       rf"(?P<unit>{UNIT}){E}(?!\s*-\s*(?:olds?|long)\b)(?!\s+olds?\b)"
       rf"(?P<orso>\s+or\s+(?:so|more|less|longer))?"
       rf"(?P<tail>\s+(?:ago|earlier|before\s+now|before|later|after|from\s+now|hence){E}|"
       rf"\s*'\s*s?\s*time{E})?", h_duration, 5),
    _r("compound",
       rf"{B}(?:(?P<num>{NUM_HYPHEN}){HY})?(?P<unit>{UNIT}){HY}long{E}|"
       rf"{B}(?P<num2>{NUM_HYPHEN}){HY}(?P<unit2>{UNIT_SG}){E}(?!\s*-\s*olds?\b)",
       lambda m, c: h_compound(_fix_compound(m), c), 4),
    _r("compound_closed", rf"{B}(?P<unit>year|month|week|day|hour|decade)long{E}",
       lambda m, c: _cand(m, "DURATION", duration_value(1.0, m.group("unit"))), 4),
    _r("vague_units",
       rf"(?:{B}(?:for|over|in|within|after|from|than|take|takes|took|spent|lasted|during)\s+)"
       rf"(?P<t>(?:the\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes))"
       rf"{E}(?!\s*-?\s*olds?\b)(?!\s+(?:ago|of\s+age)\b)", h_vague_units, 6),
    _r("vague_units_of",
       rf"{B}(?P<unit>years|months|weeks|decades|centuries)(?=\s+(?:of|later|earlier|after|"
       rf"before|in\s+the\s+making)\b)", h_vague_units, 7),
    _r("bare_decades", rf"{B}(?P<unit>decades|centuries|millennia){E}(?!\s*-?\s*olds?\b)",
       h_vague_units, 7),
    _r("vague_ago", rf"{B}(?P<t>(?:years|months|weeks|days|decades|centuries)\s+ago){E}",
       lambda m, c: _cand(m, "DATE", "PAST_REF"), 6),
    _r("set_every",
       rf"{B}(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>{NUM_STRICT})\s+)?"
       rf"(?:(?P<wd>{WEEKDAY})|(?P<mon>{alt(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])})|"  # noqa: E501
       rf"(?P<pod>morning|afternoon|evening|night)|(?P<season>{SEASON})|(?P<weekend>weekend)|"
       rf"(?P<unit>{UNIT})){E}", h_set, 3),
    _r("set_times",
       rf"{B}(?:once|twice|thrice|(?:{NUM_STRICT})\s+times)\s+(?:a|an|per|each|every)\s+"
       rf"(?P<unit>{UNIT_SG}){E}", h_set, 3),
    _r("set_adverb", rf"{B}(?P<w>{alt(_ADVERB_SETS)}){E}", h_adverb_set, 6),
    _r("set_weekdays",
       rf"{B}(?P<wd>{WEEKDAY})(?:s{E}|\s+(?P<pod>mornings|afternoons|evenings|nights){E})",
       h_plural_weekday, 5),
    _r("clock",
       rf"{B}(?:(?P<dref0>{WEEKDAY}|today|yesterday|tomorrow)\s*,?\s*(?:at\s+)?)?"
       rf"(?:(?P<h>[01]?\d|2[0-3])(?:\s*[:.]\s*(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})|"
       rf"(?P<h2>[01]?\d|2[0-3])\s*:\s*(?P<mi2>[0-5]\d){E}(?=\s*(?:{TZ_WORDS}))|"
       rf"(?P<h3>[01]?\d|2[0-3]|{NUM_WORD})\s+o\s*'\s*clock{E}|"
       rf"(?P<h4>[01]?\d|{NUM_WORD})\s+in\s+the\s+(?P<inpod>morning|afternoon|evening|night))"
       rf"{TZ}(?:\s*,?\s*(?:on\s+)?(?P<dref>{_DREF}))?{E}",
       lambda m, c: h_clock(_fix_clock(m), c), 2),
    _r("noon",
       rf"{B}(?:(?P<dref0>{WEEKDAY}|today|yesterday|tomorrow)\s+(?:at\s+)?)?"
       rf"(?P<w>noon|midday|midnight){TZ}(?:\s*,?\s*(?:on\s+)?(?P<dref>{_DREF}))?{E}",
       h_noon, 3),
    _r("part_of_day",
       rf"{B}(?P<dref>this|tomorrow|yesterday|last|today|{WEEKDAY}|{MON}\s*{DAY})\s+"
       rf"(?P<p>morning|afternoon|evening|night){E}", h_part_of_day, 3),
    _r("mid_part", rf"{B}mid{HY_OR_SP}?(?P<p>morning|afternoon|day){E}"
       rf"(?:\s*,?\s*(?P<dref>yesterday|today|tomorrow|{WEEKDAY}){E})?", h_mid_part, 4),
    _r("fiscal", rf"{B}(?:fiscal\s*(?:year\s*)?|fy\s*-?\s*)(?P<y>{YEAR4}|'?\s*\d\d(?!\d)){E}",
       h_fiscal, 3),
    _r("span_of",
       rf"{B}(?P<pre>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest|"
       rf"remainder|balance|first\s+half|second\s+half|latter\s+half|last\s+half|first\s+part|"
       rf"latter\s+part|early\s+part)\s+of|(?:earlier|later|late|early)\s+in)\s+"
       rf"the\s+(?P<what>year|month|week|decade|century|quarter|day){E}(?!\s*(?:'|-))",
       h_span_of, 3),
    _r("year_end", rf"{B}(?:the\s+)?(?:year|month){HY_OR_SP}end{E}|{B}(?:the\s+)?year\s*'\s*s\s+"
       rf"end{E}", h_year_end, 4),
    _r("for_the_year",
       rf"{B}for\s+(?P<t>the\s+(?:full\s+|entire\s+|whole\s+)?(?P<u>year|month|week|quarter))"
       rf"{E}(?!\s*(?:'|-|ago|earlier|before|to\s+date))", h_for_the_year, 6),
)



def _fix_anaphor(m: re.Match) -> re.Match:
    return _Shim(m, {"what": m.group("what") or m.group("what2")})  # type: ignore[return-value]


def _fix_season(m: re.Match) -> re.Match:
    return _Shim(m, {"s": m.group("s") or m.group("s2")})  # type: ignore[return-value]


def _fix_compound(m: re.Match) -> re.Match:
    if m.group("unit2"):
        return _Shim(m, {"unit": m.group("unit2"), "num": m.group("num2")})  # type: ignore
    return m


def _fix_clock(m: re.Match) -> re.Match:
    h = m.group("h") or m.group("h2") or m.group("h3") or m.group("h4")
    return _Shim(m, {"h": h.strip(), "mi": m.group("mi") or m.group("mi2")})  # type: ignore


class _Shim:
    """A match whose alternative groups are merged under one name."""

    def __init__(self, m: re.Match, extra: dict[str, str | None]) -> None:
        self._m = m
        self._extra = extra

    def group(self, name: str | int = 0) -> str | None:
        if isinstance(name, str) and name in self._extra:
            return self._extra[name]
        return self._m.group(name)

    def groupdict(self) -> dict[str, str | None]:
        return {**self._m.groupdict(), **self._extra}

    def start(self, name: str | int = 0) -> int:
        return self._m.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._m.end(name)


def propose(low: str, dct: dt.date | None) -> list[Cand]:
    """All candidates from all rules (overlapping)."""
    ctx = Ctx(low, dct)
    out: list[Cand] = []
    for rule in RULES:
        for m in rule.pattern.finditer(low):
            cand = rule.handler(m, ctx)
            if cand is not None and cand.end > cand.start:
                cand.rule, cand.priority = rule.name, rule.priority
                out.append(cand)
    return out
