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


def _whats(nlp, text: str) -> dict[str, str]:
    e = explain(nlp, text)
    dates = {d.id: d.text for d in e.dates}
    return {dates[ev.date]: ev.what for ev in e.timeline if ev.date}


def test_an_event_is_a_clause_with_its_own_subject(nlp):
    whats = _whats(nlp, (
        "The cancer started in his leg, but had recently spread to his brain.\n\n"
        "His eyes were wide open when he struck a shot against Yeovil back in January.\n\n"
        "Navratilova, who was outed as a lesbian in 1981, spoke to reporters."))
    assert whats["recently"] == (
        "The cancer started in his leg, but had recently spread to his brain")
    assert whats["January"] == "He struck a shot against Yeovil back in January"
    assert whats["1981"] == "Navratilova was outed as a lesbian in 1981"


def test_an_aside_is_dropped_only_when_set_apart_and_without_the_date(nlp):
    whats = _whats(nlp, (
        "Nadal will play 13th seed Fabio Fognini of Italy on Thursday.\n\n"
        "They signed the statute in January, when they also accepted its jurisdiction over "
        "crimes committed \"in the occupied territory since June 13, 2014.\""))
    assert "Fabio Fognini" in whats["Thursday"]
    assert whats["January"] == "They signed the statute in January"
    june = whats["June 13, 2014"]
    assert june.startswith("They also accepted its jurisdiction") and june.count('"') == 2, june
