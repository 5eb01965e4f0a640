"""One article's extraction as plain data: a :class:`Job` in, an :class:`Outcome` out.

The same function runs in this process and on a Dask worker, so the bytes written do
not depend on where it ran. Nothing here touches the project's files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator import store
from generator.errors import ExplainerError
from generator.fingerprint import extractor_fingerprint
from generator.ingest.reader import Meta, Source
from generator.model import DEFAULT_THRESHOLD, Thresholds

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Job:
    """What a worker needs to extract one article (the client has read the input)."""

    id: str
    label: str  # how messages name the input: its path, or ``file.jsonl:12``
    input_path: str  # recorded in the YAML (``article.input.path``)
    text: str
    sha256: str
    meta: Meta
    highlights: tuple[str, ...] = ()
    published: str | None = None  # ``--published``: overrides the sidecar's date
    form: str = "auto"
    threshold: Thresholds = DEFAULT_THRESHOLD
    keep_text: bool = False  # JSON Lines: the text is kept beside the YAML

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Outcome:
    """A job's result: the prepared YAML, or the one-line reason it failed."""

    id: str
    prepared: store.Prepared | None
    error: str | None = None
    extractor: str = ""  # the fingerprint of the code that ran it
    seconds: float = 0.0


def run_job(nlp: Language, job: Job) -> Outcome:
    """Extract one article; every failure becomes the outcome's one-line ``error``."""
    start = time.perf_counter()
    try:
        prepared = store.prepare(explain(nlp, job))
    except ExplainerError as exc:
        return Outcome(job.id, None, exc.message, extractor_fingerprint())
    except MemoryError:
        return Outcome(job.id, None, "out of memory", extractor_fingerprint())
    except Exception as exc:  # one bad article must not stop ten thousand
        detail = " ".join(str(exc).split())[:200]
        return Outcome(job.id, None, f"internal error, please report it: "
                                     f"{type(exc).__name__}: {detail}", extractor_fingerprint())
    return Outcome(job.id, prepared, None, extractor_fingerprint(),
                   time.perf_counter() - start)


def explain(nlp: Language, job: Job) -> dict:
    """The explainer of ``job`` as plain data, recording the input as the client named it."""
    from generator.extract import extract  # spaCy: only where articles are extracted

    source = Source(job.id, Path(job.input_path), job.text, job.sha256, job.meta,
                    job.highlights)
    explainer = extract(nlp, source, published=job.published, form=job.form,
                        threshold=job.threshold)
    if explainer.article.input is not None:
        explainer.article.input.path = job.input_path
    explainer.article.highlights = list(job.highlights)
    return explainer.to_dict()
