"""Publishing that cannot gut the site or half-deploy: busy ports, missing remotes,
failed and killed builds, a fixed sitemap date."""

from __future__ import annotations

import gzip
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import store
from tests.samples import sample
from tests.test_hostile import cli
from tests.test_safe_files import one_line


def test_busy_port_is_one_line(project: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "generator", "serve", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 1
    assert one_line(done.stderr) == (f"explainer: 127.0.0.1:{port} is already in use (another "
                                     "server?): stop it or pass --dev-addr HOST:PORT")


@pytest.mark.parametrize("address", ["127.0.0.1:", "localhost:http", "127.0.0.1:99999"])
def test_bad_dev_addr_is_one_line(project: Path, address: str):
    code, err = cli("serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", address)
    assert code == 1 and "expected HOST:PORT" in one_line(err)


def _git(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True,
                          check=False)


def _repository(project: Path) -> None:
    _git(project, "init", "-q", "-b", "main")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q",
         "--allow-empty", "-m", "start")


def test_deploy_without_a_remote_is_one_line_and_commits_nothing(project: Path):
    store.save(project / "data" / "a1.yaml", sample())
    _repository(project)
    code, err = cli("deploy", "-f", str(project / "mkdocs.yml"))
    assert code == 1
    assert "no git remote 'origin'" in one_line(err)
    assert _git(project, "rev-parse", "--verify", "-q", "refs/heads/gh-pages").returncode != 0
    assert not (project / "site").exists()


def test_deploy_outside_a_repository_is_one_line(project: Path):
    store.save(project / "data" / "a1.yaml", sample())
    env_dir = project / "data"
    assert env_dir.is_dir()
    code, err = cli("deploy", "-f", str(project / "mkdocs.yml"))
    if _git(project, "rev-parse", "--git-dir").returncode == 0:
        pytest.skip("the temporary folder lies inside a git repository")
    assert code == 1 and "not a git repository" in one_line(err)


@pytest.mark.slow
def test_failed_push_leaves_the_local_branch_as_it_was(project: Path, tmp_path_factory):
    store.save(project / "data" / "a1.yaml", sample())
    _repository(project)
    missing = tmp_path_factory.mktemp("remote") / "nothing-here.git"
    _git(project, "remote", "add", "origin", str(missing))
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run([sys.executable, "-m", "generator", "deploy"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert "the local gh-pages branch was left as it was" in done.stderr.splitlines()[-1]
    assert _git(project, "rev-parse", "--verify", "-q", "refs/heads/gh-pages").returncode != 0
    assert not (project / "site").exists(), "deploy builds beside the site, never into it"
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.slow
def test_failed_and_killed_builds_leave_the_last_good_site(project: Path):
    store.save(project / "data" / "a1.yaml", sample())
    config = project / "mkdocs.yml"
    assert cli("build", "-f", str(config))[0] == 0
    good = _snapshot(project / "site")
    assert len(good) > 20

    broken = project / "docs" / "broken.md"
    broken.write_text("A [link](nowhere.md) that --strict refuses.\n")
    code, err = cli("build", "-f", str(config))
    assert code == 1 and "Traceback" not in err
    assert _snapshot(project / "site") == good, "a failed build changed the site"
    broken.unlink()

    for delay in (1.0, 2.0, 3.0):
        build = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(project.glob(".site.*.tmp/*")):
            time.sleep(0.02)
        time.sleep(delay / 10)
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert _snapshot(project / "site") == good, f"a build killed at {delay} s gutted it"
    assert cli("build", "-f", str(config))[0] == 0
    assert not list(project.glob(".site.*")), "the killed builds' folders were not swept"


@pytest.mark.slow
def test_sitemap_date_is_fixed_not_the_day_of_the_build(project: Path, monkeypatch):
    store.save(project / "data" / "a1.yaml", sample())
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "# site_url: https://<user>.github.io/<repo>/", "site_url: https://example.org/x/"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1426000000")  # 2015-03-10
    from generator.publish import dates

    dates.build_date.cache_clear()
    assert cli("build", "-f", str(config))[0] == 0
    sitemap = (project / "site" / "sitemap.xml").read_text()
    days = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert days == {"2015-03-10"}
    first = (project / "site" / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(first).decode() == sitemap
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    dates.build_date.cache_clear()
    assert dates.build_date(project) in {"1970-01-01"} | _commit_day(project)
    dates.build_date.cache_clear()


def _commit_day(project: Path) -> set[str]:
    done = _git(project, "log", "-1", "--format=%cs")
    return {done.stdout.strip()} if done.returncode == 0 else set()
