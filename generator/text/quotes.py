"""Decide what each lone quote token of a tokenized document is: opener, closer or apostrophe.

Tokenized input keeps quotes as lone ``'``/``"`` tokens and splits the text into one
sentence per line, so quotes must be paired across lines: a quote opened on one line
may close on a later one; a long quote reopens at the start of each of its
paragraphs; and a closing quote that the sentence splitter left at the start of
the next line belongs to the end of the previous one (it is "moved").
"""

from __future__ import annotations

OPEN, CLOSE, APOSTROPHE, MOVED = "open", "close", "apostrophe", "moved"
DOUBLE = {'"', "``", "''"}
NOT_POSSESSIVE = {"says", "is", "was", "has", "as", "this", "his", "its", "yes", "us", "does",
                  "thus", "plus", "whereas", "unless", "perhaps", "whose", "hers", "ours"}
MAX_QUOTELESS_LINES = 2
LOOKAHEAD_LINES = 3
CLOSER_BEFORE = {",", ".", "?", "!", "...", "--"}
CLOSER_AFTER = {",", ".", ";", ":", ")", "?", "!", "-rrb-", "said", "says", "added", "--"}
MIN_NARRATION_TOKENS = 25
# Verbs after which a quote opens what was said or thought (``I thought , ' if we ...``).
REPORTING_VERBS = frozenset({"said", "says", "say", "told", "asked", "added", "wrote",
                             "thought", "think", "thinking", "felt", "feel", "replied",
                             "shouted", "screamed", "yelled", "whispered", "tweeted"})
SPEAKER_WORDS = {"i", "we", "me", "my", "our", "us", "you", "your", "'m", "'re", "'ve", "mine",
                 "ours", "myself", "ourselves", "yourself", "yourselves"}


def quote_kind(token: str) -> str | None:
    """``"`` for double quotes, ``'`` for single ones, None for anything else."""
    if token in DOUBLE:
        return '"'
    return "'" if token == "'" else None


def assign_roles(lines: list[list[str]]) -> dict[tuple[int, int], str]:
    """Role of every quote token, keyed by (line number, token index)."""
    roles: dict[tuple[int, int], str] = {}
    for kind in ('"', "'"):
        roles.update(_assign_kind(lines, kind))
    return roles


def _assign_kind(lines: list[list[str]], kind: str) -> dict[tuple[int, int], str]:
    roles: dict[tuple[int, int], str] = {}
    is_open = False
    quiet = 0
    for n, tokens in enumerate(lines):
        positions = [i for i, t in enumerate(tokens) if quote_kind(t) == kind]
        if not positions:
            quiet += 1
            if quiet >= MAX_QUOTELESS_LINES:
                is_open = False
            continue
        quiet = 0
        if is_open and _fit(lines, n, positions, False, kind) > _fit(lines, n, positions, True,
                                                                       kind):
            is_open = False  # the carried-over quote was a misreading; trust this line
        for k, i in enumerate(positions):
            later = len(positions) - k - 1
            role = _role(lines, n, i, later, is_open, kind)
            roles[(n, i)] = role
            if role in (OPEN, CLOSE, MOVED):
                is_open = role == OPEN
    return roles


def _role(lines: list[list[str]], n: int, i: int, later: int, is_open: bool, kind: str) -> str:
    tokens = lines[n]
    token = tokens[i]
    if token == "``":
        return OPEN
    if token == "''":
        return CLOSE
    if kind == "'" and _possessive(tokens, i) and (later % 2 == 1) == is_open:
        return APOSTROPHE  # a quote would leave this line's quotes unpaired
    if is_open and i == _first_word_index(tokens, i):
        if later % 2 == 1 or _closes_later(lines, n, kind):
            return OPEN  # a quote that runs on reopens at each paragraph
        return MOVED if n > 0 and _narration(tokens) else OPEN
    if is_open and kind == "'" and _nested_opener(tokens, i):
        return OPEN
    if not is_open and i == len(tokens) - 1 and i > 0 and tokens[i - 1][-1:].isalnum():
        return CLOSE  # nothing follows: a quote opened on an earlier line ends here
    return CLOSE if is_open else OPEN


def _nested_opener(tokens: list[str], i: int) -> bool:
    """``she writes : ' i use ...``, ``' he said , ' i have played``: inside a quote, a
    quote before a word opens a nested quote (news uses ' for both levels) after a colon
    or a verb of saying or thinking; a closing quote follows neither."""
    if not 0 < i < len(tokens) - 1 or not tokens[i + 1][:1].isalnum():
        return False
    prev = tokens[i - 1]
    if prev == ",":
        prev = tokens[i - 2] if i > 1 else ""
    if tokens[i - 1] == ":":
        return True
    # ``to ' feel '``: a quote that opened just before the verb closes after it
    return prev in REPORTING_VERBS and not any(quote_kind(t) for t in tokens[max(i - 3, 0):i])


def _fit(lines: list[list[str]], n: int, positions: list[int], is_open: bool, kind: str) -> int:
    """How well the roles that follow from ``is_open`` match the tokens around each quote."""
    tokens = lines[n]
    score = 0
    for k, i in enumerate(positions):
        role = _role(lines, n, i, len(positions) - k - 1, is_open, kind)
        if role == MOVED:
            score += 1  # only chosen when nothing else can close the carried quote
            is_open = False
            continue
        if role == APOSTROPHE:
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        closer = (prev in CLOSER_BEFORE) + (nxt is None or nxt in CLOSER_AFTER) - (prev is None)
        score += closer if role in (CLOSE, MOVED) else -closer
        is_open = role == OPEN
    return score


def _closes_later(lines: list[list[str]], n: int, kind: str) -> bool:
    """Whether a quote opened on line ``n`` finds its closer in the next few lines."""
    for tokens in lines[n + 1: n + 1 + LOOKAHEAD_LINES]:
        count = sum(quote_kind(t) == kind for t in tokens)
        if count:
            return count % 2 == 1
    return False


def _narration(tokens: list[str]) -> bool:
    """A long line without first or second person reads as the reporter's own words.

    A quote at the start of such a line, which nothing closes, is the previous
    line's closing quote left behind by the sentence splitter.
    """
    return len(tokens) >= MIN_NARRATION_TOKENS and not SPEAKER_WORDS.intersection(tokens)


def _possessive(tokens: list[str], i: int) -> bool:
    """``players '`` before a word is a plural possessive, not a quote."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    return (prev[-1:] == "s" and prev.isalpha() and prev not in NOT_POSSESSIVE
            and nxt[:1].isalnum())


def _first_word_index(tokens: list[str], i: int) -> int:
    """Index of the first token that is not a bracket (quotes count as first)."""
    for j, token in enumerate(tokens[: i + 1]):
        if token not in {"(", "[", "-lrb-", "-lsb-"}:
            return j
    return i


def _starts_with(tokens: list[str], kind: str) -> bool:
    return bool(tokens) and quote_kind(tokens[_first_word_index(tokens, 0)]) == kind
