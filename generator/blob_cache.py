"""Bytes a build made, kept by the hash of everything they were made from, for the next
build (``.explainer-cache/<name>/``; delete it at any time: the next build makes them again).

Only data (never code) is kept; an entry is written whole or not at all; the entries a
build did not use are removed at its end (:meth:`BlobCache.prune`), so the folder holds
one site's worth.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path

from generator.files import sweep, temp_name

PACKAGE = Path(__file__).resolve().parent
SOURCE_SUFFIXES = (".py", ".json")  # the code, and the schema and model data it ships


def source_digest() -> str:
    """A hash of the package's code and shipped data: what is kept by one version (or one
    edited checkout) is never taken by another."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in SOURCE_SUFFIXES and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key_of(*parts: str | bytes) -> str:
    """A key for the inputs ``parts`` (each one delimited, so no two lists share a key)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class BlobCache:
    """One build's use of one cache folder. With a zlib ``level`` (0: stored as it is),
    entries are compressed and carry zlib's checksum: a damaged one reads as missing."""

    def __init__(self, folder: Path, suffix: str, level: int | None = None) -> None:
        self.folder = folder
        self.suffix = suffix
        self.level = level
        self.used: set[str] = set()

    def get(self, key: str) -> bytes | None:
        self.used.add(key)
        try:
            data = self._path(key).read_bytes()
            return zlib.decompress(data) if self.level is not None else data
        except (OSError, zlib.error):
            return None

    def has(self, key: str) -> bool:
        """Whether an entry is kept under ``key`` (counted as used)."""
        self.used.add(key)
        return self._path(key).exists()

    def put(self, key: str, data: bytes) -> None:
        """Kept, not synced to disk: a lost entry only makes the next build slower."""
        self.used.add(key)
        path = self._path(key)
        temp = temp_name(path)
        if self.level is not None:
            data = zlib.compress(data, self.level)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(data)
            os.replace(temp, path)
        except OSError:
            temp.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the entries this build did not use (and files left by a killed build)."""
        if not self.folder.is_dir():
            return
        for shard in os.scandir(self.folder):
            if not shard.is_dir(follow_symlinks=False):
                continue
            sweep(Path(shard.path))
            for entry in os.scandir(shard.path):
                name = entry.name
                if name.endswith(self.suffix) and name[:-len(self.suffix)] not in self.used:
                    Path(entry.path).unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"
