"""Keep a multi-word name cased the same way across a document.

A name made of common words is found where its context gives it away (in quotes after a
work noun, after a title, in a known phrase) and missed where it stands alone: ``Mike
'Sugar Bear' Thompson`` and later ``with sugar bear``. Every run of two or more
capitalised words found mid-sentence is remembered, and its other occurrences in the
document (headline, captions and body alike) take the same case.
"""

from __future__ import annotations

MAX_NAME_WORDS = 4


def spread_names(words: list[list[str]], cased: list[list[str]],
                 starts: list[set[int]]) -> None:
    """Give every occurrence of a multi-word name the case of its cased occurrences.

    ``words`` are the lower-case tokens of each sentence, ``cased`` their cased forms
    (changed in place), ``starts`` the indexes that begin a sentence.
    """
    names = _names(words, cased, starts)
    if not names:
        return
    for lower, shown in zip(words, cased, strict=True):
        i = 0
        while i < len(lower):
            for n in range(min(MAX_NAME_WORDS, len(lower) - i), 1, -1):
                name = names.get(tuple(lower[i:i + n]))
                if name:
                    shown[i:i + n] = [old if _capital(old) else new
                                      for old, new in zip(shown[i:i + n], name, strict=True)]
                    i += n - 1
                    break
            i += 1


def _names(words: list[list[str]], cased: list[list[str]],
           starts: list[set[int]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Runs of 2-4 capitalised words, none at a sentence start (a display capital)."""
    names: dict[tuple[str, ...], tuple[str, ...]] = {}
    for lower, shown, first in zip(words, cased, starts, strict=True):
        run: list[int] = []
        for i in range(len(lower) + 1):
            if i < len(lower) and i not in first and _capital(shown[i]) and lower[i].isalpha():
                run.append(i)
                continue
            if 2 <= len(run) <= MAX_NAME_WORDS:
                key = tuple(lower[k] for k in run)
                names.setdefault(key, tuple(shown[k] for k in run))
            run = []
    return names


def _capital(form: str) -> bool:
    return form[:1].isupper()
