"""``explainer extract``: articles -> explainer YAML, on every core or on a Dask cluster.

The inputs are planned first (what is new or changed; duplicate ids and unreadable
articles reported), then extracted where :mod:`generator.parallel.cluster` says, and
every result is written here, atomically, as soon as it arrives: this process holds
the project lock and merges a person's edits. A killed run leaves whole files only,
and the next run skips what was written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator import store
from generator.errors import ExplainerError
from generator.files import sweep, write_atomic
from generator.fingerprint import extractor_fingerprint
from generator.ingest.reader import valid_date
from generator.lock import project_lock
from generator.model import DEFAULT_THRESHOLD, Thresholds
from generator.parallel import plan as planning
from generator.parallel.jobs import Job, Outcome
from generator.parallel.progress import Progress, Tally


def run(files: list[Path], out: Path, *, published: str | None = None, form: str = "auto",
        force: bool = False, root: Path | None = None,
        threshold: Thresholds = DEFAULT_THRESHOLD, workers: int | None = 1,
        scheduler: str | None = None) -> int:
    """Extract every article of ``files`` (files, folders, JSON Lines) under the project
    lock; one line per failure, the others go on."""
    if published and not valid_date(published):
        print(f"explainer: --published must be YYYY-MM-DD, not {published!r}", file=sys.stderr)
        return 2
    options = planning.Options(out, root=root, published=published, form=form,
                               threshold=threshold, force=force)
    with project_lock(out, "extract"):
        return extract_all(files, options, workers=workers, scheduler=scheduler)


def extract_all(inputs: list[Path], options: planning.Options, *, workers: int | None = 1,
                scheduler: str | None = None, quiet: bool = False) -> int:
    """Plan, extract and write (the caller holds the lock); 0 when nothing failed."""
    plan = planning.make_plan(inputs, options)
    for problem in plan.problems:
        print(f"explainer: {problem}", file=sys.stderr)
    tally = Tally(total=len(plan.todo), skipped=plan.skipped)
    if not plan.todo:
        if not quiet and not plan.problems:
            print(f"explainer: nothing to extract ({plan.skipped:,} unchanged)",
                  file=sys.stderr)
        return 1 if plan.problems else 0
    from generator.nlp.pipeline import load_model  # spaCy only when there is work
    from generator.parallel.cluster import runner

    progress = Progress(tally)
    with runner(workers, scheduler, len(plan.todo), load_model) as where:
        _sweep(options.out)
        try:
            jobs = planning.jobs(inputs, options, plan)
            for job, outcome in where.run(_reporting(jobs, progress)):
                _finish(job, outcome, options, progress)
        finally:
            progress.close()
    print(progress.summary(where.where), file=sys.stderr)
    return 1 if plan.problems or tally.failed else 0


def _reporting(jobs: Iterable[Job | ExplainerError], progress: Progress) -> Iterator[Job]:
    """The jobs, with an input that became unreadable since the plan reported as failed."""
    for item in jobs:
        if isinstance(item, ExplainerError):
            progress.say(f"explainer: {item}")
            progress.step(failed=True)
            continue
        yield item


def _finish(job: Job, outcome: Outcome, options: planning.Options,
            progress: Progress) -> None:
    """Write one article's result (or report why there is none)."""
    error = outcome.error
    if error is None and outcome.extractor != extractor_fingerprint():
        error = (f"the worker runs other extraction code (fingerprint {outcome.extractor}, "
                 f"here {extractor_fingerprint()}); install the same version on every "
                 "machine")
    if error is not None or outcome.prepared is None:
        progress.say(f"explainer: {job.label}: {error}")
        progress.step(failed=True)
        return
    target = planning.target_of(options.out, job.id)
    try:
        if job.keep_text:
            write_atomic(planning.source_text_path(target), job.text, sweep_first=False)
        saved = store.save_prepared(target, outcome.prepared, force=options.force,
                                    text=job.text, swept=True)
    except ExplainerError as exc:
        progress.say(f"explainer: {exc}")
        progress.step(failed=True)
        return
    if saved.merged:
        progress.say(f"explainer: {target}: re-extracted and merged with your edits")
    for note in saved.notes:
        progress.say(f"explainer: {target}: {note}")
    progress.step(words=job.words)


def _sweep(out: Path) -> None:
    """Temporary files of writers that died, once per run (not once per file)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # the first write says why, in one line
    sweep(out)
    sweep(store.base_folder(out / "x.yaml"))
