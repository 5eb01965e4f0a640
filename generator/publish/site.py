"""Load every explainer of a project and render its pages (no NLP here)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from generator import store, validity
from generator.errors import DataError
from generator.kept_data import KeptData
from generator.model import Explainer
from generator.parallel.forks import fork_map
from generator.publish.settings import Settings
from generator.render.pages import Page, Renderer
from generator.render.provenance import Provenance


def data_files(data_dir: Path) -> list[Path]:
    """The explainer YAML files, in a stable order."""
    if not data_dir.is_dir():
        return []
    return sorted(p for p in data_dir.glob("*.yaml") if not p.name.startswith("."))


KEPT_ARTICLES = "articles"  # the rendered articles' cache, in the project's cache folder
Loaded = tuple[Explainer, Provenance]  # an explainer and what its file says of its making


def load_sources(data_dir: Path, workers: int = 1, cache: Path | None = None) -> list[Loaded]:
    """Every explainer, validated, with what its file says about its making, read in
    ``workers`` processes; an invalid file stops the build. With a ``cache`` folder, a
    file's data is taken from there when an earlier run parsed the same text
    (:mod:`generator.kept_data`)."""
    kept = KeptData(cache) if cache is not None else None
    read = fork_map(partial(_load_one, kept=kept), data_files(data_dir), workers, lasting=True)
    if kept is not None:
        kept.prune([digest for _, digest in read])
    return [loaded for loaded, _ in read]


def _load_one(path: Path, kept: KeptData | None = None) -> tuple[Loaded, str]:
    """A file's explainer, and the hash of its text."""
    text, data = kept.read(path) if kept is not None else store.read_data(path)
    if data["article"]["id"] != path.stem:
        raise DataError(path, f"article.id {data['article']['id']!r} must match the file "
                              f"name {path.stem!r}")
    return loaded_from(data), validity.text_digest(text)


def loaded_from(data: dict[str, Any]) -> Loaded:
    """The explainer of a file's validated ``data``."""
    return Explainer.from_dict(data), Provenance.of_data(data)


def render_pages(settings: Settings, loaded: list[Loaded] | None = None, *,
                 keep: bool = False) -> list[Page]:
    """Every Markdown page (and timeline export) of the site; ``keep``: articles' pages
    kept in the project's cache folder for the next build, and taken from it."""
    loaded = load_sources(settings.data, settings.workers) if loaded is None else loaded
    provenance = {explainer.article.id: source for explainer, source in loaded}
    renderer = Renderer(settings.template_dirs, directory_urls=settings.directory_urls)
    return renderer.render_site([e for e, _ in loaded], provenance, workers=settings.workers,
                                cache=settings.cache / KEPT_ARTICLES if keep else None)


def write_pages(pages: list[Page], out_dir: Path) -> int:
    """Write pages under ``out_dir``, touching only files whose content changed."""
    written = 0
    for page in pages:
        target = out_dir / page.path
        if store.write_atomic(target, page.text):
            written += 1
    return written
