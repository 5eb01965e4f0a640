"""The page cache between builds: a rebuild after an edit gives the very site a cold build
gives, and a page whose conversion warned is converted (and warns) again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import store
from generator.publish.mkdocs import mkdocs_build
from generator.publish.page_cache import FOLDER
from tests.browser.serve import build, demo_explainers, make_project

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rebuild_after_an_edit_is_the_site_a_cold_build_gives(tmp_path: Path):
    (tmp_path / "warm").mkdir()
    (tmp_path / "cold").mkdir()
    project = make_project(tmp_path / "warm", demo_explainers())
    build(project)
    assert list((project / FOLDER).rglob("*.json"))
    path = project / "data" / "a2.yaml"
    data = store.load_data(path)
    data["article"]["title"] = "Officials now say the rain has stopped"
    path.write_text(store.dumps(data), encoding="utf-8")
    warm = snapshot(build(project))
    cold_project = make_project(tmp_path / "cold", [])
    shutil.rmtree(cold_project / "data")
    shutil.copytree(project / "data", cold_project / "data")
    cold = snapshot(build(cold_project))
    assert warm == cold
    assert "Officials now say the rain has stopped" in warm["index.html"].decode()


def test_a_page_that_warned_is_not_cached(tmp_path: Path):
    project = make_project(tmp_path, demo_explainers())
    (project / "docs" / "broken.md").write_text("# Broken\n\n[nowhere](nowhere.md)\n",
                                                encoding="utf-8")
    for _ in range(2):
        assert mkdocs_build(project / "mkdocs.yml", quiet=True) == 1
