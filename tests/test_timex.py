"""Tests for the rule-based TIMEX3 tagger (generator.nlp.timex)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.nlp.timex import Timex, describe, find_timexes, resolve_published, sort_key

DCT = dt.date(2015, 4, 2)  # a Thursday


def tag(text: str, published: dt.date | None = DCT) -> dict[str, Timex]:
    found = find_timexes(text, published)
    for t in found:
        assert text[t.start:t.end] == t.text
    return {t.text: t for t in found}


def one(text: str, published: dt.date | None = DCT) -> Timex:
    found = find_timexes(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "span", "typ", "value", "mod"), [
    ("It opened on March 10, 2015 downtown.", "March 10, 2015", "DATE", "2015-03-10", None),
    ("the deal was signed in 2013 .", "2013", "DATE", "2013", None),
    ("They met in December.", "December", "DATE", "2014-12", None),
    ("prices peaked in mid-2014 .", "mid-2014", "DATE", "2014", "MID"),
    ("a boom in the 1990s", "the 1990s", "DATE", "199", None),
    ("she left last week", "last week", "DATE", "2015-W13", None),
    ("the vote on tuesday was close", "tuesday", "DATE", "2015-03-31", None),
    ("the firm was founded two years ago", "two years ago", "DATE", "2013", None),
    ("profits fell late last year", "late last year", "DATE", "2014", "END"),
    ("he arrived yesterday", "yesterday", "DATE", "2015-04-01", None),
    ("sales this month rose", "this month", "DATE", "2015-04", None),
    ("elections next year", "next year", "DATE", "2016", None),
    ("he recently resigned", "recently", "DATE", "PAST_REF", None),
    ("he is currently abroad", "currently", "DATE", "PRESENT_REF", None),
    ("as in the past", "the past", "DATE", "PAST_REF", None),
    ("we must act now", "now", "DATE", "PRESENT_REF", None),
    ("a yearlong inquiry", "yearlong", "DURATION", "P1Y", None),
    ("a year - long inquiry", "year - long", "DURATION", "P1Y", None),
    ("it lasted three months", "three months", "DURATION", "P3M", None),
    ("they fought for years", "years", "DURATION", "PXY", None),
    ("open 24 hours", "24 hours", "DURATION", "PT24H", None),
    ("it happens every year", "every year", "SET", "P1Y", None),
    ("a weekly meeting", "weekly", "SET", "P1W", None),
    ("paid each month", "each month", "SET", "P1M", None),
    ("at 3 p.m. the court met", "3 p.m.", "TIME", "2015-04-02T15:00", None),
    ("rallies tonight", "tonight", "TIME", "2015-04-02TNI", None),
    ("said this morning", "this morning", "TIME", "2015-04-02TMO", None),
    ("results for the third quarter", "the third quarter", "DATE", "2014-Q3", None),
    ("plans for this summer", "this summer", "DATE", "2015-SU", None),
    ("revenue in fiscal 2014", "fiscal 2014", "DATE", "2014", None),
    ("for more than three years", "more than three years", "DURATION", "P3Y", "MORE_THAN"),
    ("about two weeks ago", "about two weeks ago", "DATE", "2015-03-19", "APPROX"),
    ("early next year", "early next year", "DATE", "2016", "START"),
])
def test_cased_prose(text: str, span: str, typ: str, value: str, mod: str | None) -> None:
    found = tag(text)
    assert span in found, found
    t = found[span]
    assert (t.type, t.value, t.mod) == (typ, value, mod)


def test_lower_case_tokenized_seed_style() -> None:
    text = ("the 39 - year - old served a year - long sentence in two years ' time\n"
            "officials said in december that late last year , on tuesday , prices fell")
    found = tag(text, None)
    assert "39 - year" not in " ".join(found) and "year - old" not in " ".join(found)
    assert found["year - long"].value == "P1Y"
    assert found["two years ' time"].value == "PUBLISHED+2Y"
    assert found["december"].value == "XXXX-12"
    assert (found["late last year"].value, found["late last year"].mod) == ("PUBLISHED-1Y", "END")
    assert found["tuesday"].value == "XXXX-WXX-2"


def test_cased_and_lower_give_same_result() -> None:
    text = "On Friday, Oct. 23, 1998, shares rose 5% in the third quarter and early 1999."
    a = [(t.start, t.end, t.type, t.value, t.mod) for t in find_timexes(text, DCT)]
    b = [(t.start, t.end, t.type, t.value, t.mod) for t in find_timexes(text.lower(), DCT)]
    assert a == b and len(a) == 3


@pytest.mark.parametrize("text", [
    "the 39-year-old man", "a 12 - month - old baby", "she was 40 years old",
    "he may be right", "troops march on", "sales of 2000 units", "it cost $1999",
    "the daily mail reported", "we will fall behind",
])
def test_not_timexes(text: str) -> None:
    assert find_timexes(text, DCT) == []


def test_no_publication_date_is_never_guessed() -> None:
    found = tag("In December, two years ago, and yesterday; last month and this year.", None)
    values = {t.text: t.value for t in found.values()}
    assert values == {"December": "XXXX-12", "two years ago": "PUBLISHED-2Y",
                      "yesterday": "PUBLISHED-1D", "last month": "PUBLISHED-1M",
                      "this year": "PUBLISHED+0Y"}
    for t in found.values():
        assert not any(ch.isdigit() for ch in t.value.replace("PUBLISHED", "")[:1])


def test_published_relative_values_resolve_later() -> None:
    assert resolve_published("PUBLISHED-1Y", DCT) == "2014"
    assert resolve_published("PUBLISHED-1DTNI", DCT) == "2015-04-01TNI"
    assert resolve_published("PUBLISHED", DCT) == "2015-04-02"


@pytest.mark.parametrize(("text", "published", "wording"), [
    ("in december", None, "December, year not stated"),
    ("late last year", None, "late in the year before publication"),
    ("in 2013", None, "2013"),
    ("for years", None, "for years"),
    ("on March 10, 2015", None, "10 March 2015"),
    ("late last year", DCT, "late 2014"),
    ("every monday", None, "every Monday"),
    ("the third quarter", None, "the third quarter, year not stated"),
    ("yesterday", None, "the day before publication"),
    ("recently", None, "in the past (no date given)"),
    ("for about six months", None, "for around six months"),
])
def test_describe(text: str, published: dt.date | None, wording: str) -> None:
    assert describe(one(text, published), published) == wording


def test_describe_resolves_published_when_date_given_later() -> None:
    t = one("late last year", None)
    assert describe(t, DCT) == "late 2014"


def test_anaphoric_year_takes_last_explicit_date() -> None:
    found = tag("The plant opened in 1998. That year, and the following year, it grew.", None)
    assert found["That year"].value == "1998"
    assert found["the following year"].value == "1999"


def test_sort_key_orders_a_timeline() -> None:
    text = "In 2013 and on March 10, 2015, after the 1990s, and for years; in mid-2014."
    ordered = [t.text for t in sorted(find_timexes(text, DCT), key=sort_key)]
    assert ordered == ["the 1990s", "2013", "mid-2014", "March 10, 2015", "years"]


def test_sort_key_relative_without_date() -> None:
    found = find_timexes("yesterday, last year, next week, recently", None)
    ordered = [t.text for t in sorted(found, key=sort_key)]
    assert ordered == ["last year", "yesterday", "next week", "recently"]


def test_times_and_days() -> None:
    found = tag("The blast came at 10:35 a.m. Tuesday and again at noon.")
    assert found["10:35 a.m. Tuesday"].value == "2015-03-31T10:35"
    assert found["noon"].value == "2015-04-02T12:00"


def test_month_year_choice_uses_tense_and_nearness() -> None:
    assert one("The vote will be held in February.").value == "2016-02"
    assert one("The vote was held in February.").value == "2015-02"
    assert one("Talks resume May 5 in Geneva.").value == "2015-05-05"


def test_narrative_anchor_moves_with_relative_dates() -> None:
    found = tag("The strike began on Friday. The next day, talks failed; the day before, "
                "they had met.")
    assert found["Friday"].value == "2015-03-27"
    assert found["The next day"].value == "2015-03-28"
    assert found["the day before"].value == "2015-03-27"  # the anchor moved to Saturday


def test_anaphor_takes_resolved_relative_date_and_parts_of_day() -> None:
    found = tag("Sales fell last year. That year was hard. He left on Monday; that night "
                "he called.")
    assert found["That year"].value == "2014"
    assert found["that night"].type == "TIME"
    assert found["that night"].value == "2015-03-30TNI"


def test_anaphor_without_date_stays_publication_relative() -> None:
    found = tag("Profits fell last year. That year, costs rose.", None)
    assert found["That year"].value == "PUBLISHED-1Y"
    assert tag("That day it rained.", None)["That day"].value == "XXXX-XX-XX"


def test_clock_time_takes_day_from_same_sentence() -> None:
    found = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday. "
                "Police came at 3 p.m.")
    assert found["10:35 a.m."].value == "2015-03-27T10:35"
    assert found["3 p.m."].value == "2015-04-02T15:00"  # no day named: publication day
    assert one("In London at mid-afternoon yesterday, shares rose.").value == "2015-04-01TAF"


@pytest.mark.parametrize(("text", "value"), [
    ("The offer had been due to expire Friday evening.", "2015-03-27TEV"),
    ("The father would be traveling to the United States Friday.", "2015-04-03"),
    ("He said. The father will leave at 4 a.m. EDT Friday, he said.", "2015-04-03T04:00"),
    ("On Tuesday, the league plans to hold a news conference.", "2015-04-07"),
    ("Collins will be named commander for a mission in December.", "2015-12"),
    ("Qantas will double its flights by August in a search for markets untouched by it.",
     "2015-08"),
    ("Hundreds were killed in the blasts next to the embassy on Friday.", "2015-03-27"),
])
def test_tense_cues(text: str, value: str) -> None:
    assert one(text).value == value


def test_spans_and_amounts() -> None:
    assert one("down from the previous Friday").text == "the previous Friday"
    assert one("prices rose over the past year").text == "the past year"
    assert one("it took a minute and a half").value == "PT1M30S"
    assert find_timexes("He won a second term with three-quarters of the vote.", DCT) == []
    assert one("wait a second.").value == "PT1S"


def test_a_month_name_after_a_title_or_family_word_is_a_given_name() -> None:
    assert tag("Mama June did not respond, and aunt April said nothing") == {}
    assert tag("The vote was held in June")["June"].value.endswith("-06")
    assert "June" in tag("a strong June report")


def test_a_weekday_that_names_a_newspaper_is_no_date() -> None:
    assert tag("A source told the Sunday Times about it") == {}
    assert "Sunday" in tag("On Sunday, Times reporters left")
