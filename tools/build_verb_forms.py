"""Build ``generator/text/data/verb_forms.txt.gz``: word forms that can be a finite verb.

Run at development time only (nothing is read from the network at run time):
    pip download --no-deps spacy-lookups-data==1.0.5   # MIT
    unzip spacy_lookups_data-1.0.5-py2.py3-none-any.whl 'spacy_lookups_data/data/en_*'
    python -m tools.build_verb_forms spacy_lookups_data/data

Sources, all in that package: ``en_lemma_index.json.gz`` (verb base forms, from WordNet),
``en_lemma_exc.json.gz`` (irregular verb forms) and ``en_lemma_rules.json.gz`` (regular
suffixes). A form is kept when it is a third-person ``-s`` form, a past form or an irregular
finite form of a known verb and is a real word (it has a probability in
``en_lexeme_prob.json.gz``). Base forms are left out: nearly every English noun is also a
verb base (``site``, ``star``), so a base form says little about whether a line has a verb.
The caption rules (:mod:`generator.text.captions`) read the list to tell a verbless
fragment (``Tennis star Billie Jean King``) from a sentence.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "text" / "data" / "verb_forms.txt.gz"
FINITE_SUFFIXES = ("s", "ed")  # the rule families for "-s" and past forms


def _read(folder: Path, name: str) -> dict:
    with gzip.open(folder / f"en_{name}.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)


def finite_forms(folder: Path) -> set[str]:
    """Inflected finite forms of every verb base, kept if the lexeme table knows them."""
    bases = set(_read(folder, "lemma_index")["verb"])
    irregular = _read(folder, "lemma_exc")["verb"]
    rules = _read(folder, "lemma_rules")["verb"]
    known = {form for form in _read(folder, "lexeme_prob") if form.islower()}
    forms = {form for form in irregular if not form.endswith("ing") and form.isalpha()}
    for base in bases:
        if not base.isalpha():
            continue
        for suffix, ending in rules:
            if suffix.endswith(FINITE_SUFFIXES) and (not ending or base.endswith(ending)):
                stem = base[: len(base) - len(ending)] if ending else base
                forms.add(stem + suffix)
    return {form for form in forms if form in known}


def main(folder: str) -> int:
    forms = sorted(finite_forms(Path(folder)))
    with gzip.open(OUT, "wt", encoding="utf-8") as handle:
        handle.write("# finite verb forms, from spacy-lookups-data 1.0.5 (MIT); see "
                     "tools/build_verb_forms.py\n")
        handle.write("\n".join(forms) + "\n")
    print(f"{len(forms)} forms -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
