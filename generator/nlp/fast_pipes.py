"""Exact, faster stand-ins for two of the model's components: the attribute ruler and the
rule lemmatizer.

Both are Python loops over every token in spaCy: the ruler runs a ``Matcher`` of 179
patterns, then makes a ``Span`` and calls ``set_token_attrs`` for each match, and every
token matches one; the lemmatizer makes a ``Token`` and looks up strings for each token.
Together they cost a sixth of the parse of a news article. The stand-ins give the same
annotations, bit for bit (``tests/test_fast_pipes.py`` compares them with the originals on
every token of real articles):

- the ruler's patterns that only test a token's tag become a table from tag to part of
  speech and morphology, applied to whole columns; those that test one token's word (and
  maybe its tag or dependency) are looked up by the word; the few others (two tokens, a
  regular expression, a space) are tested on whole columns; a pattern of any other kind
  would still run through a spaCy ``Matcher``. Matches are applied in pattern order, so
  that where two set the same attribute of a token the later pattern wins, as in spaCy;
- a lemma is a pure function of (form, part of speech, morphology) in spaCy 3.8's rule
  lemmatizer, so each triple is lemmatized once, by the original component, and remembered.

:func:`install` swaps them in for the originals, under the same names.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
TABLE_ATTRS = (POS, MORPH)  # what a tag-only pattern may set to go in the table
COLUMN_NAMES = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what the other patterns may test
COLUMNS = (LOWER, TAG, DEP, IS_SPACE)
MEMO_LIMIT = 200_000  # lemmas remembered (about 30 MB) before the memo starts over

Test = tuple[int, str, Any]  # (column of COLUMNS, "in" / "not_in" / "regex", values)


class TagTableRuler:
    """spaCy's ``AttributeRuler``, with its patterns sorted by how they can be tested."""

    def __init__(self, vocab: Any, name: str = RULER) -> None:
        self.vocab = vocab
        self.name = name
        # tag -> {attribute: (pattern order, value)}
        self.table: dict[int, dict[int, tuple[int, int]]] = {}
        self.rules: dict[int, tuple[dict, int]] = {}  # order -> (attrs, index)
        # lower-case word -> [(order, tests of the other columns)]
        self.words: dict[int, list[tuple[int, list[Test]]]] = {}
        self.sequences: list[tuple[int, list[list[Test]], int]] = []  # (order, tests, index)
        self.matcher = Matcher(vocab)  # anything else (nothing in the shipped model)

    def take_over(self, ruler: Any) -> None:
        """Read the original ruler's patterns, keeping their order (later ones win)."""
        for order, (entry, attrs, index) in enumerate(
                zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)):
            tag = _tag_only(entry["patterns"], attrs, index)
            if tag is not None:
                slots = self.table.setdefault(self.vocab.strings.add(tag), {})
                for attr, value in attrs.items():
                    slots[attr] = (order, value)
                continue
            self.rules[order] = (attrs, index)
            for pattern in entry["patterns"]:
                self._add_rule(order, pattern, index)

    def _add_rule(self, order: int, pattern: list, index: int) -> None:
        tests = [_token_tests(token) for token in pattern]
        if any(test is None for test in tests) or not -len(pattern) <= index < len(pattern):
            self.matcher.add(str(order), [pattern])
            return
        first = tests[0]
        if len(pattern) == 1 and all(kind == "in" for _, kind, _ in first) \
                and any(column == 0 for column, _, _ in first):
            words = next(values for column, _, values in first if column == 0)
            rest = [test for test in first if test[0] != 0]
            for word in words:
                self.words.setdefault(word, []).append((order, rest))
            return
        self.sequences.append((order, tests, index % len(pattern)))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([TAG, *TABLE_ATTRS])
        tags = columns[:, 0]
        for tag in numpy.unique(tags).tolist():
            slots = self.table.get(tag)
            if slots:
                rows = tags == tag
                for column, attr in enumerate(TABLE_ATTRS, 1):
                    if attr in slots:
                        columns[rows, column] = slots[attr][1]
        doc.from_array(list(TABLE_ATTRS), columns[:, 1:])
        self._apply_rules(doc, tags)
        return doc

    def _apply_rules(self, doc: Doc, tags: numpy.ndarray) -> None:
        """The other patterns' matches, in pattern order, after the table; where a later
        tag pattern set the same attribute of the token, it keeps it."""
        columns = doc.to_array(list(COLUMNS))
        found = self._word_matches(columns) + self._sequence_matches(columns)
        for key, start, end in self.matcher(doc, allow_missing=True) if len(self.matcher) else ():
            order = int(self.vocab.strings[key])
            found.append((order, doc[start:end][self.rules[order][1]].i))
        for order, i in sorted(found):
            attrs = self.rules[order][0]
            slots = self.table.get(int(tags[i]), {})
            kept = {attr: value for attr, value in attrs.items()
                    if attr not in slots or slots[attr][0] < order}
            if kept:
                set_token_attrs(doc[i], kept)

    def _word_matches(self, columns: numpy.ndarray) -> list[tuple[int, int]]:
        found = []
        for i, row in enumerate(columns.tolist()):
            for order, tests in self.words.get(row[0], ()):
                if all(row[column] in values for column, _, values in tests):
                    found.append((order, i))
        return found

    def _sequence_matches(self, columns: numpy.ndarray) -> list[tuple[int, int]]:
        found = []
        for order, tests, index in self.sequences:
            starts = numpy.ones(max(len(columns) - len(tests) + 1, 0), dtype=bool)
            for offset, token_tests in enumerate(tests):
                for test in token_tests:
                    starts &= self._mask(columns, test)[offset:offset + len(starts)]
            found.extend((order, int(i) + index) for i in numpy.flatnonzero(starts))
        return found

    def _mask(self, columns: numpy.ndarray, test: Test) -> numpy.ndarray:
        column, kind, values = test
        if kind == "regex":
            present = numpy.unique(columns[:, column]).tolist()
            values = [v for v in present if values.search(self.vocab.strings[v])]
        mask = numpy.isin(columns[:, column], list(values))
        return ~mask if kind == "not_in" else mask


def _token_tests(token: dict) -> list[Test] | None:
    """One token's pattern as tests on COLUMNS, or None when it has another kind of test.

    Values are compared as spaCy's matcher compares them: string ids (``""`` is 0), a
    regular expression searched in the string, a flag as 0 or 1."""
    tests: list[Test] = []
    for key, value in token.items():
        if key not in COLUMN_NAMES:
            return None
        column = COLUMN_NAMES.index(key)
        if key == "IS_SPACE" and isinstance(value, bool):
            tests.append((column, "in", frozenset({int(value)})))
        elif key != "IS_SPACE" and isinstance(value, str):
            tests.append((column, "in", frozenset({get_string_id(value)})))
        elif key != "IS_SPACE" and isinstance(value, dict) and len(value) == 1 \
                and set(value) <= {"IN", "NOT_IN"}:
            ((kind, items),) = value.items()
            tests.append((column, kind.lower(), frozenset(get_string_id(v) for v in items)))
        elif key != "IS_SPACE" and isinstance(value, dict) and set(value) == {"REGEX"}:
            tests.append((column, "regex", re.compile(value["REGEX"])))
        else:
            return None
    return tests


def _tag_only(patterns: list, attrs: dict, index: int) -> str | None:
    """The tag of a pattern that tests one token's tag only and sets table attributes."""
    if len(patterns) != 1 or len(patterns[0]) != 1 or index not in (0, -1):
        return None
    (token,) = patterns[0]
    tag = token.get("TAG")
    if set(token) != {"TAG"} or not isinstance(tag, str) or not set(attrs) <= set(TABLE_ATTRS):
        return None
    return tag


class MemoLemmatizer:
    """spaCy's rule lemmatizer, run once per (form, part of speech, morphology)."""

    def __init__(self, vocab: Any, name: str = LEMMATIZER) -> None:
        self.vocab = vocab
        self.name = name
        self.original: Any = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def take_over(self, lemmatizer: Any) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError(f"the lemmatizer's mode {lemmatizer.mode!r} (overwrite "
                             f"{lemmatizer.overwrite}) has no exact stand-in")
        lemmatizer._validate_tables()
        self.original = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
        memo, lemmas = self.memo, columns[:, 3]
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma:  # set before (the attribute ruler's exceptions): kept, as spaCy does
                continue
            value = memo.get((orth, pos, morph))
            if value is None:
                value = self.vocab.strings.add(self.original.lemmatize(doc[i])[0])
                memo[(orth, pos, morph)] = value
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("explainer_attribute_ruler")
def _make_ruler(nlp: Language, name: str) -> TagTableRuler:
    return TagTableRuler(nlp.vocab, name)


@Language.factory("explainer_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.vocab, name)


def install(nlp: Language) -> None:
    """Put the stand-ins in the model's pipeline, under the originals' names."""
    original = nlp.get_pipe(RULER)
    nlp.replace_pipe(RULER, "explainer_attribute_ruler").take_over(original)
    original = nlp.get_pipe(LEMMATIZER)
    nlp.replace_pipe(LEMMATIZER, "explainer_lemmatizer").take_over(original)
