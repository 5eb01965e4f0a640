"""Load every explainer of a project and render its pages (no NLP here)."""

from __future__ import annotations

from pathlib import Path

from generator import store
from generator.errors import DataError
from generator.model import Explainer
from generator.publish.settings import Settings
from generator.render.pages import Page, Renderer


def data_files(data_dir: Path) -> list[Path]:
    """The explainer YAML files, in a stable order."""
    if not data_dir.is_dir():
        return []
    return sorted(p for p in data_dir.glob("*.yaml") if not p.name.startswith("."))


def load_all(data_dir: Path) -> list[Explainer]:
    """Every explainer, validated; the first invalid file stops the build."""
    explainers = []
    for path in data_files(data_dir):
        explainer = store.load(path)
        if explainer.article.id != path.stem:
            raise DataError(path, f"article.id {explainer.article.id!r} must match the file "
                                  f"name {path.stem!r}")
        explainers.append(explainer)
    return explainers


def render_pages(settings: Settings) -> list[Page]:
    return Renderer(settings.template_dirs).render_site(load_all(settings.data))


def write_pages(pages: list[Page], out_dir: Path) -> int:
    """Write pages under ``out_dir``, touching only files whose content changed."""
    written = 0
    for page in pages:
        target = out_dir / page.path
        if store.write_atomic(target, page.content):
            written += 1
    return written
