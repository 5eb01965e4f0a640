"""`explainer serve` re-renders when an explainer YAML or a template changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator import store
from tests.samples import sample

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_until(url: str, wanted: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode()
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{wanted!r} not served at {url} within {timeout} s")


def test_serve_rerenders_on_yaml_and_template_edits(project: Path):
    store.save(project / "data" / "a1.yaml", sample())
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/articles/a1/who/"
        fetch_until(url, "Officials")
        data = project / "data" / "a1.yaml"
        data.write_text(data.read_text().replace("name: Officials", "name: Renamed officials"))
        fetch_until(url, "Renamed officials")
        template = project / "templates" / "article" / "who.md.j2"
        template.write_text(template.read_text().replace("Who's who:", "People in:"))
        fetch_until(url, "People in:")
        block = project / "templates" / "article" / "actor.html.j2"  # an HTML block's template
        block.write_text(block.read_text().replace("Mentioned as:", "Named as:"))
        fetch_until(url, "Named as:")
    finally:
        server.terminate()
        server.wait(timeout=20)


# --- stopping `explainer serve`: MkDocs goes with it, its temp folder too ------------------------

def _children(pid: int) -> list[int]:
    """Direct children of a process (Linux /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _start_serve(project: Path, tmp: Path) -> tuple[subprocess.Popen, int, int]:
    """A real `explainer serve` in its own session (as a terminal or service manager runs it);
    returns it, its port and the pid of its MkDocs child once the site is served."""
    store.save(project / "data" / "a1.yaml", sample())
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        start_new_session=True)
    fetch_until(f"http://127.0.0.1:{port}/articles/a1/", "Officials")
    [mkdocs] = _children(server.pid)
    return server, port, mkdocs


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_port_free(port: int, timeout: float = 10) -> bool:
    """The kernel may finish closing a dead process's listening socket a moment later."""
    deadline = time.monotonic() + timeout
    while not _port_free(port):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _wait_gone(pid: int, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_stops_mkdocs_frees_the_port_and_cleans_up(project: Path, tmp_path: Path,
                                                            sig: int):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server, port, mkdocs = _start_serve(project, tmp)
    try:
        os.killpg(server.pid, sig) if sig == signal.SIGINT else server.send_signal(sig)
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    err = server.stderr.read().decode()
    assert server.returncode == 128 + sig and "Traceback" not in err, err
    assert _wait_gone(mkdocs), "mkdocs serve outlived explainer serve"
    assert _wait_port_free(port)
    assert list(tmp.iterdir()) == [], "temporary folders left behind"


def test_kill_9_stops_mkdocs_and_the_next_serve_sweeps_its_folder(project: Path, tmp_path: Path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server, port, mkdocs = _start_serve(project, tmp)
    server.kill()
    server.wait()
    assert _wait_gone(mkdocs), "mkdocs serve outlived a killed explainer serve"
    assert _wait_port_free(port)
    left = list(tmp.iterdir())
    server, port, mkdocs = _start_serve(project, tmp)
    try:
        assert not any(p.exists() for p in left), "the dead run's folder was not swept"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert _wait_gone(mkdocs)
