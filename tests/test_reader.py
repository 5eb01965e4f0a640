"""Bad input gets one clear line naming the file; good input keeps its exact characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.ingest.reader import read_article


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "empty file"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (bytes(range(1, 32)) * 20 + b"abc", "binary file"),
        (b"1234 5678", "no words"),
    ],
)
def test_bad_bytes_are_refused_with_the_file_named(tmp_path, data, problem):
    path = write(tmp_path, "a.txt", data)
    with pytest.raises(InputError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ":")
    assert problem in message
    assert "\n" not in message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nothing.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path / "dir.txt")


def test_bom_is_dropped_and_nothing_else_changes(tmp_path):
    path = write(tmp_path, "a.txt", "\ufeffOne line.\r\nTwo\u00a0lines.".encode())
    source = read_article(path)
    assert source.text == "One line.\r\nTwo\u00a0lines."
    assert source.id == "a"


def test_too_long(tmp_path):
    path = write(tmp_path, "big.txt", b"word " * 250_000)
    with pytest.raises(InputError, match="too long"):
        read_article(path)


def test_sidecar_fields_are_checked(tmp_path):
    write(tmp_path, "a.txt", b"Some text here.")
    write(tmp_path, "a.meta.yaml", b"title: A title\npublished: 2015-03-10\n")
    meta = read_article(tmp_path / "a.txt").meta
    assert (meta.title, meta.published) == ("A title", "2015-03-10")
    write(tmp_path, "a.meta.yaml", b"published: 2015-13-40\n")
    with pytest.raises(InputError, match="published must be YYYY-MM-DD"):
        read_article(tmp_path / "a.txt")
    write(tmp_path, "a.meta.yaml", b"title: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(InputError, match="not valid YAML"):
        read_article(tmp_path / "a.txt")
    write(tmp_path, "a.meta.yaml", b"url: javascript:alert(1)\n")
    with pytest.raises(InputError, match="url must start with http"):
        read_article(tmp_path / "a.txt")


def test_a_file_name_that_cannot_be_an_id_is_made_safe(tmp_path):
    path = write(tmp_path, "-rf.txt", b"Some text.")
    assert read_article(path).id == "rf"
