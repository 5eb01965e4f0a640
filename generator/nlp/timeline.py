"""Timeline: the events that dates anchor, in order of time; undated key events last."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from generator.lexicon import DAYS_PER_UNIT
from generator.model import Actor, DateRef, Event, Sentence
from generator.nlp.mention_index import MentionIndex
from generator.nlp.pipeline import Document
from generator.nlp.timex import Timex, sort_key

MAX_WHAT = 220
LEADING_DEPS = {"cc", "mark", "prep", "punct"}
LEADING_TAGS = {"WDT", "WP", "WRB"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
ASIDE_MARKS = {",", "(", ")", "-", "--", "\u2013", "\u2014", ";"}
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
    """The words of what the date anchors: the noun it describes, or the nearest clause with
    a subject of its own ("had recently spread to his brain" is read with "The cancer started
    in his leg, but"), so that the event says no more and no less than the article."""
    span = document.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    root = span.root
    if root.dep_ in NOUN_DEPS and root.head.pos_ in {"NOUN", "PROPN"}:
        return _trim(_without_asides(root.head.subtree, root.head, span))
    verb = _with_subject(_governing_verb(root))
    if verb is None:
        return list(span.sent)
    return _trim(_without_asides(verb.subtree, verb, span))


def _with_subject(verb: Token | None) -> Token | None:
    """The verb, or the first verb above it, that has a subject of its own; None if none
    has (a headline, a caption's participle)."""
    while verb is not None:
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return verb
        if verb.head.i == verb.i:
            return None
        verb = _governing_verb(verb)
    return None


def _without_asides(subtree: Iterable[Token], head: Token, date: Span) -> list[Token]:
    """Drop appositives and clauses hanging off the head's nouns, with their commas, where
    punctuation sets them apart on both sides and the date is not in them: "after John, who
    was to turn 31, was told" reads "after John was told"; "play 13th seed Fabio Fognini"
    keeps the name."""
    subtree = list(subtree)
    drop: set[int] = set()
    for token in subtree:
        if token.i == head.i:
            continue
        if token.dep_ == "appos" or (token.dep_ == "relcl" and token.head.i != head.i):
            aside = list(token.subtree)
            if _set_apart(aside) and not (aside[0].i < date.end and date.start <= aside[-1].i):
                drop.update(t.i for t in aside)
    drop |= {t.i for t in subtree if t.is_punct and (t.i - 1 in drop or t.i + 1 in drop)}
    return [t for t in subtree if t.i not in drop and t.sent == head.sent]


def _set_apart(aside: list[Token]) -> bool:
    """Punctuation before and after (or the sentence ends): a non-restrictive aside."""
    doc = aside[0].doc
    before = doc[aside[0].i - 1].text if aside[0].i > 0 else ""
    after = doc[aside[-1].i + 1] if aside[-1].i + 1 < len(doc) else None
    return before in ASIDE_MARKS and (after is None or after.text in ASIDE_MARKS
                                      or after.is_sent_start or after.text in {".", "!", "?"})


def _trim(tokens: list[Token]) -> list[Token]:
    """No leading "although", "but", "which", "when"; no trailing punctuation."""
    while tokens and (tokens[0].dep_ in LEADING_DEPS or tokens[0].tag_ in LEADING_TAGS):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _what(document: Document, timex: Timex, tokens: list[Token]) -> str:
    """The clause as a sentence; a relative clause gets its antecedent back ("John, who was
    to turn 31 tomorrow" reads "John was to turn 31 tomorrow"; "the scrutiny she has faced
    over the years" keeps "the scrutiny"), unless it opens with "when" or "where"."""
    text = _text(tokens)
    inside = {t.i for t in tokens}
    verb = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    opener = next(iter(verb.subtree))
    if verb.dep_ in {"relcl", "acl"} and verb.head.i < tokens[0].i and opener.tag_ != "WRB":
        head = verb.head
        clause = {t.i for t in verb.subtree}
        kept = [t for t in head.subtree if t.i not in clause and not t.is_punct and t.i <= head.i]
        if kept:
            text = document.doc[kept[0].i:head.i + 1].text + " " + text
    return _quotes_closed(text)


def _quotes_closed(text: str) -> str:
    """A quotation the clause cuts through is closed (or opened) where the clause ends (or
    starts): the event shows no quote mark without its pair."""
    if text.count("\u201c") > text.count("\u201d"):
        text += "\u201d"
    elif text.count("\u201d") > text.count("\u201c"):
        text = "\u201c" + text
    if text.count('"') % 2:
        last = text.rindex('"')
        opens = last + 1 < len(text) and not text[last + 1].isspace()
        text = text + '"' if opens else '"' + text
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
