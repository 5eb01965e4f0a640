"""Token ranges of an attribution's parts: the shared helpers of every attribution pass.

An attribution is drafted as token ranges (:class:`Draft`) while the passes adjust it and
reported as character offsets into ``doc.text`` (:class:`Attribution`). The helpers here cut a
range to its words, find a cue verb's subject and the source phrase it heads, and measure
ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from generator.lexicon import RELATIVE_PRONOUNS
from generator.nlp.attribution.lexicon import BELIEF_VERBS, LEMMA_FIXES, QUOTE_CHARS, SPEECH_VERBS

# Dashes between words: before a name that signs a quote, after a dateline before a speaker.
DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})

SUBJECT_DEPS = {"nsubj", "csubj"}
# Verbs whose gerund complement has no subject of its own: in "it does not mean rejecting
# the money", "it" does not reject anything.
OPEN_GERUND_HEADS = frozenset({"mean", "involve", "require", "entail", "include", "justify",
                               "warrant", "necessitate", "imply"})


@dataclass(frozen=True)
class Attribution:
    """One attribution; spans are [start, end) character offsets into ``doc.text``."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str  # "direct" | "reported" | "passive"
    sentence: int
    origin: str = "rule"  # the pass that found it (a signal for the confidence model)
    score: float | None = None  # the cue scorer's probability, where it was asked


@dataclass
class Draft:
    """Token-level attribution while passes still adjust it: ranges are [start, end)."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str
    learned: bool = False  # added by the cue scorer, not the hand rules
    origin: str = "rule"
    score: float | None = None


def lemma_of(tok: Token) -> str:
    return LEMMA_FIXES.get(tok.lower_, tok.lemma_)


def is_quote(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS


def trim_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation (quote marks stay), spaces and leading conjunctions."""
    while start < end and (doc[start].is_space or (doc[start].is_punct
                                                    and not is_quote(doc[start]))
                           or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct
                                                      and not is_quote(doc[end - 1]))):
        end -= 1
    return start, _close_bracket(doc, start, end)


def _close_bracket(doc: Doc, start: int, end: int) -> int:
    """Take back the closing bracket of a bracket the span opens ("John Kasich (R-OH)", not
    "John Kasich (R-OH"): trimming end punctuation cut it."""
    words = [t.text for t in doc[start:end]]
    opened = sum(w in {"(", "["} for w in words) - sum(w in {")", "]"} for w in words)
    return end + 1 if opened > 0 and end < len(doc) and doc[end].text in {")", "]"} else end


def balance_quotes(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a lone quote mark at an edge when the span holds an odd number of them."""
    marks = [i for i in range(start, end) if is_quote(doc[i])]
    if len(marks) % 2 == 1:
        if end < len(doc) and is_quote(doc[end]) and marks[-1] != end - 1:
            end += 1
        elif marks[-1] == end - 1:
            end -= 1
        elif marks[0] == start:
            start += 1
    return start, end


def take_open_quote(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Start at the opening mark just before a content that closes a quote it never opened
    ("expects ' fewer cases ' of that": the parser hangs the opening mark on the verb)."""
    marks = [i for i in range(start, end) if is_quote(doc[i])]
    if start > 0 and is_quote(doc[start - 1]) and len(marks) % 2 == 1 and marks[0] > start:
        return start - 1, end
    return start, end


def subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def to_chars(doc: Doc, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    if rng is None or rng[0] >= rng[1]:
        return None
    return doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)


def subject_of(verb: Token, deps: set[str]) -> Token | None:
    """The subject child, climbing through conjoined/adverbial/participial heads: "after
    saying X, the man ..." (a participle in a prepositional phrase) and "emails showing that
    X" (a participle on a noun: the noun) included."""
    tok = verb
    for _ in range(4):
        found = [child for child in tok.children if child.dep_ in deps]
        if found:
            return _nearest_subject(found)
        if tok.dep_ not in {"conj", "advcl", "xcomp", "acl", "relcl", "pcomp", "acomp"} \
                or tok.head.i == tok.i:
            return None
        if tok.dep_ == "xcomp" and tok.tag_ == "VBG" and lemma_of(tok.head) in OPEN_GERUND_HEADS:
            return None
        if tok.dep_ in {"acl", "relcl"}:
            return tok.head if tok.dep_ == "relcl" or tok.tag_ == "VBG" else None
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            tok = tok.head  # "after saying ...": on to the verb the phrase modifies
        tok = _past_reported_clause(verb, tok)
        deps = SUBJECT_DEPS
    return None


def _nearest_subject(found: list[Token]) -> Token:
    """Of two subjects that punctuation parts, the one next to the verb: "(AP) — Donald Trump
    says", "in Berea, OH, after winning Ohio ..., Gov. John Kasich said" (a dateline or place
    the parser took for a second subject); else the first ("Anybody who listened to it
    knows", a person: "Judge Philip Head, sentencing, said")."""
    first, last = found[0], found[-1]
    between = first.doc[first.i + 1:last.left_edge.i]
    parted = any(t.text in DASHES or t.text in {")", ":", ","} for t in between) \
        and not any(is_quote(t) for t in between)  # 'X, star of "Scandal," thanked'
    named = last.pos_ in {"PROPN", "NOUN", "PRON"} and last.tag_ != "VBG"
    person = any(t.ent_type_ == "PERSON" for t in first.subtree)  # "Judge Philip Head, ..."
    return last if parted and named and not person and last.i < last.head.i else first


def _past_reported_clause(verb: Token, tok: Token) -> Token:
    """The next head to look for a subject in. A verb of saying that the parser hung inside
    what someone said continues that speaker's sentence ("X said the ruling would cost
    millions, adding: ..." is X adding, not the ruling): past the reported clause to the
    verb that reports it."""
    head = tok.head
    if tok.dep_ in {"conj", "advcl"} and head.dep_ == "ccomp" and lemma_of(verb) in SPEECH_VERBS \
            and lemma_of(head.head) in SPEECH_VERBS | BELIEF_VERBS:
        return head.head
    return head


def _relative_source(doc: Doc, pronoun: Token) -> tuple[int, int]:
    """'Weaver, who endorsed ...': the noun through the pronoun (PolNeAR marks the pronoun;
    the noun names the actor)."""
    noun = pronoun.head.head
    start = noun.left_edge.i if noun.i < pronoun.i else pronoun.i
    if pronoun.i - start > 12:
        start = noun.i if noun.i < pronoun.i else pronoun.i
    return start, pronoun.i + 1


def _after_dateline(doc: Doc, start: int, head: int) -> int:
    """Start after a dash before the subject's head: "RENO, Nev. (AP) — Republican hopeful
    Donald Trump says" has the dateline in the subject's subtree; the speaker is Trump."""
    dashes = [i for i in range(start, head) if doc[i].text in DASHES
              and (doc[i].text != "-" or doc[i].whitespace_)]
    return dashes[-1] + 1 if dashes else start


def source_range(doc: Doc, subj: Token | None, avoid: tuple[int, int]) -> tuple[int, int] | None:
    """The subject phrase, cut before it runs into the cue or content."""
    if subj is None:
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        return _relative_source(doc, subj)
    start, end = subtree_range(subj)
    for child in subj.children:
        if child.dep_ in {"relcl", "acl"} and child.i > subj.i:
            end = min(end, child.left_edge.i)
    if start < avoid[1] and end > avoid[0]:
        end = min(end, avoid[0]) if start < avoid[0] else subj.i + 1
        start = min(start, subj.i)
    start = _after_dateline(doc, start, subj.i)
    start, end = trim_range(doc, start, end)
    start, end = balance_quotes(doc, start, end)
    return (start, end) if start < end else None


def inside_quote(doc: Doc, start: int, i: int) -> bool:
    return sum(1 for t in doc[start:i] if t.text in {'"', "\u201c", "\u201d"}) % 2 == 1


def cue_range(verb: Token) -> tuple[int, int]:
    """The cue verb with its auxiliaries/negation/particle ("have claimed", "pointed out")."""
    start, end = verb.i, verb.i + 1
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass", "neg"} and child.i < verb.i and verb.i - child.i <= 3:
            start = min(start, child.i)
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end


def is_purpose_clause(verb: Token) -> bool:
    """'failed to provide details to back up their claims': a purpose infinitive, no cue."""
    return verb.dep_ in {"advcl", "acl", "relcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and (verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def count_words(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha)


def has_words(doc: Doc, start: int, end: int, wanted: int) -> bool:
    """``count_words(...) >= wanted``, stopping as soon as it is known (a span may be long)."""
    count = 0
    for i in range(start, end):
        count += doc[i].is_alpha
        if count >= wanted:
            return True
    return wanted <= 0
