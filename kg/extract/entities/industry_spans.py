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


_GENERIC_INDUSTRY = {
    "重点", "主导", "优势", "新兴", "特色", "相关", "支柱", "传统", "未来", "该", "各", "全", "本", "现代",
    "战略性新兴", "主要", "核心", "上下游", "配套", "优质", "骨干", "全部", "整个", "其他", "多个", "两大", "九大",
    "重点海洋", "千亿级", "新", "高", "老", "大", "小", "区域", "本地", "当地", "地方", "城市", "周边", "我国",
    "全市", "全省", "全区", "国家", "国内", "省", "市", "区", "这些", "一批", "等", "该区", "园区", "整体",
    "高新技术", "规模以上", "中国", "国家首批", "首批", "关联", "产业", "创新", "科技", "互联网", "不靠", "加快",
    "第一", "第二", "第三", "重要", "绿色", "各类", "相应",
    # scope and size words of general news (`国际产业链`, `强大产业链`, `县域富民产业`, `国家战略性产业`)
    "国际", "世界", "地区", "县域", "很多", "一些", "强大", "完整", "畅通", "明星", "富民", "战略性", "国家战略性",
    "战略新兴", "国家级", "省级", "千亿", "百亿", "万亿", "高科技", "全", "上中下游", "乡村特色", "乡村", "具体", "生态",
    "联盟", "县市区", "县市", "政策",
}

# Verbs that end an industry name on its left (`发展集成电路产业`).
_INDUSTRY_BOUNDARY = (
    "发展", "打造", "构建", "壮大", "推动", "培育", "延伸", "嵌入", "做强", "做大", "做优", "布局", "引领", "带动",
    "完善", "提升", "聚焦", "围绕", "主攻", "突破", "抢占", "瞄准", "助推", "促进", "加快", "加速", "集聚", "形成",
    "建设", "建立", "拓展", "强化", "深耕", "涵盖", "覆盖", "涉及", "包括", "补齐", "锻造", "引进", "招引", "服务",
    "支持", "融入", "实现", "推进", "聚力", "发力", "开展", "成为", "作为", "拥有", "培养", "重点", "主导", "优势",
)

_INDUSTRY_BOUNDARY_SET = frozenset(_INDUSTRY_BOUNDARY) | {"梳理", "优选", "确定", "明确", "提出", "形成", "围绕", "包括"}

# Governing words that end a list item (`以A为核心、B为支撑的…`).
_ITEM_TAIL = re.compile(r"为(?:核心|支撑|保障|引领|主导|重点|主体|龙头|特色|基础|主|代表)的?$|等(?:传统|未来|新兴|战略性新兴)?$")

_ITEM_COUNT_TAIL = re.compile(r"[0-9一二两三四五六七八九十]+大.*$|等.*$")

# Not an industry name: amounts, function words inside (`科研院所科技成果向`), verbs of
# organizing (`内设`), counts (`两大`, `一楼一`) and abstract heads (`结构`, `底座`).
_NOT_INDUSTRY_BODY = re.compile(r"[0-9]+[亿万]|最|全球|[的等新]$|^[的等]|[为向把被从对将暨]|内设|结构|底座|千亿级|"
                                r"[0-9一二两三四五六七八九十]+[大个]|一[楼区园镇村]一|生产$|研发制造$|"
                                # qualities, layers, capacities and roles (`原创性`, `基础层`, `带动力`, `金融中心`)
                                r"性$|层$|(?:带动|生产|能|实|活|竞争|影响|创新|驱动|吸引|凝聚)力$|中心$|能否|可靠|自强|"
                                # policy actions (`超前布局`, `积极发展新兴产业`, `传统产业转型升级`)
                                r"^(?:积极|超前|全面|较|具有|推进|深化|促进|推动|加快|加强|着力|大力|壮大|构建|培育|做大|做强|做优|"
                                r"打造|升级|谋划|赋能|助力|引领|带动|完善|延伸)|转型升级|高质量发展|一体建设|"
                                r"(?:场景|环境|体系|机制|模式|格局|全|机构|发展)$|"
                                # directions of change (`高端化、智能化、绿色化`), not industries (`影视文化` is one)
                                r"(?:智能|绿色|高端|数字|信息|网络|国际|现代|市场|低碳|服务|集约|规模|标准|品牌|融合|链条|集群|智慧|"
                                r"精细|特色|专业|法治|便利|自由|工业|城镇|产业|一体)化$")

# Trailing words that frame an industry rather than name it (`海洋经济发展主题`, `…为特色方向`).
_INDUSTRY_FRAME_TAIL = re.compile(r"(?:为(?:核心|支撑|引领|主导|重点|主体|龙头|特色|基础|主|代表))?(?:的)?(?:发展|生长)?(?:主题|方向)$")

# Last words that make a phrase an industry (`智能装备`, `先进材料`).
_INDUSTRY_HEADS = ("装备", "制造", "材料", "能源", "医药", "家电", "家居", "汽车", "芯片", "电子", "信息", "软件", "通信",
                   "机器人", "传感器", "显示", "器械", "物流", "金融", "服务业", "制造业", "产业")

# Heads that make a modifier phrase a process, not an industry (`绿色转型`, `数字治理`).
_NOT_INDUSTRY_HEADS = ("转型", "发展", "治理", "改造", "升级", "建设", "应用", "场景", "技术", "平台", "生活", "社会", "政府")

# Domain modifiers that form one industry with a known industry after them (`海洋数字经济`).
_INDUSTRY_MODIFIER = ("海洋", "海上", "涉海", "智能", "智慧", "数字", "绿色", "低碳", "新一代", "下一代", "新型", "高端")

# Boundary verbs that are also the head noun of an industry when they end it (`海洋高技术服务`).
_HEAD_VERBS = frozenset({"服务", "制造"})

# Verbs that end an industry name on its left wherever they stand in a word (`大力发展`, `做大做强`).
_DEVELOPMENT_VERBS = ("发展", "壮大", "做强", "做大", "做优", "升级", "谋划", "赋能", "助力", "培育", "打造", "推动", "推进",
                      "促进", "带动", "引领", "加快", "聚焦", "围绕", "布局", "构建", "延伸", "完善")

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
    if b < len(text) and _CJK.match(text[b]) and text[b] not in "产业等和及与、的为" \
            and not text.startswith(("领域", "方面", "技术", "发展", "生长", "相关", "行业", "赛道"), b):
        return False
    return not (a > 0 and text[a - 1].isascii() and text[a - 1].isalnum())


def _industry_start(ctx: _Ctx, s: int, max_len: int = 10, item: bool = False) -> int:
    """Start of an industry name ending at ``s``: back over words until a
    verb of development (`发展`, `聚焦`…), a boundary word or punctuation."""
    text = ctx.text
    if ctx.tokens is not None:
        j = _extend_left_tokens(ctx, s, max_len, _INDUSTRY_BOUNDARY_SET)
        last = ctx.by_end.get(s)
        if item and j == s and last is not None and text[last[0]:s] in _HEAD_VERBS:
            # `海洋高技术服务`: a verb of the boundary list that ends the item is its head noun
            j = _extend_left_tokens(ctx, last[0], max_len - (s - last[0]), _INDUSTRY_BOUNDARY_SET)
            if j == last[0]:  # nothing in front: a bare `服务` names no industry
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
    j = cut if cut < s else j
    # prefer a known industry that ends here when the span is longer than it
    known = _longest_known_industry_ending(ctx, j, s)
    if known is not None:
        return known
    return _over_ji(ctx, j, s)


def _clean_left(ctx: _Ctx, end: int, start: int) -> bool:
    """Is ``start:end`` free of boundary words and development verbs (`支持交通物流` is not)?
    Parts of speech are not asked: the dictionary tags nouns of industry names as verbs (`显示`)."""
    text = ctx.text
    return not any(_boundary_ends_at(ctx, k) for k in range(start + 1, end + 1)) \
        and not any(w in text[start:end] for w in _INDUSTRY_BOUNDARY_SET)


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


def _longest_known_industry_ending(ctx: _Ctx, j: int, s: int) -> int | None:
    industries = ctx.lex.industries
    for k in range(j, s - 1):
        if ctx.text[k:s] in industries:
            return k if k > j else None
    return None


def _list_before(ctx: _Ctx, end: int, max_item: int = 12) -> list[tuple[int, int]]:
    """Items of an enumeration ending at ``end`` (`A、B、C和D`), right to left.

    Items are separated by `、`; a conjunction separates only the last item
    (`高端化工及新材料` inside the list stays one item). The leftmost item is
    trimmed at a boundary word or verb (`梳理出新一代半导体` → `新一代半导体`).
    """
    text = ctx.text
    items: list[tuple[int, int]] = []
    e = end
    first = True
    while e > 0:
        s = e
        while s > 0 and e - s < 40 and text[s - 1] != "、" and (_CJK.match(text[s - 1]) or text[s - 1].isalnum()) and not ctx.taken[s - 1]:
            s -= 1
        segment = (s, e)
        if first:
            if "等" in text[s:e] or _ITEM_TAIL.search(text, s, e):
                return []  # `…等细分领域集聚了一批…产业`: the list is not governed by this suffix
            for conj in _CONJ:
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
        k = text.find("和", ss, se)
        if segment == (s, e) and ss < k < se - 1 and k - ss >= 2:
            # `和` joins two items inside a list (`海洋高端装备和海洋文旅`); `及` usually
            # joins the parts of one name (`高端化工及新材料`) and is left alone
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
