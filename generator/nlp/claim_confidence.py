"""How sure we are of each claim: a calibrated probability that the attribution is right.

"Right" is what PolNeAR would count: the content matches an annotated content (half the words
of the larger one in common) and the source shares a word with the annotated source (or both
are absent; an unattributed quote, shown as such, names no wrong speaker). Five logistic
regressions over signals of the parse and of the pass that found the claim, each fitted on
four fifths of PolNeAR *train* and calibrated by an isotonic map on the other fifth, each
give a probability; the claim's confidence is their mean (among claims given 0.8, about 80%
are right). ``tools/train_claim_confidence.py`` fits them;
``data/claim_confidence.json`` holds feature names, weights and calibration points, no corpus
text.

Claims under ``keep`` are not listed at all (mostly fragments and misreadings); the site's
threshold (``extra.explainer.threshold`` in ``mkdocs.yml``) decides which of the rest are shown.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from generator.lexicon import RELATIVE_PRONOUNS
from generator.nlp.actors.confidence import names_people
from generator.nlp.attribution import Attribution
from generator.nlp.attribution.lexicon import (
    BELIEF_VERBS,
    FIRST_SECOND_PERSON,
    OBJECT_VERBS,
    QUOTE_CHARS,
    SPEECH_VERBS,
)
from generator.nlp.attribution.spans import lemma_of

DATA_FILE = "claim_confidence.json"


@dataclass(frozen=True)
class Member:
    """One logistic regression with the isotonic map that calibrates it."""

    weights: dict[str, float]
    bias: float
    xs: tuple[float, ...]  # raw scores, increasing
    ys: tuple[float, ...]  # calibrated probabilities at those scores, non-decreasing

    def raw(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probability(self, features: list[str]) -> float:
        return calibrate(self.raw(features), self.xs, self.ys)


@dataclass(frozen=True)
class ConfidenceModel:
    """Calibrated members (their mean is the confidence) and the listing floor."""

    members: tuple[Member, ...]
    keep: float = 0.0

    def probability(self, features: list[str]) -> float:
        if not self.members:
            return 1.0
        return sum(m.probability(features) for m in self.members) / len(self.members)


def calibrate(score: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    if not xs:
        return score
    k = bisect_right(xs, score)
    if k == 0:
        return ys[0]
    if k == len(xs):
        return ys[-1]
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1


@cache
def load_confidence() -> ConfidenceModel:
    """The shipped model (read once; immutable)."""
    text = resources.files("generator.nlp").joinpath("data", DATA_FILE).read_text("utf-8")
    data = json.loads(text)
    members = tuple(Member(m["weights"], m["bias"], tuple(m["xs"]), tuple(m["ys"]))
                    for m in data["members"])
    return ConfidenceModel(members, data.get("keep", 0.0))


def _span(doc: Doc, chars: tuple[int, int] | None) -> Span | None:
    return None if chars is None else doc.char_span(*chars, alignment_mode="expand")


def _band(n: int, tops: tuple[int, ...] = (1, 2, 4, 8, 16, 32)) -> str:
    return next((str(t) for t in tops if n <= t), "more")


def _cue_head(cue: Span | None) -> Token | None:
    if cue is None:
        return None
    words = [t for t in cue if t.pos_ in {"VERB", "NOUN", "ADJ", "PROPN"}]
    return words[-1] if words else cue.root


def _lexicon_class(lemma: str) -> str:
    for name, words in (("speech", SPEECH_VERBS), ("belief", BELIEF_VERBS),
                        ("object", OBJECT_VERBS)):
        if lemma in words:
            return name
    return "other"


def _source_class(source: Span | None) -> str:
    if source is None:
        return "none"
    root = source.root
    if root.lower_ in FIRST_SECOND_PERSON:
        return "1p2p"
    if root.lower_ in RELATIVE_PRONOUNS or source[-1].lower_ in RELATIVE_PRONOUNS:
        return "rel"
    if root.pos_ == "PRON":
        return "pron"
    if root.ent_type_:
        return "ent_" + root.ent_type_
    return root.pos_.lower()


def _first_word(content: Span) -> str:
    first = content[0]
    if first.text in QUOTE_CHARS:
        return "quote"
    if first.lower_ in {"that", "to", "whether", "if", "how", "why", "what", "when"}:
        return first.lower_
    return first.pos_


def _quote_shape(content: Span) -> str:
    marks = sum(1 for t in content if t.text in QUOTE_CHARS)
    if marks == 0:
        return "none"
    whole = content[0].text in QUOTE_CHARS and content[-1].text in QUOTE_CHARS
    return "whole" if whole else ("even" if marks % 2 == 0 else "odd")


def _position(cue: Span | None, content: Span) -> str:
    if cue is None:
        return "nocue"
    if cue.end <= content.start:
        return "before" if content.start - cue.end <= 2 else "before_far"
    if cue.start >= content.end:
        return "after" if cue.start - content.end <= 2 else "after_far"
    return "inside"


def claim_features(doc: Doc, found: Attribution, others: list[Attribution],
                   lowercase: bool) -> list[str]:
    """Sparse signals of one claim: how it was found, its cue, source and content."""
    content = _span(doc, found.content)
    if content is None or len(content) == 0:
        return ["empty"]
    cue, source = _span(doc, found.cue), _span(doc, found.source)
    head = _cue_head(cue)
    lemma = lemma_of(head).lower() if head is not None else "-"
    words = sum(1 for t in content if t.is_alpha)
    sent = content[0].sent
    score = found.score
    cls = _lexicon_class(lemma)
    feats = [
        f"o={found.origin}", f"k={found.kind}", f"o|k={found.origin}|{found.kind}",
        f"cl={lemma}", f"cc={cls}", f"o|cc={found.origin}|{cls}",
        f"cp={head.pos_ if head is not None else '-'}",
        f"cd={head.dep_ if head is not None else '-'}",
        f"s={_source_class(source)}", f"o|s={found.origin}|{_source_class(source)}",
        f"len={_band(words)}", f"k|len={found.kind}|{_band(words)}",
        f"first={_first_word(content)}", f"q={_quote_shape(content)}",
        f"pos={_position(cue, content)}", f"k|pos={found.kind}|{_position(cue, content)}",
        f"lower={lowercase}",
        f"sc={'-' if score is None else min(9, int(score * 10))}",
        f"o|sc={found.origin}|{'-' if score is None else min(4, int(score * 5))}",
    ]
    if content.end > sent.end:
        feats.append("crosses")
    tail = [t for t in doc[content.end:sent.end] if not t.is_punct and not t.is_space]
    feats.append(f"rest={_band(len(tail), (0, 2, 5, 10))}")
    if content.start > sent.start and found.kind != "direct":
        feats.append(f"before={_band(content.start - sent.start, (1, 3, 8))}")
    if head is not None and any(c.dep_ == "neg" for c in head.children):
        feats.append("neg")
    nested = sum(1 for o in others if o is not found and o.cue is not None
                 and found.content[0] <= o.cue[0] < found.content[1])
    inside = sum(1 for o in others if o is not found and found.cue is not None
                 and o.content[0] <= found.cue[0] < o.content[1])
    within_other = any(o is not found and o.content[0] <= found.content[0]
                       and found.content[1] <= o.content[1] for o in others)
    holds_other = any(o is not found and found.content[0] <= o.content[0]
                      and o.content[1] <= found.content[1] for o in others)
    feats += [f"inother={within_other}", f"hasother={holds_other}"]
    feats.append(f"holds={min(nested, 2)}")
    feats.append(f"within={min(inside, 2)}")
    same = sum(1 for o in others if o.sentence == found.sentence)
    feats.append(f"insent={min(same, 4)}")
    return feats + _shape_features(doc, content, cue, source, head) + \
        _source_features(doc, source, cue, head)


EDGE_WORDS = frozenset({"and", "but", "or", "because", "as", "while", "although", "though",
                        "after", "before", "when", "if", "that", "which", "who", "according",
                        "saying", "adding", "in", "on", "at", "for", "with", "to", "of",
                        "than", "so", "since", "until", "despite", "including"})


def _edge_word(doc: Doc, i: int, sent: Span, step: int = 1) -> str:
    """The word just outside a content's edge: a function word or punctuation by itself (they
    tell whether the annotators would have gone on), else its part of speech."""
    while sent.start <= i < sent.end and doc[i].is_space:
        i += step
    if not sent.start <= i < sent.end:
        return "edge"
    tok = doc[i]
    if tok.is_punct or tok.lower_ in EDGE_WORDS:
        return tok.lower_
    return tok.pos_


def _shape_features(doc: Doc, content: Span, cue: Span | None, source: Span | None,
                    head: Token | None) -> list[str]:
    """Where the content's edges fall against the parse and the sentence's quotes."""
    sent = content[0].sent
    root = content.root
    last = content[-1]
    outside = any(t.text in QUOTE_CHARS for t in sent
                  if not content.start <= t.i < content.end)
    end = "quote" if last.text in QUOTE_CHARS else ("punct" if last.is_punct else "word")
    feats = [f"cr={root.pos_}|{root.dep_}", f"ctag={head.tag_ if head is not None else '-'}",
             f"end={end}", f"qout={outside}"]
    feats += [f"next={_edge_word(doc, content.end, sent)}",
              f"prev={_edge_word(doc, content.start - 1, sent, -1)}"]
    share = len(content) / max(1, len(sent))
    feats.append(f"share={min(4, int(share * 4))}")
    if any("\n" in t.text or "\n" in t.whitespace_ for t in content[:-1]):
        feats.append("para")
    following = doc[sent.end] if sent.end < len(doc) else None
    if following is not None and following.text in QUOTE_CHARS:
        feats.append("nextq")
    if source is not None:
        feats.append(f"slen={_band(len(source), (1, 2, 4, 8))}")
    if cue is not None:
        gap = content.start - cue.end if cue.end <= content.start else cue.start - content.end
        feats.append(f"gap={_band(max(gap, 0), (0, 1, 3, 8))}")
    return feats


def _source_features(doc: Doc, source: Span | None, cue: Span | None,
                     head: Token | None) -> list[str]:
    """How much the speaker looks like one: a thing ("a statement", "The concert"), a word
    inside a quote, far from its cue or no argument of it; the claim may be right in its words
    and still wrong in whose they are (out of fold on train: log loss 0.438 -> 0.433)."""
    if source is None:
        return []
    root = source.root
    kind = ("pron" if root.pos_ == "PRON" else "name" if root.pos_ == "PROPN" or root.ent_type_
            else "people" if names_people(root.lower_) else "thing")
    feats = [f"sk={kind}"]
    if head is not None and cue is not None:
        rel = ("subj" if root.head == head and root.dep_.startswith("nsubj")
               else "child" if root.head == head
               else "same" if root.sent == head.sent else "other")
        gap = min(abs(source.end - cue.start), abs(cue.end - source.start))
        feats += [f"srel={rel}|{kind}", f"sgap={_band(gap, (0, 1, 3, 8, 16))}"]
    before = doc[source[0].sent.start:source.start]
    feats.append(f"sq={sum(1 for t in before if t.text in QUOTE_CHARS) % 2}")
    return feats
