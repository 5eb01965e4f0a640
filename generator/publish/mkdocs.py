"""Run MkDocs: the build in-process into a folder beside the site, then swapped in;
serve and the GitHub Pages push as child processes (see :mod:`generator.publish.child`)."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.errors import ExplainerError
from generator.files import build_beside, swap_in
from generator.publish.options import PLUGIN

if TYPE_CHECKING:
    from generator.publish.site import Loaded


def mkdocs_build(config_file: Path, *, quiet: bool = False, into: Path | None = None,
                 workers: int | None = None, loaded: list[Loaded] | None = None) -> int:
    """``mkdocs build --strict`` into a temporary folder beside ``site/``, renamed over it
    only when the build succeeded: a failed or killed build leaves the last good site.
    ``into``: build into that folder instead, leaving ``site/`` alone. ``workers``: the
    processes of the build, instead of the plugin's ``workers`` option. ``loaded``: the
    project's explainers as ``explainer check`` just read them (under the project lock),
    so the plugin does not read them again."""
    handler = log_to_stderr(logging.WARNING if quiet else logging.INFO)
    try:
        config = load_config(str(config_file), strict=True)
        plugin = config.plugins.get(PLUGIN)
        if workers is not None and plugin is not None:
            plugin.config.workers = workers
        if loaded is not None and plugin is not None:
            plugin.preloaded = loaded
        if into is not None:
            config.site_dir = str(into)
            build(config)
            return 0
        site = Path(config.site_dir)
        root = Path(config.config_file_path).resolve().parent
        if not site.resolve().is_relative_to(root) or site.resolve() == root:
            raise ExplainerError(config_file, f"site_dir {site} is not a folder inside the "
                                              f"project {root}; not building there")
        with build_beside(site) as folder:
            config.site_dir = str(folder)
            build(config)
            swap_in(folder, site)
    except MkDocsException as exc:
        if not handler.errors:  # else MkDocs has said what went wrong, in one line
            print(f"explainer: {config_file.name}: {exc}", file=sys.stderr)
        return 1
    except ExplainerError as exc:
        print(f"explainer: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = exc.filename or config_file.name
        print(f"explainer: {where}: {exc.strerror or exc}; the last site was kept",
              file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        gc.unfreeze()  # the build's data, frozen while forks ran, may be collected again
    return 0


class WarningCount(logging.Handler):
    """Counts MkDocs' warnings: a page converted with one is not kept, and in a forked child
    (where MkDocs' own ``--strict`` count would never see it) one fails the child."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def log_only_to(handler: logging.Handler) -> None:
    """In a forked child: MkDocs' log counted by ``handler``, not shown (the parent shows
    it when it does the work again)."""
    logger = logging.getLogger("mkdocs")
    logger.handlers = [handler]
    logger.propagate = False


class _Log(logging.StreamHandler):
    """MkDocs' log on stderr; an error reads as our one-line errors, and is counted."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.errors = 0
        self.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))

    def format(self, record: logging.LogRecord) -> str:
        if record.levelno >= logging.ERROR:
            self.errors += 1
            return "explainer: " + " ".join(record.getMessage().split())
        return super().format(record)


def log_to_stderr(level: int) -> _Log:
    handler = _Log()
    handler.setLevel(level)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.DEBUG if level < logging.INFO else logging.INFO)
    logger.addHandler(handler)
    return handler


def mkdocs_argv(config_file: Path, command: str, *args: str) -> list[str]:
    """``mkdocs <command>`` as MkDocs' own command line, run by this interpreter."""
    return [sys.executable, "-m", "mkdocs", command, "-f", str(config_file), *args]


def push_argv(config_file: Path, site_dir: Path, remote: str, message: str | None) -> list[str]:
    """The child that pushes a built site to GitHub Pages (:mod:`generator.publish.push`)."""
    return [sys.executable, "-m", "generator.publish.push", str(config_file), str(site_dir),
            remote, message or ""]
