"""Actors: one per referent, with kinds, descriptions, relations and resolved pronouns."""

from __future__ import annotations

from tests.nlp_helpers import actor_named, explain

ARTICLE = (
    "The Islamic State has claimed the attack, officials said.\n"
    "ISIS said the organisation would strike again.\n"
    "The Daily Courier, a newspaper affiliated with the ruling party, reported the claim.\n"
    "Police Chief John Carter said the city was safe.\n"
    "Carter said he expects more arrests.\n"
    "Another official, Maria Lopez, said the police had no suspects.\n"
)


def test_aliases_and_acronyms_are_one_actor(nlp):
    explainer = explain(nlp, ARTICLE)
    names = [a.name for a in explainer.actors]
    isis = [a for a in explainer.actors if "islamic state" in a.name.lower()]
    assert len(isis) == 1, names
    assert "ISIS" in isis[0].name
    texts = {m.text.lower() for m in isis[0].mentions}
    assert {"isis", "islamic state"} <= {t.removeprefix("the ") for t in texts}


def test_surname_and_pronoun_join_the_person(nlp):
    explainer = explain(nlp, ARTICLE)
    carter = actor_named(explainer, "John Carter")
    assert carter.kind == "person"
    assert {"carter", "he"} <= {m.text.lower() for m in carter.mentions}


def test_two_different_officials_stay_two(nlp):
    explainer = explain(nlp, ARTICLE)
    lopez = actor_named(explainer, "Maria Lopez")
    carter = actor_named(explainer, "John Carter")
    assert lopez.id != carter.id
    assert lopez.description == "an official"


def test_appositive_gives_kind_description_and_relation(nlp):
    explainer = explain(nlp, ARTICLE)
    paper = [a for a in explainer.actors if "courier" in a.name.lower()]
    assert len(paper) == 1
    assert paper[0].kind == "media"
    assert paper[0].description.startswith("a newspaper affiliated with")


def test_every_mention_slices_to_its_text(nlp):
    explainer = explain(nlp, ARTICLE)
    for actor in explainer.actors:
        for mention in actor.mentions:
            assert ARTICLE[mention.span[0]:mention.span[1]] == mention.text


def test_places_are_kept_apart_from_agents(nlp):
    text = "Protesters marched through Paris on Monday. France said it would act."
    explainer = explain(nlp, text)
    kinds = {a.name: a.kind for a in explainer.actors}
    assert kinds.get("Paris") == "place"
    assert kinds.get("France government") == "government" or kinds.get("France") == "government"
