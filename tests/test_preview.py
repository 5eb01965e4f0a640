"""Preview images: valid PNGs of the declared size, the same bytes for the same input, any
text drawn as text (or left off when it cannot be drawn faithfully), never a crash."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.publish.preview import (
    ELLIPSIS,
    HEIGHT,
    LEFT,
    MAX_LINES,
    RIGHT,
    TITLE_SIZES,
    WIDTH,
    Card,
    Painter,
    article_card,
    clean,
    preview_images,
    wrap,
)
from tests.hostile import hostile_explainer
from tests.samples import sample


@pytest.fixture(scope="module")
def painter() -> Painter:
    return Painter()


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def test_one_image_per_article_and_one_for_the_site():
    images = dict(preview_images([sample()], "Explainer", "What the site is"))
    assert set(images) == {"preview.png", "articles/a1/preview.png"}
    for data in images.values():
        assert png_size(data) == (WIDTH, HEIGHT)


def test_same_input_same_bytes():
    first = preview_images([sample()], "Explainer", None)
    assert preview_images([sample()], "Explainer", None) == first
    changed = sample()
    changed.article.title = "Another title"
    assert dict(preview_images([changed], "Explainer", None))["articles/a1/preview.png"] != \
        dict(first)["articles/a1/preview.png"]


def test_card_counts_only_what_the_site_shows():
    explainer = sample()
    explainer.claims[0].shown = False
    card = article_card(explainer, "Explainer")
    assert card.footer == "1 actor · 0 claims · 1 date"
    assert card.title == "A title" and card.kicker == "Explainer"


def test_long_titles_wrap_then_end_with_an_ellipsis(painter):
    width = WIDTH - LEFT - RIGHT
    size, lines = painter.fit("word " * 200, width)
    assert size == TITLE_SIZES[-1] and len(lines) == MAX_LINES
    assert lines[-1].endswith(ELLIPSIS)
    assert all(painter.font(size).getlength(line) <= width for line in lines)
    size, lines = painter.fit("A short title", width)
    assert (size, lines) == (TITLE_SIZES[0], ["A short title"])


def test_a_word_longer_than_a_line_is_broken(painter):
    font = painter.font(TITLE_SIZES[0])
    lines = wrap("https://example.org/" + "x" * 120, font, 400)
    assert len(lines) > 1 and all(font.getlength(line) <= 400 for line in lines)
    assert "".join(lines) == "https://example.org/" + "x" * 120


@pytest.mark.parametrize(("title", "drawn"), [
    ("</title><script>alert(1)</script>", "</title><script>alert(1)</script>"),
    ("{{ 7*7 }} **bold** [x](javascript:alert(1))", "{{ 7*7 }} **bold** [x](javascript:alert(1))"),
    ("Officials\nsay\t it  rained\u200b\u202e", "Officials say it rained"),
    ("Rain 😀 falls", "Rain 😀 falls"),  # DejaVu has this emoji
    ("Rain 🦜 falls", "Rain falls"),  # a symbol the font lacks is dropped
    ("中国官员声称", None),  # letters the font lacks: no title rather than boxes
    ("مسؤولون صينيون", None),  # right to left: the basic layout would draw it backwards
    ("שלום", None),
    ("Café Zürich – Ελλάδα, Россия", "Café Zürich – Ελλάδα, Россия"),
    ("", ""),
])
def test_text_is_drawn_as_text_or_left_off(painter, title, drawn):
    assert painter.drawable(title) == drawn
    assert png_size(painter.png(Card("Explainer", title, "1 actor", "Site"))) == (WIDTH, HEIGHT)


def test_controls_and_lone_surrogates_are_dropped():
    assert clean("a\x00b\x1bc\ud800d\ufeffe") == "abcde"


def test_hostile_explainer_gets_an_image():
    for _, data in preview_images([hostile_explainer()], "<b>Site</b>", "\x00"):
        assert png_size(data) == (WIDTH, HEIGHT)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300), st.text(max_size=80))
def test_any_text_never_crashes(painter, title, source):
    card = Card(f"Explainer · {source}", title, source, source)
    assert png_size(painter.png(card)) == (WIDTH, HEIGHT)


def test_a_card_drawn_before_is_taken_from_the_cache(tmp_path: Path, monkeypatch):
    first = preview_images([sample()], "Explainer", None, cache=tmp_path)
    assert len(list(tmp_path.rglob("*.png.z"))) == 2  # the site's card and the article's

    def no_drawing(self, card):
        raise AssertionError(f"drawn again: {card}")

    with monkeypatch.context() as patched:
        patched.setattr(Painter, "png", no_drawing)
        assert preview_images([sample()], "Explainer", None, cache=tmp_path) == first
    changed = sample()
    changed.article.title = "Another title"
    again_pairs = preview_images([changed], "Explainer", None, cache=tmp_path)
    again = dict(again_pairs)
    assert again["articles/a1/preview.png"] == dict(
        preview_images([changed], "Explainer", None))["articles/a1/preview.png"]
    assert len(list(tmp_path.rglob("*.png.z"))) == 2  # the old title's card is gone
    for entry in tmp_path.rglob("*.png.z"):
        entry.write_bytes(entry.read_bytes()[:-5])  # damaged: drawn again, not served
    assert preview_images([changed], "Explainer", None, cache=tmp_path) == again_pairs
