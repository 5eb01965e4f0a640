"""The grammar of the temporal tagger: the table of regex rules that propose candidate timexes.

Each rule is a compiled regex over the lower-cased text plus a handler that turns a match
into a :class:`~.candidates.Cand` (span, TIMEX3 type, value, modifier) or rejects it; the
handlers live with what they find (:mod:`.calendar_rules`, :mod:`.relative_rules`,
:mod:`.duration_rules`, :mod:`.clock_rules`).  Overlaps are resolved later (longest span
wins, then priority, then this table's order), so rules may overlap freely.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.nlp.timex.calendar_rules import (
    DECADE_WORDS,
    h_bare_month,
    h_century,
    h_decade,
    h_fiscal,
    h_full_date,
    h_holiday,
    h_month_year,
    h_numeric_date,
    h_spoken_year,
    h_the_year,
    h_year,
)
from generator.nlp.timex.candidates import (
    Cand,
    Ctx,
    Handler,
    Rule,
    make_cand,
)
from generator.nlp.timex.clock_rules import (
    h_clock,
    h_mid_part,
    h_noon,
    h_part_of_day,
)
from generator.nlp.timex.duration_rules import (
    ADVERB_SETS,
    h_adverb_set,
    h_compound,
    h_duration,
    h_for_the_year,
    h_plural_weekday,
    h_set,
    h_vague_units,
)
from generator.nlp.timex.lexicon import (
    AMPM,
    DAY,
    DAY_ANY,
    HOLIDAYS,
    HY,
    MON,
    NUM,
    NUM_HYPHEN,
    NUM_STRICT,
    NUM_WORD,
    ORDINALS,
    SEASON,
    TZ,
    TZ_WORDS,
    UNIT,
    UNIT_SG,
    WEEKDAY,
    YEAR4,
    alt,
)
from generator.nlp.timex.numbers import (
    duration_value,
)
from generator.nlp.timex.relative_rules import (
    WORD_VALUES,
    h_anaphor,
    h_anaphor_part,
    h_half,
    h_q_number,
    h_quarter,
    h_relative,
    h_season,
    h_span_of,
    h_the_weekend,
    h_this_quarter,
    h_weekday,
    h_word,
    h_year_ago,
    h_year_end,
)

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
       rf"\s*'?\s*s|(?<=the\s)(?P<dec3>[2-9])0s|(?<=the\s)(?P<w>{alt(DECADE_WORDS)})){E}",
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
       rf"{E}(?!\s*(?:'|of|-))", h_anaphor, 6),
    _r("anaphor_part",
       rf"{B}(?P<rel>that|that\s+same|the\s+next|the\s+following|the\s+previous)\s+"
       rf"(?P<p>morning|afternoon|evening|night){E}", h_anaphor_part, 4),
    _r("weekday", rf"{B}(?P<wd>{WEEKDAY}){E}(?!\s*-\s*\w)",
       h_weekday, 6),
    _r("words", rf"{B}(?P<w>{alt(WORD_VALUES)}){E}", h_word, 6),
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
       rf"(?P<s2>{SEASON}){E}", h_season, 6),
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
       h_compound, 4),
    _r("compound_closed", rf"{B}(?P<unit>year|month|week|day|hour|decade)long{E}",
       lambda m, c: make_cand(m, "DURATION", duration_value(1.0, m.group("unit"))), 4),
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
       lambda m, c: make_cand(m, "DATE", "PAST_REF"), 6),
    _r("set_every",
       rf"{B}(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>{NUM_STRICT})\s+)?"
       rf"(?:(?P<wd>{WEEKDAY})|(?P<mon>{alt(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])})|"  # noqa: E501
       rf"(?P<pod>morning|afternoon|evening|night)|(?P<season>{SEASON})|(?P<weekend>weekend)|"
       rf"(?P<unit>{UNIT})){E}", h_set, 3),
    _r("set_times",
       rf"{B}(?:once|twice|thrice|(?:{NUM_STRICT})\s+times)\s+(?:a|an|per|each|every)\s+"
       rf"(?P<unit>{UNIT_SG}){E}", h_set, 3),
    _r("set_adverb", rf"{B}(?P<w>{alt(ADVERB_SETS)}){E}", h_adverb_set, 6),
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
       h_clock, 2),
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
