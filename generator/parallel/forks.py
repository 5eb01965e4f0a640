"""A function over many items on every core, by forking this process (site builds).

Building a large site is CPU work on data already in memory (parsed explainers, MkDocs'
files and pages): forked children see it as it is, copy-on-write, so nothing but the
results is pickled, and no worker needs the project set up again. In :func:`fork_map`
this process takes the first share itself. A child that fails or dies is not trusted: its
share is done again here, so an error is raised here as it would be without children, and
a result is never half there. Children are short-lived and get SIGTERM when this process dies.
Linux only (macOS' system libraries are not safe to fork, which is why Python's own
``multiprocessing`` spawns there); elsewhere, or for one worker, it is a plain loop.

The garbage collector would otherwise cost a large build more than its rendering: every
object alive when the children are forked is frozen (``gc.freeze``), so that no child
scans the parent's data or copies its pages by touching their collector headers, and
results are unpickled with the collector paused (a full collection each time the heap
grows by a quarter, over ten thousand explainers, is most of the time of loading them).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_SHARE = 8  # items per process below which a fork costs more than it saves
CAN_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def fork_map(func: Callable[[T], R], items: Sequence[T], workers: int,
             *, on_child: Callable[[], None] | None = None, lasting: bool = False) -> list[R]:
    """``[func(item) for item in items]``, in order, spread over ``workers`` processes.
    ``on_child`` runs first in each child (to quiet a logger, say). ``lasting``: ``func``
    makes objects that are kept (data loaded) and no reference cycles, so the collector is
    paused while it runs."""
    with collector_paused() if lasting else contextlib.nullcontext():
        return _fork_map(func, items, workers, on_child)


def _fork_map(func: Callable[[T], R], items: Sequence[T], workers: int,
              on_child: Callable[[], None] | None) -> list[R]:
    workers = min(workers, len(items) // MIN_SHARE)
    if workers <= 1 or not CAN_FORK:
        return [func(item) for item in items]
    children: dict[int, tuple[int, IO[bytes]]] = {}  # share -> (pid, its results file)
    running: set[int] = set()
    results: list[R | None] = [None] * len(items)
    with contextlib.ExitStack() as files:
        try:
            _fork_shares(func, items, range(1, workers), workers, on_child, files, children,
                         running)
            for share in range(workers):
                done = None
                if share in children:
                    pid, out = children[share]
                    done = _collect(pid, out)
                    running.discard(pid)
                results[share::workers] = done if done is not None else [
                    func(item) for item in items[share::workers]]
        finally:
            for pid in running:
                _stop(pid)
    return results  # type: ignore[return-value]


def fork_each(func: Callable[[T], object], items: Sequence[T], workers: int,
              *, on_child: Callable[[], None] | None = None) -> bool:
    """``func`` over ``items`` in ``workers`` children, for what it leaves behind (files
    written); this process only waits. False when a child failed or died, or when there
    is nothing to gain (one worker): the caller then does without."""
    workers = min(workers, len(items) // MIN_SHARE)
    if workers <= 1 or not CAN_FORK:
        return False
    children: dict[int, tuple[int, IO[bytes]]] = {}
    running: set[int] = set()
    with contextlib.ExitStack() as files:
        try:
            _fork_shares(func, items, range(workers), workers, on_child, files, children,
                         running)
            done = len(children) == workers
            for pid, out in children.values():
                done = _collect(pid, out) is not None and done
                running.discard(pid)
        finally:
            for pid in running:
                _stop(pid)
    return done


def _fork_shares(func: Callable[[T], R], items: Sequence[T], shares: range, workers: int,
                 on_child: Callable[[], None] | None, files: contextlib.ExitStack,
                 children: dict[int, tuple[int, IO[bytes]]], running: set[int]) -> None:
    """A child for each of ``shares`` (every ``workers``-th item from the share's number
    on); a share no child could be forked for is left out of ``children``."""
    gc.freeze()  # what exists now is the parent's: children neither scan nor copy it
    for share in shares:
        out = files.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 - closed by the stack
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            return
        if pid == 0:
            _child(func, items[share::workers], out, on_child)
        children[share] = (pid, out)
        running.add(pid)


def _child(func: Callable[[T], R], share: Sequence[T], out: IO[bytes],
           on_child: Callable[[], None] | None) -> None:
    """Runs in the child: its share's results pickled into ``out``; never returns."""
    code = 1
    try:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PDEATHSIG
        if on_child is not None:
            on_child()
        pickle.dump([func(item) for item in share], out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        code = 0
    except BaseException:  # the parent redoes the share and raises what it raises
        code = 1
    finally:
        os._exit(code)


def _collect(pid: int, out: IO[bytes]) -> list | None:
    """The child's results, or None when it failed or died."""
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    out.seek(0)
    try:
        with collector_paused():
            return pickle.load(out)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off while many lasting objects are made (no cycles to find
    among them); back on as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _stop(pid: int) -> None:
    """A child not collected (this process is leaving on an error) is killed and reaped."""
    with contextlib.suppress(ChildProcessError, ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
