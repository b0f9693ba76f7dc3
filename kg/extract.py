"""Extraction: run the pipeline on a normalized document and report mentions in raw offsets.

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
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.lexicons import Lexicons
from kg.nlp import mentions_of
from kg.normalize import encodable

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.records import ProcessedDocument

_STATUS = re.compile(r"国家级|国家(?=高新区|经开区|经济技术开发区|自主创新示范区|级)|省级")
_NATIONAL_PAREN = re.compile(r"^国家\(([^)]+)\)")
_INDUSTRY_SUFFIX = re.compile(r"全?(产业集群|产业链条|产业链|产业)$")
# What remains after dropping the suffix must name an industry by itself.
_TOO_BROAD = {"海洋", "数字", "文化", "服务", "高新技术", "战略性新兴", "新兴", "现代", "传统", "特色", "优势", "未来", "新"}


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
    key: str = ""  # link key (kg.link); the entity id is a hash of type and key
    attrs: tuple[tuple[str, str], ...] = ()  # PERSON titles ("titles": "副局长|…"), FUND size ("size", "size_yuan")


def canonical_name(etype: str, text: str, lex: Lexicons | None = None) -> str:
    """The canonical name of a normalized surface form (see module docs)."""
    name = re.sub(r"\s+", "", text)
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


def extract_document(
    item: "ProcessedDocument", nlp: "Language", leave_out: bool = False, leave_out_forms: frozenset[str] = frozenset()
) -> tuple[list[EntityMention], list[EntityRelation]]:
    """Entity mentions and relations of one processed document, in raw offsets.

    ``leave_out`` (evaluation) disables the lexicon entries learned only from
    this document; ``leave_out_forms`` also those matching these names.
    """
    from kg.relations import find_relations

    norm = item.normalized
    found_mentions = []
    for a, b in chunks(norm.text):  # long texts in pieces: bounded memory, linear time
        doc = nlp.make_doc(norm.text[a:b])
        if leave_out:
            doc.user_data["kg_leave_out"] = item.doc.doc_id
            doc.user_data["kg_leave_out_forms"] = leave_out_forms
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        found_mentions += [replace(m, start=m.start + a, end=m.end + a) for m in mentions_of(doc)]
    lex = nlp.get_pipe("kg_entity_rules").lexicons
    raw = item.doc.raw_text
    found = [(m, canonical_name(m.type, m.key or m.text, lex)) for m in found_mentions]
    fuller = _fuller_names(found, lex)
    name_of = {id(m): fuller.get((m.type, name), name) for m, name in found}
    regions = _city_names(lex)
    found_relations = find_relations(norm.text, [m for m, _ in found], lex.titles if lex is not None else {}, regions)
    name_of, key_of = _link(item.doc.doc_id, norm.text, found, name_of, found_relations, lex)
    attrs_of = _entity_attrs(norm.text, [m for m, _ in found], found_relations, lex)
    mentions = []
    for m, _ in found:
        s, e = norm.raw_span(m.start, m.end)
        mentions.append(EntityMention(item.doc.doc_id, s, e, encodable(raw[s:e]), m.type, name_of[id(m)], m.rule, key_of[id(m)],
                                      attrs_of.get(id(m), ())))
    relations = []
    for r in found_relations:
        a, b = r.sent_start, r.sent_end
        while a < b and norm.text[a].isspace():
            a += 1
        while b > a and norm.text[b - 1].isspace():
            b -= 1
        s, e = norm.raw_span(a, b)
        relations.append(EntityRelation(
            item.doc.doc_id, r.head.type, name_of[id(r.head)], r.type, r.tail.type, name_of[id(r.tail)],
            s, e, encodable(raw[s:e]), r.rule, tuple(sorted({**r.attrs, **_sentence_date(norm.text[a:b])}.items())),
            key_of[id(r.head)], key_of[id(r.tail)],
        ))
    return mentions, relations


_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")


def _sentence_date(sentence: str) -> dict[str, str]:
    """A date the sentence gives (`2021年10月`, `2024年4月25日`), ISO 8601."""
    m = _FULL_DATE.search(sentence)
    if not m or not 1 <= int(m[2]) <= 12:
        return {}
    return {"date": f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")}


def _entity_attrs(text: str, mentions: list, relations: list, lex: Lexicons | None) -> dict[int, tuple[tuple[str, str], ...]]:
    """PERSON titles (every title next to the name, and the posts of HOLDS_POST) and FUND sizes."""
    from kg.amounts import parse_amount

    titles_trie = sorted(lex.titles, key=len, reverse=True) if lex is not None else []
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
                t = next((t for t in titles_trie if text.endswith(t, 0, j) and j - len(t) >= floor), None)
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
            amount = parse_amount(segment) if re.search(r"元的?$|元规模的$|元的[^,。;、]{0,6}$", segment) else None
            if amount is not None and amount.currency == "CNY":
                out[id(m)] = (("size", amount.text), ("size_yuan", str(amount.yuan)))
    return out


_ADMIN_SUFFIX = re.compile(r"(管理局|管委会|管理委员会|工委|党工委)$")


def _link(doc_id: str, text: str, found: list, name_of: dict[int, str], relations: list, lex: Lexicons | None
          ) -> tuple[dict[int, str], dict[int, str]]:
    """Names and link keys of one document's mentions (see kg.link)."""
    from kg.link import company_key, fund_owner, is_generic_fund, person_key

    regions = lex.regions if lex is not None else {}
    titles = lex.titles if lex is not None else {}
    names = dict(name_of)
    parks = [names[id(m)] for m, _ in found if m.type == "PARK"]
    by_name: dict[tuple[str, str], list] = {}
    for m, _ in found:
        by_name.setdefault((m.type, names[id(m)]), []).append(m)
    posts: dict[str, tuple[int, str]] = {}  # person -> (its first post's organization, title)
    for r in relations:
        if r.type == "HOLDS_POST":
            posts.setdefault(names[id(r.head)], (id(r.tail), r.attrs.get("title", "")))
    for (etype, name), ms in by_name.items():
        if etype == "FUND" and is_generic_fund(name):
            operators = [_ADMIN_SUFFIX.sub("", names[id(r.head)]) or names[id(r.head)]
                         for r in relations if r.type == "OPERATES" and r.tail in ms]
            owner = fund_owner(operators, parks)
            if owner:
                for m in ms:
                    names[id(m)] = owner + name
    keys: dict[int, str] = {}
    for m, _ in found:
        name = names[id(m)]
        if m.type == "COMPANY":
            keys[id(m)] = company_key(name, regions)
        elif m.type != "PERSON":
            keys[id(m)] = name
    for m, _ in found:  # a person by the link key of its organization: `深圳极视角…` and `极视角…` are one company
        if m.type == "PERSON":
            name = names[id(m)]
            org, title = posts.get(name, (None, None))
            if not title:
                title = next((t for t in sorted(titles, key=len, reverse=True)
                              if text.endswith(t, 0, min(x.start for x in by_name[("PERSON", name)]))), None)
            keys[id(m)] = person_key(name, keys[org] if org is not None else None, title, doc_id)
    return names, keys


_CITY_CACHE: dict[int, frozenset[str]] = {}


def _city_names(lex: Lexicons | None) -> frozenset[str]:
    """Names of prefecture-level cities and their districts (`青岛`, `青岛市`, `崂山区`)."""
    if lex is None:
        return frozenset()
    key = id(lex)
    if key not in _CITY_CACHE:
        _CITY_CACHE[key] = frozenset(r for r in lex.regions if len(r) >= 2 and not r.endswith(("省", "自治区")))
    return _CITY_CACHE[key]


_ABBREVIATIONS = (("发改", "发展改革"), ("工信", "工业和信息化"), ("人社", "人力资源和社会保障"), ("住建", "住房和城乡建设"),
                  ("卫健", "卫生健康"), ("市场监管", "市场监督管理"), ("文旅", "文化和旅游"), ("科技局", "科学技术局"))
_TRADE_TAIL = re.compile(r"(科技|信息技术|技术|电信传媒|传媒|生物科技|实业|控股|发展|投资)$")


def _core(etype: str, name: str, regions: Mapping[str, str], zones: tuple[str, ...] = ()) -> str:
    """The distinctive part of a company or office name, for matching variants within a document:
    the link key (kg.link) without trade words for companies; for offices, without the region or
    zone in front (``zones``: the document's park names) and with abbreviations expanded."""
    from kg.link import company_key

    if etype == "COMPANY":
        core = company_key(name, regions)
        while _TRADE_TAIL.search(core) and len(_TRADE_TAIL.sub("", core)) >= 2:
            core = _TRADE_TAIL.sub("", core)
    else:
        core = _office_lead_split(name, regions, zones)[1]
        for short, full in _ABBREVIATIONS:
            core = core.replace(short, full) if full not in core else core
    return core


def _office_lead_split(name: str, regions: Mapping[str, str], zones: tuple[str, ...] = ()) -> tuple[str, str]:
    """An office name as (place in front, the rest): `青岛西海岸新区发改局` → (`青岛西海岸新区`, `发改局`)
    when 青岛西海岸新区 is a zone of the document; `区发展改革局` → (`区`, `发展改革局`)."""
    from kg.link import strip_regions

    zone = next((z for z in sorted(zones, key=len, reverse=True) if name.startswith(z) and len(name) - len(z) >= 2), "")
    rest = strip_regions(name[len(zone):], regions)
    lead = name[: len(name) - len(rest)]
    if not lead and rest[:1] in "省市区县" and len(rest) >= 4:
        lead, rest = rest[0], rest[1:]
    return lead, rest


def one_edit_apart(a: str, b: str) -> bool:
    """One inserted, deleted or replaced character between ``a`` and ``b``.

    >>> one_edit_apart("中关村科技企业协会", "中关村科技企业家协会"), one_edit_apart("西安高新区", "青岛高新区")
    (True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _fuller_names(found: list, lex: Lexicons | None) -> dict[tuple[str, str], str]:
    """Within one document, variants of one name get the fullest form:
    a name without its region prefix (`极视角科技有限公司` → `深圳极视角科技有限公司`),
    and companies or offices whose cores agree (`北京大北农科技股份有限公司` and
    `北京大北农科技集团股份有限公司`; `区发展改革局` and `青岛西海岸新区发改局`).
    Parks are merged only on region prefixes: a sub-park is not its parent."""
    from kg.link import kind_suffixes, typo_apart

    names = sorted({(m.type, name) for m, name in found})
    regions = lex.regions if lex is not None else {}
    out: dict[tuple[str, str], str] = {}

    def prefer(key: tuple[str, str], other: str) -> None:
        best = out.get(key, key[1])
        if (len(other), other) > (len(best), best):
            out[key] = other

    zones = tuple(n for t, n in names if t == "PARK")
    cores = {(t, n): _core(t, n, regions, zones) for t, n in names if t in ("COMPANY", "ORG")}
    leads = {(t, n): _office_lead_split(n, regions, zones)[0] for t, n in names if t == "ORG"}
    suffixes = {t: kind_suffixes(t, lex) if lex is not None else () for t in ("COMPANY", "ORG")}
    for etype, name in names:
        for other_type, other in names:
            if other_type != etype or other == name:
                continue
            if other.endswith(name) and other[: len(other) - len(name)] in regions:
                prefer((etype, name), other)
            elif etype in ("COMPANY", "ORG"):
                a, b = cores[(etype, name)], cores[(etype, other)]
                # offices of two named places stay apart (`青岛市科技局`, `崂山区科技局`); a bare level
                # (`区发展改革局`) or no place at all is the document's office of that name
                la, lb = leads.get((etype, name), ""), leads.get((etype, other), "")
                apart = etype == "ORG" and la != lb and len(la) > 1 and len(lb) > 1
                if len(a) >= 2 and len(b) >= 2 and not apart and (a == b or (etype == "COMPANY" and (b.startswith(a) or a.startswith(b)))):
                    prefer((etype, name), other)
                elif (min(len(name), len(other)) >= 7 and one_edit_apart(name, other)
                      and typo_apart(etype, name, other, regions, suffixes[etype]) is None):
                    # a one-character slip (`中关村科技企业协会` for `…企业家协会`), not another body
                    # (`第十四届`/`第十五届…委员会`, `南方航空`/`东方航空`, `华能`/`华电`: kg.link.typo_apart)
                    prefer((etype, name), other)
    # `碑林产业带` for `碑林环大学创新产业带`: a region with only the kind of carrier is the one park
    # of that region and kind in the article (two candidates: it stays itself)
    if lex is not None:
        parks = [n for t, n in names if t == "PARK"]
        kinds = sorted((x for x in lex.park_suffixes if len(x) >= 3), key=len, reverse=True)
        for short in parks:
            kind = next((x for x in kinds if short.endswith(x)), None)
            region = short[: len(short) - len(kind)] if kind else ""
            if not kind or region not in regions:
                continue
            longer = [n for n in parks if n != short and n.startswith(region) and n.endswith(kind) and len(n) - len(short) >= 2]
            if len(longer) == 1:
                prefer(("PARK", short), longer[0])
    # a variant's fullest form may itself have a fuller form: follow to the end
    for key in list(out):
        seen = {key[1]}
        while (key[0], out[key]) in out and out[(key[0], out[key])] not in seen:
            seen.add(out[key])
            out[key] = out[(key[0], out[key])]
    return out
