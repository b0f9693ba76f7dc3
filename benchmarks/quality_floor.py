"""The quality floor on the development set: the figures a change must not lose.

``benchmarks/gold/floor.json`` records the overall F1 of the four scores of
``kg eval --set dev`` (entities, mentions, relations, linking) as last
measured. ``tests/test_quality_floor.py`` fails when a change scores below
any of them. A change that improves quality raises the floor with::

    python benchmarks/quality_floor.py --update

(and commits the new floor.json with the change). Without ``--update`` it
prints the current figures beside the floor.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

FLOOR = Path(__file__).resolve().parent / "gold" / "floor.json"
KEYS = ("entities", "mentions", "relations", "linking")


def measure(set_name: str = "dev") -> dict[str, float]:
    """Overall F1 of each score of kg on a gold set (built afresh)."""
    from kg.eval.evaluate import score
    from kg.eval.goldsets import load_set, predict

    gold, arts = load_set(set_name)
    s = score(gold, predict(gold, arts, None, progress=False))
    return {"entities": s.entities["overall"]["f1"], "mentions": s.mentions["overall"]["f1"],
            "relations": s.relations["overall"]["f1"], "linking": s.linking["f1"]}


def read_floor() -> dict[str, float]:
    return json.loads(FLOOR.read_text(encoding="utf-8"))["dev"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="record the current figures as the new floor")
    args = ap.parse_args()
    now = measure()
    floor = read_floor() if FLOOR.exists() else {}
    for key in KEYS:
        print(f"{key:<10} now {now[key]:.4f}   floor {floor.get(key, float('nan')):.4f}")
    if args.update:
        FLOOR.write_text(json.dumps({"set": "dev", "score": "overall F1 of kg eval --set dev", "dev": now},
                                    indent=1) + "\n", encoding="utf-8")
        print(f"floor written to {FLOOR}")


if __name__ == "__main__":
    main()
