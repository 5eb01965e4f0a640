"""A learned second opinion on the case the rules chose for each word.

The rules of :mod:`generator.text.truecase` decide a word from its own counts and its
neighbours' words; they miss parts of names made of common words (``Crown Prosecution
Service``, ``Nacer Chadli``). A logistic model sees what the rules cannot weigh together:
the word's capital share and frequency, the case the rules gave the words two either side of
it and its whole line, the frequent words around it, its ending, how the rules cased its
other occurrences in the document, and given names and titles next to it. It capitalises a
word the rules left lower-case, next to a capitalised word, when it is confident the word is
capitalised. It never lowers a capital: the rules' capitals come from hand lists, gazetteers,
titles and quoted titles that the model cannot see, and lowering them cost as many right
capitals as wrong ones.

Weights: ``data/case_corrector.json``, fitted by ``tools/train_case_corrector.py`` on the
PolNeAR **train** and TimeML texts (lower-cased and tokenized like the seed); only feature
weights are shipped (word identities only for the most frequent words, which are function
words), no text and no counts.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.lexicon import PERSON_DESCRIPTORS
from generator.text.captions import load_verb_forms
from generator.text.truecase import TITLES, CaseModel

DATA = Path(__file__).parent / "data" / "case_corrector.json"
SHARE_EDGES = (0.001, 0.01, 0.05, 0.15, 0.3, 0.5, 0.7, 0.9, 0.99)
# Words this frequent in the counts are function words: their identity is a feature.
FREQUENT = 50_000
MAX_PROFILES = 200_000
# Name particles: "Van Gaal" but "Rembrandt van Rijn"; the hand list and the counts decide.
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "al",
                       "el", "bin", "ibn", "ben", "del", "della", "dos", "das", "ter", "ten"})


@dataclass(frozen=True)
class Profile:
    """What the counts say about one lower-case word."""

    share: str  # capital share bucket, or l (seen only lower-case), g (guessed), u (unknown)
    frequency: int  # decimal order of its count
    capital: str  # the form it takes when capitalised
    frequent: bool


@dataclass
class CaseCorrector:
    """Logistic weights and the threshold chosen on held-out training folds."""

    weights: dict[str, float]
    bias: float
    threshold: float  # P(capitalised) from which a word the rules left lower is capitalised
    verbs: frozenset[str] = frozenset()  # finite verb forms
    profiles: dict[str, Profile] = field(default_factory=dict, repr=False)

    def probability(self, features: list[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def correct(self, model: CaseModel, words: list[list[str]], cased: list[list[str]],
                starts: list[set[int]]) -> None:
        """Capitalise in place the words the model is confident the rules missed."""
        usage = document_usage(words, cased, starts)
        for lower, shown, first in zip(words, cased, starts, strict=True):
            line = line_shape(lower, shown, first)
            raised = [i for i in candidates(model, self.verbs, lower, shown, first)
                      if self.probability(features(model, self.profiles, lower, shown, first,
                                                   i, line, usage)) >= self.threshold]
            for i in raised:
                shown[i] = profile(model, self.profiles, lower[i]).capital


def candidates(model: CaseModel, verbs: frozenset[str], lower: list[str], shown: list[str],
               first: set[int]) -> list[int]:
    """The words the model decides: those the rules left lower-case next to a capitalised
    word, but for sentence starts, hand-listed words (their rules know better), person
    descriptors, name particles, finite verbs (``Barrientos wed Koridze``) that are no given
    name, and abbreviations."""
    return [i for i, word in enumerate(lower)
            if i not in first and word[:1].isalpha() and shown[i] == word and "." not in word
            and word not in model.fixed and word not in model.rules
            and word not in PERSON_DESCRIPTORS and word not in PARTICLES
            and (word not in verbs or word in model.given) and _beside_a_name(shown, first, i)
            and not _lower_across_ampersand(shown, i)]


def _beside_a_name(shown: list[str], first: set[int], i: int) -> bool:
    """A capitalised word (not a display capital at a sentence start) stands next to the word:
    the model extends names; a capital on a word alone made actors of ``Tea`` and ``Witch``."""
    return any(0 <= j < len(shown) and j not in first and shown[j][:1].isupper()
               for j in (i - 1, i + 1))


def _lower_across_ampersand(shown: list[str], i: int) -> bool:
    """``&`` joins like with like: a name to a name (``Procter & Gamble``), a common word to a
    common word (``salt & pepper``), whatever the texts the model learned from were about."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(shown) and shown[j] == "&":
            other = j + step
            return not (0 <= other < len(shown) and shown[other][:1].isupper())
    return False


def profile(model: CaseModel, cache: dict[str, Profile], word: str) -> Profile:
    """The counts' view of ``word``, remembered (one look-up per word type)."""
    found = cache.get(word)
    if found is None:
        if len(cache) >= MAX_PROFILES:  # an archive's vocabulary has no end: start over
            cache.clear()
        found = cache[word] = _profile(model, word)
    return found


def _profile(model: CaseModel, word: str) -> Profile:
    forms = model.forms.get(word)
    if not forms:
        guess = model.guessed.get(word)
        share = "l" if word in model.lower_words else "g" if guess else "u"
        capital = guess if guess and guess[:1].isupper() else word.capitalize()
        return Profile(share, 0, capital, False)
    total = sum(count for _, count in forms)
    capitals = [(count, form) for form, count in forms if form[:1].isupper()]
    share = sum(count for count, _ in capitals) / total if total else 0.0
    bucket = sum(share >= edge for edge in SHARE_EDGES)
    capital = max(capitals)[1] if capitals else word.capitalize()
    order = int(math.log10(total)) if total >= 1 else 0
    return Profile(str(bucket), order, capital, total >= FREQUENT)


def document_usage(words: list[list[str]], cased: list[list[str]],
                   starts: list[set[int]]) -> dict[str, tuple[int, int]]:
    """(capitalised, all) mid-sentence occurrences of each word in the document, as the rules
    cased them: a name the rules caught once (``Leeds Rhinos``) is a name elsewhere too."""
    usage: dict[str, tuple[int, int]] = {}
    for lower, shown, first in zip(words, cased, starts, strict=True):
        for i, word in enumerate(lower):
            if i not in first and word[:1].isalpha():
                capital, total = usage.get(word, (0, 0))
                usage[word] = (capital + shown[i][:1].isupper(), total + 1)
    return usage


def _elsewhere(usage: dict[str, tuple[int, int]], word: str) -> str:
    """How the word's other occurrences were cased: 0 none, n lower, a capital, s mixed
    (the word itself is a lower-case candidate)."""
    caps, total = usage.get(word, (0, 0))
    total -= 1
    if total <= 0:
        return "0"
    return "n" if caps == 0 else "a" if caps == total else "s"


def line_shape(lower: list[str], shown: list[str], first: set[int]) -> str:
    """How capitalised the rules made the line (headings and captions are mostly names)."""
    words = [i for i, w in enumerate(lower) if w[:1].isalpha() and i not in first]
    if not words:
        return "e"
    share = sum(shown[i][:1].isupper() for i in words) / len(words)
    size = "s" if len(words) <= 8 else "m" if len(words) <= 25 else "l"
    return f"{size}{min(int(share * 5), 4)}"


def _case(shown: list[str], first: set[int], i: int) -> str:
    """The rules' case of the token at ``i``: L, T, U (all caps), S (sentence start), P
    (no letter), ^ / $ (outside the line)."""
    if i < 0:
        return "^"
    if i >= len(shown):
        return "$"
    form = shown[i]
    if not form[:1].isalnum():
        return "P" if form not in ("'", '"') else "Q"
    if i in first:
        return "S"
    if form.isupper() and len(form) > 1:
        return "U"
    return "T" if form[:1].isupper() else "L"


def features(model: CaseModel, cache: dict[str, Profile], lower: list[str],
             shown: list[str], first: set[int], i: int, line: str,
             usage: dict[str, tuple[int, int]]) -> list[str]:
    """The model's features for the word at ``i`` (names are short: the weights file is
    read at every start)."""
    word = lower[i]
    me = profile(model, cache, word)
    pc, nc = _case(shown, first, i - 1), _case(shown, first, i + 1)
    pc2, nc2 = _case(shown, first, i - 2), _case(shown, first, i + 2)
    prev = lower[i - 1] if i else "^"
    nxt = lower[i + 1] if i + 1 < len(lower) else "$"
    s, n = me.share, me.frequency
    found = [f"s{s}", f"n{n}", f"s{s}n{n}", f"p{pc}", f"q{nc}",
             f"p{pc}q{nc}", f"p{pc}s{s}", f"q{nc}s{s}", f"p{pc}q{nc}s{s}",
             f"pp{pc2}{pc}", f"qq{nc}{nc2}", f"L{line}", f"L{line}s{s}", f"x{word[-3:]}"]
    seen = _elsewhere(usage, word)
    found += [f"e{seen}", f"e{seen}s{s}"]
    if me.frequent:
        found.append(f"w{word}")
        found.append(f"w{word}p{pc}q{nc}")
    for side, other in (("-", prev), ("+", nxt)):
        if not other[:1].isalpha():
            found.append(f"o{side}{other}")
            continue
        them = profile(model, cache, other)
        found.append(f"o{side}s{them.share}s{s}")
        if them.frequent:
            found.append(f"o{side}{other}")
            found.append(f"o{side}{other}s{s}")
    if word in model.given:
        found.append("G")
    if nxt in model.given and nc == "T":
        found.append("g+")
    if nxt == "'s":
        found.append("a+")
    if prev in TITLES:
        found.append("t-")
    if prev in model.given and pc == "T":
        found.append("g-")
    if any(c.isdigit() for c in word):
        found.append("d")
    return found


@lru_cache(maxsize=1)
def load_corrector() -> CaseCorrector:
    """The shipped weights, read once per process."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return CaseCorrector(data["weights"], data["bias"], data["threshold"], load_verb_forms())
