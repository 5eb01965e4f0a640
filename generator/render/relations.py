"""Who is linked to whom, from the YAML only: the links the who's-who diagram draws.

Three kinds, each from something the explainer records:

- a relation the article states between two actors (``actors[].relations``: "affiliated
  with", "spokesman for"); its own words are the label;
- opposition: the speakers of two claims the extraction pairs as contested
  (``claims[].contested_by``);
- "claims about": a speaker and an actor named inside the words of its claim (a mention
  whose span lies in the claim's content span).

Only shown actors and claims count (the explainer given is the public one).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Actor, Explainer

SPEAKS_FOR = ("spokesman", "spokeswoman", "spokesperson", "speaks for", "speaking for",
              "representative", "on behalf of")


@dataclass(frozen=True)
class Link:
    """An arrow from one actor to another (``kind`` relation | opposition | about)."""

    source: str
    target: str
    kind: str
    label: str
    sentence: str  # where the article says it


def links(explainer: Explainer) -> list[Link]:
    """Every link between two different shown actors (not places), once per pair and kind."""
    agents = {a.id: a for a in explainer.actors if a.kind != "place"}
    out: dict[tuple[str, str, str], Link] = {}

    def add(link: Link) -> None:
        if link.source in agents and link.target in agents and link.source != link.target:
            key = (*sorted((link.source, link.target)), link.kind) \
                if link.kind == "opposition" else (link.source, link.target, link.kind)
            out.setdefault(key, link)

    for actor in agents.values():
        for rel in actor.relations:
            kind = "speaks for" if rel.type.lower().startswith(SPEAKS_FOR) else "relation"
            add(Link(actor.id, rel.actor, kind, rel.type, rel.sentence))
    by_id = {c.id: c for c in explainer.claims}
    for claim in explainer.claims:
        for other_id in claim.contested_by:
            other = by_id.get(other_id)
            if other is not None and claim.speaker and other.speaker:
                add(Link(claim.speaker, other.speaker, "opposition", "at odds with",
                         claim.sentence))
    for claim in explainer.claims:
        if not claim.speaker:
            continue
        start, end = claim.content.span
        for actor in agents.values():
            if any(m.sentence == claim.sentence and start <= m.span[0] and m.span[1] <= end
                   for m in actor.mentions):
                add(Link(claim.speaker, actor.id, "about", "claim about", claim.sentence))
    return _without_weaker(list(out.values()))


def described(actor: Actor) -> str:
    """"Zhang, a Xinjiang official": the name with what the article calls the actor."""
    words = actor.description or actor.role
    return f"{actor.name}, {words}" if words and words.lower() != actor.name.lower() \
        else actor.name


def _without_weaker(found: list[Link]) -> list[Link]:
    """A pair linked by a stated relation or an opposition needs no "claims about" too."""
    strong = {frozenset((f.source, f.target)) for f in found if f.kind != "about"}
    return [f for f in found if f.kind != "about" or frozenset((f.source, f.target)) not in strong]
