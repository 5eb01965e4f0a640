"""Run the extraction on a small inline article, for tests of the NLP components."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.extract import extract
from generator.ingest.reader import Meta, Source
from generator.model import Explainer


def explain(nlp, text: str, published: str | None = None) -> Explainer:
    source = Source("t", Path("t.txt"), text, hashlib.sha256(text.encode()).hexdigest(), Meta())
    return extract(nlp, source, published=published)


def actor_named(explainer: Explainer, name: str):
    found = [a for a in explainer.actors if a.name.lower() == name.lower()]
    assert len(found) == 1, [a.name for a in explainer.actors]
    return found[0]
