"""Each claim's confidence: a calibrated probability, higher for right claims, and the site
threshold that keeps the unsure ones off the page."""

from __future__ import annotations

import pytest

from generator.evaluation.attribution import Predicted, Scores, score_doc
from generator.evaluation.polnear import load_split
from generator.evaluation.production import source_of
from generator.extract import extract
from generator.model import Thresholds
from generator.nlp.claim_confidence import (
    ConfidenceModel,
    Member,
    calibrate,
    load_confidence,
)
from generator.render.visible import public
from tests.conftest import EVAL

TEXT = ("The senator said that the new bill would pass before the summer. Farmers fear the "
        "drought will last another year. His criticism of the plan grew louder.")


def test_shipped_model_is_calibrated_and_small():
    model = load_confidence()
    assert 0.0 <= model.keep < 0.5
    assert len(model.members) == 5
    for member in model.members:
        assert list(member.xs) == sorted(member.xs) and len(set(member.xs)) == len(member.xs)
        assert list(member.ys) == sorted(member.ys)
        assert member.ys[0] >= 0.0 and member.ys[-1] <= 1.0
        assert 100 < len(member.weights) < 20_000


def test_calibration_is_monotone_and_interpolates():
    xs, ys = (0.2, 0.4, 0.8), (0.1, 0.3, 0.9)
    assert calibrate(0.0, xs, ys) == 0.1 and calibrate(1.0, xs, ys) == 0.9
    assert calibrate(0.6, xs, ys) == pytest.approx(0.6)
    scores = [calibrate(s / 20, xs, ys) for s in range(21)]
    assert scores == sorted(scores)


def test_every_claim_has_a_confidence_in_the_unit_interval(nlp):
    claims = extract(nlp, source_of(TEXT, "t")).claims
    assert claims
    keep = load_confidence().keep
    assert all(keep <= c.confidence <= 1.0 for c in claims)
    said = next(c for c in claims if c.cue and c.cue.text == "said")
    assert said.confidence >= 0.6  # a plain "X said that Y" is usually right


def test_threshold_hides_low_items_but_keeps_them_in_the_yaml(nlp):
    claims = extract(nlp, source_of(TEXT, "t"), threshold=Thresholds(claims=0.0)).claims
    cut = sorted(c.confidence for c in claims)[-1]
    strict = extract(nlp, source_of(TEXT, "t"), threshold=Thresholds(claims=cut))
    assert len(strict.claims) == len(claims)  # all still listed for editors
    assert [c.shown for c in strict.claims] == [c.confidence >= cut for c in strict.claims]
    assert any(not c.shown for c in strict.claims)
    assert {c.id for c in public(strict).claims} == {c.id for c in strict.claims if c.shown}


def test_claims_under_the_floor_are_not_listed(nlp):
    model = load_confidence()
    nobody = ConfidenceModel((Member({}, -30.0, (), ()),), keep=0.5)  # everything near 0
    from generator.nlp.actors import find_actors
    from generator.nlp.claims import find_claims
    from tests.nlp_helpers import parsed
    document = parsed(nlp, TEXT)
    assert find_claims(document, find_actors(document), nobody) == []
    assert find_claims(document, find_actors(document), model)


@pytest.mark.slow
@pytest.mark.skipif(not (EVAL / "polnear" / "dev").is_dir(), reason="evaluation data absent")
def test_confidence_follows_correctness_on_polnear_dev(nlp):
    scores = Scores()
    for n, (text, gold) in enumerate(load_split(EVAL / "polnear" / "dev", 12)):
        claims = extract(nlp, source_of(text, f"d{n}")).claims
        score_doc(text, gold, [Predicted(c.content.span, c.source.span if c.source else None,
                                         c.cue.span if c.cue else None, c.confidence)
                               for c in claims], scores, 0.5)
    right = [c for c, _, ok in scores.calibration if ok]
    wrong = [c for c, _, ok in scores.calibration if not ok]
    assert sum(right) / len(right) > sum(wrong) / len(wrong) + 0.15
    ranked = sorted((c, ok) for c, _, ok in scores.calibration)
    low, high = ranked[:len(ranked) // 2], ranked[len(ranked) // 2:]
    assert sum(ok for _, ok in high) / len(high) > sum(ok for _, ok in low) / len(low)


def test_features_see_where_the_content_stops(nlp):
    from generator.nlp.attribution import find_attributions
    from generator.nlp.claim_confidence import claim_features
    from tests.nlp_helpers import parsed
    doc = parsed(nlp, "Rubio says he opposes gun violence, citing the new plans.").doc
    found = find_attributions(doc)
    first = min(found, key=lambda a: a.content[0])
    feats = claim_features(doc, first, found, False)
    assert "next=," in feats and "prev=VERB" in feats
    assert any(f.startswith("cr=") for f in feats) and any(f.startswith("gap=") for f in feats)


def test_features_see_how_much_the_source_looks_like_a_speaker(nlp):
    from generator.nlp.attribution import find_attributions
    from generator.nlp.claim_confidence import claim_features
    from tests.nlp_helpers import parsed
    doc = parsed(nlp, "The senator said the bill would pass. The report says taxes rose.").doc
    found = sorted(find_attributions(doc), key=lambda a: a.content[0])
    senator, report = (claim_features(doc, a, found, False) for a in found)
    assert "sk=people" in senator and "srel=subj|people" in senator and "sgap=0" in senator
    assert "sk=thing" in report and "sq=0" in report


def test_an_unattributed_quote_names_no_wrong_speaker():
    from generator.evaluation.polnear import source_right, word_spans
    text = "'We will win,' the mayor said. 'We will rebuild.'"
    words = word_spans(text)
    starts = [w[0] for w in words]
    mayor = [[text.index("the mayor"), text.index(" said")]]
    assert source_right(mayor, (text.index("the mayor"), text.index(" said")), (31, 35), words,
                        starts)
    assert not source_right(mayor, (0, 2), (31, 35), words, starts)
    assert not source_right(mayor, None, (31, 35), words, starts)  # a cue and no one named
    assert source_right(mayor, None, None, words, starts)  # unattributed, shown as such
    assert source_right([], None, (31, 35), words, starts)


def test_a_source_glued_to_a_clitic_is_still_the_source():
    from generator.evaluation.polnear import source_right, word_spans
    text = "He\u2019s comparing the orders to a decree, and says the process was flouted."
    words = word_spans(text)
    starts = [w[0] for w in words]
    cue = (text.index("says"), text.index("says") + 4)
    assert source_right([[0, 2]], (0, 2), cue, words, starts)
    assert not source_right([[0, 2]], (text.index("the orders"), text.index(" to a")), cue,
                            words, starts)
