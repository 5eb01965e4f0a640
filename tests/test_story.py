"""The "what's going on" paragraph: main claim and speaker, evidence in the article's
words, who disputes it; each sentence with its sources; nothing made up."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.model import Actor, Claim, Evidence, Explainer, Mention, Sentence, TextRef
from generator.render.pages import Renderer
from generator.render.story import Link, story, unquoted
from generator.render.views import ArticleView
from generator.store import load
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "000_3d98c2cb0ee05817.yaml"

SENTENCES = [
    "Officials have claimed militants are crossing the border.",
    "But officials offered little evidence to back up their claims.",
    "Rights groups say the police have used deadly force.",
    "Another official said the crackdown was working.",
]


def explainer(evidence: Evidence | None = None, contested: bool = False) -> Explainer:
    """Four sentences: a claim, the article on its evidence, a rival claim, a third speaker."""
    base = sample()
    sentences, at = [], 0
    for n, text in enumerate(SENTENCES, 1):
        sentences.append(Sentence(f"s{n}", (at, at + len(text)), text))
        at += len(text) + 1
    actors = [Actor("officials", "Officials", "government", "the national government",
                    [Mention("s1", (0, 9), "officials")]),
              Actor("rights", "Rights groups", "group", None, [Mention("s3", (0, 13), "rights")]),
              Actor("zakir", "Shohrat Zakir", "person", None, [Mention("s4", (0, 16), "x")])]
    c1 = Claim("c1", "s1", "officials", TextRef((0, 9), "officials"),
               TextRef((10, 22), "have claimed"),
               TextRef((23, 56), "militants are crossing the border"),
               evidence=evidence or Evidence(), contested_by=["c2"] if contested else [])
    c2 = Claim("c2", "s3", "rights", TextRef((0, 13), "rights groups"), TextRef((14, 17), "say"),
               TextRef((18, 50), "the police have used deadly force"),
               contested_by=["c1"] if contested else [])
    c3 = Claim("c3", "s4", "zakir", TextRef((0, 16), "another official"),
               TextRef((17, 21), "said"), TextRef((22, 47), "the crackdown was working"))
    return dataclasses.replace(base, sentences=sentences, actors=actors, claims=[c1, c2, c3],
                               timeline=[], dates=[], key_points=["s1"])


def little_evidence() -> Evidence:
    return Evidence("unsupported", "s2", TextRef((0, 0), "offered little evidence"))


def test_main_claim_first_in_the_articles_words_with_its_speaker_linked():
    lines = ArticleView(explainer()).story
    first = lines[0]
    assert first.text == ("Officials, the national government, have claimed militants are "
                          "crossing the border.")
    assert first.sources == ["s1"]
    assert any(isinstance(p, Link) and p.claim == "c1" for p in first.parts)


def test_evidence_keeps_the_articles_degree_and_source():
    lines = ArticleView(explainer(little_evidence())).story
    said = lines[1]
    assert "officials offered little evidence" in said.text
    assert "no evidence" not in said.text
    assert said.sources == ["s2"]


def test_no_evidence_sentence_where_the_article_does_not_discuss_it():
    lines = ArticleView(explainer()).story
    assert not any("evidence" in line.text.lower() for line in lines)


def test_who_disputes_it_when_the_extraction_pairs_the_claims():
    lines = ArticleView(explainer(little_evidence(), contested=True)).story
    assert len(lines) == 3
    assert lines[2].text.startswith("Against this, Rights groups say the police")
    assert lines[2].sources == ["s3"]


def test_otherwise_the_other_speakers_each_linked_to_their_first_claim():
    lines = ArticleView(explainer()).story
    last = lines[-1]
    assert last.text == "The article also reports claims by Rights groups and Shohrat Zakir."
    assert [p.claim for p in last.parts if isinstance(p, Link)] == ["c2", "c3"]
    assert last.sources == ["s3", "s4"]


def test_nothing_without_an_attributed_claim():
    e = explainer()
    unattributed = [dataclasses.replace(c, speaker=None) for c in e.claims]
    assert ArticleView(dataclasses.replace(e, claims=unattributed)).story == []


def test_pieces_are_plain_text_for_the_template_to_escape():
    e = explainer()
    e.sentences[0] = dataclasses.replace(
        e.sentences[0], text="Officials have claimed <b>militants</b> are crossing the border.")
    e.claims[0] = dataclasses.replace(
        e.claims[0], content=TextRef((23, 63), "<b>militants</b> are crossing the border"))
    page = {p.path: p.text for p in Renderer([ROOT / "templates"]).render_site([e])}
    overview = page["articles/a1/index.md"].split("## What's going on", 1)[1]
    assert "<b>" not in overview and "&lt;b&gt;" in overview


def test_seed_story_names_the_claim_its_missing_evidence_and_other_sides():
    view = ArticleView(load(SEED))
    claims = [c for c in view.claims if c.shown]
    lines = story(claims, view.actor_by_id, lambda c: view.claim_text(c),
                  {s.id: s.text for s in view.sentences})
    text = " ".join(line.text for line in lines)
    assert text.startswith("Chinese officials have claimed Muslim")
    assert "failed to provide any further details to back up their claims" in text
    assert "Uighur groups" in text
    assert 2 <= len(lines) <= 3


def test_a_quote_of_several_paragraphs_loses_the_marks_that_open_each_paragraph():
    text = ("'The organisation has a huge influence and we can't keep aloof. 'We have also "
            "found that some who fought returned.'")
    assert unquoted(text) == ("The organisation has a huge influence and we can't keep aloof. "
                              "We have also found that some who fought returned.")
    assert unquoted("'He said: 'Go home.' Then he left.'") == "He said: 'Go home.' Then he left."
