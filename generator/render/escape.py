"""Escaping article text for Markdown pages: text from an article is data, never markup.

Every value a template prints goes through :func:`markdown_text` (the Jinja
``finalize`` hook), so HTML, Markdown syntax and attribute lists in an article
show as the characters they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from markupsafe import Markup

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")
# Never shown: C0 and C1 controls (tab and newlines become spaces), DEL, bidi embeddings,
# overrides, isolates and marks (they reorder what a reader sees), zero-width spaces
# and the byte-order mark (the joiners stay: emoji and some scripts need them).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200b\u200e\u200f"
                        "\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_BREAKS = re.compile("[\t\n\x0c\r\x85\u2028\u2029]")


def shown_text(value: object) -> str:
    """Text as a reader may see it: controls and bidi characters out, line breaks as spaces."""
    return _INVISIBLE.sub("", _BREAKS.sub(" ", str(value)))


def markdown_text(value: object) -> Markup:
    """Inline text safe in Markdown and HTML: one line, specials backslash-escaped."""
    if isinstance(value, Markup):
        return value
    text = _SPACE.sub(" ", shown_text(value)).strip()
    return Markup(_escape_html(_MD_SPECIAL.sub(r"\\\1", text)))


def html_attr(value: object) -> Markup:
    """A value for an HTML attribute in a raw-HTML block."""
    return Markup(_escape_html(_SPACE.sub(" ", shown_text(value)).strip()))


def html_text(value: object) -> Markup:
    """Inline text safe in an HTML block (:mod:`generator.render.blocks`), which Markdown
    never converts: one line, HTML specials escaped, no backslashes."""
    return value if isinstance(value, Markup) else html_attr(value)


def html_fragment(value: object) -> Markup:
    """:func:`html_text` keeping one leading and trailing space (a piece of a sentence)."""
    return _fragment(value, html_text)


def yaml_string(value: object) -> Markup:
    """A one-line string for page front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(_SPACE.sub(" ", shown_text(value)).strip(), ensure_ascii=False))


def json_script(value: object) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` block that cannot close the tag."""
    text = json.dumps(_clean(value), ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def plain_json(value: object) -> str:
    """A JSON file's content (indented, stable key order, one trailing newline)."""
    return json.dumps(_clean(value), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def markdown_fragment(value: object) -> Markup:
    """Like :func:`markdown_text`, but keeps one leading and trailing space, for text
    cut into pieces (a sentence around highlighted words)."""
    return _fragment(value, markdown_text)


def _fragment(value: object, escape: Callable[[object], Markup]) -> Markup:
    text = _SPACE.sub(" ", shown_text(value))
    core = escape(text)
    return Markup((" " if text.startswith(" ") else "") + core
                  + (" " if text.endswith(" ") and text.strip() else ""))


def timelinejs_json(value: object) -> str:
    """A TimelineJS file: TimelineJS shows its strings as HTML, so every string is
    HTML-escaped (an article's ``<script>`` stays text)."""
    return plain_json(_escape_strings(_clean(value)))


def _escape_html(text: str) -> str:
    """``text`` with HTML's five specials as entities (``&`` first)."""
    for special, entity in _HTML.items():
        if special in text:
            text = text.replace(special, entity)
    return text


def _escape_strings(value: object) -> object:
    if isinstance(value, str):
        return _escape_html(value)
    if isinstance(value, dict):
        return {k: _escape_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape_strings(v) for v in value]
    return value


def _clean(value: object) -> object:
    """Every string of JSON-like data as :func:`shown_text`."""
    if isinstance(value, str):
        return shown_text(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
