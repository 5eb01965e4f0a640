"""Explainer files' data kept between runs, as JSON (``.explainer-cache/data/``).

Parsing YAML is most of checking and loading an archive: 6 ms for a 60 kB explainer,
against half a millisecond for the same data as JSON. The data of a file text found valid
is kept under the hash of that text (in a folder named for the package's code and schema),
and a later run that reads the very same text takes the data from there: it was parsed
safely and validated then, by the same code. Only data is kept, never code; delete the
folder at any time.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from generator import store, validity
from generator.blob_cache import BlobCache, source_digest

FOLDER = "data"  # in a project's cache folder
SUFFIX = ".json.z"
LEVEL = 1  # zlib: fast; an explainer's JSON shrinks about five times


class KeptData:
    """One run's use of the kept data."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.blobs = BlobCache(folder / source_digest()[:16], SUFFIX, LEVEL)

    def read(self, path: Path) -> tuple[str, dict[str, Any]]:
        """As :func:`store.read_data`: the file's text and its validated data."""
        text = store.read_text(path)
        digest = validity.text_digest(text)
        data = self._get(digest)
        if data is None:
            data = store.parse_yaml(path, text)
            validity.validate(path, text, data)
            self.blobs.put(digest, json.dumps(data, ensure_ascii=False).encode(
                "utf-8", "surrogatepass"))
        return text, data

    def prune(self, used: list[str]) -> None:
        """Keep only the data of the file texts ``used`` (text digests) by this version."""
        self.blobs.used.update(used)
        self.blobs.prune()
        if self.folder.is_dir():
            for other in self.folder.iterdir():
                if other != self.blobs.folder and other.is_dir() and not other.is_symlink():
                    shutil.rmtree(other, ignore_errors=True)

    def _get(self, digest: str) -> dict[str, Any] | None:
        raw = self.blobs.get(digest)
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
