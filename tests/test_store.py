"""Explainer YAML: deterministic, validated with file/line/field, atomic, edits protected."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import store, yaml_data
from generator.errors import DataError, EditedError
from generator.files import WriteError
from tests.samples import sample


def test_round_trip_and_determinism(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    assert store.save(path, sample())
    first = path.read_bytes()
    assert not store.save(path, sample()), "an unchanged file is not rewritten"
    assert path.read_bytes() == first
    loaded = store.load(path)
    assert loaded.to_dict() == store.load_data(path), "the model holds every field of the file"
    assert loaded.article.input.extracted_sha256 == store.fingerprint(sample().to_dict())
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


def test_a_text_found_valid_or_without_anchor_signs_is_not_scanned_for_aliases(
        tmp_path: Path, monkeypatch):
    """The alias scan is a second parse: a text without ``&`` or ``*`` cannot hold an
    anchor or an alias, and one that passed the scan and the schema before (the same
    bytes, by hash) need not pass it again; nesting is limited either way."""
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    scanned: list[Path] = []
    real = store._reject_aliases
    monkeypatch.setattr(store, "_reject_aliases", lambda p, t: scanned.append(p) or real(p, t))
    store.load(path)
    assert scanned == []
    path.write_text(path.read_text() + "# R&D, a new text\n")
    store.load(path)
    store.load(path)
    assert scanned == [path]
    path.write_text(path.read_text() + "extra: &x [1]\nmore: *x\n")
    with pytest.raises(DataError, match="anchors and aliases"):
        store.load(path)
    path.write_text(path.read_text().split("extra:")[0] + "deep: " + "[" * 60 + "]" * 60 + "\n")
    with pytest.raises(DataError, match="nested more than 50 levels deep"):
        store.load(path)


def test_fast_yaml_reading_gives_what_pyyaml_gives():
    text = ("a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: '1'\ng: 2015-03-10\nh: [1, x, 0x1f]\n"
            "i: {j: no}\nk: !!str 5\nl: .inf\nm:\n  - {<<: {n: 1}, o: 2}\n")
    assert yaml_data.load(text, store.Loader, 50) == yaml.load(text, Loader=store.Loader)
    assert yaml_data.load("", store.Loader, 50) is None
    assert yaml_data.load("a: !!binary aGk=\n", store.Loader, 50) == {"a": b"hi"}


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

    monkeypatch.setattr("generator.files.os.replace", broken_replace)
    with pytest.raises(WriteError, match="disk full"):
        store.write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a1.yaml"]


def test_killed_writer_leaves_the_old_file_or_the_new_one(tmp_path: Path):
    """SIGKILL a process rewriting a 2 MB file at random moments: never a mixture."""
    import random
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "a1.yaml"
    versions = {("a" * 2_000_000), ("b" * 2_000_000)}
    store.write_atomic(path, "a" * 2_000_000)
    script = ("import sys\nfrom pathlib import Path\nfrom generator.store import write_atomic\n"
              "p = Path(sys.argv[1])\nwhile True:\n"
              "    for c in 'ab':\n        write_atomic(p, c * 2_000_000)\n")
    rng = random.Random(8)
    for _ in range(6):
        child = subprocess.Popen([sys.executable, "-c", script, str(path)],
                                 cwd=Path(__file__).resolve().parent.parent)
        time.sleep(0.25 + rng.random() * 0.3)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert path.read_text() in versions
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "a1.yaml"]
    assert all(n.startswith(".a1.yaml.") and n.endswith(".tmp") for n in leftovers)


def test_save_keeps_the_machine_output_as_base(tmp_path: Path):
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    [base] = store.base_folder(path).iterdir()
    assert store.load_data(base) == store.load_data(path)
    assert store.load_base(path, store.load_data(path)) == store.load_data(base)
