"""The claims page's layout: claims that dispute each other side by side, the rest by speaker.

The extraction pairs claims as contested (``contested_by``, both ways). Each set of
claims joined by such pairs becomes one dispute: the claim with the most contestants
and the other claims of its speaker on one side, the claims against them on the other,
so a reader sees both at once. The claims of a dispute are not repeated in their
speaker's group below. Nothing here makes markup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model import Actor, Claim


@dataclass(frozen=True)
class Dispute:
    """Claims that the article sets against each other: one side, and the other."""

    side: list[Claim]
    against: list[Claim]


@dataclass(frozen=True)
class SpeakerGroup:
    actor: Actor | None
    claims: list[Claim]


def disputes(claims: list[Claim]) -> list[Dispute]:
    """One dispute per connected set of contested claims, in order of its first claim."""
    by_id = {c.id: c for c in claims}
    links: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for other in claim.contested_by:
            if other in by_id and other != claim.id:
                links[claim.id].add(other)
                links[other].add(claim.id)
    seen: set[str] = set()
    out = []
    for claim in claims:
        if claim.id not in links or claim.id in seen:
            continue
        members = _component(claim.id, links)
        seen |= members
        ordered = [c for c in claims if c.id in members]
        anchor = max(ordered, key=lambda c: len(links[c.id]))  # first of the most contested
        side = [c for c in ordered if c.id == anchor.id
                or (c.speaker is not None and c.speaker == anchor.speaker
                    and c.id not in links[anchor.id])]
        out.append(Dispute(side, [c for c in ordered if c not in side]))
    return out


def speaker_groups(claims: list[Claim], actors: dict[str, Actor],
                   leave_out: set[str] = frozenset()) -> list[SpeakerGroup]:
    """Claims grouped by speaker, in order of first claim; the unattributed last;
    the claims in ``leave_out`` (shown in a dispute) are not repeated."""
    groups: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.id not in leave_out:
            groups[claim.speaker if claim.speaker in actors else None].append(claim)
    named = [SpeakerGroup(actors[k], v) for k, v in groups.items() if k]
    return named + ([SpeakerGroup(None, groups[None])] if None in groups else [])


def _component(start: str, links: dict[str, set[str]]) -> set[str]:
    found, todo = {start}, [start]
    while todo:
        for other in links[todo.pop()]:
            if other not in found:
                found.add(other)
                todo.append(other)
    return found
