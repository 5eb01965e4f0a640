"""Rendering: every page type, article text escaped, undefined names are errors."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import markdown
import pytest

from generator.errors import TemplateProblem
from generator.model import Actor, DateRef, Mention
from generator.render.pages import Renderer
from generator.render.views import ArticleView, is_approximate
from tests.samples import sample

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
ARTICLE_PAGES = ("index.md", "who.md", "claims.md", "timeline.md", "text.md")
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def render(explainer=None, dirs=None, more=()):
    renderer = Renderer(dirs or [ROOT / "templates"])
    return {p.path: p.text for p in renderer.render_site([explainer or sample(), *more])}


def html(content: str) -> str:
    body = content.split("---", 2)[2] if content.startswith("---") else content
    return markdown.markdown(body, extensions=EXTENSIONS)


def second_article():
    """Another article naming the same officials, so they get a page of their own."""
    other = copy.deepcopy(sample())
    other.article.id = "a2"
    other.article.title = "Another title"
    return other


def test_every_page_type_is_rendered():
    pages = render()
    assert set(pages) == {"index.md", "archive/index.md", "actors/index.md", "search.md",
                          "articles/a1/timeline.json"} | {
        f"articles/a1/{name}" for name in ARTICLE_PAGES}
    for path, content in pages.items():
        if path.endswith(".md"):
            assert content.startswith("---\ndescription: "), path


def test_links_point_to_sentences_and_back():
    pages = render()
    assert 'href="../text/#s1"' in pages["articles/a1/claims.md"]  # HTML blocks: site URLs
    text = pages["articles/a1/text.md"]
    assert 'id="s2"' in text
    assert all(f'href="../{target}"' in text
               for target in ("timeline/#t1", "claims/#c1", "who/#officials"))


def test_sentences_highlight_what_was_found():
    out = html(render()["articles/a1/text.md"])
    assert '<mark class="hl hl--actor">Officials</mark> <mark class="hl hl--cue">said</mark>' in out
    assert '<mark class="hl hl--date">December</mark>' in out
    assert "it rained" in out  # the words around the marks keep their spaces


def test_claims_carry_schema_org_claim_json_ld():
    page = render()["articles/a1/claims.md"]
    (block,) = LD_JSON.findall(page)
    (claim,) = json.loads(block)
    assert claim["@type"] == "Claim" and claim["text"] == "it rained"
    assert claim["author"] == {"@type": "Organization", "name": "Officials"}
    assert claim["appearance"]["headline"] == "A title"
    assert "ClaimReview" not in page and "reviewRating" not in page


def test_timeline_marks_approximate_dates_and_exports_timelinejs():
    explainer = sample()
    explainer.dates.append(DateRef("t2", "s2", (38, 46), "2013", "DATE", "2013", None, "2013"))
    explainer.timeline[0].date = "t2"
    pages = render(explainer)
    data = json.loads(pages["articles/a1/timeline.json"])
    assert data["events"][0]["start_date"] == {"year": "2013"}
    assert "badge--approximate" not in pages["articles/a1/timeline.md"]
    assert is_approximate(sample().dates[0])  # "December", year not stated
    vague = render()
    assert json.loads(vague["articles/a1/timeline.json"])["events"] == []
    assert "badge--approximate" in vague["articles/a1/timeline.md"]


def test_overview_says_what_the_story_is_about():
    out = html(render()["articles/a1/index.md"])
    assert "What the story is about" in out and "The story involves Officials." in out
    assert "It reports 1 claim from 1 named source." in out
    assert 'href="text/#s1"' in out  # each key point cites its sentence


def test_actor_in_several_articles_gets_a_page():
    pages = render(more=[second_article()])
    assert "actors/officials.md" in pages and "actors/index.md" in pages
    actor = pages["actors/officials.md"]
    assert all(f'href="../../articles/{a}/who/#officials"' in actor for a in ("a1", "a2"))
    assert 'href="../../../actors/officials/"' in pages["articles/a2/who.md"]
    assert "(actors/index.md)" in pages["index.md"]
    assert "actors/officials.md" not in render()  # one article: no actor page


def test_actors_match_by_name_and_kind():
    other = second_article()
    other.actors = [Actor("officials", "Officials", "person", None,
                          [Mention("s1", (0, 9), "officials")])]
    assert [p for p in render(more=[other]) if p.startswith("actors/")] == ["actors/index.md"]


def test_agents_are_ordered_by_how_often_they_are_mentioned():
    explainer = sample()
    explainer.actors.insert(0, Actor("rain", "Rain", "other", None,
                                     [Mention("s2", (28, 34), "rained")]))
    explainer.actors[1].mentions.append(Mention("s2", (25, 27), "it"))
    assert [a.id for a in ArticleView(explainer).agents] == ["officials", "rain"]


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "# not a heading | not | a table",
    "`code` <!-- comment --> {{ 7*7 }} {% raw %}",
    "{: onclick=\"alert(1)\" }",
    "</script><script>alert(1)</script>",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_article_text_is_data_not_markup(evil: str):
    explainer = sample()
    explainer.sentences[0].text = evil
    explainer.claims[0].content.text = evil
    explainer.actors[0].name = evil
    explainer.actors[0].role = evil
    explainer.actors[0].mentions[0].text = evil
    explainer.article.title = evil
    for path, content in render(explainer, more=[second_article()]).items():
        if path.endswith(".json"):
            assert json.loads(content)
            continue
        for block in LD_JSON.findall(content):
            assert "<" not in block and json.loads(block)
        out = html(LD_JSON.sub("", content))
        assert "<script" not in out, path
        assert "<img" not in out, path
        assert 'href="javascript' not in out, path
        assert "onclick" not in out or "onclick=&quot;" in out, path
        assert "49" not in out, path


def test_an_actors_role_is_its_badge_beside_the_kind():
    explainer = sample()
    explainer.actors[0].role = "police"
    who = render(explainer)["articles/a1/who.md"]
    assert '<span class="badge badge--role">police</span>' in who


@pytest.mark.parametrize("name, text, problem", [
    ("home.md.j2", "# Home\n{{ no_such_thing }}", "'no_such_thing' is undefined"),
    ("home.md.j2", "# Home\n{% if %}", "Expected an expression"),
    ("article/claim.html.j2", "<p>\n{{ url('timeline.json') }}</p>", "a .md path"),
])
def test_a_template_problem_names_the_template_and_its_line(tmp_path: Path, name: str,
                                                            text: str, problem: str):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    with pytest.raises(TemplateProblem, match=problem) as caught:
        render(dirs=[tmp_path, ROOT / "templates"])
    assert str(caught.value).startswith(f"{tmp_path / name}:2: cannot render the page: ")
    assert "\n" not in str(caught.value)


def test_user_templates_override_one_at_a_time(tmp_path: Path):
    (tmp_path / "home.md.j2").write_text("# My own home page\n")
    pages = render(dirs=[tmp_path, ROOT / "templates"])
    assert pages["index.md"] == "# My own home page\n"
    assert "Who's who" in pages["articles/a1/who.md"]


def test_overview_date_range_uses_calendar_dates_in_words():
    explainer = sample()
    explainer.dates.append(DateRef("t2", "s2", (38, 46), "december", "DURATION", "P1Y", None,
                                   "for one year"))
    explainer.dates.append(DateRef("t3", "s2", (38, 46), "december", "DATE", "2013", None,
                                   "2013"))
    overview = render(explainer)["articles/a1/index.md"]
    assert "P1Y" not in overview
    assert "The calendar dates it gives: 2013" in overview
