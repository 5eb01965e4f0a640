"""The claims page: a visible number on every card, disputes side by side, quote cards,
evidence only where the article discusses it (in its words), no verdict look."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import markdown

from generator.model import Evidence, TextRef
from generator.render.claims_view import disputes
from generator.render.pages import Renderer
from tests.test_story import explainer

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def claims_html(e) -> str:
    pages = {p.path: p.text for p in Renderer([ROOT / "templates"]).render_site([e])}
    body = pages["articles/a1/claims.md"].split("---", 2)[2]
    return markdown.markdown(body, extensions=EXTENSIONS)


def little_evidence() -> Evidence:
    return Evidence("unsupported", "s2", TextRef((0, 0), "offered little evidence"))


def test_every_card_shows_its_number_and_every_reference_points_at_one():
    out = claims_html(explainer(contested=True))
    shown = set(re.findall(r'<a class="claim__number" href="#(c\d+)">Claim \d+</a>', out))
    assert shown == {"c1", "c2", "c3"}
    for target in re.findall(r'Disputed by: <a href="#(c\d+)"', out):
        assert target in shown


def test_contested_claims_side_by_side_and_not_repeated():
    e = explainer(contested=True)
    (d,) = disputes(e.claims)
    assert [c.id for c in d.side] == ["c1"] and [c.id for c in d.against] == ["c2"]
    out = claims_html(e)
    section = out.split('<section', 1)[1].split('</section>', 1)[0]
    assert 'id="c1"' in section and 'id="c2"' in section
    assert out.count('id="c1"') == 1 and out.count('id="c2"') == 1
    assert 'id="c3"' not in section


def test_no_dispute_block_without_a_pair():
    out = claims_html(explainer())
    assert "<section" not in out and "Claims set against each other" not in out


def test_evidence_only_where_discussed_and_in_the_articles_degree():
    out = claims_html(explainer(little_evidence()))
    assert out.count('class="claim__evidence"') == 1
    assert "“offered little evidence”" in out
    assert "No evidence" not in out and "not discussed" not in out
    assert "✗" not in out and "✓" not in out


def test_direct_quotes_get_a_quote_card():
    e = explainer()
    e.claims[2] = dataclasses.replace(e.claims[2], kind="direct",
                                      content=TextRef((22, 47), "'the crackdown was working,'"))
    out = claims_html(e)
    card = out.split('id="c3"', 1)[1].split("</div>", 1)[0]
    assert 'class="quote-card"' in card
    assert "“the crackdown was working”" in card and "— Shohrat Zakir" in card


def test_no_verdict_colours_in_the_stylesheet():
    css = (ROOT / "docs" / "stylesheets" / "explainer.css").read_text()
    assert "#b3261e" not in css and "#1b6e20" not in css
    assert "✗" not in css and "✓" not in css
