"""The compiled schema (fastjsonschema) and jsonschema agree: on the seed's explainer and
the test sample, and on each of a few hundred broken copies of them (a value of the wrong
type, out of range or badly formed, a field removed, an unknown field added). Its yes is
taken as valid without asking jsonschema, so it must never say yes where jsonschema says no."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import store, validity
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent
WRONG = (None, "", " ", -1, 0, 1.5, 2, True, "x" * 3, [], {}, "2015-02-30", "2015-13-01",
         "2015-03-10", "../etc", "a b", 10**9)
Path_ = tuple[str | int, ...]


def _paths(value: Any, where: Path_ = ()) -> Iterator[Path_]:
    yield where
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*where, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*where, index))


def _at(data: Any, where: Path_) -> Any:
    for step in where:
        data = data[step]
    return data


def _broken(data: dict, rng: random.Random) -> Iterator[dict]:
    paths = list(_paths(data))[1:]
    for _ in range(150):
        where = rng.choice(paths)
        changed = copy.deepcopy(data)
        parent, last = _at(changed, where[:-1]), where[-1]
        roll = rng.random()
        if roll < 0.7:
            parent[last] = rng.choice(WRONG)
        elif roll < 0.85 and isinstance(parent, dict):
            del parent[last]
        elif isinstance(parent, dict):
            parent[f"unknown_{last}"] = 1
        else:
            parent.append(rng.choice(WRONG))
        yield changed


def _jsonschema_valid(data: Any) -> bool:
    return not list(validity.validator().iter_errors(data))


@pytest.mark.parametrize("name", ["seed", "sample"])
def test_the_compiled_schema_agrees_with_jsonschema(name: str):
    data = (store.load_data(ROOT / "data" / "000_3d98c2cb0ee05817.yaml") if name == "seed"
            else sample().to_dict())
    assert validity._quickly_valid(data) and _jsonschema_valid(data)
    broken = list(_broken(data, random.Random(name)))
    verdicts = [(validity._quickly_valid(changed), _jsonschema_valid(changed))
                for changed in broken]
    assert sum(not valid for _, valid in verdicts) > 100  # most copies are really broken
    assert all(fast == slow for fast, slow in verdicts)
