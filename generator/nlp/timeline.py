"""Timeline: the events that dates anchor, in order of time; undated key events last."""

from __future__ import annotations

from spacy.tokens import Token

from generator.model import Actor, DateRef, Event, Sentence
from generator.nlp.pipeline import Document
from generator.nlp.timex import Timex, sort_key

MAX_WHAT = 220


def build(document: Document, dates: list[tuple[DateRef, Timex]], actors: list[Actor],
          key_points: list[str]) -> list[Event]:
    """One event per date (its clause), then key sentences that hold no date, undated."""
    dated = sorted(dates, key=lambda pair: (sort_key(pair[1]), pair[1].start))
    events = [_dated_event(document, date, timex, actors) for date, timex in dated]
    with_dates = {date.sentence for date, _ in dates}
    sentences = {s.id: s for s in document.sentences}
    for sid in key_points:
        if sid not in with_dates:
            events.append(_undated_event(sentences[sid], actors))
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
    return events


def _dated_event(document: Document, date: DateRef, timex: Timex, actors: list[Actor]) -> Event:
    clause = _clause(document, timex)
    what = document.doc.text[clause[0]:clause[1]] if clause else ""
    if not what.strip():
        what = document.sentence_at(timex.start).text
    source = document.alignment.to_source(*clause) if clause else None
    span = source or date.span
    return Event("", date.id, _tidy(what), date.sentence, _actors_in(actors, span))


def _clause(document: Document, timex: Timex) -> tuple[int, int] | None:
    """Character range of the clause whose verb the date modifies."""
    span = document.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        sentence = span.sent
        return sentence.start_char, sentence.end_char
    tokens = [t for t in verb.subtree if t.sent == verb.sent]
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _governing_verb(token: Token) -> Token | None:
    while token.head is not token:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token if token.pos_ in {"VERB", "AUX"} else None


def _undated_event(sentence: Sentence, actors: list[Actor]) -> Event:
    return Event("", None, _tidy(sentence.text), sentence.id, _actors_in(actors, sentence.span))


def _actors_in(actors: list[Actor], span: tuple[int, int]) -> list[str]:
    return [a.id for a in actors if a.kind != "place"
            and any(m.span[0] >= span[0] and m.span[1] <= span[1] for m in a.mentions)]


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:-")
    text = text[:1].upper() + text[1:]
    return text if len(text) <= MAX_WHAT else text[: MAX_WHAT - 1].rsplit(" ", 1)[0] + "…"
