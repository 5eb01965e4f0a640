"""The site's shell in a real Chromium: sharing meta and preview images, the 404 page, the
print stylesheet, and a search index fetched only by the search page."""

from __future__ import annotations

import io
from urllib.parse import urljoin

import pytest
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHARED = ["", "articles/a1/", "articles/a1/claims/", "articles/a1/text/", "actors/", "about/"]


def content_of(page, selector: str) -> str | None:
    element = page.locator(selector)
    return element.get_attribute("content") if element.count() == 1 else None


@pytest.mark.parametrize("path", SHARED)
def test_sharing_meta_and_a_preview_image_of_the_declared_size(site, watched, path):
    page = watched.page
    page.goto(site + path)
    title = page.title().removesuffix(" - Explainer")
    assert content_of(page, 'meta[property="og:title"]') == title
    assert content_of(page, 'meta[name="twitter:title"]') == title
    description = content_of(page, 'meta[name="description"]')
    assert description and content_of(page, 'meta[property="og:description"]') == description
    assert content_of(page, 'meta[name="twitter:card"]') == "summary_large_image"
    assert content_of(page, 'meta[property="og:type"]') == (
        "article" if path.startswith("articles/") else "website")
    image = content_of(page, 'meta[property="og:image"]')
    assert image == content_of(page, 'meta[name="twitter:image"]')
    assert content_of(page, 'meta[property="og:image:alt"]')
    expected = "articles/a1/preview.png" if path.startswith("articles/") else "preview.png"
    url = urljoin(page.url, image)
    assert url == site + expected
    response = page.request.get(url)
    assert response.ok and response.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(response.body())) as png:
        assert png.format == "PNG"
        declared = (int(content_of(page, 'meta[property="og:image:width"]')),
                    int(content_of(page, 'meta[property="og:image:height"]')))
        assert png.size == declared


def test_a_missing_page_gets_the_404_page_with_a_way_home(site, watched):
    page = watched.page
    response = page.goto(site + "articles/no-such-article/claims/")
    assert response is not None and response.status == 404
    assert page.locator("h1").first.inner_text() == "Page not found"
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(site)
    assert page.locator("h1").first.inner_text() == "Explainers"
    assert [e for e in watched.errors if "status of 404" not in e] == []


def test_print_hides_navigation_and_keeps_the_content(site, watched):
    page = watched.page
    page.emulate_media(media="print")
    page.goto(site + "articles/a1/claims/")
    for hidden in (".md-header", ".explainer-search", ".md-sidebar--primary", ".md-footer",
                   ".explainer-tabs", ".md-top"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".claim").first.is_visible()
    assert page.locator("footer.provenance").is_visible()
    page.goto(site + "articles/a1/timeline/")
    assert page.locator(".timeline__event").first.is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".explainer-tabs").is_visible()


def test_print_shows_the_address_of_links_out(site, watched):
    page = watched.page
    page.emulate_media(media="print")
    page.goto(site + "articles/a1/")
    after = page.evaluate("""() => [...document.querySelectorAll('.dateline a[href^="http"]')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert after == ['" (https://example.org/news/rain)"'], after
    in_footer = page.evaluate("""() => [...document.querySelectorAll('.provenance a')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert in_footer == ["none"]  # the footer prints the address itself


def test_only_the_search_page_loads_the_search_index(site, watched):
    page = watched.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site + "articles/a1/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "/pagefind/" in u or "search_index" in u]
    page.goto(site + "search/?q=rain")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    fetched = [u for u in requested if "/pagefind/" in u]
    assert any(u.endswith(".pf_index") for u in fetched), fetched
    assert not [u for u in requested if "search_index" in u]
