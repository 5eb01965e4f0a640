"""A generated title: the lead's main clause cut on its parse, never mid-phrase."""

from __future__ import annotations

import pytest

from generator.evaluation.keypoints import title_problems
from generator.extract import sentence_spans
from generator.nlp.headline import MAX_TITLE, headline
from tests.nlp_helpers import explain, parsed


def title(nlp, text: str) -> str | None:
    document = parsed(nlp, text)
    return headline(document.sentences, sentence_spans(document))


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("WASHINGTON - The Senate rejected the bill on Tuesday, officials said.",
         "The Senate rejected the bill on Tuesday, officials said"),
        ("Officials have claimed that the talks failed - before the vote was held.",
         "Officials have claimed that the talks failed"),
        # an appositive and a subordinate clause are asides, never the headline
        ("The Global Times, a newspaper affiliated with the ruling party, said the plan "
         "would fail because nobody supported it.",
         "The Global Times said the plan would fail"),
        ("As he awaited a crucial report on the war, the president tried to put a brave "
         "face on the news from the front.",
         "The president tried to put a brave face on the news from the front"),
    ],
)
def test_title_is_the_main_clause(nlp, lead: str, expected: str):
    assert title(nlp, lead) == expected


def test_a_long_lead_is_cut_by_phrases_not_characters(nlp):
    lead = ("Chinese officials have claimed Muslims from the country's western region are "
            "travelling to Syria and Iraq to join the militants - before returning home to "
            "take part in plots against the communist rule.")
    got = title(nlp, lead)
    assert got is not None and len(got) <= MAX_TITLE and not title_problems(got)
    assert got.startswith("Chinese officials have claimed")
    assert "Syria and Iraq" in got and "before returning" not in got


def test_a_pronoun_lead_gives_way_to_a_sentence_that_names_someone(nlp):
    text = ("It was a remarkable day for the small town.\n"
            "The mayor of Springfield opened a new bridge over the river on Monday.")
    assert title(nlp, text).startswith("The mayor of Springfield opened a new bridge")


def test_no_clause_no_title(nlp):
    assert title(nlp, "Pictured: the bridge.\nGallery.") is None


def test_extraction_falls_back_to_the_id_and_keeps_a_sidecar_title(nlp):
    assert explain(nlp, "Gallery.").article.title == "t"


def test_title_problems_catches_what_readers_would_notice():
    assert title_problems("Officials said the talks failed") == []
    assert "ellipsis" in title_problems("Officials said the talks…")
    assert "dangling end" in title_problems("Officials said the talks failed in the")
    assert "no capital first" in title_problems("officials said")
    assert title_problems("x" * (MAX_TITLE + 1))
