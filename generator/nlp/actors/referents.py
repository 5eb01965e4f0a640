"""Actors: people, groups, institutions and places, one per referent.

Mentions come from :mod:`.mentions` (named entities and the noun
phrases that act or speak) and are linked by :mod:`.coref`; this
module turns each referent into an :class:`Actor` with a display name, a kind, a
one-line description from the article and the relations it states.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from generator.ids import slug
from generator.model import SENTENCE_ROLES, Actor, Relation
from generator.nlp.actors import coref, mentions
from generator.nlp.actors import lexicon as lex
from generator.nlp.actors.confidence import ActorScorer, actor_features, load_scorer
from generator.nlp.actors.mentions import Candidate
from generator.nlp.actors.roles import actor_role
from generator.nlp.pipeline import Document
from generator.text.truecase import load_model as case_model

ROLE_RANK = {"named": 0, "nominal": 1, "bare": 2, "pronoun": 3}
RELATION_PREPS = {"with", "of", "for", "to", "at", "from"}
OPENERS = frozenset({"'", '"', "\u2018", "\u201c", "``", "("})
KIND_PRIORITY = ["person", "media", "government", "organisation", "group", "place", "other"]


@dataclass
class _Referent:
    key: str
    candidates: list[Candidate] = field(default_factory=list)


def find_actors(document: Document) -> list[Actor]:
    """Agents first, ordered by how much they matter (mentions), then places; each with its
    calibrated confidence (:mod:`.confidence`)."""
    return [actor for actor, _ in scored_actors(document)]


def scored_actors(document: Document, scorer: ActorScorer | None = None
                  ) -> list[tuple[Actor, list[str]]]:
    """The actors with the features their confidence was scored on (training reads these)."""
    scorer = scorer or load_scorer()
    doc = document.doc
    aside = _tokens_of(document, frozenset(SENTENCE_ROLES))
    filed = _tokens_of(document, frozenset({"dateline"}))
    candidates = [c for c in mentions.collect(doc) if c.start not in filed
                  and (c.role != "pronoun" or c.start not in aside)]
    candidates = coref.resolve(doc, candidates, aside)
    referents: dict[str, _Referent] = {}
    for candidate in candidates:
        referents.setdefault(candidate.key, _Referent(candidate.key)).candidates.append(candidate)
    by_key = {key: a for key, r in referents.items()
              if _in_body(r, aside) and not _capitalised_by_position(doc, r)
              and (a := _actor(document, r)) is not None}
    features = {}
    sentence_starts = [s.start for s in doc.sents]
    for key, actor in by_key.items():
        features[id(actor)] = actor_features(doc, referents[key].candidates, actor.kind,
                                             actor.role, actor.description is not None,
                                             document.form.lowercase, sentence_starts)
        actor.confidence = round(scorer.score(features[id(actor)]), 3)
    _unique_ids(list(by_key.values()))
    _add_relations(document, by_key, candidates)
    actors = list(by_key.values())
    actors.sort(key=lambda a: (a.kind == "place", -len(a.mentions), a.mentions[0].span))
    return [(actor, features[id(actor)]) for actor in actors]


def _tokens_of(document: Document, roles: frozenset[str]) -> frozenset[int]:
    """Tokens of the sentences with one of these roles: no body text (captions, bylines,
    credits, notes) is an aside; where a story was filed from (a dateline, "RENO, Nev. (AP)
    —") is not one of its actors (the place, when it matters, is named again in the body)."""
    if all(s.role not in roles for s in document.sentences):
        return frozenset()
    return frozenset(t.i for t in document.doc
                     if document.sentence_at(t.idx).role in roles)


def _in_body(referent: _Referent, aside: frozenset[int]) -> bool:
    """A caption may mention an actor but never makes one on its own (places excepted)."""
    return any(c.start not in aside for c in referent.candidates if c.role != "pronoun") or all(
        c.kind == "place" for c in referent.candidates)


def _capitalised_by_position(doc: Doc, referent: _Referent) -> bool:
    """A common word that only its place made a capital, and so a name to the tagger:
    "Typhus is an infectious disease", "Sympathy ... came from the White House", "' Hair ,
    for some reason ...". Every mention is that one word where a capital is due (a
    sentence's or a quotation's first word), the case statistics see it mostly in lower
    case, and the article never capitalises it elsewhere ("Trump asserts ..." stays)."""
    words = [c for c in referent.candidates if c.role != "pronoun"]
    if not words or not all(c.role == "named" and c.end - c.start == 1
                            and _capital_due(doc, c.start) for c in words):
        return False
    word = doc[words[0].start].lower_
    return case_model().common(word) and not any(
        t.lower_ == word and t.text[:1].isupper() and not _capital_due(doc, t.i) for t in doc)


def _capital_due(doc: Doc, i: int) -> bool:
    """The token opens its sentence, or a quotation or bracket that opens there or after a
    colon ("adding : ' Hair , for some reason ..."), or it follows end punctuation inside a
    sentence the parser did not split ("Which?, Said: ...")."""
    j = i
    while j > 0 and not doc[j].is_sent_start and doc[j - 1].text in OPENERS:
        j -= 1
    if j == 0 or doc[j].is_sent_start or (j < i and doc[j - 1].text == ":"):
        return True
    while j > 0 and doc[j - 1].text in OPENERS | {","}:
        j -= 1
    return j > 0 and doc[j - 1].text in {"?", "!", "."}


def _actor(document: Document, referent: _Referent) -> Actor | None:
    doc = document.doc
    found = [m for c in referent.candidates if (m := document.mention(c.span(doc))) is not None]
    if not found or all(c.role == "pronoun" for c in referent.candidates):
        return None
    name = _name(doc, referent)
    if not any(ch.isalnum() for ch in name):  # punctuation a parse took for a name
        return None
    kind = _kind(doc, referent)
    description = _description(doc, referent)
    return Actor(
        id=slug(name),
        name=name,
        kind=kind,
        description=description,
        mentions=sorted({m.span: m for m in found}.values(), key=lambda m: m.span),
        role=actor_role(doc, referent.candidates, kind, referent.key, description),
    )


def _name(doc: Doc, referent: _Referent) -> str:
    """The fullest name the article uses; a government is named after its country."""
    government = referent.key.startswith("gov:")
    if referent.key.startswith("group:"):
        named = [c for c in referent.candidates if c.role == "named"]
        if named:  # a people: the plain name ("Uighurs"), not "the minority Muslim Uighur"
            best = min(named, key=lambda c: (c.end - c.start, -len(doc[c.start:c.end].text)))
            return _display(doc[best.start:best.end].text)
    best = min(referent.candidates, key=lambda c: (
        ROLE_RANK["named" if government and c.role == "nominal" else c.role],
        government and c.role == "named", -(c.end - c.start), c.start))
    if government and best.role == "named" and doc[best.start].ent_type_ in {"GPE", "NORP"}:
        return f"{_country(referent.key)} government"
    text = _display(doc[best.start:best.end].text)
    if referent.key.startswith("org:"):
        return _with_acronym(doc, referent, text)
    return text


def _with_acronym(doc: Doc, referent: _Referent, text: str) -> str:
    """"Islamic State (ISIS)": the spelled-out name, with the acronym the article also uses."""
    # in text order, so that of two spellings of one length the first written wins (a set's
    # order would change with the hash seed from run to run)
    names = dict.fromkeys(_display(c.span(doc).text) for c in referent.candidates
                          if c.role == "named")
    spelled = sorted((n for n in names if not n.isupper()), key=len, reverse=True)
    acronyms = sorted(n for n in names if n.isupper() and len(n) > 1)
    if spelled and acronyms:
        return f"{spelled[0]} ({acronyms[0]})"
    return spelled[0] if spelled else text


def _country(key: str) -> str:
    country = key.removeprefix("gov:")
    return lex.COUNTRY_NAMES.get(country, country.title())


def _display(text: str) -> str:
    text = re.sub(r"^(the|a|an|another|some)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"\s*'s?$", "", text)
    text = re.sub(r"(?<=\w) ('s?)(?= )", r"\1", text)  # tokenized input: "Vergara 's ex"
    return text[:1].upper() + text[1:]


def _kind(doc: Doc, referent: _Referent) -> str:
    """The kind most mentions support; an appositive's noun ("a newspaper") decides."""
    described = _described_kind(doc, referent)
    if described is not None:
        return described
    kinds = {c.kind for c in referent.candidates if c.role != "pronoun"}
    if kinds & {"government"} and referent.key.startswith("gov:"):
        return "government"
    return next((kind for kind in KIND_PRIORITY if kind in kinds), "other")


def _described_kind(doc: Doc, referent: _Referent) -> str | None:
    for candidate in referent.candidates:
        root = doc[candidate.start:candidate.end].root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                kind = mentions.head_kind(child)
                if kind in {"media", "government", "group"} and (
                    kind != "group" or candidate.kind != "person"):
                    return kind
    return None


def _description(doc: Doc, referent: _Referent) -> str | None:
    """An appositive or title the article gives ("a newspaper affiliated with ...")."""
    for candidate in referent.candidates:
        if candidate.description:
            return candidate.description
        found = _appositive(doc, candidate)
        if found:
            return found
    return None


def _appositive(doc: Doc, candidate: Candidate) -> str | None:
    root = doc[candidate.start:candidate.end].root
    for child in root.children:
        if child.dep_ == "appos" and not candidate.start <= child.i < candidate.end:
            return _phrase(doc, child)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return _phrase(doc, root.head)
    return None


def _phrase(doc: Doc, token: Token) -> str | None:
    """The words of a describing phrase, without the name it describes."""
    skip = _appos_ids(token)
    if token.dep_ == "appos":
        skip |= {t.i for t in token.head.subtree if t.i < token.left_edge.i}
    kept = [t for t in token.subtree if t.i not in skip]
    text = "".join(t.text_with_ws for t in kept).strip(" ,")
    text = re.sub(r"^(another)\s+", "an ", text, flags=re.I)
    if not 2 <= len(text) <= 160 or "," in text:
        return None
    return text[:1].lower() + text[1:] if not text[:2].isupper() else text


def _appos_ids(token: Token) -> set[int]:
    return {t.i for c in token.children if c.dep_ == "appos" for t in c.subtree}


def _add_relations(document: Document, by_key: dict[str, Actor],
                   candidates: list[Candidate]) -> None:
    """"A newspaper affiliated with the Communist Party": a relation between two actors."""
    doc = document.doc
    key_of_token = {i: c.key for c in candidates for i in range(c.start, c.end)}
    for candidate in candidates:
        source = by_key.get(candidate.key or "")
        if source is None:
            continue
        for words, token in _stated_relations(doc, candidate):
            target = by_key.get(key_of_token.get(token) or "")
            if target is None or target is source or any(
                r.actor == target.id for r in source.relations
            ):
                continue
            sentence = document.sentence_at(doc[token].idx).id
            source.relations.append(Relation(words, target.id, sentence))


def _stated_relations(doc: Doc, candidate: Candidate) -> list[tuple[str, int]]:
    """(relation words, target token) from the candidate's appositive."""
    root = doc[candidate.start:candidate.end].root
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        heads.append(root.head)
    found = []
    for head in heads:
        for token in head.subtree:
            if token.dep_ == "prep" and token.lower_ in RELATION_PREPS:
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    found.append((_relation_words(head, token), objects[0].i))
    return found


def _relation_words(head: Token, prep: Token) -> str:
    """"affiliated with", "leader of", "spokesman for"."""
    governor = prep.head
    if governor.i == head.i:
        return f"{head.lower_} {prep.lower_}"
    return f"{governor.lower_} {prep.lower_}"


def _unique_ids(actors: list[Actor]) -> list[Actor]:
    seen: defaultdict[str, int] = defaultdict(int)
    for actor in actors:
        seen[actor.id] += 1
        if seen[actor.id] > 1:
            actor.id = f"{actor.id}-{seen[actor.id]}"
    return actors

