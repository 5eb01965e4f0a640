"""Jinja templates read through the project's safe reader.

Jinja's own ``FileSystemLoader`` opens whatever a name points to: a link out of
the project (``/etc/passwd``) would be rendered into a page, a FIFO would hang the
build. This loader reads only regular files inside each template folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound

from generator.errors import DataError
from generator.files import read_limited

MAX_TEMPLATE_BYTES = 1_000_000


class SafeLoader(BaseLoader):
    """Templates from folders searched in order, the first one holding the name wins."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.folders = [Path(f) for f in folders if Path(f).is_dir()]

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        parts = [p for p in template.split("/") if p not in ("", ".")]
        if any(p == ".." or os.sep in p for p in parts):
            raise TemplateNotFound(template)
        for folder in self.folders:
            path = folder.joinpath(*parts)
            if not os.path.lexists(path):
                continue
            raw = read_limited(path, limit=MAX_TEMPLATE_BYTES, within=folder.resolve(),
                               error=DataError)
            try:
                source = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DataError(path, f"not UTF-8 (byte {exc.start})") from None
            mtime = os.stat(path).st_mtime
            return source, str(path), lambda p=path, m=mtime: _unchanged(p, m)
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.folders:
            for path in folder.rglob("*"):
                if path.is_file():
                    found.add(path.relative_to(folder).as_posix())
        return sorted(found)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return os.stat(path).st_mtime == mtime
    except OSError:
        return False
