"""The one place that reads and writes a project's files.

Reading: only regular files inside a given folder (``lstat`` first, a link is
followed only when it lands inside that folder), never a device, FIFO or socket
(opened non-blocking, so nothing hangs), with the size checked before reading and
the read capped at the limit. Writing: a temporary file in the same folder,
flushed, then renamed over the target, so a killed process leaves the old file or
the new one; temporary files of dead processes are swept. A full disk or a
read-only folder is a one-line :class:`WriteError`, never a traceback.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import ExplainerError, InputError

STALE_AGE_S = 24 * 3600  # a temporary file this old is stale whoever made it
# ``.<target name>.<pid>-<random>.tmp``: the pid tells a dead writer's leftovers from live ones.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[A-Za-z0-9_]{6,}\.tmp$")
_KINDS = {stat.S_IFDIR: "is a directory, not a file", stat.S_IFIFO: "is a named pipe (FIFO), "
          "not a file", stat.S_IFSOCK: "is a socket, not a file", stat.S_IFCHR: "is a device, "
          "not a file", stat.S_IFBLK: "is a device, not a file"}
_WRITE_HINTS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
                errno.EROFS: "the file system is read-only",
                errno.EACCES: "permission denied (is the folder read-only?)",
                errno.EPERM: "permission denied (is the folder read-only?)",
                errno.EFBIG: "the file is larger than this system allows"}


class WriteError(ExplainerError):
    """A file that could not be written: full disk, read-only folder, no permission."""


class ChangedMeanwhile(Exception):
    """The target changed between reading it and replacing it (someone saved it)."""


def folder_of(path: Path) -> Path:
    """The real folder a path names its file in (the file itself may be a link)."""
    return Path(os.path.abspath(path)).parent.resolve()


def target_of(path: Path, within: Path, error: type[ExplainerError] = InputError) -> Path:
    """The real path of a regular file inside ``within``, or a one-line error."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror or exc}") from None
    real = Path(os.path.abspath(path))
    if stat.S_ISLNK(info.st_mode):
        try:
            real = real.resolve(strict=True)
        except (OSError, RuntimeError):
            raise error(path, "is a broken or looping link") from None
        if not real.is_relative_to(within.resolve()):
            raise error(path, f"is a link to a file outside {within}; only files inside it "
                              "are read") from None
        info = os.stat(real)
    kind = stat.S_IFMT(info.st_mode)
    if kind != stat.S_IFREG:
        raise error(path, _KINDS.get(kind, "is not a regular file"))
    return real


@contextmanager
def _open_regular(path: Path, within: Path | None,
                  error: type[ExplainerError]) -> Iterator[tuple[int, os.stat_result]]:
    """A descriptor on a regular file inside ``within`` (default: its folder), never through
    a link, never blocking on a FIFO; read errors become one line naming ``path``."""
    real = target_of(path, within if within is not None else folder_of(path), error)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped for something else since the lstat
            raise error(path, _KINDS.get(stat.S_IFMT(info.st_mode), "is not a regular file"))
        yield fd, info
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_limited(path: Path, *, limit: int, within: Path | None = None,
                 error: type[ExplainerError] = InputError,
                 too_large: Callable[[int], str] | None = None) -> bytes:
    """At most ``limit`` bytes of a regular file inside ``within`` (default: its folder).

    The size is checked before reading and the read stops past the limit, so a huge
    file (or one that grows while read) never fills memory.
    """
    oversize = too_large or (lambda size: f"too large ({size:,} bytes; the limit is "
                                          f"{limit:,})")
    with _open_regular(path, within, error) as (fd, info):
        if info.st_size > limit:
            raise error(path, oversize(info.st_size))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise error(path, oversize(size))
    return b"".join(chunks)


def read_head(path: Path, size: int, *, within: Path | None = None,
              error: type[ExplainerError] = ExplainerError) -> bytes:
    """The first ``size`` bytes of a regular file inside ``within`` (default: its folder)."""
    with _open_regular(path, within, error) as (fd, _):
        return os.read(fd, size)


def read_lines(path: Path, *, max_line: int, within: Path | None = None,
               error: type[ExplainerError] = InputError) -> Iterator[tuple[int, bytes | None]]:
    """The lines of a regular file inside ``within`` (default: its folder), streamed, so a
    file of any size reads in flat memory: ``(line number, bytes without the newline)``,
    or ``(line number, None)`` for a line longer than ``max_line`` (skipped, not read in)."""
    with _open_regular(path, within, error) as (fd, _), \
            os.fdopen(fd, "rb", closefd=False) as handle:
        number = 0
        while True:
            number += 1
            line = handle.readline(max_line + 1)
            if not line:
                return
            if len(line) > max_line and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of it
                    line = handle.readline(1 << 20)
                yield number, None
                continue
            yield number, line.rstrip(b"\n").removesuffix(b"\r")


def recorded_path(path: Path, root: Path | None) -> str:
    """How an input is named in the YAML: relative to the project root, or only its name
    when it lies outside (no one's home folder in a published file)."""
    base = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.name


def check_tree(folder: Path, within: Path | None = None) -> str | None:
    """The first entry under ``folder`` that is a link out of ``within`` (default: the
    folder) or neither a regular file nor a folder, as ``path: problem``; None when clean.

    Tools that walk a folder themselves (MkDocs follows links) are given only clean ones.
    """
    within = (within or folder).resolve()
    for top, dirs, names in os.walk(folder, followlinks=False):
        for name in sorted(dirs + names):
            path = Path(top) / name
            if path.is_dir() and path.is_symlink():
                real = path.resolve()
                if Path(top).resolve().is_relative_to(real):
                    return f"{path}: is a link to a folder that holds it (a loop)"
                if real.is_relative_to(within):
                    continue  # a link to a folder inside: walked in its own right
            elif path.is_dir():
                continue
            try:
                target_of(path, within, ExplainerError)
            except ExplainerError as exc:
                return str(exc)
    return None


def write_atomic(path: Path, text: str | bytes, *, expect: bytes | object | None = ...,
                 sweep_first: bool = True) -> bool:
    """Replace ``path`` with ``text`` in one step; False (no write) when it is unchanged.

    ``sweep_first``: sweep the folder of dead writers' files first (a writer of thousands
    of files in one folder sweeps it once itself, see :func:`sweep`).

    ``expect``: the bytes the caller based its text on (None: no file); when the
    target holds anything else just before the rename, nothing is replaced and
    :class:`ChangedMeanwhile` is raised, so a person's save is never overwritten.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    current = _current(path)
    if expect is not ... and current != expect:
        raise ChangedMeanwhile(str(path))
    if current == data:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if sweep_first:
            sweep(path.parent)
        mode = os.stat(path).st_mode & 0o777 if current is not None else 0o644
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp",
                                   dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if expect is not ... and _current(path) != expect:
            raise ChangedMeanwhile(str(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _write_error(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return True


def _current(path: Path) -> bytes | None:
    """The target's bytes now (None: no file); a target that is not a file is an error."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _write_error(path, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(path, "exists and is not a regular file; not replaced")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise _write_error(path, exc) from None


def _write_error(path: Path, exc: OSError) -> WriteError:
    hint = _WRITE_HINTS.get(exc.errno or 0, exc.strerror or str(exc))
    return WriteError(path, f"cannot write: {hint}")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sweep(folder: Path) -> int:
    """Remove temporary files and folders left by writers that died; how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or not _stale(match.group("pid"), entry):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


def _stale(pid: str | None, entry: os.DirEntry) -> bool:
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    if age > STALE_AGE_S:
        return True
    if pid is None:
        return age > 3600  # an older writer's name, without its pid
    return int(pid) != os.getpid() and not _alive(int(pid))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def temp_name(target: Path) -> Path:
    """A fresh temporary name beside ``target`` that :func:`sweep` recognises."""
    return target.parent / f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp"


@contextmanager
def build_beside(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target``, removed unless :func:`swap_in` took it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep(target.parent)
        folder = temp_name(target)
        folder.mkdir()
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Put the folder ``new`` in place of ``target`` (atomically where Linux allows), then
    remove the old one: readers see the old folder or the new one, never a mixture."""
    try:
        if not target.exists() and not target.is_symlink():
            os.rename(new, target)
            return
        if not _exchange(new, target):
            old = temp_name(target)
            os.rename(target, old)
            os.rename(new, target)
            new = old
    except OSError as exc:
        raise _write_error(target, exc) from None
    if new.is_symlink() or not new.is_dir():
        new.unlink(missing_ok=True)
    else:
        shutil.rmtree(new, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """``renameat2(RENAME_EXCHANGE)``: swap two names in one step; False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
