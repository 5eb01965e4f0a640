"""Explainer YAML: deterministic, validated with file/line/field, atomic, edits protected."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import store
from generator.errors import DataError, EditedError
from tests.samples import sample


def test_round_trip_and_determinism(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    assert store.save(path, sample())
    first = path.read_bytes()
    assert not store.save(path, sample()), "an unchanged file is not rewritten"
    assert path.read_bytes() == first
    loaded = store.load(path)
    assert loaded.to_dict() == sample().to_dict()
    assert "span: [0, 9]" in first.decode()
    assert first.decode().index("schema_version") < first.decode().index("article")


def test_schema_error_names_file_line_and_field(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    text = path.read_text().replace("kind: government", "kind: alien")
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        store.load(path)
    message = str(caught.value)
    line = text.splitlines().index("  kind: alien") + 1
    assert message.startswith(f"{path}:{line}: actors.0.kind:")


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("a: [1, 2\n", "not valid YAML"),
        ("a: &x [1]\nb: *x\n", "anchors and aliases"),
        ("!!python/object/apply:os.system ['true']\n", "not valid YAML"),
        ("- just a list\n", "(top level)"),
    ],
)
def test_hostile_yaml_is_refused(tmp_path: Path, yaml_text: str, problem: str):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml_text)
    with pytest.raises(DataError, match=problem):
        store.load(path)


def test_ids_with_path_tricks_are_invalid(tmp_path: Path):
    data = sample().to_dict()
    data["actors"][0]["id"] = "../../etc"
    path = tmp_path / "a1.yaml"
    path.write_text(store.dumps(data))
    with pytest.raises(DataError, match=r"actors\.0\.id"):
        store.load(path)


def test_hand_edits_are_never_overwritten(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    assert not store.was_edited(path)
    path.write_text(path.read_text().replace("name: Officials", "name: Chinese officials"))
    assert store.was_edited(path)
    with pytest.raises(EditedError, match="edited by hand"):
        store.save(path, sample())
    assert "Chinese officials" in path.read_text()
    assert store.save(path, sample(), force=True)


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path: Path, monkeypatch):
    path = tmp_path / "a1.yaml"
    path.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("generator.store.os.replace", broken_replace)
    with pytest.raises(OSError):
        store.write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a1.yaml"]
