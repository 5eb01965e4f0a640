"""Preview images for sharing (``og:image``), drawn at build time: one per article, one for
the site.

Drawn with Pillow and the bundled DejaVu Sans Bold (``fonts/``, Bitstream Vera licence),
with Pillow's basic text layout: the result depends on nothing installed on the machine
(the complex layout needs a system FriBiDi), so the same input gives the same PNG bytes.
Article text is data: it is drawn as the characters it is, whitespace collapsed and
control characters dropped. A title the font or the basic layout cannot draw faithfully
(right-to-left scripts, letters the font lacks) is left off the image rather than drawn
wrong; symbols the font lacks (emoji) are dropped. Long titles are wrapped and, past
four lines, cut with an ellipsis.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import astuple, dataclass
from importlib import resources
from pathlib import Path

import PIL
from PIL import Image, ImageColor, ImageDraw, ImageFont

from generator.blob_cache import BlobCache, key_of
from generator.model import Explainer
from generator.parallel.forks import fork_map
from generator.render.views import ArticleView, count_label
from generator.render.visible import public

WIDTH, HEIGHT = 1200, 630  # the size sharing sites expect (1.91:1)
PREVIEW = "preview.png"
FONT_FILE = "DejaVuSans-Bold.ttf"
TITLE_SIZES = (64, 56, 48)  # largest first; the first that fits in MAX_LINES wins
MAX_LINES = 4
SMALL = 28
LEFT, RIGHT, TOP, BOTTOM = 96, 80, 72, 64
BACKGROUND, ACCENT, INK, MUTED = "#ffffff", "#4051b5", "#1b1b1f", "#55585f"
ELLIPSIS = "…"
RTL = {"R", "AL", "AN"}  # bidirectional classes the basic layout would draw backwards
DROPPED = {"Cc", "Cf", "Cs", "Co", "Cn"}  # controls, format marks, surrogates, unassigned
NOT_A_GLYPH = "\U0010fffd"  # a private-use code point no font here maps: the font's .notdef
SHADES = 16  # antialiasing steps from the background to each ink, in the PNG's palette


@dataclass(frozen=True)
class Card:
    """What one preview image says."""

    kicker: str  # "Explainer · source · date"
    title: str
    footer: str  # counts, or what the site is
    site: str


class Painter:
    """Draws cards with the bundled font; one per build (it caches glyph checks)."""

    def __init__(self) -> None:
        font = resources.files("generator.publish").joinpath("fonts", FONT_FILE)
        self.font_bytes = font.read_bytes()
        self.fonts: dict[int, ImageFont.FreeTypeFont] = {}
        self.has: dict[str, bool] = {}
        self.palette = _palette()
        self.version = key_of(Path(__file__).read_bytes(), self.font_bytes,
                              PIL.__version__)  # what else the pixels depend on

    def font(self, size: int) -> ImageFont.FreeTypeFont:
        if size not in self.fonts:
            self.fonts[size] = ImageFont.truetype(io.BytesIO(self.font_bytes), size,
                                                  layout_engine=ImageFont.Layout.BASIC)
        return self.fonts[size]

    def png(self, card: Card) -> bytes:
        """The card as PNG bytes: the same card always gives the same bytes."""
        image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, 23, HEIGHT), fill=ACCENT)
        width = WIDTH - LEFT - RIGHT
        small = self.font(SMALL)
        draw.text((LEFT, TOP), self.one_line(card.kicker, small, width), font=small, fill=ACCENT)
        title = self.drawable(card.title)
        if title:
            size, lines = self.fit(title, width)
            big = self.font(size)
            y = TOP + 2 * SMALL
            for line in lines:
                draw.text((LEFT, y), line, font=big, fill=INK)
                y += round(size * 1.22)
        site = self.one_line(card.site, small, width // 3)
        site_width = round(small.getlength(site))
        footer = self.one_line(card.footer, small, width - site_width - SMALL)
        y = HEIGHT - BOTTOM - SMALL
        draw.text((LEFT, y), footer, font=small, fill=MUTED)
        draw.text((WIDTH - RIGHT - site_width, y), site, font=small, fill=MUTED)
        # A fixed palette (no dithering): a fifth of the bytes of RGB, and ten times faster
        # to compress, which matters for a site of many articles.
        out = io.BytesIO()
        image.quantize(palette=self.palette, dither=Image.Dither.NONE).save(out, "PNG")
        return out.getvalue()

    def fit(self, title: str, width: int) -> tuple[int, list[str]]:
        """The largest title size whose wrapped lines fit; the smallest, cut, otherwise."""
        for size in TITLE_SIZES:
            lines = wrap(title, self.font(size), width)
            if len(lines) <= MAX_LINES:
                return size, lines
        size = TITLE_SIZES[-1]
        lines = wrap(title, self.font(size), width)
        last = ellipsise(lines[MAX_LINES - 1] + " " + lines[MAX_LINES], self.font(size), width)
        return size, [*lines[: MAX_LINES - 1], last]

    def one_line(self, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
        """Text for a one-line slot: what can be drawn of it, cut to the width."""
        drawable = self.drawable(text) or ""
        return drawable if font.getlength(drawable) <= width else ellipsise(drawable, font,
                                                                            width)

    def drawable(self, text: str) -> str | None:
        """``text`` as it can be drawn faithfully, or None when it cannot be."""
        text = clean(text)
        if any(unicodedata.bidirectional(ch) in RTL for ch in text):
            return None
        missing = {ch for ch in set(text) if not self.has_glyph(ch)}
        if any(unicodedata.category(ch)[0] in "LMN" for ch in missing):
            return None
        return " ".join("".join(ch for ch in text if ch not in missing).split())

    def has_glyph(self, ch: str) -> bool:
        """Whether the font draws ``ch`` as itself, not as its missing-glyph box."""
        if ch.isspace():
            return True
        if ch not in self.has:
            self.has[ch] = self._shape(ch) != self._shape(NOT_A_GLYPH)
        return self.has[ch]

    def _shape(self, ch: str) -> tuple[tuple[int, int], bytes]:
        font = self.font(SMALL)
        left, top, right, bottom = font.getbbox(ch)
        image = Image.new("L", (max(right - left, 1), max(bottom - top, 1)))
        ImageDraw.Draw(image).text((-left, -top), ch, font=font, fill=255)
        return image.size, image.tobytes()


def _palette() -> Image.Image:
    """Shades from the background to each ink colour, as a palette image for quantizing."""
    background = ImageColor.getrgb(BACKGROUND)
    colours = []
    for ink in (ImageColor.getrgb(c) for c in (ACCENT, INK, MUTED)):
        for step in range(SHADES):
            colours.extend(round(b + (i - b) * step / (SHADES - 1))
                           for b, i in zip(background, ink, strict=True))
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours)
    return palette


def clean(text: str) -> str:
    """One line of text: composed, whitespace collapsed, control and format marks dropped."""
    text = unicodedata.normalize("NFC", str(text))
    kept = "".join(" " if ch.isspace() else ch for ch in text
                   if ch.isspace() or unicodedata.category(ch) not in DROPPED)
    return " ".join(kept.split())


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than a line (a URL, text with no spaces) is broken."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:
            cut = _longest_prefix(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def ellipsise(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``text`` cut (at a space where one is near) so that it and an ellipsis fit."""
    if font.getlength(text) <= width and not text.endswith(ELLIPSIS):
        return text
    cut = _longest_prefix(text, font, width - font.getlength(ELLIPSIS))
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 2 // 3:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + ELLIPSIS


def _longest_prefix(text: str, font: ImageFont.FreeTypeFont, width: float) -> int:
    """Length of the longest prefix of ``text`` that fits ``width`` (at least one character)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def article_card(explainer: Explainer, site_name: str) -> Card:
    """The card of one article: its title, source and date, and what the explainer holds."""
    view = ArticleView(public(explainer))
    article = view.article
    kicker = " · ".join(part for part in ("Explainer", article.source, article.published)
                        if part)
    counts = view.counts
    footer = " · ".join([count_label(counts["actors"], "actor"),
                         count_label(counts["claims"], "claim"),
                         count_label(counts["dates"], "date")])
    return Card(kicker, article.title, footer, site_name)


def site_card(site_name: str, description: str | None, articles: int) -> Card:
    """The card of the site's own pages (home, about, methods)."""
    return Card(site_name, description or site_name, count_label(articles, "explainer"), "")


def preview_images(explainers: list[Explainer], site_name: str, description: str | None,
                   workers: int = 1, cache: Path | None = None) -> list[tuple[str, bytes]]:
    """(path under the site, PNG bytes) for the site and for each article, drawn in
    ``workers`` processes; with a ``cache`` folder, a card drawn by an earlier build (same
    words, same drawing code, font and Pillow) is taken from it."""
    painter = Painter()
    kept = BlobCache(cache, ".png.z", 0) if cache is not None else None  # PNG: just checked
    site = _drawn(site_card(site_name, description, len(explainers)), painter, kept)
    cards = fork_map(lambda explainer: _drawn(article_card(explainer, site_name), painter, kept),
                     explainers, workers)
    if kept is not None:
        kept.used.update(key for key, _ in [site, *cards])
        kept.prune()
    return [(PREVIEW, site[1])] + [
        (f"articles/{explainer.article.id}/{PREVIEW}", png)
        for explainer, (_, png) in zip(explainers, cards, strict=True)]


def _drawn(card: Card, painter: Painter, kept: BlobCache | None) -> tuple[str, bytes]:
    """The card's cache key and PNG, drawn unless kept."""
    key = key_of(painter.version, *astuple(card))
    png = kept.get(key) if kept is not None else None
    if png is None:
        png = painter.png(card)
        if kept is not None:
            kept.put(key, png)
    return key, png
