"""What extraction reports: mention and relation records, canonical names, entity ids, per-entity attributes.

Each mention gets a canonical name (:func:`canonical_name`): Simplified,
de-spun (the normalized text already is), status qualifiers removed
(``青岛国家高新区`` → ``青岛高新区``), industry suffixes dropped where the rest
names an industry (``海洋生物医药产业链`` → ``海洋生物医药``), and short forms
named by the full name they abbreviate (``聚大洋`` →
``青岛聚大洋藻业集团有限公司``). Within a document, mentions with the same
type and canonical name are one entity.

>>> canonical_name("PARK", "青岛国家高新区")
'青岛高新区'
>>> canonical_name("INDUSTRY", "海洋生物医药产业链")
'海洋生物医药'
>>> canonical_name("INDUSTRY", "数字产业")
'数字产业'
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.kb import rules
from kg.kb.lexicons import Lexicons

_STATUS = re.compile(rules.pattern("park_status_qualifiers"))
_NATIONAL_PAREN = re.compile(r"^国家\(([^)]+)\)")
_INDUSTRY_SUFFIX = re.compile(r"全?(产业集群|产业链条|产业链|产业)$")
# What remains after dropping the suffix must name an industry by itself.
_TOO_BROAD = frozenset(rules.words("too_broad_industries"))


@dataclass(frozen=True)
class EntityMention:
    """One mention in raw offsets, with its entity's canonical name."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    name: str
    rule: str
    key: str = ""  # link key (kg.link.keys); the entity id is a hash of type and key
    attrs: tuple[tuple[str, str], ...] = ()  # PERSON titles ("titles": "副局长|…"), FUND size ("size", "size_yuan")


_SPACES = re.compile(r"\s+")
_LATIN_SPACE = re.compile(r"(?<=[A-Za-z0-9.,&])\s+(?=[A-Za-z0-9&(])")  # between two words in Latin letters


def canonical_name(etype: str, text: str, lex: Lexicons | None = None) -> str:
    """The canonical name of a normalized surface form (see module docs).

    >>> canonical_name("COMPANY", "星岚 生物\\n科技有限公司"), canonical_name("COMPANY", "Illumina  Cambridge Limited")
    ('星岚生物科技有限公司', 'Illumina Cambridge Limited')
    """
    name = _SPACES.sub("", _LATIN_SPACE.sub("\x00", text)).replace("\x00", " ")  # `Illumina Cambridge Limited` keeps its spaces
    if etype in ("PARK", "ORG"):
        name = _NATIONAL_PAREN.sub(r"\1", name)
        if etype == "PARK":
            name = _STATUS.sub("", name)
    elif etype == "INDUSTRY":
        m = _INDUSTRY_SUFFIX.search(name)
        if m:
            rest = name[: m.start()]
            known = lex is not None and rest in lex.industries
            if known or (len(rest) >= 3 and rest not in _TOO_BROAD) or (len(rest) == 2 and rest not in _TOO_BROAD and m.group(1) != "产业"):
                name = rest
            elif rest in _TOO_BROAD:
                name = rest + "产业"  # `数字产业集群`, `海洋产业链`: the industry is `数字产业`, `海洋产业`
        if lex is not None:
            name = lex.industries.get(name, name)
    return name


def entity_id(etype: str, name: str) -> str:
    """A stable id from type and canonical name.

    >>> entity_id("PARK", "青岛蓝谷")
    'park-dbf5f7b885'
    """
    digest = hashlib.sha1(f"{etype}\t{name}".encode()).hexdigest()[:10]
    return f"{etype.lower()}-{digest}"


@dataclass(frozen=True)
class EntityRelation:
    """A relation between two entities of one document, with its evidence in raw offsets."""

    doc_id: str
    head_type: str
    head_name: str
    relation: str
    tail_type: str
    tail_name: str
    start: int
    end: int
    evidence: str
    rule: str
    attrs: tuple[tuple[str, str], ...] = ()
    head_key: str = ""
    tail_key: str = ""


#: Texts longer than this are extracted in pieces cut at paragraph or sentence ends.
CHUNK_CHARS = 100_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Spans of at most ``size`` characters, cut after a line break or a full stop when there is one.

    >>> chunks("甲。乙。丙", size=3)
    [(0, 2), (2, 5)]
    """
    out, a = [], 0
    while len(text) - a > size:
        cut = max(text.rfind("\n", a, a + size), text.rfind("。", a, a + size))
        b = cut + 1 if cut > a else a + size
        out.append((a, b))
        a = b
    out.append((a, len(text)))
    return out


def evidence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A relation's sentence ``[start, end)`` without the white space around it: the span its evidence quotes.

    >>> evidence_span(" 甲乙。\\n", 0, 5)
    (1, 4)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")


def sentence_date(sentence: str) -> dict[str, str]:
    """A date the sentence gives (`2021年10月`, `2024年4月25日`), ISO 8601."""
    m = _FULL_DATE.search(sentence)
    if not m or not 1 <= int(m[2]) <= 12:
        return {}
    return {"date": f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")}


_AMOUNT_AT_END = re.compile(r"元的?$|元规模的$|元的[^,。;、]{0,6}$")


def entity_attrs(text: str, mentions: list, relations: list, lex: Lexicons | None) -> dict[int, tuple[tuple[str, str], ...]]:
    """PERSON titles (every title next to the name, and the posts of HOLDS_POST) and FUND sizes."""
    from kg.extract.amounts import parse_amount

    out: dict[int, tuple[tuple[str, str], ...]] = {}
    posts: dict[str, set[str]] = {}
    for r in relations:
        if r.type == "HOLDS_POST" and r.attrs.get("title"):
            posts.setdefault(r.head.text, set()).add(r.attrs["title"])
    ends = sorted(x.end for x in mentions)
    orgs_by_end = {x.end: x for x in mentions if x.type in ("ORG", "COMPANY", "PARK")}
    for m in mentions:
        if m.type == "PERSON":
            found = set(posts.get(m.text, ()))
            # the title chain before the name, over the organizations inside it:
            # `青岛市科技局局长、青岛高新区管委会主任王建国`, `…工委书记、区委书记孙永红`
            j = m.start
            while j > 0:
                floor = ends[bisect_right(ends, j) - 1] if bisect_right(ends, j) else 0  # titles never reach into a name
                # the longest title ending at j (the first start from the left), never reaching into a name
                t = lex.title_ending_at(text, j, floor) if lex is not None else None
                if t is not None:
                    found.add(t)
                    j -= len(t)
                elif text[j - 1] in "、,":
                    j -= 1
                elif j in orgs_by_end and found and orgs_by_end[j].end <= m.start:
                    j = orgs_by_end[j].start
                else:
                    break
            if found:
                out[id(m)] = (("titles", "|".join(sorted(found))),)
        elif m.type == "FUND":
            # the size in the fund's own segment: `…引导基金和1亿元的成果转化基金` gives 1亿元
            seg_start = max((text.rfind(c, max(0, m.start - 24), m.start) for c in ",。;、和及与"), default=-1) + 1
            segment = text[seg_start:m.start]
            amount = parse_amount(segment) if _AMOUNT_AT_END.search(segment) else None
            if amount is not None and amount.currency == "CNY":
                out[id(m)] = (("size", amount.text), ("size_yuan", str(amount.yuan)))
    return out


