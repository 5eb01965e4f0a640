"""Run the production pipeline on a small inline article, for tests of the NLP components.

Everything goes through ``load_model()`` + ``analyse()`` (the session's ``nlp`` fixture) and
spans come back as offsets into the text as given, as ``explainer extract`` would see them.
"""

from __future__ import annotations

from generator.evaluation.polnear import input_attributions
from generator.evaluation.production import analysed, source_of
from generator.extract import extract
from generator.model import Explainer
from generator.nlp.attribution import Attribution, CueScorer
from generator.nlp.pipeline import Document


def explain(nlp, text: str, published: str | None = None) -> Explainer:
    return extract(nlp, source_of(text, "t"), published=published)


def parsed(nlp, text: str) -> Document:
    """``text`` split, restored and parsed as extraction does it."""
    return analysed(nlp, text, "t")


def attributions(nlp, text: str, scorer: CueScorer | None = None) -> list[Attribution]:
    """The attributions of ``text``, spans as offsets into ``text``."""
    return input_attributions(parsed(nlp, text), scorer)


def actor_named(explainer: Explainer, name: str):
    found = [a for a in explainer.actors if a.name.lower() == name.lower()]
    assert len(found) == 1, [a.name for a in explainer.actors]
    return found[0]
