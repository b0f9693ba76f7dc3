"""Linking: which mentions are one real-world entity, by keys that need no other document.

Every entity gets a *link key* computed from its own document only, and its
id is a hash of type and key (:func:`kg.extract.document.entity_id`). So the same
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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.kb import rules

_LEGAL = re.compile(rf"({rules.alternation('company_legal_forms')})$")
_GENERIC_FUND = re.compile(rf"^(?:{rules.alternation('generic_fund_kinds')})?基金$")


_BRACKETED = re.compile(r"\([^)]*\)")


def strip_regions(name: str, regions: Mapping[str, str]) -> str:
    """``name`` without bracketed regions and up to two leading region names.

    >>> strip_regions("青岛西海岸新区发改局", {"青岛": "青岛市", "西海岸新区": ""})
    '发改局'
    """
    core = _BRACKETED.sub("", name)
    for _ in range(2):  # region prefixes may nest (`青岛西海岸新区…`)
        for k in range(min(len(core) - 2, 7), 1, -1):
            if core[:k] in regions:
                core = core[k:]
                break
    return core


#: A company core made of lines of business only: the place in front is the firm's trade name.
_LINE_ONLY = re.compile(rf"(?:{rules.alternation('company_line_words')})+")


def company_key(name: str, regions: Mapping[str, str]) -> str:
    """The core of a company name: no bracketed region, leading region or legal form; but a core that is only
    a line of business keeps its place, named by its full form (`宁波钢铁` ≠ `武汉钢铁`).

    >>> company_key("宁波钢铁有限公司", {"宁波": "宁波市"}), company_key("宁波市钢铁", {"宁波市": "宁波市"})
    ('宁波市钢铁', '宁波市钢铁')
    """
    core = _LEGAL.sub("", strip_regions(name, regions))
    if len(core) < 2:
        return name
    if _LINE_ONLY.fullmatch(core):
        plain = _BRACKETED.sub("", name)
        lead = plain[: len(plain) - len(strip_regions(plain, regions))]
        return regions.get(lead, lead) + core
    return core


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


# -- across documents: one-character typos (one global step over every document's keys, in input order)

#: Types whose names may be linked across a one-character typo. People are never linked by name alone, funds are
#: mostly a generic kind after an owner (one character there is another owner or kind), and industries differ
#: by one character all the time (`生物医药`, `生物医疗`).
TYPO_TYPES = frozenset({"COMPANY", "ORG", "PARK"})
MIN_TYPO_LEN = 5  # the shorter key, in characters
MIN_TYPO_CORE = 3  # its distinctive part: the key without leading regions and the kind suffix
# A differing character of these kinds makes another entity, not a typo: numbers and ordinals (`一期`/`二期`,
# `第一`/`第二`, `十八届`/`第十八届`), directions (`东区`/`西区`), one-character country names (`中巴`/`中哈`),
# kinds and levels of bodies (`科技局`/`科技厅`, `政府`/`政协`, `省`/`市`, `总`/`分`).
_NUMERALS = frozenset("0123456789〇零一二两三四五六七八九十百千万亿第首")
_DIRECTIONS = frozenset("东南西北中上下前后左右内外")
_COUNTRIES = frozenset("美英法德日韩俄乌朝越泰柬缅印巴哈塔吉土伊沙埃澳欧非亚")
_KINDS = frozenset("局厅部委办署院会所站处室司科队校馆府协社团盟省市县区镇乡村街总分副新旧老大小")
_TRADE_WORDS = rules.words("company_kind_words")
_OFFICE_KINDS = rules.words("office_kinds")


def one_edit(a: str, b: str) -> tuple[int, str, str] | None:
    """The one replaced or inserted character between ``a`` and ``b``: ``(position, char in a, char in b)``, where
    the position is in the longer string and ``''`` stands for no character; ``None`` unless exactly one edit.

    >>> one_edit("极视角科技", "极视觉科技"), one_edit("中关村科技企业协会", "中关村科技企业家协会")
    ((2, '角', '觉'), (7, '', '家'))
    >>> one_edit("西安高新区", "青岛高新区") is None
    True
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return (i, a[i], b[i]) if a[i + 1:] == b[i + 1:] else None
    if len(a) < len(b):
        return (i, "", b[i]) if a[i:] == b[i + 1:] else None
    return (i, a[i], "") if a[i + 1:] == b[i:] else None


def _suffix_len(name: str, suffixes: tuple[str, ...]) -> int:
    return max((len(s) for s in suffixes if name.endswith(s) and len(s) < len(name)), default=0)


def _in_region(name: str, i: int, regions: Mapping[str, str]) -> bool:
    """Position ``i`` of ``name`` lies inside a place name (`山东`/`山西`, `南宁`/`南京`)."""
    return any(name[s:s + n] in regions for s in range(max(0, i - 6), i + 1) for n in range(max(2, i - s + 1), 8)
               if s + n <= len(name))


def kind_suffixes(etype: str, lex: object) -> tuple[str, ...]:
    """The suffixes that name the kind of an entity of ``etype`` (`管理局`, `高新区`, `集团`)."""
    if etype == "ORG":
        return tuple(lex.org_suffixes) + _OFFICE_KINDS
    if etype == "PARK":
        return tuple(lex.park_suffixes)
    return tuple(lex.company_suffixes) + _TRADE_WORDS


_NATIONAL_PREFIX = re.compile(r"^(中国|中华|全国|国家)")
#: A government named after its place belongs to the place, not to the name of its department (`…政府律政司`).
_GOVERNMENT_LEAD = re.compile(r"^(?:人民|特区)?政府")


def typo_apart(etype: str, a: str, b: str, regions: Mapping[str, str], suffixes: tuple[str, ...]) -> str | None:
    """Why the keys ``a`` and ``b`` of type ``etype`` are not one entity with a typo, or ``None`` when they may be.

    >>> from kg.kb.lexicons import Lexicons
    >>> lex = Lexicons.load()
    >>> def why(t, a, b):
    ...     return typo_apart(t, a, b, lex.regions, kind_suffixes(t, lex))
    >>> why("COMPANY", "极视角科技", "极视觉科技"), why("ORG", "中关村科技企业协会", "中关村科技企业家协会")
    (None, None)
    >>> why("PARK", "西安高新区", "青岛高新区"), why("PARK", "南京江北新区", "南宁江北新区")
    ('not one edit', 'region')
    >>> why("PARK", "好中白工业园", "中白工业园"), why("PARK", "中新生态城一期", "中新生态城二期")
    ('edge', 'number')
    >>> why("PARK", "青岛东部新区", "青岛西部新区"), why("ORG", "崂山区科技局", "崂山区科技厅")
    ('direction', 'kind')
    >>> why("ORG", "哈尔滨工程大学", "哈尔滨工业大学"), why("PERSON", "王伟@甲", "王纬@甲")
    ('short core', 'type')
    >>> why("ORG", "香港特别行政区政府律政司", "香港特别行政区政府财政司")  # the government is the place's
    'short core'

    """
    if etype not in TYPO_TYPES:
        return "type"
    edit = one_edit(a, b)
    if edit is None:
        return "not one edit"
    if min(len(a), len(b)) < MIN_TYPO_LEN:
        return "short"
    i, x, y = edit
    longer = a if len(a) > len(b) else b
    chars = {c for c in (x, y) if c}
    if any(c.isascii() for c in chars):
        return "latin"
    for kind, group in (("number", _NUMERALS), ("direction", _DIRECTIONS), ("country", _COUNTRIES), ("kind", _KINDS)):
        if chars & group:
            return kind
    if i == 0 or i == len(longer) - 1:
        return "edge"  # a character before or after a name makes another name, or is a word glued to it
    for name, c in ((a, x), (b, y)):
        if not c:
            continue  # the shorter name of an insertion has no character there
        if _in_region(name, i, regions):
            return "region"
        tail = _suffix_len(name, suffixes)
        if i >= len(name) - tail:
            return "kind"  # `科技局`/`科技厅`, `人民政府`/`人民政协`
        body = name[: len(name) - tail]
        body = _NATIONAL_PREFIX.sub("", body)  # `中国华能集团` is as distinctive as `华能`
        head = len(name) - tail - len(_GOVERNMENT_LEAD.sub("", strip_regions(body, regions)))
        if i < head:
            return "region"
        if len(name) - tail - head < MIN_TYPO_CORE:
            return "short core"
    return None


EntityKey = tuple[str, str]  # (type, link key): the entity id is a hash of the two
#: Candidates sharing one deletion variant beyond this many are too crowded to be one typo: not compared.
BUCKET_CAP = 8


@dataclass(frozen=True)
class DocKeys:
    """What cross-document linking reads of one document: its entity keys and the relations between them."""

    doc_id: str
    keys: tuple[EntityKey, ...]
    relations: tuple[tuple[EntityKey, str, EntityKey], ...] = ()


def doc_keys(doc_id: str, mentions: Iterable[Any], relations: Iterable[Any] = ()) -> DocKeys:
    """The :class:`DocKeys` of one document's mentions and relations (kg.extract.document records)."""
    keys = tuple(dict.fromkeys((m.type, m.key or m.name) for m in mentions))
    rels = tuple(((r.head_type, r.head_key or r.head_name), r.relation, (r.tail_type, r.tail_key or r.tail_name))
                 for r in relations)
    return DocKeys(doc_id, keys, rels)


@dataclass
class TypoLinks:
    """The result of cross-document linking: which keys are a typo of which kept key."""

    kept: dict[EntityKey, str] = field(default_factory=dict)  # variant -> the key whose id the entity keeps
    merges: list[tuple[str, str, str, str]] = field(default_factory=list)  # (type, variant, kept key, doc_id)
    comparisons: int = 0  # candidate pairs checked: grows with the number of keys, not its square

    def key(self, etype: str, key: str) -> str:
        """The key an entity's id is made from after linking (a person follows the organization of its key).

        >>> links = TypoLinks(kept={("COMPANY", "极视觉科技"): "极视角科技"})
        >>> links.key("COMPANY", "极视觉科技"), links.key("PERSON", "陈硕@极视觉科技"), links.key("ORG", "甲")
        ('极视角科技', '陈硕@极视角科技', '甲')
        """
        if etype == "PERSON":
            name, at, org = key.partition("@")
            for t in ("COMPANY", "ORG", "PARK"):
                if (t, org) in self.kept:
                    return f"{name}{at}{self.kept[(t, org)]}"
            return key
        return self.kept.get((etype, key), key)


def _variants(key: str) -> list[str]:
    """The key and its one-character deletions: two keys one edit apart share one of these."""
    return [key] + [key[:i] + key[i + 1:] for i in range(len(key))]


class CrossLinker:
    """Cross-document typo linking, one document at a time in input order (see :func:`link_across`)."""

    def __init__(self, lex: Any = None) -> None:
        if lex is None:
            from kg.kb.lexicons import Lexicons

            lex = Lexicons.load()
        self.regions: Mapping[str, str] = lex.regions
        self.suffixes = {t: kind_suffixes(t, lex) for t in TYPO_TYPES}
        self.links = TypoLinks()
        self._seen: set[EntityKey] = set()
        self._buckets: dict[tuple[str, str], list[str]] = {}
        self._evidence: dict[EntityKey, set[tuple[str, str, str, str]]] = {}

    def _neighbour(self, k: EntityKey) -> tuple[str, str] | None:
        etype, key = k
        if etype == "INDUSTRY":
            return None  # industries are shared by unrelated companies and parks all the time
        if etype == "PERSON":
            return etype, key.partition("@")[0]  # the person's key names the organization that differs
        return etype, self.links.key(etype, key)

    def _signatures(self, doc: DocKeys) -> dict[EntityKey, set[tuple[str, str, str, str]]]:
        """Per key, its relations in this document: (relation, direction, neighbour type, neighbour)."""
        out: dict[EntityKey, set[tuple[str, str, str, str]]] = {}
        for head, rel, tail in doc.relations:
            for this, other, direction in ((head, tail, "out"), (tail, head, "in")):
                n = self._neighbour(other)
                if this[0] in TYPO_TYPES and n is not None:
                    out.setdefault(this, set()).add((rel, direction, *n))
        return out

    def _match(self, k: EntityKey, present: set[EntityKey], sigs: set[tuple[str, str, str, str]]) -> str | None:
        """The one earlier entity ``k`` is a typo of, or None."""
        etype, key = k
        candidates: set[str] = set()
        for v in _variants(key):
            bucket = self._buckets.get((etype, v), ())
            if len(bucket) <= BUCKET_CAP:
                candidates.update(bucket)
        found = []
        for r in sorted(candidates):
            self.links.comparisons += 1
            if (etype, r) in present:
                continue  # both in one article as two entities: two entities
            if not sigs & self._evidence.get((etype, r), set()):
                continue  # no relation in common: the name alone is not enough
            if typo_apart(etype, key, r, self.regions, self.suffixes[etype]) is None:
                found.append(r)
        return found[0] if len(found) == 1 else None

    def add(self, doc: DocKeys) -> None:
        """Link one document's new keys to entities of earlier documents."""
        present = set(doc.keys)
        sigs = self._signatures(doc)
        new = [k for k in doc.keys if k not in self._seen]
        kept = {}
        for k in new:
            if k[0] in TYPO_TYPES and len(k[1]) >= MIN_TYPO_LEN and k in sigs:
                r = self._match(k, present, sigs[k])
                if r is not None:
                    kept[k] = r
        for k in new:
            self._seen.add(k)
            if k in kept:
                self.links.kept[k] = kept[k]
                self.links.merges.append((k[0], k[1], kept[k], doc.doc_id))
            elif k[0] in TYPO_TYPES and len(k[1]) >= MIN_TYPO_LEN:
                for v in _variants(k[1]):
                    self._buckets.setdefault((k[0], v), []).append(k[1])
        for k, s in sigs.items():
            self._evidence.setdefault((k[0], self.links.key(*k)), set()).update(s)


def link_across(docs: Iterable[DocKeys], lex: Any = None) -> TypoLinks:
    """Cross-document linking over every document's keys, in input order: one global step after extraction.

    A key seen for the first time is a one-character typo of an earlier entity when exactly one earlier entity
    (i) is one replaced or inserted character away and passes :func:`typo_apart`, (ii) is not in the same
    article, and (iii) shares a relation with it: the same relation type, direction and other end (a person
    by name; industries do not count). The entity keeps the id of the key seen first, so the same input gives
    the same ids and adding documents after the others keeps every id already given. Blocking by one-character
    deletions compares each key with a bounded number of candidates: time grows linearly.

    >>> a = DocKeys("a", (("COMPANY", "极视角科技"), ("PARK", "青岛西海岸新区")),
    ...             ((("COMPANY", "极视角科技"), "LOCATED_IN", ("PARK", "青岛西海岸新区")),))
    >>> b = DocKeys("b", (("COMPANY", "极视觉科技"), ("PARK", "青岛西海岸新区")),
    ...             ((("COMPANY", "极视觉科技"), "LOCATED_IN", ("PARK", "青岛西海岸新区")),))
    >>> link_across([a, b]).merges
    [('COMPANY', '极视觉科技', '极视角科技', 'b')]
    """
    linker = CrossLinker(lex)
    for doc in docs:
        linker.add(doc)
    return linker.links
