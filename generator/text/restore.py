"""Turn input sentences into readable display text, keeping an alignment to the input.

The tokenized, lower-cased "seed" form gets its spacing, clitics, hyphens, quotes and
final period back (:mod:`generator.text.detokenize`, :mod:`generator.text.quotes`) and
its case restored (:mod:`generator.text.truecase`); lower-case prose gets its case
restored in place; cased prose passes unchanged. The public entry point is
:func:`restore_document`; everything the NLP and the site need goes through it.
Display quotes are straight ASCII quotes (``'`` and ``"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.text.alignment import Alignment, identity
from generator.text.captions import load_verb_forms, looks_like_caption
from generator.text.consistency import spread_names
from generator.text.detokenize import (
    BRACKETS,
    JOINED_PAIRS,
    Token,
    display_form,
    join,
    layout,
    sentence_starts,
)
from generator.text.titles import title_case_quotes
from generator.text.truecase import CaseModel, load_model

PROSE_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['\u2019.-]\w+)*")
PROSE_BOUNDARY = re.compile(
    r"[.?!]['\"\u2019\u201d)]*\s+['\"\u2018\u201c(]?$|:\s+['\"\u2018\u201c]$"
)


@dataclass(frozen=True)
class RestoredSentence:
    """Display text of one sentence and how it maps back to the input.

    ``caption`` is true when the sentence was shown as a caption or fragment, without
    the final period that tokenized input drops from sentences.
    """

    text: str
    alignment: Alignment
    caption: bool = False


def restore_document(
    text: str, spans: list[tuple[int, int]], *, tokenized: bool, lowercase: bool,
    captions: Sequence[bool | None] | None = None,
) -> list[RestoredSentence]:
    """Restore every sentence ``text[start:end]`` of a document, in order.

    ``captions`` (one flag per span, for tokenized input) says which lines are known to be
    captions, bylines or credits (True: no final period) or body sentences (False); None,
    for the list or one line, lets the words decide (:mod:`generator.text.captions`).
    """
    if tokenized:
        return _restore_tokenized(text, spans, lowercase, captions)
    if not lowercase:
        return [RestoredSentence(text[s:e], identity(text[s:e], s)) for s, e in spans]
    model = load_model()
    return [_restore_prose(text, s, e, model) for s, e in spans]


def _restore_tokenized(
    text: str, spans: list[tuple[int, int]], lowercase: bool,
    captions: Sequence[bool | None] | None,
) -> list[RestoredSentence]:
    model = load_model()
    verb_forms = load_verb_forms()
    laid_out = layout(text, spans)
    words = [[BRACKETS.get(t.text, t.text) for t in tokens] for tokens in laid_out]
    if lowercase:
        words = _case_words(laid_out, words, model)
    known = list(captions) if captions is not None else [None] * len(spans)
    if len(known) != len(spans):
        raise ValueError(f"{len(known)} caption flags for {len(spans)} sentences")
    restored = []
    for tokens, cased, flag in zip(laid_out, words, known, strict=True):
        caption = looks_like_caption(tokens, verb_forms) if flag is None else flag
        shown = [display_form(t, w) for t, w in zip(tokens, cased, strict=True)]
        sentence, pieces = join(tokens, shown, model.hyphens, add_period=not caption)
        restored.append(RestoredSentence(sentence, Alignment(pieces), caption))
    return restored


def _case_words(
    sentences: list[list[Token]], words: list[list[str]], model: CaseModel
) -> list[list[str]]:
    """Case the word tokens of a document; the second half of ``gon na`` follows the first."""
    starts = [sentence_starts(tokens) for tokens in sentences]
    cased = model.case_document(list(zip(words, starts, strict=True)))
    for tokens, lower, shown in zip(sentences, words, cased, strict=True):
        title_case_quotes([t.role for t in tokens], lower, shown)
    spread_names(words, cased, starts)
    for tokens, lower, shown, first in zip(sentences, words, cased, starts, strict=True):
        for i in range(1, len(tokens)):
            if (tokens[i - 1].text, tokens[i].text) in JOINED_PAIRS:
                shown[i - 1] = lower[i - 1].capitalize() if i - 1 in first else lower[i - 1]
                shown[i] = lower[i]
    return cased


def _restore_prose(text: str, start: int, end: int, model: CaseModel) -> RestoredSentence:
    """Case a lower-case prose sentence in place (same length, so offsets stay put)."""
    segment = text[start:end]
    matches = list(PROSE_WORD.finditer(segment))
    words = [m.group() for m in matches]
    starts = {i for i, m in enumerate(matches)
              if i == 0 or PROSE_BOUNDARY.search(segment, matches[i - 1].end(), m.start())}
    cased = model.case_tokens([_head(w) for w in words], starts)
    chars = list(segment)
    for match, word, form in zip(matches, words, cased, strict=True):
        full = form + word[len(_head(word)):]
        if len(full) == len(word):
            chars[match.start():match.end()] = full
    restored = "".join(chars)
    return RestoredSentence(restored, identity(restored, start))


def _head(word: str) -> str:
    """The part of a prose word the case model sees: ``i'm`` -> ``i``, ``obama's`` -> ``obama``."""
    for mark in ("'", "\u2019"):
        head, sep, tail = word.partition(mark)
        if sep and tail in {"s", "m", "re", "ve", "ll", "d"}:
            return head
    return word
