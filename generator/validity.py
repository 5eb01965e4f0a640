"""Whether explainer data is valid against the shipped JSON Schema, and where it is not.

The one place that reads the schema: a compiled check (fastjsonschema) says yes quickly,
jsonschema decides every no and names the field and its line; file texts found valid are
remembered by hash, in this process and (``explainer check``) between runs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import yaml

from generator.errors import DataError, ExplainerError
from generator.files import read_limited, write_atomic


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package."""
    text = resources.files("generator.schema").joinpath("explainer.schema.json").read_text()
    return json.loads(text)


def validate(path: Path, text: str, data: Any, *, machine: bool = False) -> None:
    """Schema validation; the first error names the field and its line.

    ``machine``: the data is about to be written by us; an error there is ours, and
    nothing is written. A file text validated once in this process is not validated
    again (``explainer build`` checks every file, then MkDocs loads them all).
    """
    digest = _digest(text) if text else None
    if digest is not None and digest in _VALID:
        return
    errors = [] if _quickly_valid(data) else sorted(
        validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        if digest is not None:
            _VALID.add(digest)
        return
    error = errors[0]
    field = ".".join(str(p) for p in error.absolute_path) or "(top level)"
    line = line_of(text, list(error.absolute_path))
    prefix = "the extraction made an invalid file (not written; please report it): " \
        if machine else ""
    raise DataError(path, f"{prefix}{field}: {_short(error)}", line)


class _Digests:
    """File texts known to be valid, by hash; bounded (cleared when full)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.known: set[bytes] = set()

    def __contains__(self, digest: bytes) -> bool:
        return digest in self.known

    def add(self, digest: bytes) -> None:
        if len(self.known) >= self.limit:
            self.known.clear()
        self.known.add(digest)


_VALID = _Digests(200_000)  # a memo of a pure check (the schema ships with the code)
VALID_MEMO = "valid.txt"  # in a project's cache folder: hashes of file texts found valid


def _memo_salt() -> str:
    """What a remembered validation depends on: the schema and the validator's version."""
    from importlib import metadata

    text = json.dumps(schema(), sort_keys=True) + metadata.version("jsonschema")
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def recall_valid(folder: Path) -> None:
    """Take the file texts an earlier run found valid (same schema) as valid."""
    try:
        raw = read_limited(folder / VALID_MEMO, limit=64 * 300_000, error=DataError)
    except DataError:
        return
    lines = raw.decode("ascii", "ignore").split()
    if not lines or lines[0] != _memo_salt():
        return
    for line in lines[1:]:
        if len(line) == 64:
            _VALID.add(bytes.fromhex(line))


def known_valid(text: str) -> bool:
    """Whether this very file text was found valid (so it was also parsed safely) before."""
    return _digest(text) in _VALID


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def text_digest(text: str) -> str:
    return _digest(text).hex()


def remember_valid(folder: Path, digests: list[str]) -> None:
    """Record the hashes of file texts found valid (:func:`text_digest`) for the rest of
    this run (they may have been checked in other processes) and the next; best effort."""
    digests = sorted(digests)
    for digest in digests:
        _VALID.add(bytes.fromhex(digest))
    try:
        write_atomic(folder / VALID_MEMO, "\n".join([_memo_salt(), *digests]) + "\n")
    except ExplainerError:
        return


def _quickly_valid(data: Any) -> bool:
    """The schema compiled to Python code (fastjsonschema, five times faster than
    jsonschema on an explainer): its yes is taken; a no, or anything it cannot judge, is
    left to jsonschema, which decides and names the field (the two are compared on
    valid and broken files by the tests)."""
    try:
        compiled()(data)
    except Exception:  # jsonschema gives the verdict and the message
        return False
    return True


@cache
def compiled() -> Callable[[Any], Any]:
    """The shipped schema as a fastjsonschema function; dates checked on the calendar,
    as jsonschema's format checker does; no defaults filled in."""
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return fastjsonschema.compile(
        schema(), formats={"date": lambda value: checker.conforms(value, "date")},
        use_default=False)


@cache
def validator() -> jsonschema.Draft202012Validator:
    """One validator for the shipped schema (building one per file costs)."""
    return jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _short(error: jsonschema.ValidationError) -> str:
    if error.validator == "format" and error.validator_value == "date":
        return f"{error.instance!r} is not a calendar date (YYYY-MM-DD)"
    message = error.message
    return message if len(message) <= 160 else message[:157] + "..."


def line_of(text: str, path: list[Any]) -> int | None:
    """1-based line of the node at ``path`` in the YAML text (the deepest one that exists)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    line = node.start_mark.line + 1 if node else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line
