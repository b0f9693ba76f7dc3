"""Parks and carriers: names by a park suffix (``高新区``, ``产业园``, ``孵化器``) through the suffix
grammar of :mod:`.suffixes`, with the checks that make a park name a name (a place in zones named
after one, a proper name before ``园区``), a named park inside a zone as a second park
(``西安高新区集贤产业园``), and parks named ``X谷`` (``蓝谷``, ``光谷``).

>>> from kg.kb.lexicons import Lexicons
>>> text = "西安高新区集贤产业园位于蓝谷。"
>>> sorted({m.text for m in _parks(_Ctx(text, Lexicons.load(), None, [False] * len(text)))})
['蓝谷', '西安高新区', '集贤产业园']
"""

from __future__ import annotations

import re

from functools import lru_cache

from kg.extract.entities.context import _COUNT_INSIDE, _COUNT_PREFIX, Mention, _Ctx, _generic, _tries
from kg.extract.entities.suffixes import _suffix_names
from kg.kb import rules
from kg.kb.lexicons import Lexicons


# Words that are generic in front of a park/carrier suffix: a park whose name
# is only these is not a named park (`四大千亩产业园`, `科技园区`).
_GENERIC_PARK_BODY = frozenset(rules.words("generic_park_bodies"))

# Zones named after a place: their names need one (`西安高新区`; `促进新区` is no name).
_PLACE_PARK_SUFFIX = rules.words("place_zone_suffixes")

# Park suffixes too generic alone (gardens, air bases, valleys, transport
# corridors); `X产业基地`, `X科创走廊` come from longer suffixes, `蓝谷` from its rule.
_WEAK_PARK_SUFFIX = rules.words("weak_park_suffixes")

# Sub-areas named after a known park are that park (`蓝色硅谷核心区` is 青岛蓝谷, per the guidelines).
_SUB_AREA = ("核心区", "功能区")

# Areas a zone is built up from (`雄安新区启动区`, `…起步区`): the text names them after the zone as areas
# of their own, so the part word is a park of its own, PART_OF the zone (per the dev gold, the mention is the part word).
_ZONE_PART_AREAS = ("先行启动区", "启动区", "起步区")

# A zone suffix inside a longer park name, with a named park after it.
_INNER_ZONE = re.compile(rf"(?:{rules.alternation('inner_zone_suffixes')})"
                         rf"(?=[\u4e00-\u9fff]{{2,}}(?:{rules.alternation('named_park_heads')})$)")

# A batch of parks named by kind (`首批…街区`, `新一批…示范区`), not one named park.
_BATCH = re.compile(r"(?:首|新一|第[一二三四五六七八九十]+)[批个]")

# A superlative right before a park word describes a park (`最大的…基地`, `最具规模的…基地`).
_SUPERLATIVE_BEFORE = re.compile(r"最[\u4e00-\u9fff]{0,3}的$")

# China and a partner before 自贸区 name a free trade agreement's area (`中国—东盟自贸区`), not a zone.
_FREE_TRADE_AGREEMENT = re.compile(r"中国[—－-][\u4e00-\u9fff]{1,8}(?:自贸区|自由贸易区)$")

# A particle accelerator is a machine (`强流重离子加速器`), not a startup accelerator.
_MACHINE_ACCELERATOR = re.compile(rf"(?:{rules.alternation('accelerator_machine_words')})加速器$")

# A designation given to a place or an industry (`被列为广东省LED产业基地`): a kind of park, not a name.
_DESIGNATED = re.compile(rf"(?:{rules.alternation('park_designation_verbs')})$")

# Parts of a zone keep the zone's name (`山东自贸试验区青岛片区`, `…高新区核心区`).
_SUB_PARK = rules.words("park_part_suffixes")


def _has_place(ctx: _Ctx, m: Mention) -> bool:
    """A region, or (with words) a place name or unknown proper word, in the name."""
    name = m.text
    if any(name.startswith(r) or r in name for r in _regions_in(ctx, name)):
        return True
    if ctx.tokens is None:
        return False
    return any((pos in ("ns", "nz", "nt", "nr") or (pos is None and te - ts >= 2))
               and not ctx.text[ts:te].endswith(_PLACE_PARK_SUFFIX) for ts, te, pos in ctx.tokens_in(m.start, m.end))


def _regions_in(ctx: _Ctx, name: str) -> list[str]:
    """The longest region name at each position of ``name``."""
    trie = _tries(ctx.lex)["regions"]
    return [r for i in range(len(name)) if (r := trie.longest_at(name, i))]


def _named_park_body(ctx: _Ctx, name: str) -> bool:
    """Is there a proper name in front of a generic park word? Region, status
    and industry words alone do not name a park."""
    body = re.sub(r"(产业园区|园区|集聚区|功能区)$", "", name)
    r = _tries(ctx.lex)["regions"].longest_at(body, 0)
    if r:
        body = body[len(r):]
        province = ctx.lex.regions.get(r, "").endswith(("省", "自治区")) or r in ("中国", "全国")
        if len(body) >= 2 and not province and not re.search(r"[省市区县]级|国家级|^级", name[:len(r) + 3]):
            return True  # `莱西市新能源汽车培育园区`: a place and a focus name one park; `山东省级…园区` is a class
    body = re.sub(r"^(省级|市级|国家级|国家|级)", "", body)
    for term in sorted((t for t in ctx.lex.industries if t in body), key=len, reverse=True):
        body = body.replace(term, "")
    return bool(body) and not _generic(body, _GENERIC_PARK_BODY | {"引领", "培育"} | _DIRECTIONS)


# Parts of a city by direction: before `园区` they name no park (`北部工业园区`; `西部科学城` is a name).
_DIRECTIONS = frozenset({"东部", "西部", "南部", "北部", "中部"})


# Park words that an industry alone may stand before (`体育产业园`, `软件园`): such a name is a kind of park.
_INDUSTRY_PARK_SUFFIXES = ("产业园", "软件园", "产业基地", "街区")  # not 科技园: `海洋生物医药科技园` is one firm's park
_INDUSTRY_PARK_TAIL = re.compile(r"(?:产业园|园|产业基地|街区)$")


# Class words before an industry (`现代农业`, `新型能源`): with a designation's level, a park they name is a kind
# of park (`国家现代农业产业园`, `新型能源产业基地`); a place before them names one (`榆林新型能源产业基地`).
_KIND_OPENERS = tuple(sorted(set(rules.words("industry_class_modifiers")) | {"新型", "先进"}, key=len, reverse=True))


def _industry_only(ctx: _Ctx, name: str) -> bool:
    """Is the park named by a two-character industry alone (`体育产业园`, `软件园`), or by a class word and an
    industry (`新型能源产业基地`, `国家现代农业产业园`)? A place alone names one (`集贤产业园`, after the county)."""
    body = _INDUSTRY_PARK_TAIL.sub("", name)
    kind = re.sub(r"^(?:国家级|国家|省级|市级)", "", body)
    rest = kind[len(o):] if (o := next((o for o in _KIND_OPENERS if kind.startswith(o)), "")) else ""
    if len(rest) >= 2 and (rest in ctx.lex.industries or kind in ctx.lex.industries or ctx.words.get(rest) in ("n", "vn", "v")):
        return True
    if len(body) > 2 or body in ctx.lex.regions or ctx.words.get(body) in ("ns", "nz", "nt", "nr"):
        return False  # a longer field (`海洋信息产业园`) is how a district names its own park
    return not _named_park_body(ctx, body + "园区")


@lru_cache(maxsize=8)
def _strong_park_suffixes(lex: Lexicons) -> tuple[str, ...]:
    """The park suffixes of two characters or more other than the weak ones (one tuple per lexicons, for
    ``str.endswith``)."""
    return tuple(x for x in lex.park_suffixes if x not in _WEAK_PARK_SUFFIX and len(x) > 1)


def _parks(ctx: _Ctx) -> list[Mention]:
    """Parks by their suffix that name one park (or two, a park inside a zone), and the `X谷` parks."""
    out = _suffix_names(ctx, "park", "PARK", 14, _GENERIC_PARK_BODY, 2)  # `各自|贸|试验区`: one character names no park
    strong = _strong_park_suffixes(ctx.lex)
    keep = []
    for m in out:
        m = _trim_park_start(ctx, m)
        if m.text.endswith(_WEAK_PARK_SUFFIX) and not m.text.endswith(strong) or _no_named_carrier(ctx, m):
            continue
        body = m.text
        # a counted list head (`四大千亩产业园`) and `X园区` without a proper name are generic
        if (_COUNT_PREFIX.match(body) or body.startswith("个")) and not _tries(ctx.lex)["regions"].longest_at(body, 0):
            continue  # (`一个个…创业基地`: a measure word opens no name; `个旧…` is a city)
        if _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start - 6), m.start) or body.endswith(("历史文化街区", "传统文化街区")) \
                or (ctx.text.endswith(("于一体的", "为一体的"), 0, m.start) and not _has_place(ctx, m)):
            continue  # `湖北省最大的…孵化基地`, `集A、B于一体的…产业园`: descriptions; a heritage district is no carrier
        if _COUNT_INSIDE.search(body) or _BATCH.match(body):  # `海洋信息四大千亩产业园`: the suffix heads a counted
            continue  # list; `首批人工智能创新街区`: a batch of a kind of park
        if body.endswith(_PLACE_PARK_SUFFIX) and not _has_place(ctx, m):
            continue  # `促进新区`, `构筑起国家高新区`: such zones are named after a place
        if body.endswith(("园区", "集聚区", "功能区")) and not _named_park_body(ctx, body) \
                and not (body.endswith("园区") and ctx.text.endswith(_PLACE_PARK_SUFFIX, 0, m.start) and _place_named_part(ctx, body[:-2])):
            continue  # `山东省级数字经济园区`, `智能制造产业园区`: a kind of park, not a name (`青岛高新区|云溪园区` is one)
        if body.endswith(_INDUSTRY_PARK_SUFFIXES) and _industry_only(ctx, body) and not (m.start and ctx.taken[m.start - 1]):
            continue  # `体育产业园`, `软件园`: an industry alone names a kind of park (`光谷|软件园`: a name before it)
        if re.search(r"(?:有限公司|股份公司|集团)(?=.)", body):  # `某某有限公司西安基地` is a company's site
            continue
        if _FREE_TRADE_AGREEMENT.match(body) or _MACHINE_ACCELERATOR.search(body) or _DESIGNATED.search(ctx.text, max(0, m.start - 4), m.start):
            continue  # `中国—东盟自贸区`: a trade agreement; `强流重离子加速器`: a machine; `被列为…产业基地`: a designation
        if m.end < len(ctx.text) and ctx.text[m.end] == "·":  # `倍格硅巷·西安宏府大厦`: one carrier, two names
            tail = re.match(r"·([\u4e00-\u9fffA-Za-z0-9]{3,12}?)(?=[等和及与、,。;:!?()“”\s]|$)", ctx.text[m.end:])
            if tail and not any(ctx.taken[m.end:m.end + tail.end()]):
                m = Mention(m.start, m.end + tail.end(), "PARK", ctx.text[m.start:m.end + tail.end()], m.rule)
        inner = _INNER_ZONE.search(body)
        if inner and (not body.endswith(_SUB_PARK) or _place_named_part(ctx, body[inner.end():-2])):
            # `西安高新区集贤产业园`, `青岛高新区云溪园区`: a named park inside a zone is a second park (two names);
            # a bare class word before it (`高新区|云溪园区`) names no park (decisions §2)
            k = m.start + inner.end()
            if _named_park_body(ctx, body[inner.end():]) or not _generic(body[inner.end():-2], _GENERIC_PARK_BODY):
                parent = [Mention(m.start, k, "PARK", ctx.text[m.start:k], m.rule)] if inner.start() > 0 else []
                keep += parent + [Mention(k, m.end, "PARK", ctx.text[k:m.end], m.rule)]
                continue
        keep.append(m)
    return keep + _valley_parks(ctx)


# A determiner inside a park's name refers to a park the text does not name (`这座产业园`, `当地…产业园`, `一处科技园`).
_DETERMINERS = re.compile(rules.alternation("park_determiners"))

# Street blocks are carriers only when startups or innovation are their business (`创业咖啡街区`; `美食街区` is none).
_INNOVATION_WORD = re.compile(rules.alternation("innovation_carrier_words"))

# A trade bloc (and China) before 自贸区 names a free-trade agreement's area (`中国东盟自贸区`, `亚太自贸区`), not a zone.
_TRADE_BLOC_AREA = re.compile(rf"(?:中国)?(?:{rules.alternation('trade_blocs')})(?:中国)?(?:自贸区|自由贸易区)")

# A reserve or scenic area inside the name (`…国家公园黄河源园区`), or fraud and gambling (`…电诈园区`, scam compounds):
# no carrier of industry or innovation.
_NO_CARRIER_INSIDE = re.compile(rf"{rules.alternation('nature_area_words')}|[诈赌]")
_RESERVE_BEFORE = re.compile(rf"(?:{rules.alternation('nature_area_words')})$")  # `…国家公园|黄河源园区`: a part of the reserve

# A theme before a park word makes a themed area (`火车主题园区`, `抗日战争主题片区`), not a carrier.
_THEMED = re.compile(r"主题[\u4e00-\u9fff]{1,2}$")  # `主题` and a park suffix of one or two characters


def _no_named_carrier(ctx: _Ctx, m: Mention) -> bool:
    """Is the park name a reference or a kind rather than a named carrier? A determiner inside or right before
    it with no proper word (`这座产业园`, `这个|大数据产业园`), a trade agreement's area, a themed area, a part of
    a reserve or scenic area, a scam compound; a town
    (`小镇`) with no place or proper word before its class words (`冰雪小镇`, `中国特色小镇`; `云栖小镇` names
    one); a street block with no startup or innovation word; an area (`片区`) that is no part of a zone
    (`乡村振兴片区`; `…自贸试验区南京片区` and `雄安新区|大河片区` are)."""
    body, text = m.text, ctx.text
    if _DETERMINERS.search(body) or _TRADE_BLOC_AREA.fullmatch(body) or _THEMED.search(body) or _NO_CARRIER_INSIDE.search(body):
        return True
    if _RESERVE_BEFORE.search(text, max(0, m.start - 5), m.start):
        return True
    if (d := _DETERMINERS.search(text, max(0, m.start - 2), m.start)) and d.end() == m.start and not _proper_in(ctx, m.start, m.end) \
            and not _named_park_body(ctx, _suffix_cut(ctx, body) + "园区"):
        return True  # `这个|大数据产业园`: a field names no park after a determiner (`这个|星湖科技园` is named)
    if body.endswith("小镇"):
        k = len(re.search(r"(?:特色)?小镇$", body).group())
        r = _tries(ctx.lex)["regions"].longest_at(body, 0) or ("中国" if body.startswith("中国") else "")
        return not _proper_in(ctx, m.start, m.end - k) or _generic(body[len(r):-k], _GENERIC_PARK_BODY)
    if body.endswith("街区"):
        return _INNOVATION_WORD.search(body) is None
    if body.endswith("片区"):
        inner = body[:-2]
        return not (any(x in inner for x in _strong_park_suffixes(ctx.lex)) or "自贸" in inner or (m.start and ctx.taken[m.start - 1])
                    or _area_place(ctx, inner)  # `(青岛高新区包括)红岛片区`: an area named after its place
                    or any(_known_park(ctx, inner[:k]) for k in range(2, len(inner))))
    return False


def _area_place(ctx: _Ctx, name: str) -> bool:
    """Is ``name`` (before `片区`) only a local place, a place word or an unknown word of two or three characters
    (`红岛`)? A division's name is not enough: `阳新片区` is a firm's or a city's area in the county."""
    pos = ctx.words.get(name)
    return name not in ctx.lex.regions and (pos == "ns" or (pos is None and 2 <= len(name) <= 3 and _CJK_ONLY.fullmatch(name) is not None))


def _suffix_cut(ctx: _Ctx, name: str) -> str:
    """``name`` without its longest park suffix."""
    suffix = max((x for x in ctx.lex.park_suffixes if name.endswith(x)), key=len, default="")
    return name[:len(name) - len(suffix)]


def _proper_in(ctx: _Ctx, a: int, b: int) -> bool:
    """Is there a region, a place or person's name or an unknown word of two characters or more in ``[a, b)``?"""
    if _regions_in(ctx, ctx.text[a:b]):
        return True
    return any(pos in ("ns", "nr", "nrt", "nt") or (pos is None and te - ts >= 2 and _CJK_ONLY.fullmatch(ctx.text[ts:te]))
               for ts, te, pos in ctx.tokens_in(a, b) if te <= b)


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _known_park(ctx: _Ctx, name: str) -> bool:
    """Is ``name`` a form of a known park?"""
    from kg.extract.entities.known import _known_index
    k = _known_index(ctx.lex)[1].get(name)
    return k is not None and k.type == "PARK"


def _place_named_part(ctx: _Ctx, name: str) -> bool:
    """Is ``name`` (before a zone's `园区`) a place or a proper word (`云溪`, a district or an unknown word), which names a park of the
    zone, rather than a part word (`核心`, `南部`), which keeps the zone's name?"""
    return len(name) >= 2 and (name in ctx.lex.regions or ctx.words.get(name) in ("ns", "nz", "nr")
                               or (name not in ctx.words and not _generic(name, _GENERIC_PARK_BODY | _DIRECTIONS)))


def _trim_park_start(ctx: _Ctx, m: Mention) -> Mention:
    """A park's name starts after a list number (`(1)珠三角…试验区`) and after a province before its city
    (`山东省|济南经济开发区`: the province only locates it; the city is part of the name)."""
    number = re.match(r"\(\d{1,2}\)", m.text)
    if number:
        m = Mention(m.start + number.end(), m.end, m.type, m.text[number.end():], m.rule, m.key)
    text = ctx.text
    province = next((p for p in _provinces(ctx.lex) if text.startswith(p, m.start)), None)
    if not province or not _tries(ctx.lex)["regions"].longest_at(text, m.start + len(province)):
        return m
    s = m.start + len(province)
    return Mention(s, m.end, m.type, text[s:m.end], m.rule, m.key)


@lru_cache(maxsize=4)
def _provinces(lex: Lexicons) -> tuple[str, ...]:
    """Names of provinces and autonomous regions as texts write them (`山东省`, `山东`), longest first."""
    full = {f for f in lex.regions.values() if f.endswith(("省", "自治区"))}
    return tuple(sorted((r for r, f in lex.regions.items() if f in full), key=len, reverse=True))


# Words in `X谷` that are no park (`山谷`, `稻谷`).
_NOT_VALLEY = frozenset(rules.words("not_valley_words"))


def _valley_parks(ctx: _Ctx) -> list[Mention]:
    """Parks named `X谷` (蓝谷, 光谷, 药谷), with a region prefix when given."""
    text = ctx.text
    out = []
    for m in re.finditer(r"[蓝光药智云数硅绿]谷", text):
        s, e = m.span()
        if text[s:e] in _NOT_VALLEY or (e < len(text) and text[e] in "物子歌雨"):
            continue
        regions = _tries(ctx.lex)["regions"]
        for k in (3, 2):
            if s - k >= 0 and regions.longest_at(text, s - k) == text[s - k:s]:
                s -= k
                break
        out.append(Mention(s, e, "PARK", text[s:e], "park:valley"))
    return out


# ---------------------------------------------------------------- parks sharing one suffix
#: Joiners of list items (`大埔、元朗和将军澳三个工业邨`), and a count between the last item and the suffix.
_ITEM_JOINERS = "、和及与"
_SHARED_COUNT = re.compile(r"[两三四五六七八九十]+[个座]")
_COUNT_WORDS = ("个", "座")  # a count ends with one of them


def _shared_suffix_parks(ctx: _Ctx, found: list[Mention]) -> list[Mention]:
    """Places listed before one park suffix are parks each (`大埔、元朗、将军澳、屯门工业邨`, `大埔、元朗和将军澳
    三个工业邨`): an item is a mention of the park its place and the suffix name, when the lexicons know that park
    (general knowledge: the public list of parks). The list is found from a park found before (the last item,
    with the suffix) or from a counted suffix after the items."""
    text, out = ctx.text, []
    anchors = [(m.start - 1, s) for m in found if m.type == "PARK" and text[m.start - 1:m.start] in tuple(_ITEM_JOINERS)
               for s in [_suffix_of(ctx, m.text)] if s]
    for s in _park_suffixes_longest(ctx.lex) if "个" in text or "座" in text else ():
        k = text.find(s)
        while k >= 0:  # the occurrences of `s` that do not overlap, as re.finditer finds them
            count = _SHARED_COUNT.search(text, max(0, k - 4), k) if text[k - 1:k] in _COUNT_WORDS else None
            if count and count.end() == k:
                anchors.append((count.start(), s))
            k = text.find(s, k + len(s))
    for q, suffix in anchors:
        while True:
            item = next((text[q - n:q] for n in (4, 3, 2) if q - n >= 0 and not any(ctx.taken[q - n:q])
                         and _listed_place(ctx, text[q - n:q], suffix)), None)
            if item is None:
                break
            out.append(Mention(q - len(item), q, "PARK", item, "park:shared-suffix", item + suffix))
            q -= len(item)
            if not (q > 0 and text[q - 1] in _ITEM_JOINERS):
                break
            q -= 1
    return out


def _suffix_of(ctx: _Ctx, name: str) -> str:
    """The park suffix a park's name ends with after a place of two to four characters (`工业邨` of `屯门工业邨`), or ''."""
    s = next((s for s in _park_suffixes_longest(ctx.lex) if name.endswith(s)), "")
    return s if s and 2 <= len(name) - len(s) <= 4 else ""


def _listed_place(ctx: _Ctx, item: str, suffix: str) -> bool:
    """Is ``item`` a place that names a known park with ``suffix``? (A region alone is not enough: `北京市、天津市、
    河北省三个…新区` are no parks.)"""
    from kg.extract.entities.known import _known_index
    known = _known_index(ctx.lex)[1].get(item + suffix)
    return re.fullmatch(r"[\u4e00-\u9fff]+", item) is not None and known is not None and known.type == "PARK"


@lru_cache(maxsize=4)
def _park_suffixes_longest(lex: Lexicons) -> tuple[str, ...]:
    """The park suffixes of two characters or more, longest first."""
    return tuple(sorted((s for s in lex.park_suffixes if len(s) >= 2), key=len, reverse=True))
