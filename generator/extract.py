"""From an article file to an explainer: read, restore, parse, find, assemble.

Each step adds one thing to the explainer; the spaCy model is loaded by the
caller once and passed in, so many files share one load.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language

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
    Sentence,
    Thresholds,
)
from generator.nlp import actors, claims, dates, keypoints, timeline
from generator.nlp.pipeline import analyse

MAX_TITLE = 90
TITLE_TRIES = 5  # sentences tried for a title before the id is used
_WORD = re.compile(r"[^\W\d_]{2,}")
# "WASHINGTON —", "LONDON (Reuters) -", "(CNN) --": where the story was filed, not what it says.
_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z .,']{1,40}\s*)?(?:\([A-Za-z .]+\)\s*)?[-–—]+\s+"
                       r"|^\([A-Za-z .]+\)\s*(?:[-–—]+\s*)?")


def extract(nlp: Language, source: Source, *, published: str | None = None,
            form: str = "auto", root: Path | None = None,
            threshold: Thresholds = DEFAULT_THRESHOLD) -> Explainer:
    """The explainer for one article; ``published`` overrides the sidecar's date.

    Actors and claims under ``threshold`` confidence stay in the YAML with ``shown: false``.
    """
    detected = detect(source.text, form)
    document = analyse(nlp, source, detected)
    when = published or source.meta.published
    found_actors = actors.find_actors(document)
    found_claims = claims.find_claims(document, found_actors)
    found_dates = dates.find_dates(document, when)
    date_refs = [date for date, _ in found_dates]
    points = keypoints.choose(document.sentences)
    _mark_shown(found_actors, threshold.actors)
    _mark_shown(found_claims, threshold.claims)
    article = Article(
        id=source.id,
        title=source.meta.title or headline(document.sentences, source.id),
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


def headline(sentences: list[Sentence], fallback: str) -> str:
    """A title is never empty: the lead's, else the next sentence's, else ``fallback``."""
    for sentence in sentences[:TITLE_TRIES]:
        title = _title(sentence.text)
        if len(_WORD.findall(title)) >= 2:
            return title
    return fallback


def _title(first_sentence: str) -> str:
    """A headline from the lead sentence: no dateline, its first clause when that says enough."""
    text = _DATELINE.sub("", first_sentence).strip()
    clause = re.split(r"\s+[-–—]+\s+|;\s", text, maxsplit=1)[0].strip(" ,.")
    if len(clause.split()) < 5:
        clause = text.strip(" ,.")
    if len(clause) <= MAX_TITLE:
        return clause[:1].upper() + clause[1:]
    cut = clause[: MAX_TITLE - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut[:1].upper() + cut[1:] + "…"
