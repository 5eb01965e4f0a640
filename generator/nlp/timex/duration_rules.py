"""Rules for durations and sets: "three years", "a decade-long", "years", "two weeks ago",
"every Monday", "twice a year", "daily"."""

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
    NEWSPAPER_AFTER_DAILY,
    PARTS_OF_DAY,
    UNIT_INFO,
    UNIT_PLURALS,
    WEEKDAYS,
)
from generator.nlp.timex.numbers import (
    duration_value,
    month_num,
    next_word,
    parse_amount,
    unit_of,
)
from generator.nlp.timex.relative_rules import (
    quarterly_report,
)


def h_duration(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = unit_of(m.group("unit"))
    amount = parse_amount(m.group("num"))
    tail = re.sub(r"\s+", " ", (optional(m, "tail") or "").strip())
    orso = optional(m, "orso")
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


def _fraction(m: re.Match, ctx: Ctx, unit: str = "unit") -> bool:
    """"three-quarters (of the vote)": a hyphenated fraction, not nine months (``unit`` names
    the group that holds the unit word)."""
    hyphen = "-" in ctx.low[m.start():m.end(unit)]
    return hyphen and (m.group(unit).strip().endswith("s")
                       or re.match(r"\s+of\b", ctx.low[m.end():]) is not None)


def _ordinal_second(ctx: Ctx, m: re.Match) -> bool:
    """"a second time", "a second round": the ordinal, not one second."""
    nxt = next_word(ctx.low, m.end("unit"))
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
        return make_cand(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, ago=True)
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
    elif n == -1 and quarterly_report(ctx, m.start()):
        value = tv.shift(ctx.dct, "Q", -5)
    else:
        value = tv.shift(ctx.dct, "Y", round(n))
    return make_cand(m, "DATE", value, mod, ago=True)


def h_compound(m: re.Match, ctx: Ctx) -> Cand | None:
    """"(three-)year-long" (groups ``num``, ``unit``) or "three-year" (``num2``, ``unit2``)."""
    group = "unit2" if optional(m, "unit2") else "unit"
    unit = unit_of(m.group(group))
    num = m.group("num2" if group == "unit2" else "num")
    amount = None if num is None or num.strip() in ("multi", "several") else parse_amount(num)
    if num is not None and amount is None and num.strip() not in ("multi", "several"):
        return None
    if num is None:
        amount = None if m.group(group).strip() in UNIT_PLURALS else 1.0
    if unit == "quarter" and _fraction(m, ctx, group):
        return None
    return make_cand(m, "DURATION", duration_value(amount, unit))


def h_vague_units(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = unit_of(m.group("unit"))
    return make_cand(m, "DURATION", duration_value(None, unit))


def h_set(m: re.Match, ctx: Ctx) -> Cand | None:
    if optional(m, "wd"):
        return make_cand(m, "SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd')) + 1}")
    if optional(m, "mon"):
        return make_cand(m, "SET", f"XXXX-{month_num(m.group('mon')):02d}")
    if optional(m, "pod"):
        return make_cand(m, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[m.group('pod')][1:]}")
    if optional(m, "season"):
        return make_cand(m, "SET", f"XXXX-{tv.SEASONS[m.group('season')]}")
    if optional(m, "weekend"):
        return make_cand(m, "SET", "XXXX-WXX-WE")
    unit = unit_of(m.group("unit"))
    num = optional(m, "num")
    amount = parse_amount(num) if num else (2.0 if optional(m, "other") else 1.0)
    return make_cand(m, "SET", duration_value(amount or 1.0, unit))


ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
                "annually": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
                "biweekly": "P2W", "fortnightly": "P2W",
                "semiannually": "P6M", "biannually": "P6M", "every day": "P1D",
                "everyday": "P1D"}


def h_adverb_set(m: re.Match, ctx: Ctx) -> Cand | None:
    word = re.sub(r"\s+", " ", m.group("w"))
    nxt = next_word(ctx.low, m.end())
    if nxt in NEWSPAPER_AFTER_DAILY or (word == "weekly" and nxt == "standard"):
        return None
    return make_cand(m, "SET", ADVERB_SETS[word])


def h_plural_weekday(m: re.Match, ctx: Ctx) -> Cand | None:
    wd = WEEKDAYS.index(m.group("wd")) + 1
    pod = optional(m, "pod")
    part = PARTS_OF_DAY[pod.rstrip("s")] if pod else ""
    return make_cand(m, "SET", f"XXXX-WXX-{wd}{part}")


def h_for_the_year(m: re.Match, ctx: Ctx) -> Cand | None:
    unit = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}[
        m.group("u")]
    return make_cand(m, "DURATION", duration_value(1.0, unit))
