"""Key points: chosen for coverage (MMR over story sentences), never captions or fragments."""

from __future__ import annotations

from generator.extract import sentence_spans
from generator.nlp.keypoints import choose, is_story_sentence
from tests.nlp_helpers import explain, parsed


def points(nlp, text: str, **found) -> list[str]:
    document = parsed(nlp, text)
    return choose(document.sentences, sentence_spans(document), **found)


def test_captions_and_fragments_are_passed_over(nlp):
    text = ("Scroll down for video of the storm.\n\n"
            "The river rose by two metres overnight in the town of Hexham.\n\n"
            "Oh no.\n\n"
            "Residents of the town were moved to the school hall by the police.\n\n"
            "Pictured: a flooded street in the centre of town.\n\n"
            "The mayor said the water would fall by Sunday evening.")
    document = parsed(nlp, text)
    assert [s.text for s in document.sentences][4].startswith("Pictured")
    assert points(nlp, text) == ["s2", "s4", "s6"]


def test_a_sentence_that_repeats_the_lead_gives_way_to_one_that_adds(nlp):
    text = ("The river Tyne flooded the town of Hexham on Monday after heavy rain.\n"
            "Heavy rain flooded the town of Hexham on Monday as the river Tyne rose.\n"
            "The town of Hexham was flooded by the river Tyne after the heavy rain on Monday.\n"
            "The mayor said the council had ignored warnings about the flood defences.\n"
            "Engineers said the barrier was never finished because money ran out.")
    chosen = points(nlp, text)
    assert chosen[0] == "s1" and "s4" in chosen
    assert not {"s2", "s3"} <= set(chosen)  # the repeats are not both taken


def test_short_articles_still_get_points_in_order(nlp):
    assert points(nlp, "Oh no.\n\nThe river rose by two metres overnight.\n\nHelp!") == [
        "s1", "s2", "s3"]
    assert points(nlp, "Rain") == ["s1"]


def test_extraction_records_at_most_three_points_in_article_order(nlp):
    explainer = explain(nlp, "\n".join(f"Sentence number {n} tells of the flood in town {n}."
                                       for n in range(1, 9)))
    assert len(explainer.key_points) == 3
    order = [s.id for s in explainer.sentences]
    assert explainer.key_points == sorted(explainer.key_points, key=order.index)


def test_story_sentence():
    assert is_story_sentence("Officials said the bridge would reopen on Monday")
    assert not is_story_sentence("PUBLISHED: 10 March 2015 at 09:12")
    assert not is_story_sentence("Too short here")
