"""Evaluate the temporal tagger on TimeBank / AQUAINT (TempEval-3 task A style).

Strict (exact extent) and relaxed (any overlap) span P/R/F1; type accuracy over relaxed
matches; value F1 as TempEval-3 computes it (a system timex counts when it overlaps a gold
one and has the same value); each on the original text and on a lower-cased copy, per set
and overall, plus throughput.  Gold files are read in place, never copied.

    python -m generator.evaluation.timex [--eval-dir ../shared/eval] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.evaluation.metrics import f1
from generator.nlp.timex import Timex, find_timexes

SETS = ("timebank", "aquaint")


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[dict, ...]


@dataclass
class Score:
    """Counts for one (set, casing) cell."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_sys: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "system", "strict", "relaxed_gold", "relaxed_sys", "type_ok",
                     "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        ps = self.strict / self.system if self.system else 0.0
        rs = self.strict / self.gold if self.gold else 0.0
        pr = self.relaxed_sys / self.system if self.system else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        pv = self.value_ok / self.system if self.system else 0.0
        rv = self.value_ok / self.gold if self.gold else 0.0
        pairs = self.relaxed_gold
        return {"strict_p": ps, "strict_r": rs, "strict_f1": f1(ps, rs),
                "relaxed_p": pr, "relaxed_r": rr, "relaxed_f1": f1(pr, rr),
                "type_acc": self.type_ok / pairs if pairs else 0.0,
                "value_acc": self.value_ok / pairs if pairs else 0.0,
                "value_f1": f1(pv, rv)}


def load_set(eval_dir: Path, name: str, limit: int | None = None) -> list[GoldDoc]:
    folder = eval_dir / "timeml" / name
    docs = []
    for gold_path in sorted(folder.glob("*.gold.json"))[:limit]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / f"{gold['doc']}.txt").read_text(encoding="utf-8")
        docs.append(GoldDoc(gold["doc"], text, dt.date.fromisoformat(gold["dct"]),
                            tuple(gold["timexes"])))
    return docs


def score_doc(doc: GoldDoc, found: Iterable[Timex]) -> Score:
    """One-to-one pairing of overlapping gold and system timexes, in text order."""
    found = list(found)
    score = Score(gold=len(doc.timexes), system=len(found))
    used: set[int] = set()
    for g in doc.timexes:
        match = next((i for i, s in enumerate(found) if i not in used
                      and s.start < g["end"] and g["start"] < s.end), None)
        if match is None:
            score.errors.append(f"MISS {doc.name} {g['text']!r} {g['type']} {g['value']}")
            continue
        s = found[match]
        used.add(match)
        score.relaxed_gold += 1
        score.strict += (s.start, s.end) == (g["start"], g["end"])
        score.type_ok += s.type == g["type"]
        score.value_ok += s.value == g["value"]
        if s.value != g["value"] or (s.start, s.end) != (g["start"], g["end"]):
            score.errors.append(f"DIFF {doc.name} {doc.dct} gold={g['text']!r} {g['type']} "
                                f"{g['value']} {g['mod']} | sys={s.text!r} {s.type} {s.value} "
                                f"{s.mod}")
    for i, s in enumerate(found):
        if any(s.start < g["end"] and g["start"] < s.end for g in doc.timexes):
            score.relaxed_sys += 1
        elif i not in used:
            score.errors.append(f"FALSE {doc.name} {s.text!r} {s.type} {s.value}")
    return score


def evaluate(docs: list[GoldDoc], lower: bool,
             tagger: Callable[[str, dt.date], list[Timex]] = find_timexes
             ) -> tuple[Score, float]:
    """Score all ``docs``; returns the totals and the seconds spent tagging."""
    total = Score()
    spent = 0.0
    for doc in docs:
        text = doc.text.lower() if lower else doc.text
        t0 = time.perf_counter()
        found = tagger(text, doc.dct)
        spent += time.perf_counter() - t0
        one = score_doc(GoldDoc(doc.name, text, doc.dct, doc.timexes), found)
        total.add(one)
        total.errors.extend(one.errors)
    return total, spent


def _row(label: str, score: Score, n_docs: int, seconds: float) -> str:
    f = score.figures()
    rate = n_docs / seconds if seconds else 0.0
    return (f"| {label} | {n_docs} | {score.gold} | {score.system} | {f['strict_f1']:.4f} | "
            f"{f['relaxed_p']:.4f} | {f['relaxed_r']:.4f} | {f['relaxed_f1']:.4f} | "
            f"{f['type_acc']:.4f} | {f['value_f1']:.4f} | {rate:.0f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--limit", type=int, default=None, help="documents per set")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write every miss / mismatch / false alarm to this file")
    args = parser.parse_args(argv)
    sets = {name: load_set(args.eval_dir, name, args.limit) for name in SETS}
    if not any(sets.values()):
        print(f"no TimeML documents under {args.eval_dir / 'timeml'}", file=sys.stderr)
        return 1
    print("| set / casing | docs | gold | system | strict F1 | relaxed P | relaxed R | "
          "relaxed F1 | type acc | value F1 | docs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    errors: list[str] = []
    for lower in (False, True):
        overall, spent_all, n_all = Score(), 0.0, 0
        for name, docs in sets.items():
            score, spent = evaluate(docs, lower)
            print(_row(f"{name} / {'lower' if lower else 'original'}", score, len(docs), spent))
            overall.add(score)
            spent_all, n_all = spent_all + spent, n_all + len(docs)
            errors.extend(f"[{'lower' if lower else 'orig'}] {e}" for e in score.errors)
        print(_row(f"**all / {'lower' if lower else 'original'}**", overall, n_all, spent_all))
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
