"""The table of references and spans (generator/references.py) covers the data, and
``explainer check`` and the merge follow it: a new reference or span field that the table
lacks fails here, found by walking real data rather than by a second list of fields."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from generator import references, store
from generator.commands.check import cross_references, spans
from generator.model import Relation
from tests.conftest import ROOT
from tests.samples import TEXT, sample

SEED_DATA = ROOT / "data" / "000_3d98c2cb0ee05817.yaml"


def _datasets() -> list[dict[str, Any]]:
    """The sample with every kind of reference (an actor id no text can equal), and the
    seed's explainer."""
    full = sample()
    full.actors[0].id = full.claims[0].speaker = "actor-1"
    full.actors[0].relations = [Relation("member of", "actor-1", "s2")]
    full.claims[0].evidence.sentence = "s2"
    full.claims[0].contested_by = ["c1"]
    full.timeline[0].actors = ["actor-1"]
    return [full.to_dict(), store.load_data(SEED_DATA)]


def _leaves(data: Any, where: tuple = ()) -> list[tuple[tuple, Any]]:
    """Every (place, value) of the data, records included."""
    found = [(where, data)]
    items = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else []
    for key, value in items:
        found += _leaves(value, (*where, key))
    return found


def _table_places(data: dict, paths: list[tuple[str, ...]]) -> set[tuple]:
    return {where for path in paths for where, _ in references.places(data, path)}


@pytest.mark.parametrize("data", _datasets(), ids=["sample", "seed"])
def test_every_span_in_the_data_is_in_the_table(data: dict):
    spanned = {where for where, value in _leaves(data)
               if isinstance(value, dict) and "span" in value}
    assert spanned and spanned == _table_places(data, [s.path for s in references.SPANS])


@pytest.mark.parametrize("data", _datasets(), ids=["sample", "seed"])
def test_every_id_used_outside_its_item_is_a_reference_in_the_table(data: dict):
    ids = {item["id"] for name in references.COLLECTIONS for item in data[name]
           if re.fullmatch(r"[a-z]\d+|actor-\d+", item["id"])}  # never words of the text
    used = {where for where, value in _leaves(data)
            if isinstance(value, str) and value in ids and where[-1] != "id"}
    covered = _table_places(data, [r.path for r in references.REFERENCES])
    assert used and used <= covered, used - covered
    assert {r.to for r in references.REFERENCES} <= set(references.COLLECTIONS)


@pytest.mark.parametrize("reference", references.REFERENCES,
                         ids=[".".join(r.path) for r in references.REFERENCES])
def test_check_reports_a_dangling_reference_at_its_place(reference):
    data = _datasets()[0]
    where, _ = next(references.places(data, reference.path))
    holder = data
    for step in where[:-1]:
        holder = holder[step]
    holder[where[-1]] = "nowhere"
    problems = cross_references(data)
    assert [p.where for p in problems] == [where]
    assert f"is not the id of one of the {reference.to}" in problems[0].message


@pytest.mark.parametrize("spanned", references.SPANS,
                         ids=[".".join(s.path) for s in references.SPANS])
def test_check_reports_a_span_outside_the_text(spanned):
    data = _datasets()[0]
    data["claims"][0]["evidence"]["words"] = copy.deepcopy(data["claims"][0]["content"])
    where, record = next(references.places(data, spanned.path))
    record["span"] = [0, len(TEXT) + 5]
    assert [p.where for p in spans(data, TEXT)] == [(*where, "span")]


def test_rewrite_follows_the_table_for_single_fields_and_lists():
    data = _datasets()[0]
    references.rewrite(data, "sentences", {"s1": "s9"}.get)
    assert data["claims"][0]["sentence"] == "s9" and data["key_points"] == ["s9"]
    assert data["dates"][0]["sentence"] is None  # s2 is gone
    assert data["claims"][0]["evidence"]["sentence"] is None
    references.rewrite(data, "actors", lambda old: {"actor-1": "police"}.get(old, old))
    assert data["claims"][0]["speaker"] == "police"
    assert data["timeline"][0]["actors"] == ["police"]
    assert data["actors"][0]["relations"][0]["actor"] == "police"
