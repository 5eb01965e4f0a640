"""Attribution extraction: who (source) said or thought (cue) what (content).

Rule-based on the spaCy dependency parse, in three passes: reported speech
(:mod:`.reported`, with the learned cue scorer of :mod:`.scorer`), direct quotes
(:mod:`.quotes`), then near-duplicate contents are merged. Offsets are character offsets into
``doc.text``; pronoun sources are kept as written.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from spacy.tokens import Doc

from generator.nlp.attribution.headlines import headline_drafts
from generator.nlp.attribution.quotes import apply_quotes
from generator.nlp.attribution.reported import reported_drafts
from generator.nlp.attribution.scorer import CueScorer, load_scorer
from generator.nlp.attribution.spans import Attribution, Draft, take_open_quote, to_chars
from generator.nlp.docs import sentence_index


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Keep one of near-identical contents, preferring the one with a source and cue."""
    drafts = sorted(drafts, key=lambda d: (d.source is None, d.cue is None, d.learned))
    kept: list[Draft] = []
    starts: list[tuple[int, int]] = []  # kept contents by start, to compare only near ones
    for d in drafts:
        # _same needs 80% overlap of the longer: starts at most a quarter of d apart
        margin = (d.content[1] - d.content[0]) // 4 + 1
        first = bisect_left(starts, (d.content[0] - margin, -1))
        last = bisect_left(starts, (d.content[0] + margin + 1, -1))
        if any(_same(d.content, kept[n].content) for _, n in starts[first:last]):
            continue
        insort(starts, (d.content[0], len(kept)))
        kept.append(d)
    return sorted(kept, key=lambda d: d.content)


def _same(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter / max(a[1] - a[0], b[1] - b[0]) >= 0.8



def find_attributions(doc: Doc, scorer: CueScorer | None = None) -> list[Attribution]:
    """All attributions in ``doc`` (parsed with a dependency parser), in text order.
    ``scorer`` replaces the shipped cue scorer (training uses a rules-only one)."""
    if len(doc) == 0:
        return []
    scorer = scorer or load_scorer()
    drafts = reported_drafts(doc, scorer) + headline_drafts(doc)
    drafts = _dedupe(apply_quotes(doc, drafts))
    sent_of = sentence_index(doc)
    result = []
    for d in drafts:
        content = to_chars(doc, take_open_quote(doc, *d.content))
        if content is None:
            continue
        anchor = d.cue[0] if d.cue else d.content[0]
        result.append(Attribution(content, to_chars(doc, d.cue), to_chars(doc, d.source), d.kind,
                                  sent_of[anchor], d.origin, d.score))
    return result
