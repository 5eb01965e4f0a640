"""HTML blocks: the parts of a page that HTML templates write and Markdown never converts.

Python-Markdown goes through inline HTML piece by piece, twice (MkDocs looks for anchors in
it too): a source-text page of 40 highlighted sentences took 15 ms to convert, and such
parts were most of a site build. A Markdown template hands a part to an HTML template
(``{{ block("article/sentences.html.j2", a=a) }}``); the page's Markdown holds a
placeholder comment where the block goes, MkDocs converts the rest, and the plugin puts the
block in its place (:func:`fill`) and adds the block's ``id``s to the page's anchors. In an
HTML template every value is escaped for HTML (not Markdown), and a link is written as the
site's own address (``url("claims.md#c1")``), since MkDocs does not see it to rewrite it
(the plugin checks it, :mod:`generator.publish.block_links`). A page written to disk
(``explainer render``) has its blocks inlined as raw HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from generator.render.escape import html_attr

PLACEHOLDER = "<!--explainer-block {}-->"
_PLACEHOLDER = re.compile(r"^<!--explainer-block (\d+)-->$", re.M)  # a line of its own
LINKS_KEPT = 4096  # addresses remembered
_ID = re.compile(r'\sid="([^"]*)"')  # values are escaped: a quote never ends one early


def placeholder(number: int) -> Markup:
    """Where block ``number`` goes: a comment alone between blank lines, which Markdown
    passes through as it is."""
    return Markup("\n\n" + PLACEHOLDER.format(number) + "\n\n")


def fill(text: str, blocks: tuple[str, ...]) -> str:
    """``text`` (HTML or Markdown) with each placeholder line replaced by its block
    (article text never makes one: it is escaped, and front matter is quoted). A block
    left without its place is an error, not a part of the page silently lost."""
    if not blocks:
        return text
    placed: set[int] = set()

    def block(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number >= len(blocks):
            return match.group(0)
        placed.add(number)
        return blocks[number]

    filled = _PLACEHOLDER.sub(block, text)
    if len(placed) < len(blocks):
        raise ValueError("a block() of its template was not placed: call it on a line of "
                         "its own, outside Markdown lists and paragraphs")
    return filled


def anchors(blocks: tuple[str, ...]) -> set[str]:
    """The ``id``s the blocks hold (links from other pages may point at them)."""
    return {html.unescape(found) for block in blocks for found in _ID.findall(block)}


def page_url(path: str, directory_urls: bool) -> str:
    """The address MkDocs gives the page at ``path`` (docs-relative, ``.md``)."""
    stem = path.removesuffix(".md")
    if posixpath.basename(stem) == "index" or not directory_urls:
        dest = stem + ".html"
    else:
        dest = stem + "/index.html"
    folder, name = posixpath.split(dest)
    url = (folder or ".") + "/" if directory_urls and name == "index.html" else dest
    return quote(url)


def link(target: str, page: str, directory_urls: bool) -> Markup:
    """``target`` as written in a Markdown link on ``page`` (``claims.md#c1``,
    ``../../actors/x.md``, ``#c4``), as MkDocs would rewrite it: the address of the page
    it names, relative to ``page``'s address; escaped for an attribute."""
    path, _, anchor = target.partition("#")
    if not path:
        return html_attr(target)
    url = _relative(path, page, directory_urls)
    return html_attr(url + ("#" + anchor if anchor else ""))


@lru_cache(maxsize=LINKS_KEPT)
def _relative(path: str, page: str, directory_urls: bool) -> str:
    """The address of the page at ``path`` (relative to ``page``'s folder), from ``page``'s
    (a page links to the same few pages many times)."""
    if not path.endswith(".md"):
        raise ValueError(f"url() takes a page of the site (a .md path), not {path!r}")
    doc = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return get_relative_url(page_url(doc, directory_urls), page_url(page, directory_urls))
