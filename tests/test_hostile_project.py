"""A hostile project folder through a real build: links out, FIFOs, odd names, a
dateline-only lead. Nothing leaks, nothing hangs, each bad file is one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import store
from tests.samples import sample
from tests.test_safe_files import one_line

pytestmark = pytest.mark.slow
SECRET = "ghp_SECRETTOKEN0123456789"
ARTICLE = ("Officials in Springfield said on Monday that the river had flooded the old town. "
           "The mayor said roads would stay closed until Friday.\n")


def _build(project: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project,
                          capture_output=True, text=True, timeout=timeout)


def _everything(folder: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*")
                     if p.is_file())


def test_links_out_and_fifos_are_refused_and_the_rest_is_published(project: Path):
    seeds = project / "seeds"
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f'[remote "origin"]\n  token = {SECRET}\n')
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    (seeds / "config.txt").symlink_to("../.git/config")
    (seeds / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "Zürich café report.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "cnn.txt").write_text("(CNN)\n\n" + ARTICLE, encoding="utf-8")
    done = _build(project)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    problems = [line for line in done.stderr.splitlines() if line.startswith("explainer: ")]
    for name, why in (("leak.txt", "outside"), ("config.txt", "outside"),
                      ("zero.txt", "outside"), ("pipe.txt", "named pipe")):
        [line] = [p for p in problems if f"/{name}:" in p]
        assert why in line, line
    site = project / "site"
    assert (site / "articles" / "zurich-cafe-report" / "index.html").is_file()
    assert not (site / "articles" / "leak").exists() and not (site / "articles" / "config").exists()
    published = _everything(site) + _everything(project / "data")
    assert SECRET not in published and "root:x:0:0" not in published
    title = store.load_data(project / "data" / "cnn.yaml")["article"]["title"]
    assert title.startswith("Officials in Springfield")


def test_fifo_in_data_does_not_hang_the_build(project: Path):
    store.save(project / "data" / "a1.yaml", sample())
    os.mkfifo(project / "data" / "stuck.yaml")
    done = _build(project, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "stuck.yaml: is a named pipe" in done.stderr


@pytest.mark.parametrize("where", ["docs/leak.md", "templates/theme/partials/leak.html"])
def test_a_link_out_in_docs_or_the_theme_stops_the_build(project: Path, where: str):
    store.save(project / "data" / "a1.yaml", sample())
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f"token = {SECRET}\n")
    link = project / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(project / ".git" / "config")
    done = _build(project)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{link}: is a link to a file outside" in one_line(
        "\n".join(line for line in done.stderr.splitlines()
                  if line.startswith("explainer:") and ": warning: " not in line))
    assert not (project / "site").exists() or SECRET not in _everything(project / "site")
