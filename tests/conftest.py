"""Shared fixtures: the seed article, a loaded model (once per session), a small project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3d98c2cb0ee05817.txt"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp():
    from generator.nlp.pipeline import load_model

    return load_model()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this project's site set-up (no data yet) in a temporary folder; the
    plugin comes from the installed package, not from a copy of ``generator/``."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("docs", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "index.md", "articles"))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "data").mkdir()
    return tmp_path
