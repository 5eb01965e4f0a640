"""Evaluate claims and attributions on PolNeAR (content P/R/F1, source accuracy, calibration,
speed).

Matching: texts are cut into word tokens (``\\w+`` runs joined by apostrophes; punctuation and
quote marks do not count). A predicted content matches a gold content when
``|pred ∩ gold| / max(|pred|, |gold|) >= threshold`` (default 0.5), where gold tokens are the
union of its (possibly discontinuous) fragments; pairs are matched one-to-one, best overlap
first.  Source accuracy over matched pairs: correct when the predicted source shares a word
token with a gold source fragment, or when gold has no source and the prediction is None.

Each text, as written and lower-cased (``text.lower()``, same offsets), goes through
:func:`generator.extract.extract` exactly as ``explainer extract`` runs it; the rows score

- **claims (all)**: every claim of the explainer (what the YAML lists);
- **claims (shown)**: those with ``confidence >= --site-threshold`` (what the page shows);
- **attributions**: the attribution finder before claims are chosen (PolNeAR's own notion,
  actions included), on a second parse of the same text.

The reliability table bins the claims' confidences: in each bin the share that is right
(content matched and source right) should be close to the mean confidence.
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
    source_right,
    tokens_in,
    word_spans,
)
from generator.evaluation.production import analysed, source_of
from generator.extract import extract
from generator.model import DEFAULT_THRESHOLD, Thresholds
from generator.nlp.pipeline import load_model

Span = tuple[int, int]


@dataclass(frozen=True)
class Predicted:
    """One predicted content with its source and cue (input offsets) and confidence."""

    content: Span
    source: Span | None
    cue: Span | None
    confidence: float = 1.0


@dataclass
class Scores:
    """Running totals over documents."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    words: int = 0
    seconds: float = 0.0
    # (confidence, content matched, right) per prediction
    calibration: list[tuple[float, bool, bool]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        src = self.source_ok / self.matched if self.matched else 0.0
        cue = self.cue_ok / self.matched if self.matched else 0.0
        speed = f"{self.words / self.seconds:,.0f}" if self.seconds else "–"
        return (f"| {name} | {self.gold} | {self.pred} | {p:.3f} | {r:.3f} | {f1(p, r):.3f} | "
                f"{src:.3f} | {cue:.3f} | {speed} |")


def score_doc(text: str, gold: Gold, preds: list[Predicted], scores: Scores,
              threshold: float) -> None:
    words = word_spans(text)
    starts = [w[0] for w in words]
    g_sets = [tokens_in([tuple(x) for x in g["content"]], words, starts) for g in gold]
    p_sets = [tokens_in([p.content], words, starts) for p in preds]
    pairs = dict(match(p_sets, g_sets, threshold))
    scores.gold += len(gold)
    scores.pred += len(preds)
    scores.matched += len(pairs)
    for i, p in enumerate(preds):
        right = False
        if i in pairs:
            g = gold[pairs[i]]
            right = source_right(g["source"], p.source, p.cue, words, starts)
            scores.source_ok += right
            if p.cue is not None and g["cue"]:
                gc = tokens_in([tuple(x) for x in g["cue"]], words, starts)
                scores.cue_ok += bool(gc & tokens_in([p.cue], words, starts))
        scores.calibration.append((p.confidence, i in pairs, right))
    _misses(text, gold, preds, pairs, scores)


def _misses(text: str, gold: Gold, preds: list[Predicted], pairs: dict[int, int],
            scores: Scores) -> None:
    hit = set(pairs.values())
    for j, g in enumerate(gold):
        if j not in hit and len(scores.misses) < 10_000:
            scores.misses.append(f"MISS [{g['cue_text']}] {g['content_text'][:120]}")
    for i, p in enumerate(preds):
        if i not in pairs and len(scores.misses) < 10_000:
            scores.misses.append(f"FP   [{text[p.cue[0]:p.cue[1]] if p.cue else '-'}] "
                                 f"{text[p.content[0]:p.content[1]][:120]}")


@dataclass
class Run:
    """The three rows of one input form."""

    claims: Scores = field(default_factory=Scores)
    shown: Scores = field(default_factory=Scores)
    finder: Scores = field(default_factory=Scores)


def run(nlp: Language, items: list[tuple[str, Gold]], lower: bool, threshold: float,
        site_threshold: float, finder: bool = True) -> Run:
    """Each text through production extraction (timed: parse and extraction together), then
    scored; the attribution finder on its own parse when ``finder``."""
    out = Run()
    for n, (text, gold) in enumerate(items):
        text = lower_same_length(text) if lower else text
        start = time.perf_counter()
        explainer = extract(nlp, source_of(text, f"polnear{n}"),
                            threshold=Thresholds(claims=site_threshold))
        out.claims.seconds += time.perf_counter() - start
        out.claims.words += len(text.split())
        claims = [Predicted(c.content.span, c.source.span if c.source else None,
                            c.cue.span if c.cue else None, c.confidence)
                  for c in explainer.claims]
        score_doc(text, gold, claims, out.claims, threshold)
        score_doc(text, gold, [c for c, e in zip(claims, explainer.claims, strict=True)
                               if e.shown], out.shown, threshold)
        if finder:
            found = [Predicted(a.content, a.source, a.cue)
                     for a in input_attributions(analysed(nlp, text, f"polnear{n}"))]
            score_doc(text, gold, found, out.finder, threshold)
    return out


def reliability(items: list[tuple[float, bool, bool]], bins: int = 10) -> list[str]:
    """Markdown rows: confidence bin, claims, mean confidence, share right."""
    rows = ["| confidence | claims | mean confidence | right |", "|---|---|---|---|"]
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, _, r in items if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(r for _, r in inside) / len(inside)
            rows.append(f"| {lo:.1f}–{hi:.1f} | {len(inside)} | {mean:.3f} | {right:.3f} |")
    return rows


def operating_points(items: list[tuple[float, bool, bool]], gold: int,
                     thresholds: tuple[float, ...] = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9)
                     ) -> list[str]:
    """Markdown rows: what the page would show at other site thresholds (content P and R)."""
    rows = ["| threshold | shown | content P | content R |", "|---|---|---|---|"]
    for t in thresholds:
        shown = [m for c, m, _ in items if c >= t]
        p = sum(shown) / len(shown) if shown else 0.0
        rows.append(f"| {t:.2f} | {len(shown)} | {p:.3f} | {sum(shown) / gold:.3f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default="../shared/eval")
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--threshold", type=float, default=0.5, help="content overlap to match")
    parser.add_argument("--site-threshold", type=float, default=DEFAULT_THRESHOLD.claims,
                        help="confidence a claim needs to be shown")
    parser.add_argument("--no-lower", action="store_true", help="skip the lower-cased run")
    parser.add_argument("--no-finder", action="store_true",
                        help="skip the attribution finder rows (one parse less per text)")
    parser.add_argument("--errors", type=Path, default=None, help="write misses/FPs here")
    args = parser.parse_args(argv)
    items = load_split(Path(args.eval_dir) / "polnear" / args.split, args.limit)
    nlp = load_model()
    print(f"PolNeAR {args.split}: {len(items)} documents, overlap >= {args.threshold}, "
          f"claims shown at confidence >= {args.site_threshold}")
    print("| run | gold | pred | P | R | F1 | source acc | cue acc | words/s (extract) |")
    print("|---|---|---|---|---|---|---|---|---|")
    calibration: list[tuple[float, bool, bool]] = []
    gold = 0
    forms = [("original", False)] + ([] if args.no_lower else [("lower-cased", True)])
    for name, lower in forms:
        result = run(nlp, items, lower, args.threshold, args.site_threshold,
                     not args.no_finder)
        print(result.claims.row(f"claims, all ({name})"))
        print(result.shown.row(f"claims, shown ({name})"))
        if not args.no_finder:
            print(result.finder.row(f"attributions ({name})"))
        calibration += result.claims.calibration
        gold += result.claims.gold
        if args.errors is not None:
            out = args.errors.with_suffix(f".{name}.txt")
            out.write_text("\n".join(result.claims.misses), encoding="utf-8")
    print(f"\nReliability of the claims' confidence ({', '.join(n for n, _ in forms)}):")
    print("\n".join(reliability(calibration)))
    print("\nOther site thresholds (the same runs):")
    print("\n".join(operating_points(calibration, gold)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
