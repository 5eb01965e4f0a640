"""``explainer new DIR``: start a project in a new folder, anywhere.

The project is the shipped starter (``generator/starter/``): a ``mkdocs.yml`` that lists
the explainer plugin, a short sample article of our own in ``seeds/``, a minimal ``docs/``,
a ``.gitignore`` and a GitHub Pages workflow. The templates and theme overrides are not
copied: the plugin reads the shipped ones, so a project keeps only what it changes. The
folder is written beside its target and renamed into place, so an existing file is never
overwritten and a failure leaves nothing half-made.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from pathlib import Path

STARTER = Path(__file__).resolve().parent.parent / "starter"
RENAMED = {"gitignore": ".gitignore", "github": ".github"}  # not shipped as dot files
SITE_NAME = "{site_name}"  # in the starter's mkdocs.yml


def run(target: Path) -> int:
    """Create the project in ``target`` (a new or empty folder); one line on any problem."""
    if target.is_symlink() or (target.exists() and not _empty_folder(target)):
        print(f"explainer: {target}: already exists and is not an empty folder; "
              "`explainer new` only creates a project in a new or empty folder",
              file=sys.stderr)
        return 2
    parent = target.absolute().parent
    if not parent.is_dir():
        print(f"explainer: {parent}: no such folder", file=sys.stderr)
        return 2
    staging = parent / f".explainer-new-{secrets.token_hex(6)}"
    try:
        staging.mkdir()  # with the user's umask, as the project folder will have
        _write_starter(staging, target.absolute().name)
        os.replace(staging, target)  # refused if target gained files meanwhile
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"explainer: {target}: {exc.strerror or exc}; nothing was created",
              file=sys.stderr)
        return 2
    print(f"explainer: created {target}; next: cd {target} && explainer build")
    return 0


def _empty_folder(path: Path) -> bool:
    return path.is_dir() and not any(path.iterdir())


def _write_starter(where: Path, name: str) -> None:
    """The starter's files under ``where``, the site named after the folder."""
    for source in sorted(STARTER.rglob("*")):
        if "__pycache__" in source.parts or not source.is_file():
            continue
        relative = source.relative_to(STARTER)
        target = where.joinpath(*(RENAMED.get(part, part) for part in relative.parts))
        target.parent.mkdir(parents=True, exist_ok=True)
        content = source.read_bytes()
        if relative.as_posix() == "mkdocs.yml":
            content = content.replace(SITE_NAME.encode(), _site_name(name).encode())
        target.write_bytes(content)
    (where / "data").mkdir()


def _site_name(folder: str) -> str:
    """The folder's name as a YAML string (JSON is YAML), whatever characters it has."""
    title = folder.replace("-", " ").replace("_", " ").strip() or "Explainers"
    return json.dumps(title[:1].upper() + title[1:], ensure_ascii=False)
