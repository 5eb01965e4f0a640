"""Timeline: the events that dates anchor, in order of time; undated key events last."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from generator.lexicon import DAYS_PER_UNIT
from generator.model import Actor, DateRef, Event, Sentence
from generator.nlp.mention_index import MentionIndex
from generator.nlp.pipeline import Document
from generator.nlp.timex import Timex, sort_key

MAX_WHAT = 220
LEADING_DEPS = {"cc", "mark", "prep", "punct"}
NOUN_DEPS = {"amod", "compound", "nummod"}
_PARTIAL_MONTH = re.compile(r"^XXXX-(\d\d)$")
# Calendar durations (``P3Y``, ``PXM``); clock ones (``PT5H``) keep the tagger's order.
_DURATION = re.compile(r"^P(\d+|X)([YMWD])$")


def build(document: Document, dates: list[tuple[DateRef, Timex]], actors: list[Actor],
          key_points: list[str]) -> list[Event]:
    """One event per date (its clause), then key sentences that hold no date, undated.

    A date in a photo caption or a byline dates the picture or the page, not an event.
    """
    body = {s.id for s in document.sentences if s.is_body}
    dated = sorted((pair for pair in dates if pair[0].sentence in body),
                   key=lambda pair: order(pair[1]))
    mentions = MentionIndex(actors)
    events = [_dated_event(document, date, timex, mentions) for date, timex in dated]
    with_dates = {date.sentence for date, _ in dated}
    sentences = {s.id: s for s in document.sentences}
    for sid in key_points:
        if sid not in with_dates:
            events.append(_undated_event(sentences[sid], mentions))
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
    return events


def _dated_event(document: Document, date: DateRef, timex: Timex,
                 mentions: MentionIndex) -> Event:
    tokens = _clause(document, timex)
    what = _what(document, timex, tokens) if tokens else ""
    if not what.strip():
        what = document.sentence_at(timex.start).text
    source = None
    if tokens:
        source = document.alignment.to_source(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return Event("", date.id, _tidy(what), date.sentence,
                 mentions.actors_inside(*(source or date.span)))


def order(timex: Timex) -> tuple:
    """Where a date goes on the timeline.

    Absolute dates first, by time; then dates relative to publication, a month
    without a year counting as the latest such month before publication (the usual
    reading in news, used for ordering only: the page still says the year is not
    stated); then durations, shortest first; then vague references ("previously").
    """
    group, position, start = sort_key(timex)
    month = _PARTIAL_MONTH.match(timex.value)
    if month:
        group, position = 1, -(13 - int(month.group(1))) * DAYS_PER_UNIT["M"]
    duration = _DURATION.match(timex.value)
    if timex.type == "DURATION" and duration:
        amount = 1000 if duration.group(1) == "X" else int(duration.group(1))
        position = amount * DAYS_PER_UNIT[duration.group(2)]
    if group == 2:
        group = 4  # PAST_REF and the like: earlier, date not given
    return group, position, start


def _clause(document: Document, timex: Timex) -> list[Token]:
    """The words of what the date anchors: the noun it describes, or its clause."""
    span = document.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    root = span.root
    if root.dep_ in NOUN_DEPS and root.head.pos_ in {"NOUN", "PROPN"}:
        return _trim(_without_asides(root.head.subtree, root.head))
    verb = _governing_verb(root)
    if verb is None:
        return list(span.sent)
    return _trim(_without_asides(verb.subtree, verb))


def _without_asides(subtree: Iterable[Token], head: Token) -> list[Token]:
    """Drop appositives and clauses hanging off the head's nouns, with their commas."""
    subtree = list(subtree)
    drop: set[int] = set()
    for token in subtree:
        if token.i == head.i:
            continue
        if token.dep_ == "appos" or (token.dep_ == "relcl" and token.head.i != head.i):
            drop.update(t.i for t in token.subtree)
    drop |= {t.i for t in subtree if t.is_punct and (t.i - 1 in drop or t.i + 1 in drop)}
    return [t for t in subtree if t.i not in drop and t.sent == head.sent]


def _trim(tokens: list[Token]) -> list[Token]:
    """No leading "although", "but", "which"; no trailing punctuation."""
    while tokens and (tokens[0].dep_ in LEADING_DEPS or tokens[0].tag_ in {"WDT", "WP"}):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _what(document: Document, timex: Timex, tokens: list[Token]) -> str:
    """The clause as a sentence; a relative clause gets its antecedent back."""
    text = _text(tokens)
    verb = _governing_verb(tokens[0]) if tokens[0].pos_ not in {"VERB", "AUX"} else tokens[0]
    if verb is not None and verb.dep_ in {"relcl", "acl"} and verb.i == tokens[0].i > verb.head.i:
        head = verb.head
        inside = {t.i for t in verb.subtree}
        kept = [t for t in head.subtree if t.i not in inside and not t.is_punct and t.i <= head.i]
        if kept:
            text = document.doc[kept[0].i:head.i + 1].text + " " + text
    return text


def _text(tokens: list[Token]) -> str:
    """Tokens as written, with one space where words were left out between them."""
    parts = []
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if previous is not None and (previous.whitespace_ or token.i != previous.i + 1):
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)


def _governing_verb(token: Token) -> Token | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token if token.pos_ in {"VERB", "AUX"} else None


def _undated_event(sentence: Sentence, mentions: MentionIndex) -> Event:
    return Event("", None, _tidy(sentence.text), sentence.id,
                 mentions.actors_inside(*sentence.span))


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:-")
    text = text[:1].upper() + text[1:]
    return text if len(text) <= MAX_WHAT else text[: MAX_WHAT - 1].rsplit(" ", 1)[0] + "…"
