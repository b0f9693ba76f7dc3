"""Where an industry name starts and ends: the items of an enumeration (``A、B和C``), the left
edge of a name before ``产业`` (back over words until a verb of development such as ``发展`` or
``聚焦``), the governing words trimmed off an item, and what a known or industry-shaped word is.

The INDUSTRY rules (:mod:`.industries`) and the park grammar (``生物医药及医疗器械产业园``) use them.

>>> _industry_shaped("海洋装备"), _industry_shaped("数字治理")
(True, False)
"""

from __future__ import annotations

import re

from kg.extract.entities.context import _CJK, _boundary_ends_at, _Ctx, _extend_left_tokens, _generic, _tries
from kg.kb import rules


_GENERIC_INDUSTRY = frozenset(rules.words("generic_industry_words"))

# Verbs that end an industry name on its left (`发展集成电路产业`).
_INDUSTRY_BOUNDARY = rules.words("industry_boundary_verbs")

# With words, verbs of selecting and stating end an item too (`梳理出新一代半导体`, `明确…`), and the
# complement `起` of a verb of building as a word of its own (`建立|起|汽车装备产业集群`).
_INDUSTRY_BOUNDARY_SET = frozenset(_INDUSTRY_BOUNDARY) | frozenset(rules.words("item_selecting_verbs"))

# Governing words that end a list item (`以A为核心、B为支撑的…`).
_ITEM_ROLES = rules.words("item_roles")
_ITEM_TAIL = re.compile(rf"为(?:{'|'.join(_ITEM_ROLES)})的?$|等(?:传统|未来|新兴|战略性新兴)?$")

# A count or `等` and what follows it at the end of an item (`…九大产业`, `…等`).
_ITEM_COUNT_TAIL = re.compile(r"[0-9一二两三四五六七八九十]+大.*$|等.*$")

# Not an industry name: amounts, function words inside (`科研院所科技成果向`), counts (`两大`,
# `一楼一`), words that never stand in one (`内设`, `底座`, `转型升级`), last words of qualities, layers
# and frames (`原创性`, `基础层`, `金融中心`, `应用场景`), capacities (`带动力`), policy actions opening
# the phrase (`超前布局`, `积极发展新兴产业`) and directions of change (`高端化、智能化、绿色化`; `影视文化`
# is an industry). It is only ever asked whether it matches, so the order of its alternatives is free.
_NOT_INDUSTRY_BODY = re.compile(
    r"[0-9]+[亿万]|[的等新]$|^[的等]|[为向把被从对将暨着了]|[0-9一二两三四五六七八九十百千]+[大个支只批家条项类]|首批|一[楼区园镇村]一|"
    rf"{rules.alternation('non_industry_words')}|(?:{rules.alternation('non_industry_endings')})$|"
    rf"(?:{rules.alternation('capacity_words')})力$|^(?:{rules.alternation('policy_action_openers')})|"
    rf"(?:{rules.alternation('change_direction_words')})化$")

# Trailing words that frame an industry rather than name it (`海洋经济发展主题`, `…为特色方向`).
# (the roles of a list item, but `保障`, which the frame never had)
_INDUSTRY_FRAME_TAIL = re.compile(rf"(?:为(?:{'|'.join(r for r in _ITEM_ROLES if r != '保障')}))?(?:的)?(?:发展|生长)?(?:主题|方向)$")

# Last words that make a phrase an industry (`智能装备`, `先进材料`).
_INDUSTRY_HEADS = rules.words("industry_heads")

# Heads that make a modifier phrase a process, not an industry (`绿色转型`, `数字治理`).
_NOT_INDUSTRY_HEADS = rules.words("process_heads")

# Domain modifiers that form one industry with a known industry after them (`海洋数字经济`).
_INDUSTRY_MODIFIER = rules.words("industry_domain_modifiers")

# Boundary verbs that are also the head noun of an industry when they end it (`海洋高技术服务`).
_HEAD_VERBS = frozenset({"服务", "制造"})

# Verbs that end an industry name on its left wherever they stand in a word (`大力发展`, `做大做强`).
_DEVELOPMENT_VERBS = rules.words("development_verbs")

# Words that may follow an industry word that ends free (`人工智能领域`, `海洋经济发展`).
_INDUSTRY_FOLLOWERS = rules.words("industry_followers")

# Conjunctions that separate the last item of a list (`A、B和C`).
_CONJ = ("以及", "和", "及", "与")


def _industry_item(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """Trim governing words off an industry item; None when nothing industry-like is left."""
    text = ctx.text
    tail = _INDUSTRY_FRAME_TAIL.search(text, a, b)
    if tail and tail.start() > a:
        b = tail.start()
    tail = _ITEM_TAIL.search(text, a, b) or _ITEM_COUNT_TAIL.search(text, a, b)
    if tail and tail.start() > a:
        b = tail.start()
    k = text.rfind("的", a, b)
    if k >= a:
        a = k + 1
    if text.startswith("以", a) and b - a > 3:
        a += 1
    item = text[a:b]
    if b - a < 2 or _generic(item, _GENERIC_INDUSTRY) or _NOT_INDUSTRY_BODY.search(item) or re.search(r"[0-9](?![0-9]*[A-Za-z])|至|个", item):
        return None
    if _is_place(ctx, item):
        return None
    if ctx.words.get(item) in ("v", "vd", "vn", "ad", "d") and not _known_industry(ctx, item):
        return None  # `升级`, `促进`: a verb, not an industry
    return a, b


def _known_industry(ctx: _Ctx, word: str) -> bool:
    """A lexicon industry, or a word that starts with one (`人工智能芯片`)."""
    return word in ctx.lex.industries or bool(_tries(ctx.lex)["industries"].longest_at(word, 0))


def _industry_shaped(word: str) -> bool:
    """Built like an industry name: a domain modifier before a noun (`智能家居`)
    or an industry head at the end (`…装备`, `…材料`). Decides only inside a
    list whose other items are known industries.

    >>> _industry_shaped("智能家居"), _industry_shaped("自动化生产线")
    (True, False)
    """
    return (word.startswith(_INDUSTRY_MODIFIER) and len(word) >= 4 and not word.endswith(_NOT_INDUSTRY_HEADS)) \
        or word.endswith(_INDUSTRY_HEADS)


def _is_place(ctx: _Ctx, word: str) -> bool:
    """A division or a dictionary place name; the dictionary also tags sea and
    coast words as places (`海洋`/ns), which name industries (`海洋产业`)."""
    return word in ctx.lex.regions or (ctx.words.get(word) == "ns" and word not in _INDUSTRY_MODIFIER)


def _industry_ends_free(ctx: _Ctx, a: int, b: int) -> bool:
    """An industry word at ``a:b`` that is not the head of a longer noun
    (`影视中心`, `人工智能科创机构`) nor part of an ASCII token (`SAI`).

    Words that may follow an industry: suffixes, list glue, `领域`, `发展`, `相关`.
    """
    text = ctx.text
    if b < len(text) and _CJK.match(text[b]) and (text[b] not in "产业等和及与、的为" or text.startswith("产品", b)) \
            and not text.startswith(_INDUSTRY_FOLLOWERS, b):
        return False  # (`高端装备产品`: goods, not the industry)
    return not (a > 0 and text[a - 1].isascii() and text[a - 1].isalnum())


def _industry_start(ctx: _Ctx, s: int, max_len: int = 10, item: bool = False) -> int:
    """Start of an industry name ending at ``s``: back over words until a
    verb of development (`发展`, `聚焦`…), a boundary word or punctuation."""
    text = ctx.text
    if ctx.tokens is not None:
        j = _extend_left_tokens(ctx, s, max_len, _INDUSTRY_BOUNDARY_SET)
        last = ctx.by_end.get(s)
        if j == s and last is not None and _verb_as_head(ctx, last, item):
            # `海洋高技术服务`, `半导体照明产业`: a verb that ends the name is its head noun
            j = _extend_left_tokens(ctx, last[0], max_len - (s - last[0]), _INDUSTRY_BOUNDARY_SET)
            if j == last[0]:  # nothing in front: a bare `服务`, `照明` names no industry
                return s
    else:
        j = s
        while j > 0 and s - j < max_len:
            ch = text[j - 1]
            if (not _CJK.match(ch) and not ch.isalnum()) or ctx.taken[j - 1]:
                break
            if any(text.startswith(w, j - len(w)) for w in _INDUSTRY_BOUNDARY if j - len(w) >= 0) or _boundary_ends_at(ctx, j):
                break
            j -= 1
    # a development verb inside a word the segmenter made (`大力发展`, `做大做强`) ends the name too
    cut = max((k + len(w) for w in _DEVELOPMENT_VERBS if (k := text.rfind(w, j, s)) >= 0), default=j)
    if cut == s and j < s:
        return s  # `2024年优化|产业`: a verb of development right before the suffix leaves no industry's name
    j = cut if cut < s else j
    j = _past_locators(ctx, j, s)
    if text[j:j + 1] in "这那该此" and s - j > 3 and text[j:j + 2] not in ctx.lex.regions:
        j += 1  # `那|大健康产业`: a demonstrative the segmenter glued to the name's first character (`那大`)
    j = _known_over_stop_word(ctx, j, s)
    # prefer a known industry that ends here when the span is longer than it
    known = _longest_known_industry_ending(ctx, j, s)
    if known is not None:
        return known
    return _over_ji(ctx, j, s)


_SUFFIX_AT_END = re.compile(r"(?:产业集群|产业链|产业)$")


def _known_over_stop_word(ctx: _Ctx, j: int, s: int) -> int:
    """Move a name start ``j`` back over a word that stopped it but begins a known industry ending at ``s``
    (its suffix aside): `形成|新一代|信息技术产业` → `新一代信息技术产业` (the dictionary tags `新一代` as a time word)."""
    text = ctx.text
    if ctx.tokens is None:
        return j
    core = (m.start() if (m := _SUFFIX_AT_END.search(text, j, s)) else s)
    if core - j < 2:
        return j  # only a suffix left (`激光显示|产业`): the item rules decide
    for k in range(max(0, j - 4), j):
        if text[k:core] in ctx.lex.industries and ctx.is_token_boundary(k) and not any(ctx.taken[k:j]) and _clean_left(ctx, j, k):
            return k
    return j


# A date in front of a name (`力争2026年|文化产业`, `2011年|…`): the clause's time, never part of an industry.
_DATE_IN_NAME = re.compile(r"(?:[0-9]{2,4}|[今明去前后])年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?")

_COUNTRIES = frozenset(rules.words("foreign_countries")) | {"中国"} | frozenset(rules.words("industry_locator_words"))


def _verb_as_head(ctx: _Ctx, word: tuple[int, int, str | None], item: bool) -> bool:
    """Is the word before a suffix or at an item's end a verb the dictionary tags so but that heads an industry
    name (`照明`, `显示` in `半导体照明产业`, `新型显示`)? Boundary verbs (`服务`, `制造` in items only) and
    development verbs (`发展`, `壮大`) are not."""
    w = ctx.text[word[0]:word[1]]
    if item and w in _HEAD_VERBS:
        return True
    if word[2] not in ("v", "vd") or len(w) < 2 or w in _INDUSTRY_BOUNDARY_SET or any(d in w for d in _DEVELOPMENT_VERBS):
        return False
    before = ctx.by_end.get(word[0])  # a noun before it (`半导体|照明`), not an adverb (`共同|维护`)
    return w in _head_verbs(ctx) or (before is not None and (before[2] or "").startswith("n"))


_HEAD_VERB_CACHE: dict[tuple[int, int], frozenset[str]] = {}


def _head_verbs(ctx: _Ctx) -> frozenset[str]:
    """Last words of known industries that the dictionary tags as verbs (`显示` of `新型显示`, `制造`, `计算`)."""
    key = (id(ctx.lex.industries), id(ctx.words))
    if key not in _HEAD_VERB_CACHE:
        _HEAD_VERB_CACHE[key] = frozenset(ind[-n:] for ind in ctx.lex.industries for n in (2, 3)
                                          if len(ind) > n and ctx.words.get(ind[-n:]) in ("v", "vd"))
    return _HEAD_VERB_CACHE[key]


def _past_locators(ctx: _Ctx, j: int, s: int) -> int:
    """Move a name start ``j`` past a date and past a place or country word that only locates the industry
    (`中国|太阳能热利用产业`, `日本|电子产业`, `推广中国|绿色文化产业`): no industry's name starts with a place, and
    what stands before one is the clause's. At least two characters stay. Only divisions and countries count: the
    dictionary's place words also name industries (`海洋`, `临港高技术服务`)."""
    text = ctx.text
    for m in _DATE_IN_NAME.finditer(text, max(0, j - 4), s):
        if m.end() > j and s - m.end() >= 2:
            j = m.end()
    for k in range(s - 3, j - 1, -1):
        if not ctx.is_token_boundary(k):
            continue
        w = next((text[k:k + n] for n in (4, 3, 2) if k + n <= s - 2 and ctx.is_token_boundary(k + n)
                  and (text[k:k + n] in _COUNTRIES or text[k:k + n] in ctx.lex.regions)), None)
        if w is not None:
            return k + len(w)
    return j


def _clean_left(ctx: _Ctx, end: int, start: int) -> bool:
    """Is ``start:end`` free of boundary words and development verbs (`支持交通物流` is not)?
    Parts of speech are not asked: the dictionary tags nouns of industry names as verbs (`显示`)."""
    text = ctx.text
    return not any(_boundary_ends_at(ctx, k) for k in range(start + 1, end + 1)) \
        and not any(w in text[start:end] for w in _INDUSTRY_BOUNDARY_SET if len(w) > 1)


def _over_ji(ctx: _Ctx, j: int, s: int, joiners: str = "及") -> int:
    """Move a name start ``j`` back over `A及` when `A` and the industry after
    `及` are both known industries: `及` joins them into one name
    (`生物医药及医疗器械`, `生物医药及医疗器械产业园`)."""
    text = ctx.text
    if j < 3 or text[j - 1] not in joiners or text[j - 2] == "以":
        return j
    trie = _tries(ctx.lex)["industries"]
    after = next((trie.longest_at(text, j + len(mod)) for mod in ("",) + _INDUSTRY_MODIFIER
                  if text.startswith(mod, j) and trie.longest_at(text, j + len(mod))), None)
    if not after or j + len(after) > s:
        return j
    for k in range(max(0, j - 9), j - 2):
        a = text[k:j - 1]
        core = next((a[len(mod):] for mod in _INDUSTRY_MODIFIER if a.startswith(mod)), a)
        if (a in ctx.lex.industries or core in ctx.lex.industries) and not any(ctx.taken[k:j - 1]):
            return k
    return j


def _over_shared_head(ctx: _Ctx, j: int, s: int) -> int:
    """Move a name start ``j`` back over `A和` when `A` and the head noun of the industry ``j:s`` make a
    known industry: `新能源和智能网联汽车` is new-energy cars and connected cars, one name
    (`新能源汽车` is known); `集成电路和人工智能` stays two."""
    k = _over_ji(ctx, j, s, "和")
    return k if k < j and _shares_head(ctx, ctx.text[k:j - 1], j, s) else j


def _shares_head(ctx: _Ctx, first: str, j: int, s: int) -> bool:
    """Is ``first`` with the last word of the industry ``j:s`` a known industry (`新能源` + `汽车`)?"""
    return any(first + ctx.text[s - n:s] in ctx.lex.industries for n in (2, 3) if s - n > j)


def _longest_known_industry_ending(ctx: _Ctx, j: int, s: int) -> int | None:
    """Start of the longest known industry ending at ``s`` that starts after ``j`` (None if none does)."""
    industries = ctx.lex.industries
    for k in range(j, s - 1):
        if ctx.text[k:s] in industries and ctx.is_token_boundary(k):  # not inside a word (`光电子|信息`)
            # `家居家电`, `新能源新材料`: two known industries side by side name one (decisions §3)
            m = next((m for m in range(j, k - 1) if ctx.text[m:k] in industries and ctx.is_token_boundary(m)), k)
            return m if m > j else None
    return None


def _list_before(ctx: _Ctx, end: int, max_item: int = 12, split_he: bool = True, split_ji: bool = True) -> list[tuple[int, int]]:
    """Items of an enumeration ending at ``end`` (`A、B、C和D`), right to left.

    Items are separated by `、`; a conjunction separates only the last item
    (`高端化工及新材料` inside the list stays one item; with ``split_ji`` false, the last item too, when a
    count says so: `A、B、绿色食品及饮料加工3个…`). The leftmost item is
    trimmed at a boundary word or verb (`梳理出新一代半导体` → `新一代半导体`).
    """
    text = ctx.text
    items: list[tuple[int, int]] = []
    e = end - 2 if text.startswith("在内", end - 2) else end  # `包括A与B在内的…产业集群`
    first = True
    while e > 0:
        s = e
        while s > 0 and e - s < 40 and text[s - 1] != "、" and (_CJK.match(text[s - 1]) or text[s - 1].isalnum()) and not ctx.taken[s - 1]:
            s -= 1
        segment = (s, e)
        if first:
            if "等" in text[s:e] or _ITEM_TAIL.search(text, s, e) \
                    or (s > 0 and text[s - 1] == "、" and any(w in text[s:e] for w in _DEVELOPMENT_VERBS)):
                return []  # `…等细分领域集聚了一批…产业`, `A、B联合打造X产业集群`: the list is not governed by this suffix
            for conj in (c for c in _CONJ if split_ji or c != "及"):
                k = text.rfind(conj, s, e)
                if k > s:
                    items.append((k + len(conj), e))
                    segment = (s, k)
                    break
            first = False
        ss, se = segment
        if s == 0 or text[s - 1] != "、":  # leftmost item: trim at a boundary
            ss = _industry_start(ctx, se, max_item, item=True)
            if (s == 0 or text[s - 1] in ",。;:!?\n") and s + 2 <= ss - 1 <= s + 6 and text[ss - 1] in "与及" \
                    and _clean_left(ctx, ss - 1, s) and not _generic(text[s:ss - 1], _GENERIC_INDUSTRY):
                ss = s  # `,基因与细胞、类脑智能…`: a clause-initial item joined by 与/及 is one name
            elif segment == (s, e) and ss - 1 > s and text[ss - 1] == "和":
                ss = _over_shared_head(ctx, ss, se)  # `新能源和智能网联汽车、氢能…`
                if not split_he and ss - 1 > s and text[ss - 1] == "和" and _industry_start(ctx, ss - 1, max_item, item=True) < ss - 2:
                    ss = _industry_start(ctx, ss - 1, max_item, item=True)  # `推动空天信息和卫星互联网、…`: one item
        k = text.find("和", ss, se)
        if split_he and segment == (s, e) and ss < k < se - 1 and k - ss >= 2 and not _shares_head(ctx, text[ss:k], k + 1, se):
            # `和` joins two items inside a list (`海洋高端装备和海洋文旅`), not two that share a head noun
            # (`新能源和智能网联汽车`); `及` usually joins the parts of one name (`高端化工及新材料`) and is left alone
            items.append((k + 1, se))
            se = k
        if 2 <= se - ss <= max_item:
            items.append((ss, se))
        if s > 0 and text[s - 1] == "、" and ss == s:
            e = s - 1
            continue
        break
    trimmed = []
    for a, b in items:
        for trim in (_INDUSTRY_FRAME_TAIL, _ITEM_TAIL):
            tail = trim.search(text, a, b)
            if tail and tail.start() > a:
                b = tail.start()
        if text.startswith("以", a) and b - a > 3:
            a += 1
        trimmed.append((a, b))
    items = [(a, b) for a, b in trimmed if b - a >= 2 and not _generic(text[a:b], _GENERIC_INDUSTRY)
             and not _NOT_INDUSTRY_BODY.search(text[a:b]) and text[a:b] not in ctx.lex.regions]
    return sorted(items) if len(items) >= 2 else []


def _list_after(ctx: _Ctx, start: int) -> list[tuple[int, int]]:
    """Items of an enumeration starting at ``start``: `A、B、C等…` (left to right)."""
    text = ctx.text
    items = []
    s = start
    n = len(text)
    while s < n:
        e = s
        while e < n and e - s < 14 and (_CJK.match(text[e]) or text[e].isalnum()) and not text.startswith(("等", "以及", "和", "及"), e):
            e += 1
        if 2 <= e - s <= 14:
            items.append((s, e))
        if e < n and text[e] == "、":
            s = e + 1
            continue
        if text.startswith("及", e) and not text.startswith("以及", e - 1) and items and items[-1] == (s, e) \
                and text[s:e].removeprefix("以") in ctx.lex.industries and _tries(ctx.lex)["industries"].longest_at(text, e + 1):
            # `生物医药及医疗器械`: one name, as in lists before a suffix
            b = e + 1 + len(_tries(ctx.lex)["industries"].longest_at(text, e + 1) or "")
            if b >= n or not _CJK.match(text[b]) or text.startswith(("为", "等", "和", "产业"), b):
                items[-1] = (s, b)
                e = b
        if e < n and text[e] == "、":
            s = e + 1
            continue
        for conj in ("以及", "和", "及"):
            if text.startswith(conj, e):
                s = e + len(conj)
                break
        else:
            break
    return items
