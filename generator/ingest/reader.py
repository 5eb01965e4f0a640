"""Read an article file into text, or say in one line why it cannot be read.

Offsets in the YAML count code points of the file decoded as UTF-8 with a leading
byte-order mark dropped and nothing else changed, so that is exactly what this
returns: no newline or whitespace normalisation here. A CNN/DailyMail ``.story`` file
is its text up to the first ``@highlight`` line (a prefix of the file, so offsets
still count from its start); the highlights are kept apart, never read as text.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import DataError, InputError
from generator.files import folder_of, read_limited
from generator.ids import safe_id
from generator.store import parse_yaml

MAX_CHARS = 1_000_000
MAX_BYTES = 4 * MAX_CHARS  # UTF-8 takes at most four bytes a character
MAX_META_BYTES = 100_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STORY_SUFFIX = ".story"
_HIGHLIGHT = re.compile(r"^[ \t]*@highlight[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class Meta:
    """What a sidecar ``X.meta.yaml`` may say about ``X.txt``."""

    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Source:
    """An article as read from disk."""

    id: str
    path: Path
    text: str
    sha256: str
    meta: Meta
    highlights: tuple[str, ...] = ()  # the article's own summary lines (``.story`` files)


def read_article(path: Path, within: Path | None = None) -> Source:
    """Decode one article file and its sidecar, checking everything a person could get wrong.

    Only regular files inside ``within`` are read (default: the folder the path names,
    so a link there to a file elsewhere is refused); the id is made safe from the name.
    """
    within = within if within is not None else folder_of(path)
    whole = decode(path, _read_bytes(path, within))
    text, highlights = split_story(path, whole) if path.suffix == STORY_SUFFIX else (whole, ())
    return Source(safe_id(path.stem), path, text, hashlib.sha256(whole.encode()).hexdigest(),
                  read_meta(path, within), highlights)


def split_story(path: Path, whole: str) -> tuple[str, tuple[str, ...]]:
    """A ``.story`` file's text (everything before the first ``@highlight`` line) and its
    highlights (the non-empty lines after each marker); the hash covers both."""
    first = _HIGHLIGHT.search(whole)
    if first is None:
        return whole, ()
    text = whole[:first.start()]
    if not re.search(r"[^\W\d_]", text):
        raise InputError(path, "no story text before the first @highlight")
    lines = (line.strip() for line in _HIGHLIGHT.sub("", whole[first.start():]).splitlines())
    return text, tuple(line for line in lines if line)


def _read_bytes(path: Path, within: Path) -> bytes:
    return read_limited(path, limit=MAX_BYTES, within=within, error=InputError,
                        too_large=lambda size: f"too long ({size:,} bytes; the limit is "
                                               f"{MAX_CHARS:,} characters): split the article")


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text with a BOM dropped; binary, UTF-16 and empty files are refused."""
    if len(raw) > MAX_BYTES:  # more characters than the limit, whatever the encoding
        raise InputError(path, f"too long ({len(raw):,} bytes; the limit is {MAX_CHARS:,} "
                               "characters): split the article")
    text = decode_text(path, raw)
    if not text.strip():
        raise InputError(path, "empty file (no text)")
    if len(_CONTROL.findall(text)) > max(10, len(text) // 100):
        raise InputError(path, "binary file (too many control characters), not text")
    if len(text) > MAX_CHARS:
        raise InputError(path, f"too long ({len(text):,} characters; the limit is "
                               f"{MAX_CHARS:,}): split the article")
    if not re.search(r"[^\W\d_]", text):
        raise InputError(path, "no words in the file")
    return text


def decode_text(path: Path, raw: bytes) -> str:
    """Bytes -> str for any text file we read: UTF-8, BOM dropped, nothing else changed."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(raw):
        raise InputError(path, "looks like UTF-16; save the file as UTF-8")
    if b"\x00" in raw:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                               "save the file as UTF-8") from None


def _utf16_without_bom(raw: bytes) -> bool:
    """Mostly ASCII text in UTF-16 has a NUL in every other byte."""
    sample = raw[:2000]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0), odd.count(0)) > 0.4 * len(sample) / 2


def sidecar_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.meta.yaml")


def read_meta(path: Path, within: Path | None = None) -> Meta:
    """The sidecar's fields, type-checked; no sidecar means no metadata."""
    meta_path = sidecar_path(path)
    if not os.path.lexists(meta_path):
        return Meta()
    raw = read_limited(meta_path, limit=MAX_META_BYTES, error=InputError,
                       within=within if within is not None else folder_of(path),
                       too_large=lambda size: f"too large ({size:,} bytes) for a sidecar")
    text = decode_text(meta_path, raw)
    try:
        data = parse_yaml(meta_path, text) or {}
    except DataError as exc:
        raise InputError(meta_path, exc.message, exc.line) from None
    if not isinstance(data, dict):
        raise InputError(meta_path, "must be a mapping of title, published, url, source")
    return _meta_from(meta_path, data)


def _meta_from(meta_path: Path, data: dict) -> Meta:
    unknown = sorted(str(k) for k in data if k not in {"title", "published", "url", "source"})
    if unknown:
        raise InputError(meta_path, f"unknown field {unknown[0]!r} (allowed: title, published, "
                                    "url, source)")
    values = {k: data.get(k) for k in ("title", "published", "url", "source")}
    for key, value in values.items():
        if value is not None and not isinstance(value, str):
            raise InputError(meta_path, f"{key} must be text, not {type(value).__name__}")
        if isinstance(value, str) and not value.strip():
            values[key] = None  # an empty title is no title: one is generated
    if values["published"] and not valid_date(values["published"]):
        raise InputError(meta_path, f"published must be YYYY-MM-DD, not {values['published']!r}")
    if values["url"] and not re.match(r"^https?://\S+$", values["url"]):
        raise InputError(meta_path, "url must start with http:// or https://")
    return Meta(**values)


def valid_date(value: str) -> bool:
    """A real calendar date written YYYY-MM-DD."""
    import datetime

    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
