"""One article's extraction as plain data: a :class:`Job` in, an :class:`Outcome` out.

The same function runs in this process and on a Dask worker, so the bytes written do
not depend on where it ran. Nothing here touches the project's files.
"""

from __future__ import annotations

from collections.abc import Sequence
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

    from generator.nlp.pipeline import Document


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


def run_jobs(nlp: Language, jobs: Sequence[Job]) -> list[Outcome]:
    """Extract articles, parsed in one batch (faster, same bytes); when the batch fails,
    one by one, so that each failure is its own article's."""
    if len(jobs) < 2:
        return [run_job(nlp, job) for job in jobs]
    from generator.ingest.forms import detect
    from generator.nlp.pipeline import analyse_many

    try:
        documents = analyse_many(nlp, [(_source(job), detect(job.text, job.form))
                                       for job in jobs])
    except Exception:  # each article is tried again alone, to fail with its own reason
        return [run_job(nlp, job) for job in jobs]
    return [run_job(nlp, job, document) for job, document in zip(jobs, documents, strict=True)]


def run_job(nlp: Language, job: Job, document: Document | None = None) -> Outcome:
    """Extract one article (``document``: already analysed); every failure becomes the
    outcome's one-line ``error``."""
    try:
        prepared = store.prepare(explain(nlp, job, document))
    except ExplainerError as exc:
        return Outcome(job.id, None, exc.message, extractor_fingerprint())
    except MemoryError:
        return Outcome(job.id, None, "out of memory", extractor_fingerprint())
    except Exception as exc:  # one bad article must not stop ten thousand
        detail = " ".join(str(exc).split())[:200]
        return Outcome(job.id, None, f"internal error, please report it: "
                                     f"{type(exc).__name__}: {detail}", extractor_fingerprint())
    return Outcome(job.id, prepared, None, extractor_fingerprint())


def explain(nlp: Language, job: Job, document: Document | None = None) -> dict:
    """The explainer of ``job`` as plain data, recording the input as the client named it."""
    from generator.extract import assemble, extract  # spaCy: only where articles are extracted

    if document is None:
        explainer = extract(nlp, _source(job), published=job.published, form=job.form,
                            threshold=job.threshold)
    else:
        explainer = assemble(document, published=job.published, threshold=job.threshold)
    if explainer.article.input is not None:
        explainer.article.input.path = job.input_path
    explainer.article.highlights = list(job.highlights)
    return explainer.to_dict()


def _source(job: Job) -> Source:
    return Source(job.id, Path(job.input_path), job.text, job.sha256, job.meta, job.highlights)
