"""Evidence status and contested pairs on small hand-written texts."""

from __future__ import annotations

import spacy

from generator.evaluation.production import to_input
from generator.nlp.attribution import assess_evidence, contested_pairs, find_attributions
from generator.nlp.attribution.assertions import is_assertion
from generator.nlp.pipeline import Document
from tests.nlp_helpers import parsed


def _words(document: Document, span: tuple[int, int] | None) -> str | None:
    """The input words behind a parse span."""
    found = to_input(document, span)
    return document.source.text[found[0]:found[1]] if found else None


def _statuses(nlp: spacy.Language, text: str) -> list[tuple[str, str, str | None]]:
    document = parsed(nlp, text)
    atts = [a for a in find_attributions(document.doc)  # the claims, as production keeps them
            if is_assertion(document.doc, a.cue, a.kind)]
    ev = assess_evidence(document.doc, atts)
    assert len(ev) == len(atts)
    return [(_words(document, a.content), e.status, _words(document, e.span))
            for a, e in zip(atts, ev, strict=True)]


def _status_of(rows: list[tuple[str, str, str | None]], words: str) -> tuple[str, str | None]:
    for content, status, span in rows:
        if words in content:
            return status, span
    raise AssertionError(f"{words!r} not among {rows}")


def test_later_sentence_their_claims_unsupported(nlp: spacy.Language) -> None:
    text = ("port officials have claimed smugglers are moving weapons through the harbour\n"
            "the coast guard said it would add patrols next month\n"
            "but officials failed to provide any further details to back up their claims")
    rows = _statuses(nlp, text)
    status, span = _status_of(rows, "smugglers are moving weapons")
    assert status == "unsupported"
    assert "back up their claims" in span
    assert _status_of(rows, "add patrols")[0] == "unstated"


def test_same_sentence_offered_little_evidence(nlp: spacy.Language) -> None:
    text = ("The ministry has blamed the blackouts on saboteurs, but has offered little "
            "evidence.")
    status, span = _status_of(_statuses(nlp, text), "blackouts on saboteurs")
    assert status == "unsupported"
    assert span.startswith("offered little evidence")


def test_denial_disputes(nlp: spacy.Language) -> None:
    text = ("Residents said the company dumped waste in the river.\n"
            "The company denied the allegations in a statement.")
    assert _status_of(_statuses(nlp, text), "dumped waste")[0] == "disputed"


def test_court_records_support(nlp: spacy.Language) -> None:
    text = ("Prosecutors said the mayor took bribes from two builders, court records show.")
    assert _status_of(_statuses(nlp, text), "took bribes")[0] == "supported"


def test_speaker_saying_no_evidence_is_not_the_article_judgement(nlp: spacy.Language) -> None:
    text = "The senator said there was no evidence of fraud in the count."
    assert _status_of(_statuses(nlp, text), "no evidence of fraud")[0] == "unstated"


def test_unstated_by_default(nlp: spacy.Language) -> None:
    text = "The coach said the team would win the cup."
    assert _status_of(_statuses(nlp, text), "team would win")[0] == "unstated"


def test_contested_blame_and_counter_account(nlp: spacy.Language) -> None:
    text = ("The government has blamed the violence on armed militants from abroad.\n"
            "Rights groups say police have used deadly force against peaceful protesters.")
    document = parsed(nlp, text)
    atts = find_attributions(document.doc)
    pairs = contested_pairs(document.doc, atts)
    assert len(pairs) == 1
    i, j = pairs[0]
    assert "militants" in _words(document, atts[i].content)
    assert "deadly force" in _words(document, atts[j].content)


def test_same_source_not_contested(nlp: spacy.Language) -> None:
    text = ("The mayor blamed the floods on the dam.\n"
            "The mayor said repairs would start soon.")
    document = parsed(nlp, text)
    atts = find_attributions(document.doc)
    contents = [_words(document, a.content) for a in atts]
    assert len(atts) == 2, contents  # both reports found, so "not contested" says something
    assert "on the dam" in contents[0] and "repairs would start" in contents[1]
    assert contested_pairs(document.doc, atts) == []
