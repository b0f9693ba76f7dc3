"""Standard codes in the entity table: each industry's code in the strategic-emerging-industry
classification and its parent industry, each park's, organization's and company's administrative
division (GB/T 2260) and province.

The knowledge (classifications, matching rules) is :mod:`kg.kb.codes`; this module applies it to a
build's entity rows, after linking, so extraction is untouched and ``--update`` gives the same columns.

**Industries** (``industry_code``, ``industry_class``, ``industry_parent``): see
:meth:`kg.kb.codes.IndustryCodes.classify`. Every INDUSTRY row gets a code or ``unclassified``.

**Divisions** (``division``, ``division_code``, ``province``) of PARK, ORG and COMPANY rows, by
precedence:

1. the entity's own name: a division it starts with, followed down (``青岛市崂山区科技局`` →
   崂山区), refined by one in brackets inside it (``山东大学(青岛)`` → 青岛市) and, for a park of
   ``parks.tsv``, by the city the lexicon gives it (``中关村科技园区`` → 北京市);
2. otherwise the parks it is LOCATED_IN or PART_OF, when they have a division: the most specific
   division that holds all of them (a company in two parks of 青岛 → 青岛市; in parks of two
   provinces → none). A division from relations also refines one from the name when it lies inside it
   (``山东…研究院`` located in a park of 青岛 → 青岛市), and never overrides it otherwise.

>>> rows = with_codes([{"entity_id": "p", "type": "PARK", "name": "西安高新区"},
...                    {"entity_id": "c", "type": "COMPANY", "name": "博云视觉公司"},
...                    {"entity_id": "i", "type": "INDUSTRY", "name": "海洋生物医药"}],
...                   [{"head_id": "c", "relation": "LOCATED_IN", "tail_id": "p"}])
>>> [(r["name"], r["division_code"], r["province"], r["industry_code"]) for r in rows]
[('西安高新区', '610100', '陕西省', ''), ('博云视觉公司', '610100', '陕西省', ''), ('海洋生物医药', '', '', '4.1')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kg.kb.codes import Division, Divisions, IndustryCodes

#: The columns this module adds to entities.csv (after the others).
CODE_COLUMNS = ["industry_code", "industry_class", "industry_parent", "division", "division_code", "province"]

#: Relations whose head sits in the division of its tail.
SITS_IN = ("LOCATED_IN", "PART_OF")


def with_codes(
    entities: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    industry_codes: IndustryCodes | None = None,
    divisions: Divisions | None = None,
) -> list[dict[str, Any]]:
    """Copies of the entity rows with the :data:`CODE_COLUMNS` filled (empty where they do not apply)."""
    codes = industry_codes or IndustryCodes.load()
    divs = divisions or Divisions.load()
    rows = [dict(e) for e in entities]
    placed = _divisions_of(rows, relations, divs)
    for r in rows:
        r.update(dict.fromkeys(CODE_COLUMNS, ""))
        if r["type"] == "INDUSTRY":
            found = codes.classify(r["name"])
            r.update(industry_code=found.code, industry_class=found.name, industry_parent=found.parent)
        d = placed.get(r["entity_id"])
        if d is not None:
            r.update(division=d.name, division_code=d.code, province=divs.province(d).name)
    return rows


def _divisions_of(rows: list[dict[str, Any]], relations: Iterable[Mapping[str, Any]],
                  divs: Divisions) -> dict[str, Division]:
    """entity_id → division: from names first, then through LOCATED_IN / PART_OF until nothing changes."""
    placed = {r["entity_id"]: d for r in rows if (d := divs.of_name(r["name"], r["type"])) is not None}
    typed = {r["entity_id"] for r in rows if r["type"] in ("PARK", "ORG", "COMPANY")}
    tails: dict[str, set[str]] = {}
    for rel in relations:
        if rel["relation"] in SITS_IN and rel["head_id"] in typed:
            tails.setdefault(rel["head_id"], set()).add(rel["tail_id"])
    for _ in range(len(tails) + 1):  # a chain of PART_OF is at most that long; usually one or two rounds
        changed = {}
        for head in sorted(tails):
            around = [placed[t] for t in sorted(tails[head]) if t in placed]
            common = divs.common(around) if around else None
            own = placed.get(head)
            if common is not None and common != own and (own is None or divs.is_within(common, own)):
                changed[head] = common
        if not changed:
            break
        placed.update(changed)
    return placed
