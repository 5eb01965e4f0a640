"""End to end: seed -> YAML meeting the contract -> strict MkDocs build -> gh-pages deploy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import store
from generator.cli import main
from tests.conftest import SEED

pytestmark = pytest.mark.slow


def explainer(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=300)


def spans_of(data: dict) -> list[tuple[list[int], str]]:
    found = [(m["span"], m["text"]) for a in data["actors"] for m in a["mentions"]]
    for claim in data["claims"]:
        for key in ("source", "cue", "content"):
            if claim[key]:
                found.append((claim[key]["span"], claim[key]["text"]))
        if claim["evidence"].get("words"):
            found.append((claim["evidence"]["words"]["span"], claim["evidence"]["words"]["text"]))
    found += [(d["span"], d["text"]) for d in data["dates"]]
    return found


@pytest.fixture
def seeded(project: Path) -> Path:
    shutil.copy(SEED, project / "seeds" / SEED.name)
    return project


def test_build_from_seed_meets_the_contract(seeded: Path):
    result = explainer(["build"], seeded)
    assert result.returncode == 0, result.stderr
    data = store.load_data(seeded / "data" / f"{SEED.stem}.yaml")
    text = SEED.read_text(encoding="utf-8")
    # one sentence a line, and the photo caption fused into line 11 on its own
    assert len(data["sentences"]) == 17
    assert [s.get("role") for s in data["sentences"]].count("caption") == 1
    for span, quoted in spans_of(data):
        assert text[span[0]:span[1]] == quoted
    assert data["actors"] and data["claims"] and data["dates"] and data["key_points"]
    for page in ("index.html", f"articles/{SEED.stem}/who/index.html",
                 f"articles/{SEED.stem}/claims/index.html",
                 f"articles/{SEED.stem}/timeline/index.html",
                 f"articles/{SEED.stem}/text/index.html"):
        assert (seeded / "site" / page).is_file(), page
    site = "".join(p.read_text(errors="ignore") for p in (seeded / "site").rglob("*.html"))
    assert "fonts.googleapis" not in site and "cdn.jsdelivr" not in site
    assert (seeded / "site" / "articles" / SEED.stem / "preview.png").is_file()
    assert not list((seeded / "site").rglob("*.map"))
    assert "site_url is not set" in result.stderr


def test_second_build_keeps_the_yaml_and_is_byte_identical(seeded: Path):
    assert explainer(["build"], seeded).returncode == 0
    yaml_file = seeded / "data" / f"{SEED.stem}.yaml"
    first = yaml_file.read_bytes()
    page = seeded / "site" / "articles" / SEED.stem / "claims" / "index.html"
    first_page = page.read_bytes()
    preview = seeded / "site" / "articles" / SEED.stem / "preview.png"
    first_preview = preview.read_bytes()
    assert explainer(["build"], seeded).returncode == 0
    assert yaml_file.read_bytes() == first
    assert page.read_bytes() == first_page
    assert preview.read_bytes() == first_preview


def test_extract_reports_each_bad_file_and_still_writes_the_good_ones(seeded: Path, nlp):
    bad = seeded / "seeds" / "empty.txt"
    bad.write_bytes(b"")
    binary = seeded / "seeds" / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    result = explainer(["extract", str(bad), str(binary), str(seeded / "seeds" / SEED.name),
                        str(seeded / "missing.txt"), str(seeded / "seeds"),
                        "--out", str(seeded / "out")], seeded)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    summary = lines.pop()
    assert summary.startswith("explainer: 1 extracted, 0 unchanged (skipped), 0 failed in ")
    assert len(lines) == 3, result.stderr  # a file named alone and in its folder: once
    assert "Traceback" not in result.stderr
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("image.txt: binary file" in line for line in lines)
    written = [p.name for p in (seeded / "out").iterdir() if not p.name.startswith(".")]
    assert written == [f"{SEED.stem}.yaml"]


def test_invalid_yaml_stops_the_build_with_file_and_line(seeded: Path):
    assert explainer(["build"], seeded).returncode == 0
    yaml_file = seeded / "data" / f"{SEED.stem}.yaml"
    yaml_file.write_text(yaml_file.read_text().replace("kind: ", "kind: alien-", 1))
    result = explainer(["build"], seeded)
    assert result.returncode != 0
    assert f"{yaml_file}:" in result.stderr and ".kind:" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_writes_markdown_without_nlp(seeded: Path):
    assert explainer(["build"], seeded).returncode == 0
    out = seeded / "rendered"
    assert main(["render", "-f", str(seeded / "mkdocs.yml"), "--docs", str(out)]) == 0
    assert (out / "articles" / SEED.stem / "claims.md").is_file()
    assert (out / "index.md").is_file()


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, text=True, capture_output=True,
                          env=env).stdout


def test_deploy_publishes_to_a_gh_pages_branch(seeded: Path, tmp_path_factory):
    remote = tmp_path_factory.mktemp("remote") / "site.git"
    git("init", "--bare", "-q", str(remote), cwd=seeded)
    git("init", "-q", "-b", "main", cwd=seeded)
    git("add", "-A", cwd=seeded)
    git("commit", "-q", "-m", "project", cwd=seeded)
    git("remote", "add", "origin", str(remote), cwd=seeded)
    env_result = subprocess.run(
        [sys.executable, "-m", "generator", "deploy", "--message", "Publish"], cwd=seeded,
        text=True, capture_output=True, timeout=300,
        env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})
    assert env_result.returncode == 0, env_result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files
    assert f"articles/{SEED.stem}/claims/index.html" in files
    assert ".nojekyll" in files
