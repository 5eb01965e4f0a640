"""Articles from a JSON Lines file: one JSON object a line, with ``id`` and ``text`` and
optionally ``title``, ``published``, ``url``, ``source``.

The file is streamed (flat memory whatever its size). A bad line is reported as
``file:line: problem`` and skipped; the others go on. Spans of such an article point
into its ``text`` exactly as given (no normalisation), so that text is kept beside
the YAML (``<id>.source.txt``) for ``explainer check``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import InputError
from generator.files import read_lines
from generator.ids import safe_id
from generator.ingest.reader import MAX_BYTES, MAX_CHARS, Meta, Source, decode_text, valid_date

JSONL_SUFFIX = ".jsonl"
SOURCE_TEXT = ".source.txt"  # beside the YAML: the text of an article from JSON Lines
MAX_LINE = 2 * MAX_BYTES  # JSON escapes can double the text's size


def read_jsonl(path: Path,
               within: Path | None = None) -> Iterator[tuple[int, Source | InputError]]:
    """Each line's number and article, or the one-line problem of a line that is not one."""
    for number, raw in read_lines(path, max_line=MAX_LINE, within=within):
        if raw is None:
            yield number, InputError(path, f"line longer than {MAX_LINE:,} bytes; skipped",
                                     number)
            continue
        if not raw.strip():
            continue  # blank lines (a trailing newline, a separator) are no articles
        try:
            yield number, article_of(path, number, raw)
        except InputError as exc:
            yield number, exc


def article_of(path: Path, number: int, raw: bytes) -> Source:
    """The article on line ``number``; raises a one-line :class:`InputError`."""
    try:
        data = json.loads(decode_text(path, raw))
    except InputError as exc:
        raise InputError(path, exc.message, number) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(path, f"not a JSON object: {_short(str(exc))}", number) from None
    if not isinstance(data, dict):
        raise InputError(path, "must be a JSON object with id and text", number)
    article_id = _id(path, number, data.get("id"))
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, f"{article_id}: text must be non-empty text", number)
    if len(text) > MAX_CHARS:
        raise InputError(path, f"{article_id}: text too long ({len(text):,} characters; the "
                               f"limit is {MAX_CHARS:,})", number)
    meta = _meta(path, number, data)
    return Source(article_id, path, text, hashlib.sha256(text.encode()).hexdigest(), meta)


def _id(path: Path, number: int, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise InputError(path, "id must be a non-empty string or number", number)
    return safe_id(str(value).strip())


def _meta(path: Path, number: int, data: dict[str, Any]) -> Meta:
    values: dict[str, str | None] = {}
    for key in ("title", "published", "url", "source"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(path, f"{key} must be text, not {type(value).__name__}", number)
        values[key] = value.strip() or None if isinstance(value, str) else None
    if values["published"] and not valid_date(values["published"]):
        raise InputError(path, f"published must be YYYY-MM-DD, not {values['published']!r}",
                         number)
    if values["url"] and not values["url"].startswith(("http://", "https://")):
        raise InputError(path, "url must start with http:// or https://", number)
    return Meta(**values)


def _short(text: str, size: int = 120) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
