"""The YAML a person edits: real calendar dates, comments never dropped without a word,
nothing invalid written by the machine, a title that is never empty."""

from __future__ import annotations

import pytest

from generator import store
from generator.commands.check import check_file
from generator.errors import DataError
from tests.nlp_helpers import explain
from tests.samples import TEXT, sample


@pytest.mark.parametrize("date", ["2015-02-30", "2015-13-01", "2014-02-29", "2015-04-31"])
def test_impossible_published_date_is_refused(tmp_path, date: str):
    path = tmp_path / "data" / "a1.yaml"
    store.save(path, sample())
    path.write_text(path.read_text().replace("published: null", f"published: '{date}'"))
    [message] = check_file(path, tmp_path)
    line = path.read_text().splitlines().index(f"  published: '{date}'") + 1
    assert message == (f"{path}:{line}: article.published: {date!r} is not a calendar date "
                       "(YYYY-MM-DD)")


def test_real_leap_day_is_accepted(tmp_path):
    path = tmp_path / "data" / "a1.yaml"
    store.save(path, sample())
    path.write_text(path.read_text().replace("published: null", "published: '2016-02-29'"))
    assert check_file(path, tmp_path) == []


def test_machine_output_is_validated_before_it_is_saved(tmp_path):
    bad = sample()
    bad.article.title = ""
    path = tmp_path / "a1.yaml"
    with pytest.raises(DataError, match=r"extraction made an invalid file.*article\.title"):
        store.save(path, bad)
    assert not path.exists() and not (tmp_path / ".base").exists()


@pytest.mark.parametrize(("text", "has"), [
    ("a: 1\n", False),
    ("a: 'a # in quotes'\nb: \"x # y\"\n", False),
    ("a: |\n  block # kept as text\n", False),
    ("a: x#y\n", False),
    ("# a comment\na: 1\n", True),
    ("a: 1  # why this value\n", True),
    ("a:\n  - 1\n  # between items\n  - 2\n", True),
])
def test_comments_are_told_from_hashes_in_text(text: str, has: bool):
    assert store.has_comments(text) is has


@pytest.mark.parametrize("edited", [False, True])
def test_comments_dropped_on_reextraction_are_reported(tmp_path, edited: bool):
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    text = path.read_text().replace("  title: A title\n", "  title: A title  # checked by Ann\n")
    if edited:
        text = text.replace("name: Officials", "name: City officials")
    path.write_text(text)
    changed = sample()
    changed.article.title = "A new title"
    saved = store.save(path, changed, text=TEXT)
    assert [n for n in saved.notes if "comments" in n] == [
        "the comments in this file were dropped (the file is written from its data); the "
        "earlier version is in your version control"]
    assert ("City officials" in path.read_text()) is edited


def test_no_note_when_there_were_no_comments(tmp_path):
    path = tmp_path / "a1.yaml"
    store.save(path, sample())
    changed = sample()
    changed.article.title = "A new title"
    assert store.save(path, changed, text=TEXT).notes == ()


@pytest.mark.parametrize(("sentences", "title"), [
    (["(CNN)", "A man was arrested after a chase through the city."],
     "A man was arrested after a chase through the city"),
    (["(CNN) --", "WASHINGTON —", "Prices rose sharply in March, data showed."],
     "Prices rose sharply in March, data showed"),
    (["(CNN)", "--", "42"], "t"),
    (["Gallery", "   ."], "t"),
])
def test_a_title_is_never_empty(nlp, sentences: list[str], title: str):
    assert explain(nlp, "\n\n".join(sentences)).article.title == title
