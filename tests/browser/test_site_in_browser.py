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
    assert event.is_visible() and "2013" in event.inner_text()  # the axis's events first
    relative = page.locator(".timeline--band .timeline__event").first
    assert "December" in relative.inner_text()  # no year: in the band, not on the axis
    assert relative.locator(".badge--approximate").count() == 1


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


def test_phone_claims_and_timeline_fit_without_sideways_scroll(site, browser):
    """390 px: the dispute stacks, the time axis and the bands fit, nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        for path in ("articles/a1/claims/", "articles/a1/timeline/", "articles/a1/who/"):
            page.goto(site + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.goto(site + "articles/a1/claims/")
        sides = page.locator(".dispute__side")
        assert sides.count() == 2
        first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
        assert second["y"] >= first["y"] + first["height"] - 1  # stacked, not squeezed
        page.goto(site + "articles/a1/timeline/")
        mark = page.locator(".time-axis__mark").first.bounding_box()
        assert mark["x"] >= 0 and mark["x"] + mark["width"] <= 390
    finally:
        context.close()


def test_desktop_dispute_side_by_side_numbers_and_diagram(site, watched):
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "articles/a1/claims/")
    sides = page.locator(".dispute__side")
    first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] / 2
    page.locator("#c1 .claim__against a").first.click()
    page.wait_for_url("**/claims/#c2")
    assert page.locator("#c2 .claim__number").inner_text() == "Claim 2"
    assert page.locator(".claim--quote .quote-card").is_visible()
    page.goto(site + "articles/a1/timeline/")
    assert page.locator(".time-axis__mark").count() == 1
    assert not page.locator("details.timex").evaluate("d => d.open")  # TIMEX values folded
    page.goto(site + "articles/a1/who/")
    diagram = page.locator("svg.relations")
    assert diagram.is_visible() and diagram.locator("rect").count() == 2
