"""Actors' mentions indexed by position, so a lookup costs the mentions near it.

Claims ask which actor a source phrase names, the timeline which actors an event
names; scanning every mention of the article for each made long articles
quadratic. Results are the same as the full scans: same picks, same order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator

from generator.model import Actor, Mention


class MentionIndex:
    """The mentions of the given actors (places left out unless asked for), by start."""

    def __init__(self, actors: list[Actor], *, places: bool = False) -> None:
        self.actors = actors
        items = [(m.span[0], m.span[1], n, k, m) for n, a in enumerate(actors)
                 if places or a.kind != "place" for k, m in enumerate(a.mentions)]
        self.by_start = sorted(items, key=lambda item: item[:4])
        self.starts = [item[0] for item in self.by_start]
        self.by_end = sorted(items, key=lambda item: (item[1], item[2], item[3]))
        self.ends = [item[1] for item in self.by_end]
        self.longest = max((end - start for start, end, *_ in items), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[Mention, Actor]]:
        """Mentions that share a character with ``[start, end)``."""
        first = bisect_left(self.starts, start - self.longest)
        for m_start, m_end, n, _, mention in self.by_start[first:bisect_left(self.starts, end)]:
            if m_end > start and m_start < end:
                yield mention, self.actors[n]

    def actors_inside(self, start: int, end: int) -> list[str]:
        """Ids of the actors with a mention inside ``[start, end]``, in the actors' order."""
        found = {n for m_start, m_end, n, _, _ in
                 self.by_start[bisect_left(self.starts, start):bisect_right(self.starts, end)]
                 if m_end <= end}
        return [self.actors[n].id for n in sorted(found)]

    def last_ending_by(self, position: int, kinds: Iterable[str], skip: set[str],
                       accept: Callable[[Actor], bool] | None = None) -> str | None:
        """The actor (of one of ``kinds``, and that ``accept`` accepts) whose mention ends last
        at or before ``position``, mentions whose lower-cased text is in ``skip`` left out; on
        a tie the first actor."""
        wanted = set(kinds)
        best_end, best = None, None
        for m_end, n, _, mention in _backwards(self.by_end[:bisect_right(self.ends, position)]):
            if best_end is not None and m_end < best_end:
                break
            if (self.actors[n].kind in wanted and mention.text.lower() not in skip
                    and (best is None or n < best) and (accept is None or accept(self.actors[n]))):
                best_end, best = m_end, n
        return self.actors[best].id if best is not None else None


def _backwards(items: list[tuple]) -> Iterator[tuple[int, int, int, Mention]]:
    for _, m_end, n, k, mention in reversed(items):
        yield m_end, n, k, mention
