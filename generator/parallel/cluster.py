"""Where the jobs run: in this process, on a local Dask cluster, or on an existing one.

A local cluster has one worker process per core, one thread each (spaCy holds the GIL).
Each worker loads the spaCy model once, through :class:`ModelPlugin`, and keeps it;
jobs and outcomes are plain data. Jobs go in small batches, which the model parses together
(:func:`generator.parallel.jobs.run_jobs`). At most ``window`` batches are out at a time, so
memory stays flat however many articles there are, and each outcome is handed back as soon
as its batch is done. A run with one worker and no scheduler needs no cluster: it runs here.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from spacy.language import Language

from generator.errors import ExplainerError
from generator.parallel.forks import cores
from generator.parallel.jobs import Job, Outcome, run_jobs

PLUGIN_NAME = "explainer-model"
WINDOW_PER_WORKER = 3  # batches out per worker: enough to keep it busy, few enough to stay flat
# Articles parsed together: the model runs faster on a few articles at once than on one;
# 8 gained nothing more over 4 and held 80 MB more per worker (docs/methods/archive.md).
BATCH = 4
CONNECT_TIMEOUT_S = 20
NO_WORKER_LIMIT_S = 120.0  # a cluster with no worker for this long is given up on
# Dask's environment for a local worker without its 64 kB malloc trim threshold: glibc's own
# keeps the parser's arrays instead of returning and re-mapping them all the time (a worker
# spent 12 % more CPU on the same articles than one process; memory stays flat without it).
# The profiler is stopped by the model plugin, for remote workers too (_stop_profiler).
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}
SCHEDULER = re.compile(r"^(tcp|tls)://[^\s/:]+(:\d{1,5})?/?$")


def batch_size(jobs_count: int, workers: int) -> int:
    """Batches of up to BATCH articles, small enough that every worker gets several."""
    return max(1, min(BATCH, jobs_count // (workers * WINDOW_PER_WORKER)))


def batches(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    todo = iter(jobs)
    while batch := list(islice(todo, size)):
        yield batch


class InProcess:
    """Batches one after another in this process; the model is loaded on the first."""

    workers = 1
    where = "in this process"

    def __init__(self, load: Callable[[], Language], batch: int = 1) -> None:
        self._load = load
        self._nlp: Language | None = None
        self.batch = batch

    def run(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        for batch in batches(jobs, self.batch):
            if self._nlp is None:
                self._nlp = self._load()
            yield from zip(batch, run_jobs(self._nlp, batch), strict=True)


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model once per worker, when the worker starts (or joins later)."""

    name = PLUGIN_NAME

    def setup(self, worker: Any) -> None:
        from generator.nlp.pipeline import load_model

        _stop_profiler(worker)
        self.nlp = load_model()

    def teardown(self, worker: Any) -> None:
        self.nlp = None


def _stop_profiler(worker: Any) -> None:
    """Dask's statistical profiler keeps an hour of samples, and the frames it last saw
    keep each finished article's objects alive: a worker grew by about 100 kB an article
    with it on and stays flat with it off (docs/methods/archive.md). Nothing here reads it."""
    for name in ("profile", "profile-cycle"):
        callback = getattr(worker, "periodic_callbacks", {}).get(name)
        if callback is not None:
            callback.stop()


def extract_on_worker(jobs: list[Job]) -> list[Outcome]:
    """The task a worker runs: a batch of jobs with the model its plugin loaded."""
    from distributed import get_worker

    return run_jobs(get_worker().plugins[PLUGIN_NAME].nlp, jobs)


class OnDask:
    """Batches on a Dask cluster through ``client``, at most ``window`` out at a time."""

    def __init__(self, client: Any, workers: int, where: str) -> None:
        self.client = client
        self.workers = workers
        self.where = where
        self.window = WINDOW_PER_WORKER * workers
        self.batch = 1
        self._alone: list[list[Job]] = []  # a failed batch's articles, to run one by one

    def run(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        from distributed import wait

        todo = batches(jobs, self.batch)
        out: dict[Any, list[Job]] = {}
        self._fill(todo, out)
        idle_since: float | None = None
        while out:
            try:
                done, _ = wait(list(out), timeout=5, return_when="FIRST_COMPLETED")
            except TimeoutError:  # Dask's wait raises where concurrent.futures' returns
                done = set()
            if not done:
                idle_since = self._check_workers(idle_since)
                continue
            idle_since = None
            for future in sorted(done, key=lambda f: f.key):
                batch = out.pop(future)
                outcomes = self._outcomes(future, batch)
                if outcomes is None:  # the batch failed as a whole: its articles go alone
                    self._alone.extend([job] for job in batch)
                    continue
                yield from zip(batch, outcomes, strict=True)
            self._fill(todo, out)

    def _fill(self, todo: Iterator[list[Job]], out: dict[Any, list[Job]]) -> None:
        while len(out) < self.window:
            batch = self._alone.pop(0) if self._alone else next(todo, None)
            if batch is None:
                return
            future = self.client.submit(extract_on_worker, batch, pure=False,
                                        key=f"explain-{batch[0].id}-{os.urandom(4).hex()}")
            out[future] = batch

    @staticmethod
    def _outcomes(future: Any, batch: list[Job]) -> list[Outcome] | None:
        """The batch's outcomes; None when a batch of several failed as a whole (a worker
        died on one of its articles): each is then run again alone, so that only the
        article that kills a worker fails."""
        try:
            outcomes = future.result()
        except Exception as exc:  # a worker died on it (KilledWorker), or could not run it
            reason = f"the worker failed: {type(exc).__name__}: " \
                     f"{' '.join(str(exc).split())[:200]}"
            outcomes = None if len(batch) > 1 else [Outcome(batch[0].id, None, reason)]
        future.release()
        return outcomes

    def _check_workers(self, idle_since: float | None) -> float | None:
        """Give up (one line) when the cluster has had no worker for too long."""
        if self.client.scheduler_info().get("workers"):
            return None
        now = time.monotonic()
        if idle_since is None:
            return now
        if now - idle_since > NO_WORKER_LIMIT_S:
            raise ExplainerError(None, f"the Dask cluster ({self.where}) has had no worker "
                                       f"for {NO_WORKER_LIMIT_S:.0f} s; stopping (the "
                                       "articles written so far are kept)")
        return idle_since


@contextmanager
def runner(workers: int | None, scheduler: str | None, jobs_count: int,
           load: Callable[[], Language]) -> Iterator[InProcess | OnDask]:
    """Where to run ``jobs_count`` jobs: an existing cluster, a local one, or here."""
    if scheduler:
        with _remote(scheduler) as run:
            run.batch = batch_size(jobs_count, run.workers)
            yield run
        return
    count = min(workers or cores(), max(jobs_count, 1))
    if count <= 1:
        yield InProcess(load, batch_size(jobs_count, 1))
        return
    with _local(count) as run:
        run.batch = batch_size(jobs_count, count)
        yield run


@contextmanager
def _local(count: int) -> Iterator[OnDask]:
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(LOCAL_WORKER_CONFIG), \
            LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR,
                         # the scheduler's HTTP server on any free local port, not 8787
                         scheduler_kwargs={"host": "127.0.0.1",
                                           "dashboard_address": "127.0.0.1:0"}) as cluster, \
            Client(cluster) as client:
        _quiet()
        client.register_plugin(ModelPlugin(), name=PLUGIN_NAME)
        yield OnDask(client, count, f"on a local cluster of {count} workers")


@contextmanager
def _remote(address: str) -> Iterator[OnDask]:
    from distributed import Client

    if not SCHEDULER.match(address):
        raise ExplainerError(None, f"--scheduler must be tcp://HOST:PORT, not {address!r}")
    _quiet()
    try:
        client = Client(address, timeout=f"{CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError) as exc:
        raise ExplainerError(None, f"cannot reach the Dask scheduler at {address}: "
                                   f"{' '.join(str(exc).split())[:200]}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
        except TimeoutError:
            raise ExplainerError(None, f"the Dask scheduler at {address} has no worker "
                                       "(start one with: dask worker "
                                       f"{address})") from None
        client.register_plugin(ModelPlugin(), name=PLUGIN_NAME)
        count = len(client.scheduler_info()["workers"])
        yield OnDask(client, count, f"on {address}")
    finally:
        with suppress(Exception):
            client.close()


def _quiet() -> None:
    """Dask's own log lines (connections, shutdown) are not the user's business."""
    for name in ("distributed", "distributed.client", "distributed.worker",
                 "distributed.scheduler", "distributed.nanny", "distributed.core"):
        logging.getLogger(name).setLevel(logging.ERROR)
