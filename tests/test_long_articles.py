"""Long input stays linear: bounded sentences, the text built once, indexed mention lookups.

The speed itself is measured in ``benchmarks/extract_speed.py``; these tests hold the
mechanisms to the results of the plain, slow versions.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.forms import Form
from generator.ingest.sentences import MAX_SENTENCE, split
from generator.model import Actor, Mention
from generator.nlp.mention_index import MentionIndex

PLAIN = Form(tokenized=False, lowercase=False)
TOKENIZED = Form(tokenized=True, lowercase=True)
KINDS = ["person", "government", "group", "place", "media"]


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("form", [PLAIN, TOKENIZED])
def test_a_run_on_line_is_cut_into_bounded_sentences(form: Form):
    text = ("officials said the river rose and the roads closed, " * 2_000).strip()
    spans = split(text, form)
    assert len(spans) > len(text) // MAX_SENTENCE
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert [w for s, e in spans for w in _words(text[s:e])] == _words(text), "no word lost"
    assert all(text[s:e].endswith(",") for s, e in spans[:-1]), "cut at a clause mark"
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in pairwise(spans))


def test_a_line_without_spaces_is_still_cut():
    text = "x" * (3 * MAX_SENTENCE + 7)
    spans = split(text, PLAIN)
    assert [e - s for s, e in spans] == [MAX_SENTENCE] * 3 + [7]


def test_ordinary_sentences_are_left_alone():
    text = "Officials said it rained. Mr. Smith said roads closed on Monday.\n\nA new paragraph."
    assert [text[s:e] for s, e in split(text, PLAIN)] == [
        "Officials said it rained.", "Mr. Smith said roads closed on Monday.",
        "A new paragraph."]


def test_the_document_text_is_built_once(nlp):
    from generator.ingest.reader import Meta, Source
    from generator.nlp.docs import doc_text
    from generator.nlp.pipeline import analyse

    text = "Officials said it rained. The mayor said roads closed."
    source = Source("a", Path("a.txt"), text, "0" * 64, Meta())
    document = analyse(nlp, source, PLAIN)
    assert document.text == document.doc.text
    assert doc_text(document.doc) is document.text, "cached, not rebuilt from the tokens"


mentions = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 12),
                              st.sampled_from(["he", "officials", "Smith", "they"])),
                    max_size=6)
actor_lists = st.lists(st.tuples(st.sampled_from(KINDS), mentions), max_size=6)


def _actors(spec) -> list[Actor]:
    return [Actor(f"a{n}", f"A{n}", kind, None,
                  [Mention("s1", (start, start + size), words) for start, size, words in found])
            for n, (kind, found) in enumerate(spec)]


@settings(max_examples=300, deadline=None)
@given(actor_lists, st.integers(0, 220), st.integers(0, 40))
def test_mention_index_answers_as_the_full_scans_do(spec, start: int, size: int):
    actors = _actors(spec)
    index = MentionIndex(actors)
    end = start + size
    plain = [(m.span[0], -(m.span[1] - m.span[0]), a.id) for a in actors if a.kind != "place"
             for m in a.mentions if m.span[0] < end and m.span[1] > start]
    indexed = [(m.span[0], -(m.span[1] - m.span[0]), a.id) for m, a in index.overlapping(
        start, end)]
    assert sorted(plain) == sorted(indexed)
    assert index.actors_inside(start, end) == [
        a.id for a in actors if a.kind != "place"
        and any(m.span[0] >= start and m.span[1] <= end for m in a.mentions)]
    wanted = {"person", "group"}
    best = None
    for actor in actors:
        if actor.kind in wanted:
            for m in actor.mentions:
                if m.span[1] <= start and m.text.lower() not in {"he", "they"} and (
                        best is None or m.span[1] > best[0]):
                    best = (m.span[1], actor.id)
    assert index.last_ending_by(start, wanted, {"he", "they"}) == (best[1] if best else None)


drafts = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 120), st.booleans(),
                            st.booleans(), st.booleans()), max_size=25)


@settings(max_examples=300, deadline=None)
@given(drafts)
def test_dedupe_keeps_what_comparing_every_pair_keeps(spec):
    from generator.nlp.attribution.find import _dedupe, _same
    from generator.nlp.attribution.spans import Draft as _Draft

    found = [_Draft((start, start + size), (0, 1) if cue else None, (0, 1) if source else None,
                    "reported", learned) for start, size, cue, source, learned in spec]
    ordered = sorted(found, key=lambda d: (d.source is None, d.cue is None, d.learned))
    kept: list = []
    for d in ordered:
        if not any(_same(d.content, k.content) for k in kept):
            kept.append(d)
    assert [d.content for d in _dedupe(found)] == sorted(d.content for d in kept)


pieces = st.lists(st.sampled_from(["day", "time", "words", "stop", "abbr"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_days_from_context_picks_as_the_full_scan_does(spec):
    """Clock times take the nearest day in their sentence, as a scan of every day would."""
    from generator.nlp.timex.candidates import Cand, sentence_ends
    from generator.nlp.timex.tagger import _days_from_context

    text, chosen = "", []
    for n, piece in enumerate(spec):
        word = {"day": "monday", "time": "10 am", "words": "the talks went on",
                "stop": "they said.", "abbr": "at st. paul"}[piece]
        start = len(text)
        text += word + " "
        if piece == "day":
            chosen.append(Cand(start, start + len(word), "DATE", f"2015-03-{n + 1:02d}"))
        elif piece == "time":
            chosen.append(Cand(start, start + len(word), "TIME", "PUBLISHEDT10:00",
                               day_from_context=True))
    expected = []
    days = [d for d in chosen if d.type == "DATE"]
    for c in chosen:
        near = [(c.start - d.end if d.end <= c.start else d.start - c.end, d) for d in days
                if not sentence_ends(text[min(c.end, d.end):max(c.start, d.start)])]
        expected.append(min(near, key=lambda pair: pair[0])[1].value + "T10:00" if near
                        and c.day_from_context else c.value)
    _days_from_context(chosen, text)
    assert [c.value for c in chosen] == expected


def test_a_speaker_label_owns_its_paragraph(nlp):
    """The indexed paragraph end is the one the sentence-by-sentence walk finds."""
    from generator.nlp.attribution.headlines import _opens_paragraph, _paragraph_end

    doc = nlp("SMITH: We will win. It is sure.\nJONES: No. Never again.\nThe end came. Late.")
    for i in range(len(doc)):
        end = doc[i].sent.end
        while end < len(doc) and not _opens_paragraph(doc, end, None):
            end = doc[end].sent.end
        assert _paragraph_end(doc, i) == end, i
