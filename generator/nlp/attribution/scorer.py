"""Learned cue scorer: is this verb, with the content its frame gives, an attribution cue?

The hand lexicon covers the frequent cue verbs; PolNeAR also annotates a long tail of stance
and action verbs ("ridiculed X", "spoke favorably of X", "has long admired X"), and some
lexicon verbs are cues only in some frames ("showed the poll" vs "polls show that ...").
A logistic regression over a few parse features scores each candidate; the weights in
``data/attribution_prior.json`` were fitted on PolNeAR *train* by
``tools/train_attribution_scorer.py`` (only feature names and weights are stored, no
corpus text). A non-lexicon candidate becomes a cue above ``add``; a lexicon cue is dropped
below ``block``; a noun or adjective cue ("criticism of X", "confident that X") is kept above
``nominal``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from generator.lexicon import RELATIVE_PRONOUNS
from generator.nlp.attribution.lexicon import FIRST_SECOND_PERSON

DATA_FILE = "attribution_prior.json"
CLAUSE_FRAMES = ("ccomp", "xcomp")


@dataclass(frozen=True)
class CueScorer:
    """Logistic-regression weights and the two decision thresholds."""

    weights: dict[str, float]
    bias: float
    add: float
    block: float
    nominal: float = 2.0  # noun/adjective cues: off unless the weights file sets it

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cue_frame(verb: Token) -> tuple[str, Token] | None:
    """How ``verb`` takes its content: (frame name, the dependent that carries it).

    Frames, in order of preference: a right-hand clausal complement ("ccomp", also an
    if/whether clause), an infinitive or small clause ("xcomp"), a direct object ("dobj"), a
    prepositional phrase ("prep_of", "prep_about", ...).
    """
    for child in verb.rights:
        if child.dep_ == "ccomp" or (child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in child.children)):
            return "ccomp", child
    for child in verb.rights:
        if child.dep_ == "xcomp":
            return "xcomp", child
    for child in verb.rights:
        if child.dep_ in {"dobj", "obj"}:
            return "dobj", child
    for child in verb.rights:
        if child.dep_ == "prep" and any(c.dep_ in {"pobj", "pcomp"} for c in child.children):
            return f"prep_{child.lower_}", child
    return None


def _subject_class(subj: Token | None) -> str:
    if subj is None:
        return "none"
    if subj.lower_ in FIRST_SECOND_PERSON:
        return "1p2p"
    if subj.lower_ in RELATIVE_PRONOUNS:
        return "rel"
    if subj.pos_ == "PRON":
        return "pron"
    if any(c.like_num or c.lower_ in {"percent", "%"} for c in subj.subtree):
        return "num"
    return subj.pos_.lower()


def _length_band(n: int) -> str:
    return next(b for b, top in (("1", 1), ("3", 3), ("7", 7), ("15", 15), ("long", 10**9))
                if n <= top)


def _in_quote(verb: Token) -> bool:
    sent = verb.sent
    marks = sum(1 for t in sent.doc[sent.start:verb.i] if t.text in {'"', "\u201c", "\u201d"})
    return marks % 2 == 1


def cue_features(verb: Token, lemma: str, frame: str, dep: Token, subj: Token | None,
                 content_len: int, lexical: bool) -> list[str]:
    """Sparse binary features of one candidate (feature names only, no weights)."""
    subj_class = _subject_class(subj)
    marks = [c.lower_ for c in dep.children if c.dep_ == "mark"]
    feats = [f"k={lemma} {frame}", f"l={lemma}", f"f={frame}", f"dep={verb.dep_}",
             f"tag={verb.tag_}", f"subj={subj_class}", f"f|subj={frame}|{subj_class}",
             f"len={_length_band(content_len)}", f"f|len={frame}|{_length_band(content_len)}",
             f"lex={lexical}", f"f|lex={frame}|{lexical}", f"dpos={dep.pos_}",
             f"mark={marks[0] if marks else '-'}"]
    if any(c.dep_ == "neg" for c in verb.children):
        feats.append("neg")
    if _in_quote(verb):
        feats.append("inquote")
    if verb.head.i != verb.i:
        feats.append(f"head={verb.head.pos_}|{verb.dep_}")
    return feats



@cache
def load_scorer() -> CueScorer:
    """The shipped weights (read once; immutable)."""
    text = resources.files("generator.nlp").joinpath("data", DATA_FILE).read_text("utf-8")
    data = json.loads(text)
    return CueScorer(data["weights"], data["bias"], data["add"], data["block"],
                     data.get("nominal", 2.0))


NOMINAL_PREPS = frozenset({"of", "about", "on", "for", "against", "over", "with", "toward",
                           "towards", "to", "in", "at", "regarding"})


def nominal_frame(word: Token) -> tuple[str, Token] | None:
    """How a noun or adjective takes a content: a that-clause ("his claim that X", "confident
    that X") or a prepositional phrase ("criticism of X", "skeptical about X")."""
    for child in word.rights:
        if child.dep_ in {"acl", "ccomp", "appos"} and any(
                c.dep_ == "mark" and c.lower_ in {"that", "if", "whether"}
                for c in child.children):
            return "that", child
        if word.pos_ == "ADJ" and child.dep_ in {"ccomp", "xcomp"}:
            return child.dep_, child
    heads = [word]
    if word.pos_ == "ADJ" and word.dep_ == "acomp":
        heads.append(word.head)  # "are concerned | about X": the parser hangs it on the copula
    for head in heads:
        for child in head.rights:
            if child.i > word.i and child.dep_ == "prep" and child.lower_ in NOMINAL_PREPS \
                    and any(c.dep_ in {"pobj", "pcomp"} for c in child.children):
                return f"prep_{child.lower_}", child
    return None


def nominal_features(word: Token, lemma: str, frame: str, dep: Token, source: str,
                     content_len: int) -> list[str]:
    """Features of a noun/adjective candidate, kept apart from the verb features by a
    part-of-speech prefix (a noun "support for" is not the verb "support")."""
    pos = "A" if word.pos_ == "ADJ" else "N"
    band = _length_band(content_len)
    feats = [f"{pos}k={lemma} {frame}", f"{pos}l={lemma}", f"{pos}f={frame}",
             f"{pos}dep={word.dep_}", f"{pos}src={source}", f"{pos}f|src={frame}|{source}",
             f"{pos}len={band}", f"{pos}f|len={frame}|{band}", f"{pos}dpos={dep.pos_}",
             f"{pos}tag={word.tag_}"]
    if word.head.i != word.i:
        feats.append(f"{pos}hpos={word.head.pos_}|{word.dep_}")
    if _in_quote(word):
        feats.append(f"{pos}inquote")
    return feats


def source_class(tok: Token | None) -> str:
    """The subject class used as a feature (public for the nominal candidates)."""
    return _subject_class(tok)
