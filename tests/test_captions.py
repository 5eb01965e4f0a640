"""Captions, bylines, credits and notes: found, split off a fused line, kept out of the story."""

from __future__ import annotations

from generator.text.roles import line_role
from tests.nlp_helpers import explain

FUSED = (
    "officials said the harbour would reopen on monday\n"
    "a local fisherman walks along the harbour of portsmouth storms blamed on heavy rain have "
    "also damaged homes in other parts of the county , killing two people\n"
    "the mayor said the city was ready\n"
)
PAGE = (
    "by john smith for the daily courier\n"
    "scroll down for video\n"
    "pictured : the flooded harbour in march 2014\n"
    "smith , pictured , said the bridge was unsafe\n"
    "officials said the harbour would reopen in june 2015\n"
    "photo : getty images\n"
)


def test_a_fused_caption_is_split_off_with_its_role(nlp):
    e = explain(nlp, FUSED)
    texts = [(s.role, s.text) for s in e.sentences]
    assert texts[1] == ("caption", "A local fisherman walks along the harbour of Portsmouth")
    assert texts[2][0] is None and texts[2][1].startswith("Storms blamed on heavy rain have")
    assert [s.id for s in e.sentences] == ["s1", "s2", "s3", "s4"]
    for s in e.sentences:  # spans still point into the input
        assert FUSED[s.span[0]:s.span[1]].lower().startswith(s.text[:5].lower())
    assert e.sentences[1].span[1] < e.sentences[2].span[0]


def test_a_caption_is_no_claim_key_point_event_or_actor(nlp):
    e = explain(nlp, FUSED)
    caption = e.sentences[1].id
    assert caption not in e.key_points
    assert all(c.sentence != caption for c in e.claims)
    assert all(t.sentence != caption for t in e.timeline)
    assert not any(m.sentence == caption for a in e.actors if a.kind != "place"
                   for m in a.mentions), "the fisherman of the photo is no actor"


def test_bylines_credits_notes_and_caption_lines(nlp):
    e = explain(nlp, PAGE)
    assert [s.role for s in e.sentences] == ["byline", "note", "caption", "caption", None,
                                             "credit"]
    assert [s.text for s in e.sentences][2] == "Pictured: The flooded harbour in March 2014"
    assert e.key_points == ["s5"]
    assert [t.sentence for t in e.timeline] == ["s5"], "a caption's date dates the picture"
    assert any(d.sentence == "s3" for d in e.dates), "the date itself is still found"
    assert [c.sentence for c in e.claims] == ["s5"], "what a caption says is no claim"
    assert "smith" not in {m.text.lower() for a in e.actors for m in a.mentions if
                           a.kind != "place"}, "a caption's person makes no actor on its own"


def test_a_wire_dateline_is_shown_as_such_and_is_no_actor(nlp):
    text = ("RENO, Nev. (AP) \u2014 Republican hopeful Mary Stone says the game has gone soft.\n\n"
            "Stone told a crowd of 3,000 people on Friday that she no longer watches it.\n")
    e = explain(nlp, text)
    first = e.sentences[0]
    assert (first.role, first.text) == ("dateline", "RENO, Nev. (AP) \u2014")
    assert "s1" not in e.key_points and all(c.sentence != "s1" for c in e.claims)
    assert not any(m.sentence == "s1" for a in e.actors for m in a.mentions), e.actors
    assert any(c.speaker == "mary-stone" and c.sentence == "s2" for c in e.claims)


def test_line_roles_from_words():
    def role(text: str) -> str | None:
        return line_role(text.split())
    assert role("by jane doe and john roe for mailonline") == "byline"
    assert role("by the end of the week he had quit") is None
    assert role("by contrast , most teams lost") is None
    assert role("source : reuters") == "credit"
    assert role("proud mum : jean with her lamb") == "caption"
    assert role("the reason is simple : the court ruled") is None
    assert role("smith ( left ) with his coach at the ground") == "caption"
    assert role("officials said the harbour would reopen") is None
    assert role("summer pictured volunteering in south africa") == "caption"
    assert role("michael schumacher pictured during testing at the jerez circuit") == "caption"
    assert role("in another , she is pictured with a roll - up while in one") is None
    assert role("reno , nev . ( ap ) —") == role("boca raton , fla . - -") == "dateline"
    # cased prose: a full stop ends body text, which no caption has
    assert line_role(["pictured", ":", "the", "harbour", "."], full_stop=True) is None


def test_a_quote_left_open_stops_at_the_caption_it_runs_into(nlp):
    text = ("the family of a charity worker who drowned in south africa have paid tribute .\n"
            "summer robertson , 21 , died after being overpowered by fierce currents .\n"
            "her father said he spoke to his daughter on the day she died .\n"
            "he explained : ' i spoke to her that thursday morning\n"
            "summer pictured volunteering in south africa\n"
            "' she said everything was great and they were having a few days relaxing .\n")
    e = explain(nlp, text)
    assert e.sentences[4].role == "caption"
    quoted = [c for c in e.claims if "thursday" in c.content.text]
    assert [c.content.text for c in quoted] == ["' i spoke to her that thursday morning"]


def test_a_picture_note_that_ends_a_claim_is_left_out_of_it(nlp):
    text = ("a university student has revealed how she turned to sex work after her student "
            "loan failed to cover her rent ( picture posed by model )\n"
            "the 21 - year - old said she had no other choice .\n"
            "she now earns more than her lecturers , she said .\n")
    e = explain(nlp, text)
    revealed = [c for c in e.claims if c.cue and c.cue.text.endswith("revealed")]
    assert len(revealed) == 1, e.claims
    assert revealed[0].content.text.endswith("cover her rent"), revealed[0].content
