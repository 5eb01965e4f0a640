"""Property-based tests: spans always slice to their text; rendering never raises.

Three properties: (1) whatever a person edits and however the article changes,
the merged file is schema-valid and every span slices to its text; (2) the real
extractor's spans slice to their text on generated articles (slow); (3) any
schema-valid explainer, dangling references included, renders without raising.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import store, validity
from generator.commands.check import check_data, spans
from generator.merge import merge
from generator.model import Explainer
from generator.render.pages import Renderer
from tests.conftest import ROOT
from tests.fake_extract import fake_extract
from tests.hostile import PAYLOADS

WORDS = ["officials", "police", "doctors", "said", "it", "rained", "in", "december", "march",
         "roads", "closed", "the", "<b>", "{{", "|", "#", "café", "'s", "“", "\t"]
line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
lines = st.lists(line, min_size=1, max_size=8)
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@st.composite
def edits(draw: st.DrawFn, data: dict) -> dict:
    """A person's random edits: rename, re-attribute, delete, re-word a sentence."""
    data = store.parse_yaml(Path("x"), store.dumps(data))
    for actor in data["actors"]:
        if draw(st.booleans()):
            actor["name"] = draw(st.text(min_size=1, max_size=20))
    ids = [a["id"] for a in data["actors"]]
    for claim in data["claims"]:
        if ids and draw(st.booleans()):
            claim["speaker"] = draw(st.sampled_from(ids))
        if draw(st.booleans()):
            claim["evidence"]["status"] = "disputed"
    if data["claims"] and draw(st.booleans()):
        del data["claims"][draw(st.integers(0, len(data["claims"]) - 1))]
        kept = {c["id"] for c in data["claims"]}
        for claim in data["claims"]:
            claim["contested_by"] = [c for c in claim["contested_by"] if c in kept]
    if data["sentences"] and draw(st.booleans()):
        data["sentences"][0]["text"] = draw(st.text(min_size=1, max_size=30))
    return data


@FAST
@given(old=lines, inserted=lines, removed=st.integers(0, 3), data=st.data())
def test_merged_file_is_valid_and_every_span_slices_to_its_text(old, inserted, removed, data):
    old_text = "\n".join(old) + "\n"
    new_lines = inserted + old[removed:]
    new_text = "\n".join(new_lines) + "\n"
    base = fake_extract(old_text).to_dict()
    mine = data.draw(edits(base))
    result = merge(base, mine, fake_extract(new_text).to_dict(), new_text)
    validity.validate(Path("merged.yaml"), store.dumps(result.data), result.data)
    assert check_data(result.data, new_text) == []
    again = merge(result.base, result.data, fake_extract(new_text).to_dict(), new_text)
    assert again.data == result.data, "merging the same extraction twice changes nothing"


@pytest.mark.slow
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(sentences=st.lists(
    st.lists(st.sampled_from(["The", "mayor", "Anna", "Berg", "said", "on", "Monday", "that",
                              "police", "in", "Springfield", "closed", "the", "bridge", ",",
                              "\"", "(", ")", "2014", "<b>", "{{", "#"]),
             min_size=2, max_size=14).map(lambda ws: "Officials said " + " ".join(ws) + "."),
    min_size=1, max_size=5),
    crlf=st.booleans())
def test_real_extraction_spans_slice_to_their_text(nlp, tmp_path_factory, sentences, crlf):
    from generator.extract import extract
    from generator.ingest.reader import read_article

    text = ("\r\n" if crlf else "\n").join(sentences)
    path = tmp_path_factory.mktemp("prop") / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    source = read_article(path)
    data = extract(nlp, source).to_dict()
    assert spans(data, source.text) == []
    assert check_data(data, source.text) == []


# --- any schema-valid explainer renders --------------------------------------------------------

free_text = st.one_of(st.text(max_size=40), st.sampled_from(PAYLOADS))
slug = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,12}\Z")
sid = st.integers(1, 6).map(lambda n: f"s{n}")
span = st.tuples(st.integers(0, 50), st.integers(0, 50)).map(sorted)
textref = st.fixed_dictionaries({"span": span, "text": free_text},
                                optional={"display": free_text})


def _numbered(prefix: str, items: st.SearchStrategy, max_size: int = 4) -> st.SearchStrategy:
    return st.lists(items, max_size=max_size).map(
        lambda xs: [{**x, "id": f"{prefix}{i + 1}"} for i, x in enumerate(xs)])


explainers = st.fixed_dictionaries({
    "schema_version": st.just(1),
    "article": st.fixed_dictionaries({
        "id": st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,10}\Z"),
        "title": free_text.filter(bool),
        "published": st.one_of(st.none(), st.dates().map(lambda d: f"{d:%Y-%m-%d}")
                               .filter(lambda d: len(d) == 10)),
        "url": st.one_of(st.none(), free_text.map(lambda t: "https://example.org/" + t)),
        "source": st.one_of(st.none(), free_text)}),
    "sentences": st.lists(st.tuples(span, free_text), max_size=5).map(
        lambda xs: [{"id": f"s{i + 1}", "span": s, "text": t} for i, (s, t) in enumerate(xs)]),
    "actors": st.lists(st.fixed_dictionaries({
        "id": slug, "name": free_text.filter(bool),
        "kind": st.sampled_from(["person", "organisation", "government", "media", "group",
                                 "place", "other"]),
        "description": st.one_of(st.none(), free_text),
        "mentions": st.lists(st.fixed_dictionaries(
            {"sentence": sid, "span": span, "text": free_text}), max_size=2),
        "relations": st.lists(st.fixed_dictionaries(
            {"type": free_text.filter(bool), "actor": slug, "sentence": sid}), max_size=2)}),
        max_size=4),
    "claims": _numbered("c", st.fixed_dictionaries({
        "sentence": sid, "speaker": st.one_of(st.none(), slug),
        "source": st.one_of(st.none(), textref), "cue": st.one_of(st.none(), textref),
        "content": textref,
        "kind": st.sampled_from(["direct", "reported", "passive"]),
        "evidence": st.fixed_dictionaries({
            "status": st.sampled_from(["unsupported", "disputed", "supported", "unstated"]),
            "sentence": st.one_of(st.none(), sid),
            "words": st.one_of(st.none(), textref)}),
        "contested_by": st.lists(st.integers(1, 5).map(lambda n: f"c{n}"), max_size=2)})),
    "dates": _numbered("t", st.fixed_dictionaries({
        "sentence": sid, "span": span, "text": free_text,
        "type": st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
        "value": st.one_of(st.sampled_from(["2015-03-10", "2015-03", "2015", "XXXX-12",
                                            "P3D", "PRESENT_REF", "2015-W11", "T14:00"]),
                           free_text.filter(bool)),
        "mod": st.one_of(st.none(), st.sampled_from(["START", "END", "APPROX"])),
        "description": free_text})),
    "timeline": _numbered("e", st.fixed_dictionaries({
        "date": st.one_of(st.none(), st.integers(1, 5).map(lambda n: f"t{n}")),
        "what": free_text.filter(bool), "sentence": sid,
        "actors": st.lists(slug, max_size=2)})),
    "key_points": st.lists(sid, max_size=3),
})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=explainers)
def test_rendering_never_raises_on_schema_valid_data(data):
    validity.validate(Path("x.yaml"), "", data)
    explainer = Explainer.from_dict(data)
    assert Explainer.from_dict(explainer.to_dict()).to_dict() == explainer.to_dict()
    pages = RENDERER.render_site([explainer])
    assert pages and all(isinstance(p.content, str) for p in pages)


RENDERER = Renderer([ROOT / "templates"])
