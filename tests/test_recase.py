"""Tests for the learned case corrector: its limits, its decisions, how it is trained."""

from __future__ import annotations

import spacy

from generator.text import restore
from generator.text.recase import CaseCorrector, load_corrector
from generator.text.restore import restore_document
from generator.text.truecase import load_model
from tools.train_case_corrector import Counts, raised, seed_lines


def _correct(corrector: CaseCorrector, words: list[str], cased: list[str]) -> list[str]:
    shown = [list(cased)]
    corrector.correct(load_model(), [words], shown, [{0}])
    return shown[0]


def test_a_sure_model_raises_words_but_not_descriptors_or_hand_listed_words() -> None:
    always = CaseCorrector({}, bias=10.0, threshold=0.5)
    words = ["he", "met", "sunderland", "striker", "jermain", "defoe", "in", "may"]
    cased = ["He", "met", "Sunderland", "striker", "Jermain", "Defoe", "in", "may"]
    shown = _correct(always, words, cased)
    assert shown[3] == "striker"  # a person descriptor stays lower-case
    assert shown[1] == "Met"  # an ordinary word is the model's to decide
    assert shown[7] == "may"  # hand-listed ("may" has context rules): the rules decide
    assert shown[0] == "He"  # a sentence start is left alone


def test_a_sure_model_leaves_words_alone_that_stand_by_no_name() -> None:
    always = CaseCorrector({}, bias=10.0, threshold=0.5, verbs=frozenset({"wed"}))
    cased = "She drank tea with Rembrandt van Rijn and Barrientos wed Koridze"
    words, cased = cased.lower().split(), cased.split()
    shown = _correct(always, words, cased)
    assert shown[2] == "tea"  # no capitalised word beside it
    assert shown[5] == "van"  # a name particle: the rules decide
    assert shown[9] == "wed"  # a finite verb that is no given name
    assert shown[3] == "With"  # beside a name, the model decides


def test_the_model_never_lowers_a_capital_the_rules_gave() -> None:
    never = CaseCorrector({}, bias=-10.0, threshold=0.5)
    words = ["the", "fund", "paid", "ms", "moon"]
    cased = ["The", "Fund", "paid", "Ms", "Moon"]
    assert _correct(never, words, cased) == cased


def test_the_shipped_weights_load_with_a_threshold_between_zero_and_one() -> None:
    corrector = load_corrector()
    assert len(corrector.weights) > 1_000
    assert 0 < corrector.threshold < 1


def test_the_shipped_model_completes_a_name_the_rules_left_half_done(monkeypatch) -> None:
    text = "he was replaced by nacer chadli before the break"

    def shown() -> str:
        return restore_document(text, [(0, len(text))], tokenized=True, lowercase=True)[0].text

    assert "Nacer Chadli" in shown()
    monkeypatch.setattr(restore, "load_corrector", lambda: CaseCorrector({}, 0.0, 2.0))
    assert "nacer Chadli" in shown()  # the rules alone


def test_training_text_is_written_like_the_seed() -> None:
    tokenizer = spacy.blank("en").tokenizer
    text = ("The Ninth Circle Of The Hellish Beltway\n\n"
            "The Hubble Space Telescope\u2019s picture was \u201cbeautiful\u201d. It left.")
    lines = seed_lines(text, tokenizer)
    assert lines == [["The", "Hubble", "Space", "Telescope", "'s", "picture", "was", '"',
                      "beautiful", '"'], ["It", "left"]]  # headline left out, final stop dropped


def test_training_counts_score_the_capitals_the_model_adds() -> None:
    import numpy as np

    counts = Counts(true_pos=8, false_pos=1, false_neg=2)
    assert counts.scores()[:2] == (8 / 9, 0.8)
    p = np.array([0.9, 0.9, 0.2])
    labels = np.array([True, False, True])
    assert raised(p, labels, 0.5) == (1, 1)
    assert counts.scores(*raised(p, labels, 0.5))[:2] == (9 / 11, 0.9)
