"""From an article file to an explainer: read, restore, parse, find, assemble.

Each step adds one thing to the explainer; the spaCy model is loaded by the
caller once and passed in, so many files share one load.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span

from generator.files import recorded_path
from generator.fingerprint import extractor_fingerprint
from generator.ingest.forms import detect
from generator.ingest.reader import Source
from generator.model import (
    DEFAULT_THRESHOLD,
    Actor,
    Article,
    Claim,
    Explainer,
    InputInfo,
    Thresholds,
)
from generator.nlp import actors, claims, dates, keypoints, timeline
from generator.nlp.headline import headline
from generator.nlp.pipeline import Document, analyse


def extract(nlp: Language, source: Source, *, published: str | None = None,
            form: str = "auto", root: Path | None = None,
            threshold: Thresholds = DEFAULT_THRESHOLD) -> Explainer:
    """The explainer for one article; ``published`` overrides the sidecar's date.

    Actors and claims under ``threshold`` confidence stay in the YAML with ``shown: false``.
    """
    document = analyse(nlp, source, detect(source.text, form))
    return assemble(document, published=published, root=root, threshold=threshold)


def assemble(document: Document, *, published: str | None = None, root: Path | None = None,
             threshold: Thresholds = DEFAULT_THRESHOLD) -> Explainer:
    """The explainer of an analysed article (:func:`extract` after the parse)."""
    source, detected = document.source, document.form
    when = published or source.meta.published
    found_actors = actors.find_actors(document)
    found_claims = claims.find_claims(document, found_actors)
    found_dates = dates.find_dates(document, when)
    date_refs = [date for date, _ in found_dates]
    _mark_shown(found_actors, threshold.actors)
    _mark_shown(found_claims, threshold.claims)
    _hide_repeats(found_claims)
    spans = sentence_spans(document)
    points = keypoints.choose(document.sentences, spans, actors=found_actors,
                              claims=found_claims, dates=date_refs)
    article = Article(
        id=source.id,
        title=source.meta.title or headline(document.sentences, spans) or source.id,
        published=when,
        url=source.meta.url,
        source=source.meta.source,
        input=InputInfo(recorded_path(source.path, root), source.sha256, detected.name,
                        detected.lowercase, extractor_fingerprint(), threshold),
    )
    return Explainer(
        article=article,
        sentences=document.sentences,
        actors=found_actors,
        claims=found_claims,
        dates=date_refs,
        timeline=timeline.build(document, found_dates, found_actors, points),
        key_points=points,
    )


def _mark_shown(items: list[Actor] | list[Claim], threshold: float) -> None:
    """What is on the page: items the extractor is sure enough of (editors may flip it)."""
    for item in items:
        item.shown = item.confidence >= threshold


def _hide_repeats(found: list[Claim]) -> None:
    """A claim the article repeats word for word (a caption or a summary line that restates
    a sentence) is shown once: the page would list the same claim twice."""
    seen: set[tuple[str | None, str]] = set()
    for claim in found:
        key = (claim.speaker, " ".join(claim.content.text.lower().split()))
        if key in seen:
            claim.shown = False
        elif claim.shown:
            seen.add(key)


def sentence_spans(document: Document) -> list[Span]:
    """The parsed sentence behind each of the document's sentences."""
    return [document.doc.char_span(start, start + len(s.text), alignment_mode="expand")
            for start, s in zip(document.starts, document.sentences, strict=True)]
