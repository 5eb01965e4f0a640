"""``explainer build``: extract what changed, check, render and run ``mkdocs build --strict``."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from generator.commands.check import check_project
from generator.lock import project_lock
from generator.parallel import plan as planning
from generator.publish import settings as project
from generator.publish.mkdocs import mkdocs_build
from generator.publish.site import Loaded


def run(config_file: Path, *, force: bool = False, workers: int | None = None,
        scheduler: str | None = None) -> int:
    paths = project.load_site(config_file)
    if workers is not None:
        paths = replace(paths, workers=workers)
    if not paths.site_url:  # a warning, not an error: a local preview needs no address
        print(project.NO_SITE_URL.format(file=paths.config_file.name), file=sys.stderr)
    with project_lock(paths.data, "build"):
        status = update(paths, force=force, workers=workers, scheduler=scheduler)
        loaded: list[Loaded] = []  # the checked explainers, handed on: each file read once
        if check_project(paths, keep=loaded) != 0:
            print("explainer: not building: fix the errors above first", file=sys.stderr)
            return 1
        return max(status, mkdocs_build(paths.config_file, workers=workers, loaded=loaded))


def update(paths: project.Settings, *, force: bool = False, workers: int | None = None,
           scheduler: str | None = None) -> int:
    """Extract the articles of the inputs folder (recursively: text files, ``.story`` files,
    JSON Lines) whose text, sidecar or extraction rules changed since their YAML.

    ``force`` re-extracts every article; a person's edits are merged in either way
    (only ``explainer extract --force`` discards them). The caller holds the lock.
    """
    if not paths.inputs.is_dir():
        return 0
    from generator.commands import extract

    options = planning.Options(paths.data, within=paths.inputs, root=paths.root,
                               threshold=paths.threshold, every=force, report_invalid=False)
    return extract.extract_all([paths.inputs], options, workers=workers,
                               scheduler=scheduler, quiet=True)
