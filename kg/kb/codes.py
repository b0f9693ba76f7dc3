"""Standard codes: industries in the national classification of strategic emerging industries, and the
administrative divisions (GB/T 2260) that parks, organizations and companies sit in.

Two classifications, both data files of ``kg/data/lexicons/`` (provenance in its README):

* ``sei_2018.tsv``: 国家统计局《战略性新兴产业分类（2018）》, its 9 categories and 40 second-level
  categories (``4`` 生物产业 → ``4.1`` 生物医药产业). ``industry_sei.tsv`` gives some industries of
  ``industries.tsv`` a code; every other lexicon industry takes the code of its nearest coded ancestor
  in ``industries.tsv`` (``海洋生物医药`` → ``生物医药`` → ``4.1``), and one whose ancestors have
  none is :data:`UNCLASSIFIED`.
* ``admin_divisions.tsv``: every province-, prefecture- and county-level division with its 6-digit
  GB/T 2260 code.

An industry name that the lexicon does not know is placed by :meth:`IndustryCodes.match`: the
name without an industry suffix, else the longest lexicon industry that ends the name (Chinese
compounds put the head last: ``智能超算`` is a kind of ``超算``), else the longest one inside it.

>>> codes = IndustryCodes.load()
>>> codes.classify("海洋生物医药")
IndustryCode(code='4.1', name='生物医药产业', parent='生物医药', matched='海洋生物医药')
>>> codes.classify("冰雪旅游").code
'unclassified'
>>> divisions = Divisions.load()
>>> divisions.of_name("西安高新区", "PARK").code, divisions.of_name("青岛市人民政府", "ORG").name
('610100', '青岛市')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KgUsageError
from kg.kb import rules
from kg.kb.lexicons import _data_dir, _rows, _split

#: The code of an industry that fits no category of the classification.
UNCLASSIFIED = "unclassified"

# Industry suffixes that extraction keeps on some names (`数字产业`); without them the rest may be known.
_INDUSTRY_SUFFIX = re.compile(r"全?(?:产业集群|产业链条|产业链|产业)$")
_LATIN = re.compile(r"[A-Za-z0-9]")


def _lexdir(directory: str | Path | None) -> Path:
    return Path(directory) if directory is not None else _data_dir() / "lexicons"


# ---------------------------------------------------------------- industries


@dataclass(frozen=True)
class Concept:
    """One category of the classification: ``4.1`` 生物医药产业, broader ``4``."""

    code: str
    name: str
    broader: str  # "" for the nine top categories


@dataclass(frozen=True)
class IndustryCode:
    """Where an industry name sits: its code (or ``unclassified``), the code's category name, its parent
    industry (the lexicon's parent of a known industry; the lexicon industry an unknown name falls
    under) and the lexicon industry it was matched to ("" when none)."""

    code: str
    name: str
    parent: str
    matched: str


@dataclass(frozen=True, eq=False)
class IndustryCodes:
    """The classification and the industry lexicon's tree with its codes."""

    concepts: Mapping[str, Concept]  # code -> concept, in file order
    parents: Mapping[str, str]  # lexicon industry -> its parent ("" for a root)
    surfaces: Mapping[str, str]  # name or alias -> lexicon industry
    explicit: Mapping[str, str]  # lexicon industry -> code (industry_sei.tsv)

    @classmethod
    def load(cls, directory: str | Path | None = None) -> IndustryCodes:
        """Load from ``directory`` (default: the shipped ``kg/data/lexicons``); cached for the default."""
        return _industry_codes() if directory is None else _load_industry_codes(_lexdir(directory))

    def code_of(self, industry: str) -> str:
        """The code of a lexicon industry: its own, else its nearest coded ancestor's, else ``unclassified``.

        >>> IndustryCodes.load().code_of("人形机器人")  # 人形机器人 → 机器人 (2.1)
        '2.1'
        """
        seen = set()
        while industry and industry not in seen:
            if industry in self.explicit:
                return self.explicit[industry]
            seen.add(industry)
            industry = self.parents.get(industry, "")
        return UNCLASSIFIED

    def ancestors(self, industry: str) -> list[str]:
        """The lexicon parents of a lexicon industry, nearest first (``海洋生物医药`` → 生物医药, 战略性新兴产业)."""
        out: list[str] = []
        industry = self.parents.get(industry, "")
        while industry and industry not in out:
            out.append(industry)
            industry = self.parents.get(industry, "")
        return out

    def concept_chain(self, code: str) -> list[str]:
        """``code`` and its broader codes (``4.1`` → ``['4.1', '4']``); empty for ``unclassified``."""
        out: list[str] = []
        while code in self.concepts and code not in out:
            out.append(code)
            code = self.concepts[code].broader
        return out

    def match(self, name: str) -> str:
        """The lexicon industry ``name`` is or falls under, or "" (rule order in the module docs).

        >>> codes = IndustryCodes.load()
        >>> codes.match("AI"), codes.match("智能超算"), codes.match("影视文化"), codes.match("基因与细胞")
        ('人工智能', '超算', '影视', '')
        """
        if name in self.surfaces:
            return self.surfaces[name]
        bare = _INDUSTRY_SUFFIX.sub("", name)
        if bare != name and bare in self.surfaces:
            return self.surfaces[bare]
        n = len(bare)
        for i in range(n - 1):  # the longest lexicon industry that ends the name
            if bare[i:] in self.surfaces and _whole(bare, i, n):
                return self.surfaces[bare[i:]]
        for k in range(n - 1, 1, -1):  # else the longest inside it, the leftmost of equal length
            for i in range(n - k + 1):
                if bare[i:i + k] in self.surfaces and _whole(bare, i, i + k):
                    return self.surfaces[bare[i:i + k]]
        return ""

    def classify(self, name: str) -> IndustryCode:
        """The code, category, parent and matched lexicon industry of an INDUSTRY entity's name."""
        matched = self.match(name)
        code = self.code_of(matched) if matched else UNCLASSIFIED
        if matched and matched == name:
            parent = self.parents.get(matched, "")
        else:
            parent = matched  # 海洋文旅 falls under 文化旅游: that is its parent
        concept = self.concepts.get(code)
        return IndustryCode(code, concept.name if concept else "", parent, matched)


def _whole(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` not part of a longer Latin token (``AI`` in ``AIGC``)?"""
    if not _LATIN.match(text[a]) and not _LATIN.match(text[b - 1]):
        return True
    return not (a > 0 and _LATIN.match(text[a - 1])) and not (b < len(text) and _LATIN.match(text[b]))


@lru_cache(maxsize=1)
def _industry_codes() -> IndustryCodes:
    return _load_industry_codes(_lexdir(None))


def _load_industry_codes(lexdir: Path) -> IndustryCodes:
    concepts: dict[str, Concept] = {}
    for r in _rows(lexdir / "sei_2018.tsv"):
        concepts[r["code"]] = Concept(r["code"], r["name"], r.get("broader", ""))
    parents: dict[str, str] = {}
    surfaces: dict[str, str] = {}
    for r in _rows(lexdir / "industries.tsv"):
        parents[r["name"]] = r.get("parent", "")
        surfaces.setdefault(r["name"], r["name"])
        for alias in _split(r.get("aliases", "")):
            surfaces.setdefault(alias, r["name"])
    explicit = {r["industry"]: r["code"] for r in _rows(lexdir / "industry_sei.tsv")}
    for industry, code in explicit.items():
        if industry not in parents or code not in concepts:
            raise KgUsageError(f"{lexdir / 'industry_sei.tsv'}: {industry} {code}: the industry must be in "
                               "industries.tsv and the code in sei_2018.tsv")
    return IndustryCodes(concepts, parents, surfaces, explicit)


# ---------------------------------------------------------------- administrative divisions


@dataclass(frozen=True)
class Division:
    """A province-, prefecture- or county-level division with its GB/T 2260 code."""

    code: str  # 6 digits: 370200
    name: str  # 青岛市
    level: str  # province, prefecture or county
    short: str  # 青岛 ("" when the lexicon gives none)
    parent: str  # the parent division's code ("" for a province)


#: Entity types that sit in a division.
DIVISION_TYPES = ("PARK", "ORG", "COMPANY")

_BRACKETED = re.compile(r"\(([^()]{2,12})\)")
# A brand before a place name (`春峰里·青岛数智都市产业园`): the part after the dot starts a name too.
_SEGMENT = re.compile(r"[·・]")


@dataclass(frozen=True, eq=False)
class Divisions:
    """The divisions by code, full name and (province and prefecture) short form."""

    by_code: Mapping[str, Division]
    by_name: Mapping[str, tuple[Division, ...]]  # full name -> divisions (28 county names are shared)
    by_short: Mapping[str, Division]  # short form of a province or prefecture -> it
    parks: Mapping[str, Division]  # name or alias of a park of parks.tsv -> its city (or province)

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Divisions:
        """Load from ``directory`` (default: the shipped ``kg/data/lexicons``); cached for the default."""
        return _divisions() if directory is None else _load_divisions(_lexdir(directory))

    def chain(self, division: Division) -> list[Division]:
        """``division`` and its parents up to its province."""
        out = [division]
        while out[-1].parent:
            out.append(self.by_code[out[-1].parent])
        return out

    def province(self, division: Division) -> Division:
        return self.chain(division)[-1]

    def is_within(self, inner: Division, outer: Division) -> bool:
        return outer in self.chain(inner)

    def common(self, divisions: Iterable[Division]) -> Division | None:
        """The most specific division that holds all of ``divisions`` (None if they span provinces)."""
        found: list[Division] | None = None
        for d in divisions:
            chain = self.chain(d)
            found = chain if found is None else [x for x in found if x in chain]
        return found[0] if found else None

    def at_start(self, name: str) -> Division | None:
        """The division a name starts with, followed down (``青岛市崂山区…`` → 崂山区): full names of any level,
        short forms of provinces and prefectures only (county short forms such as ``东方``, ``胶州`` begin too
        many other names). A county name several divisions share counts only under its parent; a name that
        starts with a word of ``not_division_prefixes`` (阿里巴巴) has none."""
        if name.startswith(_not_division_prefixes()):
            return None
        found: Division | None = None
        i = 0
        while i < len(name):
            step = self._next(name, i, found)
            if step is None:
                break
            found, i = step
        return found

    def _next(self, name: str, i: int, within: Division | None) -> tuple[Division, int] | None:
        for k in range(min(len(name) - i, 12), 1, -1):
            word = name[i:i + k]
            fits = [d for d in self.by_name.get(word, ()) if within is None or self.is_within(d, within)]
            if not fits and word in self.by_short and (within is None or self.is_within(self.by_short[word], within)):
                fits = [self.by_short[word]]
            if len(fits) == 1 and fits[0] != within:
                return fits[0], i + k
        return None

    def in_brackets(self, name: str) -> Division | None:
        """A division named in brackets (``奇点数联(北京)科技有限公司``, ``西部(成都)科学城``)."""
        for m in _BRACKETED.finditer(name):
            d = self.at_start(m.group(1))
            if d is not None:
                return d
        return None

    def of_name(self, name: str, etype: str) -> Division | None:
        """The division an entity's name places it in, or None: the division the name (or a part after ``·``)
        starts with, refined by one in brackets and, for a park of ``parks.tsv``, by the lexicon's city; a
        later source only ever narrows an earlier one. :mod:`kg.export.codes` adds the relations."""
        if etype not in DIVISION_TYPES:
            return None
        found: Division | None = None
        starts = [self.at_start(part) for part in _SEGMENT.split(name)]
        for d in (*starts, self.in_brackets(name), self.parks.get(name) if etype == "PARK" else None):
            if d is None:
                continue
            if found is None or (d != found and self.is_within(d, found)):
                found = d  # a later source refines an earlier one (山东大学(青岛)); it never contradicts it
        return found


@lru_cache(maxsize=1)
def _not_division_prefixes() -> tuple[str, ...]:
    return rules.words("not_division_prefixes")


@lru_cache(maxsize=1)
def _divisions() -> Divisions:
    return _load_divisions(_lexdir(None))


def _load_divisions(lexdir: Path) -> Divisions:
    rows = _rows(lexdir / "admin_divisions.tsv")
    codes = {r["code"] for r in rows}
    by_code: dict[str, Division] = {}
    for r in rows:
        code = r["code"]
        if not re.fullmatch(r"[0-9]{6}", code):
            raise KgUsageError(f"{lexdir / 'admin_divisions.tsv'}: {r['name']} has no 6-digit code ({code!r}); "
                               "regenerate it with scripts/build_admin_divisions.py")
        # the parent is the prefecture of the code's first four digits, else the province of its first two
        parent = next((p for p in (code[:4] + "00", code[:2] + "0000") if p != code and p in codes), "")
        if r["level"] == "province":
            parent = ""
        by_code[code] = Division(code, r["name"], r["level"], r.get("short", ""), parent)
    by_name: dict[str, list[Division]] = {}
    by_short: dict[str, Division] = {}
    for d in by_code.values():
        by_name.setdefault(d.name, []).append(d)
        if d.short and d.level != "county":
            by_short[d.short] = d
    parks: dict[str, Division] = {}
    for r in _rows(lexdir / "parks.tsv"):
        city = by_short.get(r.get("city", "")) or by_short.get(r.get("province", ""))
        if city is not None:
            for form in (r["name"], *_split(r.get("aliases", ""))):
                parks.setdefault(form, city)
    return Divisions(by_code, {k: tuple(v) for k, v in by_name.items()}, by_short, parks)
