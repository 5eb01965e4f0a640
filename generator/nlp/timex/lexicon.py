"""Word lists and regex fragments for the temporal tagger (all lower-case).

Kept apart from the rules so the grammar reads as grammar.  Separators accept both prose
(``year-long``, ``years' time``) and Treebank-tokenized text (``year - long``,
``years ' time``).
"""

from __future__ import annotations

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
VAGUE = ("a couple of", "couple of", "a few", "few", "several", "many", "some", "a number of",
         "dozens of", "hundreds of", "thousands of", "countless", "numerous")
FIXED = {"a": 1, "an": 1, "a single": 1, "a dozen": 12, "dozen": 12, "a hundred": 100,
         "half a": 0.5, "a half": 0.5, "one and a half": 1.5, "a thousand": 1000}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30}
for _t, _v in (("twenty", 20), ("thirty", 30)):
    for _o, _ov in list(ORDINALS.items())[:9]:
        if _v + _ov <= 31:
            ORDINALS[f"{_t}-{_o}"] = _v + _ov
            ORDINALS[f"{_t} {_o}"] = _v + _ov

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                "overnight": "TNI"}

# unit word -> (TIMEX unit code, multiplier, is clock time, vague code)
UNIT_INFO = {
    "second": ("S", 1, True, "S"), "minute": ("M", 1, True, "M"), "hour": ("H", 1, True, "H"),
    "day": ("D", 1, False, "D"), "week": ("W", 1, False, "W"), "fortnight": ("W", 2, False, "W"),
    "month": ("M", 1, False, "M"), "quarter": ("Q", 1, False, "Q"),
    "year": ("Y", 1, False, "Y"), "decade": ("Y", 10, False, "E"),
    "century": ("Y", 100, False, "C"), "millennium": ("Y", 1000, False, "L"),
}
UNIT_PLURALS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
                "weeks": "week", "fortnights": "fortnight", "months": "month",
                "quarters": "quarter", "years": "year", "decades": "decade",
                "centuries": "century", "millennia": "millennium", "hrs": "hour",
                "mins": "minute", "yrs": "year"}

HOLIDAYS = ("christmas eve", "christmas day", "christmas", "new year 's eve", "new year's eve",
            "new year 's day", "new year's day", "thanksgiving day", "thanksgiving",
            "easter sunday", "easter monday", "easter", "good friday", "halloween",
            "valentine 's day", "valentine's day", "independence day", "memorial day",
            "labor day", "labour day", "boxing day", "election day", "veterans day",
            "mother 's day", "mother's day", "father 's day", "father's day",
            "st. patrick 's day", "st. patrick's day", "bastille day", "guy fawkes night",
            "bonfire night", "remembrance day", "armistice day", "martin luther king day")


def alt(words: object) -> str:
    """A regex alternation, longest first so prefixes never shadow longer words."""
    items = sorted(set(words), key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+").replace("'", r"\s*'\s*")
                    for w in items)


E_WORD = r"(?![\w])"
HY = r"\s*-\s*"
HY_OR_SPACE = r"(?:\s*-\s*|\s+)"
NUM_WORD = (rf"(?:(?:{alt(TENS)})(?:{HY_OR_SPACE}(?:{alt(ONES)}))?|{alt(TEENS)}|{alt(ONES)})"
            rf"(?:\s+hundred)?")
NUM_DIGIT = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d|\s*½)?"
NUM_STRICT = rf"(?:{NUM_DIGIT}|{NUM_WORD}|{alt(FIXED)})"
NUM = rf"(?:{NUM_STRICT}|{alt(VAGUE)})"
NUM_HYPHEN = rf"(?:{NUM_DIGIT}|{NUM_WORD}|multi|several)"
UNIT_SG = alt(UNIT_INFO)
UNIT_PL = alt(UNIT_PLURALS)
UNIT = rf"(?:{UNIT_PL}|{UNIT_SG})"
MON = (rf"(?:{alt(MONTH_NAMES)}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
       r"(?![a-z])\.?)(?![a-z])")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:\s*(?:st|nd|rd|th))?(?![\d])"
DAY_ANY = rf"(?:{DAY}|{alt(ORDINALS)})"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)(?![\d])"
WEEKDAY = rf"(?:{alt(WEEKDAYS)})"
SEASON = r"(?:spring|summer|autumn|winter|fall)"
TZ_WORDS = (r"est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|bst|cet|cest|utc|et|pt|local\s+time|"
            r"(?:eastern|central|pacific|mountain)(?:\s+(?:standard|daylight))?\s+time")
TZ = rf"(?:\s+(?:{TZ_WORDS}){E_WORD})?"
AMPM = r"(?:[ap]\.\s?m\b\.?|[ap]m)(?![\w])"

# Words after a bare "may" that show the modal verb, not the month.
MAY_VERBS = frozenset((
    "be", "have", "not", "also", "well", "still", "need", "want", "never", "soon", "only",
    "just", "even", "yet", "already", "take", "make", "get", "go", "come", "help", "lead",
    "cause", "find", "become", "seem", "look", "face", "prove", "want", "affect", "allow", "ask",
    "cost", "fall", "feel", "give", "hold", "keep", "know", "lose", "mean", "need", "remain",
    "result", "see", "sound", "suffer", "try", "turn", "use", "want", "wish",
))
# Words before a bare "may"/"march" that show the month.
MONTH_CUES = frozenset((
    "in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this",
    "during", "from", "through", "to", "before", "after", "end", "beginning", "start", "middle",
    "until", "on", "-", "and", "or",
))
# "the Sunday Times": a weekday that names a newspaper.
NEWSPAPER_AFTER_WEEKDAY = frozenset((
    "times", "telegraph", "mirror", "express", "herald", "independent", "tribune", "observer",
))
NEWSPAPER_AFTER_DAILY = frozenset((
    "mail", "telegraph", "news", "beast", "show", "star", "express", "record", "mirror",
    "caller", "kos", "planet", "wire",
))
