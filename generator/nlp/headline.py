"""A headline for an article that has none: the lead sentence's main clause, cut down.

News leads are long ("Chinese officials have claimed Muslim from the country's western
region are travelling to Syria and Iraq to join ISIS - before returning home to take part
in plots against the communist rule"); a title cut at a character count ends mid-phrase.
Here the lead is cut on its parse instead: whole dependency subtrees are taken out,
never part of a phrase, so what is left is still a clause of the article's own words
(restored case), subject, verb and object kept:

1. always out: what sits beside the main clause rather than in it: a dateline, words
   after a dash or a semicolon, brackets, appositives ("the Global Times, a newspaper
   affiliated with ..."), subordinate clauses ("As he awaits a report, ..."), a second
   coordinated clause, a leading "But";
2. then, only while the headline is over :data:`MAX_TITLE` characters and from the end of
   the sentence backwards: time words, purpose clauses, relative and participle clauses,
   prepositional phrases on nouns, then on the verb.

A sentence whose clause is still too long, has no subject or verb, or whose subject is a
bare pronoun ("It was pretty impressive") gives way to the next story sentence; when none
of the first few will do, the title is the lead's subject and verb alone, else ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from generator.model import Sentence
from generator.nlp.keypoints import is_story_sentence

MAX_TITLE = 80
MIN_WORDS = 3
TRIES = 5  # story sentences tried, the lead first
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
ASIDES = {"appos", "parataxis", "discourse", "intj", "dislocated", "meta", "vocative"}
SUBORDINATE_MARKS = {"mark"}
TIME_DEPS = {"npadvmod", "tmod"}
# "knows (only too well) that ...": what the main verb says is never cut with what holds it
CLAUSE_COMPLEMENTS = {"ccomp", "csubj"}
NOUN_CLAUSES = {"relcl", "acl"}
PRONOUNS = {"it", "he", "she", "they", "this", "that", "these", "those", "we", "i", "you",
            "there"}
# A headline does not end on a word that needs another after it.
BAD_ENDS = {"DT", "IN", "CC", "TO", "PRP$", "WDT", "WP", "POS", "MD", "HYPH", "-LRB-"}
DATELINE_TOKENS = 8  # "WASHINGTON (Reuters) -": where the story was filed
DASHES = {"-", "--", "—", "–", ";", ":"}
BREAKS = {";", ":"}  # between clauses, spaced or not
ATTACHED = {",", ".", ";", ":", "!", "?", "'s", "n't", "%", ")"}
QUOTES = {"'", '"', "\u2018", "\u2019", "\u201c", "\u201d"}


def headline(sentences: Sequence[Sentence], spans: Sequence[Span | None]) -> str | None:
    """The headline of the first story sentence that gives one, else the lead's core."""
    tried = [(s, span) for s, span in zip(sentences, spans, strict=True)
             if span is not None and s.is_body and is_story_sentence(s.text)][:TRIES]
    for _, span in tried:
        title = title_of(span)
        if title is not None:
            return title
    for _, span in tried:
        title = title_of(span, allow_pronoun=True)
        if title is not None:
            return title
    return None


def _cheapest_cut(sentence: Span, kept: set[int], text: str,
                  candidates: list[tuple[int, Token]]) -> Token | None:
    """The next subtree to take out: of those that alone bring the title under the limit,
    the least important and then the shortest; when none does, the one that saves the most
    characters for its importance."""
    best_fit: tuple[int, int, Token] | None = None
    best_saving: tuple[float, Token] | None = None
    for weight, token in candidates:
        if token.i not in kept:
            continue
        shorter = _text(sentence, _without(kept, _ids(token.subtree)))
        saved = len(text) - len(shorter)
        if saved <= 0:
            continue
        if len(shorter) <= MAX_TITLE:
            if best_fit is None or (weight, saved) < best_fit[:2]:
                best_fit = (weight, saved, token)
        elif best_saving is None or saved / weight > best_saving[0]:
            best_saving = (saved / weight, token)
    if best_fit is not None:
        return best_fit[2]
    return best_saving[1] if best_saving else None


def title_of(sentence: Span, *, allow_pronoun: bool = False) -> str | None:
    """One sentence's main clause as a headline, or None when it does not make one."""
    root = _main_verb(sentence)
    if root is None:
        return None
    kept = _without(set(_tokens(root.subtree, sentence)), _asides(sentence, root))
    subject = _subject(root, kept)
    if subject is None or (not allow_pronoun and _bare_pronoun(subject)):
        return None
    text = _text(sentence, kept)
    needed = {t.i for t in root.subtree if t.dep_ in CLAUSE_COMPLEMENTS and _complements(t, root)}
    candidates = [(weight, token) for weight, stage in enumerate(STAGES, 1)
                  for token in stage(root, kept)
                  if not needed & set(_ids(token.subtree))]
    while len(text) > MAX_TITLE:
        step = _cheapest_cut(sentence, kept, text, candidates)
        if step is None:
            return None
        kept = _without(kept, _ids(step.subtree))
        text = _text(sentence, kept)
    if len(text) > MAX_TITLE or not _reads_as_clause(sentence, kept, root):
        return None
    return text


def _complements(clause: Token, root: Token) -> bool:
    """A clause that completes the main verb, directly or through an adverb ("knows only
    too well that ...")."""
    head = clause.head
    while head.i != root.i:
        if head.dep_ not in {"advmod", "acomp"} or head.head.i == head.i:
            return False
        head = head.head
    return True


def _main_verb(sentence: Span) -> Token | None:
    """The verb of the main clause: the root, or a root noun's clause ("Wanted: ...")."""
    root = sentence.root
    if root.pos_ in {"VERB", "AUX"}:
        return root
    clauses = [t for t in root.children if t.pos_ in {"VERB", "AUX"} and t.dep_ in {
        "ccomp", "parataxis", "conj"} and any(c.dep_ in SUBJECTS for c in t.children)]
    return clauses[0] if clauses else None


def _tokens(tokens: Iterable[Token], sentence: Span) -> list[int]:
    return [t.i for t in tokens if sentence.start <= t.i < sentence.end]


def _ids(tokens: Iterable[Token]) -> list[int]:
    return [t.i for t in tokens]


def _asides(sentence: Span, root: Token) -> set[int]:
    """Token ids that are never part of the headline (step 1 of the module's rules)."""
    out: set[int] = set()
    tokens = list(sentence)
    # a dateline, an aside between two spaced dashes, or a trailing part after one
    dashes = [t for t in tokens if t.text in DASHES and _spaced(t)]
    if len(dashes) >= 2 and dashes[0].text not in BREAKS:
        out.update(range(dashes[0].i, dashes[1].i + 1))
    elif dashes and dashes[0].i > root.i:
        out.update(range(dashes[0].i, sentence.end))
    elif dashes and (dashes[0].i - sentence.start <= DATELINE_TOKENS
                     or dashes[0].text in BREAKS):
        out.update(range(sentence.start, dashes[0].i + 1))
    # brackets
    depth_open = None
    for token in tokens:
        if token.text in {"(", "["}:
            depth_open = token.i
        elif token.text in {")", "]"} and depth_open is not None:
            out.update(range(depth_open, token.i + 1))
            depth_open = None
    for token in tokens:
        if token.dep_ in ASIDES or (token.dep_ == "advcl" and not _is_purpose(token)):
            out.update(_ids(token.subtree))
        elif token.dep_ == "conj" and token.head.i == root.i and token.pos_ in {"VERB", "AUX"}:
            out.update(_ids(token.subtree))
            out.update(c.i for c in root.children if c.dep_ in {"cc", "punct"}
                       and c.i > root.i and c.i < token.i and _follows_only(c, token))
        elif token.dep_ == "relcl" and token.left_edge.i > sentence.start and \
                tokens[token.left_edge.i - sentence.start - 1].text == ",":
            out.update(_ids(token.subtree))  # ", who ...": a non-restrictive clause
        elif _after_comma(token, sentence) and (
                (token.dep_ == "npadvmod" and token.head.pos_ in {"NOUN", "PROPN"})
                or (token.head.i == root.i and token.i > root.i and token.dep_ in {
                    "attr", "dobj", "npadvmod"} and any(c.dep_ == token.dep_ and c.i < token.i
                                                        for c in root.children))):
            out.update(_ids(token.subtree))  # "..., a step towards ..."
        elif token.head.i == root.i and token.i < root.i and token.dep_ in {"cc", "mark"}:
            out.add(token.i)
        elif token.head.i == root.i and token.i < root.i and token.dep_ in {
                "advmod", "prep", "npadvmod"} and _followed_by_comma(token, sentence):
            out.update(_ids(token.subtree))  # "On Tuesday, ...", "Meanwhile, ..."
    return out


def _spaced(token: Token) -> bool:
    """A dash between words ("home - before"), not a hyphen ("ex-fiance")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    spaced = token.whitespace_ and (before is None or before.whitespace_)
    return token.text in BREAKS or bool(spaced)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _follows_only(punct: Token, conj: Token) -> bool:
    """A comma or "and" that only joins the dropped clause to the kept one."""
    return conj.i - punct.i <= 2


def _followed_by_comma(token: Token, sentence: Span) -> bool:
    after = token.right_edge.i + 1
    return after < sentence.end and sentence.doc[after].text == ","


def _after_comma(token: Token, sentence: Span) -> bool:
    before = token.left_edge.i - 1
    return before >= sentence.start and sentence.doc[before].text == ","


def _is_purpose(token: Token) -> bool:
    """"... to join ISIS": an infinitive clause that says what the action is for."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) and \
        token.i > token.head.i


def _subject(root: Token, kept: set[int]) -> Token | None:
    for child in root.children:
        if child.dep_ in SUBJECTS and child.i in kept:
            return child
    if root.dep_ in {"xcomp", "conj"}:
        return _subject(root.head, kept)
    return None


def _bare_pronoun(subject: Token) -> bool:
    return subject.lower_ in PRONOUNS and len(list(subject.subtree)) == 1


def _without(kept: set[int], drop: Iterable[int]) -> set[int]:
    return kept - set(drop)


def _time_words(root: Token, kept: set[int]) -> list[Token]:
    """"on Saturday", "previously", "last week": when, not what (a word or a phrase
    on a verb, never one that holds a clause)."""
    return [t for t in root.subtree if t.i in kept and t.head.pos_ in {"VERB", "AUX"} and (
        t.dep_ in TIME_DEPS or (t.dep_ == "advmod" and t.lower_ != "not")
        or (t.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in t.subtree)))
        and not any(c.pos_ in {"VERB", "AUX"} for c in t.subtree)]


def _purpose_clauses(root: Token, kept: set[int]) -> list[Token]:
    found = [t for t in root.subtree if t.i in kept and t.dep_ == "advcl"]
    return found


def _noun_clauses(root: Token, kept: set[int]) -> list[Token]:
    found = [t for t in root.subtree if t.i in kept and t.dep_ in NOUN_CLAUSES]
    return found


def _noun_phrases(root: Token, kept: set[int]) -> list[Token]:
    """Prepositional phrases on nouns: "the war (in Iraq)"."""
    found = [t for t in root.subtree if t.i in kept and t.dep_ == "prep"
             and t.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}]
    return found


def _verb_phrases(root: Token, kept: set[int]) -> list[Token]:
    """Prepositional phrases and adverbs on verbs, objects kept: "sold (for $5m)"."""
    found = [t for t in root.subtree if t.i in kept and t.dep_ in {"prep", "advmod", "agent"}
             and t.head.pos_ in {"VERB", "AUX"} and t.lower_ != "not"]
    return found


def _reads_as_clause(sentence: Span, kept: set[int], root: Token) -> bool:
    words = [sentence.doc[i] for i in sorted(kept) if not sentence.doc[i].is_punct]
    if len(words) < MIN_WORDS or root.i not in kept or _subject(root, kept) is None:
        return False
    return words[-1].tag_ not in BAD_ENDS


def _text(sentence: Span, kept: set[int]) -> str:
    """Kept tokens as written; commas left dangling by a cut removed, quotes balanced."""
    doc = sentence.doc
    ids = sorted(kept)
    drop: set[int] = set()
    for n, i in enumerate(ids):
        if n + 1 < len(ids) and ids[n + 1] != i + 1:  # a cut after token i
            after = ids[n + 1]
            cut_ends_comma = doc[after - 1].text == ","
            if doc[i].text == "," and (doc[after].text == "," or cut_ends_comma):
                drop.add(i)  # "the Times, [a newspaper ...,] said"
            if doc[after].text == "," and (doc[i + 1].text == "," or doc[i].text == ","):
                drop.add(after)
    ids = [i for i in ids if i not in drop]
    while ids and (doc[ids[0]].is_punct or doc[ids[0]].dep_ in {"cc", "mark"}
                   or doc[ids[0]].tag_ == "CC"):
        ids.pop(0)  # "But", "And", a comma left at the start
    while ids and doc[ids[-1]].is_punct and doc[ids[-1]].text not in QUOTES:
        ids.pop()
    quotes = [i for i in ids if doc[i].text in QUOTES and doc[i].tag_ != "POS"]
    if len(quotes) % 2:
        ids = [i for i in ids if i not in quotes]  # an unbalanced quote: none at all
    while ids and doc[ids[-1]].is_punct and doc[ids[-1]].text not in QUOTES:
        ids.pop()
    parts: list[str] = []
    for previous, i in zip([None, *ids], ids, strict=False):
        if previous is not None and (doc[previous].whitespace_ or i != previous + 1) \
                and doc[i].text not in ATTACHED:
            parts.append(" ")
        parts.append(doc[i].text)
    text = "".join(parts).strip()
    return text[:1].upper() + text[1:]


def _that(root: Token, kept: set[int]) -> list[Token]:
    """"says (that) Rooney suffered ...": the complementiser a headline leaves out."""
    return [t for t in root.subtree if t.i in kept and t.dep_ == "mark" and t.lower_ == "that"
            and t.head.dep_ == "ccomp" and t.head.head.pos_ in {"VERB", "AUX"}]


def _name_descriptors(root: Token, kept: set[int]) -> list[Token]:
    """"(Manchester United manager) Louis Van Gaal": the words before a name that say who
    the person is; the name alone still says who acts."""
    found = []
    for token in root.subtree:
        if token.i not in kept or token.ent_type_ != "PERSON" or token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and token.doc[start - 1].head.i == token.i and (
                token.doc[start - 1].ent_type_ == "PERSON" or token.doc[start - 1].tag_ == "HYPH"):
            start -= 1
        found += [c for c in token.children if c.i < start and c.i in kept
                  and c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ != "PERSON"]
    return found


# Cut in this order of importance (a weight each): what matters least first.
STAGES = (_that, _time_words, _purpose_clauses, _noun_clauses, _noun_phrases,
          _name_descriptors, _verb_phrases)
