"""From the inputs to the articles to extract: folders walked, JSON Lines streamed, ids
checked for duplicates, and articles already extracted from the same input skipped.

Two passes over the inputs keep memory flat however many articles there are: the first
decides (and keeps only keys), the second reads again the articles to extract.
An article is up to date when its YAML records the same input (hash), sidecar values,
extraction fingerprint and threshold; the YAML's ``article`` block, written first, is
read alone for that (a few kB of a long file), the whole file only when it differs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import store
from generator.errors import ExplainerError, InputError
from generator.files import read_head, recorded_path
from generator.fingerprint import extractor_fingerprint
from generator.ingest.jsonl import JSONL_SUFFIX, SOURCE_TEXT, read_jsonl
from generator.ingest.reader import STORY_SUFFIX, Source, read_article
from generator.model import DEFAULT_THRESHOLD, Thresholds
from generator.parallel.jobs import Job

FOLDER_SUFFIXES = {".txt", STORY_SUFFIX, JSONL_SUFFIX}  # what a folder's walk takes
HEAD_BYTES = 64 * 1024  # enough for any ``article`` block


@dataclass(frozen=True)
class Found:
    """An article read from the inputs; ``key`` names it across the two passes."""

    key: str
    label: str
    source: Source
    from_lines: bool  # from a JSON Lines file: its text is kept beside the YAML


@dataclass(frozen=True)
class Options:
    """What the caller asked for, the same for every article of a run."""

    out: Path
    within: Path | None = None  # read only files inside (default: each file's folder)
    root: Path | None = None  # input paths are recorded relative to it (default: cwd)
    published: str | None = None
    form: str = "auto"
    threshold: Thresholds = DEFAULT_THRESHOLD
    force: bool = False  # replace edited YAML, discarding the edits (implies ``every``)
    every: bool = False  # extract every article, whatever its YAML says
    report_invalid: bool = True  # an invalid YAML is extracted (and its error reported)


@dataclass
class Plan:
    """Keys of the articles to extract; the counts and problems of the rest."""

    todo: set[str] = field(default_factory=set)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def found(paths: list[Path], within: Path | None = None) -> Iterator[Found | InputError]:
    """Every article of the inputs in a stable order, or why one cannot be read."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for file in walk(path):
                yield from _articles_in(file, within or path)
        else:
            yield from _articles_in(path, within)


def walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, recursively, sorted; hidden folders left out."""
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if Path(name).suffix in FOLDER_SUFFIXES:
                yield Path(top) / name


def _articles_in(path: Path, within: Path | None) -> Iterator[Found | InputError]:
    if path.suffix == JSONL_SUFFIX:
        try:
            for number, item in read_jsonl(path, within):
                yield item if isinstance(item, InputError) else Found(
                    f"{path}:{number}", f"{path}:{number}", item, True)
        except InputError as exc:
            yield exc
        return
    try:
        yield Found(str(path), str(path), read_article(path, within), False)
    except InputError as exc:
        yield exc


def make_plan(paths: list[Path], options: Options) -> Plan:
    """First pass: which articles to extract; duplicate ids and unreadable inputs reported."""
    plan = Plan()
    owners: dict[str, str] = {}
    seen: set[str] = set()  # an input named twice (alone and in its folder) counts once
    for item in found(paths, options.within):
        if isinstance(item, InputError):
            if str(item) not in seen:
                seen.add(str(item))
                plan.problems.append(str(item))
            continue
        if item.key in seen:
            continue
        seen.add(item.key)
        owner = owners.setdefault(item.source.id, item.label)
        if owner != item.label:
            plan.problems.append(f"{item.label}: has the same id {item.source.id!r} as {owner} "
                                 "(it becomes the page address); rename one of them")
        elif options.force or options.every or needs_extraction(item, options):
            plan.todo.add(item.key)
        else:
            plan.skipped += 1
    return plan


def jobs(paths: list[Path], options: Options, plan: Plan) -> Iterator[Job | InputError]:
    """Second pass: a job per article the plan chose, read again (flat memory)."""
    left = set(plan.todo)
    reported = set(plan.problems)
    for item in found(paths, options.within):
        if isinstance(item, InputError):
            if str(item) not in reported:  # changed since the first pass
                yield item
            continue
        if item.key not in left:
            continue
        left.discard(item.key)
        yield job_for(item, options)


def job_for(item: Found, options: Options) -> Job:
    source = item.source
    return Job(source.id, item.label, recorded_path(source.path, options.root), source.text,
               source.sha256, source.meta, source.highlights, options.published, options.form,
               options.threshold, item.from_lines)


def target_of(out: Path, article_id: str) -> Path:
    return out / f"{article_id}.yaml"


def source_text_path(target: Path) -> Path:
    return target.with_name(target.stem + SOURCE_TEXT)


def needs_extraction(item: Found, options: Options) -> bool:
    """False when the article's YAML already records this input, sidecar and rules."""
    target = target_of(options.out, item.source.id)
    if not os.path.lexists(target):
        return True
    if item.from_lines and not os.path.lexists(source_text_path(target)):
        return True
    article = _article_block(target)
    if article is not None and _matches(article, item.source, options):
        return False
    return _stale_slowly(item.source, target, options)


def _article_block(target: Path) -> dict[str, Any] | None:
    """The YAML's ``article`` block, read from the head of the file; None if unsure."""
    try:
        head = read_head(target, HEAD_BYTES)
    except ExplainerError:
        return None
    end = head.find(b"\nsentences:")
    if end == -1:
        return None
    try:
        data = yaml.load(head[:end].decode("utf-8-sig"), Loader=store.Loader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    article = data.get("article") if isinstance(data, dict) else None
    return article if isinstance(article, dict) else None


def _matches(article: dict[str, Any], source: Source, options: Options) -> bool:
    info = article.get("input")
    if not isinstance(info, dict):
        return False
    return (info.get("sha256") == source.sha256
            and info.get("extractor") == extractor_fingerprint()
            and info.get("threshold") == options.threshold.to_dict()
            and (options.form == "auto" or info.get("form") == options.form)
            and (article.get("highlights") or []) == list(source.highlights)
            and not _meta_changed(article, source, options.published))


def _stale_slowly(source: Source, target: Path, options: Options) -> bool:
    """The whole file read: a person's edits are compared through the machine's base."""
    try:
        current = store.load_data(target)
    except ExplainerError:
        return options.report_invalid  # build leaves a person's invalid YAML to check
    machine = store.load_base(target, current) if store.is_edited(current) else current
    return not _matches((machine or current)["article"], source, options)


def _meta_changed(article: dict[str, Any], source: Source, published: str | None) -> bool:
    meta = source.meta
    return any(
        value is not None and article.get(key) != value
        for key, value in (("title", meta.title), ("published", published or meta.published),
                           ("url", meta.url), ("source", meta.source))
    )
