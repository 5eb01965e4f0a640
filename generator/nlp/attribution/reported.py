"""Pass 1: reported speech, one draft per cue (verb, noun, adjective, "according to", passive).

A cue verb from the lexicon takes its content from its dependents (:mod:`.contents`), its
subject as source; "according to X"; passive cues without a speaker ("attacks blamed on ...",
"it is claimed"); report nouns ("his claim that X"); "X seemed to Y" (no source); headline
"Name: text" (:mod:`.headlines`); other verbs, nouns and adjectives with a content frame when
the learned cue scorer (:mod:`.scorer`) accepts them, and lexicon cues unless it rejects them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.nlp.attribution.contents import (
    clausal_child,
    clause_range,
    cut_aside,
    tail_range,
    verb_content,
)
from generator.nlp.attribution.headlines import title_draft
from generator.nlp.attribution.lexicon import (
    BELIEF_VERBS,
    FIRST_SECOND_PERSON,
    OBJECT_VERBS,
    PASSIVE_VERBS,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from generator.nlp.attribution.scorer import (
    CLAUSE_FRAMES,
    CueScorer,
    cue_features,
    cue_frame,
    nominal_features,
    nominal_frame,
    source_class,
)
from generator.nlp.attribution.spans import (
    SUBJECT_DEPS,
    Draft,
    cue_range,
    inside_quote,
    is_infinitive,
    is_purpose_clause,
    lemma_of,
    overlaps,
    source_range,
    subject_of,
    subtree_range,
    to_chars,
    trim_range,
)

REPORTED_CUES = (SPEECH_VERBS | BELIEF_VERBS | OBJECT_VERBS) - QUOTE_ONLY_VERBS
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
NOMINAL_POS = {"NOUN", "ADJ"}


def _active_draft(doc: Doc, verb: Token) -> Draft | None:
    if is_purpose_clause(verb) or (lemma_of(verb) in STANCE_VERBS and is_infinitive(verb)):
        return None
    if _discourse_marker(doc, verb):
        return None
    found = verb_content(verb)
    if found is None:
        return None
    content, cue = found
    content = trim_range(doc, *_before_semicolon(doc, content, cue))
    aside = content[0] < cue[0] and cue[1] < content[1] and verb.dep_ == "parataxis"
    if content[0] < cue[0] and cue[1] < content[1] and doc[content[0]].tag_ in {"WP", "WDT"}:
        content = _after_free_relative(doc, cue, content[1])  # "what they say is X": X
    if content[1] - content[0] < 1 or (overlaps(content, cue) and not aside):
        return None
    subj = subject_of(verb, SUBJECT_DEPS)
    if subj is not None and content[0] <= subj.i < content[1] and not aside:
        subj = None
    avoid = (min(content[0], cue[0]), max(content[1], cue[1]))
    source = source_range(doc, subj, cue if subj and subj.i < cue[0] else avoid)
    return Draft(content, cue, source, "reported")


def _before_semicolon(doc: Doc, content: tuple[int, int], cue: tuple[int, int]
                      ) -> tuple[int, int]:
    """A reported clause ends at a semicolon outside quotation marks: what follows is the
    article's next statement ("said the timing was not intentional; they only learned on
    Friday ...")."""
    start, end = content
    if start < cue[1]:
        return content
    stop = next((i for i in range(start, end) if doc[i].text == ";"
                 and not inside_quote(doc, start, i)), end)
    return start, stop


def _discourse_marker(doc: Doc, verb: Token) -> bool:
    """"That said, Ferrari are stronger": a sentence adverb, not "that" saying anything."""
    i = verb.i
    return verb.lower_ == "said" and 0 < i < len(doc) - 1 and doc[i + 1].text == "," and \
        doc[i - 1].lower_ in {"that", "this"} and doc[i - 1].i == doc[i - 1].sent.start


def _after_free_relative(doc: Doc, cue: tuple[int, int], end: int) -> tuple[int, int]:
    """'what they say is repressive rule': what is said is the predicate after the cue and
    its copula; the fronted 'what' and the speaker are not part of it."""
    start = cue[1]
    while start < end and (doc[start].lemma_ == "be" or (doc[start].dep_ in {"neg", "advmod"}
                           and doc[start].i + 1 < end and doc[start + 1].lemma_ == "be")):
        start += 1
    return trim_range(doc, start, end)


# Passives whose subject is the one told ("she was told she had cancer"); with any other
# verb only "it" stands before a clause ("it was revealed that X").
ADDRESSEE_PASSIVES = frozenset({"tell", "warn", "inform", "assure", "remind", "advise", "ask",
                                "notify", "promise", "convince", "persuade", "show"})


def _passive_draft(doc: Doc, verb: Token) -> Draft | None:
    """'it is claimed that X', 'X is expected to Y', 'attacks blamed on Z'."""
    if verb.tag_ != "VBN" or verb.lemma_ not in PASSIVE_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if (subj is None and verb.dep_ != "acl") or (subj is not None and subj.tag_ in {"WDT", "WP"}):
        return None  # "which is expected to last a month": a relative clause, no proposition
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    clause = clausal_child(verb)
    cue = cue_range(verb)
    if clause is not None and clause.dep_ == "ccomp":
        if subj is not None and subj.lower_ != "it" and verb.lemma_ not in ADDRESSEE_PASSIVES:
            return None  # "when the stunt was revealed some students ...": two sentences
        content = subtree_range(clause)
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
    source = source_range(doc, pobj, cue) if pobj is not None else None
    content = trim_range(doc, *content)
    return Draft(content, cue, source, "passive", origin="passive") \
        if content[0] < content[1] else None


def _prep_child_any(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"on", "for", "of", "to"} for c in verb.children)


def _according_draft(doc: Doc, tok: Token) -> Draft | None:
    """'X, according to Y' / 'According to Y, X'."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = trim_range(doc, tok.i + 2, pobj.right_edge.i + 1)
    return _sentence_draft(doc, (tok.i, src[1]), (tok.i, tok.i + 2), src)


def _sentence_draft(doc: Doc, phrase: tuple[int, int], cue: tuple[int, int],
                    src: tuple[int, int]) -> Draft | None:
    """The sentence around a source phrase ("..., according to X") is its content."""
    lo, hi = doc[phrase[0]].sent.start, doc[phrase[0]].sent.end  # the whole sentence
    if phrase[0] - lo <= 1:
        content = (phrase[1], hi)
    elif hi - phrase[1] <= 2:
        content = (lo, phrase[0])
    else:
        content = (lo, hi)
    content = trim_range(doc, *content)
    if content[1] - content[0] < 2:
        return None
    return Draft(content, cue, src if src[0] < src[1] else None, "reported",
                 origin="according")


def _report_noun_draft(doc: Doc, noun: Token) -> Draft | None:
    """'his claim that X' / 'the allegation that X'."""
    clause = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp", "appos"} and any(
        m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = source_range(doc, poss, (noun.i, noun.i + 1)) if poss is not None else None
    content = trim_range(doc, *subtree_range(clause))
    return Draft(content, (noun.i, noun.i + 1), source, "reported", origin="report_noun")


def _raising_draft(doc: Doc, verb: Token) -> Draft | None:
    """'X seemed to Y' / 'it appears that X': PolNeAR marks the impression, with no source."""
    comp = next((c for c in verb.rights if c.dep_ in {"xcomp", "ccomp", "acomp", "oprd"}), None)
    if comp is None:
        return None
    subj = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if comp.dep_ == "ccomp" or subj is None or subj.lower_ == "it":
        content = subtree_range(comp)
    else:
        content = (subj.left_edge.i, comp.right_edge.i + 1)
    content = trim_range(doc, *content)
    if content[1] - content[0] < 2:
        return None
    return Draft(content, cue_range(verb), None, "reported", origin="raising")


def _first_person(doc: Doc, source: tuple[int, int] | None) -> bool:
    """'I think' / 'we know' inside quotes is the quoted speaker's voice, not a new report."""
    return source is not None and source[1] - source[0] == 1 and \
        doc[source[0]].lower_ in FIRST_SECOND_PERSON


def _learned_draft(doc: Doc, verb: Token, frame: str, dep: Token) -> Draft | None:
    """A cue the learned scorer may accept: content from the frame's dependent, source its
    subject."""
    if is_purpose_clause(verb):
        return None
    cue = cue_range(verb)
    if frame in CLAUSE_FRAMES:
        content = clause_range(dep)
    elif frame == "dobj":
        content = tail_range(verb, dep)
    else:
        content = (dep.i + 1, tail_range(verb, dep)[1])
        cue = (cue[0], dep.i + 1)
    content = trim_range(doc, *content)
    if content[1] - content[0] < 1 or overlaps(content, cue):
        return None
    subj = subject_of(verb, SUBJECT_DEPS)
    if subj is not None and content[0] <= subj.i < content[1]:
        subj = None
    source = source_range(doc, subj, cue if subj and subj.i < cue[0] else
                           (min(content[0], cue[0]), max(content[1], cue[1])))
    return Draft(content, cue, source, "reported", origin="learned")


def _candidate(doc: Doc, tok: Token) -> tuple[Draft, list[str], bool] | None:
    """A verb's draft (lexicon rules first, else its frame's content) with its features."""
    found = cue_frame(tok)
    lexical = lemma_of(tok) in REPORTED_CUES
    if lexical and lemma_of(tok) in STANCE_VERBS and is_infinitive(tok):
        return None  # "free to support X": a stance verb counts only when finite
    if found is None:
        draft = _active_draft(doc, tok) if lexical else None
        return (draft, [], True) if draft is not None else None
    draft = _active_draft(doc, tok) if lexical else None
    if draft is None:
        lexical, draft = False, _learned_draft(doc, tok, *found)
    if draft is None:
        return None
    feats = cue_features(tok, lemma_of(tok), found[0], found[1], subject_of(tok, SUBJECT_DEPS),
                         draft.content[1] - draft.content[0], lexical)
    return draft, feats, lexical


# Verbs whose subject holds the stance noun they take ("voiced support for X"); with any
# other verb the stance is someone else's ("ignored calls for X", "rejected criticism").
EXPRESSION_VERBS = frozenset({
    "express", "voice", "make", "issue", "raise", "renew", "repeat", "reiterate", "share",
    "state", "give", "offer", "air", "lodge", "file", "post", "publish", "tweet", "write",
    "send", "deliver", "launch", "echo", "add", "sound", "signal", "declare", "have", "hold",
    "harbor", "harbour", "lead", "level", "register", "pledge", "announce", "outline", "set",
    "put", "present", "submit", "table", "mount", "step", "stress"})


def _nominal_source(word: Token) -> tuple[Token | None, str]:
    """Who holds a noun/adjective stance: a possessor ("his claim"), the subject of the verb
    taking the noun ("voiced support for") or of the copula ("is critical of")."""
    poss = next((c for c in word.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss, f"poss_{source_class(poss)}"
    if word.dep_ in {"dobj", "attr", "acomp", "oprd"} and word.head.pos_ in {"VERB", "AUX"}:
        if word.dep_ == "dobj" and lemma_of(word.head) not in EXPRESSION_VERBS:
            return None, "none"  # "ignored calls for an inquiry": the calls are others'
        subj = subject_of(word.head, SUBJECT_DEPS)
        return subj, f"vsubj_{source_class(subj)}"
    if word.dep_ == "amod" and word.pos_ == "ADJ":
        return word.head, f"amod_{source_class(word.head)}"
    return None, "none"


def _nominal_candidate(doc: Doc, word: Token) -> tuple[Draft, list[str]] | None:
    """A noun or adjective cue ("criticism of X", "confident that X") with its features."""
    found = nominal_frame(word)
    if found is None:
        return None
    frame, dep = found
    if frame.startswith("prep"):
        content = (dep.i + 1, cut_aside(dep, dep.right_edge.i + 1))
    else:
        content = clause_range(dep)
    content = trim_range(doc, *content)
    if content[1] - content[0] < 1:
        return None
    subj, src_class = _nominal_source(word)
    cue = (word.i, word.i + 1)
    if subj is not None and (content[0] <= subj.i < content[1] or subj.i == word.i):
        subj, src_class = None, "none"
    span = (min(content[0], cue[0]), max(content[1], cue[1]))
    source = source_range(doc, subj, cue if subj is not None and subj.i < cue[0] else span)
    feats = nominal_features(word, lemma_of(word), frame, dep, src_class,
                             content[1] - content[0])
    return Draft(content, cue, source, "reported", learned=True, origin="nominal"), feats


def _nominal_draft(doc: Doc, word: Token, scorer: CueScorer) -> Draft | None:
    found = _nominal_candidate(doc, word)
    if found is None:
        return None
    score = scorer.score(found[1])
    if score < scorer.nominal:
        return None
    found[0].score = score
    return found[0]


def verb_candidates(doc: Doc) -> list[tuple[list[str], tuple[int, int], int]]:
    """(features, content character span, cue token index) of every verb, noun or adjective
    that could be a cue: what the scorer is trained on (``tools/train_attribution_scorer.py``)."""
    out = []
    for tok in doc:
        if tok.pos_ == "VERB":
            found = None if reduced_passive(tok) else _candidate(doc, tok)
        elif tok.pos_ in NOMINAL_POS and not _report_noun(doc, tok):
            found = _nominal_candidate(doc, tok)
        else:
            continue
        if found is not None and found[1]:
            span = to_chars(doc, found[0].content)
            if span is not None:
                out.append((found[1], span, tok.i))
    return out


def _report_noun(doc: Doc, tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_ in REPORT_NOUNS and \
        _report_noun_draft(doc, tok) is not None


def _prior_draft(doc: Doc, tok: Token, scorer: CueScorer) -> Draft | None:
    """A lexicon cue unless the scorer finds it very unlikely; another verb's frame content when
    the scorer finds it likely."""
    found = _candidate(doc, tok)
    if found is None:
        return None
    draft, feats, lexical = found
    if not feats:
        return draft
    score = scorer.score(feats)
    if score < (scorer.block if lexical else scorer.add):
        return None
    draft.learned = not lexical
    draft.score = score
    return draft


def reported_drafts(doc: Doc, scorer: CueScorer) -> list[Draft]:
    drafts: list[Draft] = []
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
            draft = title_draft(doc, tok)
        elif tok.pos_ in NOMINAL_POS:
            draft = _report_noun_draft(doc, tok) if tok.pos_ == "NOUN" and \
                tok.lemma_ in REPORT_NOUNS else None
            draft = draft or _nominal_draft(doc, tok, scorer)
        elif tok.pos_ == "VERB" and not reduced_passive(tok):
            draft = _prior_draft(doc, tok, scorer)
        if draft is not None and not _first_person(doc, draft.source):
            drafts.append(draft)
    return _drop_nested(drafts)


# Verbs that take "to" + infinitive only in the passive: "a man said to be the leader" is
# "a man (who is) said to be", whoever says it, never the man saying something.
PASSIVE_ONLY_INFINITIVE = frozenset({
    "say", "report", "believe", "think", "know", "understand", "rumour", "rumor", "allege",
    "estimate", "consider", "suppose", "presume", "reckon", "deem", "repute"})

VERDICT_VERBS = frozenset({"find", "declare", "deem", "pronounce", "rule", "judge"})


def reduced_passive(verb: Token) -> bool:
    """A reduced passive the parser read as an active verb, with no auxiliary: "said" right
    before "to" and an infinitive it governs ("A man said to be the leader was arrested"),
    or a verdict verb right before its adjective ("A minor also found guilty was
    sentenced")."""
    if verb.i + 1 >= len(verb.doc) or any(c.dep_ in {"aux", "auxpass", "dobj"}
                                          for c in verb.children):
        return False
    nxt, lemma = verb.nbor(1), lemma_of(verb)
    verdict = lemma in VERDICT_VERBS and nxt.pos_ == "ADJ" and nxt.head.i == verb.i
    return verdict or (lemma in PASSIVE_ONLY_INFINITIVE and nxt.lower_ == "to"
                       and nxt.head.dep_ == "xcomp" and nxt.head.head.i == verb.i)


def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """A learned cue inside a hand-rule content is usually part of what was reported."""
    ruled = [d.content for d in drafts if not d.learned]
    return [d for d in drafts if not d.learned or d.cue is None or not any(
        c[0] <= d.cue[0] < c[1] for c in ruled)]
