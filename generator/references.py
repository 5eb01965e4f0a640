"""Which fields of an explainer refer to other items, and which carry spans: one table.

``explainer check`` (ids that point nowhere, spans that do not read as their words),
the merge (rewriting references when sentences or items get new ids) and the tests
read these tables instead of each knowing the fields; adding a reference or a span
field to the YAML is one line here. A path runs from the top of the YAML; ``*`` is every
item of a list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Where = tuple[str | int, ...]  # a concrete place: keys and list indexes
EACH = "*"

COLLECTIONS = ("sentences", "actors", "claims", "dates", "timeline")  # items with an id


@dataclass(frozen=True)
class Reference:
    """A field holding the id of an item of collection ``to`` (or a list of such ids)."""

    path: tuple[str, ...]
    to: str

    @property
    def is_list(self) -> bool:
        return self.path[-1] == EACH


@dataclass(frozen=True)
class Spanned:
    """A record with a ``span`` into the input; ``quoted``: its ``text`` is that slice."""

    path: tuple[str, ...]
    quoted: bool = True


REFERENCES = (
    Reference(("actors", EACH, "mentions", EACH, "sentence"), "sentences"),
    Reference(("actors", EACH, "relations", EACH, "actor"), "actors"),
    Reference(("actors", EACH, "relations", EACH, "sentence"), "sentences"),
    Reference(("claims", EACH, "sentence"), "sentences"),
    Reference(("claims", EACH, "speaker"), "actors"),
    Reference(("claims", EACH, "evidence", "sentence"), "sentences"),
    Reference(("claims", EACH, "contested_by", EACH), "claims"),
    Reference(("dates", EACH, "sentence"), "sentences"),
    Reference(("timeline", EACH, "sentence"), "sentences"),
    Reference(("timeline", EACH, "date"), "dates"),
    Reference(("timeline", EACH, "actors", EACH), "actors"),
    Reference(("key_points", EACH), "sentences"),
)

SPANS = (
    Spanned(("sentences", EACH), quoted=False),  # its text is the restored, readable one
    Spanned(("actors", EACH, "mentions", EACH)),
    Spanned(("claims", EACH, "source")),
    Spanned(("claims", EACH, "cue")),
    Spanned(("claims", EACH, "content")),
    Spanned(("claims", EACH, "evidence", "words")),
    Spanned(("dates", EACH)),
)


def places(data: Any, path: tuple[str, ...], where: Where = ()) -> Iterator[tuple[Where, Any]]:
    """Every (place, value) ``path`` reaches in ``data``; missing keys and nulls are skipped."""
    if not path:
        if data is not None:
            yield where, data
        return
    step, rest = path[0], path[1:]
    if step == EACH:
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from places(item, rest, (*where, index))
    elif isinstance(data, dict) and step in data:
        yield from places(data[step], rest, (*where, step))


def in_item_order(found: list[tuple[Where, Any]]) -> list[tuple[Where, Any]]:
    """Places grouped by the top-level item they are in (the YAML's order), keeping the
    tables' order within an item: the order a person reads the file in."""
    order = {name: i for i, name in enumerate((*COLLECTIONS, "key_points"))}
    return sorted(found, key=lambda place: (order.get(str(place[0][0]), len(order)),
                                            place[0][1] if len(place[0]) > 1 else 0))


def rewrite(data: dict[str, Any], to: str, change: Callable[[str], str | None]) -> None:
    """Pass every reference to collection ``to`` through ``change``; a list of ids is
    replaced by a new one without the ids mapped to None, a single field takes None."""
    for reference in REFERENCES:
        if reference.to != to:
            continue
        *parent, key = reference.path[:-1] if reference.is_list else reference.path
        for _, holder in list(places(data, tuple(parent))):
            if isinstance(holder, dict) and holder.get(key) is not None:
                holder[key] = _changed(holder[key], reference, change)


def _changed(value: Any, reference: Reference, change: Callable[[str], str | None]) -> Any:
    if not reference.is_list:
        return change(value)
    return [new for new in map(change, value) if new is not None]
