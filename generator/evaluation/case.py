"""Evaluate case and punctuation restoration on the cnndm set (seed-format inputs).

Figures: (a) case precision/recall/F1 over tokens capitalised in the gold
``.cased.txt`` and whole-token accuracy; (b) share of sentences whose restored text
equals ``.orig.txt`` (whitespace and quote style normalised), strict and ignoring case;
(c) agreement of spaCy entities on restored text vs on the original sentences, and the
same for the raw lower-case input as a baseline; (d) restoration time vs spaCy time.
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.evaluation.metrics import f1, ratio
from generator.text.restore import RestoredSentence, restore_document
from generator.text.truecase import load_model

QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                           "\u2032": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
                           "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                           "\u00ab": '"', "\u00bb": '"'})
SPACE = re.compile(r"\s+")
LINE = re.compile(r"[^\n]+")


@dataclass
class Document:
    """One article: input text, line spans, gold tokens and original sentences."""

    name: str
    text: str
    spans: list[tuple[int, int]]
    gold_tokens: list[list[str]]
    original: list[str]
    restored: list[RestoredSentence] = field(default_factory=list)


@dataclass
class Tally:
    """Counts for precision/recall over capitalised tokens."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    correct: int = 0
    total: int = 0

    def f1(self) -> tuple[float, float, float]:
        precision = ratio(self.true_pos, self.true_pos + self.false_pos)
        recall = ratio(self.true_pos, self.true_pos + self.false_neg)
        return precision, recall, f1(precision, recall)


def load_documents(folder: Path, limit: int | None) -> list[Document]:
    names = sorted(p for p in folder.glob("*.txt") if p.stem.count(".") == 0)
    docs = []
    for path in names[:limit]:
        text = path.read_text(encoding="utf-8")
        spans = [(m.start(), m.end()) for m in LINE.finditer(text)]
        cased = path.with_suffix(".cased.txt").read_text(encoding="utf-8").split("\n")
        original = path.with_suffix(".orig.txt").read_text(encoding="utf-8").split("\n")
        docs.append(Document(path.stem, text, spans, [c.split() for c in cased if c],
                             [o for o in original if o]))
    return docs


def case_tally(docs: list[Document]) -> Tally:
    """Compare the display form of every input word token with its gold form."""
    tally = Tally()
    for doc in docs:
        shown = _shown_by_source(doc.restored)
        for (start, end), gold_line in zip(doc.spans, doc.gold_tokens, strict=True):
            for match, gold in zip(re.finditer(r"\S+", doc.text[start:end]), gold_line,
                                   strict=True):
                if not any(c.isalpha() for c in gold):
                    continue
                predicted = shown.get(start + match.start(), match.group())
                _count(tally, predicted, gold)
    return tally


def _shown_by_source(restored: list[RestoredSentence]) -> dict[int, str]:
    shown = {}
    for sentence in restored:
        for piece in sentence.alignment.pieces:
            shown[piece.src_start] = sentence.text[piece.dst_start:piece.dst_end]
    return shown


def _count(tally: Tally, predicted: str, gold: str) -> None:
    tally.total += 1
    tally.correct += predicted == gold
    gold_cap, pred_cap = gold != gold.lower(), predicted != predicted.lower()
    if gold_cap and predicted == gold:
        tally.true_pos += 1
        return
    tally.false_pos += pred_cap
    tally.false_neg += gold_cap


def normalise(sentence: str) -> str:
    return SPACE.sub(" ", sentence.translate(QUOTE_MAP)).strip()


def exact_shares(docs: list[Document]) -> tuple[float, float, int]:
    """Share of sentences equal to the original: strict, and ignoring case."""
    strict = loose = total = 0
    for doc in docs:
        for restored, original in zip(doc.restored, doc.original, strict=True):
            a, b = normalise(restored.text), normalise(original)
            strict += a == b
            loose += a.lower() == b.lower()
            total += 1
    return strict / max(total, 1), loose / max(total, 1), total


def entity_scores(docs: list[Document], nlp) -> tuple[float, float, float]:
    """Entity F1 of restored and raw input vs the originals, and spaCy seconds."""
    restored = [s.text for d in docs for s in d.restored]
    raw = [d.text[s:e] for d in docs for s, e in d.spans]
    original = [o for d in docs for o in d.original]
    began = time.perf_counter()
    restored_ents = _entities(nlp, restored)
    spacy_seconds = time.perf_counter() - began
    gold = _entities(nlp, original)
    return _f1(restored_ents, gold), _f1(_entities(nlp, raw), gold), spacy_seconds


def _entities(nlp, sentences: list[str]) -> set[tuple[int, str, str]]:
    found = set()
    for i, doc in enumerate(nlp.pipe(sentences, batch_size=256)):
        for ent in doc.ents:
            key = SPACE.sub("", ent.text.lower().translate(QUOTE_MAP))
            found.add((i, key, ent.label_))
    return found


def _f1(predicted: set, gold: set) -> float:
    hits = len(predicted & gold)
    return 2 * hits / max(len(predicted) + len(gold), 1)


def restore_all(docs: list[Document]) -> float:
    """Restore every document; returns the seconds spent (model load excluded)."""
    load_model()
    began = time.perf_counter()
    for doc in docs:
        doc.restored = restore_document(doc.text, doc.spans, tokenized=True, lowercase=True)
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--no-entities", action="store_true", help="skip the spaCy parts")
    args = parser.parse_args(argv)
    docs = load_documents(args.eval_dir / "cnndm", args.limit)
    seconds = restore_all(docs)
    tally = case_tally(docs)
    precision, recall, f1 = tally.f1()
    strict, loose, sentences = exact_shares(docs)
    print(f"documents {len(docs)}  sentences {sentences}  word tokens {tally.total}")
    print(f"case        P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}  "
          f"token accuracy {tally.correct / max(tally.total, 1):.4f}")
    print(f"sentences   exact {strict:.4f}  exact ignoring case {loose:.4f}")
    words = sum(len(t) for d in docs for t in d.gold_tokens)
    print(f"restore     {seconds:.2f} s  ({words / max(seconds, 1e-9):,.0f} tokens/s)")
    if not args.no_entities:
        from generator.nlp.pipeline import load_model

        nlp = load_model()
        restored_f1, raw_f1, spacy_seconds = entity_scores(docs, nlp)
        print(f"entities    F1 restored {restored_f1:.4f}  raw lower-case {raw_f1:.4f}")
        print(f"speed       spaCy {spacy_seconds:.2f} s  restoration/spaCy "
              f"{seconds / max(spacy_seconds, 1e-9):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
