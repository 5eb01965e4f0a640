"""`explainer serve` re-renders when an explainer YAML or a template changes."""

from __future__ import annotations

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
    finally:
        server.terminate()
        server.wait(timeout=20)
