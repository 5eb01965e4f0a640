"""Ids that readers see in addresses: actor ids in the YAML and actor page names.

One rule for both, so an actor's page name is its id whenever the id is free.
"""

from __future__ import annotations

import re

MAX_SLUG = 60  # the schema allows 80: room for a "-2" or "-person" suffix
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A URL- and file-safe id: lower-case ASCII letters, digits and hyphens, at most 60
    characters; "actor" when nothing is left."""
    value = _NOT_SLUG.sub("-", text.casefold()).strip("-")[:MAX_SLUG].strip("-")
    return value or "actor"
