"""Links inside HTML blocks checked as MkDocs checks a Markdown page's links.

MkDocs never sees the links of an HTML block (:mod:`generator.render.blocks`): the renderer
writes them as addresses. A template edited to link to a page or anchor that does not
exist would go unnoticed, so once every page is converted each block link is followed to
a file of the site and, when it names one, to an anchor of that page; each one that leads
nowhere is a warning, which ``--strict`` (the default of ``explainer build``) counts.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.structure.files import File, Files

LOG = logging.getLogger("mkdocs.plugins.explainer")
HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
BASE = "http://site.invalid/"  # any absolute base: only the path is compared


def check_block_links(blocks: Mapping[str, tuple[str, ...]], files: Files) -> int:
    """Warn about every block link of a page that leads to no file of the site, or to an
    anchor its page lacks; the number of warnings."""
    by_url = {_path_of(urljoin(BASE, file.url)): file for file in files}
    warned = 0
    for src_uri, made in blocks.items():
        page = files.get_file_from_path(src_uri)
        if page is None:
            continue
        for href, problem in _broken(page, made, by_url):
            LOG.warning(f"Doc file '{src_uri}' contains a link in an HTML block '{href}', "
                        f"but {problem}.")
            warned += 1
    return warned


def _broken(page: File, made: tuple[str, ...], by_url: dict[str, File]) -> Iterator[
        tuple[str, str]]:
    """(link, what is wrong) for each broken link of a page's blocks."""
    here = urljoin(BASE, page.url)
    for block in made:
        for raw in HREF.findall(block):
            href = html.unescape(raw)
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("/"):
                continue  # another site, or an absolute address: not ours to check
            target = by_url.get(_path_of(urljoin(here, href))) if parts.path else page
            if target is None:
                yield href, "the target is not found among the site's files"
            elif parts.fragment and target.page is not None and \
                    unquote(parts.fragment) not in (target.page.present_anchor_ids or ()):
                yield href, f"there is no anchor '#{parts.fragment}' on that page"


def _path_of(url: str) -> str:
    """A URL's path, unquoted, as the key of the file it addresses."""
    return unquote(urlsplit(url).path)
