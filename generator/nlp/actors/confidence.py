"""How sure the extractor is that an actor is a real referent of the kind it was given.

A logistic regression over a few facts about the actor: how often and how it is mentioned
(a name, a description, a bare phrase, pronouns), whether the named-entity tagger agrees
with its kind, whether a word list knows it, its head word's part of speech, whether it acts
or speaks (the subject of a verb of saying or believing), and whether the input had lost its
case. The weights in
``data/actor_confidence.json`` were fitted on PolNeAR *train* by
``tools/train_actor_confidence.py`` against a silver reference (named entities of the original
cased text and the gold attribution sources; see :mod:`generator.evaluation.silver`), and only
feature names and weights are stored. The probability is the actor's ``confidence``; the site
shows actors at or above its threshold.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from generator.lexicon import DEMONYMS, PERSON_DESCRIPTORS, PERSON_SUFFIXES
from generator.nlp.actors import lexicon as lex
from generator.nlp.actors.mentions import SUBJECTS, Candidate, acts
from generator.nlp.actors.names import first_names, singular
from generator.nlp.attribution import BELIEF_VERBS, SPEECH_VERBS
from generator.text.captions import load_verb_forms
from generator.text.truecase import load_model as case_model

DATA_FILE = "actor_confidence.json"
# Entity labels that agree with each kind.
AGREEING_LABELS = {
    "person": {"PERSON"},
    "government": {"ORG", "GPE", "NORP"},
    "organisation": {"ORG", "NORP"},
    "media": {"ORG", "WORK_OF_ART"},
    "group": {"NORP", "ORG"},
    "place": {"GPE", "LOC", "FAC"},
    "other": {"PERSON", "ORG", "NORP", "GPE"},
}

PEOPLE_NOUNS = lex.PERSON_HEADS | lex.ROLE_HEADS | PERSON_DESCRIPTORS | lex.PEOPLES | {
    "landlord", "landlady", "publican", "undergraduate", "representative", "sensei", "family",
    "juror", "youngster", "prisoner", "agent", "foreigner", "villager", "resident"}
BODY_NOUNS = (lex.BODIES | lex.GROUP_HEADS | lex.GOVERNMENT_HEADS | lex.MEDIA_HEADS
              | lex.ANAPHORIC_HEADS | {"office", "association", "institute", "foundation",
                                       "trust", "charity", "society", "federation"})


@dataclass(frozen=True)
class ActorScorer:
    """Logistic-regression weights over feature names."""

    weights: dict[str, float]
    bias: float

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_scorer() -> ActorScorer:
    """The shipped weights (read once per process)."""
    text = resources.files("generator.nlp").joinpath(f"data/{DATA_FILE}").read_text("utf-8")
    table = json.loads(text)
    return ActorScorer(dict(table["weights"]), float(table["bias"]))


def actor_features(doc: Doc, candidates: list[Candidate], kind: str, role: str | None,
                   described: bool, lowercase: bool, sentence_starts: list[int]) -> list[str]:
    """Feature names of one actor (binary features; counts are bucketed).

    ``sentence_starts``: the first token of every sentence, in order.
    """
    words = [c for c in candidates if c.role != "pronoun"]
    sentences = {bisect_right(sentence_starts, c.start) for c in words}
    source = _source(words)
    feats = [
        f"kind={kind}",
        f"input={'lower' if lowercase else 'cased'}",
        f"mentions={_bucket(len(words))}",
        f"sentences={_bucket(len(sentences))}",
        f"source={source}",
        f"kind={kind}&source={source}",
        f"ner={_agreement(doc, words, kind)}",
        f"kind={kind}&ner={_agreement(doc, words, kind)}",
        f"pos={_head_pos(doc, words)}",
        f"tokens={_bucket(max(c.end - c.start for c in words))}",
    ]
    if _thing(doc, words):
        feats += ["thing", f"kind={kind}&thing"]
    if len(words) < len(candidates):
        feats.append("pronouns")
    if role is not None:
        feats.append("role")
    if described:
        feats.append("described")
    if _known(candidates, kind):
        feats.append("lexicon")
    if any(doc[c.start:c.end].root.dep_ in SUBJECTS for c in words):
        feats.append("subject")
    if any(acts(doc[c.start:c.end].root) for c in words):
        feats.append("agent")
    if any(_speaks(doc[c.start:c.end].root) for c in words):
        feats.append("speaks")
    if lowercase:
        feats.append(f"case={_case(doc, words)}")
        feats.append(f"lower&source={source}")
        if _common_word(doc, words):
            feats.append("case=common")
    return feats


def _thing(doc: Doc, words: list[Candidate]) -> bool:
    """No mention is a name and the head noun of the first phrase names no people and no body
    of them ("President Bush's attempt", "embryonic custody disputes", "the video"): a thing
    is rarely an actor, however it acts; a document that speaks for someone ("the report
    said") is the claim's source, not someone a reader meets."""
    if not words or any(c.role == "named" for c in words):
        return False
    return not names_people(doc[words[0].start:words[0].end].root.lower_)


def names_people(word: str) -> bool:
    """A noun for people or a body of them ("investigators", "the panel", "47 percent"); not
    a document, nor a "-ment" noun that only looks like "student" ("statement")."""
    if word in lex.DOCUMENT_HEADS or word.endswith(("ment", "ments")):
        return False
    forms = {word, singular(word), word[:-2] if word.endswith("es") else word}
    if forms & (PEOPLE_NOUNS | BODY_NOUNS) or word == "percent":
        return True
    one = word[:-1] if word.endswith("s") else word
    if one.endswith(("er", "or")) and not one.endswith(("man", "woman")):
        return _agent_noun(one[:-2])
    return len(one) > 5 and word.endswith(PERSON_SUFFIXES)


def _agent_noun(stem: str) -> bool:
    """"teach-er", "investigat-or", "shopp-er": a noun of someone who does what the verb
    says; "fact-or", "pap-er", "flo-or" have no verb in them."""
    verbs = load_verb_forms()
    stems = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
    return len(stem) > 2 and any(
        s + ending in verbs for s in stems for ending in ("s", "es", "ed", "d"))


def _common_word(doc: Doc, words: list[Candidate]) -> bool:
    """On lower-case input: every mention is one word that the case statistics see mostly in
    lower case ("Climbdown", "Kingsize"): its capital, and so the name, is restoration's guess."""
    return bool(words) and all(
        c.end - c.start == 1 and case_model().common(doc[c.start].lower_) for c in words)


def _speaks(root: Token) -> bool:
    """The subject of a verb of saying or believing, or the source after "according to"."""
    head = root.head
    if root.dep_ in SUBJECTS and head.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS:
        return True
    return root.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and (
        root.doc[head.i - 1].lower_ == "according")


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _source(words: list[Candidate]) -> str:
    """How the best mention was found: a tagged name, an untagged name, a phrase, a bare noun."""
    roles = {c.role for c in words}
    if "named" in roles:
        return "name" if any(not (c.key or "").startswith("name:") for c in words
                             if c.role == "named") else "untagged"
    return "phrase" if "nominal" in roles else "bare"


def _agreement(doc: Doc, words: list[Candidate], kind: str) -> str:
    """Whether the entity tagger's labels on the mentions agree with the kind."""
    labels = [doc[c.start:c.end].root.ent_type_ for c in words]
    tagged = [label for label in labels if label]
    if not tagged:
        return "none"
    agree = sum(label in AGREEING_LABELS.get(kind, set()) for label in tagged)
    return "all" if agree == len(tagged) else "some" if agree else "other"


def _head_pos(doc: Doc, words: list[Candidate]) -> str:
    best = min(words, key=lambda c: ("named", "nominal", "bare").index(c.role)
               if c.role in {"named", "nominal", "bare"} else 3)
    pos = doc[best.start:best.end].root.pos_
    return pos if pos in {"PROPN", "NOUN", "ADJ", "NUM"} else "other"


def _known(candidates: list[Candidate], kind: str) -> bool:
    """A word list knows the actor: an alias, a capital, a country, a people, a first name."""
    for c in candidates:
        prefix, _, name = (c.key or "").partition(":")
        words = name.split()
        if not words:
            continue
        if name in lex.ORGANISATION_ALIASES.values() or name in lex.MILITANT_NAMES:
            return True
        if prefix == "gov" and (name in DEMONYMS.values() or name in lex.CAPITALS.values()):
            return True
        if kind == "group" and (words[-1] in lex.PEOPLES or words[-1] in DEMONYMS):
            return True
        if kind == "person" and words[0] in first_names():
            return True
        if c.head in lex.GOVERNMENT_HEADS | lex.GROUP_HEADS | lex.MEDIA_HEADS:
            return True
    return False


def _case(doc: Doc, words: list[Candidate]) -> str:
    """On lower-case input: did case restoration capitalise the mention (a name)?"""
    upper = sum(doc[c.start].text[:1].isupper() for c in words)
    return "upper" if upper == len(words) else "mixed" if upper else "lower"
