"""A tiny rule-based stand-in for the extractor, so merge tests run without spaCy.

It numbers ids by position exactly as the real extractor does (``s1``, ``c1``,
``t1``, ``e1``, actor slugs), which is what makes id stability worth testing:
one sentence inserted above shifts every machine id.
"""

from __future__ import annotations

import hashlib
import re

from generator.model import (
    Actor,
    Article,
    Claim,
    DateRef,
    Event,
    Explainer,
    InputInfo,
    Mention,
    Sentence,
    TextRef,
)

ACTORS = {"officials": ("Officials", "government"), "police": ("Police", "organisation"),
          "doctors": ("Doctors", "group")}
MONTHS = {"december": "XXXX-12", "march": "XXXX-03"}


def fake_extract(text: str, article_id: str = "a1") -> Explainer:
    """Lines are sentences; ``<actor> said <words>`` is a claim; month names are dates."""
    sentences = _sentences(text)
    actors: dict[str, Actor] = {}
    claims: list[Claim] = []
    dates: list[DateRef] = []
    for sentence in sentences:
        start = sentence.span[0]
        line = text[start:sentence.span[1]]
        for match in re.finditer(r"[a-z]+", line):
            word = match.group()
            span = (start + match.start(), start + match.end())
            if word in ACTORS:
                name, kind = ACTORS[word]
                actors.setdefault(word, Actor(word, name, kind)).mentions.append(
                    Mention(sentence.id, span, word))
            if word in MONTHS:
                dates.append(DateRef(f"t{len(dates) + 1}", sentence.id, span, word, "DATE",
                                     MONTHS[word], None, word.title()))
        said = re.match(r"([a-z]+) (said) (.+)", line)
        if said and said.group(1) in ACTORS:
            claims.append(Claim(
                f"c{len(claims) + 1}", sentence.id, said.group(1),
                _ref(text, start, said, 1), _ref(text, start, said, 2),
                _ref(text, start, said, 3)))
    timeline = [Event(f"e{i + 1}", d.id, f"Something in {d.text}", d.sentence, [])
                for i, d in enumerate(dates)]
    return Explainer(
        article=Article(article_id, "A title", None, input=InputInfo(
            f"seeds/{article_id}.txt", hashlib.sha256(text.encode()).hexdigest(), "tokenized",
            True, "1")),
        sentences=sentences, actors=list(actors.values()), claims=claims, dates=dates,
        timeline=timeline, key_points=[sentences[0].id] if sentences else [])


def _sentences(text: str) -> list[Sentence]:
    out = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            out.append(Sentence(f"s{len(out) + 1}", match.span(), match.group().capitalize()))
    return out


def _ref(text: str, start: int, match: re.Match[str], group: int) -> TextRef:
    span = (start + match.start(group), start + match.end(group))
    return TextRef(span, text[span[0]:span[1]])
