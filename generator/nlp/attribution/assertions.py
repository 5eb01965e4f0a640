"""Assertion or action: which attribution cues make a claim.

PolNeAR, like the attribution finder, also marks what people *do* as attributions ("ignored
calls for an inquiry", "voted for the bill", "have begun adopting veils"). A claim on the page
is something someone *asserts*: a speech act (say, deny, blame, praise, call for), a belief or
knowledge (think, expect, know, regard as), or an attitude (fear, hope, want, oppose). The
lists below hold those cue words by part of speech; a cue counts as an assertion when one of
its words is listed (the cue of "has previously expressed concerns" holds the noun "concern").
Quotes, speaker labels ("Smith: ...") and "according to" are assertions by their form.
Impressions without a holder ("X seemed to Y", "it appears that") are not.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.nlp.attribution.lexicon import (
    BELIEF_VERBS,
    OBJECT_VERBS,
    QUOTE_CHARS,
    REPORT_NOUNS,
    SPEECH_VERBS,
    STANCE_NOUNS,
    word_set,
)
from generator.nlp.attribution.spans import lemma_of

# Acts and intentions, not assertions, that the cue lexicon lists for PolNeAR's sake
# ("Dads plan to outspend moms").
ACTION_VERBS: frozenset[str] = word_set("""
offer name decide seek raise continue plan refuse decline balk campaign
""")

# Speech acts, propositional attitudes and evaluations beyond the cue lexicon (the long tail
# of PolNeAR cues that are still assertions).
ATTITUDE_VERBS: frozenset[str] = word_set("""
know see feel consider view regard deem understand remember recall forget learn notice
realize realise recognize imagine believe trust distrust wish want like love hate dislike
admire respect favor favour welcome oppose resent regret appreciate accept embrace reject
talk speak discuss address mention quote cite reference compare contrast criticize criticise
ridicule question complain apologize apologise plead advocate bemoan lament balk downplay
clarify rail mean sound acknowledge concede characterize call label brand hail praise
lambast blast slam scold slam fault mock tease taunt insult attack defend champion
disparage dismiss denounce decry condemn applaud cheer boo chant tweet retweet post write
publish report announce declare vouch swear testify preach lecture pitch argue debate
rebut refute contradict correct challenge doubt dispute deny admit confess insist claim
guess bet figure suppose presume conclude judge rate rank grade interpret describe portray
depict frame paint cast dub term nickname emphasize stress highlight underline underscore
tout boast brag promise pledge vow threaten warn caution urge demand request ask beg invite
encourage implore appeal petition lobby campaign push press recommend suggest propose
endorse support back oppose agree disagree concur object protest worry fear hope expect
anticipate predict forecast envision dread suspect assume think reckon herald recite
foresee articulate savage repudiate opine exhort reaffirm berate trumpet liken renounce
""")

ASSERTION_VERBS: frozenset[str] = (SPEECH_VERBS | BELIEF_VERBS | OBJECT_VERBS
                                   | ATTITUDE_VERBS) - ACTION_VERBS

ASSERTION_NOUNS: frozenset[str] = REPORT_NOUNS | STANCE_NOUNS | word_set("""
criticism critique question comment complaint mention word message remark speech answer
response reply argument case defense defence attack praise endorsement demand call plea
appeal suggestion announcement admission denial assurance position stance opinion idea
thought sense feeling impression perception expectation threat objection approval
disapproval scorn contempt conviction faith trust distrust praise tribute testimony
interview statement tweet post letter op-ed editorial account explanation description
verdict ruling finding conclusion estimate forecast projection poll survey study analysis
insistence skepticism scepticism cynicism doubts rhetoric attack attacks jab swipe dig
rebuke condemnation denunciation apology accusation pitch vow pledge promise lament
recommendation talk note anxiety
""")

ASSERTION_ADJECTIVES: frozenset[str] = word_set("""
critical skeptical sceptical confident certain sure convinced concerned worried afraid
fearful anxious hopeful optimistic pessimistic proud happy glad pleased angry upset furious
eager supportive opposed wary doubtful adamant aware unaware sorry grateful dismissive
vocal outspoken uneasy nervous enthusiastic excited frustrated disappointed unhappy
comfortable uncomfortable satisfied dissatisfied insistent keen reluctant unwilling willing
open receptive hostile sympathetic unsure uncertain clear
""")

FORM_CUES = frozenset({":", "according", "to"})
# Verbs of knowing and making public whose infinitive is something done, not held true:
# "has been known to share pictures", "learned to swim", "painted to pass the time".
# So is what one agrees to ("agreed to pay for her bus fare"; "agreed that X" asserts), and
# what one likes doing ("likes to keep a busy schedule": a habit, not a view).
KNOWING_VERBS = frozenset({"know", "learn", "see", "find", "notice", "discover", "post",
                           "tweet", "write", "publish", "paint", "agree", "like", "love",
                           "enjoy"})
# Verbs of perception and discovery assert only with a clause or an "as" judgement ("saw that
# X", "sees the plan as a trap"), not with a plain object ("Xinjiang has seen violence"); nor
# do verbs whose object is whom they address ("told the Enquirer in December") or what they
# describe ("described the supposed video", "referring to the animals"), nor those of
# making public or talking ("posted it on his Instagram page", "is speaking out about their
# dispute": a topic, not a proposition).
CLAUSE_ONLY_VERBS: frozenset[str] = word_set("""
see know feel find show learn remember forget understand hear notice discover reveal
tell ask inform remind assure notify brief describe refer characterize characterise portray
depict love like enjoy post tweet blog text email write publish paint talk speak discuss
address agree
""")
# Whose passive subject is the one accused, never the accuser ("X accused of Y").
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "blame", "fault", "convict"})
REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves",
                        "yourselves", "themselves"})


def _takes_clause(verb: Token) -> bool:
    """A clausal complement, an if/whether clause or an "as" predicate ("sees X as Y"); not
    one about the subject itself ("found herself pitched against the club" is a situation)."""
    if any(t.lower_ in REFLEXIVES for c in verb.rights for t in (c, *c.lefts)):
        return False
    for child in verb.children:
        if child.dep_ in {"ccomp", "oprd"} or (child.dep_ == "prep" and child.lower_ == "as"):
            return True
        if child.dep_ == "xcomp" and lemma_of(verb).lower() not in KNOWING_VERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in {"about", "on"} and any(
                c.dep_ == "pcomp" and c.pos_ in {"VERB", "AUX"} for c in child.children):
            return True  # "talked about how he tried in vain"
        if child.dep_ == "advcl" and any(c.lower_ in {"if", "whether"} for c in child.children):
            return True
        if child.dep_ in {"dobj", "obj"} and any(
                (c.dep_ == "prep" and c.lower_ == "as") or _hung_complement(c)
                for c in child.children):
            return True
    return verb.dep_ in {"parataxis", "ccomp"} and verb.head.i < verb.i  # '"X," he knew'


def _hung_complement(clause: Token) -> bool:
    """"told the court that Adeli cared for his wife": a "that" clause with a subject of its
    own that the parser hung on the addressee as a relative clause."""
    return clause.dep_ == "relcl" and clause.left_edge.lower_ == "that" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ != "that" for c in clause.children)


def _reduced_passive(verb: Token) -> bool:
    """'When asked to weigh in, Julia noted ...', 'Asked about the plan, he said ...': a past
    participle heading an adverbial clause with no subject or auxiliary of its own is done
    to the person, not said by them. So is a headline's participle of accusing with a subject
    and no object or auxiliary ("Woman accused of blackmailing star": she is the accused;
    other verbs are left alone, the tagger also calls "Clinton ... called on" a participle)."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    return lemma_of(verb).lower() in ACCUSING_VERBS and any(
        c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ in {"dobj", "obj", "ccomp", "oprd"} for c in verb.children)


def _calls(verb: Token) -> bool:
    """*Call* asserts when it names ("called the plan a disgrace", "called it 'terrible'"),
    calls for or on someone, or calls someone out; "have called 92 witnesses" and "called the
    police" are acts."""
    for child in verb.children:
        if child.dep_ in {"oprd", "xcomp", "ccomp"} or (
                child.dep_ in {"prep", "prt"} and child.lower_ in {"for", "on", "out"}):
            return True
        if child.dep_ in {"dobj", "obj"} and any(c.dep_ in {"appos", "oprd"}
                                                 for c in child.children):
            return True  # "called her son her hero", "calls himself a conservative"
    return _takes_clause(verb) or any(t.text in QUOTE_CHARS for t in verb.subtree
                                      if t.i > verb.i)


def is_assertion(doc: Doc, cue: tuple[int, int] | None, kind: str) -> bool:
    """Whether an attribution with this cue (doc character span) reports an assertion.

    A quote, with or without a cue, is someone's words by its form.
    """
    if cue is None or kind == "direct":
        return kind == "direct"  # a quote is someone's words ("'...,' he continued")
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        lemma = lemma_of(tok).lower()
        if tok.pos_ in {"VERB", "AUX"} and lemma in ASSERTION_VERBS and (
                lemma not in CLAUSE_ONLY_VERBS or _takes_clause(tok)) \
                and (lemma != "call" or _calls(tok)) and not _reduced_passive(tok):
            return True
        if tok.pos_ in {"NOUN", "PROPN"} and lemma in ASSERTION_NOUNS:
            return True
        if tok.pos_ == "ADJ" and lemma in ASSERTION_ADJECTIVES:
            return True
    return all(t.lower_ in FORM_CUES for t in span if not t.is_space)
