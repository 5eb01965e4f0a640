"""Read-only lookups in the sorted statistics files that restoration ships.

The files are gzipped, sorted ``kind<TAB>key<TAB>value`` lines: loading one is a single
read, and a key is found by bisection when first asked for.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path


def sorted_lines(path: Path) -> list[str]:
    """All lines of a gzipped statistics file (already sorted when it was built)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read().splitlines()


class Table:
    """Read-only lookups in one kind of row of the sorted statistics file.

    The file's lines are sorted, so a key is found by bisection and converted when
    asked for: loading the model is one read of the file, however large it is.
    """

    def __init__(self, lines: list[str], kind: str, convert: Callable[[str], object] = str):
        self.lines = lines
        self.prefix = kind + "\t"
        self.convert = convert
        self.cache: dict[str, object] = {}

    def _raw(self, key: str) -> str | None:
        """The value text of ``key`` ("" for a row with no value), or None."""
        probe = self.prefix + key
        i = bisect_left(self.lines, probe)
        line = self.lines[i] if i < len(self.lines) else ""
        if line == probe:
            return ""
        if line.startswith(probe + "\t"):
            return line[len(probe) + 1:]
        return None

    def get(self, key: str, default: object = None) -> object:
        if key not in self.cache:
            raw = self._raw(key)
            self.cache[key] = None if raw is None else self.convert(raw)
        value = self.cache[key]
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> object:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value


class Chain:
    """Look a key up in several tables, the first that has it wins."""

    def __init__(self, *tables: object) -> None:
        self.tables = tables

    def get(self, key: str, default: object = None) -> object:
        for table in self.tables:
            value = table.get(key)
            if value is not None:
                return value
        return default

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]
