"""Title-case short quoted titles and nicknames (``Disney's "Lady and the Tramp"``).

News puts the titles of works and people's nicknames in quotes and writes them in title
case, while the lower-cased input gives no sign of it and the case statistics see only
common words. A short quoted span is taken for a title when what stands right before it
says so: a work noun (``the series "Dragnet"``), a naming verb (``dubbed 'the
Musketeers'``), a possessive name (``Rembrandt's 'Storm on the Sea'``) or a name that
goes on after the quote (``Mike 'Sugar Bear' Thompson``). Scare quotes (``known as
'treating'``, ``called 'disgusting'``) have none of these and stay as they are.
"""

from __future__ import annotations

import re

from generator.text.quotes import CLOSE, OPEN

MAX_TITLE_WORDS = 6
WORK_WORDS = frozenset(re.findall(r"\w+", """
    film movie series show sitcom comedy drama documentary cartoon programme program song
    single album book novel play musical painting sculpture poem opera hit titled entitled
    dubbed nicknamed
"""))
# Words a title keeps lower-case unless they open it.
MINOR_WORDS = frozenset(re.findall(r"\w+", """
    a an the and or but nor of in on at to for by with from as vs
"""))


def title_case_quotes(kinds: list[str], words: list[str], shown: list[str]) -> None:
    """Title-case, in ``shown``, the quoted titles of one sentence.

    ``kinds`` are the tokens' roles (``open``, ``close``, ``word``...), ``words`` their
    lower-case text and ``shown`` their cased forms, changed in place.
    """
    i = 0
    while i < len(words):
        if kinds[i] != OPEN:
            i += 1
            continue
        close = next((j for j in range(i + 1, min(len(words), i + MAX_TITLE_WORDS + 2))
                      if kinds[j] == CLOSE), None)
        if close is None:
            i += 1
            continue
        inside = range(i + 1, close)
        if 0 < len(inside) <= MAX_TITLE_WORDS and _titled(words, shown, i, close) and all(
                words[k].isalpha() or words[k] == "'s" for k in inside):
            for n, k in enumerate(inside):
                if words[k] != "'s" and (n == 0 or words[k] not in MINOR_WORDS):
                    shown[k] = shown[k][:1].upper() + shown[k][1:]
        i = close + 1


def _titled(words: list[str], shown: list[str], open_at: int, close: int) -> bool:
    """Whether the words around a quoted span mark it as a title or a nickname."""
    if open_at == 0:
        return False
    before = words[open_at - 1]
    if before in WORK_WORDS:
        return True
    if before == "'s" and open_at > 1 and _name(shown[open_at - 2]):
        return True
    after = shown[close + 1] if close + 1 < len(shown) else ""
    return _name(shown[open_at - 1]) and _name(after)


def _name(form: str) -> bool:
    return form[:1].isupper() and form.isalpha()
