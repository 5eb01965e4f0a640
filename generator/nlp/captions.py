"""Photo captions fused into a body line with no punctuation, found on the parse and split off.

News pages scraped to text often run a caption into the sentence beside it: "A Muslim Uighur
man passes part of the old city of Kashgar attacks blamed on Uighurs have also occurred ...".
The parse shows the seam: a finite verb with no subject of its own ("have occurred") whose
subject the parser swallowed into the clause before it ("Kashgar attacks"), or a clause that
starts with no connective after a complete one. Where the seam cuts a name from the noun after
it ("Kashgar | attacks"), the name stays with the clause before, which needs it as its object.

A seam is only cut when both pieces, parsed alone, are sentences (or captions by their
words) and one of them reads as a caption: its own words say so
(:func:`generator.text.roles.line_role`), or it describes a picture in the present simple
("a man passes ...", "Gomis is put through his exercises"). Two body clauses run together are
left as they are: cutting them is a guess about prose, not about captions.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from generator.nlp.attribution import BELIEF_VERBS, SPEECH_VERBS
from generator.text.roles import line_role

if TYPE_CHECKING:
    from generator.nlp.pipeline import Document

FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}
PRESENT_TAGS = {"VBZ", "VBP"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
# Clauses that hang off another by design: no seam before them.
EMBEDDED_DEPS = {"relcl", "xcomp", "csubj", "pcomp", "acl", "aux", "auxpass"}
# Words a clause cannot end on: it still needs what follows.
OPEN_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "ADJ", "VERB", "AUX", "PRON"}
CONNECTIVE_TAGS = {"WDT", "WP", "WP$", "WRB", "IN", "TO", "CC"}
LINKING_ADVERBS = {"however", "meanwhile", "therefore", "thus", "hence", "moreover", "instead",
                   "otherwise", "so", "then", "also"}
# What a sentence can start with.
SENTENCE_STARTS = {"DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ", "ADV", "ADP", "SCONJ"}
MIN_WORDS = 3  # each piece of a cut line has at least this many words
STATIVE = {"be", "have", "seem", "remain", "mean", "need", "want", "know", "like", "own"}


def split_fused(nlp: Language, document: Document
                ) -> list[tuple[tuple[int, int], str | None]] | None:
    """Every sentence as (input span, role) with fused captions cut off; None if none were.

    The pieces beside every seam are parsed on their own, in one batch (no entities needed):
    inside the fused line the parser may have taken a caption's verb for a noun ("a
    fisherman walks | along ...").
    """
    found: dict[int, tuple[SpacySpan, list[int]]] = {}
    for k, (sentence, start) in enumerate(zip(document.sentences, document.starts,
                                              strict=True)):
        if sentence.role not in {None, "caption"}:
            continue
        sent = document.doc.char_span(start, start + len(sentence.text), alignment_mode="expand")
        seams = sorted(set(_seams(sent))) if sent is not None else []
        if seams:
            found[k] = (sent, seams)
    if not found:
        return None
    texts = [sent.doc[a:b].text for sent, seams in found.values()
             for a, b in pairwise([sent.start, *seams, sent.end])]
    parsed = iter(nlp.pipe(texts, disable=["ner"]))
    out: list[tuple[tuple[int, int], str | None]] = []
    changed = False
    for k, sentence in enumerate(document.sentences):
        pieces = None
        if k in found:
            sent, seams = found[k]
            pieces = _pieces(document, sent, seams, [next(parsed) for _ in range(len(seams) + 1)])
        if pieces is None:
            out.append((sentence.span, sentence.role))
            continue
        changed = True
        out.extend(pieces)
    return out if changed else None


def _pieces(document: Document, sent: SpacySpan, seams: list[int], parsed: list[Doc]
            ) -> list[tuple[tuple[int, int], str | None]] | None:
    """The sentence cut at its caption seams, as input spans with roles; None when uncut.

    ``parsed``: each piece between two seams, parsed on its own.
    """
    bounds = [sent.start, *seams, sent.end]
    prose = not document.form.tokenized
    roles = [_role(piece, full_stop=prose and b == sent.end)
             for piece, (a, b) in zip(parsed, pairwise(bounds), strict=True)]
    whole = [role is not None or _complete(piece) for piece, role in zip(parsed, roles,
                                                                            strict=True)]
    kept, kept_roles = [sent.start], [roles[0]]
    for i, seam in enumerate(seams):
        if whole[i] and whole[i + 1] and (roles[i] is not None or roles[i + 1] is not None):
            kept.append(seam)
            kept_roles.append(roles[i + 1])
    if len(kept) == 1:
        return None
    kept.append(sent.end)
    result = []
    for (a, b), role in zip(pairwise(kept), kept_roles, strict=True):
        ref = document.ref(sent.doc[a].idx, sent.doc[b - 1].idx + len(sent.doc[b - 1]))
        if ref is None:
            return None
        result.append((ref.span, role))
    return result


def _seams(sent: SpacySpan) -> list[int]:
    """Token indexes where a second sentence starts with no punctuation or connective."""
    found = []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or not _finite(verb):
            continue
        seams = [_before_clause(child) for child in verb.children
                 if child.i < verb.i and _bare_clause(child)]
        if verb.dep_ not in EMBEDDED_DEPS:
            if _has_subject(verb) and verb.dep_ in {"conj", "dep", "parataxis", "ROOT"}:
                seams.append(_clause_start(verb))
            seams.append(_swallowed_subject(sent, verb))
        found.extend(seam for seam in seams if seam is not None and _cuttable(sent, seam))
    return found


def _bare_clause(child: Token) -> bool:
    """A finite clause with its own subject hung before the main verb with no connective
    ("Soumbadze has been affiliated with the studio | Two days later he fled")."""
    if child.pos_ not in {"VERB", "AUX"} or child.dep_ not in {
            "ccomp", "advcl", "dep", "parataxis", "conj", "csubj"}:
        return False
    if not (_finite(child) and _has_subject(child)):
        return False
    if any(c.dep_ in {"mark", "cc"} for c in child.children):
        return False
    return child.left_edge.tag_ not in CONNECTIVE_TAGS


def _before_clause(child: Token) -> int:
    return child.right_edge.i + 1


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _group_start(verb: Token) -> int:
    """The first word of the verb group: "have also occurred"."""
    return min([c.i for c in verb.children if c.i < verb.i and c.dep_ in {
        "aux", "auxpass", "neg", "advmod"} and c.i >= verb.i - 3] + [verb.i])


def _clause_start(verb: Token) -> int:
    """The first token of the verb's clause: its subject, fronted words and auxiliaries."""
    left = [c for c in verb.children if c.i < verb.i and c.dep_ != "punct"]
    return min(c.left_edge.i for c in left) if left else verb.i


def _swallowed_subject(sent: SpacySpan, verb: Token) -> int | None:
    """Where the verb's true subject starts when the parser hung it on the clause before ("the
    old city of Kashgar attacks | have occurred", "a fisherman walks along the harbour of
    Portsmouth storms | have damaged"): the innermost noun phrase that ends right before the
    verb and leaves a complete clause in front of it. A complement clause that ends at its
    verb keeps its subject ("... what a brilliant place the internet is")."""
    group = _group_start(verb)
    if group <= sent.start:
        return None
    token = sent.doc[group - 1]
    embedded = verb.dep_ in {"ccomp", "advcl"} and not any(
        c.i > verb.i and not c.is_punct for c in verb.children)
    while token.i >= sent.start:
        if token.pos_ in {"NOUN", "PROPN", "NUM"} and token.right_edge.i == group - 1 and not (
                embedded and token.head.i == verb.i and token.dep_ in SUBJECT_DEPS):
            start = _subject_start(sent, token)
            if start is not None:
                return start
        if token.head.i == token.i or token.head.right_edge.i != group - 1:
            return None
        token = token.head
    return None


def _subject_start(sent: SpacySpan, head: Token) -> int | None:
    """The phrase itself when the words before it end a clause; else the part after a name
    that the words before need as their object ("city of Kashgar | attacks")."""
    left = head.left_edge.i
    if left > sent.start and _ends_clause(sent.doc[left - 1]):
        return left
    if left <= sent.start or sent.doc[left - 1].pos_ != "ADP":
        return None
    for i in range(left + 1, head.i + 1):
        before, token = sent.doc[i - 1], sent.doc[i]
        if before.pos_ != "PROPN":
            return None
        if token.pos_ != "PROPN" or (token.ent_iob_ == "B" and before.ent_type_):
            return i
    return None


def _ends_clause(token: Token) -> bool:
    return not token.is_punct and token.pos_ not in OPEN_POS and (
        token.tag_ not in CONNECTIVE_TAGS and token.lower_ not in LINKING_ADVERBS)


def _cuttable(sent: SpacySpan, seam: int) -> bool:
    """Both sides are long enough, no punctuation or connective already joins them, and the
    cut splits no name ("May | 2013") and no possessive ("Sydney | 's")."""
    if seam - sent.start < MIN_WORDS or sent.end - seam < MIN_WORDS:
        return False
    before = sent.doc[seam - 1]
    first = sent.doc[seam]
    if first.ent_iob_ == "I" or first.tag_ == "POS" or first.pos_ not in SENTENCE_STARTS:
        return False
    return _ends_clause(before) and first.tag_ not in CONNECTIVE_TAGS


def _complete(piece: Doc) -> bool:
    """The piece, parsed alone, is a sentence: a finite main verb with a subject of its own."""
    for token in piece:
        if token.dep_ == "ROOT" and token.pos_ in {"VERB", "AUX"} and _finite(token):
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            return bool(subjects) and subjects[0].tag_ not in {"WDT", "WP"}
    return False


def _role(part: SpacySpan | Doc, full_stop: bool) -> str | None:
    """A piece's role: from its words, or a picture described in the present tense.

    ``full_stop``: the piece ends the sentence of cased prose with its own full stop.
    """
    words = [t.lower_ for t in part]
    quoted = any(t.is_quote for t in part)
    role = line_role(words, quoted, full_stop)
    if role is not None or quoted or full_stop:
        return role
    return "caption" if _describes_picture(part) else None


def _describes_picture(part: SpacySpan) -> bool:
    """"A man passes the old city", "Gomis is put through his exercises": the piece's main verb
    is in the present simple, acts (not "is", "has", "says") and has a noun for a subject."""
    verbs = [t for t in part if t.pos_ in {"VERB", "AUX"} and t.dep_ == "ROOT" and _finite(t)]
    if not verbs:
        return False
    verb = verbs[0]
    tense = [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass"}]]
    if any(t.tag_ in {"VBD", "MD"} or t.lower_ in {"has", "have"} for t in tense):
        return False
    if not any(t.tag_ in PRESENT_TAGS for t in tense):
        return False
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "is set to peak", "are expected to": what will happen, not a picture
    lemma = verb.lemma_.lower()
    if lemma in STATIVE or lemma in SPEECH_VERBS or lemma in BELIEF_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and subjects[0].pos_ in {"NOUN", "PROPN"}
