"""``explainer extract``: article files -> explainer YAML, one model load for all files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from generator import store
from generator.errors import ExplainerError
from generator.extract import extract
from generator.ids import unique_ids
from generator.ingest.reader import read_article, valid_date
from generator.lock import project_lock
from generator.model import DEFAULT_THRESHOLD, Thresholds
from generator.nlp.pipeline import load_model


def run(files: list[Path], out: Path, *, published: str | None = None, form: str = "auto",
        force: bool = False, root: Path | None = None,
        threshold: Thresholds = DEFAULT_THRESHOLD) -> int:
    """Extract each file under the project lock; one line per failure, the others go on."""
    if published and not valid_date(published):
        print(f"explainer: --published must be YYYY-MM-DD, not {published!r}", file=sys.stderr)
        return 2
    kept, problems = unique_ids(files)
    for problem in problems:
        print(f"explainer: {problem}", file=sys.stderr)
    status = 1 if problems else 0
    with project_lock(out, "extract"):
        return max(status, extract_files(kept, out, published=published, form=form,
                                         force=force, root=root, threshold=threshold))


def extract_files(files: list[Path], out: Path, *, published: str | None = None,
                  form: str = "auto", force: bool = False, root: Path | None = None,
                  within: Path | None = None, threshold: Thresholds = DEFAULT_THRESHOLD) -> int:
    """Extract each file (the caller holds the lock); files are read only inside ``within``
    (default: each file's own folder)."""
    model = _Model()
    failures = 0
    for path in files:
        try:
            target, saved = extract_one(model.get, path, out, published=published, form=form,
                                        force=force, root=root, within=within,
                                        threshold=threshold)
        except ExplainerError as exc:
            print(f"explainer: {exc}", file=sys.stderr)
            failures += 1
            continue
        _report(target, saved)
    return 1 if failures else 0


def extract_one(nlp: Callable[[], Language], path: Path, out: Path, *, published: str | None,
                form: str, force: bool, root: Path | None,
                within: Path | None = None,
                threshold: Thresholds = DEFAULT_THRESHOLD) -> tuple[Path, store.Saved]:
    """Write ``out/<id>.yaml`` for one article, merging a person's edits (unless ``force``)."""
    source = read_article(path, within)
    explainer = extract(nlp(), source, published=published, form=form, root=root,
                        threshold=threshold)
    target = out / f"{source.id}.yaml"
    return target, store.save(target, explainer, force=force, text=source.text)


def _report(target: Path, saved: store.Saved) -> None:
    """Say when edits were merged, and name each edit that could not be kept."""
    if saved.merged:
        print(f"explainer: {target}: re-extracted and merged with your edits", file=sys.stderr)
    for note in saved.notes:
        print(f"explainer: {target}: {note}", file=sys.stderr)


class _Model:
    """Loads the spaCy model on first use, once, so a run with only bad files loads nothing."""

    def __init__(self) -> None:
        self._nlp: Language | None = None

    def get(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model()
        return self._nlp
