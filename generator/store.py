"""Read and write explainer YAML: deterministic, validated, atomic.

The YAML is what people edit, so reading is strict (safe loader, no aliases,
schema validation with the file, line and field named) and writing never leaves a
half-written file or silently replaces a person's edits.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import yaml

from generator.errors import DataError, EditedError
from generator.model import Explainer

if TYPE_CHECKING:
    from generator.merge import MergeResult

MAX_YAML_BYTES = 50_000_000
MAX_DEPTH = 50  # explainer files nest five levels; a sidecar none
BASE_DIR = ".base"  # the machine's last output per article, for merging edits


# libyaml's parser when PyYAML has it (the wheels do): the same safe constructors, ten
# times faster, which matters on every build.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_SafeBase):
    """The safe loader, except that dates stay strings (``published: 2015-03-10``)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(path: Path, text: str) -> Any:
    """Safe, alias-free parse; any YAML problem becomes a one-line :class:`DataError`."""
    _reject_aliases(path, text)
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise DataError(path, f"not valid YAML: {getattr(exc, 'problem', exc)}", line) from None
    except (ValueError, RecursionError) as exc:
        raise DataError(path, f"not valid YAML: {exc}") from None


class _Flow(list):
    """A list written in flow style (``[0, 17]``), for spans."""


class _Dumper(yaml.SafeDumper):
    """Stable output: key order as given, spans inline, no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package."""
    text = resources.files("generator.schema").joinpath("explainer.schema.json").read_text()
    return json.loads(text)


def dumps(data: dict[str, Any]) -> str:
    """Deterministic YAML text for explainer data."""
    return yaml.dump(
        _flow_spans(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )


def _flow_spans(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _flow_spans(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_flow_spans(v) for v in value]
        return _Flow(items) if key == "span" else items
    return value


def fingerprint(data: dict[str, Any]) -> str:
    """Hash of the content without the fingerprint itself: tells machine output from edits."""
    body = json.loads(json.dumps(data))
    body.get("article", {}).get("input", {}).pop("extracted_sha256", None)
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def load_data(path: Path) -> dict[str, Any]:
    """Parse and validate one YAML file into plain data, or raise :class:`DataError`."""
    return read_data(path)[1]


def read_data(path: Path) -> tuple[str, dict[str, Any]]:
    """The file's text (to find lines in) and its validated data."""
    text = _read_text(path)
    data = parse_yaml(path, text)
    validate(path, text, data)
    return text, data


def load(path: Path) -> Explainer:
    return Explainer.from_dict(load_data(path))


def validate(path: Path, text: str, data: Any) -> None:
    """Schema validation; the first error names the field and its line."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    error = errors[0]
    field = ".".join(str(p) for p in error.absolute_path) or "(top level)"
    line = line_of(text, list(error.absolute_path))
    raise DataError(path, f"{field}: {_short(error)}", line)


def _short(error: jsonschema.ValidationError) -> str:
    message = error.message
    return message if len(message) <= 160 else message[:157] + "..."


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_YAML_BYTES:
        raise DataError(path, f"too large ({len(raw)} bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 (byte {exc.start})") from None


def _reject_aliases(path: Path, text: str) -> None:
    """Aliases can expand exponentially (billion laughs) and deep nesting exhausts the stack;
    explainer files need neither, so both are refused before anything is built."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_SafeBase):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DataError(path, "YAML anchors and aliases are not allowed",
                                event.start_mark.line + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise DataError(path, f"nested more than {MAX_DEPTH} levels deep",
                                    event.start_mark.line + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        problem = str(getattr(exc, "problem", exc))
        if "nesting depth" in problem:  # libyaml stops deep nesting itself
            problem = f"nested more than {MAX_DEPTH} levels deep"
        raise DataError(path, f"not valid YAML: {problem}", line) from None


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


def write_atomic(path: Path, text: str) -> bool:
    """Replace ``path`` with ``text`` in one step; False (no write) when it is unchanged.

    The text goes to a temporary file in the same folder, is flushed to disk, then
    renamed over the target: a process killed at any moment leaves the old file or
    the new one, never a mixture.
    """
    if path.is_file() and path.read_bytes() == text.encode("utf-8"):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Saved:
    """What :func:`save` did: whether the file changed, and edits it could not carry over."""

    changed: bool
    merged: bool = False
    notes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.changed


def save(path: Path, explainer: Explainer, *, force: bool = False,
         text: str | None = None) -> Saved:
    """Write machine output; a file a person edited is merged with it, never overwritten.

    ``text`` is the article the explainer was extracted from, needed to move a
    person's spans when the article changed. The machine's output is also kept as
    the base for the next merge (``.base/<id>.<fingerprint>.yaml`` beside the file).
    ``force`` replaces an edited file, discarding the edits.
    """
    new = explainer.to_dict()
    data, notes, merged = new, (), False
    if path.exists() and not force and was_edited(path):
        result = _merge_edited(path, new, text)
        data, new, notes, merged = result.data, result.base, tuple(result.notes), True
    stamp = fingerprint(new)
    for item in (new, data):
        if item["article"].get("input") is not None:
            item["article"]["input"]["extracted_sha256"] = stamp
    base_path = _base_path(path, stamp)
    write_atomic(base_path, dumps(new))
    changed = write_atomic(path, dumps(data))
    _drop_old_bases(path, keep=base_path)
    return Saved(changed, merged, notes)


def _merge_edited(path: Path, new: dict[str, Any], text: str | None) -> MergeResult:
    from generator.merge import merge

    mine = load_data(path)  # an edited file that is not valid stays as it is
    base = load_base(path, mine)
    if base is None:
        raise EditedError(path, "edited by hand and the machine's previous output "
                                f"({BASE_DIR}/) is missing, so the edits cannot be merged; "
                                "not overwritten (pass --force to replace it)")
    if text is None:
        raise EditedError(path, "edited by hand; not overwritten (the article text is needed "
                                "to merge)")
    return merge(base, mine, new, text)


def base_folder(path: Path) -> Path:
    return path.parent / BASE_DIR


def _base_path(path: Path, stamp: str) -> Path:
    return base_folder(path) / f"{path.stem}.{stamp[:16]}.yaml"


def load_base(path: Path, mine: dict[str, Any]) -> dict[str, Any] | None:
    """The machine output ``mine`` was made from, found by the fingerprint it records."""
    recorded = ((mine.get("article") or {}).get("input") or {}).get("extracted_sha256")
    if not recorded:
        return None
    base_path = _base_path(path, recorded)
    if not base_path.is_file():
        return None
    try:
        base = load_data(base_path)
    except DataError:
        return None
    return base if fingerprint(base) == recorded else None


def _drop_old_bases(path: Path, keep: Path) -> None:
    """Bases of earlier extractions; removed only after the new file is in place."""
    folder = base_folder(path)
    if not folder.is_dir():
        return
    pattern = re.compile(re.escape(path.stem) + r"\.[0-9a-f]{16}\.yaml")
    for old in folder.iterdir():
        if old != keep and pattern.fullmatch(old.name):
            old.unlink(missing_ok=True)
def was_edited(path: Path) -> bool:
    """True when the file's content no longer matches the fingerprint written with it."""
    try:
        data = parse_yaml(path, _read_text(path))
    except DataError:
        return True
    return is_edited(data)


def is_edited(data: Any) -> bool:
    """:func:`was_edited` for data already read."""
    if not isinstance(data, dict):
        return True
    recorded = ((data.get("article") or {}).get("input") or {}).get("extracted_sha256")
    return recorded != fingerprint(data)
