"""Run MkDocs: the build in-process (no second interpreter), serve and gh-deploy via its CLI."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


def mkdocs_build(config_file: Path, *, quiet: bool = False) -> int:
    """``mkdocs build --strict``: any warning fails the build."""
    handler = _log_to_stderr(logging.WARNING if quiet else logging.INFO)
    try:
        config = load_config(str(config_file), strict=True)
        build(config)
    except MkDocsException as exc:
        print(f"explainer: {config_file.name}: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return 0


def _log_to_stderr(level: int) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(level)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.DEBUG if level < logging.INFO else logging.INFO)
    logger.addHandler(handler)
    return handler


def mkdocs_cli(config_file: Path, command: str, *args: str) -> int:
    """Run ``mkdocs <command>`` as MkDocs' own command line would."""
    argv = [sys.executable, "-m", "mkdocs", command, "-f", str(config_file), *args]
    return subprocess.call(argv, cwd=config_file.parent)
