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
from dataclasses import dataclass, replace

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
from generator.text.quotes import CLOSE, OPEN
from generator.text.recase import load_corrector
from generator.text.roles import line_role
from generator.text.titles import title_case_quotes
from generator.text.truecase import CaseModel, load_model

PROSE_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['\u2019.-]\w+)*")
PROSE_TOKEN = re.compile(r"\w+(?:['\u2019.-]\w+)*|[^\w\s]")
QUOTE = re.compile(r"[\"\u201c\u201d\u2018]|(?<!\w)'|'(?!\w)")
FULL_STOP = re.compile(r"[.?!]['\"\u2019\u201d)\]]*\s*$")
PROSE_BOUNDARY = re.compile(
    r"[.?!]['\"\u2019\u201d)]*\s+['\"\u2018\u201c(]?$|:\s+['\"\u2018\u201c]$"
)


@dataclass(frozen=True)
class RestoredSentence:
    """Display text of one sentence, how it maps back to the input, and what it is.

    ``caption`` is true when the sentence was shown as a caption or fragment, without
    the final period that tokenized input drops from sentences; ``role`` says what a line
    that is no body text is (caption, byline, credit, dateline, note: :mod:`.roles`).
    """

    text: str
    alignment: Alignment
    caption: bool = False
    role: str | None = None


def restore_document(
    text: str, spans: list[tuple[int, int]], *, tokenized: bool, lowercase: bool,
    captions: Sequence[bool | None] | None = None,
    roles: Sequence[str | None] | None = None,
) -> list[RestoredSentence]:
    """Restore every sentence ``text[start:end]`` of a document, in order.

    ``roles`` (one per span) fixes what each sentence is (a caption split off a body line:
    :mod:`generator.nlp.captions`); without it each line's role is read from its words
    (:func:`generator.text.roles.line_role`). ``captions`` (one flag per span, for tokenized
    input) says which lines are known to run without a final period (True) or to keep it
    (False); None, for the list or one line, lets the role decide (a caption, byline or
    credit has no period), then the words (:mod:`generator.text.captions`).
    """
    if roles is not None and len(roles) != len(spans):
        raise ValueError(f"{len(roles)} roles for {len(spans)} sentences")
    if tokenized:
        return _restore_tokenized(text, spans, lowercase, captions, roles)
    given = list(roles) if roles is not None else [_prose_role(text[s:e]) for s, e in spans]
    if not lowercase:
        return [RestoredSentence(text[s:e], identity(text[s:e], s), role=role)
                for (s, e), role in zip(spans, given, strict=True)]
    model = load_model()
    return [replace(_restore_prose(text, s, e, model), role=role)
            for (s, e), role in zip(spans, given, strict=True)]


def _prose_role(sentence: str) -> str | None:
    words = [BRACKETS.get(w, w) for w in PROSE_TOKEN.findall(sentence.lower())]
    return line_role(words, quoted=bool(QUOTE.search(sentence)),
                     full_stop=bool(FULL_STOP.search(sentence)))


def _restore_tokenized(
    text: str, spans: list[tuple[int, int]], lowercase: bool,
    captions: Sequence[bool | None] | None, roles: Sequence[str | None] | None,
) -> list[RestoredSentence]:
    model = load_model()
    verb_forms = load_verb_forms()
    laid_out = layout(text, spans)
    words = [[BRACKETS.get(t.text, t.text) for t in tokens] for tokens in laid_out]
    if roles is None:
        roles = [line_role([w.lower() for w in line], _quoted(tokens))
                 for tokens, line in zip(laid_out, words, strict=True)]
    if lowercase:
        words = _case_words(laid_out, words, model)
    known = list(captions) if captions is not None else [None] * len(spans)
    if len(known) != len(spans):
        raise ValueError(f"{len(known)} caption flags for {len(spans)} sentences")
    restored = []
    for tokens, cased, flag, role in zip(laid_out, words, known, roles, strict=True):
        if flag is None:
            flag = role is not None or looks_like_caption(tokens, verb_forms)
        shown = [display_form(t, w) for t, w in zip(tokens, cased, strict=True)]
        sentence, pieces = join(tokens, shown, model.hyphens, add_period=not flag)
        restored.append(RestoredSentence(sentence, Alignment(pieces), flag, role))
    return restored


def _quoted(tokens: list[Token]) -> bool:
    """The line holds quotation marks (not apostrophes): speech, which no caption is."""
    return any(t.role in (OPEN, CLOSE) for t in tokens)


def _case_words(
    sentences: list[list[Token]], words: list[list[str]], model: CaseModel
) -> list[list[str]]:
    """Case the word tokens of a document; the second half of ``gon na`` follows the first."""
    cased, starts = rule_case(sentences, words, model)
    load_corrector().correct(model, words, cased, starts)
    spread_names(words, cased, starts)
    for tokens, lower, shown, first in zip(sentences, words, cased, starts, strict=True):
        for i in range(1, len(tokens)):
            if (tokens[i - 1].text, tokens[i].text) in JOINED_PAIRS:
                shown[i - 1] = lower[i - 1].capitalize() if i - 1 in first else lower[i - 1]
                shown[i] = lower[i]
    return cased


def rule_case(
    sentences: list[list[Token]], words: list[list[str]], model: CaseModel
) -> tuple[list[list[str]], list[set[int]]]:
    """The rules' case of every word (before the learned correction) and the sentence starts;
    :mod:`tools.train_case_corrector` learns from exactly this."""
    starts = [sentence_starts(tokens) for tokens in sentences]
    cased = model.case_document(list(zip(words, starts, strict=True)))
    for tokens, lower, shown in zip(sentences, words, cased, strict=True):
        title_case_quotes([t.role for t in tokens], lower, shown)
    return cased, starts


def _restore_prose(text: str, start: int, end: int, model: CaseModel) -> RestoredSentence:
    """Case a lower-case prose sentence in place (same length, so offsets stay put)."""
    segment = text[start:end]
    matches = list(PROSE_WORD.finditer(segment))
    words = [m.group() for m in matches]
    starts = {i for i, m in enumerate(matches)
              if i == 0 or PROSE_BOUNDARY.search(segment, matches[i - 1].end(), m.start())}
    heads = [_head(w) for w in words]
    cased = model.case_tokens(heads, starts)
    load_corrector().correct(model, [heads], [cased], [starts])
    chars = list(segment)
    for match, word, head, form in zip(matches, words, heads, cased, strict=True):
        full = form + word[len(head):]
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
