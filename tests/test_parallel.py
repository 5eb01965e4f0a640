"""Extraction on Dask: the same bytes from 1 worker, 2 local workers and a separate
scheduler and worker; a run killed with SIGKILL resumes with every article once and no
half-written file. The articles are short, made here (no article text is copied)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from generator import store
from generator.commands import extract

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
SENTENCES = [
    "Officials in {place} said on Monday that the river had risen by two metres.",
    "The mayor, Anna {name}, told reporters the city would open three shelters.",
    "Police said nobody had been hurt, but the main road was closed until Friday.",
    "\"We are doing everything we can,\" said a spokesman for the fire service.",
    "Residents said the warnings came too late, a claim the council denied.",
]
PLACES = ["Dover", "Leeds", "Bristol", "Oxford", "Durham", "Exeter", "Bath", "York",
          "Hull", "Derby", "Wells", "Ripon"]


def articles(folder: Path, count: int) -> Path:
    """``count`` short articles, each different (a place and a name of its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        place = PLACES[n % len(PLACES)]
        lines = [s.format(place=place, name=f"{place}son") for s in SENTENCES]
        (folder / f"story-{n:02d}.txt").write_text(" ".join(lines[n % 3:] + lines[:n % 3]),
                                                   encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 12: two local workers get batches of 2 (and one worker, in process, of 4)
    return articles(tmp_path_factory.mktemp("parallel") / "in", 12)


@pytest.fixture(scope="module")
def one_worker(inputs: Path) -> dict[str, bytes]:
    out = inputs.parent / "one"
    assert extract.run([inputs], out, workers=1, root=inputs.parent) == 0
    return snapshot(out)


def test_two_local_workers_write_the_same_bytes_as_one(inputs, one_worker, capsys):
    out = inputs.parent / "two"
    assert extract.run([inputs], out, workers=2, root=inputs.parent) == 0
    assert "on a local cluster of 2 workers" in capsys.readouterr().err
    assert len([n for n in one_worker if n.endswith(".yaml") and "/" not in n]) == 12
    assert snapshot(out) == one_worker


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_scheduler_and_a_worker_started_apart_write_the_same_bytes(inputs, one_worker):
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                                  "--port", str(port), "--no-dashboard"], **quiet)
    worker = subprocess.Popen([str(BIN / "dask"), "worker", address, "--nworkers", "1",
                               "--nthreads", "1", "--no-dashboard"], **quiet)
    try:
        out = inputs.parent / "remote"
        done = subprocess.run([sys.executable, "-m", "generator", "extract", str(inputs),
                               "--out", str(out), "--scheduler", address],
                              cwd=inputs.parent, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert f"on {address}" in done.stderr
        assert snapshot(out) == one_worker
    finally:
        for process in (worker, scheduler):
            process.terminate()
        for process in (worker, scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_an_unreachable_scheduler_is_one_line(inputs, tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "extract", str(inputs),
                           "--out", str(tmp_path / "out"),
                           "--scheduler", f"tcp://127.0.0.1:{free_port()}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0], done.stderr


def test_a_run_killed_halfway_resumes_with_every_article_once(tmp_path):
    inputs = articles(tmp_path / "in", 24)
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "generator", "extract", str(inputs),
                            "--out", str(out), "--workers", "2"], cwd=tmp_path,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while len(list(out.glob("*.yaml"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    helpers = psutil.Process(run.pid).children(recursive=True)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    written = sorted(p.name for p in out.glob("*.yaml"))
    assert 4 <= len(written) < 24, "killed halfway"
    for path in out.glob("*.yaml"):  # nothing half-written: every file is whole and valid
        store.load_data(path)
    _, alive = psutil.wait_procs(helpers, timeout=30)
    assert not alive, "the workers die with the run that started them"
    done = subprocess.run([sys.executable, "-m", "generator", "extract", str(inputs),
                           "--out", str(out), "--workers", "2"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = done.stderr.strip().splitlines()[-1]
    assert f"{24 - len(written)} extracted, {len(written)} unchanged (skipped), 0 failed" \
        in summary, summary
    assert sorted(p.name for p in out.glob("*.yaml")) == [f"story-{n:02d}.yaml"
                                                          for n in range(24)]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    again = tmp_path / "clean"
    assert extract.run([inputs], again, workers=1, root=tmp_path) == 0
    fresh = snapshot(again)
    assert {k: v for k, v in snapshot(out).items() if not k.startswith(".base/")} == {
        k: v for k, v in fresh.items() if not k.startswith(".base/")}


def _profiling(dask_worker) -> bool:
    callbacks = dask_worker.periodic_callbacks
    return any(callbacks[name].is_running() for name in ("profile", "profile-cycle")
               if name in callbacks)


def _trim_threshold() -> str | None:
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_workers_run_without_dask_profiler_so_memory_stays_flat():
    # the profiler's samples keep finished articles' objects alive (a worker grew by about
    # 100 kB an article); every worker the model plugin sets up has it stopped. Dask's 64 kB
    # malloc trim threshold cost a parsing worker 12 % more CPU: a local cluster drops it
    from generator.nlp.pipeline import load_model
    from generator.parallel.cluster import runner

    with runner(2, None, 10, load_model) as where:
        assert where.workers == 2
        assert where.client.run(_profiling) and not any(where.client.run(_profiling).values())
        assert set(where.client.run(_trim_threshold).values()) == {None}


def test_a_batch_that_fails_fails_only_the_article_that_broke_it(monkeypatch):
    """A worker that dies on one article of a batch: its articles run again one by one, and
    only that one is reported failed."""
    from distributed import Client, LocalCluster

    from generator.ingest.reader import Meta
    from generator.parallel import cluster
    from generator.parallel.jobs import Job, Outcome

    def dies_on_bad(jobs: list[Job]) -> list[Outcome]:
        if any(job.id == "bad" for job in jobs):
            raise RuntimeError("the worker died")
        return [Outcome(job.id, None, None, "ok") for job in jobs]

    monkeypatch.setattr(cluster, "extract_on_worker", dies_on_bad)
    jobs = [Job(name, name, f"{name}.txt", "text", "0" * 64, Meta())
            for name in ("a", "bad", "c", "d", "e")]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as local, Client(local) as client:
        run = cluster.OnDask(client, 1, "here")
        run.batch = 2
        outcomes = {job.id: outcome for job, outcome in run.run(jobs)}
    assert sorted(outcomes) == ["a", "bad", "c", "d", "e"]
    assert outcomes["bad"].error.startswith("the worker failed: RuntimeError: the worker died")
    assert [outcomes[name].error for name in "acde"] == [None] * 4
