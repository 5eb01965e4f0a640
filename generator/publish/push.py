"""Push a built site to GitHub Pages: MkDocs' ``gh-deploy`` without its build.

Run as a child of ``explainer deploy`` in the project folder (git works on the
current folder); every failure is one line, never a traceback.
``python -m generator.publish.push CONFIG SITE_DIR REMOTE [MESSAGE]``.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import ghp_import
from mkdocs.commands.gh_deploy import gh_deploy
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.publish.mkdocs import log_to_stderr


def push(config_file: Path, site_dir: Path, remote: str, message: str | None) -> int:
    handler = log_to_stderr(logging.INFO)
    try:
        config = load_config(str(config_file), remote_name=remote)
        config.site_dir = str(site_dir)
        gh_deploy(config, message=message or None)
    except subprocess.CalledProcessError as exc:
        command = " ".join(str(part) for part in exc.cmd)
        print(f"explainer: {command} failed (exit status {exc.returncode}); nothing was "
              "published", file=sys.stderr)
        return 1
    except (MkDocsException, ghp_import.GhpError, OSError) as exc:
        print(f"explainer: {config_file.name}: cannot publish: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return 0


if __name__ == "__main__":
    config, site, remote_name, *rest = sys.argv[1:]
    sys.exit(push(Path(config), Path(site), remote_name, rest[0] if rest else None))
