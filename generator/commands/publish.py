"""``explainer serve`` and ``explainer deploy``: MkDocs' live preview and GitHub Pages publishing.

Both first extract the articles that changed, so the preview and the published
site show the current text; the MkDocs hook renders the YAML on every build.
MkDocs runs as a child that any signal stopping us stops too.
"""

from __future__ import annotations

import errno
import socket
import subprocess
import sys
from pathlib import Path

from generator.commands.build import update
from generator.commands.check import check_project
from generator.files import build_beside
from generator.lock import SERVE_ENV, project_lock
from generator.publish import settings as project
from generator.publish.child import run_child
from generator.publish.mkdocs import mkdocs_argv, mkdocs_build, push_argv


def serve(config_file: Path, dev_addr: str | None) -> int:
    """Extract what changed, then ``mkdocs serve`` until it ends or we are stopped."""
    paths = project.load_site(config_file)
    address = dev_addr or paths.dev_addr
    problem = port_problem(address)
    if problem:
        print(f"explainer: {problem}", file=sys.stderr)
        return 1
    with project_lock(paths.data, "serve"):
        update(paths)
    argv = mkdocs_argv(paths.config_file, "serve", "--dev-addr", address)
    return run_child(argv, cwd=paths.root, env={SERVE_ENV: "1"})


def port_problem(address: str) -> str | None:
    """Why ``mkdocs serve`` could not listen on HOST:PORT, in one line; None if it can."""
    host, _, port = address.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 < int(port) < 65536:
        return f"--dev-addr {address!r}: expected HOST:PORT, such as 127.0.0.1:8000"
    try:
        family = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0][0]
    except (OSError, UnicodeError):
        return f"--dev-addr {address!r}: unknown host {host!r}"
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, int(port)))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"{host}:{port} is already in use (another server?): stop it or "
                        "pass --dev-addr HOST:PORT")
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def deploy(config_file: Path, remote_name: str | None, message: str | None) -> int:
    """Build strictly and push the site to the ``gh-pages`` branch; refuse invalid data.

    The site is built into a temporary folder (``site/`` stays as it was) and pushed by a
    child process; when the push fails, the local ``gh-pages`` branch is put back.
    """
    paths = project.load_site(config_file)
    remote = remote_name or paths.remote_name
    with project_lock(paths.data, "deploy"):
        status = update(paths)
        if status != 0 or check_project(paths) != 0:
            print("explainer: not deploying: fix the errors above first", file=sys.stderr)
            return 1
        problem = git_problem(paths.root, remote)
        if problem:
            print(f"explainer: {paths.root}: {problem}", file=sys.stderr)
            return 1
        branch = f"refs/heads/{paths.remote_branch}"
        before = _git(paths.root, "rev-parse", "--verify", "-q", branch)
        with build_beside(paths.root / "site") as folder:
            code = mkdocs_build(paths.config_file, into=folder)
            if code == 0:
                code = run_child(push_argv(paths.config_file, folder, remote, message),
                                 cwd=paths.root)
    if code != 0:
        _put_back(paths.root, branch, before)
        print(f"explainer: {paths.root}: deploy failed (see above); the local "
              f"{paths.remote_branch} branch was left as it was", file=sys.stderr)
    return code


def git_problem(root: Path, remote: str) -> str | None:
    """What stops a push to ``remote`` before anything is committed, in one line."""
    if _git(root, "rev-parse", "--git-dir") is None:
        return ("not a git repository (or git is not installed): deploy pushes to GitHub "
                "Pages with git")
    if _git(root, "remote", "get-url", remote) is None:
        return (f"no git remote {remote!r}: add it (git remote add {remote} URL) or pass "
                "--remote-name")
    return None


def _git(root: Path, *args: str) -> str | None:
    """``git`` output, or None when it failed."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _put_back(root: Path, branch: str, before: str | None) -> None:
    if before:
        _git(root, "update-ref", branch, before)
    else:
        _git(root, "update-ref", "-d", branch)
