"""Timeline: dated events in order, relative dates stay relative, the anchored clause as text."""

from __future__ import annotations

from generator.nlp.timeline import order
from generator.nlp.timex import Timex
from tests.nlp_helpers import explain

ARTICLE = (
    "officials said in december that the talks had failed\n"
    "a car plowed into the gate in 2013 , killing five people\n"
    "the capital , which banned veils in public late last year , was calm\n"
    "tensions have been on the increase for years\n"
    "a yearlong crackdown has won support , officials said"
)


def timex(value: str, kind: str = "DATE", mod: str | None = None) -> Timex:
    return Timex(0, 1, "x", kind, value, mod)


def test_order_puts_absolute_then_relative_then_durations_then_vague():
    values = [timex("PAST_REF"), timex("P1Y", "DURATION"), timex("XXXX-12"),
              timex("PUBLISHED-1Y", mod="END"), timex("2013"), timex("PXY", "DURATION")]
    ordered = [t.value for t in sorted(values, key=order)]
    assert ordered == ["2013", "PUBLISHED-1Y", "XXXX-12", "P1Y", "PXY", "PAST_REF"]


def test_seed_like_timeline(nlp):
    explainer = explain(nlp, ARTICLE)
    dates = {d.id: d for d in explainer.dates}
    events = [(dates[e.date].value if e.date else None, e.what) for e in explainer.timeline]
    values = [v for v, _ in events if v]
    assert values[:3] == ["2013", "PUBLISHED-1Y", "XXXX-12"], events
    whats = dict(events)
    assert whats["2013"].startswith("A car plowed into the gate in 2013")
    assert whats["PUBLISHED-1Y"].startswith("The capital banned veils in public late last year")
    assert not any(d.value[:2].isdigit() and d.value != "2013" for d in explainer.dates), (
        "no year is guessed without a publication date")


def test_publication_date_anchors_relative_dates(nlp):
    explainer = explain(nlp, ARTICLE, published="2015-03-10")
    values = {d.text: d.value for d in explainer.dates}
    assert values["late last year"] == "2014"
    assert values["december"] == "2014-12"
