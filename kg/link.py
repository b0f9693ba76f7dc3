"""Linking: which mentions are one real-world entity, by keys that need no other document.

Every entity gets a *link key* computed from its own document only, and its
id is a hash of type and key (:func:`kg.extract.entity_id`). So the same
input gives the same ids, and adding documents never changes the id of an
entity already there. The keys:

* **COMPANY** — the name's core: region prefixes (`深圳`, `(北京)`) and the
  legal form removed, so `深圳极视角科技有限公司` = `极视角科技有限公司` and
  `奇点数联(北京)科技有限公司` = `奇点数联科技有限公司`.
* **PARK, ORG, INDUSTRY** — the canonical name itself: the region is part of a
  park's or office's identity (`西安高新区` ≠ `青岛高新区`, `崂山区科技局` ≠ `青岛市科技局`).
  Traditional and Simplified forms already share the canonical name.
* **FUND** — a generic fund (`产业基金`, `引导基金`) is named after its owner
  (`青岛蓝谷产业基金`): the park or organization that operates it in the
  document, else the park the document is most about; so the funds of two
  owners stay two funds.
* **PERSON** — the name with the organization of the person's post, else the
  title next to the name, else the document: never the name alone.

>>> company_key("深圳极视角科技有限公司", {"深圳": "深圳市"}) == company_key("极视角科技有限公司", {})
True
>>> person_key("徐一冰", org="青岛蓝谷管理局", title="副局长", doc_id="d1")
'徐一冰@青岛蓝谷管理局'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

_LEGAL = re.compile(r"(集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|股份公司|公司)$")
_GENERIC_FUND = re.compile(r"^(?:产业|引导|母|成果转化|科创|天使|种子|创投|创业|产业引导|政府引导|股权投资|专项|发展|人才|"
                           r"产业投资|科技成果转化|科创母|天使投资|风险投资|并购)?基金$")


def strip_regions(name: str, regions: Mapping[str, str]) -> str:
    """``name`` without bracketed regions and up to two leading region names.

    >>> strip_regions("青岛西海岸新区发改局", {"青岛": "青岛市", "西海岸新区": ""})
    '发改局'
    """
    core = re.sub(r"\([^)]*\)", "", name)
    for _ in range(2):  # region prefixes may nest (`青岛西海岸新区…`)
        for k in range(min(len(core) - 2, 7), 1, -1):
            if core[:k] in regions:
                core = core[k:]
                break
    return core


def company_key(name: str, regions: Mapping[str, str]) -> str:
    """The core of a company name: no bracketed region, leading region or legal form."""
    core = _LEGAL.sub("", strip_regions(name, regions))
    return core if len(core) >= 2 else name


def person_key(name: str, org: str | None, title: str | None, doc_id: str) -> str:
    """A person is the name with an organization or title, never the name alone."""
    return f"{name}@{org or title or doc_id}"


def is_generic_fund(name: str) -> bool:
    """`产业基金`, `引导基金`: a fund that the text names only by its kind.

    >>> is_generic_fund("引导基金"), is_generic_fund("青岛科创母基金")
    (True, False)
    """
    return bool(_GENERIC_FUND.match(name))


def fund_owner(operators: list[str], park_names: list[str]) -> str | None:
    """The owner of a generic fund: its operator in the text, else the most mentioned park."""
    if operators:
        return operators[0]
    if park_names:
        return Counter(park_names).most_common(1)[0][0]
    return None
