"""Check the seed's explainer against ../shared/eval/seed/gold.yaml, item by item.

Display lines, dates (text, type, value), timeline order, claims (speaker, evidence,
unattributed quotes) and actors; prints one line per gold item and a summary.
Run: python -m generator.evaluation.seed [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from generator.evaluation.actors import print_seed_rows, seed_report
from generator.extract import extract
from generator.ingest.reader import read_article
from generator.model import Explainer
from generator.nlp.pipeline import load_model

SEED = Path("seeds/000_3d98c2cb0ee05817.txt")
_WORD = re.compile(r"[a-z0-9']+")


def _quotes(text: str) -> str:
    return re.sub(r"[‘’“”\"]", "'", text)


def display(gold: dict, e: Explainer) -> list[tuple[bool, str]]:
    rows = []
    for item in gold["display"]:
        text = e.sentences[item["line"] - 1].text
        ok = _quotes(item["contains"]) in _quotes(text)
        rows.append((ok, f"line {item['line']}: {item['contains']!r} in {text!r}"))
    return rows


def dates(gold: dict, e: Explainer) -> list[tuple[bool, str]]:
    rows = []
    for item in gold["times"]:
        sid = f"s{item['line']}"
        found = [d for d in e.dates if d.sentence == sid and (
            item["text"] in d.text.lower() or d.text.lower() in item["text"])]
        value = str(item["value"])
        ok = any(d.type == item["type"] and (
            d.value == value or (value.startswith("PUBLISHED") and d.value.startswith("PUBLISHED"))
        ) for d in found)
        got = ", ".join(f"{d.text}={d.type}:{d.value}" for d in found) or "-"
        rows.append((ok, f"line {item['line']} {item['text']!r} {item['type']} {value} -> {got}"))
    return rows


def timeline(gold: dict, e: Explainer) -> list[tuple[bool, str]]:
    position = {}
    for index, event in enumerate(e.timeline):
        position.setdefault(event.sentence, index)
    wanted = [f"s{item['line']}" for item in gold["timeline"]]
    placed = [position.get(sid) for sid in wanted]
    pairs = [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:]
             if a is not None and b is not None]
    in_order = sum(a < b for a, b in pairs)
    ok = None not in placed and in_order == len(pairs)
    return [(ok, f"{sum(p is not None for p in placed)}/{len(wanted)} gold events on the "
                 f"timeline, {in_order}/{len(pairs)} pairs in gold order")]


def claims(gold: dict, e: Explainer) -> list[tuple[bool, str]]:
    accept = {a["name"]: {x.lower() for x in a["accept"]} for a in gold["actors"]}
    names = {a.id: a for a in e.actors}
    rows = []
    for item in gold["claims"]:
        lines = item.get("lines") or [item["line"]]
        sids = {f"s{n}" for n in lines}
        words = set(_WORD.findall(item["content"].lower()))
        best = max((c for c in e.claims if c.sentence in sids), default=None,
                   key=lambda c: len(words & set(_WORD.findall(c.content.text.lower()))))
        if best is None:
            rows.append((False, f"line {lines}: no claim ({item['content'][:50]}...)"))
            continue
        speaker = names.get(best.speaker or "")
        if item["speaker"] is None:
            ok = best.speaker is None
        else:
            texts = {m.text.lower() for m in speaker.mentions} if speaker else set()
            ok = bool(texts & accept[item["speaker"]])
        if ok and item.get("evidence"):
            ok = best.evidence.status == item["evidence"] and (
                best.evidence.sentence == f"s{item['evidence_line']}")
        got = f"{speaker.name if speaker else None}, evidence {best.evidence.status}"
        rows.append((ok, f"line {lines} {item['speaker']} / {item.get('evidence', '-')} -> {got}"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the seed against its gold reference")
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--seed", type=Path, default=SEED)
    args = parser.parse_args(argv)
    gold = yaml.safe_load((args.eval_dir / "seed" / "gold.yaml").read_text())
    nlp = load_model()
    explainer = extract(nlp, read_article(args.seed))
    total = passed = 0
    for title, rows in (("display", display(gold, explainer)), ("dates", dates(gold, explainer)),
                        ("timeline", timeline(gold, explainer)),
                        ("claims", claims(gold, explainer))):
        ok_count = sum(ok for ok, _ in rows)
        print(f"{title}: {ok_count}/{len(rows)}")
        for ok, line in rows:
            print(f"  {'ok' if ok else '!!'} {line}")
        total += len(rows)
        passed += ok_count
    actors = seed_report(nlp, args.eval_dir, args.seed)
    print(f"actors: {actors['exactly_once']}/{actors['total']} found once with a fitting kind; "
          f"Zhang's 'he' resolved: {actors['zhang_he_resolved']}")
    print_seed_rows(actors)
    print(f"total: {passed + actors['exactly_once']}/{total + actors['total']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
