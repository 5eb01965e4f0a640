"""Ids that readers see in addresses: article ids from file names, actor ids and page names.

Any file name becomes a safe article id (``Zürich café report.txt`` ->
``zurich-cafe-report``; a name that is already safe keeps its exact spelling, so
existing explainers keep their ids). Actor ids and actor page names share one slug
rule, so an actor's page name is its id whenever the id is free.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

MAX_ID = 100
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")  # the schema's article.id
_UNSAFE = re.compile(r"[^a-z0-9_.]+")
MAX_SLUG = 60  # the schema allows 80: room for a "-2" or "-person" suffix
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A URL- and file-safe id: lower-case ASCII letters, digits and hyphens, at most 60
    characters; "actor" when nothing is left."""
    value = _NOT_SLUG.sub("-", text.casefold()).strip("-")[:MAX_SLUG].strip("-")
    return value or "actor"


def safe_id(name: str) -> str:
    """An id from any name (a file name without its extension): letters and digits
    (accents dropped), ``_`` and ``.``, other runs of characters as one ``-``.

    A name with nothing left (Chinese, emoji only) gets ``article-`` and a short hash
    of the name, so it is stable and different names stay apart.
    """
    if SAFE_ID.match(name) and not name.endswith(".") and ".." not in name:
        return name
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    ascii_only = ascii_only.encode("ascii", "ignore").decode()
    core = _UNSAFE.sub("-", ascii_only)
    core = re.sub(r"\.{2,}", ".", core)
    core = re.sub(r"^[^a-z0-9]+|[^a-z0-9]+$", "", core)
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if not re.search(r"[a-z]", core) and not re.search(r"[a-z0-9]{3}", core):
        return f"article-{digest}"
    if len(core) > MAX_ID:
        core = core[:MAX_ID].rstrip("-_.") + f"-{digest}"
    return core


def unique_ids(files: list[Path]) -> tuple[list[Path], list[str]]:
    """The files whose ids no earlier file took, and a one-line problem for each other one."""
    owners: dict[str, Path] = {}
    kept, problems = [], []
    for path in files:
        article_id = safe_id(path.stem)
        if article_id in owners:
            problems.append(f"{path}: has the same id {article_id!r} as {owners[article_id]} "
                            "(it becomes the page address); rename one of them")
            continue
        owners[article_id] = path
        kept.append(path)
    return kept, problems
