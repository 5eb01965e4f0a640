"""Case rules that read a word's neighbours in a sentence already cased by the counts.

Each fixes what counts of single words and pairs cannot see: a title before a name
(``Princess Eugenie``), a newspaper cited as a source (``told the Post``), an institution
referred back to (``the ministry said``), a code of letters and digits (``K2``, ``MH17``).
"""

from __future__ import annotations

import re

from generator.lexicon import DEMONYMS

# Titles capitalised when a name follows (job words like "minister" vary too much by style).
NAME_TITLES = frozenset({"president", "prince", "princess", "king", "queen", "pope", "lady",
                         "lord", "sir", "senator", "governor", "judge", "archbishop", "bishop",
                         "cardinal", "rabbi", "sheikh", "emperor", "empress", "duke", "duchess"})
# Nouns for bodies that news style writes lower-case when they refer back ("the ministry
# said"), and the words after which they go on as a name ("the Ministry of Defence").
INSTITUTION_NOUNS = frozenset({"organisation", "organization", "ministry", "group",
                               "company", "agency", "authority", "department", "movement"})
NAME_CONTINUERS = frozenset({"of", "for", "on", "&", "and"})
# Newspaper names that are also common words (cased where cited: ``told the Post``).
OUTLET_WORDS = frozenset({"sun", "post", "times", "mirror", "telegraph", "express", "star",
                          "herald", "globe", "observer", "independent", "guardian", "mail",
                          "standard", "tribune", "chronicle", "journal", "sentinel",
                          "examiner", "inquirer", "enquirer", "record", "courier"})
# A capitalised nationality adjective does not start a name ("a British university").
DEMONYM_ENDINGS = ("ish", "ese", "ian", "can", "ean")
NATIONALITY_WORDS = frozenset(DEMONYMS) | {"arab"}
# A short code of letters then digits: a mountain, a flight, a model ("k2", "mh17", "a380").
CODE = re.compile(r"[a-z]{1,3}[0-9]+[a-z0-9]*")


def lower_bare_institutions(tokens: list[str], chosen: list[str]) -> None:
    """``the organisation has``, ``the ministry said``: an institution noun after a bare
    ``the`` refers back to a body already named and stays lower-case; the counts capitalise it
    from names that go on (``the Ministry of Defence``, ``the Organisation for ...``)."""
    for i in range(1, len(tokens)):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        named_after = i + 1 < len(tokens) and chosen[i + 1] != nxt  # "the Party Congress"
        if (tokens[i] in INSTITUTION_NOUNS and tokens[i - 1] == "the" and chosen[i] != tokens[i]
                and nxt not in NAME_CONTINUERS and not named_after):
            chosen[i] = tokens[i]


def reported_outlets(tokens: list[str], chosen: list[str]) -> None:
    """``told the Post``, ``according to the Times``, ``the Sun reported``: a newspaper
    name made of a common word is a name where it is cited as a source."""
    for i in range(1, len(tokens)):
        if tokens[i] not in OUTLET_WORDS or tokens[i - 1] != "the" or chosen[i] != tokens[i]:
            continue
        before = tokens[max(i - 3, 0):i - 1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        cited = (before[-1:] == ["told"] or before[-2:] in (["according", "to"],
                                                              ["revealed", "to"])
                 or nxt in {"reported", "reports", "newspaper"})
        if cited:
            chosen[i] = tokens[i].capitalize()


def capitalise_titles(tokens: list[str], chosen: list[str]) -> None:
    """A title right before a name is part of it (``Princess Eugenie``, ``President Obama``)."""
    for i in range(len(tokens) - 1):
        if tokens[i] in NAME_TITLES and chosen[i] == tokens[i] and starts_name(chosen[i + 1]):
            chosen[i] = tokens[i].capitalize()


def upper_codes(tokens: list[str], chosen: list[str]) -> None:
    """``k2``, ``mh17``, ``g4s``: letters then digits are written in capitals as a code."""
    for i, token in enumerate(tokens):
        if CODE.fullmatch(token):
            chosen[i] = token.upper()


def starts_name(form: str) -> bool:
    """A capitalised word (not an acronym, not a nationality adjective) that a name goes on from."""
    if not form[:1].isupper() or (form.isupper() and len(form) > 1) or not form.isalpha():
        return False
    return not is_demonym(form)


def heads_name(form: str) -> bool:
    """A name head follows a name word or an acronym (``FA Cup``, ``BBC News``)."""
    return starts_name(form) or (len(form) > 1 and form.isupper() and form.isalpha())


def is_demonym(form: str) -> bool:
    lower = form.lower()
    return form[:1].isupper() and (lower in NATIONALITY_WORDS or lower.endswith(DEMONYM_ENDINGS))
