"""Data classes <-> plain data (the YAML's dicts and lists), derived from the classes.

Each field is written under its own name, in the class's field order or in the order its
``KEYS`` class variable gives; a field whose ``metadata`` says ``omit`` is left out when
its value is ``None`` (``"none"``), empty (``"empty"``) or the same as another field
(``"same:<field>"``). Reading follows the type hints: a tuple from a list, a data class
from a dict, a list of either; a missing or null value takes the field's default (``None``
for an optional field without one); ``metadata["read"]`` reads a value its own way.
Adding a field to the model is one line here, not two hand-written functions.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

_MISSING = dataclasses.MISSING


def to_plain(value: Any) -> Any:
    """``value`` as plain data: data classes as dicts, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name))
                for f in _ordered(type(value)) if not _omitted(value, f)}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    return value


def from_plain(cls: type, data: dict[str, Any]) -> Any:
    """An instance of data class ``cls`` from plain data (expects schema-valid data)."""
    values = {}
    for f, read, optional in _plan(cls):
        raw = data.get(f.name)
        if raw is None and not (optional and f.name in data) and "read" not in f.metadata:
            values[f.name] = _default(f, optional, data)
        else:
            values[f.name] = read(raw)
    return cls(**values)


@cache
def _plan(cls: type) -> list[tuple[dataclasses.Field, Callable[[Any], Any], bool]]:
    """How each field of ``cls`` is read, worked out once per class (an archive reads
    hundreds of thousands of values)."""
    hints = typing.get_type_hints(cls)
    return [(f, f.metadata.get("read") or _reader(hints[f.name]), _optional(hints[f.name]))
            for f in dataclasses.fields(cls)]


def _ordered(cls: type) -> list[dataclasses.Field]:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    order = getattr(cls, "KEYS", None) or list(fields)
    return [fields[name] for name in order]


def _omitted(obj: Any, f: dataclasses.Field) -> bool:
    rule = f.metadata.get("omit")
    value = getattr(obj, f.name)
    if rule is None:
        return False
    if rule == "none":
        return value is None
    if rule == "empty":
        return not value
    if rule.startswith("same:"):
        return value is None or value == getattr(obj, rule.removeprefix("same:"))
    raise ValueError(f"unknown omit rule {rule!r}")


def _default(f: dataclasses.Field, optional: bool, data: dict[str, Any]) -> Any:
    if f.default is not _MISSING:
        return f.default
    if f.default_factory is not _MISSING:
        return f.default_factory()
    if optional:
        return None
    return data[f.name]  # a required field: KeyError, as the schema would have said


@cache
def _reader(hint: Any) -> Callable[[Any], Any]:
    """A function reading a raw value as type ``hint`` (``None`` stays ``None``)."""
    args = typing.get_args(hint)
    if _optional(hint):
        return _reader(next(a for a in args if a is not type(None)))
    origin = typing.get_origin(hint)
    if origin is tuple:
        return lambda raw: None if raw is None else tuple(raw)
    if origin is list:
        item = _reader(args[0])
        return lambda raw: None if raw is None else [item(value) for value in raw]
    if dataclasses.is_dataclass(hint):
        return lambda raw: None if raw is None else from_plain(hint, raw)
    return lambda raw: raw


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and \
        type(None) in typing.get_args(hint)
