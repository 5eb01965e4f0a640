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
import posixpath
import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote

from mkdocs.structure.files import File, Files

LOG = logging.getLogger("mkdocs.plugins.explainer")
HREF = re.compile(r'\shref="([^"]*)"')  # blocks hold links only (values are escaped)
ELSEWHERE, MISSING = "elsewhere", "missing"  # what an address leads to, when no file here


def check_block_links(blocks: Mapping[str, tuple[str, ...]], files: Files) -> int:
    """Warn about every block link of a page that leads to no file of the site, or to an
    anchor its page lacks; the number of warnings."""
    if not blocks:
        return 0
    by_url = {_joined("", unquote(file.url)): file for file in files}
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
    """(link, what is wrong) for each broken link of a page's blocks. A page links to the
    same few pages many times: each address is resolved once."""
    url = unquote(page.url)
    here = url if url.endswith("/") else posixpath.dirname(url) + "/"
    targets: dict[str, File | str] = {"": page}
    for block in made:
        for raw in HREF.findall(block):
            href = html.unescape(raw) if "&" in raw else raw
            address, _, anchor = href.partition("#")
            if address not in targets:
                if address.startswith("/") or ":" in address.partition("/")[0]:
                    targets[address] = ELSEWHERE  # another site, or an absolute address
                else:
                    targets[address] = by_url.get(_joined(here, unquote(address)), MISSING)
            target = targets[address]
            if target == MISSING:
                yield href, "the target is not found among the site's files"
            elif anchor and isinstance(target, File) and target.page is not None:
                name = unquote(anchor) if "%" in anchor else anchor
                if name not in (target.page.present_anchor_ids or ()):
                    yield href, f"there is no anchor '#{anchor}' on that page"


def _joined(folder: str, address: str) -> str:
    """``address`` (relative, unquoted) from ``folder`` (``""`` or ending in ``/``), as a
    path from the site's root: ``..`` resolved, a final ``/`` kept, the root ``""``."""
    path = posixpath.normpath(folder + address) if folder + address else "."
    if path in (".", "/"):
        return ""
    return path + "/" if address.endswith(("/", "/.", "..")) or address in (".", "") else path
