"""Write the production extraction of every development input as YAML, to compare two versions.

A refactoring must not change what the machine writes: run this before and after, into two
folders, and ``diff -r`` them. It reads each file with the reader and runs the same
``extract`` + ``store.save`` that ``explainer extract`` runs, over the seed, the 100 CNN/DailyMail
dev inputs, the 84 PolNeAR dev texts and the TimeML texts (each with its DCT as ``published``).
An extraction the schema refuses is written as ``<id>.error`` (its one-line message).

    python tools/snapshot_outputs.py OUT [--eval-dir ../shared/eval] [--sets seed,cnndm,...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from generator import store
from generator.errors import DataError
from generator.extract import extract
from generator.ingest.reader import read_article
from generator.nlp.pipeline import load_model

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3d98c2cb0ee05817.txt"
SETS = ("seed", "cnndm", "polnear", "timebank", "aquaint")
_CNNDM_INPUT = re.compile(r"^[0-9a-f]{40}\.txt$")


def inputs(eval_dir: Path, name: str) -> Iterator[tuple[Path, str | None]]:
    """(article file, published date or None) for one set, in a stable order."""
    if name == "seed":
        yield SEED, None
    elif name == "cnndm":
        folder = eval_dir / "cnndm"
        for path in sorted(folder.iterdir()):
            if _CNNDM_INPUT.match(path.name):
                yield path, None
    elif name == "polnear":
        yield from ((p, None) for p in sorted((eval_dir / "polnear" / "dev").glob("*.txt")))
    else:
        for gold in sorted((eval_dir / "timeml" / name).glob("*.gold.json")):
            data = json.loads(gold.read_text(encoding="utf-8"))
            yield gold.with_name(f"{data['doc']}.txt"), data["dct"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--sets", default=",".join(SETS))
    args = parser.parse_args(argv)
    nlp = load_model()
    started, count = time.perf_counter(), 0
    for name in args.sets.split(","):
        target = args.out / name
        target.mkdir(parents=True, exist_ok=True)
        for path, published in inputs(args.eval_dir, name):
            source = read_article(path)
            explainer = extract(nlp, source, published=published, root=path.parent)
            try:
                store.save(target / f"{source.id}.yaml", explainer, force=True,
                           text=source.text)
            except DataError as exc:  # an invalid extraction is an output too: compare it
                (target / f"{source.id}.error").write_text(f"{exc}\n", encoding="utf-8")
            count += 1
    print(f"{count} articles in {time.perf_counter() - started:.1f} s -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
