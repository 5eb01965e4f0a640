"""Confidence, ``shown`` and sentence roles: kept in the YAML, off the page when not shown."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator import store
from generator.errors import ExplainerError
from generator.extract import _mark_shown
from generator.model import Actor, Explainer, Mention, Relation, Thresholds
from generator.publish import settings
from generator.render.pages import Renderer
from generator.render.visible import public
from tests.fake_extract import fake_extract
from tests.samples import TEXT, sample

ROOT = Path(__file__).resolve().parents[1]


def with_hidden_actor() -> Explainer:
    """The sample, plus an actor under the threshold that speaks the claim and has a relation."""
    e = sample()
    hidden = Actor("islamic", "Islamic", "group", None, [Mention("s2", (0, 2), "it")],
                   confidence=0.2, shown=False)
    e.actors[0].relations.append(Relation("affiliated with", "islamic", "s1"))
    e.actors.append(hidden)
    e.claims[0].speaker = "islamic"
    e.timeline[0].actors = ["officials", "islamic"]
    return e


def test_fields_round_trip_through_the_yaml(tmp_path: Path):
    e = with_hidden_actor()
    e.sentences[1].role = "caption"
    e.claims[0].confidence, e.claims[0].shown = 0.31, False
    e.actors[0].role = "police"
    path = tmp_path / "a1.yaml"
    store.save(path, e, text=TEXT)
    data = store.load_data(path)
    assert data["sentences"][1]["role"] == "caption" and "role" not in data["sentences"][0]
    assert data["claims"][0]["confidence"] == 0.31 and data["claims"][0]["shown"] is False
    assert data["actors"][0]["role"] == "police"
    again = Explainer.from_dict(data).to_dict()
    assert {k: v for k, v in again.items() if k != "article"} == {
        k: v for k, v in data.items() if k != "article"}


def test_a_missing_shown_means_shown():
    data = sample().to_dict()
    del data["claims"][0]["shown"], data["actors"][0]["shown"]
    e = Explainer.from_dict(data)
    assert e.claims[0].shown and e.actors[0].shown


@pytest.mark.parametrize("bad", [{"shown": "yes"}, {"confidence": 1.5}, {"confidence": -0.1}])
def test_schema_refuses_bad_values(tmp_path: Path, bad: dict):
    data = sample().to_dict()
    data["claims"][0].update(bad)
    path = tmp_path / "a1.yaml"
    path.write_text(store.dumps(data), encoding="utf-8")
    with pytest.raises(ExplainerError, match="claims"):
        store.load_data(path)


def test_unknown_sentence_role_is_refused(tmp_path: Path):
    data = sample().to_dict()
    data["sentences"][0]["role"] = "advert"
    path = tmp_path / "a1.yaml"
    path.write_text(store.dumps(data), encoding="utf-8")
    with pytest.raises(ExplainerError, match="role"):
        store.load_data(path)


def test_items_under_the_threshold_are_not_shown():
    e = with_hidden_actor()
    e.claims[0].confidence = 0.49
    _mark_shown([*e.actors, *e.claims], 0.5)
    assert [a.shown for a in e.actors] == [True, False]
    assert e.claims[0].shown is False
    _mark_shown(e.claims, 0.4)
    assert e.claims[0].shown is True


def test_public_copy_drops_hidden_items_and_references_to_them():
    e = with_hidden_actor()
    shown = public(e)
    assert [a.id for a in shown.actors] == ["officials"]
    assert shown.actors[0].relations == []
    assert shown.claims[0].speaker is None, "a hidden speaker is not named on the page"
    assert shown.timeline[0].actors == ["officials"]
    assert [a.id for a in e.actors] == ["officials", "islamic"], "the original is untouched"
    hidden_claim = dataclasses.replace(e.claims[0], id="c2", shown=False)
    e.claims[0].contested_by = ["c2"]
    e.claims.append(hidden_claim)
    assert [c.id for c in public(e).claims] == ["c1"]
    assert public(e).claims[0].contested_by == []


def test_hidden_items_are_on_no_page():
    e = with_hidden_actor()
    e.claims.append(dataclasses.replace(e.claims[0], id="c2", speaker="officials",
                                        shown=False))
    pages = Renderer([ROOT / "templates"]).render_site([e])
    text = "\n".join(p.text for p in pages)
    assert "Islamic" not in text
    assert "#c2" not in text and 'id="c2"' not in text
    assert 'id="c1"' in text


def test_claims_on_the_page_are_numbered_without_the_gaps_of_hidden_ones():
    e = with_hidden_actor()
    e.claims[0].shown = False
    e.claims.append(dataclasses.replace(e.claims[0], id="c2", speaker="officials", shown=True))
    pages = Renderer([ROOT / "templates"]).render_site([e])
    claims = next(p.text for p in pages if p.path.endswith("/claims.md"))
    assert 'href="#c2">Claim 1<' in claims, "the first claim shown is claim 1"
    assert "Claim 2" not in claims and "claim 2" not in claims


def test_caption_is_marked_on_the_source_text_page():
    e = sample()
    e.sentences[1].role = "caption"
    page = next(p for p in Renderer([ROOT / "templates"]).render_site([e])
                if p.path.endswith("/text.md"))
    assert "sentence--caption" in page.text and "Photo caption" in page.text


def test_threshold_comes_from_mkdocs_yml(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    plugin = "site_name: x\nplugins:\n  - explainer:\n      threshold: {}\n"
    config.write_text(plugin.format("0.7"))
    assert settings.load(config).threshold == Thresholds(0.7, 0.7)
    config.write_text(plugin.format("{claims: 0.9}"))
    assert settings.load(config).threshold == Thresholds(actors=0.5, claims=0.9)
    config.write_text(plugin.format("high"))
    with pytest.raises(ExplainerError, match="threshold: must be a number from 0 to 1"):
        settings.load(config)


def test_an_editors_shown_and_role_survive_re_extraction(tmp_path: Path):
    old = "officials said it rained\nit rained in december\n"
    new = "the storm came at night\n" + old
    path = tmp_path / "a1.yaml"
    store.save(path, fake_extract(old), text=old)
    data = store.load_data(path)
    data["claims"][0]["shown"] = False
    data["sentences"][1]["role"] = "caption"
    path.write_text(store.dumps(data), encoding="utf-8")
    store.save(path, fake_extract(new), text=new)
    after = store.load_data(path)
    assert after["claims"][0]["shown"] is False
    assert after["sentences"][2]["role"] == "caption"
    assert "role" not in after["sentences"][1]
