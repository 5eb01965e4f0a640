"""Where an explainer comes from, for the footer of its pages and the home page.

Whether people edited an explainer is read from its YAML file, not guessed: the file
records the fingerprint of the machine's output (``article.input.extracted_sha256``),
and a file whose content no longer matches it was changed by hand (or written by hand:
a file with no fingerprint). The fingerprint stands in for an extraction date: the YAML
records no date, and writing the wall-clock time into it would make two extractions of
the same article differ, so the site shows which output it is, not when it was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import store

SHORT = 12  # hex digits of a fingerprint shown to readers (enough to tell outputs apart)


@dataclass(frozen=True)
class Provenance:
    """What the YAML file says about its own making; ``edited`` None when not read."""

    edited: bool | None = None
    fingerprint: str | None = None

    @classmethod
    def of_data(cls, data: dict[str, Any]) -> Provenance:
        """From a validated explainer file's data."""
        info = (data.get("article") or {}).get("input") or {}
        return cls(edited=store.is_edited(data), fingerprint=info.get("extracted_sha256"))

    @property
    def short_fingerprint(self) -> str | None:
        return self.fingerprint[:SHORT] if self.fingerprint else None

    @property
    def edited_label(self) -> str:
        """The answer to "edited by people?" as the footer prints it."""
        return {True: "yes", False: "no", None: "not recorded"}[self.edited]
