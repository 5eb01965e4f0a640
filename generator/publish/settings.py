"""Where things live in a project: read from ``mkdocs.yml`` so the CLI and the hook agree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ExplainerError
from generator.model import DEFAULT_THRESHOLD


@dataclass(frozen=True)
class Settings:
    """Folders of one explainer project, absolute."""

    root: Path
    config_file: Path
    inputs: Path  # article files (seeds/)
    data: Path  # explainer YAML, the editable source of truth
    templates: Path  # the project's Jinja templates
    overrides: Path | None  # a user's templates, searched first
    docs: Path
    threshold: float = DEFAULT_THRESHOLD  # confidence an item needs to be shown on the site
    site_url: str | None = None  # where the site is published (mkdocs.yml's ``site_url``)

    @property
    def template_dirs(self) -> list[Path]:
        return [d for d in (self.overrides, self.templates) if d is not None]


NO_SITE_URL = ("explainer: warning: {file}: site_url is not set: no canonical links, an empty "
               "sitemap and relative sharing addresses (set it before deploying)")


def from_extra(config_file: Path, extra: dict[str, Any] | None, docs_dir: str | None,
               site_url: str | None = None) -> Settings:
    """Settings from the ``extra.explainer`` block of a loaded MkDocs config."""
    root = config_file.resolve().parent
    block = (extra or {}).get("explainer") or {}
    overrides = block.get("overrides")
    return Settings(
        root=root,
        config_file=config_file.resolve(),
        inputs=root / block.get("inputs", "seeds"),
        data=root / block.get("data", "data"),
        templates=root / block.get("templates", "templates"),
        overrides=root / overrides if overrides else None,
        docs=root / (docs_dir or "docs"),
        threshold=_threshold(config_file, block.get("threshold", DEFAULT_THRESHOLD)),
        site_url=str(site_url) if site_url else None,
    )


def _threshold(config_file: Path, value: Any) -> float:
    """``extra.explainer.threshold``: a number from 0 to 1, or a one-line error."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ExplainerError(config_file, "extra.explainer.threshold must be a number "
                             f"from 0 to 1, not {value!r}")
    return float(value)


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!!python/name``; only the explainer block matters."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def load(config_file: Path) -> Settings:
    """Settings straight from ``mkdocs.yml``, without loading MkDocs."""
    with config_file.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_Lenient) or {}
    return from_extra(config_file, data.get("extra"), data.get("docs_dir"), data.get("site_url"))
