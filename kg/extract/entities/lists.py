"""Names found by the list they stand in: companies without a legal form named by the head of
their list or their context (``链主企业X``, ``A、B等龙头企业``, ``落地A、B等重点项目``), and names whose
list head says their type (``A、B等众创空间与孵化器`` are parks, ``A、B等9家新型研发机构`` bodies), and
names listed beside a firm the lexicons or the grammar found (``英特尔、美光和德仪``: :func:`_list_mates`);
and a firm named by the post of the person after it (``华星光电董事长李东生``: :func:`_companies_before_a_title`).

Items between two list commas are taken whole (the segmenter often splits an unknown brand); an
item must still look like a name: letters, a proper noun or a word the dictionary does not know
(:func:`_brand_like`, also asked by the suffix grammar before ``公司``).

>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> def ctx(text): return _Ctx(text, lex, None, [False] * len(text))  # no tokens: characters
>>> [m.text for m in _companies_by_context(ctx("引进阿里巴巴、字节跳动等龙头企业"))]
['阿里巴巴', '字节跳动']
>>> [(m.text, m.type) for m in _typed_lists(ctx("建设海创空间、蓝色梦工厂等众创空间"))]
[('海创空间', 'PARK'), ('蓝色梦工厂', 'PARK')]
"""

from __future__ import annotations

import re

from kg.extract.entities.context import (_NAME_CHAR, _NAME_VERBS, _PARK_BOUNDARY, STOP_POS, Mention, _boundary_ends_at, _Ctx,
                                         _extend_left, _generic, _tries)
from kg.extract.entities.industry_spans import _known_industry
from kg.extract.entities.known import _known_company, _known_name
from kg.kb import rules


# The head of a list of firms: `等龙头企业`, `等20余家文创机构`, `等头部互联网企业`.
_COMPANY_LIST_HEAD = re.compile(r"等(?:[0-9]+余?家|[一二两三四五六七八九十百几多数]+家)?(?:(?![与和在的将对向由以为从把被于等是进])[\u4e00-\u9fff]){0,10}?"
                                rf"(?:{rules.pattern('company_list_heads')})")

# A firm's site after its name in a list (`阿里巴巴总部`, `VIVO全球AI总部`).
_SITE_TAIL = re.compile(rf"(?:{rules.alternation('site_scopes')})?[A-Za-z]*(?:总部|研发中心|生产基地|基地)$")

# Verbs by which projects arrive in a place.
_LANDING = re.compile(rf"(?:{rules.alternation('landing_verbs')})$")

# Last words that make a list item a firm (`金能科技`, `华博精工`).
_FIRM_WORDS = rules.words("firm_words")


# A rank before the first item of a list (`在前10位益海嘉里、…`): no part of the firm's name.
_RANK = re.compile(r"(?:前|第)[0-9一二三四五六七八九十]+[位名强]")


def _after_rank(text: str, s: int, e: int) -> int:
    """Where an item starts after a rank in front of it (`前10位|益海嘉里`), when a name is left."""
    m = _RANK.match(text, s, e)
    return m.end() if m and e - m.end() >= 2 else s


def _companies_by_context(ctx: _Ctx) -> list[Mention]:
    """Companies without a legal form: `链主企业鹏博士集团`, `A、B等龙头企业`, `入驻A、B等企业`."""
    text = ctx.text
    out = []
    for m in _COMPANY_LIST_HEAD.finditer(text):
        items = [(_after_rank(text, s, e), s + len(_SITE_TAIL.sub("", text[s:e])))
                 for s, e in _name_list_before(ctx, m.start(), brand_check=False, max_item=12)]
        if any(_known_industry(ctx, text[s:e]) for s, e in items):
            continue  # `雷达、传感器、核心电机等上下游企业`: firms named by what they make
        brands = [e - s >= 2 and _brand_like(ctx, s, e) for s, e in items]
        # beside a brand, an item the dictionary does not know as one word is a name too (`喜马拉雅万物声`);
        # a counted head (`等30余家文创机构`) says outright that the items are named firms
        counted = "家" in m.group()
        items = [(s, e) for (s, e), b in zip(items, brands)
                 if b or (any(brands) and _unknown_phrase(ctx, s, e, proper=not counted))]
        if len(items) >= 2:  # `阿里巴巴总部、VIVO全球AI总部、字节跳动等头部互联网企业`: the firms, not their sites
            out.extend(Mention(s, e, "COMPANY", text[s:e], "company:list") for s, e in items)
    # project lists name companies only when the items look like firms: `美锦氢能源、金能科技等259个在建项目`,
    # when known companies stand in the same list: `科大讯飞、优刻得、越疆机械人、商汤科技等重点新经济项目`,
    # or when the projects land somewhere: `秦淮硅巷落地华博精工、慧之友等重点项目`
    for m in re.finditer(r"等(?:[0-9一二三四五六七八九十百]+个)?(?:在建|重点|重大)?[\u4e00-\u9fff]{0,4}?项目", text):
        items = _name_list_before(ctx, m.start(), brand_check=False)
        if not items:
            continue
        known = sum(_known_company(ctx, text[s:e]) for s, e in items)
        firms = sum(text[s:e].endswith(_FIRM_WORDS) for s, e in items)
        landing = _LANDING.search(text, max(0, items[0][0] - 4), items[0][0]) is not None
        if firms == len(items) or 2 * known >= len(items) or (landing or firms) and all(
                _brand_like(ctx, s, e) or text[s:e].endswith(_FIRM_WORDS) or (landing and text[s:e] not in ctx.words
                                                                                and not _known_industry(ctx, text[s:e]))
                for s, e in items):
            out.extend(Mention(s, e, "COMPANY", text[s:e], "company:list") for s, e in items
                       if _known_company(ctx, text[s:e]) or text[s:e].endswith(_FIRM_WORDS) or _brand_like(ctx, s, e)
                       or (landing and text[s:e] not in ctx.words))
    return out


# `包括A、B以及C在内的14家国际大牌`: a list closed by `在内的` and a head of firms or brands.
_INCLUDING_LIST = re.compile(r"包括(?P<items>[^,。;:!?“”\n]{4,80}?)在内的(?:[0-9]+余?家|[一二两三四五六七八九十百几多数]+家)?"
                             rf"[\u4e00-\u9fff]{{0,6}}?(?:{rules.pattern('company_list_heads')}|品牌|大牌)(?![家主])")  # not `企业家`
_ITEM_GLUE = re.compile(r"、|以及|和|及|与")
_BRAND_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9&.\-]{0,11}")


def _companies_included(ctx: _Ctx) -> list[Mention]:
    """The firms of `包括A、B以及C在内的N家企业|品牌`: every item, when none is a place or an industry and
    at least half are names (letters, a proper noun, a word the dictionary does not know)."""
    text = ctx.text
    out = []
    for m in _INCLUDING_LIST.finditer(text):
        items, a = [], m.start("items")
        for g in [*_ITEM_GLUE.finditer(text, a, m.end("items")), None]:
            b = g.start() if g else m.end("items")
            items.append((a, b))
            a = g.end() if g else b
        if len(items) < 2 or not all(_BRAND_ITEM.fullmatch(text, s, e) and (e - s >= 2 or text[s:e].isascii()) for s, e in items):
            continue
        if any(text[s:e] in ctx.lex.regions or ctx.words.get(text[s:e]) == "ns" or _known_industry(ctx, text[s:e]) for s, e in items):
            continue
        # the head says firms: an item the dictionary knows as a common word (`鳄鱼`) is a brand too, beside names
        if 2 * sum(_brand_like(ctx, s, e) or _known_company(ctx, text[s:e]) for s, e in items) < len(items):
            continue
        out.extend(Mention(s, e, "COMPANY", text[s:e], "company:including") for s, e in items if not any(ctx.taken[s:e]))
    return out


# A firm's role right before its name: `控股子公司深圳某某`, `全资子公司星河智造`, `投资方某某资本`.
_ROLE_BEFORE_NAME = re.compile(rules.pattern("firm_roles_before_name"))
# Two or three firms counted after their names: `引进A和B两家投资人`, `A、B三家公司`.
_COUNTED_FIRMS = re.compile(rf"[两二三四五六七八九十]家(?:{rules.alternation('counted_firm_heads')})")
# A name in Latin letters right after a firm's noun or a verb of founding (`生物科技公司Illumina`, `成立Fairchild`).
_LATIN_AFTER_FIRM_WORD = re.compile(rf"(?:{rules.pattern('latin_firm_openers')}) ?([A-Z][A-Za-z0-9&\-]{{2,}}(?: [A-Z][A-Za-z0-9&\-]+)*)(?![A-Za-z0-9])")
# A firm's daughter or parent named after it (`A子公司B`, `A全资子公司`, `A母公司B`): A is a firm.
_TIE_AFTER_NAME = re.compile(r"(?:全资|控股)?[子母]公司|成员(?:公司|企业)")
# Lower-case words that close a Latin name before the comma or the list mark (`Dew production、`).
_LATIN_LOWER_TAIL = re.compile(r"(?: [a-z][A-Za-z0-9&\-]*){1,2}(?=[、,。;:])")
_LATIN_NAME_END = re.compile(r"[A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*)*$")
# A name in Latin letters closed by an English legal form (`Emerdata Limited`, `Acme Trading Co. Ltd.`), wherever it stands.
_LATIN_LEGAL_NAME = re.compile(rf"(?<![A-Za-z0-9&.\-])[A-Z][A-Za-z0-9&'\-]*(?:,? (?:[A-Z][A-Za-z0-9&'\-]*|&|of|and)\.?)*?"
                               rf",? (?:{rules.pattern('latin_legal_forms')})(?![A-Za-z0-9])")
_NAME_POS = frozenset({"n", "nz", "nr", "nrt", "ns", "nt", "eng", "j", None})
_ITEM_END = frozenset(",。;:!?、()“”《》和与及等的在已将于为是")


def _name_after(ctx: _Ctx, a: int) -> int:
    """End of the name that starts at ``a``: nouns and unknown words up to a separator, a function word or a
    verb; ``a`` when none (at most 10 characters)."""
    b = a
    if a >= len(ctx.text) or not _NAME_CHAR.match(ctx.text[a]):
        return a  # `子公司「…」`: a quoted name is the suffix grammar's
    while b < len(ctx.text) and b - a <= 10 and ctx.text[b] not in _ITEM_END and (tok := ctx.by_pos.get(b)) is not None \
            and tok[0] == b and tok[2] in _NAME_POS and not any(ctx.taken[tok[0]:tok[1]]):
        b = tok[1]
    return b if b - a <= 10 else a


# A securities or futures firm's short name before its analysts or its statements (`民族证券认为`,
# `东海证券机械行业分析师`, `元富证券一位分析师`): `证券` alone is the market, `证券报` a paper.
_GENERIC_FIRM_BODY = frozenset(rules.words("generic_company_bodies"))
_BROKERAGE = re.compile(rf"(?:证券|期货)(?=(?:[\u4e00-\u9fff]{{0,6}}?(?:分析师|研究员))|(?:{rules.alternation('brokerage_followers')}))")


# A name in Latin letters before its analysts (`Solarbuzz资深分析师`): a research or brokerage firm.
_LATIN_BEFORE_ANALYST = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z][A-Za-z0-9&\-]{2,}(?: [A-Z][A-Za-z0-9&\-]*)*(?=(?:资深|首席|高级)?(?:分析师|研究员))")


def _brokerages(ctx: _Ctx) -> list[Mention]:
    """Brokerages named by a short form of two to four characters and their kind (`民族证券`, `国泰君安期货`),
    and firms in Latin letters whose analysts speak (`Solarbuzz资深分析师`)."""
    text = ctx.text
    out = [Mention(m.start(), m.end(), "COMPANY", m.group(), "company:role") for m in _LATIN_BEFORE_ANALYST.finditer(text)
           if not any(ctx.taken[m.start():m.end()])]
    for m in _BROKERAGE.finditer(text):
        a = _extend_left(ctx, m.start(), 4)
        body = text[a:m.start()]
        if not 2 <= len(body) <= 4 or not ctx.is_token_boundary(a) or _generic(body, _GENERIC_FIRM_BODY) \
                or any(ctx.taken[a:m.end()]) or any(pos in STOP_POS for _, _, pos in ctx.tokens_in(a, m.start())):
            continue
        out.append(Mention(a, m.end(), "COMPANY", text[a:m.end()], "company:role"))
    return out


def _companies_by_role(ctx: _Ctx) -> list[Mention]:
    """Firms named right after their role (`控股子公司深圳某某`) and firms counted after their names
    (`引进A和B两家投资人`): each name must look like one (:func:`_brand_like`), not a place or an industry."""
    if ctx.tokens is None:
        return []
    text = ctx.text
    spans = []
    for m in _ROLE_BEFORE_NAME.finditer(text):
        if ctx.is_token_boundary(m.end()) and (b := _name_after(ctx, m.end())) - m.end() >= 2 \
                and (b == len(text) or text[b] in _ITEM_END or (tok := ctx.by_pos.get(b)) is not None and tok[2] in ("v", "d", "p")):
            spans.append((m.end(), b))
    for m in _TIE_AFTER_NAME.finditer(text):  # `康力电梯子公司苏州新达`, `A母公司B`: the firm whose daughter or parent
        latin = _LATIN_NAME_END.search(text, max(0, m.start() - 40), m.start())  # `Manassen Foods母公司`
        a = latin.start() if latin else _extend_left(ctx, m.start(), 10)
        if ctx.is_token_boundary(m.start()) and m.start() - a >= 2 \
                and not any(pos in ("m", "q", "f") for _, _, pos in ctx.tokens_in(a, m.start())):  # `前四间华大`: a count
            spans.append((a, m.start()))
    for m in _LATIN_AFTER_FIRM_WORD.finditer(text):
        tail = _LATIN_LOWER_TAIL.match(text, m.end(1))  # `Dew production`, `B2B green`: the name runs to the comma
        if tail or not (m.group(1).isupper() and len(m.group(1)) <= 4):  # `公司AI`, `CEO`: acronyms of a field or a post
            spans.append((m.start(1), tail.end() if tail else m.end(1)))
    spans.extend(m.span() for m in _LATIN_LEGAL_NAME.finditer(text))
    for m in _COUNTED_FIRMS.finditer(text):
        items = _items_before(ctx, m.start())  # `A、B三家` ...
        if (g := text.rfind("和", max(0, m.start() - 12), m.start())) > 0 and not items:  # ... or `A和B两家`
            a = _extend_left(ctx, g, 10)
            items = [(a, g), (g + 1, m.start())] if g - a >= 2 and m.start() - g - 1 >= 2 else []
        spans.extend(items if len(items) >= 2 else [])
    return [Mention(s, e, "COMPANY", text[s:e], "company:role") for s, e in spans
            if not any(ctx.taken[s:e]) and (_firm_like(ctx, s, e) or text[s:e].isascii()) and text[s:e] not in ctx.lex.regions
            and not _known_industry(ctx, text[s:e]) and not any(pos in STOP_POS for _, _, pos in ctx.tokens_in(s, e))]


def _firm_like(ctx: _Ctx, s: int, e: int) -> bool:
    """A firm's name without a legal form: brand-like, or a region and a short word of its own (`上海明观`)."""
    r = _tries(ctx.lex)["regions"].longest_at(ctx.text, s)
    rest = ctx.text[s + len(r):e] if r else ""
    return _brand_like(ctx, s, e) or (bool(r) and len(r) >= 2 and 2 <= len(rest) <= 4 and not _known_industry(ctx, rest)
                                      and rest not in ctx.lex.regions and ctx.words.get(rest) not in ("n", "vn", "v"))


def _list_mates(ctx: _Ctx, found: list[Mention]) -> list[Mention]:
    """Companies listed with a firm the lexicons or the grammar already found, in a list of `、`-separated
    names (`英特尔、美光和德仪`, `Apple、HP、Google、Yahoo`): an item that looks like a name (letters, a
    proper noun or a word the dictionary does not know, :func:`_brand_like`) and is no place is a firm too.

    Lists joined only by `和`/`与` are left alone (`Google与上海`).
    """
    text = ctx.text
    out = []
    for m in found:
        if m.type != "COMPANY" or m.rule not in _FIRM_ANCHORS:
            continue
        items = _items_before(ctx, m.start) + _items_after(ctx, m.end)
        if not (text[m.start - 1:m.start] == "、" or text[m.end:m.end + 1] == "、"):
            continue  # `与台积电与三星竞争`: a pair joined by a conjunction is no list
        for a, b in items:
            a, b = _after_rank(text, a, b), a + len(_SITE_TAIL.sub("", text[a:b]))  # `VIVO全球AI总部`: the firm, not its site
            if _known_company(ctx, text[a:b]) and not any(ctx.taken[a:b]):  # `三星`: the list says firm; a name in
                key = _known_name(ctx, text[a:b]) if text[a:b].isascii() else ""  # letters takes the firm's Chinese name
                out.append(Mention(a, b, "COMPANY", text[a:b], "company:list-mate", key))  # (`Apple` → 苹果公司)
            elif b - a >= 2 and _brand_like(ctx, a, b) and not any(ctx.taken[a:b]) \
                    and text.count("(", a, b) == text.count(")", a, b) and text[a:b] not in ctx.lex.regions \
                    and not _clause_inside(ctx, a, b):
                out.append(Mention(a, b, "COMPANY", text[a:b], "company:list-mate"))
    return out


def _companies_before_a_title(ctx: _Ctx) -> list[Mention]:
    """A firm named by the post of the person after it (`华星光电董事长李东生`, `快手科技CEO程一笑`): the name
    before a company title (董事长, 总经理, CEO, 创始人 …) that a person's name follows, when it looks like a
    name (letters, a proper noun, a word the dictionary does not know, a firm's trade word at its end) and
    holds no verb, function word or place after its first word (`公司董事长`, `该集团总裁` name no firm).
    """
    text = ctx.text
    persons = {m.start for m in ctx.found if m.type == "PERSON"}
    out = []
    for i, title in _tries(ctx.lex)["titles"].finditer(text):
        if title in _NOT_A_FIRM_TITLE or i + len(title) not in persons:
            continue
        if (stem := _stem_firm(ctx, i)) is not None:  # `长实集团副主席`: any post after `集团` is a firm's
            out.append(stem)
            continue
        if ctx.lex.titles.get(title) != "company":
            continue
        s = _extend_left(ctx, i, 8)
        body = text[s:i]
        if i - s < 2 or any(ctx.taken[max(0, s - 1):i]) or body in ctx.lex.regions or _generic(body, _GENERIC_FIRM_BODY) \
                or body.count("(") != body.count(")") \
                or _clause_inside(ctx, s + 1, i) or _NOT_A_FIRM_BODY.search(body) \
                or re.sub(r"\([A-Za-z]+\)$", "", body).endswith(ctx.lex.org_suffixes + ctx.lex.company_suffixes) \
                or ctx.words.get(body, "nz") not in ("nz", "nt", "nr", "nrt") \
                or any(text[k:i + len(title)] in ctx.lex.titles for k in range(s, i)):
            continue  # `阿里云|智能`: the end of a name taken; `技术|副总`, `韩籍`, `2月太子奶`, `办公室`: no firm's name
        if _brand_like(ctx, s, i) or body.endswith(_TRADE_WORDS):
            out.append(Mention(s, i, "COMPANY", body, "company:post"))
    return out


def _stem_firm(ctx: _Ctx, i: int) -> Mention | None:
    """`长实|集团|副主席李明`, `溢达|企业|董事长…`: a trade name the dictionary tags as an adverb or an idiom
    (or does not know), alone before `集团`/`企业` and a post that a person holds, names the firm; a word
    that opens a clause (`随后|集团董事长…`, `同时`) or a kind (`民营|企业`) does not."""
    text = ctx.text
    head = next((w for w in _STEM_FIRM_HEADS if text.endswith(w, 0, i)), None)
    if head is None or ctx.tokens is None or any(ctx.taken[i - len(head) - 1:i]):
        return None
    tok = ctx.by_pos.get(i - len(head) - 1)
    if tok is None or tok[1] != i - len(head) or not 2 <= tok[1] - tok[0] <= 4 or tok[2] not in _STEM_POS:
        return None
    a = tok[0]
    if text[a:tok[1]] in _CLAUSE_LEADS or text[a:tok[1]] in _NAME_VERBS or ctx.taken[a] or (a > 0 and text[a - 1] in "的之"):
        return None
    return Mention(a, i, "COMPANY", text[a:i], "company:post")


# The words of a firm that a bare trade name takes before a post (`长实集团副主席`).
_STEM_FIRM_HEADS = ("集团", "企业")
# Tags of a trade name the dictionary reads as an adverb, an idiom or a fixed phrase, or does not know.
_STEM_POS = frozenset({None, "d", "l", "i", "nz"})
_CLAUSE_LEADS = frozenset(rules.words("clause_lead_words"))


# Company titles that professionals hold outside one firm (`律师`, `基金经理`): they name no employer before them.
_NOT_A_FIRM_TITLE = frozenset(rules.words("non_employer_titles"))
_TRADE_WORDS = tuple(rules.words("short_form_trade_words"))
_GENERIC_FIRM_BODY = frozenset(rules.words("generic_company_bodies"))  # `上市公司`, `子公司`: kinds of firm
# A nationality or a date before the title: no firm named by it (`韩籍`, `2月太子奶`)
_NOT_A_FIRM_BODY = re.compile(r"籍$|[0-9]+[年月日]")


def _clause_inside(ctx: _Ctx, a: int, b: int) -> bool:
    """Does the item hold a verb, a function word or a place (`继|亚马逊`, `三星|竞争`, `欧洲|催货`)? A name
    in a list holds none of them (verbs at home in names aside: `投资`, `发展`)."""
    return any((pos in STOP_POS or pos == "vn") and ctx.text[s:e] not in _NAME_VERBS or pos == "ns" for s, e, pos in ctx.tokens_in(a, b))


# Rules whose firm anchors a list: the lexicons and the legal-form grammar.
_FIRM_ANCHORS = frozenset({"known", "suffix:company"})

# What stands right before an item whose start is sure: a separator or an opening mark. The first item of
# a list has none and may have grown over the clause (`继亚马逊`): only letters are taken there.
_BEFORE_ITEM = frozenset("、和及与(:,“「\n ")
_LATIN_ITEM = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")
_LATIN_TAIL = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*$")

# What may follow the last item of a list: a list head (`等`), punctuation, the end of the clause.
_AFTER_LIST = frozenset("等,。;:!?)、")


def _item_after(ctx: _Ctx, j: int) -> int:
    """End of the list item starting at ``j`` when it is followed by what follows an item, else ``j``."""
    text = ctx.text
    k = j
    while k < len(text) and k - j < 10 and _NAME_CHAR.match(text[k]) and text[k] not in "()等和及与":
        k += 1
    return k if k - j >= 2 and (k == len(text) or text[k] in _AFTER_LIST or text[k] in "和及与") else j


def _items_after(ctx: _Ctx, e: int) -> list[tuple[int, int]]:
    """The items of the `、X、Y` run after position ``e``, and a last one joined by `和`, `及` or `与`
    (`A、B和C`); the last one short or in letters (`及法律团队表达感谢之意` is the clause)."""
    text = ctx.text
    items = []
    while e < len(text) and text[e] == "、" and (k := _item_after(ctx, e + 1)) > e + 1:
        items.append((e + 1, k))
        e = k
    if e < len(text) and text[e] in "和及与" and (k := _item_after(ctx, e + 1)) > e + 1 and text[k:k + 1] != "、" \
            and (k - e <= 7 or _LATIN_ITEM.fullmatch(text, e + 1, k)):
        items.append((e + 1, k))
    return items


def _items_before(ctx: _Ctx, s: int) -> list[tuple[int, int]]:
    """The items of the `X、Y、` run before position ``s``; the first item of the list only when a separator
    or an opening mark stands before it, or it is in letters (it may have grown over the clause: `继亚马逊`)."""
    text = ctx.text
    items = []
    while s > 1 and text[s - 1] == "、":
        a = _extend_left(ctx, s - 1, 10)  # over whole words, up to a verb, a function word or a name taken
        latin = _LATIN_TAIL.search(text, a, s - 1)
        if latin and latin.start() > a and text[a:latin.start()].strip() and not _LATIN_ITEM.fullmatch(text, a, s - 1):
            a = latin.start()  # `如Apple`: letters after a word of the clause
        if s - 1 - a < 2 or not (text[a - 1:a] in _BEFORE_ITEM or _LATIN_ITEM.fullmatch(text, a, s - 1)
                                 or ctx.is_token_boundary(a) and a > 0):
            break
        items.append((a, s - 1))
        if text[a - 1:a] != "、":
            break
        s = a
    return items


# The head of a list names the type of its items: `A、B、C等众创空间与孵化器` are
# parks (innovation carriers) even when one of them is called 中心.
_TYPED_LIST_HEAD = re.compile(
    rf"等(?:[0-9一二两三四五六七八九十]+[家个所座大]|一批)?(?:{rules.alternation('typed_list_qualifiers')})*"
    rf"(?P<park>{rules.alternation('park_list_heads')})?"
    rf"(?P<org>(?(park)|(?:{rules.alternation('org_list_heads')})))"
)

# Suffixes that make an item a park whatever its list's head says.
_PARK_ONLY_SUFFIXES = rules.words("park_only_suffixes")


def _typed_lists(ctx: _Ctx) -> list[Mention]:
    """Names in a list whose head says their type: `A、B、C等众创空间与孵化器` → PARK,
    `A、B等9家新型研发机构` → ORG. Each item must still look like a name (a
    name suffix of the lexicons ends it)."""
    text = ctx.text
    out = []
    suffixes = ctx.lex.park_suffixes + ctx.lex.org_suffixes + ctx.lex.company_suffixes + ("中心", "空间")
    for m in _TYPED_LIST_HEAD.finditer(text):
        etype = "PARK" if m.group("park") else "ORG" if m.group("org") else None
        if etype is None:
            continue
        # a counted head (`等六大概念验证平台`) types even a single item before it
        counted = bool(re.match(r"等[0-9一二两三四五六七八九十]+[家个所座大]", m.group()))
        items = _name_list_before(ctx, m.start(), brand_check=False, max_item=16, min_items=1 if counted else 2)
        if items:  # the leftmost item may hold a verb of building (`碑林区建设骨骼智能验证中心`)
            s0, e0 = items[0]
            cut = max((k + len(w) for w in _PARK_BOUNDARY if (k := text.rfind(w, s0, e0)) >= 0 and e0 - k - len(w) >= 4
                       and ctx.is_token_boundary(k)), default=s0)
            items[0] = (cut, e0)
        for s, e in items:
            name = text[s:e]
            if _CLASS_HEAD.sub("", name) in suffixes:
                continue  # `全国重点实验室、国家技术创新中心、…等创新平台`: classes of bodies, not names
            if name.endswith(suffixes) and len(name) >= (4 if len(items) > 1 else 6):
                own = "PARK" if name.endswith(_PARK_ONLY_SUFFIXES) else etype  # `…孵化器` is a park whatever the head
                out.append(Mention(s, e, own, name, "list:typed"))
    return out


# A rank or scope that opens the name of a class of bodies (`国家|技术创新中心`, `全国|重点实验室`).
_CLASS_HEAD = re.compile(rf"^(?:{rules.alternation('class_name_heads')})?")

# What joins list items; the leftmost item is cut after one of the words.
_LIST_GLUE = ("以及", "和", "及", "与", "、")


def _name_list_before(ctx: _Ctx, end: int, brand_check: bool = True, max_item: int = 10, min_items: int = 2) -> list[tuple[int, int]]:
    """Names in `A、B、C` before ``end``; places (`德国、意大利等企业`) are not names.

    Items between two `、` are taken whole: the segmenter often splits an
    unknown brand (`同方知网` → `同/方知/网`), the separators do not. Only the
    leftmost item is cut at a conjunction or boundary word (`以及同方知网`).
    """
    text = ctx.text
    items = []
    e = end
    while e > 0:
        s = e
        while s > 0 and e - s < max_item and _NAME_CHAR.match(text[s - 1]):
            s -= 1
        whole = s > 0 and text[s - 1] == "、"
        if not whole:  # the leftmost item: back only to a conjunction, boundary word or verb
            s = e
            while s > 0 and e - s < max_item and _NAME_CHAR.match(text[s - 1]) and not ctx.taken[s - 1] and not _boundary_ends_at(ctx, s) \
                    and not any(text.startswith(g, s - len(g)) for g in _LIST_GLUE[:4] if s - len(g) >= 0 and e - s >= 2):
                s -= 1
        if 2 <= e - s <= max_item:
            items.append((s, e))
        if whole:
            e = s - 1
            continue
        if len(items) == 1 and s >= 3 and text[s - 1] in "和与及" and _NAME_CHAR.match(text[s - 2]):
            a = _extend_left(ctx, s - 1, max_item)  # `A与B等独角兽`: one more item, over whole words, before a conjunction
            latin = _LATIN_TAIL.search(text, a, s - 1)
            a = latin.start() if latin and text[a:latin.start()].strip() else a  # `孕育|GogoVan`
            if s - 1 - a >= 2:
                items.append((a, s - 1))
        break
    if any(text[a:b] in ctx.lex.regions or ctx.words.get(text[a:b]) == "ns" for a, b in items):
        return []
    if brand_check:
        items = [(a, b) for a, b in items if _brand_like(ctx, a, b)]
    return sorted(items) if len(items) >= min_items else []


def _unknown_phrase(ctx: _Ctx, a: int, b: int, proper: bool = True) -> bool:
    """Several words that make no dictionary word or industry together (`喜马拉雅万物声`),
    with a proper or unknown word among them unless ``proper`` is False (`荔枝声音馆`)."""
    item = ctx.text[a:b]
    toks = ctx.tokens_in(a, b)
    return len(toks) >= 2 and item not in ctx.words and not _known_industry(ctx, item) and b - a >= 3 \
        and (not proper or any(pos in ("nr", "ns", "nz", "nt", "nrt") or pos is None for _, _, pos in toks))


def _brand_like(ctx: _Ctx, a: int, b: int) -> bool:
    """A list item that can be a company name: not an industry or a common
    phrase (`城市建设`, `超算应用`); it has letters, a proper noun or a word
    the dictionary does not know."""
    item = ctx.text[a:b]
    if item in ctx.lex.industries or _tries(ctx.lex)["industries"].longest_at(item, 0):
        return False
    if re.search(r"[A-Za-z]", item):
        return True
    if ctx.tokens is None:
        return ctx.words.get(item) is None
    toks = ctx.tokens_in(a, b)
    if len(toks) >= 2 and any(te - ts == 1 and pos in ("p", "c", "u", "r", "d") for ts, te, pos in toks):
        return True  # a function character split off an unknown name (`同/方知/网`): no ordinary phrase
    return any(pos in ("nz", "nt", "nr", "nrt") or (pos is None and te - ts >= 2) or (te - ts == 1 and pos is None)
               for ts, te, pos in toks) and not all(pos in ("n", "vn", "v") for _, _, pos in toks)
