"""``explainer check``: every explainer valid against the schema and its own input.

Schema validation catches wrong fields and types; the cross-reference pass catches
what a schema cannot: ids that point nowhere, spans outside the text or not equal
to their quoted words. Every problem is one ``file:line: field: message`` line.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator import kept_data, references, store, validity
from generator.errors import DataError, ExplainerError, InputError
from generator.files import read_limited
from generator.ingest.jsonl import JSONL_SUFFIX, SOURCE_TEXT
from generator.ingest.reader import MAX_BYTES, decode_text, read_article
from generator.kept_data import KeptData
from generator.parallel.forks import fork_map
from generator.publish.settings import Settings
from generator.publish.site import Loaded, data_files, loaded_from

Where = references.Where


@dataclass(frozen=True)
class Problem:
    """One problem at a place in the data (a path of keys and list indexes)."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{'.'.join(map(str, self.where)) or '(top level)'}: {self.message}"


def check_project(paths: Settings, keep: list[Loaded] | None = None) -> int:
    """Print ``file:line: message`` per problem; 0 when everything is valid. Files are
    checked in the project's ``workers`` processes. File texts found valid against the schema are
    remembered (``.explainer-cache/``): an unchanged file is not validated again by the
    next run. ``keep`` gets every explainer loaded, when all are valid, so that a build
    reads each file once."""
    problems = 0
    validity.recall_valid(paths.cache)
    valid: list[str] = []
    loaded: list[Loaded] = []
    kept = KeptData(paths.cache / kept_data.FOLDER)
    checked = fork_map(partial(_check_one, root=paths.root, inputs=paths.inputs,
                               keep=keep is not None, kept=kept),
                       data_files(paths.data), paths.workers, lasting=True)
    for messages, digests, explainer in checked:
        for message in messages:
            print(message, file=sys.stderr)
            problems += 1
        valid += digests
        if explainer is not None:
            loaded.append(explainer)
    validity.remember_valid(paths.cache, valid)
    kept.prune(valid)
    if keep is not None and not problems:
        keep += loaded
    return 1 if problems else 0


def _check_one(path: Path, root: Path, inputs: Path, keep: bool = False,
               kept: KeptData | None = None) -> tuple[list[str], list[str], Loaded | None]:
    """One file's problems, its text's hash when it is valid against the schema, and
    (``keep``) the explainer loaded when it has no problem; its data taken from ``kept``
    when an earlier run parsed the same text."""
    valid: list[str] = []
    problems, data = _check_read(path, root, inputs, valid, kept)
    loaded = loaded_from(data) if keep and data is not None and not problems else None
    return problems, valid, loaded


def check_file(path: Path, root: Path, inputs: Path | None = None,
               valid: list[str] | None = None) -> list[str]:
    """Problems of one YAML file, each ``file:line: field: message``; the article it
    names is read only from the inputs folder (default ``root/seeds``). ``valid`` gets
    the hash of the file's text when it is valid against the schema."""
    return _check_read(path, root, inputs, valid)[0]


def _check_read(path: Path, root: Path, inputs: Path | None, valid: list[str] | None,
                kept: KeptData | None = None) -> tuple[list[str], dict[str, Any] | None]:
    """``check_file``'s problems, and the file's data when it could be read."""
    try:
        yaml_text, data = kept.read(path) if kept is not None else store.read_data(path)
    except ExplainerError as exc:
        return [str(exc)], None
    if valid is not None:
        valid.append(validity.text_digest(yaml_text))
    problems = []
    if data["article"]["id"] != path.stem:
        problems.append(Problem(("article", "id"), f"{data['article']['id']!r} must match "
                                                   f"the file name {path.stem!r}"))
    text, problem = _input_text(data, root, inputs if inputs is not None else root / "seeds",
                                path)
    problems += [problem] if problem else []
    problems += check_data(data, text)
    return [str(DataError(path, str(p), validity.line_of(yaml_text, list(p.where))))
            for p in problems], data


def check_data(data: dict[str, Any], text: str | None) -> list[Problem]:
    """Cross-references, and spans against ``text`` when the article can be read."""
    problems = cross_references(data)
    if text is not None:
        problems += spans(data, text)
    return problems


def _input_text(data: dict[str, Any], root: Path, inputs: Path,
                yaml_path: Path) -> tuple[str | None, Problem | None]:
    """The article's text; only regular files inside the inputs folder are read, and the
    text of an article from JSON Lines is the one kept beside its YAML."""
    info = data["article"].get("input")
    if info is None:
        return None, None
    where = ("article", "input", "path")
    kept = yaml_path.with_name(yaml_path.stem + SOURCE_TEXT)
    if os.path.lexists(kept) or info["path"].endswith(JSONL_SUFFIX):
        return _kept_text(kept, info["sha256"], where)
    path = root / info["path"]
    folder = inputs.resolve()
    if not Path(os.path.abspath(path)).parent.resolve().is_relative_to(folder):
        return None, Problem(where, f"{info['path']!r} is outside the project's inputs folder "
                                    f"({inputs.name}/)")
    if not os.path.lexists(path):
        return None, None  # spans cannot be checked without the article; not an error
    try:
        return read_article(path, folder).text, None
    except ExplainerError as exc:
        return None, Problem(where, exc.message)


def _kept_text(kept: Path, sha256: str,
               where: Where) -> tuple[str | None, Problem | None]:
    """The text kept beside the YAML; it must be the text the YAML was extracted from."""
    if not os.path.lexists(kept):
        return None, None  # spans cannot be checked without the article; not an error
    try:
        text = decode_text(kept, read_limited(kept, limit=MAX_BYTES, error=InputError))
    except ExplainerError as exc:
        return None, Problem(where, exc.message)
    if hashlib.sha256(text.encode()).hexdigest() != sha256:
        return None, Problem(where, f"{kept.name} is not the text this explainer was "
                                    "extracted from (its SHA-256 differs)")
    return text, None


def cross_references(data: dict[str, Any]) -> list[Problem]:
    """Ids that are referenced must exist, and ids must be unique."""
    known = {name: {item["id"] for item in data[name]} for name in references.COLLECTIONS}
    problems = []
    for name in known:
        problems += _duplicates(name, [item["id"] for item in data[name]])
    found = [(where, (value, reference.to)) for reference in references.REFERENCES
             for where, value in references.places(data, reference.path)]
    problems += [Problem(where, f"{value!r} is not the id of one of the {kind}")
                 for where, (value, kind) in references.in_item_order(found)
                 if value not in known[kind]]
    return problems


def _duplicates(name: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            out.append(Problem((name, index, "id"), f"id {item_id!r} is used twice"))
        seen.add(item_id)
    return out


def spans(data: dict[str, Any], text: str) -> list[Problem]:
    """Every span lies inside the input and slices to exactly its quoted text."""
    found = [(where, (record["span"], record["text"] if spanned.quoted else None))
             for spanned in references.SPANS
             for where, record in references.places(data, spanned.path)]
    problems = []
    for where, ((start, end), quoted) in references.in_item_order(found):
        if not 0 <= start <= end <= len(text):
            problems.append(Problem((*where, "span"), f"[{start}, {end}] is outside the text "
                                                      f"(length {len(text)})"))
        elif quoted is not None and text[start:end] != quoted:
            problems.append(Problem((*where, "span"), f"[{start}, {end}] reads "
                                                      f"{_clip(text[start:end])!r}, not "
                                                      f"{_clip(quoted)!r}"))
    return problems


def _clip(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
