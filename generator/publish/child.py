"""MkDocs as a child process that cannot outlive us.

The child runs in its own process group with its own temporary folder (``TMPDIR``).
SIGTERM, SIGHUP or SIGINT on us stop the whole group and remove that folder; if we
are killed outright (SIGKILL), the kernel sends the child SIGTERM (Linux
``PR_SET_PDEATHSIG``) and the next run sweeps the folder we left.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from generator.files import sweep, temp_name

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
GRACE_S = 10.0  # how long the child has to stop before it is killed


class _Stopped(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def run_child(argv: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> int:
    """Run ``argv`` to its end, or until a stop signal; its exit status (128 + signal
    number when we were stopped)."""
    with _private_tmp() as tmp:
        child_env = {**os.environ, **(env or {}), "TMPDIR": str(tmp)}
        previous = {s: signal.getsignal(s) for s in STOP_SIGNALS}
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)  # no signal before we know
        try:                                                     # the child's pid
            for s in STOP_SIGNALS:
                signal.signal(s, _raise_stopped)
            child = subprocess.Popen(argv, cwd=cwd, env=child_env, start_new_session=True,
                                     preexec_fn=_prepare_child)
        except BaseException:
            _restore(previous)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
            raise
        try:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # a pending one lands here
            return child.wait()
        except _Stopped as stop:
            return 128 + stop.signum
        finally:
            for s in STOP_SIGNALS:
                signal.signal(s, signal.SIG_IGN)  # a second signal must not cut the cleanup
            stop_group(child)
            _restore(previous)


def stop_group(child: subprocess.Popen) -> None:
    """SIGTERM to the child's whole process group, SIGKILL after the grace time."""
    for sig, wait in ((signal.SIGTERM, GRACE_S), (signal.SIGKILL, GRACE_S)):
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, sig)
        try:
            child.wait(timeout=wait)
            _reap_group(child.pid)
            return
        except subprocess.TimeoutExpired:
            continue


def _reap_group(pgid: int) -> None:
    """Members of the group that outlived its leader get SIGKILL."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _raise_stopped(signum: int, frame: object) -> None:
    raise _Stopped(signum)


def _restore(previous: dict) -> None:
    for s, handler in previous.items():
        signal.signal(s, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def _private_tmp() -> Iterator[Path]:
    parent = Path(tempfile.gettempdir())
    sweep(parent)  # folders of runs that were killed outright
    folder = temp_name(parent / "explainer-child")
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _prepare_child() -> None:
    """In the child, before exec: signals unblocked, and SIGTERM when the parent dies
    (Linux only)."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
