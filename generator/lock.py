"""One lock per project, so two commands never write its data or site at once.

``extract``, ``build``, ``deploy`` and each re-render of ``serve`` hold it. A second
command waits for it (saying so in one line) and gives up with one line after
``EXPLAINER_LOCK_WAIT`` seconds. The lock is ``flock`` on ``.explainer.lock``
beside the data folder: the kernel releases it when its holder dies, even by kill -9.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ExplainerError
from generator.files import WriteError, read_limited

LOCK_NAME = ".explainer.lock"
DEFAULT_WAIT_S = 300.0
SERVE_ENV = "EXPLAINER_SERVE_LOCK"  # set for MkDocs run by `explainer serve`: lock each render


class LockedError(ExplainerError):
    """Another explainer command held the project for longer than we would wait."""


def lock_path(data: Path) -> Path:
    """The project's lock file: beside its data folder (the folder itself may not exist)."""
    return Path(os.path.abspath(data)).parent / LOCK_NAME


def wait_limit() -> float:
    try:
        return max(0.0, float(os.environ.get("EXPLAINER_LOCK_WAIT", DEFAULT_WAIT_S)))
    except ValueError:
        return DEFAULT_WAIT_S


@contextmanager
def project_lock(data: Path, command: str, *, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of the project whose data folder is ``data`` while the block runs."""
    path = lock_path(data)
    limit = wait_limit() if wait is None else wait
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise WriteError(path, f"cannot lock the project: {exc.strerror or exc}") from None
    try:
        _acquire(fd, path, limit)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {command}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, path: Path, limit: float) -> None:
    if _try(fd):
        return
    holder = _holder(path)
    print(f"explainer: {path.parent}: another explainer command ({holder}) holds the project; "
          f"waiting up to {limit:.0f} s", file=sys.stderr)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if _try(fd):
            return
    raise LockedError(path.parent, f"another explainer command ({holder}) still holds the "
                                   "project; try again when it has finished")


def _try(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        text = read_limited(path, limit=200, error=ExplainerError).decode("utf-8")
    except (ExplainerError, UnicodeDecodeError):
        return "unknown"
    pid, _, command = text.strip().partition(" ")
    return f"pid {pid}, {command}" if pid.isdigit() else "unknown"
