"""Writing: full disks and read-only folders are one line; dead writers' temp files are swept."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import files, store
from generator.files import WriteError, sweep, write_atomic
from tests.conftest import ROOT
from tests.samples import sample
from tests.test_hostile import cli
from tests.test_safe_files import one_line

ERRORS = {errno.ENOSPC: "the disk is full", errno.EROFS: "the file system is read-only",
          errno.EACCES: "permission denied", errno.EDQUOT: "quota"}


@pytest.mark.parametrize("code", sorted(ERRORS))
@pytest.mark.parametrize("step", ["mkstemp", "replace"])
def test_write_errors_are_one_line_and_keep_the_old_file(tmp_path: Path, monkeypatch,
                                                         code: int, step: str):
    path = tmp_path / "data" / "a1.yaml"
    write_atomic(path, "old")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    target = "generator.files.tempfile.mkstemp" if step == "mkstemp" else \
        "generator.files.os.replace"
    monkeypatch.setattr(target, refuse)
    with pytest.raises(WriteError) as caught:
        write_atomic(path, "new")
    assert str(caught.value) == f"{path}: cannot write: {ERRORS[code]}" or \
        ERRORS[code] in str(caught.value)
    assert path.read_text() == "old"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a1.yaml"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_render_on_a_full_or_read_only_disk_is_one_line(project: Path, monkeypatch,
                                                        code: int):
    store.save(project / "data" / "a1.yaml", sample())

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("generator.files.tempfile.mkstemp", refuse)
    code_, err = cli("render", "-f", str(project / "mkdocs.yml"))
    assert code_ == 1 and ERRORS[code] in one_line(err) and "cannot write" in err


def test_save_into_a_read_only_data_folder_is_one_line(tmp_path: Path, monkeypatch):
    """A real read-only folder where chmod binds (not root), the same error simulated
    where it does not (root, as in CI)."""
    data = tmp_path / "data"
    store.save(data / "a1.yaml", sample())
    if os.geteuid() != 0:
        data.chmod(0o555)
    else:
        def refuse(*args, **kwargs):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr("generator.files.tempfile.mkstemp", refuse)
    try:
        changed = sample()
        changed.article.title = "Another title"
        with pytest.raises(WriteError, match="permission denied"):
            store.save(data / "a1.yaml", changed)
    finally:
        data.chmod(0o755)
    assert "Another title" not in (data / "a1.yaml").read_text()


def _limited(limit: int):
    def prepare() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return prepare


def test_real_process_out_of_file_space_renders_one_line(project: Path):
    """RLIMIT_FSIZE makes the kernel refuse writes past 300 bytes (EFBIG), as a full disk would."""
    store.save(project / "data" / "a1.yaml", sample())
    done = subprocess.run([sys.executable, "-m", "generator", "render"], cwd=project,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_limited(300))
    assert done.returncode == 1
    assert "cannot write: the file is larger than this system allows" in one_line(done.stderr)


def test_temp_files_of_dead_writers_are_swept(tmp_path: Path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftovers = [f".a1.yaml.{dead.pid}-abcdefgh.tmp", ".a1.yaml.k3j4h5g6.tmp"]
    for name in leftovers:
        (tmp_path / name).write_text("half")
    os.utime(tmp_path / leftovers[1], (time.time() - 7200, time.time() - 7200))
    live = tmp_path / f".b.yaml.{os.getppid()}-abcdefgh.tmp"  # a live process's: kept
    live.write_text("in progress")
    write_atomic(tmp_path / "a1.yaml", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a1.yaml", live.name])


def test_killed_writers_leave_temp_files_that_the_next_write_sweeps(tmp_path: Path):
    """SIGKILL a writer mid-write, many times: the next write leaves no temp file behind."""
    path = tmp_path / "a1.yaml"
    script = ("import sys\nfrom pathlib import Path\nfrom generator.files import write_atomic\n"
              "p = Path(sys.argv[1])\nwhile True:\n"
              "    for c in 'ab':\n        write_atomic(p, c * 8_000_000)\n")
    for delay in (0.3, 0.45, 0.6, 0.75):
        child = subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
    write_atomic(path, "final")
    assert [p.name for p in tmp_path.iterdir()] == ["a1.yaml"]
    assert path.read_text() == "final"


def test_sweep_removes_dead_build_folders(tmp_path: Path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = tmp_path / f".site.{dead.pid}-0badc0de.tmp"
    (folder / "articles").mkdir(parents=True)
    assert sweep(tmp_path) == 1 and not folder.exists()


def test_target_that_is_not_a_file_is_not_replaced(tmp_path: Path):
    os.mkfifo(tmp_path / "a1.yaml")
    with pytest.raises(WriteError, match="not a regular file"):
        files.write_atomic(tmp_path / "a1.yaml", "new")
