"""The built site in a real Chromium: navigation, search, timeline, dark mode, phone, offline,
no console errors and no axe-core violations on any page type."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_TYPES = {
    "home": "",
    "overview": "articles/a1/",
    "who": "articles/a1/who/",
    "claims": "articles/a1/claims/",
    "timeline": "articles/a1/timeline/",
    "text": "articles/a1/text/",
    "actor": "actors/officials/",
    "actors": "actors/",
    "about": "about/",
    "archive": "archive/",
    "search": "search/?q=rain",
    "404": "404.html",
}


def test_from_a_claim_to_its_sentence_and_back(site, watched):
    page = watched.page
    page.goto(site + "articles/a1/claims/")
    page.locator("#c1 a.cite").first.click()
    page.wait_for_url("**/articles/a1/text/#s1")
    sentence = page.locator("#s1")
    assert sentence.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "s1"
    sentence.locator("a.item--claim").first.click()
    page.wait_for_url("**/articles/a1/claims/#c1")
    assert page.locator("#c1").is_visible()


def test_search_finds_an_actor(site, watched):
    page = watched.page
    page.goto(site + "articles/a1/claims/")
    page.locator("input.explainer-search__input").fill("Officials")
    page.locator("input.explainer-search__input").press("Enter")
    page.wait_for_url("**/search/?q=Officials")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert "Officials say the rain will stop" in titles, titles
    page.locator(".pagefind-ui__result-link", has_text="Officials say the rain").click()
    page.wait_for_url("**/articles/a2/")
    assert watched.errors == []


def test_the_timeline_shows(site, watched):
    page = watched.page
    page.goto(site + "articles/a1/timeline/")
    event = page.locator(".timeline__event").first
    assert event.is_visible()
    assert "December" in event.inner_text()
    assert page.locator(".timeline__event .badge--approximate").count() >= 1


def test_dark_mode_toggle(site, watched):
    page = watched.page
    page.emulate_media(color_scheme="light")
    page.goto(site)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"  # remembered


def test_phone_sized_viewport(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        for path in ("", "articles/a1/claims/", "articles/a1/text/"):
            page.goto(site + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert page.locator(".explainer-tabs .tab").first.is_visible()
    finally:
        context.close()


def test_every_page_type_is_offline_and_error_free(site, watched):
    page = watched.page
    for name, path in PAGE_TYPES.items():
        response = page.goto(site + path)
        assert response is not None and response.ok, name
        page.wait_for_load_state("networkidle")
    assert watched.outside == []
    assert watched.errors == []


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_accessibility_violations(site, watched, name):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = watched.page
    page.goto(site + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    results = axe.Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
