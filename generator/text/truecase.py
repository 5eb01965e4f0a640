"""Restore the case of lower-cased word tokens from shipped statistics.

Each word gets the cased form that best fits its own counts and its neighbours
(a left-to-right choice scored like Lita et al. 2003 "tRuEcasIng": unigram case
share, backward bigram with the chosen previous form, forward bigram with the
next lower-case word). Counts come from ``data/case_stats.tsv.gz`` (see
``tools/build_case_data.py``); ``data/case_words.txt`` is a hand-written list of acronyms,
brands and context rules that overrides them. A second, document-level pass gives a
surname cued once ("Eden Hazard") to its other mid-sentence occurrences. Everything is
dict look-ups, so it costs little next to spaCy.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.lexicon import DETERMINERS, PERSON_DESCRIPTORS
from generator.text.captions import load_verb_forms
from generator.text.case_context import (
    capitalise_titles,
    heads_name,
    is_demonym,
    lower_bare_institutions,
    reported_outlets,
    starts_name,
    upper_codes,
)
from generator.text.detokenize import CLAUSE_WORDS, SAY_VERBS
from generator.text.hyphens import Hyphens, load_hyphens
from generator.text.tables import Chain, Table, sorted_lines

DATA = Path(__file__).parent / "data"
PSEUDO = 5.0
HANDLIST_COUNT = 1_000_000
MAX_NAME_WORDS = 4
# Endings of inflected and derived common words; an unseen word with one stays lower-case.
COMMON_SUFFIXES = ("ing", "ed", "ly", "ness", "ment", "er")
MIN_STEM = 4
# Words more frequent than this are not spread through a document as names (Lita counts).
SPREAD_MAX_COUNT = 10_000
# Quantifiers and verbs that often sit between a name and a head noun ("shot him several times").
NOT_MODIFIERS = frozenset({"several", "multiple", "many", "few", "some", "all", "both", "each",
                           "every", "other", "more", "most", "three", "four", "five", "include",
                           "includes", "narrated", "joined", "joins", "left", "leaves", "visited",
                           "visits", "attended", "attends", "praised", "thanked"})
MODIFIER_MAX_COUNT = 50_000  # words more frequent than this are function words
# Words before a noun that make it a common noun ("a fire hazard"), not a name.
NOUN_OPENERS = DETERMINERS | {"every", "any", "no", "another"}
# Words that open a phrase describing someone: "the England captain", "former Chelsea star".
DESCRIBING_OPENERS = DETERMINERS | {"former", "ex", "fellow", "veteran", "young", "new", "'s"}
SPREAD_MIN_SHARE = 0.1  # ... nor mostly lower-case nouns (``ankle Boots`` after ``Chelsea``)
# Share of capitalised uses in the counts above which a bare possessive noun is a name.
POSSESSIVE_NAME_SHARE = 0.2
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your", "whose"})
PREPOSITIONS = frozenset(re.findall(r"\w+", """
    about above across after against along among around before behind below beneath beside
    between beyond during except inside into near outside over past since through toward
    towards under until upon within without
"""))
# Words after which a capitalisable word is a name ("Mr Hazard", "President Xi").
TITLES = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "lord", "lady",
                    "president", "senator", "sen.", "rep.", "gov.", "governor", "judge",
                    "prince", "princess", "king", "queen", "pope", "rev.", "professor",
                    "prof.", "gen.", "general", "captain", "capt.", "sgt.", "lt."})


@dataclass(frozen=True)
class Rule:
    """A cased form that applies only next to certain words."""

    form: str
    side: str  # "prev" or "next"
    words: frozenset[str]

    def matches(self, prev: str | None, nxt: str | None) -> bool:
        """``prev`` is the chosen (cased) previous form, ``nxt`` the next lower-case word."""
        word = prev if self.side == "prev" else nxt
        if word is None:
            return False
        if "^" in self.words and self.side == "prev" and heads_name(word):
            return True
        word = word.lower()
        return word in self.words or ("#" in self.words and word[:1].isdigit())


@dataclass(frozen=True)
class CaseModel:
    """Case statistics: forms per lower-case word, bigram counts, hand rules."""

    forms: Table  # lower-case word -> ((form, count), ...)
    lower_words: Table  # words seen only in lower case
    backward: Table  # "previous<TAB>form" -> count
    backward_class: Table  # "case class of previous<TAB>form" -> count
    forward: Table  # "form<TAB>next" -> count
    fixed: dict[str, str]
    rules: dict[str, tuple[Rule, ...]]
    guessed: Table  # word -> cased guess
    hyphens: Hyphens
    given: Table  # given names
    phrases: Chain  # multi-word names, lower -> cased (hand list, then gazetteers)
    verbs: frozenset[str]  # finite verb forms (``said``, ``told``, ``takes``)

    def case_tokens(self, tokens: list[str], starts: set[int]) -> list[str]:
        """Cased forms of lower-case ``tokens``; indexes in ``starts`` begin a sentence."""
        return self.case_document([(tokens, starts)])[0]

    def case_document(self, sentences: list[tuple[list[str], set[int]]]) -> list[list[str]]:
        """Case every sentence, then spread names found with strong evidence in the document.

        A surname cued once by a title or given name ("Eden Hazard") is a name at its other
        mid-sentence occurrences too ("Hazard scored"), where the counts alone see a noun.
        """
        passes = [self._case_sentence(tokens) for tokens, _ in sentences]
        names = {tokens[i]: chosen[i]
                 for (tokens, _), (chosen, strong) in zip(sentences, passes, strict=True)
                 for i in strong}
        cased = []
        for (tokens, starts), (chosen, _) in zip(sentences, passes, strict=True):
            for i, token in enumerate(tokens):
                if (chosen[i] == token and token in names and i not in starts
                        and (i == 0 or tokens[i - 1] not in NOUN_OPENERS)):  # "a fire hazard"
                    chosen[i] = names[token]
            self._extend_names_right(tokens, chosen)
            # sentence-initial capitals are display only: they are no evidence for the context
            cased.append([_upper_first(f) if i in starts else f for i, f in enumerate(chosen)])
        return cased

    def _case_sentence(self, tokens: list[str]) -> tuple[list[str], set[int]]:
        """Cased forms of one sentence and the indexes cased as names on strong evidence."""
        chosen: list[str] = []
        strong: set[int] = set()
        for i, token in enumerate(tokens):
            prev = chosen[i - 1] if i else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            chosen.append(self.case_word(token, prev, nxt))
            if (prev and prev[:1].isupper() and chosen[i] != token and self._name_cue(prev)
                    and self._spreads(token)):
                strong.add(i)
        self._possessive_names(tokens, chosen, strong)
        upper_codes(tokens, chosen)
        reported_outlets(tokens, chosen)
        capitalise_titles(tokens, chosen)
        self._extend_names_left(tokens, chosen)
        self._lower_descriptors(tokens, chosen)
        self._given_after_descriptors(tokens, chosen)
        lower_bare_institutions(tokens, chosen)
        self._mark_phrases(tokens, chosen)
        self._extend_names_right(tokens, chosen)
        return chosen, strong

    def _possessive_names(self, tokens: list[str], chosen: list[str], strong: set[int]) -> None:
        """``at sugar bear 's home``, ``crystal cathedral 's``: a noun that takes ``'s`` with no
        determiner or possessive before it is a name when the counts often capitalise it."""
        for i in range(1, len(tokens) - 1):
            word = tokens[i]
            if (tokens[i + 1] != "'s" or chosen[i] != word or not word.isalpha()
                    or word in CLAUSE_WORDS or word in self.fixed or word in self.rules
                    or tokens[i - 1] in NOUN_OPENERS or tokens[i - 1] in POSSESSIVES):
                continue
            forms = self.forms.get(word, ())
            total = sum(count for _, count in forms)
            capitals = [(count, form) for form, count in forms if form[:1].isupper()]
            if capitals and sum(c for c, _ in capitals) >= POSSESSIVE_NAME_SHARE * total:
                chosen[i] = max(capitals)[1]
                if self._spreads(word):
                    strong.add(i)

    def _spreads(self, word: str) -> bool:
        """Surnames, not frequent words caught after a name (``Julia also``); hand-listed
        and context-ruled words have their own rules."""
        if not word.isalpha() or word in self.fixed or word in self.rules:
            return False
        forms = self.forms.get(word, ())
        total = sum(count for _, count in forms)
        capitalised = sum(count for form, count in forms if form[:1].isupper())
        return total < SPREAD_MAX_COUNT and capitalised >= SPREAD_MIN_SHARE * total

    def case_word(self, word: str, prev: str | None, nxt: str | None) -> str:
        """The best cased form of one lower-case word in its context."""
        if not any(c.isalpha() for c in word):
            return word
        if word in self.rules:
            rules = self.rules[word]
            for rule in rules:
                if rule.matches(prev, nxt):
                    return rule.form
            if (prev and is_demonym(prev)) or not any("^" in r.words for r in rules):
                return word
        if word in self.fixed:
            return self.fixed[word]
        forms = self.forms.get(word)
        if prev and self._name_cue(prev) and word not in CLAUSE_WORDS and word not in SAY_VERBS:
            return self._name_form(word, forms)
        if forms:
            if len(forms) == 1:
                return forms[0][0]
            return max(forms, key=lambda fc: self._score(fc, forms, prev, nxt))[0]
        if word in self.lower_words:
            return word
        if word in self.guessed:
            return self.guessed[word]
        return self._unknown(word)

    def _score(
        self,
        candidate: tuple[str, float],
        forms: tuple[tuple[str, float], ...],
        prev: str | None,
        nxt: str | None,
    ) -> float:
        form, count = candidate
        score = math.log((count + PSEUDO) / sum(c + PSEUDO for _, c in forms))
        if prev is not None:
            score += self._share(self.backward, prev + "\t", form, forms, "")
            prev_class = _case_class(prev)
            if prev_class != "P":  # after punctuation the counts mostly see sentence starts
                score += self._share(self.backward_class, prev_class + "\t", form, forms, "")
        if nxt is not None:
            score += self._share(self.forward, "", form, forms, "\t" + nxt)
        return score

    @staticmethod
    def _share(
        table: dict[str, float],
        head: str,
        form: str,
        forms: tuple[tuple[str, float], ...],
        tail: str,
    ) -> float:
        """log P(form | context) with add-k smoothing over the word's forms."""
        total = sum(table.get(head + f + tail, 0.0) + PSEUDO for f, _ in forms)
        return math.log((table.get(head + form + tail, 0.0) + PSEUDO) / total)

    def _name_cue(self, prev: str) -> bool:
        """A title or a capitalised given name before a word makes it likely a name."""
        lower = prev.lower()
        return lower in TITLES or (lower in self.given and prev[:1].isupper())

    def _name_form(self, word: str, forms: tuple[tuple[str, float], ...] | None) -> str:
        """The capitalised form a word takes inside a name, if it ever takes one."""
        for form, _ in forms or ():
            if form[:1].isupper():
                return form
        if forms is None and word.isalpha() and word not in self.lower_words:
            return self.guessed.get(word, word.capitalize())
        return word

    def _extend_names_left(self, tokens: list[str], chosen: list[str]) -> None:
        """Right to left: a word joins the name after it when the counts pair them so.

        ``world war`` -> ``World War`` because "World War" outnumbers "world War".
        """
        for i in range(len(tokens) - 2, -1, -1):
            word, right = tokens[i], chosen[i + 1]
            if chosen[i] != word or not right[:1].isupper() or right.isupper():
                continue
            title = word.capitalize()
            if any(f == title for f, _ in self.forms.get(word, ())):
                named = self.backward.get(title + "\t" + right, 0.0)
                if named > 2 * self.backward.get(word + "\t" + right, 0.0) + PSEUDO:
                    chosen[i] = title

    def _lower_descriptors(self, tokens: list[str], chosen: list[str]) -> None:
        """``the Togo international``, ``Leeds captain Kevin Sinfield``: a noun that describes a
        person stays lower-case after a name when a determiner opens the phrase or a name
        follows, whatever the counts of capitalised ``International`` or ``Captain``."""
        for i in range(1, len(tokens)):
            word = tokens[i]
            if (word not in PERSON_DESCRIPTORS or chosen[i] == word or word in self.fixed
                    or word in self.rules or not starts_name(chosen[i - 1])):
                continue
            start = i - 1
            while start > 0 and starts_name(chosen[start - 1]):
                start -= 1
            opened = start > 0 and tokens[start - 1] in DESCRIBING_OPENERS
            named = i + 1 < len(tokens) and starts_name(chosen[i + 1])
            if opened or named:
                chosen[i] = word

    def _given_after_descriptors(self, tokens: list[str], chosen: list[str]) -> None:
        """``youtube star promise Tamang``: between a word that describes a person and a
        capitalised name, a common word is the given name (``Promise Tamang``), unless it is
        a function word, a verb (``director told Fox``, ``striker scored Sunday``) or another
        descriptor (``veteran actor Robert Hardy``)."""
        for i in range(1, len(tokens) - 1):
            word = tokens[i]
            if (tokens[i - 1] not in PERSON_DESCRIPTORS or chosen[i - 1] != tokens[i - 1]
                    or chosen[i] != word or not word.isalpha() or word in CLAUSE_WORDS
                    or word in PREPOSITIONS or word in PERSON_DESCRIPTORS or word in SAY_VERBS
                    or word in self.verbs or word in self.fixed or word in self.rules
                    or self._inflected(word)
                    or not starts_name(chosen[i + 1]) or chosen[i + 1].isupper()):
                continue
            chosen[i] = word.capitalize()

    def _extend_names_right(self, tokens: list[str], chosen: list[str]) -> None:
        """Name heads after names found late (``New York`` + ``times`` -> ``Times``).

        One content word may sit between the name and its head (``Crosby High School``,
        ``Leicester Crown Court``): both are capitalised.
        """
        for i in range(1, len(tokens)):
            head = self._head_form(tokens[i])
            if head is None or chosen[i] != tokens[i]:
                continue
            if heads_name(chosen[i - 1]):
                chosen[i] = head
            elif i > 1 and heads_name(chosen[i - 2]) and self._name_modifier(tokens[i - 1]):
                chosen[i - 1:i + 1] = [tokens[i - 1].capitalize(), head]

    def _head_form(self, word: str) -> str | None:
        for rule in self.rules.get(word, ()):
            if "^" in rule.words:
                return rule.form
        return None

    def _name_modifier(self, word: str) -> bool:
        """A content word that can stand inside a name: not a function word or a verb form."""
        if not word.isalpha() or len(word) < 3 or word in self.rules or word in self.fixed:
            return False
        if word in CLAUSE_WORDS or word in SAY_VERBS or word in NOT_MODIFIERS:
            return False
        total = sum(count for _, count in self.forms.get(word, ()))
        return total < MODIFIER_MAX_COUNT

    def _mark_phrases(self, tokens: list[str], chosen: list[str]) -> None:
        """Known multi-word names (gazetteers) are cased whole, longest match first."""
        i = 0
        while i < len(tokens):
            for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 1, -1):
                name = self.phrases.get(" ".join(tokens[i:i + n]))
                if name:
                    chosen[i:i + n] = name.split(" ")
                    i += n - 1
                    break
            i += 1

    def _unknown(self, word: str) -> str:
        """Words never seen: hyphenated ones by parts, other letter words as names."""
        if "-" in word.strip("-"):
            return "-".join(self.case_word(part, None, None) if part else part
                            for part in word.split("-"))
        if word.isalpha() and len(word) > 1 and not self._inflected(word):
            return word.capitalize()
        return word

    def _inflected(self, word: str) -> bool:
        """An unseen word built from a common word (``overviewing``, ``galvanised``,
        ``suncreams``): it stays lower-case; unseen names (``Dongming``) stay capitalised."""
        for suffix in COMMON_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= MIN_STEM:
                stems = (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem)
                if any(self.common(s) for s in stems):
                    return True
        return word.endswith("s") and self.common(word[:-1])

    def common(self, word: str) -> bool:
        """A word seen mostly lower-case, or an unseen one built from such a word."""
        if word in self.lower_words or _mostly_lower(self.forms.get(word)):
            return True
        return self.forms.get(word) is None and word not in self.guessed and self._inflected(word)


def _mostly_lower(forms: tuple[tuple[str, float], ...] | None) -> bool:
    if not forms:
        return False
    lower = sum(count for form, count in forms if form.islower())
    return lower > sum(count for _, count in forms) / 2


def _upper_first(form: str) -> str:
    for i, char in enumerate(form):
        if char.isalpha():
            return form[:i] + char.upper() + form[i + 1:]
    return form


def _case_class(form: str) -> str:
    """Coarse case of a neighbour: lower, title, upper or other."""
    if not any(c.isalpha() for c in form):
        return "P"
    if form.islower():
        return "L"
    if form.isupper() and len(form) > 1:
        return "U"
    return "T" if form[:1].isupper() else "O"


@lru_cache(maxsize=1)
def load_model() -> CaseModel:
    """Open the shipped statistics once per process (lookups are lazy, see :class:`Table`)."""
    lines = sorted_lines(DATA / "case_stats.tsv.gz")
    fixed, rules = _hand_list(DATA / "case_words.txt")
    return CaseModel(
        Table(lines, "u", lambda raw: tuple(_form_count(item) for item in raw.split(" "))),
        Table(lines, "l"), Table(lines, "b", float), Table(lines, "c", float),
        Table(lines, "f", float), fixed, rules, Table(lines, "s"),
        load_hyphens(lines, sorted_lines(DATA / "hyphen_stats.tsv.gz")),
        Table(lines, "g"), Chain(_hand_phrases(DATA / "case_phrases.txt"), Table(lines, "m")),
        load_verb_forms(),
    )


def _form_count(item: str) -> tuple[str, float]:
    form, _, count = item.rpartition("=")
    return form, float(count)


def _hand_phrases(path: Path) -> dict[str, str]:
    """The hand-written multi-word names, by their lower-case, tokenized form."""
    lines = path.read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return {_tokenized(name).lower(): _tokenized(name) for name in names if " " in name}


def _tokenized(name: str) -> str:
    """The name as the tokenized input writes it ("People 's Daily")."""
    return re.sub(r"'s\b", " 's", name)


def _hand_list(path: Path) -> tuple[dict[str, str], dict[str, tuple[Rule, ...]]]:
    fixed: dict[str, str] = {}
    rules: dict[str, list[Rule]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, _, rule = line.partition("\t")
        if rule:
            side, _, words = rule.partition("=")
            rules[form.lower()].append(Rule(form, side, frozenset(words.split(","))))
        else:
            fixed[form.lower()] = form
    return fixed, {word: tuple(items) for word, items in rules.items()}
