"""How far each relation rule is to be trusted: ``kg/data/relation_confidence.tsv``, loaded once.

The file holds, per rule, the share of its relations that are right on the development gold and on a
sample of relations judged on unseen articles, pooled and shrunk towards its family's share
(``benchmarks/calibrate_relations.py --update`` writes it). Extraction puts the number on a relation as it finds it (the ``kg_relations`` spaCy component); the graph export puts it on every edge.

>>> 0 < confidence_of("post:title-name") <= 1
True
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def rule_confidences() -> dict[str, float]:
    """Each relation rule's confidence, calibrated on dev and the judged unseen sample (``*``: a rule the file lacks)."""
    with (resources.files("kg") / "data" / "relation_confidence.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {row["rule"]: float(row["confidence"]) for row in rows}


def confidence_of(rule: str) -> float:
    """The confidence of a relation found by ``rule``: of the relations stated at 0.8, about 80 % are right."""
    table = rule_confidences()
    return table.get(rule, table.get("*", 0.5))
