"""Link mentions that refer to the same actor, cautiously.

Only links the text makes clear: a surname after a full name, a bare phrase
("officials", "the group") after a mention with the same head or role, "he" after a person
named in the last sentence that names one (its subject first; never one named inside a
quotation when "he" is outside it), "they" in a clause reported by a plural subject.
Anything else stays apart, so two different officials stay two.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from generator.lexicon import PARTITIVES
from generator.nlp.actors import lexicon as lex
from generator.nlp.actors.mentions import SUBJECTS, Candidate, place_name
from generator.nlp.actors.names import PRONOUN_GENDERS, first_names, normal, singular
from generator.nlp.attribution.quote_marks import find_quotes
from generator.nlp.docs import sentence_index

WINDOW = 6  # sentences a bare phrase may look back
PRONOUN_WINDOW = 2
LOCATIVES = frozenset({"at", "in", "on", "near", "outside", "inside", "across", "around",
                       "throughout"})
GROUP_WORDS = {"group", "organisation", "organization", "movement", "party", "network", "cell"}
NAMED_PREFIXES = ("person", "org", "name", "place")  # in order of preference on a tie
ACRONYM_SKIP = {"and", "of", "the", "for", "&", "-"}


def resolve(doc: Doc, candidates: list[Candidate], aside: frozenset[int] = frozenset()
            ) -> list[Candidate]:
    """Give every candidate a key; unresolved pronouns are dropped.

    Candidates starting on an ``aside`` token (a photo caption, a byline) keep their own key
    but are no antecedent: a caption's "Smith" is not who "he" in the story is.
    """
    candidates = sorted(candidates, key=lambda c: c.start)  # the window below relies on it
    sentence_of = sentence_index(doc)
    _vote_labels(candidates)
    _strip_descriptors(doc, candidates)
    _name_like_nominals(doc, candidates)
    _merge_surnames(doc, candidates)
    _merge_acronyms(candidates)
    _link_titles(doc, candidates)
    _link_appositives(doc, candidates)
    _merge_short_names(candidates)
    _places_named_as_people(doc, candidates)
    keyed: list[Candidate] = []
    resolved: list[Candidate] = []  # the antecedents so far
    resolved_sentences: list[int] = []  # in order: candidates come sorted by position
    by_head: dict[tuple[str, str], str] = {}  # (head, kind) -> key of its last full mention
    genders = {c.key: c.gender for c in candidates if c.key and c.gender}
    where = Where(sentence_of, _quoted(doc))
    for candidate in candidates:
        if candidate.role == "pronoun" and candidate.kind == "person":
            candidate.gender = PRONOUN_GENDERS[candidate.head]
        if candidate.key is None:
            first = sentence_of[candidate.start] - _window(candidate)
            window = resolved[bisect_left(resolved_sentences, first):]
            candidate.key = _antecedent(doc, candidate, by_head, window, genders, where)
            if candidate.key and candidate.gender:
                genders.setdefault(candidate.key, candidate.gender)
        if candidate.key is not None:
            keyed.append(candidate)
            if candidate.start in aside:
                continue
            resolved.append(candidate)
            resolved_sentences.append(sentence_of[candidate.start])
            if candidate.role != "pronoun" and "@" not in candidate.key:
                by_head[(singular(candidate.head), candidate.kind)] = candidate.key
    return keyed


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


def _places_named_as_people(doc: Doc, candidates: list[Candidate]) -> None:
    """"at Cheltenham", "on Gallipoli": a one-word name the tagger calls a person, with no
    first name or title, that the article only ever writes after "at", "in", "on" ... is a
    place, and so no "he" can refer to it."""
    named: dict[str, list[Candidate]] = {}
    for c in candidates:
        if c.role == "named" and (c.key or "").startswith("person:"):
            named.setdefault(c.key or "", []).append(c)
    for group in named.values():
        if all(c.end - c.start == 1 and c.gender is None and not c.titles and not c.description
               and doc[c.start].dep_ == "pobj" and doc[c.start].head.lower_ in LOCATIVES
               for c in group):
            for c in group:
                c.kind, c.key = "place", "place:" + place_name(doc[c.start].text)


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


def _merge_surnames(doc: Doc, candidates: list[Candidate]) -> None:
    """"Zhang" after "Zhang Chunxian" is him, when exactly one full name fits; "Mrs Creag" is
    not her son James Creag (a title and a first name that disagree keep them apart)."""
    alone = {c.key.split(":", 1)[1] for c in candidates if c.role == "named" and c.key
             and c.key.startswith(("person:", "name:")) and " " not in c.key}
    full = {c.key for c in candidates if c.key and " " in c.key and c.role == "named" and (
        c.kind == "person" or c.key.startswith("name:")) and not _two_people(c.key, alone)}
    genders = {c.key: c.gender for c in candidates if c.key in full and c.gender}
    for candidate in candidates:
        key = candidate.key or ""
        if " " in key or not key.startswith(("person:", "name:")):
            continue
        titled = _title_gender(doc, candidate)
        fits = {k for k in _full_names_with(key.split(":", 1)[1], full)
                if titled is None or genders.get(k) in {None, titled}}
        if len(fits) == 1:
            candidate.key = fits.pop()
            candidate.kind = "person" if candidate.key.startswith("person:") else candidate.kind


def _title_gender(doc: Doc, candidate: Candidate) -> str | None:
    """The gender a title gives a name ("Mrs Creag"); a lone surname's own gender, taken from
    the first-name lists ("Kelly"), says nothing."""
    before = doc[candidate.start - 1].lower_ if candidate.start > 0 else ""
    return lex.HONORIFICS.get(before) or lex.HONORIFICS.get(doc[candidate.start].lower_)


def _two_people(key: str, alone: set[str]) -> bool:
    """"Eugenie Sarah": two first names each used alone are two people NER ran together."""
    words = key.split(":", 1)[1].split()
    names = first_names()
    return len(words) == 2 and all(w in names and w in alone for w in words)


def _full_names_with(name: str, full: set[str]) -> set[str]:
    """Full names containing the word; when several, the one it ends ("Murray" is "Bob Murray",
    not "Murray Mining"), else the one it starts when it ends none."""
    words = {k: k.split(":", 1)[1].split() for k in full}
    fits = {k for k, w in words.items() if name in w}
    if len(fits) < 2:
        return fits
    last = {k for k in fits if words[k][-1] == name}
    first = {k for k in fits if words[k][0] == name}
    return last if last else first


def _strip_descriptors(doc: Doc, candidates: list[Candidate]) -> None:
    """"Seinfeld star Julia", "Laughing Eugenie": words before a first name that the article
    also uses alone (or to start a full name) describe the person; they are not a name."""
    used = set()
    for c in candidates:
        if c.kind == "person" and (c.key or "").startswith("person:"):
            words = c.key.removeprefix("person:").split()
            used.add(words[0])
    names = first_names()
    for c in candidates:
        words = (c.key or "").removeprefix("person:").split()
        if not (c.key or "").startswith("person:") or len(words) < 2:
            continue
        if words[-1] in names and words[0] not in names and words[-1] in used:
            # the name's own token, not a possessive after it ("Johnnie Ray 's")
            last = max((t.i for t in doc[c.start:c.end] if t.lower_ == words[-1]),
                       default=c.end - 1)
            c.key, c.start, c.end = "person:" + words[-1], last, last + 1


def _name_like_nominals(doc: Doc, candidates: list[Candidate]) -> None:
    """"Richard stickler said" (a name restored case missed) and "MSHA's Stickler": a
    nominal made of a first name and a word, or a possessor and one word, is a name."""
    names = first_names()
    others = [c for c in candidates if c.role == "nominal" and c.kind == "other"]
    for c in others:
        words = normal(doc[c.start:c.end].text).split()
        if len(words) == 2 and words[0] in names and doc[c.start].text[:1].isupper():
            c.key, c.kind, c.role = "person:" + " ".join(words), "person", "named"
    surnames = {c.key.split()[-1] for c in candidates if c.role == "named" and c.kind == "person"
                and " " in (c.key or "")}
    for c in others:
        if c.role != "nominal":
            continue
        possessive = [t.i for t in doc[c.start:c.end] if t.tag_ == "POS"]
        if possessive and doc[possessive[-1] - 1].ent_type_ == "PERSON":
            continue  # "Clinton's plan" is a thing of hers, not a name
        start = possessive[-1] + 1 if possessive else c.start
        if c.end - start == 1 and doc[start].lower_ in surnames:
            c.key, c.role, c.start = "name:" + doc[start].lower_, "named", start


def _merge_acronyms(candidates: list[Candidate]) -> None:
    """"MSHA" is "the Mine Safety and Health Administration" when exactly one name spells it."""
    spelled: dict[str, set[str]] = {}
    for c in candidates:
        words = (c.key or "").split(":", 1)[-1].split()
        if c.role in {"named", "nominal"} and len(words) >= 2 and c.kind != "person":
            initials = "".join(w[0] for w in words if w not in ACRONYM_SKIP)
            spelled.setdefault(initials, set()).add(c.key or "")
    for c in candidates:
        prefix, _, word = (c.key or "").partition(":")
        if c.role == "named" and prefix in NAMED_PREFIXES and len(word) > 2 and " " not in word:
            keys = spelled.get(word.replace(".", ""), set())
            if len(keys) == 1:
                c.key = next(iter(keys))
                c.kind = next(o.kind for o in candidates if o.key == c.key and o is not c)


def _link_appositives(doc: Doc, candidates: list[Candidate]) -> None:
    """"Julia's husband, writer and director Brad Hall": the description is the named person."""
    person_at = {i: c.key for c in candidates if c.role == "named" and c.kind == "person"
                 for i in range(c.start, c.end)}
    for c in candidates:
        if c.role not in {"nominal", "bare"} or c.kind != "person":
            continue
        root = doc[c.start:c.end].root
        linked = [t for a in root.children if a.dep_ == "appos" for t in a.subtree
                  if _names_the_same(t, a)]
        keys = {person_at[t.i] for t in linked if t.i in person_at}
        if len(keys) == 1:
            c.key = keys.pop()


def _names_the_same(token: Token, top: Token) -> bool:
    """The token is ``top`` or hangs from it only through conj/compound/appos links, so
    "writer and director Brad Hall" is the same person but "a friend of Brad Hall" is not."""
    while token.i != top.i:
        if token.dep_ not in {"conj", "compound", "appos", "flat"}:
            return False
        token = token.head
    return True


def _link_titles(doc: Doc, candidates: list[Candidate]) -> None:
    """"The former prime minister" is Gordon Brown when the article calls him that (and no one
    else); "the President" is Bush when only he is given that title."""
    holders: dict[str, set[str]] = {}
    for c in candidates:
        for title in c.titles:
            holders.setdefault(title, set()).add(c.key or "")
    for c in candidates:
        if c.role == "pronoun" or (c.role == "named" and c.kind == "person"):
            continue
        before = doc[c.start - 1].lower_ if c.start > 0 else ""
        if doc[c.start].lower_ != "the" and before != "the":
            continue
        root = doc[c.start:c.end].root
        if any(t.dep_ == "prep" for t in root.children):
            continue  # "the president of Iraq" is someone else
        keys = holders.get(normal(doc[c.start:c.end].text), set())
        if len(keys) == 1:
            c.key, c.kind, c.role = next(iter(keys)), "person", "nominal"


def _antecedent(doc: Doc, candidate: Candidate, by_head: dict[tuple[str, str], str],
                window: list[Candidate], genders: dict[str, str], where: Where) -> str | None:
    """Pronouns and "the group" look back a few sentences; a repeated head word any distance
    (``by_head``: the key of the last earlier mention, not a pronoun, of each head and kind)."""
    if candidate.role == "pronoun":
        return _pronoun_antecedent(doc, candidate, window, genders, where)
    head = singular(candidate.head)
    if (head, candidate.kind) in by_head:
        return by_head[(head, candidate.kind)]
    if head in GROUP_WORDS:
        found = _group_antecedent(doc, candidate, window)
        if found:
            return found
    return f"{candidate.kind}:{head}"


def _group_antecedent(doc: Doc, candidate: Candidate, earlier: list[Candidate]) -> str | None:
    """"The group": a people after "many of", otherwise the last organisation named (not a
    platform it posted on: "took to Twitter ... the group said")."""
    before = doc[max(candidate.start - 3, 0):candidate.start]
    partitive = any(t.lower_ in PARTITIVES for t in before)
    for other in reversed(earlier):
        if other.role != "named" or not other.key:
            continue
        organised = other.key.startswith("org:") and other.key[4:] not in lex.PLATFORMS
        if (partitive and other.kind == "group" and not organised) or (
            not partitive and organised and other.kind in {"group", "organisation"}
        ):
            return other.key
    return None


def _pronoun_antecedent(doc: Doc, candidate: Candidate, earlier: list[Candidate],
                        genders: dict[str, str], where: Where) -> str | None:
    """"he"/"she": a person named in the last sentence that names one (whose gender, if
    known, agrees), its subject first: in "Stephen Cartwright told The Sydney Morning
    Herald ... '...,' he said", he is Cartwright. A pronoun in the narration skips people
    named inside a quotation: in "He added: 'When you vote ... Tory austerity ...' He also
    said ...", the second "He" is not a name that the speaker used."""
    if candidate.kind == "person":
        quoted = where.quoted
        people = [c for c in earlier if c.kind == "person" and c.role != "pronoun" and c.key
                  and genders.get(c.key) in {None, candidate.gender}
                  and (candidate.start in quoted or c.start not in quoted)]
        if not people:
            return None
        last = where.sentence_of[people[-1].start]
        subjects = [c for c in people if where.sentence_of[c.start] == last
                    and doc[c.start:c.end].root.dep_ in SUBJECTS]
        return (subjects or people)[-1].key
    return _reporting_subject(doc, candidate, earlier)


@dataclass(frozen=True)
class Where:
    """Where each token stands: its sentence's index, and whether it is quoted."""

    sentence_of: Sequence[int]
    quoted: frozenset[int]


def _quoted(doc: Doc) -> frozenset[int]:
    """The tokens inside quotation marks (the marks excluded)."""
    return frozenset(i for quote in find_quotes(doc) for i in range(quote.start + 1, quote.end))


def _reporting_subject(doc: Doc, candidate: Candidate, earlier: list[Candidate]) -> str | None:
    """"X said they were planning...", "X bristled under what they say is ...": "they" is X
    when X is plural and not a person."""
    verb = doc[candidate.start].head
    while verb.dep_ in {"ccomp", "xcomp", "conj", "pcomp", "prep"} and verb.head.i != verb.i:
        verb = verb.head
        heads = {t.i for t in verb.children if t.dep_ in SUBJECTS}
        heads |= {g.i for t in verb.children if t.dep_ in SUBJECTS and t.lower_ in PARTITIVES
                  for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"}  # "members of the Uighur"
        subjects = [c for c in earlier if doc[c.start:c.end].root.i in heads]
        if subjects and subjects[-1].kind != "person":
            return subjects[-1].key
    return None
