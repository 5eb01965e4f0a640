"""Attribution extraction: who (source) said or thought (cue) what (content).

Rule-based on the spaCy dependency parse, in three passes:

1. reported speech: a cue verb from the lexicon and the dependency child that carries its content
   (clausal complement, infinitive, object plus prepositional tail), its subject as source;
   "according to X"; passive cues without a speaker ("attacks blamed on ...", "it is claimed");
   "expressed concerns about X"; finite stance verbs ("endorsed X"); "X seemed to Y" (no source);
   headline "Name: text"; other verbs with a content frame when the learned cue scorer
   (``generator.nlp.attribution_prior``) accepts them, and lexicon cues unless it rejects them;
2. direct quotes (``generator.nlp.attribution_quotes``): a quote that already overlaps a reported
   content widens that content; a free-standing quote takes the speaker from a cue verb outside
   the quote in its own sentence(s), else from the sentence just before when that one ends with
   a colon ("X said:"), else continues the direct quote of the sentence just before it; otherwise
   its source stays None (never a guessed speaker);
3. clean-up: near-duplicate contents are merged.

Offsets are character offsets into ``doc.text``; pronoun sources are kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from generator.nlp.attribution_lexicon import (
    ALL_CUE_VERBS,
    BELIEF_VERBS,
    FIRST_SECOND_PERSON,
    LEMMA_FIXES,
    OBJECT_VERBS,
    PASSIVE_VERBS,
    QUOTE_CHARS,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    STANCE_NOUNS,
    STANCE_VERBS,
)
from generator.nlp.attribution_prior import (
    CLAUSE_FRAMES,
    CueScorer,
    cue_features,
    cue_frame,
    load_scorer,
    nominal_features,
    nominal_frame,
    source_class,
)
from generator.nlp.attribution_quotes import Quote, find_quotes
from generator.nlp.docs import sentence_index

REPORTED_CUES = (SPEECH_VERBS | BELIEF_VERBS | OBJECT_VERBS) - QUOTE_ONLY_VERBS
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
NOMINAL_POS = {"NOUN", "ADJ"}
TAIL_DEPS = {"dobj", "prep", "dative", "oprd", "ccomp", "xcomp", "advcl", "attr", "acomp",
             "npadvmod", "pobj", "obj", "iobj", "dep"}
TAIL_PREPS = {"for", "as", "of", "on", "to", "about", "against", "over", "into", "that"}
PREP_CUES = {
    "call": {"for", "on"}, "warn": {"of", "about", "against"}, "complain": {"about", "of"},
    "argue": {"for", "against"}, "insist": {"on"}, "comment": {"on"}, "rail": {"against"},
    "caution": {"against"}, "push": {"for"}, "speak": {"about", "of", "against"},
    "talk": {"about"}, "hope": {"for"}, "worry": {"about"}, "ask": {"for", "about"},
    "testify": {"about"}, "accuse": {"of"}, "vote": {"for", "against"},
    "point": {"to"}, "refer": {"to"},
}


@dataclass(frozen=True)
class Attribution:
    """One attribution; spans are [start, end) character offsets into ``doc.text``."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str  # "direct" | "reported" | "passive"
    sentence: int


@dataclass
class _Draft:
    """Token-level attribution while passes still adjust it: ranges are [start, end)."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str
    learned: bool = False  # added by the cue scorer, not the hand rules


# --------------------------------------------------------------------------- span helpers


def _lemma(tok: Token) -> str:
    return LEMMA_FIXES.get(tok.lower_, tok.lemma_)


def _is_quote(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation (quote marks stay), spaces and leading conjunctions."""
    while start < end and (doc[start].is_space or (doc[start].is_punct
                                                    and not _is_quote(doc[start]))
                           or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct
                                                      and not _is_quote(doc[end - 1]))):
        end -= 1
    return start, end


def _balance_quotes(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a lone quote mark at an edge when the span holds an odd number of them."""
    marks = [i for i in range(start, end) if _is_quote(doc[i])]
    if len(marks) % 2 == 1:
        if end < len(doc) and _is_quote(doc[end]) and marks[-1] != end - 1:
            end += 1
        elif marks[-1] == end - 1:
            end -= 1
        elif marks[0] == start:
            start += 1
    return start, end


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _chars(doc: Doc, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    if rng is None or rng[0] >= rng[1]:
        return None
    return doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)


# --------------------------------------------------------------------------- sources


def _subject_of(verb: Token, deps: set[str]) -> Token | None:
    """The subject child, climbing through conjoined/adverbial/participial heads."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in deps:
                return child
        if tok.dep_ not in {"conj", "advcl", "xcomp", "acl", "relcl", "pcomp", "acomp"} \
                or tok.head.i == tok.i:
            return None
        if tok.dep_ in {"acl", "relcl"}:
            return tok.head if tok.dep_ == "relcl" else None
        tok = tok.head
        deps = SUBJECT_DEPS
    return None


def _relative_source(doc: Doc, pronoun: Token) -> tuple[int, int]:
    """'Weaver, who endorsed ...': the noun through the pronoun (PolNeAR marks the pronoun;
    the noun names the actor)."""
    noun = pronoun.head.head
    start = noun.left_edge.i if noun.i < pronoun.i else pronoun.i
    if pronoun.i - start > 12:
        start = noun.i if noun.i < pronoun.i else pronoun.i
    return start, pronoun.i + 1


def _source_range(doc: Doc, subj: Token | None, avoid: tuple[int, int]) -> tuple[int, int] | None:
    """The subject phrase, cut before it runs into the cue or content."""
    if subj is None:
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        return _relative_source(doc, subj)
    start, end = _subtree_range(subj)
    for child in subj.children:
        if child.dep_ in {"relcl", "acl"} and child.i > subj.i:
            end = min(end, child.left_edge.i)
    if start < avoid[1] and end > avoid[0]:
        end = min(end, avoid[0]) if start < avoid[0] else subj.i + 1
        start = min(start, subj.i)
    start, end = _trim(doc, start, end)
    start, end = _balance_quotes(doc, start, end)
    return (start, end) if start < end else None


# --------------------------------------------------------------------------- contents


def _tail_range(verb: Token, first: Token) -> tuple[int, int]:
    """From ``first`` through the consecutive right-hand complements of ``verb``; adverbial
    tails ("... in an interview on Sunday", "..., which ...") are circumstances, not content."""
    end = _cut_aside(first, first.right_edge.i + 1)
    for child in verb.rights:
        if child.i <= first.i:
            continue
        if child.dep_ not in TAIL_DEPS or child.dep_ in {"advcl", "npadvmod"} or (
                child.dep_ == "prep" and child.lower_ not in TAIL_PREPS | {"in", "following"}):
            break
        end = _cut_aside(child, child.right_edge.i + 1)
    return first.left_edge.i, end


def _cut_aside(head: Token, end: int) -> int:
    """Cut ``head``'s phrase before a comma or dash that opens a non-restrictive aside."""
    doc = head.doc
    for i in range(head.i + 1, end - 1):
        if doc[i].text not in {",", "\u2014", "\u2013", "--"} or _inside_quote(doc, head.i, i):
            continue
        nxt = doc[i + 1]
        top = nxt
        while top.head.i != top.i and top.head.left_edge.i == nxt.i and top.head.i < end:
            top = top.head
        if top.dep_ in {"relcl", "appos", "advcl", "acl", "npadvmod"} or (
                top.dep_ == "prep" and top.lower_ not in TAIL_PREPS):
            return i
    return end


def _inside_quote(doc: Doc, start: int, i: int) -> bool:
    return sum(1 for t in doc[start:i] if t.text in {'"', "\u201c", "\u201d"}) % 2 == 1


def _clause_range(clause: Token) -> tuple[int, int]:
    """The clause subtree, cut before a conjoined clause with its own subject ("A said X, and
    that he expects Y" holds two reports)."""
    start, end = _subtree_range(clause)
    for child in clause.rights:
        if child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that"
                                        for c in child.children):
            cut = child.left_edge.i
            while cut > start and doc_is_joiner(clause.doc[cut - 1]):
                cut -= 1
            return start, cut
    return start, _cut_relative(clause, end)


def _cut_relative(clause: Token, end: int) -> int:
    """Cut a clause content before a trailing non-restrictive ", which ..." aside."""
    doc = clause.doc
    for i in range(clause.i + 1, end - 1):
        nxt = doc[i + 1]
        if doc[i].text == "," and nxt.lower_ in {"which", "where", "who"} \
                and nxt.head.dep_ == "relcl" \
                and not _inside_quote(doc, clause.left_edge.i, i):
            return i
    return end


def doc_is_joiner(tok: Token) -> bool:
    return tok.dep_ == "cc" or (tok.is_punct and not _is_quote(tok))


def _clausal_child(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS:
            if child.dep_ == "xcomp" and child.i < verb.i:
                continue
            return child
        if child.dep_ == "advcl" and any(c.lower_ in {"if", "whether"} for c in child.children
                                        if c.dep_ == "mark"):
            return child
    return None


def _object_child(verb: Token) -> Token | None:
    for child in verb.rights:
        if child.dep_ in {"dobj", "obj"}:
            return child
    return None


def _prep_child(verb: Token) -> Token | None:
    preps = PREP_CUES.get(_lemma(verb), set())
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps and any(
                c.dep_ in {"pobj", "pcomp"} for c in child.children):
            return child
    return None


def _head_clause_content(verb: Token) -> tuple[int, int] | None:
    """'"A is B," he said' parsed with the quoted clause as head of the cue."""
    head = verb.head
    if verb.dep_ == "parataxis" and head.i > verb.i and verb.i > head.left_edge.i:
        return _subtree_range(head)  # "In the end, Mr. R said, voters ..."
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"} or head.i > verb.i:
        return None
    if verb.dep_ in {"advcl", "conj"} and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    start, _ = _subtree_range(head)
    return start, verb.left_edge.i


def _stance_noun(verb: Token) -> Token | None:
    """'expressed concerns about X': the stance noun object of express/voice/raise."""
    if verb.lemma_ not in {"express", "voice", "raise", "share", "reiterate"}:
        return None
    obj = _object_child(verb)
    return obj if obj is not None and obj.lemma_ in STANCE_NOUNS else None


def _stance_content(noun: Token) -> tuple[int, int] | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"about", "over", "on", "regarding", "for",
                                                     "that", "at", "with"}:
            return child.i + 1, child.right_edge.i + 1
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
                c.lower_ == "that" and c.dep_ == "mark" for c in child.children):
            return _subtree_range(child)
    return None


def _verb_content(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, cue) token ranges for an active cue verb, or None."""
    lemma = _lemma(verb)
    cue = _cue_range(verb)
    noun = _stance_noun(verb)
    if noun is not None:
        content = _stance_content(noun)
        return (content, (cue[0], noun.i + 1)) if content else None
    clause = _clausal_child(verb)
    if clause is not None and (lemma in SPEECH_VERBS or lemma in BELIEF_VERBS
                               or clause.dep_ == "ccomp"):
        if clause.i < verb.i:
            after = clause.doc[clause.right_edge.i + 1]
            if not (after.is_punct or _is_quote(after)):
                return None
            return _clause_range(clause), cue
        obj = _object_child(verb)
        first = obj if obj is not None and lemma in OBJECT_VERBS and lemma not in {
            "tell", "ask", "warn", "urge", "remind", "assure", "inform"} else clause
        return _tail_range(verb, first) if first is obj else _clause_range(clause), cue
    head_content = _head_clause_content(verb)
    if head_content is not None and lemma in SPEECH_VERBS:
        return head_content, cue
    obj = _object_child(verb)
    if (obj is not None and lemma in OBJECT_VERBS and obj.pos_ != "PRON") or (
            obj is not None and lemma in OBJECT_VERBS and _tail_longer(verb, obj)):
        return _tail_range(verb, obj), cue
    prep = _prep_child(verb)
    if prep is not None:
        return (prep.i + 1, _tail_range(verb, prep)[1]), (cue[0], prep.i + 1)
    return None


def _tail_longer(verb: Token, obj: Token) -> bool:
    start, end = _tail_range(verb, obj)
    return end - start > 2


def _cue_range(verb: Token) -> tuple[int, int]:
    """The cue verb with its auxiliaries/negation/particle ("have claimed", "pointed out")."""
    start, end = verb.i, verb.i + 1
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass", "neg"} and child.i < verb.i and verb.i - child.i <= 3:
            start = min(start, child.i)
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end


# --------------------------------------------------------------------------- pass 1


def _is_purpose_clause(verb: Token) -> bool:
    """'failed to provide details to back up their claims': a purpose infinitive, no cue."""
    return verb.dep_ in {"advcl", "acl", "relcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and (verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _active_draft(doc: Doc, verb: Token) -> _Draft | None:
    if _is_purpose_clause(verb) or (_lemma(verb) in STANCE_VERBS and _is_infinitive(verb)):
        return None
    found = _verb_content(verb)
    if found is None:
        return None
    content, cue = found
    content = _trim(doc, *content)
    aside = content[0] < cue[0] and cue[1] < content[1] and (
        verb.dep_ == "parataxis" or doc[content[0]].tag_ in {"WP", "WDT"})  # "what they say is"
    if content[1] - content[0] < 1 or (_overlaps(content, cue) and not aside):
        return None
    subj = _subject_of(verb, SUBJECT_DEPS)
    if subj is not None and content[0] <= subj.i < content[1] and not aside:
        subj = None
    avoid = (min(content[0], cue[0]), max(content[1], cue[1]))
    source = _source_range(doc, subj, cue if subj and subj.i < cue[0] else avoid)
    return _Draft(content, cue, source, "reported")


def _passive_draft(doc: Doc, verb: Token) -> _Draft | None:
    """'it is claimed that X', 'X is expected to Y', 'attacks blamed on Z'."""
    if verb.tag_ != "VBN" or verb.lemma_ not in PASSIVE_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if subj is None and verb.dep_ != "acl":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    clause = _clausal_child(verb)
    cue = _cue_range(verb)
    if clause is not None and clause.dep_ == "ccomp":
        content = _subtree_range(clause)
    elif clause is not None and subj is not None:
        content = (subj.left_edge.i, clause.right_edge.i + 1)
    elif verb.lemma_ in {"blame", "attribute", "accuse"} and _prep_child_any(verb):
        left = subj.left_edge.i if subj is not None else verb.head.left_edge.i
        content = (left, verb.right_edge.i + 1)
    else:
        return None
    if agent is not None:
        content = (content[0], min(content[1], agent.i)) if agent.i > content[0] else content
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    source = _source_range(doc, pobj, cue) if pobj is not None else None
    content = _trim(doc, *content)
    return _Draft(content, cue, source, "passive") if content[0] < content[1] else None


def _prep_child_any(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"on", "for", "of", "to"} for c in verb.children)


def _according_draft(doc: Doc, tok: Token) -> _Draft | None:
    """'X, according to Y' / 'According to Y, X'."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = _trim(doc, tok.i + 2, pobj.right_edge.i + 1)
    return _sentence_draft(doc, (tok.i, src[1]), (tok.i, tok.i + 2), src)


def _sentence_draft(doc: Doc, phrase: tuple[int, int], cue: tuple[int, int],
                    src: tuple[int, int]) -> _Draft | None:
    """The sentence around a source phrase ("..., according to X") is its content."""
    lo, hi = doc[phrase[0]].sent.start, doc[phrase[0]].sent.end  # the whole sentence
    if phrase[0] - lo <= 1:
        content = (phrase[1], hi)
    elif hi - phrase[1] <= 2:
        content = (lo, phrase[0])
    else:
        content = (lo, hi)
    content = _trim(doc, *content)
    if content[1] - content[0] < 2:
        return None
    return _Draft(content, cue, src if src[0] < src[1] else None, "reported")


def _report_noun_draft(doc: Doc, noun: Token) -> _Draft | None:
    """'his claim that X' / 'the allegation that X'."""
    clause = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp", "appos"} and any(
        m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = _source_range(doc, poss, (noun.i, noun.i + 1)) if poss is not None else None
    content = _trim(doc, *_subtree_range(clause))
    return _Draft(content, (noun.i, noun.i + 1), source, "reported")


def _raising_draft(doc: Doc, verb: Token) -> _Draft | None:
    """'X seemed to Y' / 'it appears that X': PolNeAR marks the impression, with no source."""
    comp = next((c for c in verb.rights if c.dep_ in {"xcomp", "ccomp", "acomp", "oprd"}), None)
    if comp is None:
        return None
    subj = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if comp.dep_ == "ccomp" or subj is None or subj.lower_ == "it":
        content = _subtree_range(comp)
    else:
        content = (subj.left_edge.i, comp.right_edge.i + 1)
    content = _trim(doc, *content)
    if content[1] - content[0] < 2:
        return None
    return _Draft(content, _cue_range(verb), None, "reported")


def _title_draft(doc: Doc, colon: Token) -> _Draft | None:
    """Headline style 'Graham: Trump's rhetoric is destroying the party' (source: content)."""
    sent = colon.sent
    prefix = doc[sent.start:colon.i]
    if not 1 <= len(prefix) <= 5 or any(t.pos_ in {"VERB", "AUX", "PRON", "NUM"}
                                        or t.is_punct for t in prefix):
        return None
    if not any(t.pos_ in {"PROPN", "NOUN"} for t in prefix):
        return None
    content = _trim(doc, colon.i + 1, _paragraph_end(doc, colon.i))
    if _words(doc, *content) < 3:
        return None
    return _Draft(content, (colon.i, colon.i + 1), (sent.start, colon.i), "reported")


HEADLINE_NOUNY = frozenset({"report", "call", "claim", "attack", "support", "post", "answer",
                            "note", "state", "comment", "fear", "hope"})


def _verb_forms(word: str) -> set[str]:
    """Possible lemmas of a headline verb ("Slams", "Denies", "Says")."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


def _is_headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    if not 3 <= len(words) <= 20 or sent[-1].text in {".", "?"}:
        return False
    capital = sum(1 for t in words if t.text[0].isupper() or t.lower_ in HEADLINE_SMALL)
    return capital == len(words) and sum(1 for t in words if t.text[0].isupper()) >= 3


HEADLINE_SMALL = frozenset({"a", "an", "the", "of", "to", "in", "on", "for", "and", "at",
                            "with", "by", "as", "or"})


def _headline_drafts(doc: Doc) -> list[_Draft]:
    """Title-case headlines ("Senator Slams Budget Plan"): the parser reads the verb as a
    name, so find a cue verb form by its word and split the line around it."""
    drafts = []
    for sent in doc.sents:
        if not _is_headline(sent):
            continue
        for tok in sent[1:-1]:
            forms = _verb_forms(tok.lower_)
            if not tok.lower_.endswith("s") or not forms & ALL_CUE_VERBS \
                    or forms & HEADLINE_NOUNY:
                continue
            source = _trim(doc, sent.start, tok.i)
            content = _trim(doc, tok.i + 1, sent.end)
            if 1 <= source[1] - source[0] <= 6 and _words(doc, *content) >= 2:
                drafts.append(_Draft(content, (tok.i, tok.i + 1), source, "reported"))
            break
    return drafts


def _paragraph_end(doc: Doc, i: int) -> int:
    """A speaker label ("SMITH: ...") owns the whole paragraph, as in a transcript turn."""
    end = doc[i].sent.end
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end = doc[end].sent.end
    return end


def _first_person(doc: Doc, source: tuple[int, int] | None) -> bool:
    """'I think' / 'we know' inside quotes is the quoted speaker's voice, not a new report."""
    return source is not None and source[1] - source[0] == 1 and \
        doc[source[0]].lower_ in FIRST_SECOND_PERSON


def _learned_draft(doc: Doc, verb: Token, frame: str, dep: Token) -> _Draft | None:
    """A cue the learned scorer may accept: content from the frame's dependent, source its
    subject."""
    if _is_purpose_clause(verb):
        return None
    cue = _cue_range(verb)
    if frame in CLAUSE_FRAMES:
        content = _clause_range(dep)
    elif frame == "dobj":
        content = _tail_range(verb, dep)
    else:
        content = (dep.i + 1, _tail_range(verb, dep)[1])
        cue = (cue[0], dep.i + 1)
    content = _trim(doc, *content)
    if content[1] - content[0] < 1 or _overlaps(content, cue):
        return None
    subj = _subject_of(verb, SUBJECT_DEPS)
    if subj is not None and content[0] <= subj.i < content[1]:
        subj = None
    source = _source_range(doc, subj, cue if subj and subj.i < cue[0] else
                           (min(content[0], cue[0]), max(content[1], cue[1])))
    return _Draft(content, cue, source, "reported")


def _candidate(doc: Doc, tok: Token) -> tuple[_Draft, list[str], bool] | None:
    """A verb's draft (lexicon rules first, else its frame's content) with its features."""
    found = cue_frame(tok)
    lexical = _lemma(tok) in REPORTED_CUES
    if lexical and _lemma(tok) in STANCE_VERBS and _is_infinitive(tok):
        return None  # "free to support X": a stance verb counts only when finite
    if found is None:
        draft = _active_draft(doc, tok) if lexical else None
        return (draft, [], True) if draft is not None else None
    draft = _active_draft(doc, tok) if lexical else None
    if draft is None:
        lexical, draft = False, _learned_draft(doc, tok, *found)
    if draft is None:
        return None
    feats = cue_features(tok, _lemma(tok), found[0], found[1], _subject_of(tok, SUBJECT_DEPS),
                         draft.content[1] - draft.content[0], lexical)
    return draft, feats, lexical


def _nominal_source(word: Token) -> tuple[Token | None, str]:
    """Who holds a noun/adjective stance: a possessor ("his claim"), the subject of the verb
    taking the noun ("voiced support for") or of the copula ("is critical of")."""
    poss = next((c for c in word.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss, f"poss_{source_class(poss)}"
    if word.dep_ in {"dobj", "attr", "acomp", "oprd"} and word.head.pos_ in {"VERB", "AUX"}:
        subj = _subject_of(word.head, SUBJECT_DEPS)
        return subj, f"vsubj_{source_class(subj)}"
    if word.dep_ == "amod" and word.pos_ == "ADJ":
        return word.head, f"amod_{source_class(word.head)}"
    return None, "none"


def _nominal_candidate(doc: Doc, word: Token) -> tuple[_Draft, list[str]] | None:
    """A noun or adjective cue ("criticism of X", "confident that X") with its features."""
    found = nominal_frame(word)
    if found is None:
        return None
    frame, dep = found
    if frame.startswith("prep"):
        content = (dep.i + 1, _cut_aside(dep, dep.right_edge.i + 1))
    else:
        content = _clause_range(dep)
    content = _trim(doc, *content)
    if content[1] - content[0] < 1:
        return None
    subj, src_class = _nominal_source(word)
    cue = (word.i, word.i + 1)
    if subj is not None and (content[0] <= subj.i < content[1] or subj.i == word.i):
        subj, src_class = None, "none"
    span = (min(content[0], cue[0]), max(content[1], cue[1]))
    source = _source_range(doc, subj, cue if subj is not None and subj.i < cue[0] else span)
    feats = nominal_features(word, _lemma(word), frame, dep, src_class,
                             content[1] - content[0])
    return _Draft(content, cue, source, "reported", learned=True), feats


def _nominal_draft(doc: Doc, word: Token, scorer: CueScorer) -> _Draft | None:
    found = _nominal_candidate(doc, word)
    if found is None or scorer.score(found[1]) < scorer.nominal:
        return None
    return found[0]


def verb_candidates(doc: Doc) -> list[tuple[list[str], tuple[int, int]]]:
    """(features, content character span) of every verb that could be a cue: what the scorer
    is trained on (``attribution_prior_training``)."""
    out = []
    for tok in doc:
        if tok.pos_ == "VERB":
            found = _candidate(doc, tok)
        elif tok.pos_ in NOMINAL_POS and not _report_noun(doc, tok):
            found = _nominal_candidate(doc, tok)
        else:
            continue
        if found is not None and found[1]:
            span = _chars(doc, found[0].content)
            if span is not None:
                out.append((found[1], span))
    return out


def _report_noun(doc: Doc, tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_ in REPORT_NOUNS and \
        _report_noun_draft(doc, tok) is not None


def _prior_draft(doc: Doc, tok: Token, scorer: CueScorer) -> _Draft | None:
    """A lexicon cue unless the scorer finds it very unlikely; another verb's frame content when
    the scorer finds it likely."""
    found = _candidate(doc, tok)
    if found is None:
        return None
    draft, feats, lexical = found
    if not feats:
        return draft
    if scorer.score(feats) < (scorer.block if lexical else scorer.add):
        return None
    draft.learned = not lexical
    return draft


def _reported_drafts(doc: Doc, scorer: CueScorer) -> list[_Draft]:
    drafts: list[_Draft] = []
    for tok in doc:
        draft = None
        if tok.lower_ == "according":
            draft = _according_draft(doc, tok)
        elif tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in PASSIVE_VERBS and tok.tag_ == "VBN" \
                and (tok.dep_ == "acl" or any(c.dep_ in PASSIVE_SUBJECT_DEPS
                                              for c in tok.children)):
            draft = _passive_draft(doc, tok)
        elif tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in RAISING_VERBS:
            draft = _raising_draft(doc, tok)
        elif tok.text == ":":
            draft = _title_draft(doc, tok)
        elif tok.pos_ in NOMINAL_POS:
            draft = _report_noun_draft(doc, tok) if tok.pos_ == "NOUN" and \
                tok.lemma_ in REPORT_NOUNS else None
            draft = draft or _nominal_draft(doc, tok, scorer)
        elif tok.pos_ == "VERB":
            draft = _prior_draft(doc, tok, scorer)
        if draft is not None and not _first_person(doc, draft.source):
            drafts.append(draft)
            drafts.extend(_second_reports(doc, tok, draft))
    return _drop_nested(drafts)


def _drop_nested(drafts: list[_Draft]) -> list[_Draft]:
    """A learned cue inside a hand-rule content is usually part of what was reported."""
    ruled = [d.content for d in drafts if not d.learned]
    return [d for d in drafts if not d.learned or d.cue is None or not any(
        c[0] <= d.cue[0] < c[1] for c in ruled)]


def _second_reports(doc: Doc, verb: Token, draft: _Draft) -> list[_Draft]:
    """'said X, and that Y': the conjoined that-clause is a second report of the same cue."""
    clause = _clausal_child(verb) if draft.kind == "reported" else None
    if clause is None:
        return []
    out = []
    for child in clause.rights:
        if child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that"
                                        for c in child.children):
            content = _trim(doc, *_subtree_range(child))
            out.append(_Draft(content, draft.cue, draft.source, "reported"))
    return out


# --------------------------------------------------------------------------- pass 2: quotes


def _overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _words(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if t.is_alpha)


def _is_stray(doc: Doc, quote: Quote, drafts: list[_Draft]) -> bool:
    """An unclosed mark before a third-person report frame is a misplaced closing mark."""
    if quote.closed:
        return False
    for d in drafts:
        if d.source and d.cue and quote.start <= d.cue[0] < quote.end:
            words = {t.lower_ for t in doc[d.source[0]:d.source[1]]}
            if not words & FIRST_SECOND_PERSON:
                return True
    return False


def _speaker_cue(doc: Doc, sents: list[Span], quote: Quote) -> tuple[Token, Token | None] | None:
    """A cue verb outside the quote in the sentences it touches: (verb, subject)."""
    first = _quote_sent(doc, quote)
    last = doc[quote.end - 1].sent
    outside = [t for t in doc[first.start:last.end] if not quote.start <= t.i < quote.end]
    verbs = [t for t in outside if t.pos_ in {"VERB", "AUX"} and t.lemma_ in SPEECH_VERBS]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
    subj = _subject_of(verb, SUBJECT_DEPS)
    if subj is not None and quote.start <= subj.i < quote.end:
        subj = None
    return verb, subj


def _colon_intro(doc: Doc, quote: Quote) -> tuple[Token, Token | None] | None:
    """'X said:' ending the sentence just before the quote."""
    sent = _quote_sent(doc, quote)
    if sent.start == 0 or quote.start > sent.start + 1:
        return None
    prev = doc[sent.start - 1].sent
    last = _trim(doc, prev.start, prev.end)
    tail = doc[last[1]:prev.end]
    if not any(t.text == ":" for t in tail) and not doc.text[
            doc[prev.end - 1].idx:doc[quote.start].idx].strip().endswith(":"):
        return None
    verbs = [t for t in prev if t.lemma_ in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        verbs = [t for t in prev if t.dep_ == "ROOT" and t.pos_ == "VERB"
                 and any(c.dep_ in SUBJECT_DEPS for c in t.children)]
    if not verbs:
        return None
    verb = verbs[-1]
    return verb, _subject_of(verb, SUBJECT_DEPS)


def _name_colon(doc: Doc, quote: Quote) -> tuple[Token, Token | None] | None:
    """'... pollster Daron Shaw: "..."': a name right before the colon that opens the quote
    is its speaker (the colon is the cue)."""
    i = quote.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":" or doc[i - 1].pos_ != "PROPN":
        return None
    return doc[i], doc[i - 1]


def _quote_draft(doc: Doc, sents: list[Span], quote: Quote,
                 prev: _Draft | None) -> tuple[_Draft, bool]:
    """A draft for a free-standing quote; the flag says it continues ``prev``."""
    content = (quote.start, quote.end)
    found = _speaker_cue(doc, sents, quote) or _colon_intro(doc, quote) or \
        _name_colon(doc, quote)
    if found is not None:
        verb, subj = found
        cue = _cue_range(verb)
        if prev is not None and prev.cue == cue and prev.content[1] <= quote.start:
            return _Draft(_joined(doc, prev.content, quote), cue, prev.source, "direct"), True
        return _Draft(content, cue, _source_range(doc, subj, cue), "direct"), False
    if prev is not None and prev.kind == "direct" and _adjacent(doc, prev, quote):
        return _Draft(_joined(doc, prev.content, quote), prev.cue, prev.source, "direct"), True
    return _Draft(content, None, None, "direct"), False


def _quote_sent(doc: Doc, quote: Quote) -> Span:
    """The sentence of the quote's first word (the parser may leave an opening mark at the end
    of the sentence before)."""
    first = quote.start + 1 if quote.start + 1 < quote.end and _is_quote(doc[quote.start]) \
        else quote.start
    return doc[first].sent


def _joined(doc: Doc, first: tuple[int, int], quote: Quote) -> tuple[int, int]:
    """One content for a quote split by a speech tag; when the text between the parts is long,
    the longer part alone (one content span cannot skip the narration)."""
    quoted = _words(doc, *first) + _words(doc, quote.start, quote.end)
    if quoted >= 0.6 * _words(doc, first[0], quote.end):
        return first[0], quote.end
    if _words(doc, *first) >= _words(doc, quote.start, quote.end):
        return first
    return quote.start, quote.end


def _adjacent(doc: Doc, prev: _Draft, quote: Quote) -> bool:
    """The quote opens the sentence right after the one where ``prev`` ends."""
    sent = _quote_sent(doc, quote)
    if quote.start > sent.start + 1 or sent.start == 0:
        return False
    last = max(prev.content[1], prev.cue[1] if prev.cue else 0)
    return doc[last - 1].sent.end == sent.start or doc[last - 1].sent.start == sent.start


def _apply_quotes(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    sents = list(doc.sents)
    quotes = [q for q in find_quotes(doc) if _words(doc, q.start, q.end) >= 3]
    out = [d for d in drafts if not _cue_quoted(d, quotes)]
    last_direct: _Draft | None = None
    for quote in quotes:
        if _is_stray(doc, quote, drafts):
            continue
        qr = _trim(doc, quote.start, quote.end)
        inside = [d for d in out if qr[0] <= d.content[0] and d.content[1] <= qr[1] + 1
                  and not (d.cue and qr[0] <= d.cue[0] < qr[1])]
        if inside:
            for d in inside:
                d.content, d.kind = qr, "direct"
            last_direct = inside[0]
            continue
        if any(_overlaps(qr, d.content) for d in out
               if not (d.cue and qr[0] <= d.cue[0] < qr[1])):
            continue
        draft, continues = _quote_draft(doc, sents, quote, last_direct)
        if draft.cue is None and not continues and (
                _words(doc, quote.start, quote.end) < 5 or not _sentence_like(doc, quote)):
            continue
        if continues and last_direct is not None:
            last_direct.content = draft.content
            continue
        out.append(draft)
        last_direct = draft
    return out


def _cue_quoted(draft: _Draft, quotes: list[Quote]) -> bool:
    """A report inside someone's quoted words belongs to that quote, not to the article."""
    return draft.cue is not None and any(q.closed and q.start < draft.cue[0] < q.end - 1
                                         for q in quotes)


def _sentence_like(doc: Doc, quote: Quote) -> bool:
    sent = _quote_sent(doc, quote)
    return quote.start <= sent.start + 1


# --------------------------------------------------------------------------- pass 3


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """Keep one of near-identical contents, preferring the one with a source and cue."""
    drafts = sorted(drafts, key=lambda d: (d.source is None, d.cue is None, d.learned))
    kept: list[_Draft] = []
    for d in drafts:
        if any(_same(d.content, k.content) for k in kept):
            continue
        kept.append(d)
    return sorted(kept, key=lambda d: d.content)


def _same(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter / max(a[1] - a[0], b[1] - b[0]) >= 0.8



def find_attributions(doc: Doc, scorer: CueScorer | None = None) -> list[Attribution]:
    """All attributions in ``doc`` (parsed with a dependency parser), in text order.
    ``scorer`` replaces the shipped cue scorer (training uses a rules-only one)."""
    if len(doc) == 0:
        return []
    scorer = scorer or load_scorer()
    drafts = _reported_drafts(doc, scorer) + _headline_drafts(doc)
    drafts = _dedupe(_apply_quotes(doc, drafts))
    sent_of = sentence_index(doc)
    result = []
    for d in drafts:
        content = _chars(doc, d.content)
        if content is None:
            continue
        anchor = d.cue[0] if d.cue else d.content[0]
        result.append(Attribution(content, _chars(doc, d.cue), _chars(doc, d.source), d.kind,
                                  sent_of[anchor]))
    return result


# --------------------------------------------------------------------------- parsing helper


@Language.component("line_break_sentences")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break (the seed form has one sentence per line)."""
    line_start = True
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt.is_sent_start = True
            line_start = True
            continue
        if line_start and tok.text in QUOTE_CHARS and not tok.whitespace_.count("\n"):
            nxt.is_sent_start = False
        line_start = tok.is_space
    return doc


def add_line_breaks(nlp: Language) -> Language:
    """Make ``nlp`` respect line breaks as sentence boundaries (idempotent)."""
    if "line_break_sentences" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("line_break_sentences", before=first)
    return nlp
