"""Contents of reported speech: which words a cue verb's dependents make the reported content.

A cue takes its content as a clausal complement ("said that X"), an infinitive ("vowed to X"),
an object with its prepositional tail ("blamed X on Y") or a prepositional phrase ("warned of
X"); the content stops before adverbial tails and non-restrictive asides.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.nlp.attribution.lexicon import (
    BELIEF_VERBS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    STANCE_NOUNS,
)
from generator.nlp.attribution.spans import (
    SUBJECT_DEPS,
    cue_range,
    inside_quote,
    is_quote,
    lemma_of,
    subtree_range,
)

CLAUSE_DEPS = {"ccomp", "xcomp"}
ADVERBIAL_MARKS = {"after", "before", "when", "while", "because", "since", "as", "although",
                   "though", "once", "until", "unless", "if", "whereas"}
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




def tail_range(verb: Token, first: Token) -> tuple[int, int]:
    """From ``first`` through the consecutive right-hand complements of ``verb``; adverbial
    tails ("... in an interview on Sunday", "..., which ...") are circumstances, not content."""
    end = cut_aside(first, first.right_edge.i + 1)
    for child in verb.rights:
        if child.i <= first.i or (child.dep_ == "punct" and (child.text == "," or
                                                             is_quote(child))):
            continue  # "called his stance, 'cautious to the point of cowardice'"
        if child.dep_ not in TAIL_DEPS or child.dep_ in {"advcl", "npadvmod"} or (
                child.dep_ == "prep" and child.lower_ not in TAIL_PREPS
                and not _noun_modifier(child, end)):
            break
        end = cut_aside(child, child.right_edge.i + 1)
    return first.left_edge.i, end


def _noun_modifier(prep: Token, end: int) -> bool:
    """'blamed the violence on militants with foreign connections': a 'with' phrase right
    after a noun of the tail modifies that noun (the parser hangs it on the verb)."""
    before = prep.doc[prep.i - 1]
    return prep.lower_ == "with" and prep.i == end and before.pos_ in {"NOUN", "PROPN"} \
        and before.dep_ == "pobj"


def cut_aside(head: Token, end: int) -> int:
    """Cut ``head``'s phrase before a comma or dash that opens a non-restrictive aside."""
    doc = head.doc
    for i in range(head.i + 1, end - 1):
        if doc[i].text not in {",", "\u2014", "\u2013", "--"} or inside_quote(doc, head.i, i):
            continue
        nxt = doc[i + 1]
        top = nxt
        while top.head.i != top.i and top.head.left_edge.i == nxt.i and top.head.i < end:
            top = top.head
        if top.dep_ in {"relcl", "appos", "advcl", "acl", "npadvmod"} or (
                top.dep_ == "prep" and top.lower_ not in TAIL_PREPS):
            return i
    return end


def clause_range(clause: Token) -> tuple[int, int]:
    """The whole clause subtree, as PolNeAR marks a content: its relative clauses and
    conjoined that-clauses included ("said X, and that Y" is one report), except a conjoined
    clause that is a report of its own ("said X, and that he expects Y": "expects" is
    the second cue)."""
    start, end = subtree_range(clause)
    for child in clause.rights:
        if child.dep_ == "conj" and own_report(child):
            cut = child.left_edge.i
            while cut > start and doc_is_joiner(clause.doc[cut - 1]):
                cut -= 1
            return start, cut
    return start, _cut_who(clause, _cut_participle(clause, end))


def _cut_who(clause: Token, end: int) -> int:
    """Cut a ', who ...' clause that ends the content: it tells the reader who someone is
    ('... would be Trump, who has a significant delegate lead'); PolNeAR leaves it out of
    the content eight times in nine on its training texts."""
    doc = clause.doc
    for tok in clause.subtree:
        if tok.dep_ != "relcl" or tok.i >= end:
            continue
        left = tok.left_edge.i
        last = tok.right_edge.i + 1
        while last < end and (doc[last].is_punct or doc[last].is_space):
            last += 1
        if doc[left].lower_ == "who" and doc[left - 1].text == "," and last >= end \
                and not inside_quote(doc, clause.left_edge.i, left - 1):
            return left - 1
    return end


def _cut_participle(clause: Token, end: int) -> int:
    """Cut before a trailing ', saying/arguing/citing ...' or ', although ...' adverbial: the
    article's narration about the report, not its content."""
    doc = clause.doc
    for child in clause.rights:
        if child.dep_ != "advcl" or child.i >= end:
            continue
        left = child.left_edge.i
        while left - 1 > clause.i and is_quote(doc[left - 1]):
            left -= 1  # "'A,' while B added": the quote closes before the aside
        if left > clause.i and doc[left - 1].text == "," and not inside_quote(
                doc, clause.left_edge.i, left - 1) and (
                (child.tag_ == "VBG" and left == child.i
                 and lemma_of(child) in SPEECH_VERBS | BELIEF_VERBS) or
                any(c.dep_ == "mark" and c.lower_ in {"although", "though", "while", "whereas"}
                    for c in child.children)):
            return left - 1
    return end


def own_report(clause: Token) -> bool:
    """A conjoined clause that is a report in its own right: a that-clause whose verb is a cue
    with a subject ("and that he expects Y"), or a verb of saying with no subject, which
    the parser hung inside the content but which continues the speaker's sentence ("said
    that X was paid and told the court: ...")."""
    if lemma_of(clause) not in SPEECH_VERBS | BELIEF_VERBS:
        return False
    subject = any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in clause.children)
    if not subject:
        return lemma_of(clause) in SPEECH_VERBS and clause.tag_ in {"VBD", "VBZ", "VBP"}
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def doc_is_joiner(tok: Token) -> bool:
    return tok.dep_ == "cc" or (tok.is_punct and not is_quote(tok))


def clausal_child(verb: Token) -> Token | None:
    """The verb's complement clause: not an infinitive before it, not a clause that a colon
    or semicolon cuts off before it ("It's unlikely; his team says she'll go on": the team
    says she'll go on), not an adverbial clause before it that the parser took for one
    ("In a statement released after the senator suspended his campaign, Cruz said: ..."),
    not an 'if' clause before it (a condition, not a question)."""
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS:
            if child.i < verb.i and (child.dep_ == "xcomp" or _cut_off(child, verb) or any(
                    c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in child.children)):
                continue
            return child
        if child.dep_ == "advcl" and child.i > verb.i and any(
                c.lower_ in {"if", "whether"} for c in child.children if c.dep_ == "mark"):
            return child
    return None


def _cut_off(clause: Token, verb: Token) -> bool:
    return any(t.text in {";", ":"} for t in verb.doc[clause.right_edge.i + 1:verb.i])


def object_child(verb: Token) -> Token | None:
    """The direct object; of two object complements the first is the object ('called Trump
    a "pathological liar"', where the parser may tag both as complements)."""
    complements = []
    for child in verb.rights:
        if child.dep_ in {"dobj", "obj"}:
            return child
        if child.dep_ == "oprd":
            complements.append(child)
    return complements[0] if len(complements) >= 2 else None


def _prep_child(verb: Token) -> Token | None:
    preps = PREP_CUES.get(lemma_of(verb), set())
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps and any(
                c.dep_ in {"pobj", "pcomp"} for c in child.children):
            return child
    return None


def detached_subject(verb: Token, clause: Token) -> Token | None:
    """'claimed Muslims from the region are travelling ...' parsed with the clause's subject as
    the cue's object: a finite complement without a subject of its own takes it back."""
    obj = object_child(verb)
    if obj is None or not verb.i < obj.i < clause.i or clause.dep_ != "ccomp":
        return None
    if any(c.dep_ in SUBJECT_DEPS | {"nsubjpass", "expl", "mark"} for c in clause.children):
        return None
    finite = clause.tag_ in {"VBZ", "VBP", "VBD", "MD"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP", "VBD", "MD"}
        for c in clause.children)
    return obj if finite else None


def _head_clause_content(verb: Token) -> tuple[int, int] | None:
    """'"A is B," he said' parsed with the quoted clause as head of the cue."""
    head = verb.head
    if verb.dep_ == "parataxis" and head.i > verb.i and verb.i > head.left_edge.i:
        return subtree_range(head)  # "In the end, Mr. R said, voters ..."
    if verb.dep_ not in {"parataxis", "ccomp", "advcl", "conj"} or head.i > verb.i:
        return None
    if verb.dep_ in {"advcl", "conj"} and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "'A,' while B added: 'C'": a clause of its own, not A's speech tag
    start, _ = subtree_range(head)
    return start, verb.left_edge.i


def _stance_noun(verb: Token) -> Token | None:
    """'expressed concerns about X': the stance noun object of express/voice/raise."""
    if verb.lemma_ not in {"express", "voice", "raise", "share", "reiterate"}:
        return None
    obj = object_child(verb)
    return obj if obj is not None and obj.lemma_ in STANCE_NOUNS else None


def _stance_content(noun: Token) -> tuple[int, int] | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"about", "over", "on", "regarding", "for",
                                                     "that", "at", "with"}:
            return child.i + 1, child.right_edge.i + 1
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
                c.lower_ == "that" and c.dep_ == "mark" for c in child.children):
            return subtree_range(child)
    return None


def verb_content(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, cue) token ranges for an active cue verb, or None."""
    lemma = lemma_of(verb)
    cue = cue_range(verb)
    noun = _stance_noun(verb)
    if noun is not None:
        content = _stance_content(noun)
        return (content, (cue[0], noun.i + 1)) if content else None
    clause = clausal_child(verb)
    if clause is not None and (lemma in SPEECH_VERBS or lemma in BELIEF_VERBS
                               or clause.dep_ == "ccomp"):
        if clause.i < verb.i:
            after = clause.doc[clause.right_edge.i + 1]
            if not (after.is_punct or is_quote(after)):
                return None
            return clause_range(clause), cue
        obj = object_child(verb)
        first = obj if obj is not None and lemma in OBJECT_VERBS and lemma not in {
            "tell", "ask", "warn", "urge", "remind", "assure", "inform"} else clause
        if first is obj:
            return tail_range(verb, obj), cue
        start, end = clause_range(clause)
        subject = detached_subject(verb, clause)
        return (subject.left_edge.i if subject is not None else start, end), cue
    head_content = _head_clause_content(verb)
    if head_content is not None and lemma in SPEECH_VERBS:
        return head_content, cue
    obj = object_child(verb)
    if (obj is not None and lemma in OBJECT_VERBS and obj.pos_ != "PRON") or (
            obj is not None and lemma in OBJECT_VERBS and _tail_longer(verb, obj)):
        return tail_range(verb, obj), cue
    prep = _prep_child(verb)
    if prep is not None:
        return (prep.i + 1, tail_range(verb, prep)[1]), (cue[0], prep.i + 1)
    return None


def _tail_longer(verb: Token, obj: Token) -> bool:
    start, end = tail_range(verb, obj)
    return end - start > 2
