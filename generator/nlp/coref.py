"""Link mentions that refer to the same actor, cautiously.

Only links the text makes clear: a surname after a full name, a bare phrase
("officials", "the group") after a mention with the same head or role, "he"
after the last person named, "they" in a clause reported by a plural subject.
Anything else stays apart, so two different officials stay two.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from generator.nlp.docs import sentence_index
from generator.nlp.mentions import SUBJECTS, Candidate, singular

WINDOW = 6  # sentences a bare phrase may look back
PRONOUN_WINDOW = 2
GROUP_WORDS = {"group", "organisation", "organization", "movement", "party", "network", "cell"}
NAMED_PREFIXES = ("person", "org", "name", "place")  # in order of preference on a tie
PARTITIVES = {"many", "some", "most", "members", "few", "all", "one", "several", "none"}


def resolve(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Give every candidate a key; unresolved pronouns are dropped."""
    sentence_of = sentence_index(doc)
    _vote_labels(candidates)
    _merge_surnames(candidates)
    _merge_short_names(candidates)
    resolved: list[Candidate] = []
    genders = {c.key: c.gender for c in candidates if c.key and c.gender}
    for candidate in candidates:
        if candidate.role == "pronoun" and candidate.kind == "person":
            candidate.gender = "f" if candidate.head in {"she", "her"} else "m"
        if candidate.key is None:
            window = [c for c in resolved
                      if sentence_of[candidate.start] - sentence_of[c.start] <= _window(candidate)]
            candidate.key = _antecedent(doc, candidate, resolved, window, genders)
            if candidate.key and candidate.gender:
                genders.setdefault(candidate.key, candidate.gender)
        if candidate.key is not None:
            resolved.append(candidate)
    return resolved


def _window(candidate: Candidate) -> int:
    return PRONOUN_WINDOW if candidate.role == "pronoun" else WINDOW


def _vote_labels(candidates: list[Candidate]) -> None:
    """One name, one kind: NER may call "Julia" a person once and a place once."""
    votes: dict[str, Counter[str]] = {}
    kinds: dict[str, str] = {}
    for c in candidates:
        prefix, _, surface = (c.key or "").partition(":")
        if c.role == "named" and prefix in NAMED_PREFIXES:
            votes.setdefault(surface, Counter())[prefix] += 1
            kinds.setdefault(f"{prefix}:{surface}", c.kind)
    name_words = {w for s, v in votes.items() if "person" in v and " " in s for w in s.split()}
    for c in candidates:
        prefix, _, surface = (c.key or "").partition(":")
        if c.role != "named" or prefix not in NAMED_PREFIXES:
            continue
        if surface in name_words:  # "Sinfield" after "Kevin Sinfield" is a person
            c.key, c.kind = f"person:{surface}", "person"
            continue
        if len(votes[surface]) < 2:
            continue
        best = max(votes[surface], key=lambda p: (votes[surface][p], -NAMED_PREFIXES.index(p)))
        c.key = f"{best}:{surface}"
        c.kind = kinds[c.key]


def _merge_short_names(candidates: list[Candidate]) -> None:
    """"Yankees" is "the New York Yankees" when exactly one longer name ends with it."""
    full = {c.key for c in candidates if c.role == "named" and (c.key or "").startswith("org:")
            and " " in c.key}
    for candidate in candidates:
        key = candidate.key or ""
        if candidate.role != "named" or not key.startswith("org:") or key in full:
            continue
        name = key.removeprefix("org:")
        fits = {k for k in full if k.endswith(" " + name)}
        if len(fits) == 1:
            candidate.key = fits.pop()


def _merge_surnames(candidates: list[Candidate]) -> None:
    """"Zhang" after "Zhang Chunxian" is him, when exactly one full name fits."""
    full = {c.key for c in candidates if c.key and " " in c.key and (
        c.kind == "person" or c.key.startswith("name:"))}
    for candidate in candidates:
        key = candidate.key or ""
        if " " in key or not key.startswith(("person:", "name:")):
            continue
        name = key.split(":", 1)[1]
        fits = {k for k in full if name in k.split(":", 1)[1].split()}
        if len(fits) == 1:
            candidate.key = fits.pop()
            candidate.kind = "person" if candidate.key.startswith("person:") else candidate.kind


def _antecedent(doc: Doc, candidate: Candidate, earlier: list[Candidate],
                window: list[Candidate], genders: dict[str, str]) -> str | None:
    """Pronouns and "the group" look back a few sentences; a repeated head word any distance."""
    if candidate.role == "pronoun":
        return _pronoun_antecedent(doc, candidate, window, genders)
    head = singular(candidate.head)
    for other in reversed(earlier):
        same = singular(other.head) == head and other.kind == candidate.kind
        if same and other.role != "pronoun" and "@" not in (other.key or ""):
            return other.key
    if head in GROUP_WORDS:
        found = _group_antecedent(doc, candidate, window)
        if found:
            return found
    return f"{candidate.kind}:{head}"


def _group_antecedent(doc: Doc, candidate: Candidate, earlier: list[Candidate]) -> str | None:
    """"The group": a people after "many of", otherwise the last organisation named."""
    before = doc[max(candidate.start - 3, 0):candidate.start]
    partitive = any(t.lower_ in PARTITIVES for t in before)
    for other in reversed(earlier):
        if other.role != "named" or not other.key:
            continue
        organised = other.key.startswith("org:")
        if (partitive and other.kind == "group" and not organised) or (
            not partitive and organised and other.kind in {"group", "organisation"}
        ):
            return other.key
    return None


def _pronoun_antecedent(doc: Doc, candidate: Candidate, earlier: list[Candidate],
                        genders: dict[str, str]) -> str | None:
    """"he"/"she": the last person named whose gender, if known, agrees."""
    if candidate.kind == "person":
        people = [c for c in earlier if c.kind == "person" and c.role != "pronoun"
                  and genders.get(c.key or "") in {None, candidate.gender}]
        return people[-1].key if people else None
    return _reporting_subject(doc, candidate, earlier)


def _reporting_subject(doc: Doc, candidate: Candidate, earlier: list[Candidate]) -> str | None:
    """"X said they were planning...": "they" is X when X is plural and not a person."""
    verb = doc[candidate.start].head
    while verb.dep_ in {"ccomp", "xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in earlier
                    if doc[c.start:c.end].root.head == verb
                    and doc[c.start:c.end].root.dep_ in SUBJECTS]
        if subjects and subjects[-1].kind != "person":
            return subjects[-1].key
    return None
