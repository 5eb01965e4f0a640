"""The site built on several cores is the very site built on one, byte for byte: the
explainers checked, loaded, rendered, drawn, converted and themed in forked processes."""

from __future__ import annotations

import copy
import logging
import os
import shutil
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


def test_a_rebuild_writes_kept_themed_pages_and_themes_again_what_changed(
        tmp_path: Path, monkeypatch):
    """Pages themed by the last build from the same inputs are written from the cache;
    an edited article, a new navigation title or a changed theme template are themed again,
    and the site is the one a build without the cache makes."""
    monkeypatch.setattr(themed, "MIN_PAGES", 1)
    (tmp_path / "kept").mkdir()
    where = make_project(tmp_path / "kept", archive(3 * forks.MIN_SHARE))
    themed_now: list[str] = []
    real = mkdocs_pages._build_page

    def counted(page, *args, **kwargs):
        if page.meta.get("template") != WRITTEN:
            with open(tmp_path / "themed.log", "a", encoding="utf-8") as log:  # from children
                log.write(page.file.src_uri + "\n")
        return real(page, *args, **kwargs)

    def build() -> dict[str, bytes]:
        (tmp_path / "themed.log").unlink(missing_ok=True)
        assert mkdocs_build(where / "mkdocs.yml", quiet=True, workers=2) == 0
        log = tmp_path / "themed.log"
        themed_now[:] = log.read_text().split() if log.exists() else []
        return snapshot(where / "site")

    monkeypatch.setattr(mkdocs_pages, "_build_page", counted)
    cold = build()
    assert "articles/n03/who.md" in themed_now
    assert build() == cold and themed_now == []
    data = where / "data" / "n03.yaml"
    data.write_text(data.read_text().replace("title: Officials", "title: Edited officials", 1))
    build()
    assert sorted(set(themed_now)) == sorted(
        p for p in themed_now if p.startswith("articles/n03/") or not p.startswith("articles"))
    assert "articles/n03/index.md" in themed_now and "articles/n04/index.md" not in themed_now
    about = where / "docs" / "about.md"
    about.write_text(about.read_text().replace("# ", "# Renamed: ", 1))
    build()
    assert "articles/n04/index.md" in themed_now  # every page's navigation changed
    override = where / "templates" / "theme" / "main.html"
    override.write_text(override.read_text() + "\n{# changed #}\n")
    build()
    assert "articles/n04/index.md" in themed_now
    shutil.rmtree(where / ".explainer-cache")
    assert build() == snapshot(where / "site")
