"""Files' data kept as JSON between runs: taken back only for the very same text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import store, validity
from generator.errors import DataError
from generator.kept_data import KeptData
from tests.samples import sample


def test_the_same_text_is_not_parsed_again_and_an_edit_is(tmp_path: Path, monkeypatch):
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    first = KeptData(tmp_path / "kept").read(path)
    assert first == store.read_data(path)
    with monkeypatch.context() as patched:
        patched.setattr(store, "parse_yaml", lambda p, t: pytest.fail("parsed again"))
        assert KeptData(tmp_path / "kept").read(path) == first
    path.write_text(path.read_text().replace("title: A title", "title: Edited"))
    assert KeptData(tmp_path / "kept").read(path)[1]["article"]["title"] == "Edited"


def test_invalid_data_is_never_kept(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    path.write_text(store.dumps(sample().to_dict()) + "not_a_field: 1\n")
    kept = KeptData(tmp_path / "kept")
    for _ in range(2):
        with pytest.raises(DataError):
            kept.read(path)
    assert not list((tmp_path / "kept").rglob("*.json.z"))


def test_only_what_the_run_used_by_this_version_stays(tmp_path: Path):
    old = tmp_path / "kept" / "0123456789abcdef"
    old.mkdir(parents=True)
    (old / "x.json.z").write_bytes(b"")
    kept = KeptData(tmp_path / "kept")
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    kept.read(path)
    path.write_text(path.read_text() + "# edited\n")
    kept.read(path)
    KeptData(tmp_path / "kept").prune([validity.text_digest(path.read_text())])
    assert len(list((tmp_path / "kept").rglob("*.json.z"))) == 1 and not old.exists()
