"""``explainer build``: extract what changed, check, render and run ``mkdocs build --strict``."""

from __future__ import annotations

import sys
from pathlib import Path

from generator import store
from generator.commands.check import check_project
from generator.errors import ExplainerError
from generator.fingerprint import extractor_fingerprint
from generator.ids import safe_id, unique_ids
from generator.ingest.reader import Source, read_article
from generator.lock import project_lock
from generator.publish import settings as project
from generator.publish.mkdocs import mkdocs_build

INPUT_SUFFIXES = {".txt"}


def run(config_file: Path, *, force: bool = False) -> int:
    paths = project.load(config_file)
    if not paths.site_url:  # a warning, not an error: a local preview needs no address
        print(project.NO_SITE_URL.format(file=paths.config_file.name), file=sys.stderr)
    with project_lock(paths.data, "build"):
        status = update(paths, force=force)
        if check_project(paths) != 0:
            print("explainer: not building: fix the errors above first", file=sys.stderr)
            return 1
        return max(status, mkdocs_build(paths.config_file))


def inputs(paths: project.Settings) -> list[Path]:
    """Article files in the inputs folder (sidecars ``*.meta.yaml`` are not articles)."""
    if not paths.inputs.is_dir():
        return []
    return sorted(p for p in paths.inputs.iterdir() if p.suffix in INPUT_SUFFIXES)


def update(paths: project.Settings, *, force: bool = False) -> int:
    """Re-extract the articles whose text, sidecar or extractor changed since their YAML.

    ``force`` re-extracts every article; a person's edits are merged in either way
    (only ``explainer extract --force`` discards them). The caller holds the lock.
    """
    articles, problems = unique_ids(inputs(paths))
    for problem in problems:
        print(f"explainer: {problem}", file=sys.stderr)
    status = 1 if problems else 0
    stale = [p for p in articles if force or _stale(p, paths)]
    if not stale:
        return status
    from generator.commands import extract  # loads spaCy: only when something changed

    return max(status, extract.extract_files(stale, paths.data, force=False, root=paths.root,
                                             within=paths.inputs, threshold=paths.threshold))


def _stale(article: Path, paths: project.Settings) -> bool:
    target = paths.data / f"{safe_id(article.stem)}.yaml"
    if not target.exists():
        return True
    try:
        source = read_article(article, paths.inputs)
    except ExplainerError:
        return True  # extract says what is wrong with it
    try:
        current = store.load_data(target)
    except ExplainerError:
        return False  # a person's invalid YAML is never replaced; check reports it
    machine = store.load_base(target, current) if store.is_edited(current) else current
    info = current["article"].get("input") or {}
    return (info.get("sha256") != source.sha256
            or info.get("extractor") != extractor_fingerprint()
            or info.get("threshold") != paths.threshold.to_dict()
            or _meta_changed((machine or current)["article"], source))


def _meta_changed(article: dict, source: Source) -> bool:
    meta = source.meta
    return any(
        value is not None and article.get(key) != value
        for key, value in (("title", meta.title), ("published", meta.published),
                           ("url", meta.url), ("source", meta.source))
    )
