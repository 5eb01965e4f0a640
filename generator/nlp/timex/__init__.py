"""Temporal expressions: a fast rule-based TIMEX3 tagger and normaliser (pure Python, no spaCy).

The rest of the code imports from here: :func:`find_timexes` (:mod:`.tagger`), the
:class:`Timex` it returns, :func:`describe` (honest wording of a value) and :func:`sort_key`
(timeline order), and :func:`resolve_published` (anchor a publication-relative value). Inside:
the rule table (:mod:`.rules`) and its handlers by what they find (:mod:`.calendar_rules`,
:mod:`.relative_rules`, :mod:`.duration_rules`, :mod:`.clock_rules`), value arithmetic
(:mod:`.values`), wording and timeline position (:mod:`.describe`), word lists (:mod:`.lexicon`).
"""

from generator.nlp.timex.tagger import Timex, describe, find_timexes, sort_key
from generator.nlp.timex.values import resolve_published

__all__ = ["Timex", "describe", "find_timexes", "resolve_published", "sort_key"]
