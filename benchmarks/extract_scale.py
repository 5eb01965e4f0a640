"""Benchmark: extraction of an archive on every core, against bare ``nlp.pipe(n_process=2)``.

The corpus is made at run time (never committed) from the texts in ``../shared/eval``
(the CNN/DailyMail inputs and the PolNeAR train articles, about 735 words each), repeated
under new ids as one JSON Lines file. For each size it runs, in one go on the same texts:

- bare spaCy: ``load_spacy().pipe(texts, n_process=2)``, the model exactly as spaCy ships
  it (parse only, nothing written);
- ``explainer extract corpus.jsonl --workers 1`` and ``--workers 2``, the production
  command in a new process (read, plan, extract, merge-check, atomic writes);

and prints wall time, articles/s, words/s, the speed-up of 2 workers over 1, our words/s
over bare spaCy's, and the peak memory (RSS, sampled every 0.2 s) of each worker process
and of the client. Targets: speed-up >= 1.7; >= 0.75 of bare spaCy's words/s; peak memory
per worker flat between the sizes.
Run: .venv/bin/python benchmarks/extract_scale.py [--sizes 1000 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("EXPLAINER_EVAL", ROOT.parent / "shared" / "eval"))
sys.path.insert(0, str(ROOT))


def texts() -> list[str]:
    """The distinct texts the corpus repeats, in a stable order."""
    cnndm = sorted(p for p in (EVAL / "cnndm").glob("*.txt") if len(p.stem) == 40)
    polnear = sorted((EVAL / "polnear" / "train").glob("*.txt"))
    found = [p.read_text(encoding="utf-8") for p in cnndm + polnear]
    if not found:
        raise SystemExit(f"no texts under {EVAL}")
    return found


def make_corpus(path: Path, count: int, pool: list[str]) -> int:
    """``count`` articles as JSON Lines (ids and dates new); the number of words."""
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            text = pool[number % len(pool)]
            words += len(text.split())
            day = f"2015-{1 + number % 12:02d}-{1 + number % 28:02d}"
            out.write(json.dumps({"id": f"bench-{number:06d}", "text": text,
                                  "published": day, "title": f"Article {number}"}) + "\n")
    return words


class PeakMemory:
    """Peak RSS and CPU time per process of a process tree, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peaks: dict[int, tuple[str, int]] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            for proc in procs:
                try:
                    rss = proc.memory_info().rss
                    name = " ".join(proc.cmdline()[1:4])
                    times = proc.cpu_times()
                except psutil.Error:
                    continue
                self.cpu[proc.pid] = times.user + times.system
                if rss > self.peaks.get(proc.pid, ("", 0))[1]:
                    self.peaks[proc.pid] = (name, rss)
            time.sleep(0.2)

    def busiest(self) -> tuple[float, float]:
        """(CPU seconds of the whole tree, of its busiest process), as last sampled."""
        return sum(self.cpu.values()), max(self.cpu.values(), default=0.0)

    def stop(self) -> tuple[int, int]:
        """(client peak, largest worker peak) in bytes."""
        self._stop.set()
        self._thread.join()
        client = self.peaks.get(self.root.pid, ("", 0))[1]
        workers = [rss for pid, (name, rss) in self.peaks.items()
                   if pid != self.root.pid and "multiprocessing" in name]
        return client, max(workers, default=0)


def ours(corpus: Path, out: Path, workers: int) -> tuple[float, int, int, float, float]:
    """Wall seconds, client and worker peak RSS, CPU seconds (all, busiest process)."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "extract", str(corpus),
                             "--out", str(out), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    client, worker = memory.stop()
    cpu, busiest = memory.busiest()
    if proc.returncode not in (0, 1):  # 1: some articles failed, reported in the summary
        raise SystemExit(f"explainer extract failed ({proc.returncode}): {err[-2000:]}")
    print(f"    {err.strip().splitlines()[-1]}", flush=True)
    return seconds, client, worker if workers > 1 else client, cpu, busiest


def bare(corpus: Path) -> tuple[float, float, float]:
    """Wall seconds of ``nlp.pipe(n_process=2)`` over the corpus texts (model loaded), and
    CPU seconds of all its processes and of the busiest."""
    code = ("import json,sys,time\nfrom generator.nlp.pipeline import load_spacy\n"
            "nlp=load_spacy()\n"
            f"texts=[json.loads(l)['text'] for l in open({str(corpus)!r})]\n"
            "t=time.perf_counter()\n"
            "for _ in nlp.pipe(texts, n_process=2, batch_size=16): pass\n"
            "print(time.perf_counter()-t)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    sampler = PeakMemory(proc.pid)
    out, _ = proc.communicate()
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit("bare nlp.pipe failed")
    return (float(out.strip().splitlines()[-1]), *sampler.busiest())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="keep the last size's corpus and YAML here")
    args = parser.parse_args(argv)
    pool = texts()
    work = Path(tempfile.mkdtemp(prefix="extract-scale-"))
    rows = []
    try:
        for count in args.sizes:
            corpus = work / f"corpus-{count}.jsonl"
            words = make_corpus(corpus, count, pool)
            print(f"{count:,} articles, {words:,} words", flush=True)
            spacy = bare(corpus)
            spacy_s = spacy[0]
            print(f"  bare nlp.pipe(n_process=2): {spacy_s:.1f} s, {words / spacy_s:,.0f} "
                  f"words/s, CPU {spacy[1]:.0f} s (busiest process {spacy[2]:.0f} s)",
                  flush=True)
            one = ours(corpus, work / "out-1", 1)
            print(f"  ours, 1 worker: {one[0]:.1f} s, CPU {one[3]:.0f} s", flush=True)
            two = ours(corpus, work / "out-2", 2)
            print(f"  ours, 2 workers: {two[0]:.1f} s, CPU {two[3]:.0f} s (busiest process "
                  f"{two[4]:.0f} s)", flush=True)
            same = _same(work / "out-1", work / "out-2")
            rows.append((count, words, spacy, one, two, same))
            if args.keep:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(work / "out-2", args.keep / "data")
                shutil.copy(corpus, args.keep / "corpus.jsonl")
            shutil.rmtree(work / "out-1", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _table(rows)
    return 0


def _same(a: Path, b: Path) -> bool:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return names == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names)


def _table(rows: list) -> None:
    """Wall-clock figures, and the same from CPU time (what the cores would give if no one
    else used them: a 2-process run takes as long as its busiest process)."""
    mb = 1 << 20
    print("\n| articles | bare spaCy words/s | 1 worker words/s | 2 workers words/s | speed-up "
          "| 2 workers / bare | peak RSS per worker (MB) | client (MB) | same bytes |")
    print("|---|---|---|---|---|---|---|---|---|")
    for count, words, spacy, one, two, same in rows:
        print(f"| {count:,} | {words / spacy[0]:,.0f} | {words / one[0]:,.0f} | "
              f"{words / two[0]:,.0f} | {one[0] / two[0]:.2f} | {spacy[0] / two[0]:.2f} | "
              f"{two[2] / mb:.0f} (1 worker: {one[2] / mb:.0f}) | {two[1] / mb:.0f} | "
              f"{'yes' if same else 'NO'} |")
    print("\nFrom CPU seconds (busiest process of each run):\n")
    print("| articles | bare spaCy words/s | 1 worker words/s | 2 workers words/s | speed-up "
          "| 2 workers / bare | CPU s: bare, 1 worker, 2 workers (all processes) |")
    print("|---|---|---|---|---|---|---|")
    for count, words, spacy, one, two, _ in rows:
        print(f"| {count:,} | {words / spacy[2]:,.0f} | {words / one[4]:,.0f} | "
              f"{words / two[4]:,.0f} | {one[4] / two[4]:.2f} | {spacy[2] / two[4]:.2f} | "
              f"{spacy[1]:.0f}, {one[3]:.0f}, {two[3]:.0f} |")


if __name__ == "__main__":
    raise SystemExit(main())
