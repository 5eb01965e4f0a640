"""Check the seed's explainer against ../shared/eval/seed/gold.yaml: found, and not invented.

Runs the production extraction (the reader, ``analyse()`` and every finder, as
``explainer extract`` does) and compares what the site would show (``shown`` items)
with the hand reference, line by line (a line may hold several sentences once a
fused photo caption is split off):

- display: the body text of a line reads as gold says;
- dates (text, type, value) and timeline order;
- claims: each gold claim found on its line(s) with the right speaker and evidence;
  every shown claim that matches no gold claim (nor an optional one) is **spurious**,
  a second shown claim for a one-line gold claim a **duplicate**; a shown claim whose content
  holds its own cue ("what they say is ...") is counted too;
- actors: each gold actor found exactly once with a fitting kind and role; a shown
  actor that matches no gold or optional actor is **extra**, one that matches two
  referents is **merged**, two that match one gold actor are a **duplicate**.

Run: explainer evaluate seed [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.extract import extract
from generator.ingest.reader import read_article
from generator.model import DEFAULT_THRESHOLD, Actor, Claim, Explainer
from generator.nlp.pipeline import load_model
from generator.publish import settings

SEED = Path("seeds/000_3d98c2cb0ee05817.txt")
_WORD = re.compile(r"[a-z0-9']+")
# Gold kind -> (actor kinds that fit, words the actor's role must contain, if any).
FITTING: dict[str, tuple[set[str], str | None]] = {
    "government": ({"government"}, None),
    "person": ({"person"}, None),
    "media": ({"media"}, None),
    "organisation": ({"organisation", "government", "group"}, None),
    "militant group": ({"group", "organisation"}, "militant"),
    "ethnic group": ({"group"}, "ethnic"),
    "advocacy groups": ({"group", "organisation"}, "advocacy"),
}
MIN_CONTENT_RECALL = 0.5  # share of the gold content's words a claim must hold to match it


@dataclass
class Report:
    """Rows per section (ok, text) and the counts of invented or repeated items."""

    sections: dict[str, list[tuple[bool, str]]] = field(default_factory=dict)
    spurious_claims: list[str] = field(default_factory=list)
    duplicate_claims: list[str] = field(default_factory=list)
    own_cue_claims: list[str] = field(default_factory=list)
    extra_actors: list[str] = field(default_factory=list)
    merged_actors: list[str] = field(default_factory=list)
    duplicate_actors: list[str] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(ok for rows in self.sections.values() for ok, _ in rows)

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.sections.values())

    @property
    def invented(self) -> int:
        return len(self.spurious_claims) + len(self.extra_actors) + len(self.merged_actors)

    @property
    def duplicates(self) -> int:
        return len(self.duplicate_claims) + len(self.duplicate_actors)


class Lines:
    """Which 1-based line of the input each sentence of the explainer starts on."""

    def __init__(self, text: str, explainer: Explainer) -> None:
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.of = {s.id: bisect_right(starts, s.span[0]) for s in explainer.sentences}
        self.explainer = explainer

    def body(self, line: int) -> str:
        """The body sentences of a line as readers see them (captions left out)."""
        return " ".join(s.text for s in self.explainer.sentences
                        if self.of[s.id] == line and s.role is None)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(re.sub(r"[‘’]", "'", text.lower())))


def _quotes(text: str) -> str:
    return re.sub(r"[‘’“”\"]", "'", text)


def display(gold: dict, lines: Lines) -> list[tuple[bool, str]]:
    rows = []
    for item in gold["display"]:
        text = lines.body(item["line"])
        ok = _quotes(item["contains"]) in _quotes(text)
        rows.append((ok, f"line {item['line']}: {item['contains']!r} in {text!r}"))
    return rows


def dates(gold: dict, e: Explainer, lines: Lines) -> list[tuple[bool, str]]:
    rows = []
    for item in gold["times"]:
        found = [d for d in e.dates if lines.of[d.sentence] == item["line"] and (
            item["text"] in d.text.lower() or d.text.lower() in item["text"])]
        value = str(item["value"])
        ok = any(d.type == item["type"] and (
            d.value == value or (value.startswith("PUBLISHED") and d.value.startswith("PUBLISHED"))
        ) for d in found)
        got = ", ".join(f"{d.text}={d.type}:{d.value}" for d in found) or "-"
        rows.append((ok, f"line {item['line']} {item['text']!r} {item['type']} {value} -> {got}"))
    return rows


def timeline(gold: dict, e: Explainer, lines: Lines) -> list[tuple[bool, str]]:
    position: dict[int, int] = {}
    for index, event in enumerate(e.timeline):
        position.setdefault(lines.of[event.sentence], index)
    placed = [position.get(item["line"]) for item in gold["timeline"]]
    pairs = [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:]
             if a is not None and b is not None]
    in_order = sum(a < b for a, b in pairs)
    ok = None not in placed and in_order == len(pairs)
    return [(ok, f"{sum(p is not None for p in placed)}/{len(placed)} gold events on the "
                 f"timeline, {in_order}/{len(pairs)} pairs in gold order")]


def claims(gold: dict, e: Explainer, lines: Lines, report: Report) -> list[tuple[bool, str]]:
    """Match shown claims to gold claims on the same line(s), best content overlap first."""
    accept = {a["name"]: {x.lower() for x in a["accept"]} for a in gold["actors"]}
    actors = {a.id: a for a in e.actors if a.shown}
    shown = [c for c in e.claims if c.shown]
    matched: dict[str, int] = {}  # claim id -> index of the gold claim it matched
    candidates = sorted(
        ((_recall(item, c), i, c.id) for i, item in enumerate(gold["claims"]) for c in shown
         if lines.of[c.sentence] in _lines(item)), reverse=True)
    taken: set[int] = set()
    for recall, index, claim_id in candidates:
        if recall < MIN_CONTENT_RECALL or claim_id in matched:
            continue
        if index in taken and len(_lines(gold["claims"][index])) == 1:
            report.duplicate_claims.append(f"{claim_id} repeats gold claim on line "
                                           f"{_lines(gold['claims'][index])}")
            matched[claim_id] = index
            continue
        matched[claim_id] = index
        taken.add(index)
    rows = []
    by_id = {c.id: c for c in shown}
    for index, item in enumerate(gold["claims"]):
        mine = [by_id[cid] for cid, i in matched.items() if i == index]
        rows.append(_claim_row(item, mine, actors, accept, lines))
    report.own_cue_claims += [f"{c.id} (line {lines.of[c.sentence]}): {c.content.readable!r}"
                              for c in shown if _holds_cue(c)]
    for claim in shown:
        if claim.id not in matched and not _optional(gold, claim, lines):
            report.spurious_claims.append(
                f"{claim.id} (line {lines.of[claim.sentence]}) "
                f"{_speaker_name(claim, actors)}: {claim.content.readable!r}")
    return rows


def _holds_cue(claim: Claim) -> bool:
    """The claim's cue lies inside its content span."""
    return claim.cue is not None and claim.content.span[0] <= claim.cue.span[0] \
        and claim.cue.span[1] <= claim.content.span[1]


def _lines(item: dict) -> list[int]:
    return item.get("lines") or [item["line"]]


def _recall(item: dict, claim: Claim) -> float:
    wanted = _words(item["content"])
    return len(wanted & _words(claim.content.text)) / max(len(wanted), 1)


def _claim_row(item: dict, mine: list[Claim], actors: dict[str, Actor],
               accept: dict[str, set[str]], lines: Lines) -> tuple[bool, str]:
    where = f"line {_lines(item)}"
    if not mine:
        return False, f"{where}: no claim ({item['content'][:50]}...)"
    best = mine[0]
    speaker = actors.get(best.speaker or "")
    if item["speaker"] is None:
        ok = all(c.speaker is None for c in mine)
    else:
        texts = {m.text.lower() for m in speaker.mentions} | {speaker.name.lower()} \
            if speaker else set()
        ok = bool(texts & accept[item["speaker"]])
    if ok and item.get("evidence"):
        ok = best.evidence.status == item["evidence"] and best.evidence.sentence is not None \
            and lines.of[best.evidence.sentence] == item["evidence_line"]
    cue_inside = best.cue is not None and _words(best.cue.text) <= _words(best.content.text) \
        and best.cue.span[0] >= best.content.span[0] and best.cue.span[1] <= best.content.span[1]
    ok = ok and not cue_inside
    got = (f"{speaker.name if speaker else None}, evidence {best.evidence.status}, "
           f"recall {_recall(item, best):.2f}{', holds its own cue' if cue_inside else ''}: "
           f"{best.content.readable!r}")
    return ok, f"{where} {item['speaker']} / {item.get('evidence', '-')} -> {got}"


def _optional(gold: dict, claim: Claim, lines: Lines) -> bool:
    """A claim gold lets pass: on an optional claim's line, without its forbidden words."""
    for item in gold.get("optional_claims", []):
        if lines.of[claim.sentence] in _lines(item) and not (
                _words(" ".join(item.get("forbid", []))) & _words(claim.content.text)):
            return True
    return False


def _speaker_name(claim: Claim, actors: dict[str, Actor]) -> str:
    actor = actors.get(claim.speaker or "")
    return actor.name if actor else "unattributed"


def actors_check(gold: dict, e: Explainer, lines: Lines, report: Report
                 ) -> list[tuple[bool, str]]:
    """Each gold actor once with a fitting kind; shown agents that match nothing are extra."""
    agents = [a for a in e.actors if a.shown and a.kind != "place"]
    referents = [(item, True) for item in gold["actors"]] + [
        (item, False) for item in gold.get("optional_actors", [])]
    hits = {a.id: [item for item, _ in referents if _matches(a, item, lines)] for a in agents}
    for actor in agents:
        if not hits[actor.id]:
            report.extra_actors.append(f"{actor.name} ({actor.kind}): "
                                       + "; ".join(sorted({m.text for m in actor.mentions})))
        elif len(hits[actor.id]) > 1:
            report.merged_actors.append(f"{actor.name} joins "
                                        + " + ".join(i["name"] for i in hits[actor.id]))
    rows = []
    for item in gold["actors"]:
        found = [a for a in agents if item in hits[a.id]]
        kinds, role = FITTING.get(item["kind"], ({item["kind"]}, None))
        fits = [a for a in found if a.kind in kinds and (
            role is None or role in (a.role or "").lower())]
        if len(found) > 1:
            report.duplicate_actors.append(f"{item['name']}: "
                                           + ", ".join(a.name for a in found))
        ok = len(found) == 1 and bool(fits)
        got = ", ".join(f"{a.name} ({a.kind}{', ' + a.role if a.role else ''})"
                        for a in found) or "-"
        rows.append((ok, f"{item['name']:45} -> {got}"))
    zhang = next((a for item in gold["actors"] if item["name"] == "Zhang"
                  for a in agents if item in hits[a.id]), None)
    he = bool(zhang and any(m.text == "he" and lines.of[m.sentence] == 15
                            for m in zhang.mentions))
    rows.append((he, f"Zhang's 'he' on line 15 resolved: {he}"))
    return rows


def _matches(actor: Actor, item: dict, lines: Lines) -> bool:
    """A mention of the actor is one of the item's wordings, on one of its lines."""
    accept = {a.lower().removeprefix("the ") for a in item["accept"]}
    return any(m.text.lower().removeprefix("the ") in accept and lines.of[m.sentence]
               in item["lines"] for m in actor.mentions)


def evaluate(gold: dict, text: str, explainer: Explainer) -> Report:
    lines = Lines(text, explainer)
    report = Report()
    report.sections["display"] = display(gold, lines)
    report.sections["dates"] = dates(gold, explainer, lines)
    report.sections["timeline"] = timeline(gold, explainer, lines)
    report.sections["claims"] = claims(gold, explainer, lines, report)
    report.sections["actors"] = actors_check(gold, explainer, lines, report)
    return report


def print_report(report: Report) -> None:
    for title, rows in report.sections.items():
        print(f"{title}: {sum(ok for ok, _ in rows)}/{len(rows)}")
        for ok, line in rows:
            print(f"  {'ok' if ok else '!!'} {line}")
    for title, items in (("spurious claims", report.spurious_claims),
                         ("duplicate claims", report.duplicate_claims),
                         ("claims holding their own cue", report.own_cue_claims),
                         ("extra actors", report.extra_actors),
                         ("merged actors", report.merged_actors),
                         ("duplicate actors", report.duplicate_actors)):
        print(f"{title}: {len(items)}")
        for item in items:
            print(f"  !! {item}")
    print(f"total: {report.passed}/{report.total} checks met; spurious claims "
          f"{len(report.spurious_claims)}, extra or merged actors "
          f"{len(report.extra_actors) + len(report.merged_actors)}, duplicates "
          f"{report.duplicates}, claims holding their own cue {len(report.own_cue_claims)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the seed against its gold reference")
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--seed", type=Path, default=SEED)
    args = parser.parse_args(argv)
    gold = yaml.safe_load((args.eval_dir / "seed" / "gold.yaml").read_text())
    source = read_article(args.seed)
    config = Path("mkdocs.yml")
    threshold = settings.load(config).threshold if config.is_file() else DEFAULT_THRESHOLD
    explainer = extract(load_model(), source, threshold=threshold)
    print_report(evaluate(gold, source.text, explainer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
