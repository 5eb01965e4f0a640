"""Who's who diagram: links only from the YAML, drawn as escaped inline SVG."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from generator.model import Actor, Mention, Relation
from generator.render.diagram import svg
from generator.render.relations import described, links
from generator.render.views import ArticleView
from tests.test_story import explainer


def test_links_from_stated_relations_disputes_and_what_claims_are_about():
    e = explainer(contested=True)
    e.actors.append(Actor("police", "Police", "government", None,
                          [Mention("s3", (22, 28), "police")]))
    e.actors[2] = dataclasses.replace(e.actors[2], description="a Xinjiang official",
                                      relations=[Relation("spokesman for", "officials", "s4")])
    found = {(f.source, f.target, f.kind) for f in links(e)}
    assert ("zakir", "officials", "speaks for") in found
    assert ("officials", "rights", "opposition") in found
    assert ("rights", "police", "about") in found  # "the police" inside claim 2's words
    assert described(e.actors[2]) == "Shohrat Zakir, a Xinjiang official"


def test_no_link_no_diagram():
    e = explainer()
    assert links(e) == [] and svg(e.actors, [], "t") == ""
    assert "How they are linked" not in ArticleView(e).diagram


def test_the_svg_is_well_formed_and_escapes_text():
    e = explainer(contested=True)
    e.actors[0] = dataclasses.replace(e.actors[0], name="<script>x</script> & co")
    drawn = svg(e.actors, links(e), "A <b>title</b>")
    root = ET.fromstring(drawn)  # parses: every text escaped, every tag closed
    assert root.tag.endswith("svg") and root.get("role") == "img"
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn
    names = [t.text for t in root.iter() if t.tag.endswith("text")]
    assert "<script>x</script> & co" in names


def test_boxes_do_not_overlap_and_arrows_point_right():
    e = explainer(contested=True)
    e.actors.append(Actor("police", "Police", "government", None,
                          [Mention("s3", (22, 28), "police")]))
    root = ET.fromstring(svg(e.actors, links(e), "t"))
    rects = [(float(r.get("x")), float(r.get("y"))) for r in root.iter()
             if r.tag.endswith("rect")]
    assert len(rects) == len(set(rects)) == 3
    by_name = {t.text: float(t.get("x")) for t in root.iter() if t.tag.endswith("text")
               and t.get("class") == "relations__name"}
    assert by_name["Rights groups"] < by_name["Police"]  # the claim's speaker left of its topic
