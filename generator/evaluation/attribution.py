"""Evaluate attribution extraction on PolNeAR (content P/R/F1, source accuracy, speed).

Matching: texts are cut into word tokens (``\\w+`` runs joined by apostrophes; punctuation and
quote marks do not count). A predicted content matches a gold content when
``|pred ∩ gold| / max(|pred|, |gold|) >= threshold`` (default 0.5), where gold tokens are the
union of its (possibly discontinuous) fragments; pairs are matched one-to-one, best overlap
first.  Source accuracy over matched pairs: correct when the predicted source shares a word
token with a gold source fragment, or when gold has no source and the prediction is None.
Each run is done on the original text and on ``text.lower()`` (same offsets), each read as
``explainer extract`` reads it (form detection, case restoration, the production parse), and the
spans found are mapped back into that text.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from generator.evaluation.metrics import f1
from generator.evaluation.polnear import (
    Gold,
    input_attributions,
    load_split,
    lower_same_length,
    match,
    tokens_in,
    word_spans,
)
from generator.evaluation.production import analysed
from generator.nlp.attribution import Attribution
from generator.nlp.pipeline import load_model


@dataclass
class Scores:
    """Running totals over documents."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    words: int = 0
    parse_s: float = 0.0
    extract_s: float = 0.0
    misses: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = f1(p, r)
        src = self.source_ok / self.matched if self.matched else 0.0
        cue = self.cue_ok / self.matched if self.matched else 0.0
        total = self.parse_s + self.extract_s
        wps = self.words / total if total else 0.0
        xwps = self.words / self.extract_s if self.extract_s else 0.0
        return (f"| {name} | {self.gold} | {self.pred} | {p:.3f} | {r:.3f} | {f:.3f} | "
                f"{src:.3f} | {cue:.3f} | {wps:,.0f} | {xwps:,.0f} |")


def score_doc(text: str, gold: Gold, preds: list[Attribution], scores: Scores,
              threshold: float) -> None:
    words = word_spans(text)
    starts = [w[0] for w in words]
    g_sets = [tokens_in([tuple(x) for x in g["content"]], words, starts) for g in gold]
    p_sets = [tokens_in([p.content], words, starts) for p in preds]
    pairs = match(p_sets, g_sets, threshold)
    scores.gold += len(gold)
    scores.pred += len(preds)
    scores.matched += len(pairs)
    for i, j in pairs:
        g, p = gold[j], preds[i]
        if not g["source"]:
            scores.source_ok += p.source is None
        elif p.source is not None:
            gs = tokens_in([tuple(x) for x in g["source"]], words, starts)
            scores.source_ok += bool(gs & tokens_in([p.source], words, starts))
        if p.cue is not None and g["cue"]:
            gc = tokens_in([tuple(x) for x in g["cue"]], words, starts)
            scores.cue_ok += bool(gc & tokens_in([p.cue], words, starts))
    hit = {j for _, j in pairs}
    for j, g in enumerate(gold):
        if j not in hit and len(scores.misses) < 10_000:
            scores.misses.append(f"MISS [{g['cue_text']}] {g['content_text'][:120]}")
    hit_p = {i for i, _ in pairs}
    for i, p in enumerate(preds):
        if i not in hit_p and len(scores.misses) < 10_000:
            scores.misses.append(f"FP   [{text[p.cue[0]:p.cue[1]] if p.cue else '-'}] "
                                 f"{text[p.content[0]:p.content[1]][:120]}")


def run(nlp: Language, items: list[tuple[str, Gold]], lower: bool,
        threshold: float) -> Scores:
    """Each text through the production pipeline (``analyse``), then the attribution passes."""
    scores = Scores()
    for n, (text, gold) in enumerate(items):
        text = lower_same_length(text) if lower else text
        t0 = time.perf_counter()
        document = analysed(nlp, text, f"polnear{n}")
        t1 = time.perf_counter()
        preds = input_attributions(document)
        scores.parse_s += t1 - t0
        scores.extract_s += time.perf_counter() - t1
        scores.words += len(text.split())
        score_doc(text, gold, preds, scores, threshold)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default="../shared/eval")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--no-lower", action="store_true", help="skip the lower-cased run")
    parser.add_argument("--errors", type=Path, default=None, help="write misses/FPs here")
    args = parser.parse_args(argv)
    items = load_split(Path(args.eval_dir) / "polnear" / args.split, args.limit)
    nlp = load_model()
    print(f"PolNeAR {args.split}: {len(items)} documents, overlap >= {args.threshold}")
    print("| run | gold | pred | P | R | F1 | source acc | cue acc | words/s (parse+extract) "
          "| words/s (extract) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    runs = [("original", False)] + ([] if args.no_lower else [("lower-cased", True)])
    for name, lower in runs:
        scores = run(nlp, items, lower, args.threshold)
        print(scores.row(name))
        if args.errors is not None:
            out = args.errors.with_suffix(f".{name}.txt")
            out.write_text("\n".join(scores.misses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
