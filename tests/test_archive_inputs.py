"""Inputs at scale: JSON Lines (bad lines reported with file:line and skipped, the text kept
beside the YAML so every span can be checked), CNN/DailyMail ``.story`` files (highlights
kept apart from the text), folders walked recursively, unchanged articles skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import store
from generator.commands import extract
from generator.commands.check import check_file
from generator.errors import InputError
from generator.ingest.jsonl import read_jsonl
from generator.ingest.reader import read_article
from generator.parallel.plan import walk

TEXT = ("Officials in Dover said on Monday that the river had risen by two metres. "
        "\"We are doing everything we can,\" said a spokesman for the fire service.")
STORY = (f"(CNN) -- {TEXT}\n\nThe mayor said three shelters would open.\n\n"
         "@highlight\n\nThe river rose by two metres\n\n@highlight\n\nShelters open\n")


def lines(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_json_lines_bad_lines_are_named_by_line_and_skipped(tmp_path: Path):
    path = lines(tmp_path / "a.jsonl", [
        {"id": "one", "text": TEXT, "title": "River", "published": "2015-03-10"},
        "{not json", {"id": "two"}, ["a list"], {"id": 7, "text": TEXT, "url": "ftp://x"},
        "", {"id": "Zürich café", "text": TEXT, "published": "2015-02-30"},
        {"id": 8, "text": TEXT}])
    found = list(read_jsonl(path))
    good = [(n, s) for n, s in found if not isinstance(s, InputError)]
    bad = {n: str(e) for n, e in found if isinstance(e, InputError)}
    assert [(n, s.id, s.meta.title, s.meta.published) for n, s in good] == [
        (1, "one", "River", "2015-03-10"), (8, "8", None, None)]
    assert sorted(bad) == [2, 3, 4, 5, 7]
    assert bad[2].startswith(f"{path}:2: not a JSON object")
    assert "text must be non-empty text" in bad[3]
    assert "must be a JSON object" in bad[4]
    assert "url must start with http" in bad[5]
    assert "published must be YYYY-MM-DD" in bad[7]
    assert all("\n" not in message for message in bad.values())


def test_a_story_keeps_its_highlights_apart_from_its_text(tmp_path: Path):
    path = tmp_path / "0a1b.story"
    path.write_text(STORY, encoding="utf-8")
    source = read_article(path)
    assert "@highlight" not in source.text and STORY.startswith(source.text)
    assert source.highlights == ("The river rose by two metres", "Shelters open")


def test_folders_are_walked_recursively_for_articles(tmp_path: Path):
    for name in ("b/x.txt", "a/deep/y.story", "a/z.jsonl", "a/z.meta.yaml", ".git/h.txt",
                 "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)] == [
        "a/z.jsonl", "a/deep/y.story", "b/x.txt"]


@pytest.mark.slow
def test_json_lines_and_stories_are_extracted_checked_and_skipped_when_unchanged(
        tmp_path: Path, capsys):
    inputs = tmp_path / "seeds"
    (inputs / "cnn").mkdir(parents=True)
    (inputs / "cnn" / "0a1b.story").write_text(STORY, encoding="utf-8")
    lines(inputs / "archive.jsonl", [
        {"id": "river-1", "text": TEXT, "title": "The river", "published": "2015-03-10"},
        {"id": "river 2", "text": TEXT.upper()}, "{broken", {"id": "river-1", "text": "Dup."}])
    out = tmp_path / "data"
    assert extract.run([inputs], out, root=tmp_path) == 1
    err = capsys.readouterr().err
    assert f"{inputs / 'archive.jsonl'}:3: not a JSON object" in err
    assert f"{inputs / 'archive.jsonl'}:4: has the same id 'river-1'" in err
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "0a1b.yaml", "river-1.source.txt", "river-1.yaml", "river-2.source.txt",
        "river-2.yaml"]
    story = store.load_data(out / "0a1b.yaml")
    assert story["article"]["highlights"] == ["The river rose by two metres", "Shelters open"]
    assert story["article"]["input"]["path"] == "seeds/cnn/0a1b.story"
    river = store.load_data(out / "river-1.yaml")
    assert river["article"]["title"] == "The river"
    assert river["article"]["published"] == "2015-03-10"
    assert (out / "river-1.source.txt").read_text(encoding="utf-8") == TEXT
    for name in ("0a1b", "river-1", "river-2"):
        assert check_file(out / f"{name}.yaml", tmp_path, inputs) == [], name
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")}
    assert extract.run([inputs], out, root=tmp_path) == 1  # the bad lines are still bad
    assert "extracted" not in capsys.readouterr().err  # nothing left to extract
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")} == before
    kept = out / "river-1.source.txt"
    kept.write_text(TEXT.replace("Dover", "Calais"), encoding="utf-8")
    problems = check_file(out / "river-1.yaml", tmp_path, inputs)
    assert len(problems) == 1 and "not the text this explainer was extracted from" in \
        problems[0]
