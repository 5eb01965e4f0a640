"""Actors: people, groups, institutions and places, one per referent.

The rest of the code imports :func:`find_actors` from here. Inside: :mod:`.mentions` finds the
noun phrases that can be actors, :mod:`.coref` links the ones that refer to the same actor,
:mod:`.referents` turns each referent into an :class:`~generator.model.Actor`; the word lists
are in :mod:`.lexicon`.
"""

from generator.nlp.actors.referents import find_actors

__all__ = ["find_actors"]
