"""Key points: the first story sentences, passing over fragments and captions."""

from __future__ import annotations

from generator.model import Sentence
from generator.nlp.keypoints import choose, is_story_sentence


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(f"s{i}", (0, 1), t) for i, t in enumerate(texts, 1)]


def test_captions_and_fragments_are_passed_over():
    found = sentences("Scroll down for video of the storm here",
                      "The river rose by two metres overnight", "Oh no",
                      "Residents of the town were moved to the school hall",
                      "Pictured: a flooded street in the centre of town",
                      "The mayor said the water would fall by Sunday evening")
    assert choose(found) == ["s2", "s4", "s6"]


def test_short_articles_still_get_points_in_order():
    found = sentences("Oh no", "The river rose by two metres overnight", "Help")
    assert choose(found) == ["s1", "s2", "s3"]
    assert choose(sentences("Rain")) == ["s1"]


def test_story_sentence():
    assert is_story_sentence("Officials said the bridge would reopen on Monday")
    assert not is_story_sentence("PUBLISHED: 10 March 2015 at 09:12")
    assert not is_story_sentence("Too short here")
