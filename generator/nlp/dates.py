"""Dates: temporal expressions in the article, mapped back to the input and described."""

from __future__ import annotations

import datetime

from generator.model import DateRef
from generator.nlp.pipeline import Document
from generator.nlp.timex import Timex, describe, find_timexes


def find_dates(document: Document, published: str | None) -> list[tuple[DateRef, Timex]]:
    """Every temporal expression, normalised against the publication date when known.

    Each date comes with its timex in doc coordinates, which the timeline needs.
    """
    anchor = datetime.date.fromisoformat(published) if published else None
    dates = []
    for timex in find_timexes(document.text, anchor):
        ref = document.ref(timex.start, timex.end)
        if ref is None:
            continue
        dates.append((DateRef(
            id=f"t{len(dates) + 1}",
            sentence=document.sentence_at(timex.start).id,
            span=ref.span,
            text=ref.text,
            type=timex.type,
            value=timex.value,
            mod=timex.mod,
            description=describe(timex, anchor),
        ), timex))
    return dates
