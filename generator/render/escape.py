"""Escaping article text for Markdown pages: text from an article is data, never markup.

Every value a template prints goes through :func:`markdown_text` (the Jinja
``finalize`` hook), so HTML, Markdown syntax and attribute lists in an article
show as the characters they are.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")


def markdown_text(value: object) -> Markup:
    """Inline text safe in Markdown and HTML: one line, specials backslash-escaped."""
    if isinstance(value, Markup):
        return value
    text = _SPACE.sub(" ", str(value)).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return Markup("".join(_HTML.get(ch, ch) for ch in text))


def html_attr(value: object) -> Markup:
    """A value for an HTML attribute in a raw-HTML block."""
    text = _SPACE.sub(" ", str(value)).strip()
    return Markup("".join(_HTML.get(ch, ch) for ch in text))


def yaml_string(value: object) -> Markup:
    """A one-line string for page front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(_SPACE.sub(" ", str(value)).strip(), ensure_ascii=False))


def json_script(value: object) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` block that cannot close the tag."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def plain_json(value: object) -> str:
    """A JSON file's content (indented, stable key order, one trailing newline)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def markdown_fragment(value: object) -> Markup:
    """Like :func:`markdown_text`, but keeps one leading and trailing space, for text
    cut into pieces (a sentence around highlighted words)."""
    text = _SPACE.sub(" ", str(value))
    core = markdown_text(text)
    return Markup((" " if text.startswith(" ") else "") + core
                  + (" " if text.endswith(" ") and text.strip() else ""))
