"""An article's pages kept between builds (``.explainer-cache/articles/``).

After one edit, rendering the other articles' pages again was the largest part of a
rebuild. An article's pages are a function of its (public) explainer, the links to actors'
pages it gets, what its file says of its making, the templates and the rendering code
(templates see nothing else), so pages kept under the hash of all of these are the pages
rendering would give. The rendering code is hashed from the package's own source, so an
edited checkout does not reuse pages an older version made.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.blob_cache import BlobCache, key_of, source_digest
from generator.errors import DataError, ExplainerError
from generator.files import read_limited
from generator.render.loader import MAX_TEMPLATE_BYTES

SUFFIX = ".json.z"
LEVEL = 1  # zlib: fast; the Markdown and HTML shrink about five times


def salt(template_dirs: Iterable[Path], *settings: str) -> str:
    """What every article's pages depend on besides the article: the templates (in the
    order they are searched), the package's source and the renderer's ``settings``."""
    digest = hashlib.sha256()
    for folder in template_dirs:
        digest.update(f"\0dir {folder}\0".encode("utf-8", "surrogatepass"))
        for path in sorted(Path(folder).rglob("*")):
            _add_file(digest, path, Path(folder))
    digest.update(source_digest().encode())
    digest.update("\0".join(settings).encode())
    return digest.hexdigest()


def _add_file(digest: Any, path: Path, folder: Path) -> None:
    """A file's name and content, read as the template loader reads it (regular files
    inside the folder, links followed; never a FIFO)."""
    if path.is_dir():
        return
    digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass") + b"\0")
    try:
        content = read_limited(path, limit=MAX_TEMPLATE_BYTES, within=folder.resolve(),
                               error=DataError)
        digest.update(hashlib.sha256(content).digest())
    except (OSError, ExplainerError):  # not readable: never equal to a readable file
        digest.update(b"\0unreadable")


class KeptPages:
    """One build's use of the kept pages."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.blobs = BlobCache(folder, SUFFIX, LEVEL)
        self.salt = salt

    def key(self, *inputs: object) -> str:
        """The key of the pages made from ``inputs`` (data classes, dicts, strings)."""
        return key_of(self.salt, pickle.dumps(inputs, protocol=5))

    def get(self, key: str) -> list[tuple[str, str, tuple[str, ...]]] | None:
        """(path, content, blocks) of each page kept under ``key``, or None."""
        data = self.blobs.get(key)
        if data is None:
            return None
        try:
            pages = json.loads(data)
            return [(path, content, tuple(blocks)) for path, content, blocks in pages]
        except (ValueError, TypeError):
            return None

    def put(self, key: str, pages: list[tuple[str, str, tuple[str, ...]]]) -> None:
        text = json.dumps([[path, content, list(blocks)] for path, content, blocks in pages],
                          ensure_ascii=False)
        self.blobs.put(key, text.encode("utf-8", "surrogatepass"))
