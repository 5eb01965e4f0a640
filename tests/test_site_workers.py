"""The site built on several cores is the very site built on one, byte for byte: the
explainers checked, loaded, rendered, drawn and converted in forked processes."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator.commands.check import check_project
from generator.parallel import forks
from generator.publish import settings as project
from generator.publish.mkdocs import mkdocs_build
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
    assert len([p for p in sites[1] if p.startswith("articles/")]) >= 5 * len(explainers)
