"""Numbers, units and calendar words inside temporal expressions: "three and a half years",
"twenty-first", "'98", "Tuesdays"; ISO 8601 durations from an amount and a unit."""

from __future__ import annotations

import datetime as dt
import re

from generator.nlp.timex.lexicon import (
    FIXED,
    MONTHS,
    ONES,
    ORDINALS,
    TEENS,
    TENS,
    UNIT_INFO,
    UNIT_PLURALS,
    VAGUE,
    WEEKDAYS,
)


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
    return word_number(s)


def word_number(s: str) -> float | None:
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


def prev_word(low: str, pos: int) -> str:
    m = re.search(r"([\w'-]+)\W*$", low[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def next_word(low: str, pos: int) -> str:
    m = re.match(r"\W*([\w']+)", low[pos:pos + 30])
    return m.group(1) if m else ""
