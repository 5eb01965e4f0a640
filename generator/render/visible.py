"""What readers see: the explainer without the items kept only for editors.

The YAML keeps every item the extractor found; an actor or claim with ``shown: false``
(under the site's confidence threshold, or hidden by an editor) is left out of every
page, and references to it are dropped so no page names an item it does not show.
"""

from __future__ import annotations

import dataclasses

from generator.model import Explainer


def public(explainer: Explainer) -> Explainer:
    """A copy holding only the shown actors and claims, with references that fit."""
    actors = [a for a in explainer.actors if a.shown]
    actor_ids = {a.id for a in actors}
    claims = [c for c in explainer.claims if c.shown]
    claim_ids = {c.id for c in claims}
    actors = [dataclasses.replace(a, relations=[r for r in a.relations if r.actor in actor_ids])
              for a in actors]
    claims = [dataclasses.replace(
        c, speaker=c.speaker if c.speaker in actor_ids else None,
        contested_by=[other for other in c.contested_by if other in claim_ids])
        for c in claims]
    timeline = [dataclasses.replace(e, actors=[a for a in e.actors if a in actor_ids])
                for e in explainer.timeline]
    return dataclasses.replace(explainer, actors=actors, claims=claims, timeline=timeline)
