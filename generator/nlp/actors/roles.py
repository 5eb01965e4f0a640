"""An actor's role: finer than its kind, so that an ethnic group, a militant group, a party, a
newspaper and the police do not share one badge.

The role comes from the article's own words, in this order: the appositive that describes the
actor ("the Global Times, a newspaper ..."), what the actor is a group of ("Uighurs" are an
ethnic group, "Uighur groups" speak for them), its name ("Communist Party", "Islamic State"),
and the head words of its mentions ("police", "militants"). The vocabulary is fixed
(``ROLES``); the words that lead to each role are in :mod:`.lexicon` (``ROLE_WORDS``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from generator.lexicon import DEMONYMS
from generator.nlp.actors import lexicon as lex
from generator.nlp.actors.mentions import Candidate
from generator.nlp.actors.names import singular

# Every role an actor can get, by kind (documented in docs/methods/actors.md).
ROLES = {
    "person": ("official", "politician", "head of state", "head of government", "minister",
               "mayor", "governor", "spokesperson", "diplomat", "police officer", "soldier",
               "judge", "prosecutor", "lawyer", "journalist", "expert", "activist", "witness",
               "victim", "suspect"),
    "government": ("national government", "local authorities", "officials", "police",
                   "military", "court", "prosecutors", "legislature", "ministry", "ministers",
                   "government department", "government agency", "regulator", "embassy",
                   "diplomats"),
    "group": ("ethnic group", "religious group", "nationals", "militant group", "fighters",
              "advocacy group", "political party", "protesters", "residents", "voters",
              "supporters", "poll respondents", "critics", "community", "experts", "victims",
              "suspects", "witnesses", "journalists", "lawyers", "politicians"),
    "organisation": ("political party", "militant group", "advocacy group", "charity",
                     "trade union", "international organisation", "company", "university",
                     "school", "hospital", "sports club", "sports team", "election campaign",
                     "legislature", "court", "police", "military"),
    "media": ("newspaper", "magazine", "broadcaster", "news agency", "news website",
              "news outlet"),
    "other": ("poll", "report", "study"),
}
GROUP_HEADS = {"group", "groups", "organisation", "organisations", "organization",
               "organizations", "network", "networks", "movement", "movements"}
ADVOCACY_MODIFIERS = {"rights", "campaign", "advocacy", "activist", "lobby", "pressure",
                      "exile", "exiled", "diaspora", "civil", "human"}
MILITANT_MODIFIERS = {"militant", "terror", "terrorist", "jihadist", "rebel", "armed",
                      "extremist", "insurgent", "islamist", "separatist", "paramilitary"}


def actor_role(doc: Doc, candidates: list[Candidate], kind: str, key: str,
               description: str | None) -> str | None:
    """The role the article's words give the actor, or None when they give none."""
    allowed = set(ROLES.get(kind, ()))
    for found in (_described(description), _people(key), _group_of(doc, candidates),
                  _named(key), _government(key, kind), _by_heads(candidates, kind)):
        if found is not None and found in allowed:
            return found
    return None


def _described(description: str | None) -> str | None:
    """"a newspaper affiliated with the ruling Communist Party": the first role word."""
    if not description:
        return None
    return _first_role(description.lower().replace(",", " ").split())


def _people(key: str) -> str | None:
    """A people by what makes it one: "Uighurs" ethnic, "Muslims" religious, "Chinese" nationals."""
    if not key.startswith("group:") or " " in key:
        return None
    word = key.removeprefix("group:")
    if word in lex.ETHNIC_PEOPLES:
        return "ethnic group"
    if word in lex.FAITHS:
        return "religious group"
    return "nationals" if word in DEMONYMS else None


def _group_of(doc: Doc, candidates: list[Candidate]) -> str | None:
    """"Uighur groups" speak for the Uighurs; "militant groups" and "rights groups" say it."""
    for candidate in candidates:
        if candidate.role not in {"named", "nominal"}:
            continue
        words = [t.lower_ for t in doc[candidate.start:candidate.end]]
        if not words or words[-1] not in GROUP_HEADS:
            continue
        modifiers = set(words[:-1])
        if modifiers & MILITANT_MODIFIERS:
            return "militant group"
        peoples = lex.ETHNIC_PEOPLES | lex.FAITHS | set(DEMONYMS)
        if modifiers & ADVOCACY_MODIFIERS or {singular(w) for w in modifiers} & peoples:
            return "advocacy group"
    return None


def _named(key: str) -> str | None:
    """An organisation by its name: known lists first, then the name's last role word."""
    if not key.startswith("org:"):
        return None
    name = key.removeprefix("org:")
    if name in lex.MILITANT_NAMES:
        return "militant group"
    if name in lex.ADVOCACY_NAMES:
        return "advocacy group"
    if name in lex.INTERNATIONAL:
        return "international organisation"
    return _first_role(reversed(name.split()))


def _by_heads(candidates: list[Candidate], kind: str) -> str | None:
    """The role most of the actor's own words name ("police", "militants", "officials")."""
    roles = Counter(lex.ROLE_WORDS[c.head] for c in candidates
                    if c.role != "pronoun" and c.head in lex.ROLE_WORDS
                    and lex.ROLE_WORDS[c.head] in ROLES.get(kind, ()))
    for candidate in candidates:
        for title in candidate.titles:
            role = _first_role(reversed(title.split()))
            if role is not None:
                roles[role] += 1
    return roles.most_common(1)[0][0] if roles else None


def _government(key: str, kind: str) -> str | None:
    """A country's government, or the authorities of a place that is not a country."""
    if kind != "government" or not key.startswith("gov:"):
        return None
    place = key.removeprefix("gov:")
    countries = set(DEMONYMS.values()) | set(lex.CAPITALS.values()) | set(lex.COUNTRY_NAMES)
    return "national government" if place in countries else "local authorities"


def _first_role(words: Iterable[str]) -> str | None:
    return next((lex.ROLE_WORDS[w] for w in words if w in lex.ROLE_WORDS), None)
