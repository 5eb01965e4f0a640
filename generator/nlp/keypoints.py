"""Key points: the few sentences that cover the story (extractive).

News writing puts the story first, so position is the strongest single signal (Lead-3 is
a baseline few unsupervised methods beat on CNN/DailyMail); but the first three
sentences often repeat one fact and leave out the other side or the evidence. So the
key points are chosen by maximal marginal relevance (Carbonell and Goldstein, 1998) over
the story sentences:

- relevance = a mild position prior, ``1 / sqrt(rank + 1)``, times ``1 + centrality +
  items``, where centrality is the sentence's mean TF-IDF cosine similarity to the other
  story sentences (how much of the story it shares) and items the number of shown
  actors, shown claims and dates it carries, each scaled to the article's highest;
- each next point maximises ``LAMBDA * relevance - (1 - LAMBDA) * redundancy``, the
  redundancy being its highest similarity to a point already chosen, so a sentence that
  repeats one already taken gives way to one that adds to the story.

Photo captions, bylines, notes and fragments ("Scroll down for video") are never key
points (their sentence ``role`` or their opening words). The settings and their scores
against Lead-3 are in docs/methods/site.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from generator.model import Actor, Claim, DateRef, Sentence

MAX_POINTS = 3
MIN_WORDS = 5
LAMBDA = 0.7  # the usual MMR balance of relevance against redundancy
POSITION_DECAY = 0.5  # relevance falls as 1 / (rank + 1) ** POSITION_DECAY
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
NOT_STORY = re.compile(
    r"^\W*(pictured|photo(graph)?|picture|image|video|watch|scroll down|click|read more"
    r"|by\s|published|updated|follow\s|e-?mail)\b", re.IGNORECASE)

Vector = dict[str, float]


def choose(sentences: Sequence[Sentence], spans: Sequence[Span | None], *,
           actors: Iterable[Actor] = (), claims: Iterable[Claim] = (),
           dates: Iterable[DateRef] = (), limit: int = MAX_POINTS) -> list[str]:
    """Ids of the key sentences, in article order. ``spans`` are the parsed sentences (one
    per sentence); only shown actors and claims count."""
    body = [k for k, s in enumerate(sentences) if s.is_body]  # captions, bylines never
    story = [k for k in body if is_story_sentence(sentences[k].text)]
    if len(story) < min(limit, len(body)):  # too few story sentences: the body in order
        return [sentences[k].id for k in body[:limit]]
    vectors = _vectors(spans)
    relevance = _relevance(story, vectors, _items(sentences, actors, claims, dates))
    chosen: list[int] = []
    while len(chosen) < min(limit, len(story)):
        chosen.append(max((k for k in story if k not in chosen), key=lambda k: (
            LAMBDA * relevance[k]
            - (1 - LAMBDA) * max((_cosine(vectors[k], vectors[c]) for c in chosen),
                                 default=0.0), -k)))
    return [sentences[k].id for k in sorted(chosen)]


def is_story_sentence(text: str) -> bool:
    """A sentence of the story, not a fragment, caption, byline or page furniture."""
    words = text.split()
    return len(words) >= MIN_WORDS and not NOT_STORY.match(text.strip())


def _relevance(story: list[int], vectors: list[Vector], items: Counter[int]) -> dict[int, float]:
    """Position prior times (1 + centrality + items), scaled so the highest is 1."""
    total: Counter[str] = Counter()
    for k in story:
        total.update(vectors[k])
    # the mean similarity to the others, through their sum: linear in the article's length
    centrality = {k: max(0.0, _cosine(vectors[k], total) - _cosine(vectors[k], vectors[k]))
                  / max(1, len(story) - 1) for k in story}
    top_centrality = max(centrality.values()) or 1.0
    top_items = max(items[k] for k in story) or 1
    score = {k: (1 + centrality[k] / top_centrality + items[k] / top_items)
             / (rank + 1) ** POSITION_DECAY for rank, k in enumerate(story)}
    top = max(score.values())
    return {k: v / top for k, v in score.items()}


def _items(sentences: Sequence[Sentence], actors: Iterable[Actor], claims: Iterable[Claim],
           dates: Iterable[DateRef]) -> Counter[int]:
    """Per sentence index: the shown actors (not places), shown claims and dates it holds."""
    index = {s.id: k for k, s in enumerate(sentences)}
    found: Counter[int] = Counter()
    for actor in actors:
        if actor.shown and actor.kind != "place":
            found.update(index[sid] for sid in {m.sentence for m in actor.mentions}
                         if sid in index)
    found.update(index[c.sentence] for c in claims if c.shown and c.sentence in index)
    found.update(index[d.sentence] for d in dates if d.sentence in index)
    return found


def _vectors(spans: Sequence[Span | None]) -> list[Vector]:
    """Unit TF-IDF vectors of content lemmas, the IDF taken over the article's sentences."""
    bags = [Counter(t.lemma_.lower() for t in (span or ()) if (
        t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop) or t.like_num) for span in spans]
    count = len(bags)
    frequency = Counter(lemma for bag in bags for lemma in bag)
    out = []
    for bag in bags:
        weights = {lemma: n * math.log((count + 1) / (frequency[lemma] + 0.5))
                   for lemma, n in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        out.append({lemma: w / norm for lemma, w in weights.items()})
    return out


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(lemma, 0.0) for lemma, w in a.items())
