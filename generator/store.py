"""Read and write explainer YAML: deterministic, validated, atomic.

The YAML is what people edit, so reading is strict (safe loader, no aliases,
schema validation with the file, line and field named) and writing never leaves a
half-written file or silently replaces a person's edits.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator import yaml_data
from generator.errors import DataError, EditedError
from generator.files import ChangedMeanwhile, read_limited, write_atomic
from generator.model import Explainer
from generator.validity import known_valid, validate

if TYPE_CHECKING:
    from generator.merge import MergeResult

MAX_YAML_BYTES = 50_000_000
MAX_DEPTH = 50  # explainer files nest five levels; a sidecar none
BASE_DIR = ".base"  # the machine's last output per article, for merging edits
SAVE_TRIES = 5  # merges redone when a person keeps saving the file meanwhile
SMALL_FOLDER = 200  # a .base folder this small is swept of every old base on each save


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
    """Safe, alias-free parse; any YAML problem becomes a one-line :class:`DataError`.
    Anchors and aliases need ``&`` and ``*``: a text with neither (or found valid before)
    is not scanned for them (a second parse)."""
    if not known_valid(text) and ("&" in text or "*" in text):
        _reject_aliases(path, text)
    try:
        return yaml_data.load(text, Loader, MAX_DEPTH)
    except yaml_data.TooDeep as exc:
        raise DataError(path, f"nested more than {MAX_DEPTH} levels deep", exc.line) from None
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc) from None
    except (ValueError, RecursionError) as exc:
        raise DataError(path, f"not valid YAML: {exc}") from None


class _Flow(list):
    """A list written in flow style (``[0, 17]``), for spans."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Stable output: key order as given, spans inline, no anchors. libyaml's emitter when
    PyYAML has it (the wheels do): the same text as the pure-Python one on every explainer
    tried, four times faster, which matters for an archive."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


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
    text = read_text(path)
    data = parse_yaml(path, text)
    validate(path, text, data)
    return text, data


def load(path: Path) -> Explainer:
    return Explainer.from_dict(load_data(path))


def read_text(path: Path) -> str:
    """A YAML file's text: a regular file in its own folder, size-capped, UTF-8."""
    raw = read_limited(path, limit=MAX_YAML_BYTES, error=DataError,
                       too_large=lambda size: f"too large ({size:,} bytes)")
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
        raise _yaml_error(path, exc) from None


def _yaml_error(path: Path, exc: yaml.YAMLError) -> DataError:
    """A one-line error for a YAML problem, at its line."""
    line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
    problem = str(getattr(exc, "problem", exc))
    if "nesting depth" in problem:  # libyaml stops deep nesting itself
        problem = f"nested more than {MAX_DEPTH} levels deep"
    return DataError(path, f"not valid YAML: {problem}", line)


@dataclass(frozen=True)
class Saved:
    """What :func:`save` did: whether the file changed, and edits it could not carry over."""

    changed: bool
    merged: bool = False
    notes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.changed


@dataclass(frozen=True)
class Prepared:
    """Machine output ready to save: validated, stamped with its fingerprint, as YAML text.
    Made where the extraction ran (a Dask worker), saved where the project is locked."""

    data: dict[str, Any]
    text: str


def prepare(explainer: Explainer | dict[str, Any]) -> Prepared:
    """Validate fresh machine output and stamp it (``article.input.extracted_sha256``)."""
    fresh = explainer.to_dict() if isinstance(explainer, Explainer) else explainer
    validate(Path(str(fresh.get("article", {}).get("id", "?")) + ".yaml"), "", fresh,
             machine=True)
    if fresh["article"].get("input") is not None:
        fresh["article"]["input"]["extracted_sha256"] = fingerprint(fresh)
    return Prepared(fresh, dumps(fresh))


def save(path: Path, explainer: Explainer, *, force: bool = False,
         text: str | None = None) -> Saved:
    """Write machine output; a file a person edited is merged with it, never overwritten.

    ``text`` is the article the explainer was extracted from, needed to move a
    person's spans when the article changed. The machine's output is also kept as
    the base for the next merge (``.base/<id>.<fingerprint>.yaml`` beside the file).
    ``force`` replaces an edited file, discarding the edits. The target is read again
    just before it is replaced: when a person saved it meanwhile, the merge is redone.
    """
    return save_prepared(path, prepare(explainer), force=force, text=text)


def save_prepared(path: Path, prepared: Prepared, *, force: bool = False,
                  text: str | None = None, swept: bool = False) -> Saved:
    """:func:`save` of output made by :func:`prepare` (perhaps on another machine);
    ``swept``: the caller has swept the folders of dead writers' files already."""
    for _ in range(SAVE_TRIES):
        before = _current_text(path)
        try:
            return _save_once(path, prepared, before, force=force, text=text, swept=swept)
        except ChangedMeanwhile:
            continue
    raise EditedError(path, "changed again and again while being merged; not overwritten "
                            "(run the command again when nobody is saving it)")


def _save_once(path: Path, prepared: Prepared, before: str | None, *, force: bool,
               text: str | None, swept: bool) -> Saved:
    """One try of :func:`save`: raises :class:`ChangedMeanwhile` if the file moved under it."""
    notes: list[str] = []
    merged = before is not None and not force and _edited_text(path, before)
    if merged:
        fresh = copy.deepcopy(prepared.data)
        fresh["article"].get("input", {}).pop("extracted_sha256", None)
        result = _merge_edited(path, before, fresh, text)
        data, new, notes = result.data, result.base, list(result.notes)
        stamp = fingerprint(new)
        for item in (new, data):
            if item["article"].get("input") is not None:
                item["article"]["input"]["extracted_sha256"] = stamp
        validate(path, "", data, machine=True)  # a merge makes new data
        validate(path, "", new, machine=True)
        out, base_text = dumps(data), dumps(new)
    else:
        stamp = fingerprint(prepared.data)
        out = base_text = prepared.text
    base_path = _base_path(path, stamp)
    write_atomic(base_path, base_text, sweep_first=not swept)
    expected = before.encode("utf-8") if before is not None else None
    changed = write_atomic(path, out, expect=expected, sweep_first=not swept)
    if changed and before is not None and has_comments(before):
        notes.append("the comments in this file were dropped (the file is written from its "
                     "data); the earlier version is in your version control")
    _drop_old_bases(path, keep=base_path, before=before)
    return Saved(changed, merged, tuple(notes))


def _current_text(path: Path) -> str | None:
    """The target's text as it is now, or None when there is no file yet."""
    if not os.path.lexists(path):
        return None
    raw = read_limited(path, limit=MAX_YAML_BYTES, error=DataError)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(path, "not UTF-8; not overwritten (fix or remove it)") from None


def _edited_text(path: Path, text: str) -> bool:
    try:
        return is_edited(parse_yaml(path, text.removeprefix("\ufeff")))
    except DataError:
        return True


def has_comments(text: str) -> bool:
    """True when the YAML text holds a comment (a ``#`` outside every scalar)."""
    if "#" not in text:
        return False
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return True
    covered = [(t.start_mark.index, t.end_mark.index) for t in tokens
               if isinstance(t, yaml.ScalarToken)]
    starts = [a for a, _ in covered]
    for match in re.finditer(r"(?:^|(?<=\s))#", text):
        at = match.start()
        i = bisect.bisect_right(starts, at) - 1
        if i < 0 or not covered[i][0] <= at < covered[i][1]:
            return True
    return False


def _merge_edited(path: Path, before: str, new: dict[str, Any],
                  text: str | None) -> MergeResult:
    from generator.merge import merge

    mine = parse_yaml(path, before.removeprefix("\ufeff"))
    validate(path, before, mine)  # an edited file that is not valid stays as it is
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


def _drop_old_bases(path: Path, keep: Path, before: str | None = None) -> None:
    """Bases of earlier extractions; removed only after the new file is in place. The
    base the previous file names is removed at once (no walk of a folder of thousands);
    a folder of few files is also swept of any other old base of this article."""
    folder = base_folder(path)
    if not folder.is_dir():
        return
    recorded = _recorded_stamp(before) if before is not None else None
    if recorded:
        old = _base_path(path, recorded)
        if old != keep:
            old.unlink(missing_ok=True)
    with os.scandir(folder) as entries:
        names = [entry.name for _, entry in zip(range(SMALL_FOLDER + 1), entries, strict=False)]
    if len(names) > SMALL_FOLDER:
        return
    pattern = re.compile(re.escape(path.stem) + r"\.[0-9a-f]{16}\.yaml")
    for name in names:
        if name != keep.name and pattern.fullmatch(name):
            (folder / name).unlink(missing_ok=True)


def _recorded_stamp(text: str) -> str | None:
    """The ``extracted_sha256`` a YAML text records (its first one), without parsing it."""
    found = re.search(r"^\s+extracted_sha256: ([0-9a-f]{64})\s*$", text, re.MULTILINE)
    return found.group(1) if found else None


def was_edited(path: Path) -> bool:
    """True when the file's content no longer matches the fingerprint written with it."""
    try:
        return _edited_text(path, read_text(path))
    except DataError:
        return True


def is_edited(data: Any) -> bool:
    """:func:`was_edited` for data already read."""
    if not isinstance(data, dict):
        return True
    recorded = ((data.get("article") or {}).get("input") or {}).get("extracted_sha256")
    return recorded != fingerprint(data)
