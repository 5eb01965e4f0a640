"""Attribution: who (source) said or thought (cue) what (content), and what the article says of
its support.

The rest of the code imports from here: :func:`find_attributions` (rule passes over the spaCy
parse, :mod:`.find`), :func:`assess_evidence` and :func:`contested_pairs` (:mod:`.evidence`),
the cue word lists that claims and actors share (:mod:`.lexicon`), and, for training the cue scorer,
:func:`verb_candidates` and :class:`CueScorer`.
"""

from generator.nlp.attribution.evidence import Evidence, assess_evidence, contested_pairs
from generator.nlp.attribution.find import find_attributions
from generator.nlp.attribution.lexicon import (
    BELIEF_VERBS,
    OBJECT_VERBS,
    PASSIVE_VERBS,
    REPORT_NOUNS,
    SPEECH_VERBS,
)
from generator.nlp.attribution.reported import verb_candidates
from generator.nlp.attribution.scorer import CueScorer, load_scorer
from generator.nlp.attribution.spans import Attribution

__all__ = [
    "BELIEF_VERBS",
    "OBJECT_VERBS",
    "PASSIVE_VERBS",
    "REPORT_NOUNS",
    "SPEECH_VERBS",
    "Attribution",
    "CueScorer",
    "Evidence",
    "assess_evidence",
    "contested_pairs",
    "find_attributions",
    "load_scorer",
    "verb_candidates",
]
