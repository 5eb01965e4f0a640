"""Tell picture captions and verbless fragments, which run without a final period, from sentences.

The tokenized input drops every sentence-final period, so restoration must put it back,
but news pages also carry picture captions, list entries and labels (``Tennis star Billie
Jean King``, ``West Brom 21/20``, ``Visit site``) that never had one. When the caller
knows a line's role (caption, byline, credit) it passes it to
:func:`generator.text.restore.restore_document`; otherwise :func:`looks_like_caption`
guesses it from the words alone.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from generator.lexicon import ABBREVIATIONS
from generator.text.detokenize import SAY_VERBS, SENTENCE_END, Token
from generator.text.quotes import CLOSE, OPEN

DATA = Path(__file__).parent / "data"
CAPTION_HEAD = 5
# A line this short without a finite verb is a label or a list entry, not a sentence.
FRAGMENT_MAX_WORDS = 8
# Past tenses and modals that mark narration (captions describe a picture in the present).
NARRATIVE_VERBS = frozenset(re.findall(r"\w+", """
    was were had did said told made went came got took gave found saw knew thought became
    felt brought began kept held stood heard meant met ran paid sat spoke lay led grew lost
    fell sent built drew broke spent bought wore chose sought threw caught won fought will
    would could should can may might must has have is are am been
"""))
# Present-tense verbs that describe a picture (``Hamilton celebrates on the podium``).
CAPTION_VERBS = frozenset(re.findall(r"\w+", """
    stands poses smiles holds wears dons sits walks arrives celebrates watches waits winces
    reacts gestures greets waves jumps kisses hugs clutches embraces applauds crosses
"""))
# Clitics and auxiliaries that are finite verbs on their own (``we 've lost``, ``do n't``).
FINITE_CLITICS = frozenset({"'s", "'re", "'ve", "'m", "'ll", "'d", "ca", "wo", "do", "does",
                            "shall", "let"})
# A line opening with one of these continues a sentence or a thought: it keeps its period.
CONTINUATIONS = frozenset({"and", "but", "or", "so", "not", "then", "yet"})
# A subject pronoun makes a clause of a short line whose verb is a base form (``I admire him``).
SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "it"})


@lru_cache(maxsize=1)
def load_verb_forms() -> frozenset[str]:
    """Finite verb forms (``-s``, past and irregular forms; see ``tools/build_verb_forms.py``)."""
    with gzip.open(DATA / "verb_forms.txt.gz", "rt", encoding="utf-8") as handle:
        return frozenset(line for line in handle.read().splitlines()
                         if line and not line.startswith("#"))


def looks_like_caption(tokens: list[Token], verb_forms: frozenset[str]) -> bool:
    """Whether a line is a picture caption or fragment that runs without a final period.

    Cues: a label head (``pictured : ...``); a line without quotes that says
    ``pictured``; a present-tense picture verb near the start (``Hamilton celebrates
    ...``) in a line with no quote and no past-tense or modal verb; or a short line
    with no finite verb at all (``Tennis star Billie Jean King``).
    """
    words = [t.text for t in tokens]
    if _quoted(tokens):
        return _label_caption(tokens, words)
    if "pictured" in words or _label_caption(tokens, words):
        return True
    if _verbless_fragment(words, verb_forms):
        return True
    narrative = any(_narrative(w) for w in words)
    return not narrative and any(w in CAPTION_VERBS for w in words[1:8])


def _verbless_fragment(words: list[str], verb_forms: frozenset[str]) -> bool:
    """A short line without any finite verb: a label, a name, a score, a list entry."""
    content = [w for w in words if any(c.isalnum() for c in w)]
    if not content or len(content) > FRAGMENT_MAX_WORDS or content[0] in CONTINUATIONS:
        return False
    if any(w in SENTENCE_END or w == "..." for w in words[:-1]):
        return False
    last = content[-1]
    if last.isdigit() or last.rstrip(".") in ABBREVIATIONS:
        return False  # ``Mercedes 1:35.782 2.``: the period of a list number or ``Ltd.``
    return not any(w in verb_forms or w in FINITE_CLITICS or w in SUBJECTS or _narrative(w)
                   for w in words)


def _label_caption(tokens: list[Token], words: list[str]) -> bool:
    head = words[:CAPTION_HEAD]
    if ":" not in head:
        return False
    colon = head.index(":")
    return colon > 0 and head[colon - 1] not in SAY_VERBS and all(
        t.role == "word" for t in tokens)


def _quoted(tokens: list[Token]) -> bool:
    return any(t.role in (OPEN, CLOSE) for t in tokens)


def _narrative(word: str) -> bool:
    """A past-tense or modal verb: the line narrates rather than describes a picture."""
    return word in NARRATIVE_VERBS or (len(word) > 4 and word.endswith("ed"))
