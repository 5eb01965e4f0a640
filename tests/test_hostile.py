"""The hostile-input corpus: each case ends in one clear line or a correct, escaped page.

Never a traceback, never code execution, nothing written outside the output folders.
The corpus itself is in ``tests/hostile``; the browser half is
``tests/browser/test_hostile_browser.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import store
from generator.cli import main
from generator.commands.check import check_data, check_file
from generator.errors import InputError
from generator.ingest.reader import read_article
from generator.render.pages import Renderer
from tests.conftest import ROOT
from tests.hostile import (
    BAD_ARTICLES,
    BIG_ARTICLE_BYTES,
    GOOD_ARTICLES,
    LONG_LINE_CHARS,
    MARK,
    ODD_NAMES,
    SIDECAR_META,
    SIDECARS,
    hostile_explainer,
    hostile_text,
)

LINE = re.compile(r"^explainer: (?P<path>[^\n]+?)(?::\d+)?: [^\n]+$")


def cli(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(list(args))
    return code, err.getvalue()


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


# --- article files ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", sorted(BAD_ARTICLES))
def test_bad_article_is_one_line_and_writes_nothing(tmp_path: Path, case: str):
    data, problem = BAD_ARTICLES[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(data)
    code, err = cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert code == 1
    assert len(err.splitlines()) == 1 and LINE.match(err.strip()), err
    assert str(path) in err and problem in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_ten_megabyte_article_is_refused_without_reading_it_as_text(tmp_path: Path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"Officials said it rained. " * (BIG_ARTICLE_BYTES // 26 + 1))
    with pytest.raises(InputError, match="too long"):
        read_article(path)
    code, err = cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert code == 1 and len(err.splitlines()) == 1 and "too long" in err


@pytest.mark.parametrize("name", sorted(ODD_NAMES))
def test_any_file_name_becomes_a_safe_id(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(b"Officials said it rained.")
    article_id = read_article(path).id
    assert article_id.startswith(ODD_NAMES[name])
    assert re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", article_id) and ".." not in article_id


def test_good_hostile_bytes_are_read_exactly(tmp_path: Path):
    for name, data in GOOD_ARTICLES.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        text = read_article(path).text
        assert text == data.decode("utf-8-sig"), name
    assert "\r\n" in read_article(tmp_path / "crlf.txt").text, "CRLF is kept: offsets count it"
    long_line = tmp_path / "long.txt"
    long_line.write_text("officials said " + "rain " * (LONG_LINE_CHARS // 5), encoding="utf-8")
    assert len(read_article(long_line).text) > LONG_LINE_CHARS


# --- sidecars --------------------------------------------------------------------------------

@pytest.mark.parametrize("case", sorted(SIDECARS))
def test_sidecar_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str):
    monkeypatch.chdir(tmp_path)
    text, problem = SIDECARS[case]
    (tmp_path / "a.txt").write_bytes(b"Officials said it rained.")
    (tmp_path / "a.meta.yaml").write_text(text, encoding="utf-8")
    if problem is None:
        assert read_article(tmp_path / "a.txt").meta == SIDECAR_META[case]
    else:
        with pytest.raises(InputError) as caught:
            read_article(tmp_path / "a.txt")
        message = str(caught.value)
        assert problem in message and "\n" not in message
        assert message.startswith(str(tmp_path / "a.meta.yaml"))
    assert not (tmp_path / "PWNED").exists()


# --- explainer YAML edited into something hostile --------------------------------------------

def _valid(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "data" / "hostile.yaml"
    store.save(path, hostile_explainer())
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "hostile.txt").write_text(hostile_text(), encoding="utf-8")
    return path, path.read_text(encoding="utf-8")


YAML_CASES: dict[str, tuple[object, str]] = {
    "python-object": (lambda t: "x: !!python/object/apply:os.system ['touch PWNED']\n" + t,
                      "not valid YAML"),
    "alias-bomb": (lambda t: SIDECARS["billion-laughs"][0], "anchors and aliases"),
    "deep-nesting": (lambda t: "[" * 20000 + "]" * 20000, "nested more than"),
    "not-utf8": (lambda t: t.encode("utf-8") + b"\xff\xfe", "not UTF-8"),
    "empty": (lambda t: "", "(top level)"),
    "span-wrong-type": (lambda t: t.replace("span: [0,", "span: [zero,", 1), "span"),
    "kind-wrong-value": (lambda t: t.replace("kind: person", "kind: alien", 1), "kind"),
    "actor-id-dotdot": (lambda t: t.replace("id: actor-1\n", "id: ../../etc\n", 1), "id"),
    "actor-id-space": (lambda t: t.replace("id: actor-1\n", "id: actor one\n", 1), "id"),
    "actor-id-non-ascii": (lambda t: t.replace("id: actor-1\n", "id: acteur-\u00e9\n", 1),
                           "id"),
    "article-id-dotdot": (lambda t: t.replace("id: hostile", "id: ../hostile", 1), "article.id"),
    "article-id-mismatch": (lambda t: t.replace("id: hostile", "id: other", 1),
                            "must match the file name"),
    "input-path-outside": (lambda t: t.replace("path: seeds/hostile.txt",
                                               "path: ../../../../etc/passwd", 1),
                           "outside the project"),
    "dangling-speaker": (lambda t: t.replace("speaker: actor-2", "speaker: nobody", 1),
                         "not the id of one of the actors"),
    "duplicate-id": (lambda t: t.replace("id: c2\n", "id: c1\n", 1), "used twice"),
    "span-outside": (lambda t: t.replace("span: [0, ", "span: [99999999, ", 1),
                     "outside the text"),
    "span-not-its-text": (lambda t: re.sub(r"span: \[0, (\d+)\]", r"span: [1, \1]", t,
                                           count=2), "reads"),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_hostile_yaml_gives_file_line_messages(tmp_path: Path, case: str):
    change, problem = YAML_CASES[case]
    path, text = _valid(tmp_path)
    changed = change(text)
    path.write_bytes(changed if isinstance(changed, bytes) else changed.encode("utf-8"))
    messages = check_file(path, tmp_path)
    assert messages, case
    for message in messages:
        assert "\n" not in message and "Traceback" not in message
        assert re.match(rf"^{re.escape(str(path))}(:\d+)?: ", message), message
    assert any(re.search(problem, m) for m in messages), messages
    if case not in ("empty", "not-utf8"):
        assert all(re.match(rf"^{re.escape(str(path))}:\d+: ", m) for m in messages), messages
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_check_line_numbers_point_at_the_field(tmp_path: Path):
    path, text = _valid(tmp_path)
    path.write_text(text.replace("speaker: actor-2", "speaker: nobody", 1), encoding="utf-8")
    [message] = check_file(path, tmp_path)
    line = int(message.split(":")[1])
    assert path.read_text().splitlines()[line - 1].strip() == "speaker: nobody"
    assert "claims.1.speaker" in message


def test_build_refuses_an_invalid_explainer(project: Path):
    path = project / "data" / "hostile.yaml"
    store.save(path, hostile_explainer())
    path.write_text(path.read_text().replace("speaker: actor-2", "speaker: nobody", 1))
    code, err = cli("build", "-f", str(project / "mkdocs.yml"))
    assert code == 1
    assert "not building" in err and "hostile.yaml:" in err
    assert not (project / "site").exists()
    code, err = cli("check", "-f", str(project / "mkdocs.yml"))
    assert code == 1 and len(err.splitlines()) == 1


# --- pages -----------------------------------------------------------------------------------

RAW_MARKUP = re.compile(r"<\s*(script|img|svg|iframe|details|style|a\s+href=.javascript)|"
                        r"\]\(javascript:|(?<!\\)\{:\s*onclick|<!--", re.IGNORECASE)
RAW_HTML = re.compile(r"<\s*(script|img|svg|iframe|details|style|a\s+href=.javascript)|<!--",
                      re.IGNORECASE)
PLACEHOLDER = re.compile(r"<!--explainer-block \d+-->")  # where an HTML block goes
JSON_LD = re.compile(r'<script type="application/ld\+json">[^<]*</script>')
OWN_SVG = re.compile(r'<svg class="relations" [^>]*>(.*?)</svg>', re.S)  # the who's-who diagram
SVG_TAGS = {"svg", "title", "defs", "marker", "path", "g", "rect", "text"}
OWN_DETAILS = '<details class="timex">'  # the timeline's TIMEX toggle


def test_hostile_text_is_escaped_in_every_page():
    pages = Renderer([ROOT / "templates"]).render_site([hostile_explainer()])
    assert len(pages) >= 6
    for page in pages:
        if not page.path.endswith(".md"):
            json.loads(page.content)  # data for scripts: the browser test covers its use
            continue
        body = page.content.split("\n---\n", 1)[-1]  # front matter holds JSON strings
        body = PLACEHOLDER.sub("", JSON_LD.sub("", body))  # JSON: <, > and & as \u escapes
        assert not RAW_MARKUP.search(body), (page.path, RAW_MARKUP.search(body))
        assert "49" not in body, "Jinja in the article is text, not code"
        for block in page.blocks:  # HTML that Markdown never converts: only HTML matters
            for drawn in OWN_SVG.findall(block):  # only the diagram's own elements
                assert set(re.findall(r"</?(\w+)", drawn)) <= SVG_TAGS, drawn
                assert not any(re.search(r"\son\w+=", tag) for tag in re.findall(r"<[^>]*>", drawn))
            block = OWN_SVG.sub("", block).replace(OWN_DETAILS, "")
            assert not RAW_HTML.search(block), (page.path, RAW_HTML.search(block))
            assert not re.search(r"<[^>]*\son\w+=", block), page.path
            assert "49" not in block
    claims = next(p for p in pages if p.path.endswith("claims.md"))
    assert "{{ 7*7 }}" in "".join(claims.blocks)  # HTML blocks: text, never converted
    assert "{% raw %}" in "".join(claims.blocks)


# --- the whole corpus through a real build (slow) --------------------------------------------

def _corpus(seeds: Path) -> None:
    for name, (data, _) in BAD_ARTICLES.items():
        (seeds / f"bad-{name}.txt").write_bytes(data)
    for name, data in GOOD_ARTICLES.items():
        (seeds / f"good-{name}.txt").write_bytes(data)
    (seeds / "good-long-line.txt").write_text(
        "Officials said " + "that the rain kept falling and " * (LONG_LINE_CHARS // 30) + "end.",
        encoding="utf-8")
    (seeds / "good-html.meta.yaml").write_text(SIDECARS["html-title"][0], encoding="utf-8")
    for name in ("python-object", "billion-laughs", "wrong-type-title"):
        (seeds / f"sidecar-{name}.txt").write_bytes(b"Officials said it rained on Monday.")
        (seeds / f"sidecar-{name}.meta.yaml").write_text(SIDECARS[name][0], encoding="utf-8")
    for name in ODD_NAMES:
        (seeds / name).write_bytes(b"Officials said it rained.")
    with (seeds / "bad-ten-megabytes.txt").open("wb") as handle:
        handle.write(b"x" * BIG_ARTICLE_BYTES)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.slow
def test_whole_corpus_builds_safely_and_byte_identically(project: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(project)
    _corpus(project / "seeds")
    outside = project.parent
    before_outside = {p for p in os.listdir(outside)}
    before = files_under(project)
    code, err = cli("build", "-f", str(project / "mkdocs.yml"))
    assert code == 1, "bad inputs make the exit status non-zero"
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.startswith("explainer: ")]
    bad = [f"bad-{n}.txt" for n in BAD_ARTICLES] + ["bad-ten-megabytes.txt"] + [
        f"sidecar-{n}.meta.yaml" for n in ("python-object", "billion-laughs",
                                           "wrong-type-title")]
    for name in bad:
        assert sum(name in line for line in problems) == 1, (name, problems)
    assert (project / "site" / "index.html").is_file()
    for name in GOOD_ARTICLES:
        data = store.load_data(project / "data" / f"good-{name}.yaml")
        text = read_article(project / "seeds" / f"good-{name}.txt").text
        assert check_data(data, text) == [], name
        assert (project / "site" / "articles" / f"good-{name}" / "index.html").is_file()
    for name in ODD_NAMES:
        article_id = read_article(project / "seeds" / name).id
        assert (project / "site" / "articles" / article_id / "index.html").is_file(), name
    new = files_under(project) - before
    allowed = ("data", "site", "docs/articles", "docs/index.md", ".pytest_cache",
               ".explainer.lock", ".explainer-cache")
    assert all(p.startswith(allowed) for p in new), sorted(p for p in new
                                                           if not p.startswith(allowed))
    assert {p for p in os.listdir(outside)} == before_outside
    assert not (project / "PWNED").exists()
    _assert_no_live_markup(project / "site")

    first = _snapshot(project / "data"), _snapshot(project / "site")
    for folder in ("data", "site", "docs/articles"):
        shutil.rmtree(project / folder, ignore_errors=True)
    cli("build", "-f", str(project / "mkdocs.yml"))
    second = _snapshot(project / "data"), _snapshot(project / "site")
    assert first[0] == second[0], "same inputs, same YAML"
    differing = [k for k in first[1] if first[1][k] != second[1].get(k)]
    assert first[1].keys() == second[1].keys() and not differing, differing


class _Elements(HTMLParser):
    """Tags, attributes and script bodies of a page as a browser would parse them."""

    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")  # text until the end tag

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and "json" not in kind  # JSON data never runs
        for name, value in attrs:
            value = value or ""
            if MARK in value and (name.startswith("on") or value.strip().lower().startswith(
                    "javascript:")):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "svg", "details", "style", "img") and MARK in str(attrs):
            self.live.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and MARK in data:
            self.live.append(f"<script>{data[:60]}")


def _assert_no_live_markup(site: Path) -> None:
    """In the built HTML, no payload became an element, an event handler or a link."""
    for page in site.rglob("*.html"):
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.live, (page, parser.live)


@pytest.mark.slow
def test_title_and_description_cannot_break_out_of_the_head(project: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(project)
    store.save(project / "data" / "breakout.yaml", hostile_explainer("breakout"))
    path = project / "data" / "breakout.yaml"
    data = store.load_data(path)
    data["article"]["title"] = "</title><script>window.__xss=13</script>"
    data["sentences"][0]["text"] = '"><img src=x onerror=window.__xss=14>'
    path.write_text(store.dumps(data), encoding="utf-8")
    code, err = cli("build", "-f", str(project / "mkdocs.yml"))
    assert code == 0, err
    _assert_no_live_markup(project / "site")
