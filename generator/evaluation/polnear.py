"""PolNeAR read in place, and the word-token matching that scores attributions against it.

Shared by the attribution evaluation and the cue scorer's training
(``tools/train_attribution_scorer.py``), so both count a hit the same way. Word tokens are
``\\w+`` runs joined by apostrophes (punctuation and quote marks do not count); a predicted
content matches a gold one when ``|pred ∩ gold| / max(|pred|, |gold|)`` reaches a threshold.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from pathlib import Path

from generator.evaluation.production import to_input
from generator.nlp.attribution import Attribution, CueScorer, find_attributions
from generator.nlp.pipeline import Document

WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
Gold = list[dict]


def load_split(folder: Path, limit: int | None = None) -> list[tuple[str, Gold]]:
    """(text, gold attributions) of each document of a split, in file-name order."""
    items = []
    for path in sorted(folder.glob("*.gold.json"))[:limit]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(
            encoding="utf-8")
        items.append((text, gold["attributions"]))
    return items


def lower_same_length(text: str) -> str:
    """``text.lower()`` but keeping any character whose lower form changes the length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def input_attributions(document: Document, scorer: CueScorer | None = None
                       ) -> list[Attribution]:
    """The attributions found on the production parse, with spans in input-text offsets
    (one whose content does not map back is left out)."""
    out = []
    for a in find_attributions(document.doc, scorer):
        content = to_input(document, a.content)
        if content is not None:
            out.append(Attribution(content, to_input(document, a.cue),
                                   to_input(document, a.source), a.kind, a.sentence, a.origin,
                                   a.score))
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def tokens_in(spans: list[tuple[int, int]], words: list[tuple[int, int]],
              starts: list[int]) -> frozenset[int]:
    """Indexes of word tokens lying (by their midpoint) inside any of ``spans``."""
    out: set[int] = set()
    for s, e in spans:
        i = max(0, bisect_left(starts, s) - 1)
        while i < len(words) and words[i][0] < e:
            mid = (words[i][0] + words[i][1]) / 2
            if s <= mid < e:
                out.add(i)
            i += 1
    return frozenset(out)


def source_right(gold_source: list, source: tuple[int, int] | None,
                 cue: tuple[int, int] | None, words: list[tuple[int, int]],
                 starts: list[int]) -> bool:
    """Whether a matched content's source is right: it shares a word with the annotated source
    (or, when a clitic glued to it hides the word, a character), or both are absent. An
    unattributed quote (no source, no cue) names no one, and the page says so
    ("Unattributed"): PolNeAR names its speaker from the context, but naming no one is not
    naming the wrong one."""
    if source is None:
        return not gold_source or cue is None
    if not gold_source:
        return False
    spans = [tuple(x) for x in gold_source]
    gold, found = tokens_in(spans, words, starts), tokens_in([source], words, starts)
    if gold & found:
        return True
    # a source glued to a clitic ("He’s comparing"): the word token "He’s" has its midpoint
    # outside "He", so neither side holds a token; the characters decide
    return (not gold or not found) and any(a < source[1] and source[0] < b for a, b in spans)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match(pred: list[frozenset[int]], gold: list[frozenset[int]],
          threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), best overlap first."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p & g:
                o = overlap(p, g)
                if o >= threshold:
                    cands.append((o, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs
