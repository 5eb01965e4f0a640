"""Key points: the few sentences that carry the story (extractive).

News writing puts the story first: on CNN/DailyMail, the first three sentences
(Lead-3) are a baseline few unsupervised methods beat, and weighting sentences by
the actors, claims or dates in them scored below it (see docs/methods/site.md).
So the key points are the first sentences that read as story sentences: fragments,
photo captions, bylines and "scroll down" lines (by their sentence ``role`` or their
opening words) are passed over, and that alone scores above Lead-3 on all three ROUGE
measures.
"""

from __future__ import annotations

import re

from generator.model import Sentence

MAX_POINTS = 3
MIN_WORDS = 5
NOT_STORY = re.compile(
    r"^\W*(pictured|photo(graph)?|picture|image|video|watch|scroll down|click|read more"
    r"|by\s|published|updated|follow\s|e-?mail)\b", re.IGNORECASE)


def choose(sentences: list[Sentence], limit: int = MAX_POINTS) -> list[str]:
    """Ids of the key sentences, in article order: position carries the story."""
    body = [s for s in sentences if s.is_body]  # captions, bylines and notes never
    story = [s.id for s in body if is_story_sentence(s.text)]
    if len(story) < min(limit, len(body)):
        chosen = set(story)
        story += [s.id for s in body if s.id not in chosen]
        order = {s.id: i for i, s in enumerate(body)}
        story = sorted(story[:limit], key=order.__getitem__)
    return story[:limit]


def is_story_sentence(text: str) -> bool:
    """A sentence of the story, not a fragment, caption, byline or page furniture."""
    words = text.split()
    return len(words) >= MIN_WORDS and not NOT_STORY.match(text.strip())
