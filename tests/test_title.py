"""A generated title: the lead's first clause, without the dateline, cut at a word."""

from __future__ import annotations

import pytest

from generator.extract import MAX_TITLE, _title


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("WASHINGTON — The Senate rejected the bill on Tuesday, officials said.",
         "The Senate rejected the bill on Tuesday, officials said"),
        ("(CNN) -- A man was arrested after a chase through the city.",
         "A man was arrested after a chase through the city"),
        ("LONDON (Reuters) - Prices rose sharply in March, data showed.",
         "Prices rose sharply in March, data showed"),
        ("Officials have claimed that the talks failed - before the vote was held.",
         "Officials have claimed that the talks failed"),
    ],
)
def test_title_from_lead(lead: str, title: str):
    assert _title(lead) == title


def test_long_titles_are_cut_at_a_word():
    title = _title("word " * 60)
    assert len(title) <= MAX_TITLE and title.endswith("…") and not title.endswith(" …")
