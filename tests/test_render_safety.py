"""Text shown to readers: no controls or bidi tricks, no page an actor's name can take,
a TimelineJS export that stays text."""

from __future__ import annotations

import copy
import json
import re

import pytest

from generator.render.escape import shown_text
from tests.samples import sample
from tests.test_render import render, second_article

HIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
TRICKS = ["NUL\x00here", "bell\x07", "esc\x1b[31mred", "rtl \u202eevil\u202c", "iso\u2066x\u2069",
          "mark\u200f", "del\x7f", "c1\x9b31m"]


def tricky():
    explainer = sample()
    explainer.article.title = "Title " + TRICKS[0] + TRICKS[3]
    explainer.sentences[0].text = " ".join(TRICKS)
    explainer.actors[0].name = "Offi\u202ecials\x00"
    explainer.claims[0].content.display = "it \u2067rained\x1b"
    explainer.timeline[0].what = "It rained \u202e on \x00 us"
    return explainer


def test_no_control_or_bidi_character_reaches_any_page():
    pages = render(tricky(), more=[second_article()])
    for path, content in pages.items():
        assert not HIDDEN.search(content), (path, HIDDEN.search(content))
        assert "\x9b" not in content, path
    assert "NULhere" in pages["articles/a1/index.md"]


@pytest.mark.parametrize("text", TRICKS)
def test_shown_text_strips_what_a_reader_cannot_see(text: str):
    assert not HIDDEN.search(shown_text(text)) and "\x9b" not in shown_text(text)


def test_line_breaks_become_spaces_and_joiners_stay():
    assert shown_text("a\u2028b\nc") == "a b c"
    assert shown_text("family \U0001F468\u200d\U0001F469") == "family \U0001F468\u200d\U0001F469"


@pytest.mark.parametrize("name", ["Index", "index", "INDEX!"])
def test_an_actor_named_index_cannot_replace_the_actors_listing(name: str):
    first, second = sample(), second_article()
    for explainer in (first, second):
        explainer.actors[0].name = name
    pages = render(first, more=[second])
    listing = pages["actors/index.md"]
    assert "actors/index.md" in pages and "index-" in listing
    actor_pages = [p for p in pages if p.startswith("actors/") and p != "actors/index.md"
                   and not p.startswith("actors/by-letter/")]
    assert actor_pages == ["actors/index-government.md"]


def test_no_two_pages_share_a_path():
    """However actors are named, every generated page has its own address."""
    explainers = []
    for n, name in enumerate(["Index", "index-government", "Index Government", "index"]):
        for copy_id in ("a", "b"):
            e = copy.deepcopy(sample())
            e.article.id = f"{copy_id}{n}"
            e.actors[0].name = name
            explainers.append(e)
    pages = render(explainers[0], more=explainers[1:])
    paths = [p.casefold() for p in pages]
    assert len(paths) == len(set(paths))
    assert pages["actors/index.md"].count("](") >= 3


def test_timeline_json_is_text_for_timelinejs():
    explainer = sample()
    explainer.dates[0].value = "2015-12"
    explainer.timeline[0].what = '<img src=x onerror="window.__xss=1"> & <b>rain</b>'
    explainer.article.title = "<script>window.__xss=2</script>"
    data = json.loads(render(explainer)["articles/a1/timeline.json"])
    [event] = data["events"]
    assert event["text"]["text"] == ("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; "
                                     "&amp; &lt;b&gt;rain&lt;/b&gt;")
    assert data["title"]["text"]["headline"] == "&lt;script&gt;window.__xss=2&lt;/script&gt;"
    assert "<" not in json.dumps(data)
