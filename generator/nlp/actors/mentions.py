"""Actor mentions: the noun phrases of a parsed article that can refer to an actor.

Each mention gets a kind and an identity key. Names are keyed by their canonical
form (aliases and acronyms folded); a country's officials, its capital and the
country itself acting are keyed as its government; bare phrases ("officials",
"the group") and pronouns get no key here: :mod:`.coref` links them
to an earlier actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from generator.lexicon import (
    DEMONYMS,
    DETERMINERS,
    PARTITIVES,
    PERSON_DESCRIPTORS,
    PERSON_SUFFIXES,
    PRONOUN_REFERENTS,
)
from generator.nlp.actors import lexicon as lex
from generator.nlp.actors.names import normal, person_name, singular
from generator.nlp.attribution import BELIEF_VERBS, OBJECT_VERBS, SPEECH_VERBS
from generator.nlp.pipeline import PARAGRAPH_STARTS
from generator.nlp.timex.lexicon import WEEKDAYS

AGENT_VERBS = SPEECH_VERBS | BELIEF_VERBS | OBJECT_VERBS | frozenset({
    "ban", "offer", "ignore", "launch", "order", "arrest", "detain", "kill", "attack", "impose",
    "sign", "approve", "reject", "refuse", "vow", "plan", "decide", "threaten", "sanction",
    "invade", "bomb", "fund", "support", "back", "lead", "govern", "rule", "demand", "seek",
})
OPINION_VERBS = frozenset({"vote", "choose", "favor", "favour", "prefer", "oppose", "want",
                           "like", "dislike", "view", "rate", "trust", "agree", "disagree"})
TRAILING_POS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "PUNCT", "PART"}
PERSONAL_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"}
PARTITIVE_HEADS = PARTITIVES | {"member"}  # "a member (of X) said": X is the actor
SUBJECTS = {"nsubj", "nsubjpass"}
LABEL_WORDS = 3  # a transcript's speaker label: at most this many words before the colon
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
# Words before the head that are no part of a name or key ("another official").
_DETERMINERS = DETERMINERS | {"another", "some", "many", "several"}


@dataclass
class Candidate:
    """One mention of a possible actor, as tokens ``doc[start:end]``."""

    start: int
    end: int
    kind: str
    key: str | None  # identity; None until coreference decides
    role: str  # "named", "nominal", "bare" or "pronoun"
    head: str  # lower-case head word, for bare references
    description: str | None = None
    gender: str | None = None  # "f" or "m" when a title or first name says so
    titles: tuple[str, ...] = ()  # roles the text gives a person ("president", "leeds captain")

    def span(self, doc: Doc) -> SpacySpan:
        return doc[self.start:self.end]


def collect(doc: Doc) -> list[Candidate]:
    """Every candidate mention in text order; overlapping ones keep the first found."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for candidate in (_from_noun_phrases(doc) + _speaker_labels(doc) + _from_entities(doc)
                      + _pronouns(doc)):
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        found.append(candidate)
    return sorted(found, key=lambda c: c.start)


def _speaker_labels(doc: Doc) -> list[Candidate]:
    """"PENCE: Well, look, ...": a name and a colon opening a paragraph is a transcript's
    speaker, a person (joined to the full name by :mod:`.coref`)."""
    found = []
    starts = doc.user_data.get(PARAGRAPH_STARTS, frozenset()) | {0}
    for sent in doc.sents:  # a paragraph opens with a sentence
        if sent.start_char not in starts:
            continue
        i = sent.start
        while i < len(doc) and doc[i].is_quote:
            i += 1
        end = next((j for j in range(i, min(i + LABEL_WORDS + 1, len(doc)))
                    if doc[j].text == ":"), None)
        if end is None or end == i or not all(_label_name(t) for t in doc[i:end]):
            continue
        name, gender = person_name(doc, doc[i:end])
        found.append(Candidate(i, end, "person", "person:" + name, "named", name, None, gender))
    return found


def _label_name(token: Token) -> bool:
    return token.is_alpha and len(token) > 1 and token.lower_ not in lex.NOT_SPEAKER_LABELS and (
        token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.is_upper)


def _from_entities(doc: Doc) -> list[Candidate]:
    return [c for ent in doc.ents if (c := _entity(doc, ent)) is not None]


def _entity(doc: Doc, ent: SpacySpan) -> Candidate | None:
    label = ent.label_
    if label not in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}:
        return None
    ent = _without_trailing_verb(doc, ent)
    root = ent.root
    text = normal(ent.text)
    if not text or text in lex.NOT_ACTORS:  # a tag on a lone "'s" or quote mark names no one
        return None
    if root.dep_ in MODIFIER_DEPS and not ent.start <= root.head.i < ent.end:
        # a people's name as a modifier is no mention ("Islamic dress", "a Muslim Uighur man"):
        # the phrase may be ("Uighur groups"); a person or body still is ("House panel")
        phrase = _modified_head(doc, ent, root.head)
        if phrase is not None or label == "NORP" or is_people(text):
            return phrase
    if label == "NORP" or is_people(text):
        return _people(doc, ent, text)
    if label == "PERSON" and (text in lex.ORGANISATION_ALIASES  # "vote Labour"
                              or text in lex.PLATFORMS):  # "took to Twitter"
        label = "ORG"
    elif label in {"ORG", "PERSON"} and _named_place(root):
        label = "GPE"
    elif label == "ORG" and text.partition(" ")[0] in PERSONAL_TITLES:  # "Mrs Creag added"
        label = "PERSON"
    if label == "PERSON":
        name, gender = person_name(doc, ent)
        return Candidate(ent.start, ent.end, "person", "person:" + name, "named", name,
                         _title(doc, ent), gender, person_titles(doc, ent))
    if label == "ORG":
        return _organisation(ent, text)
    if label == "GPE":
        return _geopolitical(ent, text)
    return Candidate(ent.start, ent.end, "place", "place:" + place_name(text), "named", text)


def _people(doc: Doc, ent: SpacySpan, text: str) -> Candidate | None:
    """A people ("the Uighurs", "about 300 Chinese"), or a state acting under its demonym.

    A bare singular word that does nothing is an adjective, not a referent ("a moderate form
    of Islamic"); a bare demonym that acts like a state is that state ("Chinese has expressed
    concerns"), while "300 Chinese are fighting" are people.
    """
    start = _phrase_start(doc, ent)
    root = ent.root
    counted = [c for c in root.children if c.dep_ == "nummod" and c.i < start]
    if counted:  # "about 300 Chinese": the number is part of who they are
        start = min(t.i for c in counted for t in c.subtree)
    before = doc[start - 1] if start > 0 else None
    determined = bool(counted) or (before is not None and (
        before.lower_ in _DETERMINERS | PARTITIVES or before.dep_ in {"det", "quantmod"}))
    bare = start == ent.start and not determined and len(ent) == 1
    if bare and text in DEMONYMS and acts(root):
        return Candidate(ent.start, ent.end, "government", "gov:" + DEMONYMS[text], "named",
                         text)
    if bare and not text.endswith("s") and root.dep_ not in SUBJECTS:
        return None
    return Candidate(start, ent.end, "group", "group:" + singular(text.split()[-1]), "named",
                     text)


def _without_trailing_verb(doc: Doc, ent: SpacySpan) -> SpacySpan:
    """"Julia Noted that...", "Sheffield Eagles at Headingley", "on Wednesday Mulumbu":
    restored case can pull a verb, a function word or a day into the name; a name ends in
    neither and starts with no weekday or quote mark."""
    start, end = ent.start, ent.end
    while end - start > 1 and doc[end - 1].pos_ in TRAILING_POS:
        end -= 1
    while end - start > 1 and (doc[start].lower_ in WEEKDAYS or doc[start].is_punct):
        start += 1
    return ent if (start, end) == (ent.start, ent.end) else doc[start:end]


def person_titles(doc: Doc, ent: SpacySpan) -> tuple[str, ...]:
    """Roles the text itself gives a person: "President Bush", "former prime minister Gordon
    Brown", "Brown, the former prime minister," and "Brown is the former prime minister"."""
    found = [w for w in normal(ent.text).split()[:-1] if w in lex.HONORIFICS]
    start = ent.start
    while start > 0 and doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"} and (
            doc[start - 1].dep_ in MODIFIER_DEPS | {"amod"}) and not doc[start - 1].ent_type_:
        start -= 1
    if start < ent.start:
        found.append(normal(doc[start:ent.start].text))
    root = ent.root
    described = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in SUBJECTS and root.head.lemma_ == "be":
        described += [c for c in root.head.children if c.dep_ == "attr"]
    for token in described:
        words = [t for t in token.subtree if t.i <= token.i]
        if token.pos_ == "NOUN" and words and words[0].lower_ == "the":
            found.append(normal(doc[words[0].i:token.i + 1].text))
    return tuple(dict.fromkeys(found))


def _organisation(ent: SpacySpan, text: str) -> Candidate:
    words = set(text.split())
    canonical = lex.ORGANISATION_ALIASES.get(text, text)
    if words & lex.MEDIA_HEADS:
        kind = "media"
    elif canonical in lex.MILITANT_NAMES:
        kind = "group"
    elif words & lex.GOVERNMENT_HEADS:
        kind = "government"
    else:
        kind = "organisation"
    return Candidate(ent.start, ent.end, kind, "org:" + canonical, "named", text)


def _geopolitical(ent: SpacySpan, text: str) -> Candidate:
    """A country or capital that acts (says, blames, bans) is its government."""
    country = lex.CAPITALS.get(text) or lex.COUNTRY_ALIASES.get(text, text)
    if acts(ent.root) and not _describes_a_person(ent):
        return Candidate(ent.start, ent.end, "government", "gov:" + country, "named", text)
    return Candidate(ent.start, ent.end, "place", "place:" + place_name(text), "named", text)


def _describes_a_person(ent: SpacySpan) -> bool:
    """"the Tottenham forward posted", "the Tbilisi, Georgia, native": where someone is from."""
    doc, i = ent.doc, ent.end
    while i < min(len(doc), ent.end + 4) and (doc[i].is_punct or doc[i].ent_type_ == "GPE"):
        i += 1
    return i < len(doc) and doc[i].lower_ in PERSON_DESCRIPTORS


def _modified_head(doc: Doc, ent: SpacySpan, head: Token) -> Candidate | None:
    """"Chinese officials", "Uighur groups", "Xinjiang authorities": the phrase is the actor."""
    kind = head_kind(head)
    if kind is None or head.i < ent.start or (kind == "person" and not acts(head)):
        return None
    return Candidate(ent.start, head.i + 1, kind, modified_key(kind, normal(ent.text), head),
                     "nominal", head.lower_)


def modified_key(kind: str, modifier: str, head: Token) -> str:
    """"Chinese officials" are China's government; "Uighur groups" are their own actor."""
    if kind == "government":
        country = DEMONYMS.get(modifier) or lex.CAPITALS.get(modifier)
        return "gov:" + (country or lex.COUNTRY_ALIASES.get(modifier, modifier))
    return f"{kind}:{singular(modifier.split()[-1])} {singular(head.lower_)}"


def _named_place(root: Token) -> bool:
    """"the capital Urumqi", "the city of Kashgar": a place, whatever NER said."""
    near = [root.head, *root.children]
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        near.append(root.head.head)
    return any(t.lower_ in lex.PLACE_HEADS for t in near if t.i != root.i)


def is_people(text: str) -> bool:
    return singular(text.split()[-1]) in lex.PEOPLES if text else False


def _from_noun_phrases(doc: Doc) -> list[Candidate]:
    """Agent noun phrases that act or speak: subjects, and agents of passives."""
    found = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ not in {"NOUN", "PROPN"} or _describes_someone(root) or (
                singular(root.lower_) in lex.EVENT_HEADS):
            continue
        name = _known_name(doc, chunk) or _unlabelled_name(doc, chunk)
        if name is not None:
            found.append(name)
            continue
        if root.lower_ == "percent" and _answers(root):  # "47 percent said": poll respondents
            found.append(Candidate(chunk.start, chunk.end, "group", "group:" + normal(chunk.text),
                                   "nominal", "percent"))
            continue
        if root.ent_type_ or root.lower_ in PARTITIVE_HEADS:
            continue
        kind = head_kind(root)
        is_agent = root.dep_ in SUBJECTS or (root.dep_ == "pobj" and (
            root.head.dep_ == "agent" or _according_to(root.head)))
        speaks_for = root.lower_ in lex.DOCUMENT_HEADS and root.head.pos_ in {"VERB", "ADP"}
        if is_agent and (kind not in {None, "person"} or acts(root) or speaks_for) and not (
                kind is None and not speaks_for and _thing_showing(root)):
            found.append(_nominal(doc, chunk, kind or "other"))
    return found


def _thing_showing(root: Token) -> bool:
    """"Tests show", "the footage revealed", "public support continued": a thing that shows
    or goes on, not someone; a noun of people ("investigators found") still acts."""
    capitalised = root.text[:1].isupper() and root.i != root.sent.start  # "RealClearPolitics"
    return root.pos_ == "NOUN" and root.head.lemma_.lower() in lex.EVIDENCE_VERBS and \
        not capitalised and not root.lower_.endswith(PERSON_SUFFIXES) and \
        singular(root.lower_) not in lex.BODIES


def _unlabelled_name(doc: Doc, chunk: SpacySpan) -> Candidate | None:
    """A proper name that acts but that NER missed or mislabelled ("Chatwal pleaded")."""
    root = chunk.root
    if root.pos_ != "PROPN" or root.dep_ not in SUBJECTS or root.ent_type_ in {
        "PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}:
        return None
    if head_kind(root) is not None or root.lower_ in lex.ANAPHORIC_HEADS:
        return None  # a capitalised common noun ("The Organisation") is not a name
    start = chunk.start
    while start < root.i and (doc[start].pos_ != "PROPN" or doc[start].lower_ in WEEKDAYS):
        start += 1
    words = normal(doc[start:root.i + 1].text).split()
    gender = lex.HONORIFICS.get(words[0]) if len(words) > 1 else None
    while len(words) > 1 and words[0] in lex.HONORIFICS:
        words = words[1:]
    text = " ".join(words)
    return Candidate(start, root.i + 1, "other", "name:" + text, "named", text, None, gender)


def _answers(root: Token) -> bool:
    """"47 percent said", "56 percent would vote for": a poll's respondents acting."""
    return acts(root) or (root.dep_ in SUBJECTS and root.head.lemma_.lower() in OPINION_VERBS)


def _according_to(prep: Token) -> bool:
    return prep.lower_ == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "according"


def _known_name(doc: Doc, chunk: SpacySpan) -> Candidate | None:
    """Well-known names NER may miss: "the Islamic State", "the Global Times" (as PROPN)."""
    start = chunk.start + (1 if chunk[0].lower_ in _DETERMINERS else 0)
    text = normal(doc[start:chunk.end].text)
    if text in lex.ORGANISATION_ALIASES or text in lex.MILITANT_NAMES:
        canonical = lex.ORGANISATION_ALIASES.get(text, text)
        kind = "group" if canonical in lex.MILITANT_NAMES else "organisation"
        return Candidate(start, chunk.end, kind, "org:" + canonical, "named", text)
    root = chunk.root
    if root.pos_ == "PROPN" and root.lower_ in lex.MEDIA_HEADS and root.i - start >= 1:
        return Candidate(start, chunk.end, "media", "org:" + text, "named", text)
    return None


def _describes_someone(root: Token) -> bool:
    """"another official, Shohrat Zakir": the phrase describes a named person."""
    linked = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        linked.append(root.head)
    return any(t.ent_type_ == "PERSON" for t in linked)


def _nominal(doc: Doc, chunk: SpacySpan, kind: str) -> Candidate:
    root = chunk.root
    start = chunk.start
    while start < root.i and doc[start].lower_ in _DETERMINERS:
        start += 1
    place = _located_in(root)
    modifiers = [t for t in doc[start:root.i] if t.dep_ in MODIFIER_DEPS]
    named = [t for t in modifiers if t.ent_type_ in {"NORP", "GPE"}]
    if named and kind != "other" and (kind != "person" or acts(root)):
        modifier = normal(" ".join(t.text for t in named))
        return Candidate(named[0].i, root.i + 1, kind, modified_key(kind, modifier, root),
                         "nominal", root.lower_)
    if chunk[0].lower_ == "another":
        return Candidate(start, root.i + 1, kind, f"{kind}:{root.lower_}@{root.i}", "nominal",
                         root.lower_)
    if place is not None and kind == "government":
        end = max(t.i for t in place.subtree) + 1
        return Candidate(start, end, kind, "gov:" + place_key(place), "nominal", root.lower_)
    if not modifiers and root.lower_ in lex.ANAPHORIC_HEADS | lex.GOVERNMENT_HEADS:
        return Candidate(start, root.i + 1, kind, None, "bare", root.lower_)
    text = " ".join([normal(t.text) for t in doc[start:root.i]] + [singular(root.lower_)])
    return Candidate(start, root.i + 1, kind, f"{kind}:{text}", "nominal", root.lower_)


def _pronouns(doc: Doc) -> list[Candidate]:
    return [Candidate(t.i, t.i + 1, PRONOUN_REFERENTS[t.lower_], None, "pronoun", t.lower_)
            for t in doc if t.lower_ in PRONOUN_REFERENTS and t.dep_ in SUBJECTS]


def _located_in(root: Token) -> Token | None:
    """The place in "authorities in Xinjiang" / "officials of Beijing"."""
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "of", "from"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC"}:
                    return obj
    return None


def place_key(token: Token) -> str:
    """The government a place stands for: capitals and aliases fold into their country."""
    text = normal(" ".join(t.text for t in token.subtree if t.ent_type_))
    return lex.CAPITALS.get(text) or lex.COUNTRY_ALIASES.get(text, text)


def place_name(text: str) -> str:
    """A place as itself: aliases fold ("U.S." is "United States"), capitals stay cities."""
    return lex.COUNTRY_ALIASES.get(text, text)


def _phrase_start(doc: Doc, ent: SpacySpan) -> int:
    """Include adjectives and compounds before an entity ("the minority Muslim Uighur")."""
    start = ent.start
    while start > 0 and doc[start - 1].dep_ in {"amod", "compound"} and (
        doc[start - 1].head.i >= ent.start
    ):
        start -= 1
    return start


def _title(doc: Doc, ent: SpacySpan) -> str | None:
    """A title written before a name ("President", "Party secretary")."""
    words = [t.text for t in doc[max(ent.start - 3, 0):ent.start]
             if t.dep_ == "compound" and t.head.i in range(ent.start, ent.end)
             and t.pos_ in {"NOUN", "PROPN"}]
    return " ".join(words) or None


def head_kind(token: Token) -> str | None:
    word = token.lower_
    if word in lex.ROLE_HEADS:
        return "person"
    if word in lex.MEDIA_HEADS - {"agency", "paper", "press", "news", "post", "times"}:
        return "media"
    if word in lex.GOVERNMENT_HEADS and not _a_condition(token):
        return "government"
    if word in lex.GROUP_HEADS:
        return "group"
    if word in lex.PERSON_HEADS:
        return "person"
    return None


def _a_condition(token: Token) -> bool:
    """"the team's state of health", "a state of emergency": a state of something that is no
    name ("the state of Texas" is one) is a condition, not a government."""
    return token.lower_ == "state" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and o.pos_ != "PROPN" for o in c.children) for c in token.children)


def acts(token: Token) -> bool:
    """The token is the subject of a verb of saying, thinking or political action."""
    verb = token.head
    return token.dep_ in SUBJECTS and verb.pos_ in {"VERB", "AUX"} and (
        verb.lemma_.lower() in AGENT_VERBS
        or any(c.dep_ == "conj" and c.lemma_.lower() in AGENT_VERBS for c in verb.children)
    )
