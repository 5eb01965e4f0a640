"""``explainer check``: every explainer valid against the schema and its own input.

Schema validation catches wrong fields and types; the cross-reference pass catches
what a schema cannot: ids that point nowhere, spans outside the text or not equal
to their quoted words.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator import store
from generator.errors import DataError, ExplainerError
from generator.ingest.reader import read_article
from generator.model import Explainer
from generator.publish.settings import Settings
from generator.publish.site import data_files


def check_project(paths: Settings) -> int:
    """Print ``file:line: message`` per problem; 0 when everything is valid."""
    problems = 0
    for path in data_files(paths.data):
        for message in check_file(path, paths.root):
            print(message, file=sys.stderr)
            problems += 1
    return 1 if problems else 0


def check_file(path: Path, root: Path) -> list[str]:
    try:
        explainer = store.load(path)
    except ExplainerError as exc:
        return [str(exc)]
    problems = cross_references(explainer)
    text = _input_text(explainer, root)
    if text is not None:
        problems += spans(explainer, text)
    return [str(DataError(path, p)) for p in problems]


def _input_text(explainer: Explainer, root: Path) -> str | None:
    info = explainer.article.input
    if info is None or not (root / info.path).is_file():
        return None
    try:
        return read_article(root / info.path).text
    except ExplainerError:
        return None


def cross_references(e: Explainer) -> list[str]:
    """Ids that are referenced must exist, and ids must be unique."""
    sentences = {s.id for s in e.sentences}
    actors = {a.id for a in e.actors}
    claims = {c.id for c in e.claims}
    dates = {d.id for d in e.dates}
    problems = _duplicates("actors", [a.id for a in e.actors])
    problems += _duplicates("claims", [c.id for c in e.claims])
    problems += _duplicates("dates", [d.id for d in e.dates])
    problems += _duplicates("sentences", [s.id for s in e.sentences])
    refs = [(f"actors.{a.id}.mentions", m.sentence, sentences)
            for a in e.actors for m in a.mentions]
    for c in e.claims:
        refs.append((f"claims.{c.id}.sentence", c.sentence, sentences))
        if c.speaker is not None:
            refs.append((f"claims.{c.id}.speaker", c.speaker, actors))
        if c.evidence.sentence is not None:
            refs.append((f"claims.{c.id}.evidence.sentence", c.evidence.sentence, sentences))
        refs += [(f"claims.{c.id}.contested_by", other, claims) for other in c.contested_by]
    refs += [(f"dates.{d.id}.sentence", d.sentence, sentences) for d in e.dates]
    for ev in e.timeline:
        refs.append((f"timeline.{ev.id}.sentence", ev.sentence, sentences))
        if ev.date is not None:
            refs.append((f"timeline.{ev.id}.date", ev.date, dates))
        refs += [(f"timeline.{ev.id}.actors", a, actors) for a in ev.actors]
    refs += [("key_points", s, sentences) for s in e.key_points]
    problems += [f"{where}: {value!r} does not exist" for where, value, known in refs
                 if value not in known]
    return problems


def _duplicates(where: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    dupes = [i for i in ids if i in seen or seen.add(i)]
    return [f"{where}: id {i!r} is used twice" for i in dict.fromkeys(dupes)]


def spans(e: Explainer, text: str) -> list[str]:
    """Every span lies inside the input and slices to exactly its quoted text."""
    items: list[tuple[str, tuple[int, int], str | None]] = []
    items += [(f"sentences.{s.id}", s.span, None) for s in e.sentences]
    items += [(f"actors.{a.id}.mentions", m.span, m.text) for a in e.actors for m in a.mentions]
    for c in e.claims:
        for name, ref in (("source", c.source), ("cue", c.cue), ("content", c.content),
                          ("evidence.words", c.evidence.words)):
            if ref is not None:
                items.append((f"claims.{c.id}.{name}", ref.span, ref.text))
    items += [(f"dates.{d.id}", d.span, d.text) for d in e.dates]
    problems = []
    for where, (start, end), quoted in items:
        if not 0 <= start <= end <= len(text):
            problems.append(f"{where}: span [{start}, {end}] is outside the text "
                            f"(length {len(text)})")
        elif quoted is not None and text[start:end] != quoted:
            problems.append(f"{where}: span [{start}, {end}] reads {text[start:end]!r}, "
                            f"not {quoted!r}")
    return problems
