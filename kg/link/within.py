"""Linking within one document: which mentions name one entity, before any other document is seen.

Variants of a name get the document's fullest form (:func:`fuller_names`): a name without its
region prefix, a company or office whose core agrees, a one-character slip. Then every mention gets
the link key that merges it across documents (:func:`link_document`, keys from :mod:`kg.link.keys`).

>>> one_edit_apart("中关村科技企业协会", "中关村科技企业家协会")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from kg.kb import rules
from kg.kb.lexicons import Lexicons
from kg.link.keys import company_key, fund_owner, is_generic_fund, kind_suffixes, person_key, strip_regions, typo_apart

_ADMIN_SUFFIX = re.compile(r"(管理局|管委会|管理委员会|工委|党工委)$")


def link_document(doc_id: str, text: str, found: list, name_of: dict[int, str], relations: list, lex: Lexicons | None
          ) -> tuple[dict[int, str], dict[int, str]]:
    """Names and link keys of one document's mentions (see :mod:`kg.link.keys`).

    ``found`` pairs each mention with its canonical name; ``name_of`` maps ``id(mention)`` to the
    fullest name in the document (:func:`fuller_names`). A generic fund takes its operator's name; a
    person is keyed by the organization of its post, else its title, else the document.
    """
    regions = lex.regions if lex is not None else {}
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
    _branch_parks(names, relations)
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
                first = min(x.start for x in by_name[("PERSON", name)])
                title = lex.title_ending_at(text, first) if lex is not None else None  # the title right before
            if _central_post(text, by_name[("PERSON", name)]):
                keys[id(m)] = person_key(name, CENTRAL_LEADERSHIP, None, doc_id)  # one holder nationwide
                continue
            keys[id(m)] = person_key(name, keys[org] if org is not None else None, title, doc_id)
    return names, keys


def _branch_parks(names: dict[int, str], relations: list) -> None:
    """A known park of one province that the text makes part of a new area of another (`新区还积极搭建…中关村
    科技园等`, Zhongguancun being Beijing's) is the area's branch, named by the area's place
    (`雄安中关村科技园`), as the entity stage names it right after the area (`雄安新区|中关村科技园`)."""
    from kg.kb.codes import Divisions

    divisions = None
    for r in relations:
        head, tail = names[id(r.head)], names[id(r.tail)]
        if r.type != "PART_OF" or not tail.endswith("新区") or tail.endswith("高新区"):
            continue
        divisions = divisions or Divisions.load()
        a, b = divisions.parks.get(head), divisions.parks.get(tail)
        if a is not None and b is not None and divisions.province(a).code != divisions.province(b).code:
            stem = tail[:-2]
            names[id(r.head)] = stem + r.head.text
            for other in list(names):
                if names[other] == head:
                    names[other] = stem + r.head.text


#: The organization a holder of a post of the central leadership is keyed by (:func:`_central_post`).
CENTRAL_LEADERSHIP = "中央"
_CENTRAL_POSTS = tuple(sorted(rules.words("central_posts"), key=len, reverse=True))


def _central_post(text: str, mentions: Iterable[Any]) -> bool:
    """Whether a person's name stands next to a post of the central leadership (`习近平总书记`,
    `国家主席习近平`): such posts have one holder, so the name alone identifies the person across documents.

    >>> class M:  # a mention's offsets
    ...     start, end = 4, 7
    >>> _central_post("国家主席习近平指出", [M()]), _central_post("区委书记习近平指出", [M()])
    (True, False)
    """
    return any(text.startswith(_CENTRAL_POSTS, m.end) or text.endswith(_CENTRAL_POSTS, 0, m.start) for m in mentions)


_ABBREVIATIONS = rules.table("office_abbreviations")
_TRADE_TAIL = re.compile(rf"({rules.alternation('company_trade_tails')})$")


def _core(etype: str, name: str, regions: Mapping[str, str], zones: tuple[str, ...] = ()) -> str:
    """The distinctive part of a company or office name, for matching variants within a document:
    the link key (kg.link.keys) without trade words for companies; for offices, without the region or
    zone in front (``zones``: the document's park names) and with abbreviations expanded."""
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
    zone = next((z for z in sorted(zones, key=len, reverse=True) if name.startswith(z) and len(name) - len(z) >= 2), "")
    rest = strip_regions(name[len(zone):], regions)
    lead = name[: len(name) - len(rest)]
    if not lead and rest[:1] in "省市区县" and len(rest) >= 4:
        lead, rest = rest[0], rest[1:]
    return lead, rest


#: What may stand between a name and its other name in brackets (`A(B)`, `A(简称B)`, `A(下称“B”)`).
_ALIAS_OPEN = re.compile(r"\((?:(?:简称|下称|以下简称|英文名称?)[::]?)?[“\"]?")
_ALIAS_CLOSE = re.compile(r"[”\"]?\)")


def bracket_aliases(text: str, found: list) -> dict[tuple[str, str], str]:
    """Within one document, a name of the same type that fills the brackets right after another name is
    that entity's other name (`香港凯普生物科技有限公司(Hong Kong Hybribio Limited)`, `…有限公司(简称“星辰”)`):
    variant → the name before the brackets (``found`` pairs mentions with canonical names, as in
    :func:`fuller_names`).

    >>> from types import SimpleNamespace as M
    >>> t = "星岚生物有限公司(Xinglan Limited)成立。"
    >>> a, b = M(type="COMPANY", start=0, end=8), M(type="COMPANY", start=9, end=24)
    >>> bracket_aliases(t, [(a, "星岚生物有限公司"), (b, "Xinglan Limited")])
    {('COMPANY', 'Xinglan Limited'): '星岚生物有限公司'}
    """
    at_start = {m.start: (m, name) for m, name in found}
    out: dict[tuple[str, str], str] = {}
    for m, name in found:
        if m.type not in ("COMPANY", "ORG", "PARK") or not (o := _ALIAS_OPEN.match(text, m.end)) or o.end() == m.end:
            continue
        other = at_start.get(o.end())
        if other is None or other[0].type != m.type or other[1] == name or not _ALIAS_CLOSE.match(text, other[0].end):
            continue
        out.setdefault((m.type, other[1]), name)
    return out


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


# Trade words: the kinds of a firm's business (`科技`, `控股`, `集团`, `新材料`) and any `X业` (`矿业`)
_KIND_WORDS = re.compile(rf"(?:{rules.alternation('company_kind_words')}|{rules.alternation('short_form_trade_words')}"
                         r"|[\u4e00-\u9fff]业)+")


_KIND_TAIL = re.compile(rf"(?:{_KIND_WORDS.pattern})$")
_GROUP_TRADE_WORDS = tuple(rules.words("group_trade_words"))


#: Countries (China too): a firm's stem that is only a country is no stem of its own.
_NATIONS = frozenset(rules.words("foreign_countries")) | {"中国"}


def _same_firm_cores(a: str, b: str, regions: Mapping[str, str] | None = None) -> bool:
    """Two company cores name one firm when one is the other plus trade words only (`大北农` and
    `大北农科技`); a core plus a name of its own is another firm, the group's daughter carrying its
    short name (`海尔` and `海尔智家`, `潍柴` and `潍柴动力`).

    >>> _same_firm_cores("大北农", "大北农科技"), _same_firm_cores("里奇蒙德", "里奇蒙德矿业"), _same_firm_cores("海尔", "海尔智家")
    (True, True, False)
    >>> _same_firm_cores("吉利集团", "吉利控股集团"), _same_firm_cores("中国建筑集团", "中国建筑股份"), _same_firm_cores("吉利汽车控股", "吉利集团")
    (True, False, False)
    >>> _same_firm_cores("中国银行", "中国农业银行", {})
    False
    """
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and (long_ == short or _KIND_WORDS.fullmatch(long_[len(short):]) is not None):
        return True
    # `吉利集团` and `吉利控股集团`: one stem, trade words only after it; a group and its listed company
    # (`中国建筑集团`, `中国建筑股份`) are two firms
    # (`吉利汽车控股` and `吉利控股集团`: a line of business one lacks makes a daughter firm)
    stem_a, stem_b = _KIND_TAIL.sub("", a), _KIND_TAIL.sub("", b)
    if regions is not None and (stem_a in regions or stem_a in _NATIONS):
        return False  # `中国银行` and `中国农业银行`: a place and a line of business each, two firms
    lines = [{w for w in _GROUP_TRADE_WORDS if w in x[len(stem_a):]} for x in (a, b)]
    return len(stem_a) >= 2 and stem_a == stem_b and lines[0] == lines[1] \
        and not any("集团" in x and "股份" in y for x, y in ((a, b), (b, a)))


def initials(core: str) -> str:
    """The short name made of the first character of each two-character word of a firm's core, when the
    core is two or three such words (`中国检验` → `中检`); empty otherwise.

    >>> initials("中国检验"), initials("中国储备粮管理"), initials("海尔")
    ('中检', '', '')
    """
    if len(core) not in (4, 6) or not all("\u4e00" <= c <= "\u9fff" for c in core):
        return ""
    return core[::2]


def group_firm_apart(a: str, b: str) -> bool:
    """Is one of two company names a firm of the other's group, named by a trade word the other lacks
    (`西门子能源` beside `西门子股份公司`, `本田汽车` beside `本田`)? Those are two firms, not two names of one.

    >>> group_firm_apart("西门子能源", "西门子股份公司"), group_firm_apart("华拓能源", "华拓能源有限公司")
    (True, False)
    """
    return any(x.endswith(w) and w not in y for x, y in ((a, b), (b, a)) for w in _GROUP_TRADE_WORDS)


def _married_short_forms(names: list[tuple[str, str]], lex: Lexicons | None) -> list[tuple[str, str]]:
    """`林郑` for `林郑月娥`: the two surnames of a married woman's name in Hong Kong, used alone, are her
    short form when one person of the document has a four-character name that opens with them."""
    if lex is None:
        return []
    people = [n for t, n in names if t == "PERSON"]
    out = []
    for short in people:
        if len(short) == 2 and short[0] in lex.surnames and short[1] in lex.surnames:
            longer = [n for n in people if len(n) == 4 and n.startswith(short)]
            if len(longer) == 1:
                out.append((short, longer[0]))
    return out


#: Forms of address after a surname (`王先生`, `陈女士`): the person of the document with that surname.
_ADDRESS = ("先生", "女士", "小姐", "太太", "夫人")


def _addressed_short_forms(names: list[tuple[str, str]], lex: Lexicons | None) -> list[tuple[str, str]]:
    """`王先生` for `王志辉`: a surname with a form of address is the one person of the document whose name opens
    with that surname (two such people: it stays itself)."""
    if lex is None:
        return []
    people = [n for t, n in names if t == "PERSON"]
    out = []
    for short in people:
        address = next((w for w in _ADDRESS if short.endswith(w)), None)
        surname = short[: len(short) - len(address)] if address else ""
        if surname not in lex.surnames:
            continue
        named = [n for n in people if n != short and n.startswith(surname) and len(n) > len(surname)
                 and not n.endswith(_ADDRESS)]
        if len(named) == 1:
            out.append((short, named[0]))
    return out


def _firm_park_short_forms(found: list, names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`西南产业基地` for `格力电器西南产业基地`: a park named by a company of the document before its own name is
    that park where its own name stands alone (the company's name only says whose it is)."""
    firms = {getattr(m, "text", n) for m, n in found if m.type == "COMPANY"} | {n for t, n in names if t == "COMPANY"}
    firms |= {re.sub(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$", "", f) for f in firms}  # `星湖电器` of `星湖电器股份有限公司`
    parks = [n for t, n in names if t == "PARK"]
    return [(short, full) for short in parks if len(short) >= 4 for full in parks
            if full != short and full.endswith(short) and full[:len(full) - len(short)] in firms]


def _tail_of_one(name: str, other: str, names: list[tuple[str, str]], leads: Mapping[tuple[str, str], str]) -> bool:
    """Is the office ``name`` (three characters or more, no place in front) the end of ``other`` and of no
    other ORG of the document? Then it is ``other`` named again without its owner (`太空总署` after
    `美国太空总署`, `顾问委员会` after `清华…顾问委员会`)."""
    if len(name) < 3 or len(other) <= len(name) or not other.endswith(name) or leads.get(("ORG", name)):
        return False
    return sum(1 for t, n in names if t == "ORG" and n != name and n.endswith(name)) == 1


def _region_kind_parks(names: list[tuple[str, str]], lex: Lexicons | None) -> list[tuple[str, str]]:
    """`碑林产业带` for `碑林环大学创新产业带`: a region with only the kind of carrier is the one park of that
    region and kind in the article (two candidates: it stays itself)."""
    if lex is None:
        return []
    regions = lex.regions
    parks = [n for t, n in names if t == "PARK"]
    kinds = sorted((x for x in lex.park_suffixes if len(x) >= 3), key=len, reverse=True)
    out = []
    for short in parks:
        kind = next((x for x in kinds if short.endswith(x)), None)
        region = short[: len(short) - len(kind)] if kind else ""
        if not kind or region not in regions:
            continue
        longer = [n for n in parks if n != short and n.startswith(region) and n.endswith(kind) and len(n) - len(short) >= 2]
        if len(longer) == 1:
            out.append((short, longer[0]))
    return out


def fuller_names(found: list, lex: Lexicons | None) -> dict[tuple[str, str], str]:
    """Within one document, variants of one name get the fullest form:
    a name without its region prefix (`极视角科技有限公司` → `深圳极视角科技有限公司`),
    and companies or offices whose cores agree (`北京大北农科技股份有限公司` and
    `北京大北农科技集团股份有限公司`; `区发展改革局` and `青岛西海岸新区发改局`).
    Parks are merged only on region prefixes: a sub-park is not its parent."""
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
            elif etype == "ORG" and _tail_of_one(name, other, names, leads):
                prefer((etype, name), other)  # `太空总署` for `美国太空总署`, `房管局` for `广州市国土房管局`
            elif etype in ("COMPANY", "ORG"):
                a, b = cores[(etype, name)], cores[(etype, other)]
                # offices of two named places stay apart (`青岛市科技局`, `崂山区科技局`); a bare level
                # (`区发展改革局`) or no place at all is the document's office of that name
                la, lb = leads.get((etype, name), ""), leads.get((etype, other), "")
                apart = etype == "ORG" and la != lb and len(la) > 1 and len(lb) > 1 \
                    or etype == "COMPANY" and group_firm_apart(name, other)
                if len(a) >= 2 and len(b) >= 2 and not apart and (a == b or (etype == "COMPANY" and _same_firm_cores(a, b, regions))):
                    prefer((etype, name), other)
                elif etype == "COMPANY" and len(a) in (2, 3) and initials(b) == a:
                    prefer((etype, name), other)  # `中检` for `中国检验有限公司`: the first character of each word
                elif (min(len(name), len(other)) >= 7 and one_edit_apart(name, other)
                      and typo_apart(etype, name, other, regions, suffixes[etype]) is None):
                    # a one-character slip (`中关村科技企业协会` for `…企业家协会`), not another body
                    # (`第十四届`/`第十五届…委员会`, `南方航空`/`东方航空`, `华能`/`华电`: kg.link.keys.typo_apart)
                    prefer((etype, name), other)
    for short, full in _region_kind_parks(names, lex):
        prefer(("PARK", short), full)
    for short, full in _married_short_forms(names, lex):
        prefer(("PERSON", short), full)
    for short, full in _addressed_short_forms(names, lex):
        out[("PERSON", short)] = full  # the name, however long the form of address
    for short, full in _firm_park_short_forms(found, names):
        prefer(("PARK", short), full)
    # a variant's fullest form may itself have a fuller form: follow to the end
    for key in list(out):
        seen = {key[1]}
        while (key[0], out[key]) in out and out[(key[0], out[key])] not in seen:
            seen.add(out[key])
            out[key] = out[(key[0], out[key])]
    return out
