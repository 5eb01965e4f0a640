"""The site built on several cores is the very site built on one, byte for byte: the
explainers checked, loaded, rendered, drawn, converted and themed in forked processes."""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands import build as mkdocs_pages

from generator.commands.check import check_project
from generator.parallel import forks
from generator.publish import settings as project
from generator.publish import themed
from generator.publish.mkdocs import mkdocs_build
from generator.publish.themed import WRITTEN, QuietSkips, write_themed
from tests.browser.serve import demo_explainers, make_project

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def archive(count: int) -> list:
    """``count`` small explainers (the two demo ones under new ids, titles and dates)."""
    out = []
    demos = demo_explainers()
    for number in range(count):
        explainer = copy.deepcopy(demos[number % 2])
        explainer.article.id = f"n{number:02d}"
        explainer.article.title = f"{explainer.article.title} ({number})"
        explainer.article.published = f"2015-{1 + number % 12:02d}-{1 + number % 27:02d}"
        out.append(explainer)
    return out


REAL_FORK = os.fork


def counting(forked: list[int], fork: Callable[[], int]) -> Callable[[], int]:
    def count() -> int:
        forked.append(1)
        return fork()
    return count


def test_two_workers_build_the_site_one_worker_builds(tmp_path: Path, monkeypatch):
    explainers = archive(3 * forks.MIN_SHARE)
    sites = {}
    themed_in_children: list[bool] = []
    monkeypatch.setattr(themed, "MIN_PAGES", 1)  # a small site, themed in children too
    monkeypatch.setattr(themed, "fork_each", lambda *a, **k: themed_in_children.append(
        forks.fork_each(*a, **k)) or themed_in_children[-1])
    for workers in (1, 2):
        (tmp_path / str(workers)).mkdir()
        where = make_project(tmp_path / str(workers), explainers)
        forked: list[int] = []
        monkeypatch.setattr(os, "fork", counting(forked, REAL_FORK))
        assert mkdocs_build(where / "mkdocs.yml", quiet=True, workers=workers) == 0
        paths = project.load(where / "mkdocs.yml")
        assert check_project(replace(paths, workers=workers)) == 0
        monkeypatch.setattr(os, "fork", REAL_FORK)
        assert bool(forked) == (workers > 1)
        sites[workers] = snapshot(where / "site")
    assert sites[1] == sites[2]
    assert themed_in_children == [True]  # the pages were themed and written by children
    assert len([p for p in sites[1] if p.startswith("articles/")]) >= 5 * len(explainers)


def test_a_warning_while_a_child_writes_pages_is_shown_and_counted(tmp_path: Path,
                                                                    monkeypatch):
    """A child's warning would be lost to ``--strict``: MkDocs then writes every page
    itself, and the warning fails the build as it does with one worker."""
    where = make_project(tmp_path, archive(3 * forks.MIN_SHARE))
    monkeypatch.setattr(themed, "MIN_PAGES", 1)
    real = mkdocs_pages._build_page

    def warning_once(page, *args, **kwargs):
        if page.file.src_uri == "articles/n00/who.md" and page.meta.get("template") != WRITTEN:
            logging.getLogger("mkdocs.commands.build").warning("a theme warning")
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_pages, "_build_page", warning_once)
    assert mkdocs_build(where / "mkdocs.yml", quiet=True, workers=2) == 1


def test_a_small_site_is_themed_here_and_pages_in_children_only_when_no_other_plugin_listens():
    config = SimpleNamespace(plugins={"explainer": None, "minify": None})
    assert write_themed(config, None, None, None, workers=2) == set()  # type: ignore[arg-type]
    few = SimpleNamespace(documentation_pages=lambda: [SimpleNamespace(page=object())] * 10)
    alone = SimpleNamespace(plugins={"explainer": None})
    assert write_themed(alone, few, None, None, workers=2) == set()  # type: ignore[arg-type]


def test_mkdocs_skips_of_pages_written_by_children_are_not_shown():
    quiet = QuietSkips({"articles/a/index.md"})
    said = [logging.LogRecord("mkdocs", logging.INFO, "", 0, message, None, None) for message in (
        "Page skipped: 'articles/a/index.md'. Generated empty output.",
        "Page skipped: 'about.md'. Generated empty output.", "Building page")]
    assert [quiet.filter(record) for record in said] == [False, True, True]
