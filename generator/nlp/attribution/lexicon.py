"""Word lists for attribution cues.

The lists were curated by hand, guided by which cue lemmas are frequent in political news
attribution corpora. They are grouped by how the cue takes its content, because that decides
which dependency child holds the content.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set from whitespace-separated words (keeps the long lists readable)."""
    return frozenset(words.split())


# Verbs of saying: content is usually a clausal complement (ccomp / "that"-clause / quote).
SPEECH_VERBS: frozenset[str] = word_set("""
say tell claim insist deny warn argue add note report write tweet post explain suggest
continue announce declare state assert allege acknowledge admit concede confirm reveal
disclose predict promise pledge vow reply respond answer recall remark comment observe
emphasize stress reiterate repeat contend maintain conclude estimate indicate testify
complain boast brag joke quip lament caution assure remind inform speculate hint imply ask
wonder agree counter retort shout yell cite mention continue urge demand propose recommend
show find signal charge concur affirm proclaim contest dispute disagree protest threaten
swear guarantee advise announce testify theorize reason surmise posit muse blog text email
acknowledge forecast project calculate conclude determine rule declare reckon emphasise
recognise recognize highlight underscore lie whisper scream chant cheer tout predict
explain describe question challenge point refer respond
""")

# Cues that only frame a direct quote ('"...," he continued'); as reported-speech verbs they
# mostly mean something else ("continued to campaign").
QUOTE_ONLY_VERBS: frozenset[str] = word_set("""
continue raise
""")

# Verbs of thinking/feeling: content is a clause or an infinitive ("expects to win").
BELIEF_VERBS: frozenset[str] = word_set("""
believe think expect fear hope worry doubt suspect assume realize realise anticipate plan
envision refuse decline seek decide prefer
""")

# Verbs that take their content as an object (plus its prepositional tail):
# "blamed the violence on militants", "accused him of lying".
OBJECT_VERBS: frozenset[str] = word_set("""
blame accuse criticize criticise praise endorse oppose condemn denounce blast slam mock
reject dismiss dispute question thank congratulate applaud rebuke chide deride decry
lambast assail call urge credit fault attribute announce reveal propose demand deny
acknowledge admit cite describe label dub brand characterize portray champion tout hail
warn predict promise pledge vow express voice raise reiterate
back defend attack echo offer name prefer discuss support
""")

# Stance verbs are cues only when finite: "X supports Y", not "pledged to support Y".
STANCE_VERBS: frozenset[str] = word_set("""
back defend attack echo offer name prefer support
""")

# Raising verbs: "X seemed to Y" / "it appears that X" is an impression without a speaker.
RAISING_VERBS: frozenset[str] = word_set("""
seem appear
""")

# Lemmatizer slips on cue verbs ("hoping" -> "hop").
LEMMA_FIXES: dict[str, str] = {"hoping": "hope", "hoped": "hope", "hopes": "hope"}

# Nouns that, as object of "express/voice/raise", make the pair a cue: "expressed concerns about X".
STANCE_NOUNS: frozenset[str] = word_set("""
concern worry fear doubt hope confidence skepticism scepticism frustration anger
opposition support optimism alarm dismay outrage regret disappointment interest belief
view opinion suspicion reservation
""")

# Report nouns whose clausal complement is content: "claims that ...", "the allegation that".
REPORT_NOUNS: frozenset[str] = word_set("""
claim allegation accusation assertion statement suggestion argument belief fear concern
hope warning promise pledge report rumor rumour charge insistence prediction
""")

# Passive cue participles that attribute without a speaker: "is said to", "attacks blamed on".
PASSIVE_VERBS: frozenset[str] = word_set("""
say claim blame believe report expect allege think fear rumor rumour suspect accuse
consider estimate know predict understand attribute suggest tell reveal show
""")

# Source-like nouns for poll/document evidence verbs ("a poll shows ...").
FIRST_SECOND_PERSON: frozenset[str] = word_set("""
i me we us you my our your
""")


ALL_CUE_VERBS: frozenset[str] = SPEECH_VERBS | BELIEF_VERBS | OBJECT_VERBS

QUOTE_CHARS: frozenset[str] = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019",
                                          "``", "''"})
OPENING_QUOTES: frozenset[str] = frozenset({"\u201c", "\u2018", "``"})
CLOSING_QUOTES: frozenset[str] = frozenset({"\u201d", "\u2019", "''"})
