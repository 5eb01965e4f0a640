"""In a real Chromium, no script injected through article text runs on any page.

The site is built from the hostile corpus (every free-text field of an explainer
holds an HTML, Markdown, attribute-list or Jinja payload, and every script payload
sets ``window.__xss``), served from 127.0.0.1, and every page is opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.serve import build, make_project, serve
from tests.hostile import MARK, hostile_explainer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    project = make_project(tmp_path_factory.mktemp("hostile-site"), [hostile_explainer()])
    site = build(project)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if "404" not in p.name)
    with serve(site) as base:
        yield base, pages


def test_no_injected_script_runs_on_any_page(hostile_site, watched):
    base, pages = hostile_site
    assert any("articles/hostile" in p for p in pages)
    dialogs: list[str] = []
    watched.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages:
        watched.page.goto(base + path, wait_until="load")
        watched.page.wait_for_timeout(50)  # let onerror/onload handlers fire, if any
        assert watched.page.evaluate("typeof window.__xss") == "undefined", path
        live = watched.page.evaluate(
            """mark => [...document.querySelectorAll('*')].flatMap(el =>
                [...el.attributes].filter(a => a.value.includes(mark) &&
                  (a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)))
                .map(a => el.tagName + ' ' + a.name))""", MARK)
        assert live == [], (path, live)
        scripts = watched.page.evaluate(
            """mark => [...document.scripts].filter(s => !(s.type || '').includes('json')
                && s.textContent.includes(mark)).length""", MARK)
        assert scripts == 0, path
    assert dialogs == []
    assert watched.outside == []


def test_links_from_the_article_are_never_javascript(hostile_site, watched):
    base, pages = hostile_site
    for path in [p for p in pages if "articles/hostile" in p]:
        watched.page.goto(base + path, wait_until="load")
        hrefs = watched.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert not [h for h in hrefs if h.lower().startswith("javascript:") and MARK in h], path


def test_title_cannot_break_out_of_the_head(tmp_path: Path, watched):
    explainer = hostile_explainer("breakout")
    explainer.article.title = "</title><script>window.__xss=13</script>"
    site = build(make_project(tmp_path, [explainer]))
    with serve(site) as base:
        watched.page.goto(base + "articles/breakout/", wait_until="load")
        assert watched.page.evaluate("typeof window.__xss") == "undefined"


def test_sharing_meta_holds_the_title_as_text(tmp_path: Path, watched):
    explainer = hostile_explainer("sharing")
    title = '"><meta property="og:title" content="x"><script>window.__xss=14</script>'
    explainer.article.title = title
    site = build(make_project(tmp_path, [explainer]))
    with serve(site) as base:
        for path in ("articles/sharing/", "articles/sharing/claims/"):
            watched.page.goto(base + path, wait_until="load")
            assert watched.page.evaluate("typeof window.__xss") == "undefined"
            shown = watched.page.title().removesuffix(" - Explainer")
            for key in ('property="og:title"', 'name="twitter:title"',
                        'property="og:image:alt"', 'property="og:description"'):
                found = watched.page.locator(f"meta[{key}]")
                assert found.count() == 1, (path, key)
                assert shown in found.get_attribute("content"), (path, key)
            described = watched.page.locator('meta[property="og:description"]')
            assert title in described.get_attribute("content"), path
