"""Names of actors: the normal form of a phrase, a person's name without honorifics, and the
gender a name, a title or a pronoun shows."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from generator.model import Actor
from generator.nlp.actors import lexicon as lex

PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


def person_name(doc: Doc, ent: SpacySpan) -> tuple[str, str | None]:
    """The name without honorifics ("Ms Sturgeon" -> "sturgeon") and the gender they imply."""
    words = normal(ent.text).split()
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    gender = lex.HONORIFICS.get(before)
    while len(words) > 1 and words[0] in lex.HONORIFICS:
        gender = gender or lex.HONORIFICS[words[0]]
        words = words[1:]
    if gender is None:
        gender = first_names().get(words[0])
    return " ".join(words), gender


def gender_of(actor: Actor) -> str | None:
    """A person's gender as the article shows it (a pronoun coreference gave them, a title,
    the first of several names), or None when nothing shows it or the signs disagree: a
    claim whose source is "she" is not given to a man named before it."""
    signs = set()
    for text in [actor.name, *(m.text for m in actor.mentions)]:
        words = normal(text).split()
        if len(words) == 1 and words[0] in PRONOUN_GENDERS:
            signs.add(PRONOUN_GENDERS[words[0]])
        elif len(words) > 1 and lex.HONORIFICS.get(words[0]):
            signs.add(lex.HONORIFICS[words[0]])
    words = normal(actor.name).split()
    if not signs and len(words) > 1 and words[0] in first_names():
        signs.add(first_names()[words[0]])
    return signs.pop() if len(signs) == 1 else None


@cache
def first_names() -> dict[str, str]:
    """First name -> "f" or "m" (US Census lists; see tools/build_name_data.py)."""
    text = resources.files("generator.nlp").joinpath("data/first_names.tsv").read_text()
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in rows}


def normal(text: str) -> str:
    """Lower case, no leading determiner, no possessive, single spaces."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"^(the|a|an) ", "", text)
    return re.sub(r"\s*'s?$", "", text)


def singular(word: str) -> str:
    """A cheap plural fold that keeps keys stable (uighurs -> uighur, authorities -> authority)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
