"""Text through the production pipeline, as ``explainer extract`` reads it.

Evaluations, the cue scorer's training and the tests measure what production runs: the model
from :func:`generator.nlp.pipeline.load_model`, form detection, case restoration and the fixed
sentence boundaries of :func:`generator.nlp.pipeline.analyse`. Spans found on the parse are
in restored-text coordinates; :func:`to_input` maps them back into the text as given.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from spacy.language import Language

from generator.ingest.forms import detect
from generator.ingest.reader import Meta, Source
from generator.nlp.pipeline import Document, analyse


def source_of(text: str, name: str = "doc") -> Source:
    """An in-memory article, as the reader would return it for a file ``<name>.txt``."""
    return Source(name, Path(f"{name}.txt"), text, hashlib.sha256(text.encode()).hexdigest(),
                  Meta())


def analysed(nlp: Language, text: str, name: str = "doc") -> Document:
    """``text`` split, restored and parsed exactly as extraction does it."""
    return analyse(nlp, source_of(text, name), detect(text))


def to_input(document: Document, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A parse span (doc characters) as offsets into the input text, or None."""
    return None if span is None else document.alignment.to_source(*span)
