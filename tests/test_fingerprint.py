"""The extraction fingerprint follows the code, data and model, not file times or places."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from generator import store
from generator.fingerprint import FOLDERS, extractor_fingerprint, fingerprint_of
from generator.ingest.reader import read_article
from generator.parallel.plan import Found, Options, needs_extraction
from generator.publish import settings
from tests.conftest import ROOT
from tests.samples import sample


def _copy(where: Path) -> Path:
    for folder in FOLDERS:
        shutil.copytree(ROOT / "generator" / folder, where / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return where


def test_same_code_anywhere_any_time_same_fingerprint(tmp_path: Path):
    one, two = _copy(tmp_path / "one"), _copy(tmp_path / "elsewhere" / "two")
    for path in two.rglob("*.py"):
        os.utime(path, (1, 1))
    (two / "nlp" / "__pycache__").mkdir()
    (two / "nlp" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert fingerprint_of(one) == fingerprint_of(two)
    assert extractor_fingerprint() == fingerprint_of(ROOT / "generator")


def test_any_change_to_rules_or_data_changes_it(tmp_path: Path):
    package = _copy(tmp_path / "p")
    before = fingerprint_of(package)
    rules = next((package / "nlp").glob("*.py"))
    rules.write_text(rules.read_text() + "\n# a changed rule\n")
    changed = fingerprint_of(package)
    assert changed != before
    data = next((package / "text" / "data").iterdir())
    data.write_bytes(data.read_bytes() + b"\n")
    assert fingerprint_of(package) not in (before, changed)
    (package / "ingest" / "new_rule.py").write_text("")
    assert len({before, changed, fingerprint_of(package)}) == 3


def _stale(article: Path, paths: settings.Settings) -> bool:
    found = Found(str(article), str(article), read_article(article, paths.inputs), False)
    return needs_extraction(found, Options(paths.data, within=paths.inputs, root=paths.root,
                                           threshold=paths.threshold))


def test_old_fingerprint_makes_the_article_stale(project: Path):
    (project / "seeds" / "a1.txt").write_text("officials said it rained\n")
    paths = settings.load(project / "mkdocs.yml")
    old = sample()
    old.article.input.sha256 = hashlib.sha256(b"officials said it rained\n").hexdigest()
    store.save(project / "data" / "a1.yaml", old)
    assert old.article.input.extractor == "1"
    assert _stale(project / "seeds" / "a1.txt", paths)
    current = sample()
    current.article.input.sha256 = old.article.input.sha256
    current.article.input.extractor = extractor_fingerprint()
    store.save(project / "data" / "a1.yaml", current, force=True)
    assert not _stale(project / "seeds" / "a1.txt", paths)
