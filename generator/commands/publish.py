"""``explainer serve`` and ``explainer deploy``: MkDocs' live preview and GitHub Pages publishing.

Both first extract the articles that changed, so the preview and the published
site show the current text; the MkDocs hook renders the YAML on every build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.commands.build import update
from generator.commands.check import check_project
from generator.publish import settings as project
from generator.publish.mkdocs import mkdocs_cli


def serve(config_file: Path, dev_addr: str | None) -> int:
    paths = project.load(config_file)
    update(paths)
    args = ["--dev-addr", dev_addr] if dev_addr else []
    return mkdocs_cli(paths.config_file, "serve", *args)


def deploy(config_file: Path, remote_name: str | None, message: str | None) -> int:
    """Build strictly and push the site to the ``gh-pages`` branch; refuse invalid data."""
    paths = project.load(config_file)
    status = update(paths)
    if status != 0 or check_project(paths) != 0:
        print("explainer: not deploying: fix the errors above first", file=sys.stderr)
        return 1
    args = ["--strict"]
    if remote_name:
        args += ["--remote-name", remote_name]
    if message:
        args += ["--message", message]
    return mkdocs_cli(paths.config_file, "gh-deploy", *args)
