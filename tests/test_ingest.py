"""Form detection and sentence splitting, as spans into the input."""

from __future__ import annotations

from generator.ingest.forms import detect
from generator.ingest.sentences import split

TOKENIZED = (
    "the country 's officials said they ca n't act , a source said\n"
    "' we will fix it , ' he said\n"
    "a full - face veil was banned in 2013"
)
PROSE = (
    "Dr. Smith said the U.S. plan failed. \"It is bad,\" he said! Then Mr. Jones left.\n\n"
    "A new paragraph starts here. It ends here."
)


def test_tokenized_lowercase_is_recognised():
    form = detect(TOKENIZED)
    assert form.tokenized and form.lowercase


def test_prose_is_not_tokenized_and_keeps_case():
    form = detect(PROSE)
    assert not form.tokenized and not form.lowercase
    assert detect(PROSE.lower()).lowercase
    assert not detect(PROSE.lower()).tokenized


def test_forced_format_wins():
    assert detect(PROSE, "tokenized").tokenized
    assert not detect(TOKENIZED, "plain").tokenized


def test_tokenized_sentences_are_lines():
    spans = split(TOKENIZED, detect(TOKENIZED))
    assert [TOKENIZED[a:b] for a, b in spans] == TOKENIZED.split("\n")


def test_prose_sentences_guard_abbreviations():
    spans = split(PROSE, detect(PROSE))
    assert [PROSE[a:b] for a, b in spans] == [
        "Dr. Smith said the U.S. plan failed.",
        "\"It is bad,\" he said!",
        "Then Mr. Jones left.",
        "A new paragraph starts here.",
        "It ends here.",
    ]


def test_lowercase_prose_is_split_too():
    text = PROSE.lower()
    spans = split(text, detect(text))
    assert len(spans) == 5


def test_crlf_lines_are_stripped():
    text = "one , two\r\nthree , four\r\n"
    assert [text[a:b] for a, b in split(text, detect(text))] == ["one , two", "three , four"]


def test_a_wire_dateline_is_a_sentence_of_its_own():
    text = ("Trump in Reno.\n\nRENO, Nev. (AP) — Republican hopeful Donald Trump says the game "
            "has gone soft. He said so twice.\n\nDES MOINES - Cruz spoke. Then he left.")
    pieces = [text[a:b] for a, b in split(text, detect(text))]
    assert pieces == ["Trump in Reno.", "RENO, Nev. (AP) —",
                      "Republican hopeful Donald Trump says the game has gone soft.",
                      "He said so twice.", "DES MOINES -", "Cruz spoke.", "Then he left."]


def test_a_dateline_needs_a_place_in_capitals_or_an_agency():
    text = "EXCLUSIVE – Stone speaks.\n\nNASA said so - Reuters wrote it. Fine.\n\nNo - Not here."
    pieces = [text[a:b] for a, b in split(text, detect(text))]
    assert pieces == ["EXCLUSIVE – Stone speaks.", "NASA said so - Reuters wrote it.", "Fine.",
                      "No - Not here."]
    lower = "miami , florida ( cnn ) -- the ninth floor\nmiami - the tenth floor"
    assert [lower[a:b] for a, b in split(lower, detect(lower))] == [
        "miami , florida ( cnn ) --", "the ninth floor", "miami - the tenth floor"]
