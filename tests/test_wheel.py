"""The package works installed from a wheel, outside this repository: ``explainer new
mysite && cd mysite && explainer build`` makes the sample article's pages.

The wheel is built from a copy of the sources (nothing is written into the repository)
and installed into a fresh virtual environment whose only other path is this one's
site-packages, for the dependencies, so nothing is downloaded. The editable install of
this checkout is not on that path: the wheel's own ``generator`` is what runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("pyproject.toml", "setup.py", "README.md", "generator", "templates",
           "docs/stylesheets")
SAMPLE = "riverton-footbridge"  # generator/starter/seeds/


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{argv}: {done.stdout}\n{done.stderr}"
    return done.stdout


def _wheel(tmp: Path) -> Path:
    """A wheel of this checkout, built offline from a copy of its sources."""
    source = tmp / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--wheel-dir", tmp / "dist", source, cwd=tmp)
    return next((tmp / "dist").glob("explainer-*.whl"))


def _venv(tmp: Path, wheel: Path) -> Path:
    """A fresh environment with the wheel installed; its dependencies are read from this
    environment's site-packages (a path, not its ``.pth`` files: no editable install)."""
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                   cwd=tmp).strip()
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(purelib) / "dependencies.pth").write_text("".join(f"{p}\n" for p in ours))
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
         "--no-index", wheel, cwd=tmp)
    return venv


@pytest.mark.slow
def test_installed_wheel_starts_and_builds_a_project_anywhere(tmp_path: Path):
    venv = _venv(tmp_path, _wheel(tmp_path))
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run(venv / "bin" / "python", "-c", "import generator; print(generator.__file__)",
                 cwd=work, env=env)
    assert Path(where).is_relative_to(venv), f"not the wheel's package: {where}"

    _run("explainer", "new", "mysite", cwd=work, env=env)
    project = work / "mysite"
    assert "- explainer:" in (project / "mkdocs.yml").read_text()
    _run("explainer", "build", cwd=project, env=env)

    article = project / "site" / "articles" / SAMPLE
    for page in ("", "who/", "claims/", "timeline/", "text/"):
        assert (article / page / "index.html").is_file(), f"no {page or 'overview'} page"
    overview = (article / "index.html").read_text()
    assert "Riverton" in overview and "stylesheets/explainer.css" in overview
    assert (project / "site" / "stylesheets" / "explainer.css").is_file()
    assert (project / "site" / "pagefind").is_dir()  # the shipped theme's search is built
    assert not (project / "docs" / "articles").exists(), "pages were written into docs/"
    assert (project / "data" / f"{SAMPLE}.yaml").is_file()
