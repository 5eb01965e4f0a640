"""The timeline page: dated events on a time axis in proportion, the rest in bands that
say how they are ordered, TIMEX values behind a toggle, no table."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from generator.model import DateRef, Event
from generator.render.pages import Renderer
from generator.render.timeline_view import TimelineEntry, arrange, calendar_point
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def entry(n: int, value: str, kind: str = "DATE", mod: str | None = None) -> TimelineEntry:
    date = DateRef(f"t{n}", "s1", (0, 1), value, kind, value, mod, value)
    return TimelineEntry(Event(f"e{n}", date.id, f"event {n}", "s1"), date)


def test_dated_events_placed_in_proportion_and_in_date_order():
    t = arrange([entry(1, "2014"), entry(2, "2004"), entry(3, "2009")], None)
    assert [p.entry.event.id for p in t.placed] == ["e2", "e3", "e1"]
    at = [p.at for p in t.placed]
    assert at[0] < at[1] < at[2]
    assert abs((at[1] - at[0]) - (at[2] - at[1])) < 0.2  # five years each way: equal gaps
    assert all(0 < a < 100 for a in at)
    assert t.ticks[0][0] == "2004" and t.ticks[-1][0] == "2015"


def test_vague_dates_are_marked_approximate_on_the_axis():
    t = arrange([entry(1, "2013", mod="END"), entry(2, "2013-05-02")], None)
    assert {p.entry.event.id: p.approximate for p in t.placed} == {"e1": True, "e2": False}


def test_bands_for_relative_durations_and_undated():
    undated = TimelineEntry(Event("e9", None, "no date", "s1"), None)
    t = arrange([entry(1, "PUBLISHED-1Y", mod="END"), entry(2, "XXXX-12"),
                 entry(3, "PXY", "DURATION"), entry(4, "PAST_REF"), undated], None)
    assert not t.placed
    assert [e.event.id for e in t.relative] == ["e1", "e2"]
    assert [e.event.id for e in t.durations] == ["e3"]
    assert [e.event.id for e in t.undated] == ["e4", "e9"]


def test_relative_dates_placed_when_the_publication_date_is_known():
    t = arrange([entry(1, "PUBLISHED-1Y"), entry(2, "2010")], "2015-03-01")
    assert [p.entry.event.id for p in t.placed] == ["e2", "e1"]
    assert t.placed[1].approximate  # worked out, not stated
    assert calendar_point("PUBLISHED-1Y", None) is None


def test_page_has_an_axis_bands_and_timex_behind_a_toggle_but_no_table():
    e = sample()
    e.dates.append(DateRef("t2", "s2", (38, 46), "2013", "DATE", "2013", None, "2013"))
    e.timeline.append(Event("e2", "t2", "It rained hard", "s2", []))
    page = {p.path: p.text for p in Renderer([ROOT / "templates"]).render_site([e])}
    md = page["articles/a1/timeline.md"]
    out = markdown.markdown(md.split("---", 2)[2], extensions=EXTENSIONS)
    assert "<table" not in out
    assert re.search(r'class="time-axis__mark" style="left: 50.0%">1<', out)
    assert "Relative to publication" in out and "in the order the article" in out
    assert "in the order the article places them" not in out
    details = out.split("<details", 1)[1].split("</details>", 1)[0]
    assert "<code>XXXX-12</code>" in details
    assert out.count("<code>XXXX-12</code>") == 1  # the raw value only behind the toggle
    assert 'id="t1"' in out and 'id="t2"' in out  # the source page's date links land
