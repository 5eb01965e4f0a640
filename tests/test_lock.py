"""One lock per project: a second command waits or says in one line that it cannot;
a person's save during a merge is merged, never overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import store
from generator.lock import lock_path, project_lock
from tests.samples import TEXT, sample
from tests.test_safe_files import one_line

HOLD = ("import sys, time\nfrom pathlib import Path\nfrom generator.lock import project_lock\n"
        "with project_lock(Path(sys.argv[1]), 'build'):\n"
        "    print('held', flush=True)\n    time.sleep(float(sys.argv[2]))\n")


def _holder(data: Path, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(data), str(seconds)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "held"
    return child


def _explainer(project: Path, *args: str, wait: str = "30") -> subprocess.CompletedProcess:
    env = {**os.environ, "EXPLAINER_LOCK_WAIT": wait}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_second_command_gives_up_in_one_line(project: Path):
    holder = _holder(project / "data", 30)
    try:
        done = _explainer(project, "build", wait="1")
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = [line for line in done.stderr.strip().splitlines() if ": warning: " not in line]
    assert "holds the project; waiting up to 1 s" in lines[0] and f"pid {holder.pid}" in lines[0]
    assert lines[-1].endswith("still holds the project; try again when it has finished")
    assert not (project / "site").exists()


def test_extract_waits_for_the_lock_then_runs(tmp_path: Path):
    out = tmp_path / "data"
    holder = _holder(out, 1.5)
    start = time.monotonic()
    with project_lock(out, "extract", wait=30):
        waited = time.monotonic() - start
    holder.wait()
    assert waited > 1.0, "the lock was taken while another process held it"


def test_the_lock_is_released_when_its_holder_is_killed(tmp_path: Path):
    holder = _holder(tmp_path / "data", 60)
    holder.kill()
    holder.wait()
    start = time.monotonic()
    with project_lock(tmp_path / "data", "build", wait=10):
        pass
    assert time.monotonic() - start < 1
    assert lock_path(tmp_path / "data") == tmp_path / ".explainer.lock"


def test_a_save_during_the_merge_is_merged_not_overwritten(tmp_path: Path, monkeypatch):
    """The editor saves while the machine merges: the merge is redone on their new file."""
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    first = path.read_text()
    path.write_text(first.replace("name: Officials", "name: Officials (first edit)"))
    from generator import merge as merging

    real_merge = merging.merge
    calls = []

    def merge_while_editor_saves(base, mine, new, text):
        calls.append(mine["actors"][0]["name"])
        if len(calls) == 1:  # the editor saves again, mid-merge
            path.write_text(first.replace("name: Officials", "name: Officials (second edit)"))
        return real_merge(base, mine, new, text)

    monkeypatch.setattr(merging, "merge", merge_while_editor_saves)
    changed = sample()
    changed.article.title = "A new machine title"
    saved = store.save(path, changed, text=TEXT)
    final = store.load_data(path)
    assert calls == ["Officials (first edit)", "Officials (second edit)"]
    assert final["actors"][0]["name"] == "Officials (second edit)" and saved.merged
    assert final["article"]["title"] == "A new machine title"


@pytest.mark.slow
def test_two_builds_at_once_both_succeed(project: Path):
    store.save(project / "data" / "a1.yaml", sample())
    for _ in range(2):
        env = {**os.environ, "EXPLAINER_LOCK_WAIT": "120"}
        builds = [subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project,
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True) for _ in range(2)]
        errors = [b.communicate(timeout=300)[1] for b in builds]
        assert [b.returncode for b in builds] == [0, 0], errors
        assert not any("Traceback" in e for e in errors)
        assert (project / "site" / "articles" / "a1" / "index.html").is_file()
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


def test_lock_error_names_a_read_only_place(tmp_path: Path, monkeypatch):
    import errno

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("generator.lock.os.open", refuse)
    from generator.files import WriteError

    with pytest.raises(WriteError) as caught, project_lock(tmp_path / "data", "build"):
        pass
    assert "cannot lock the project: Read-only file system" in str(caught.value)
    assert one_line(str(caught.value))
