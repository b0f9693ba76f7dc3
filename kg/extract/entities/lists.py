"""Names found by the list they stand in: companies without a legal form named by the head of
their list or their context (``链主企业X``, ``A、B等龙头企业``, ``落地A、B等重点项目``), and names whose
list head says their type (``A、B等众创空间与孵化器`` are parks, ``A、B等9家新型研发机构`` bodies).

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

from kg.extract.entities.context import _NAME_CHAR, _PARK_BOUNDARY, Mention, _boundary_ends_at, _Ctx, _tries
from kg.extract.entities.industry_spans import _known_industry
from kg.extract.entities.known import _known_company
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


def _companies_by_context(ctx: _Ctx) -> list[Mention]:
    """Companies without a legal form: `链主企业鹏博士集团`, `A、B等龙头企业`, `入驻A、B等企业`."""
    text = ctx.text
    out = []
    for m in _COMPANY_LIST_HEAD.finditer(text):
        items = [(s, s + len(_SITE_TAIL.sub("", text[s:e]))) for s, e in _name_list_before(ctx, m.start(), brand_check=False, max_item=12)]
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
            if name.endswith(suffixes) and len(name) >= (4 if len(items) > 1 else 6):
                own = "PARK" if name.endswith(_PARK_ONLY_SUFFIXES) else etype  # `…孵化器` is a park whatever the head
                out.append(Mention(s, e, own, name, "list:typed"))
    return out


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
