"""Key points: the few sentences that carry the story (extractive).

News puts the story first, so position counts most; sentences that name many of
the article's actors, carry claims or dates, and are of reading length count more.
"""

from __future__ import annotations

from collections import Counter

from generator.model import Actor, Claim, DateRef, Sentence

MAX_POINTS = 3


def choose(sentences: list[Sentence], actors: list[Actor], claims: list[Claim],
           dates: list[DateRef], limit: int = MAX_POINTS) -> list[str]:
    """Ids of the best sentences, in article order."""
    weight = Counter()
    for actor in actors:
        if actor.kind != "place":
            for mention in actor.mentions:
                weight[mention.sentence] += min(len(actor.mentions), 5) / 5
    for claim in claims:
        weight[claim.sentence] += 1.0
    for date in dates:
        weight[date.sentence] += 0.3
    scored = [(_score(i, s, weight[s.id], len(sentences)), i, s.id)
              for i, s in enumerate(sentences)]
    best = sorted(scored, key=lambda t: (-t[0], t[1]))[:limit]
    return [sid for _, _, sid in sorted(best, key=lambda t: t[1])]


def _score(index: int, sentence: Sentence, weight: float, total: int) -> float:
    words = len(sentence.text.split())
    length = 1.0 if 8 <= words <= 45 else 0.3
    position = 1.0 / (1 + index) + (0.5 if index < 3 else 0.0)
    return length * (2.0 * position + 0.4 * min(weight, 4.0) / max(total, 1) ** 0.1)
