"""Score actor extraction on ../shared/eval: the seed's gold actors, PolNeAR sources, CNN/DM.

- seed: each gold actor found once with a fitting kind and role, and nothing extra
  (the actors section of :mod:`generator.evaluation.seed`);
- polnear: share of gold attribution sources (not pronouns) inside some actor mention,
  on the original text and on a lower-cased copy; and the actors' confidence against a
  silver reference (:mod:`generator.evaluation.silver`), as a reliability table;
- cnndm: actor mentions on the lower-case input against those on the cased original
  (token-aligned files, so offsets agree), precision / recall / F1.

Run: python -m generator.evaluation.actors [--eval-dir ../shared/eval] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import yaml

from generator.evaluation import seed
from generator.evaluation.metrics import f1, ratio
from generator.evaluation.polnear import lower_same_length
from generator.evaluation.silver import Silver, expected_calibration_error, reliability
from generator.extract import extract
from generator.ingest.forms import detect
from generator.ingest.reader import Meta, Source, read_article
from generator.lexicon import PERSONAL_PRONOUNS, POSSESSIVES, RELATIVE_PRONOUNS
from generator.model import DEFAULT_THRESHOLD, Actor
from generator.nlp.actors import find_actors
from generator.nlp.pipeline import analyse, load_model
from generator.publish import settings

# Sources that name no one by themselves: a pronoun, a possessive, a relative pronoun.
PRONOUNS = PERSONAL_PRONOUNS | POSSESSIVES | RELATIVE_PRONOUNS


def actors_of(nlp, text: str, name: str = "doc") -> list[Actor]:
    source = Source(name, Path(name), text, hashlib.sha256(text.encode()).hexdigest(), Meta())
    return find_actors(analyse(nlp, source, detect(text)))


def polnear_report(nlp, eval_dir: Path, limit: int | None) -> dict:
    """Source coverage per variant, and (confidence, right) of every actor against the silver
    reference (:mod:`generator.evaluation.silver`) for the reliability table."""
    files = sorted((eval_dir / "polnear" / "dev").glob("*.gold.json"))[:limit]
    result: dict = {"confidence": []}
    silver = {}
    for variant in ("original", "lower"):
        covered = total = 0
        for gold_file in files:
            text = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text(
                encoding="utf-8")
            gold = json.loads(gold_file.read_text())
            if gold_file not in silver:
                silver[gold_file] = Silver(nlp, text, gold["attributions"])
            text = lower_same_length(text) if variant == "lower" else text
            found = actors_of(nlp, text)
            result["confidence"].extend((a.confidence, silver[gold_file].right(a))
                                        for a in found)
            mentions = [m.span for a in found for m in a.mentions]
            for attribution in gold["attributions"]:
                spans = attribution["source"]
                if not spans or attribution["source_text"].lower().strip() in PRONOUNS:
                    continue
                total += 1
                covered += any(s < me and e > ms for s, e in spans for ms, me in mentions)
        result[variant] = {"sources": total, "covered": covered,
                           "share": round(covered / max(total, 1), 3)}
    return result


def cnndm_report(nlp, eval_dir: Path, limit: int | None, sample: Path | None) -> dict:
    inputs = sorted(p for p in (eval_dir / "cnndm").glob("*.txt") if p.stem.count(".") == 0)
    tp = fp = fn = 0
    shown = Agreement()
    lines = []
    for path in inputs[:limit]:
        lower = path.read_text(encoding="utf-8")
        cased = path.with_suffix(".cased.txt").read_text(encoding="utf-8")
        found = actors_of(nlp, lower, path.stem)
        expected = actors_of(nlp, cased, path.stem)
        predicted = {m.span for a in found for m in a.mentions if m.text.lower() not in PRONOUNS}
        reference = {m.span for a in expected for m in a.mentions
                     if m.text.lower() not in PRONOUNS}
        tp += len(predicted & reference)
        fp += len(predicted - reference)
        fn += len(reference - predicted)
        shown.add(found, expected)
        lines.append(f"## {path.stem}\n" + "\n".join(
            f"- {a.name} [{a.kind}] x{len(a.mentions)}: "
            + "; ".join(sorted({m.readable for m in a.mentions})) for a in found))
    if sample is not None:
        sample.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {"articles": len(inputs[:limit]), "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(f1(p, r), 3), "shown": shown}


class Agreement:
    """Shown actors (places aside) of the lower-case run against those of the cased run.

    An actor agrees when one of its named mentions has the span of a mention of an actor of
    the same kind in the other run: what case restoration invented (an actor only the
    lower-case run shows) and lost (one only the cased run shows).
    """

    def __init__(self) -> None:
        self.lower = self.lower_agreeing = self.cased = self.cased_agreeing = 0

    def add(self, found: list[Actor], expected: list[Actor]) -> None:
        mine, theirs = _shown_spans(found), _shown_spans(expected)
        self.lower += len(mine)
        self.lower_agreeing += sum(bool(spans & _all(theirs, kind)) for kind, spans in mine)
        self.cased += len(theirs)
        self.cased_agreeing += sum(bool(spans & _all(mine, kind)) for kind, spans in theirs)

    def scores(self) -> tuple[float, float]:
        return ratio(self.lower_agreeing, self.lower), ratio(self.cased_agreeing, self.cased)


def _shown_spans(actors: list[Actor]) -> list[tuple[str, set]]:
    """Kind and named mention spans of each actor the site shows (at the default threshold)."""
    return [(a.kind, {m.span for m in a.mentions if m.text.lower() not in PRONOUNS})
            for a in actors if a.confidence >= DEFAULT_THRESHOLD.actors and a.kind != "place"]


def _all(actors: list[tuple[str, set]], kind: str) -> set:
    return {span for k, spans in actors if k == kind for span in spans}


def seed_actors(nlp, eval_dir: Path, path: Path) -> None:
    """The seed's actors against gold: each found once, nothing extra, merged or repeated."""
    gold = yaml.safe_load((eval_dir / "seed" / "gold.yaml").read_text())
    source = read_article(path)
    report = seed.evaluate(gold, source.text, extract(nlp, source))
    rows = report.sections["actors"]
    print(f"seed: {sum(ok for ok, _ in rows)}/{len(rows)} actor checks met; extra "
          f"{len(report.extra_actors)}, merged {len(report.merged_actors)}, duplicates "
          f"{len(report.duplicate_actors)}")
    for ok, line in rows:
        print(f"  {'ok' if ok else '!!'} {line}")
    for line in report.extra_actors + report.merged_actors + report.duplicate_actors:
        print(f"  !! {line}")


def print_reliability(pairs: list[tuple[float, bool]], threshold: float) -> None:
    """The actors' confidence against the silver reference, by bin, and at the threshold."""
    print("polnear dev actor confidence vs silver reference (original + lower-cased):")
    print("  bin        actors  mean confidence  share right")
    for row in reliability(pairs):
        print(f"  {row['bin']:9} {row['n']:7} {row['confidence']:16.3f} {row['right']:12.3f}")
    shown = [y for p, y in pairs if p >= threshold]
    right = sum(y for _, y in pairs)
    print(f"  calibration error {expected_calibration_error(pairs):.3f}; at threshold "
          f"{threshold}: {len(shown)}/{len(pairs)} actors shown, "
          f"{ratio(sum(shown), len(shown)):.3f} of them right, "
          f"{ratio(sum(shown), right):.3f} of the right ones shown")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score actors on ../shared/eval")
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--seed", type=Path, default=Path("seeds/000_3d98c2cb0ee05817.txt"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sample", type=Path, help="write every article's actors here")
    args = parser.parse_args(argv)
    nlp = load_model()
    config = Path("mkdocs.yml")
    threshold = settings.load(config).threshold if config.is_file() else DEFAULT_THRESHOLD
    start = time.perf_counter()
    seed_actors(nlp, args.eval_dir, args.seed)
    polnear = polnear_report(nlp, args.eval_dir, args.limit)
    for variant, row in polnear.items():
        if variant == "confidence":
            continue
        print(f"polnear dev ({variant}): {row['covered']}/{row['sources']} non-pronoun sources "
              f"inside an actor mention = {row['share']:.3f}")
    print_reliability(polnear["confidence"], threshold.actors)
    cnndm = cnndm_report(nlp, args.eval_dir, args.limit, args.sample)
    print(f"cnndm ({cnndm['articles']} articles): mentions on lower-case input vs cased original:"
          f" P {cnndm['precision']:.3f} R {cnndm['recall']:.3f} F1 {cnndm['f1']:.3f}")
    agreement = cnndm["shown"]
    print(f"cnndm shown actors: {agreement.lower} on lower-case input, "
          f"{agreement.scores()[0]:.3f} also shown from the cased original; "
          f"{agreement.cased} from the cased original, {agreement.scores()[1]:.3f} also shown "
          "from lower case")
    print(f"time: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
