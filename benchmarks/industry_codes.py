"""How many industries get a code, and how many parks, organizations and companies a division.

Applies the rules of :mod:`kg.kb.codes` to the gold names of a gold set (the development split or the
seeds; the test split is refused, it is for reporting extraction quality only) and, with ``--build``,
to the entity table of a build (where divisions also come through LOCATED_IN / PART_OF)::

    python benchmarks/industry_codes.py                       # dev gold
    python benchmarks/industry_codes.py --set seeds --build out

Gold counts are per gold entity (one per document and name), then per distinct name.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from kg.kb.codes import DIVISION_TYPES, UNCLASSIFIED, Divisions, IndustryCodes

ROOT = Path(__file__).resolve().parent.parent
GOLD = {"dev": ROOT / "benchmarks" / "gold" / "dev.jsonl", "seeds": ROOT / "benchmarks" / "gold" / "seeds.jsonl"}


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.1%}" if total else "0/0"


def gold_report(set_name: str) -> list[str]:
    codes, divisions = IndustryCodes.load(), Divisions.load()
    names: Counter[tuple[str, str]] = Counter()
    for line in GOLD[set_name].read_text(encoding="utf-8").splitlines():
        for e in json.loads(line)["entities"]:
            names[(e["type"], e["name"])] += 1
    industries = {n: codes.classify(n) for t, n in names if t == "INDUSTRY"}
    coded = [n for n, c in industries.items() if c.code != UNCLASSIFIED]
    per_entity = sum(names[("INDUSTRY", n)] for n in coded)
    lines = [f"{set_name} gold, INDUSTRY: coded {_share(per_entity, sum(names[('INDUSTRY', n)] for n in industries))} "
             f"of entities, {_share(len(coded), len(industries))} of distinct names; "
             f"{_share(sum(1 for c in industries.values() if c.matched), len(industries))} of names placed in the "
             "industry lexicon's tree"]
    for etype in DIVISION_TYPES:
        of_type = [n for t, n in names if t == etype]
        placed = [n for n in of_type if divisions.of_name(n, etype) is not None]
        lines.append(f"{set_name} gold, {etype}: a division from the name alone for {_share(len(placed), len(of_type))} "
                     "of distinct names")
    return lines


def build_report(out: Path) -> list[str]:
    with open(out / "entities.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    industries = [r for r in rows if r["type"] == "INDUSTRY"]
    coded = [r for r in industries if r["industry_code"] != UNCLASSIFIED]
    lines = [f"build {out}, INDUSTRY: coded {_share(len(coded), len(industries))}"]
    for etype in DIVISION_TYPES:
        of_type = [r for r in rows if r["type"] == etype]
        lines.append(f"build {out}, {etype}: with a division {_share(sum(1 for r in of_type if r['division_code']), len(of_type))}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(GOLD), default="dev", help="gold set whose names are coded (default: dev)")
    ap.add_argument("--build", type=Path, help="also a build folder (its entities.csv)")
    args = ap.parse_args()
    lines = gold_report(args.set) + (build_report(args.build) if args.build else [])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
