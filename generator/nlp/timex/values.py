"""TIMEX3 value arithmetic: anchoring relative expressions to the publication date.

Every function takes ``dct`` (document creation time, i.e. the publication date) which may
be ``None``.  Without it nothing is guessed: values stay relative, either in plain TIMEX3
form (``XXXX-12``, ``XXXX-WXX-2``) or in the publication-relative convention

    ``PUBLISHED``            the publication day itself
    ``PUBLISHED<+n|-n><U>``  the calendar unit ``U`` shifted ``n`` units from the one that
                             holds the publication date, ``U`` in D W M Q H Y E C
                             (day, ISO week, month, quarter, half-year, year, decade,
                             century); ``PUBLISHED-1Y`` = the year before publication,
                             ``PUBLISHED+0M`` = the month of publication
    ``...T<part>``           a part of that day, e.g. ``PUBLISHED-1DTNI`` = last night

so that ``describe`` can word them honestly and :func:`resolve_published` can anchor them
later if the date becomes known.
"""

from __future__ import annotations

import datetime as dt
import re

import dateutil.easter
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as rd_weekday

from generator.lexicon import DAYS_PER_UNIT

UNITS = "DWMQHYEC"
_PUB_RE = re.compile(r"^PUBLISHED(?:([+-]\d+)([DWMQHYEC]))?(T[A-Z0-9:]+)?$")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def _month_start(dct: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` months from the one holding ``dct``."""
    return dct.replace(day=1) + relativedelta(months=months)


def shift(dct: dt.date | None, unit: str, n: int) -> str:
    """The calendar ``unit`` that lies ``n`` units from the one holding ``dct``."""
    if dct is None:
        return "PUBLISHED" if unit == "D" and n == 0 else f"PUBLISHED{n:+d}{unit}"
    if unit == "D":
        return (dct + dt.timedelta(days=n)).isoformat()
    if unit == "W":
        year, week, _ = (dct + dt.timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "M":
        first = _month_start(dct, n)
        return f"{first.year:04d}-{first.month:02d}"
    if unit == "Q":
        first = _month_start(dct, 3 * n)
        return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    if unit == "H":
        first = _month_start(dct, 6 * n)
        return f"{first.year:04d}-H{(first.month - 1) // 6 + 1}"
    if unit == "Y":
        return f"{dct.year + n:04d}"
    if unit == "E":
        return f"{dct.year // 10 + n:03d}"
    if unit == "C":
        return f"{dct.year // 100 + n:02d}"
    raise ValueError(unit)


def shift_days(dct: dt.date | None, days: int, unit: str) -> str:
    """A point ``days`` days from ``dct`` expressed at granularity ``unit`` ("N weeks ago")."""
    if dct is None:
        return shift(None, unit, round(days / DAYS_PER_UNIT[unit]))
    point = dct + dt.timedelta(days=days)
    return shift(point, unit, 0)




def with_part(value: str, part: str | None) -> str:
    """Append a part of day (``TMO``) or clock time (``T15:00``) to a day value."""
    if not part:
        return value
    return value + (part if part.startswith("T") else "T" + part)


def year_for_month(dct: dt.date | None, month: int, day: int | None, future: bool) -> int | None:
    """Year of a month (and day) written without one.  Future tense: the next occurrence.
    Otherwise the coming one if it is at most ~4 months ahead (news announces near events),
    else the latest past one."""
    if dct is None:
        return None
    years = (dct.year - 1, dct.year, dct.year + 1)
    deltas = [(dt.date(y, month, min(day or 15, 28)) - dct).days for y in years]
    slack = 3 if day else 15
    if future:  # a date a few weeks back is still the recent one, even in future tense
        return next(y for y, d in zip(years, deltas, strict=True) if d >= -FUTURE_SLACK_DAYS)
    ahead = [y for y, d in zip(years, deltas, strict=True) if -slack <= d <= AHEAD_DAYS]
    if ahead:
        return ahead[0]
    return max(y for y, d in zip(years, deltas, strict=True) if d < 0)


AHEAD_DAYS = 120
FUTURE_SLACK_DAYS = 45


def month_value(dct: dt.date | None, month: int, day: int | None = None,
                future: bool = False, year: int | None = None) -> str:
    """``YYYY-MM(-DD)`` for a month (and day) whose year may be implicit."""
    if year is None:
        year = year_for_month(dct, month, day, future)
    head = "XXXX" if year is None else f"{year:04d}"
    tail = "" if day is None else f"-{day:02d}"
    return f"{head}-{month:02d}{tail}"


def relative_month(dct: dt.date | None, month: int, direction: int) -> str:
    """``last june`` (-1), ``this june`` (0), ``next june`` (+1)."""
    if dct is None:
        return f"XXXX-{month:02d}"
    year = dct.year
    if direction < 0 and month >= dct.month:
        year -= 1
    elif direction > 0 and month <= dct.month:
        year += 1
    return f"{year:04d}-{month:02d}"


def weekday_value(dct: dt.date | None, weekday: int, direction: int) -> str:
    """A weekday (0 = Monday): last one before (-1), next one after (+1), or nearest by
    tense: -2 = the latest on or before ``dct``, +2 = the first on or after it."""
    if dct is None:
        return f"XXXX-WXX-{weekday + 1}"
    skip, way = _WEEKDAY_SEARCH.get(direction, (0, +1))
    day = dct + dt.timedelta(days=skip) + relativedelta(weekday=rd_weekday(weekday, way))
    return day.isoformat()


# direction -> (days to move first, then search back (-1) or forward (+1), the start included)
_WEEKDAY_SEARCH = {-1: (-1, -1), 1: (1, +1), -2: (0, -1), 2: (0, +1)}


def quarter_value(dct: dt.date | None, quarter: int, future: bool, year: int | None) -> str:
    """``YYYY-Qn``; an unstated year is the latest one whose quarter is not in the future."""
    if year is None and dct is not None:
        current = (dct.month - 1) // 3 + 1
        year = dct.year if quarter <= current or future else dct.year - 1
    return f"{'XXXX' if year is None else f'{year:04d}'}-Q{quarter}"


def season_value(dct: dt.date | None, season: str, direction: int,
                 year: int | None = None) -> str:
    """``YYYY-SU`` etc.; ``direction`` -1 last, 0 this/unstated, +1 next."""
    if year is None and dct is not None:
        month = SEASON_MONTH[season]
        current = dct.month
        year = dct.year
        if direction < 0 and month >= current - 1:
            year -= 1
        elif direction > 0 and month <= current + 1:
            year += 1
    return f"{'XXXX' if year is None else f'{year:04d}'}-{season}"


def easter(year: int) -> dt.date:
    """Western Easter Sunday."""
    return dateutil.easter.easter(year)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month, ``n`` = -1 for the last one."""
    return dt.date(year, month, 1) + relativedelta(day=1 if n > 0 else 31,
                                                   weekday=rd_weekday(weekday, n))


def resolve_published(value: str, dct: dt.date) -> str:
    """Turn a ``PUBLISHED...`` value into an absolute one once the date is known."""
    m = _PUB_RE.match(value)
    if not m:
        return value
    n, unit, part = m.groups()
    base = shift(dct, unit, int(n)) if unit else dct.isoformat()
    return base + (part or "")


def parse_published(value: str) -> tuple[int, str, str] | None:
    """``(offset, unit, part)`` of a publication-relative value, else ``None``."""
    m = _PUB_RE.match(value)
    if not m:
        return None
    n, unit, part = m.groups()
    return (int(n) if n else 0, unit or "D", (part or "")[1:])
