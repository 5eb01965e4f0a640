"""Where things live in a project: read from ``mkdocs.yml`` so the CLI and the plugin agree."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from generator.errors import DataError
from generator.files import read_limited
from generator.model import DEFAULT_THRESHOLD, Thresholds
from generator.parallel.forks import cores
from generator.publish import shipped
from generator.publish.options import ExplainerOptions, old_style, parse_options, plugin_block

MAX_CONFIG_BYTES = 1_000_000
CACHE_DIR = ".explainer-cache"  # beside mkdocs.yml: what the next build can reuse (deletable)


@dataclass(frozen=True)
class Settings:
    """Folders of one explainer project, absolute."""

    root: Path
    config_file: Path
    inputs: Path  # article files (seeds/)
    data: Path  # explainer YAML, the editable source of truth
    templates: Path  # the project's Jinja templates, over the shipped ones
    overrides: Path | None  # a user's templates, searched first
    docs: Path
    threshold: Thresholds = DEFAULT_THRESHOLD  # confidence an item needs to be on the site
    site_url: str | None = None  # where the site is published (mkdocs.yml's ``site_url``)
    dev_addr: str = "127.0.0.1:8000"  # mkdocs.yml's dev_addr: where `serve` listens
    remote_name: str = "origin"  # mkdocs.yml's remote_name and remote_branch: where
    remote_branch: str = "gh-pages"  # `deploy` pushes
    plugin: bool = True  # whether mkdocs.yml lists the explainer plugin
    workers: int = 1  # processes that check, load, render and convert the pages
    directory_urls: bool = True  # mkdocs.yml's use_directory_urls: how pages are addressed

    @property
    def cache(self) -> Path:
        return self.root / CACHE_DIR

    @property
    def template_dirs(self) -> list[Path]:
        """Searched in order: the user's overrides, the project's templates (when it has
        the folder), the shipped templates; each folder once."""
        folders: list[Path] = []
        for folder in (self.overrides, self.templates, shipped.templates()):
            if folder is not None and (folder.is_dir() or folder == self.overrides) \
                    and all(folder.resolve() != seen.resolve() for seen in folders):
                folders.append(folder)
        return folders


NO_SITE_URL = ("explainer: warning: {file}: site_url is not set: no canonical links, an empty "
               "sitemap and relative sharing addresses (set it before deploying)")


def from_options(config_file: Path, options: ExplainerOptions, docs_dir: str | None,
                 site_url: str | None = None, directory_urls: bool = True) -> Settings:
    """Settings from the explainer plugin's validated options."""
    root = config_file.resolve().parent
    return Settings(
        root=root,
        config_file=config_file.resolve(),
        inputs=root / options.inputs_dir,
        data=root / options.data_dir,
        templates=root / options.templates_dir,
        overrides=root / options.overrides_dir if options.overrides_dir else None,
        docs=root / (docs_dir or "docs"),
        threshold=options.threshold or DEFAULT_THRESHOLD,
        site_url=str(site_url) if site_url else None,
        workers=options.workers or cores(),
        directory_urls=directory_urls,
    )


NO_PLUGIN = ("the explainer plugin is not listed: add `plugins: - explainer` (the site would "
             "have no explainer pages)")


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!!python/name``; only the explainer block matters."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def load(config_file: Path) -> Settings:
    """Settings straight from ``mkdocs.yml``, without loading MkDocs; every folder of the
    project must lie inside it (a folder that is a link out is refused in one line)."""
    raw = read_limited(config_file, limit=MAX_CONFIG_BYTES, error=DataError)
    try:
        data = yaml.load(raw.decode("utf-8-sig"), Loader=_Lenient) or {}
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        raise DataError(config_file, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise DataError(config_file, "must be a mapping (an MkDocs configuration)")
    problem = old_style(data)
    if problem:
        raise DataError(config_file, problem)
    listed, block = plugin_block(data)
    try:
        options = parse_options(block, str(config_file))
    except ValueError as exc:
        raise DataError(config_file, str(exc)) from None
    settings = from_options(config_file, options, data.get("docs_dir"), data.get("site_url"),
                            data.get("use_directory_urls") is not False)
    publishing = {key: str(data[key]) for key in ("dev_addr", "remote_name", "remote_branch")
                  if isinstance(data.get(key), str | int) and str(data[key]).strip()}
    settings = replace(settings, **publishing, plugin=listed)
    check_folders(settings)
    return settings


def load_site(config_file: Path) -> Settings:
    """:func:`load` for the commands that build a site: the plugin must be listed, or the
    site would have no explainer pages."""
    settings = load(config_file)
    if not settings.plugin:
        raise DataError(settings.config_file, NO_PLUGIN)
    return settings


def check_folders(settings: Settings) -> None:
    """Each folder the project reads or writes lies inside the project, links resolved."""
    root = settings.root.resolve()
    for name, folder in (("inputs", settings.inputs), ("data", settings.data),
                         ("templates", settings.templates), ("overrides", settings.overrides),
                         ("docs_dir", settings.docs)):
        if folder is not None and not folder.resolve().is_relative_to(root):
            raise DataError(settings.config_file, f"{name}: {folder} is outside the project "
                                                  f"folder {root} (a link out?); refused")
