"""Industries (INDUSTRY): ``X产业链``/``X产业`` phrases, enumerations governed by one suffix
(``A、B、C等九大产业链`` → A, B, C), lists after focus triggers (``聚焦``, ``重点发展``), lists of
fields (``A、B等领域``) and known industries in clauses about industries.

Where an item starts and ends is :mod:`.industry_spans`'s job; this module says which phrases are
lists or names of industries.

>>> from kg.kb.lexicons import Lexicons
>>> text = "聚焦海洋生物医药、海洋新材料、智能制造等产业。"
>>> sorted({m.text for m in _industries(_Ctx(text, Lexicons.load(), None, [False] * len(text)))})
['智能制造', '海洋新材料', '海洋生物医药']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.entities.context import _CJK, Mention, _boundary_ends_at, _Ctx, _generic, _tries
from kg.extract.entities.industry_spans import (_GENERIC_INDUSTRY, _INDUSTRY_MODIFIER, _NOT_INDUSTRY_BODY,
                                                _NOT_INDUSTRY_HEADS, _industry_ends_free, _industry_item,
                                                _industry_shaped, _industry_start, _is_place, _known_industry,
                                                _list_after, _list_before, _verb_as_head)
from kg.kb import rules


# `产业` followed by these is part of another word (`产业资源`, `产业园`), not a suffix.
_NOT_AFTER_INDUSTRY = rf"(?!{rules.pattern('industry_compound_tails')})"
# Words after `X产业` that still speak of the industry X (`X产业发展`, `X产业规模`): the phrase rule checks X.
_ATTRIBUTE_TAILS = rules.words("industry_attribute_tails")
_ATTRIBUTE_AFTER = re.compile("|".join(_ATTRIBUTE_TAILS))
# The same for a single phrase, where `X产业规模` may still name the industry X.
_NOT_AFTER_INDUSTRY_PHRASE = rf"(?!{'|'.join(t for t in rules.words('industry_compound_tails') if t not in _ATTRIBUTE_TAILS)})"

# Companies as the subject of a list of fields: their own business lines (guidelines: not INDUSTRY).
_COMPANY_LINES = re.compile(rf"企业[^。!?;,]{{0,12}}?(?:{rules.alternation('firm_scope_verbs')})$")

# Words that make a clause about industries: only there are lexicon industries taken.
_INDUSTRY_CUE = re.compile(rules.alternation("industry_cue_words"))

# A clause: the text between two punctuation marks.
_CLAUSE = re.compile(r"[^。!?;,:\n]+")

# Fields named for what is done in them together or by whom (`等领域合作`, `等行业跨国企业负责人`), not
# industries a region develops.
_NOT_DEVELOPED_AFTER = re.compile(rf"(?:的|中的)?(?:{rules.alternation('cooperation_qualifiers')})?"
                                  rf"(?:{rules.alternation('cooperation_words')})|[\u4e00-\u9fff]{{0,4}}(?:企业|公司|厂商)")

# Markets, demand and products after a list (`钢铁、建材、家电等市场需求`, `锂电池等产品出口`, `光伏产品`), and
# technologies used (`依托AI、区块链等技术`, `等高新技术`): goods sold and tools, not industries developed.
_MARKET_AFTER = re.compile(rf"等?(?:产品|商品)?(?:的)?(?:{rules.alternation('market_words')})|等?(?:产品|商品)|"
                           r"等[\u4e00-\u9fff]{0,2}技术(?!产业)")

# A product's uses after a list of fields (`等领域的全面应用`).
_APPLICATION = re.compile(rf"(?:的|中的|内的)?[\u4e00-\u9fff]{{0,6}}?(?:{rules.alternation('application_qualifiers')})?"
                          r"(?:应用|使用)")

# Verbs that introduce a firm's business lines.
_LINES_VERB = re.compile(rf"(?:{rules.pattern('business_line_verbs')})$")

# The suffix of an industry phrase, taken off to see whether the rest is generic.
_INDUSTRY_SUFFIX_RE = re.compile(r"(?:产业集群|产业链条|产业链|产业)$")

# Focus triggers: the list after one names industries (`聚焦A、B、C`), tried in this order.
_FOCUS_TRIGGERS = rules.words("focus_triggers")

# Class words of a list head (`重点`, `九大…新兴`), as an alternation.
_CLASS_MODIFIERS = rules.alternation("industry_class_modifiers")

# What precedes the head of a list (`等重点…产业链`, `九大…产业`).
_LIST_HEAD_BEFORE = re.compile(rf"(?:等|[0-9一二两三四五六七八九十]+大)(?:{_CLASS_MODIFIERS})*$")

# A typology in front of a sector (`融合型`, `资源型`; `新型` is part of names such as `新型显示`).
_TYPE_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{2}型")

# Suffixes that make a focus-list item an industry even when the lexicons do not know it.
_INDUSTRY_LIST_SUFFIX = ("产业集群", "产业链条", "产业链", "产业领域", "产业")

_QUOTED = r"(?:\"[^\"“”]{1,8}\"|“[^”]{1,8}”)?"  # `“6+1”`, before or after the modifiers
# The head of a list governed by one suffix: `(A、B和C)等九大重点产业链`, `(A、B及C)3个新的万亿级产业集群`.
_LIST_SUFFIXES = rules.words("industry_list_suffixes")
_SUFFIX_LIST_HEAD = re.compile(rf"(?:等|的)?{_QUOTED}(?:[0-9一二两三四五六七八九十]+[大个](?:新的?)?)?(?:{_CLASS_MODIFIERS})*{_QUOTED}"
                               rf"(?:海洋)?(?:{rules.alternation('industry_list_suffixes')}){_NOT_AFTER_INDUSTRY_PHRASE}")
# The rest of a phrase made of a list: `(A、B、C)为主的…产业链条体系`; not `…产业园区`, a park.
_MAIN_ITEMS_PHRASE = re.compile(rf"为(?:主|核心|重点|主导)的[\u4e00-\u9fff]{{0,10}}?"
                                rf"(?:{rules.alternation('list_phrase_suffixes')}){_NOT_AFTER_INDUSTRY}")
# The head of a list of fields: `(A、B、C)等(行业)?(细分)?领域`.
_FIELDS_HEAD = re.compile(rf"等(?:[0-9一二两三四五六七八九十]+个)?(?:{rules.alternation('field_modifiers')})*(?:领域|行业)")
# The suffix of a single industry phrase: `海洋生物医药产业链`.
_INDUSTRY_PHRASE_SUFFIX = re.compile(r"(?:产业集群|产业链条|产业链|产业)" + _NOT_AFTER_INDUSTRY_PHRASE)


def _company_lines(ctx: _Ctx, list_start: int) -> bool:
    """Is the list the business of a company named earlier in its sentence?
    (`北京某某科技集团股份有限公司成立于1993年,覆盖种业、…等领域`)"""
    text = ctx.text
    verb = _LINES_VERB.search(text, max(0, list_start - 8), list_start)
    if not verb:
        return False
    sentence = max(text.rfind(c, 0, verb.start()) for c in "。!?;\n") + 1
    subjects = [m for m in ctx.found if sentence <= m.start < verb.start() and m.type in ("COMPANY", "PARK", "ORG")]
    return bool(subjects) and subjects[0].type == "COMPANY"


def _list_of_industries(ctx: _Ctx, ss: int, se: int) -> bool:
    """Are at least half the items of the `、` list in the clause ``ss:se`` known industries?
    `在教育、医疗、商贸、环保等细分领域` is a list of fields: one known word in it (`商贸`)
    does not make it a list of industries."""
    pieces = ctx.text[ss:se].split("、")
    if len(pieces) < 2:
        return False
    industries = ctx.lex.industries
    trie = _tries(ctx.lex)["industries"]
    # the first piece may start with other words (`在教育`), the last go on (`环保等细分领域`)
    marks = [any(pieces[0][i:] in industries for i in range(len(pieces[0]) - 1)),
             *(p in industries for p in pieces[1:-1]),
             bool(pieces[-1]) and bool(trie.longest_at(pieces[-1], 0))]
    return 2 * sum(marks) >= len(pieces)


def _known_list_head(ctx: _Ctx, end: int) -> tuple[int, int] | None:
    """A known industry after `等` that closes a list ending at ``end`` and its clause."""
    text = ctx.text
    if not text.startswith("等", end):
        return None
    head = _tries(ctx.lex)["industries"].longest_at(text, end + 1) if end + 1 < len(text) else None
    if not head:
        return None
    b = end + 1 + len(head)
    return (end + 1, b) if b >= len(text) or text[b] in ",。;!?\n" else None


def _industries(ctx: _Ctx) -> list[Mention]:
    """The INDUSTRY candidates of the text, step by step (in this order: ties in resolution keep it)."""
    governed = _suffix_governed_lists(ctx)
    last_items = {(m.start, m.end) for m in governed}
    # `电子信息、生物医药产业`: the last item of a list under one suffix is a mention without it (guidelines span rules)
    others = [m for m in _focus_lists(ctx) + _main_item_lists(ctx) + _field_lists(ctx) + _clause_terms(ctx) + _suffix_phrases(ctx)
              if not any(a == m.start and b < m.end and _INDUSTRY_SUFFIX_RE.fullmatch(ctx.text, b, m.end) for a, b in last_items)]
    found = governed + others + _known_lists(ctx) + _sector_words(ctx)
    # classes of industries the lexicon keeps as parents (`战略性新兴产业`, `未来产业`) are no industry (decisions §3)
    found = [m for m in found if not _generic(_INDUSTRY_SUFFIX_RE.sub("", m.text), _GENERIC_INDUSTRY)]
    return found + _coordinated(ctx, found)


def _coordinated(ctx: _Ctx, found: list[Mention]) -> list[Mention]:
    """A known industry joined by `与`/`和`/`及` to an industry found (`推动数字经济与先进制造业…深度融合`) is one too."""
    text = ctx.text
    trie = _tries(ctx.lex)["industries"]
    out: list[Mention] = []
    for m in found:
        if m.start > 2 and text[m.start - 1] in "与和及":
            k = next((k for k in range(max(0, m.start - 11), m.start - 2) if text[k:m.start - 1] in ctx.lex.industries
                      and ctx.is_token_boundary(k) and not any(ctx.taken[k:m.start - 1])), None)
            if k is not None:
                out.append(Mention(k, m.start - 1, "INDUSTRY", text[k:m.start - 1], "industry:lexicon"))
        if m.end + 2 < len(text) and text[m.end] in "与和及" and (w := trie.longest_at(text, m.end + 1)) \
                and ctx.is_token_boundary(m.end + 1 + len(w)) and not any(ctx.taken[m.end + 1:m.end + 1 + len(w)]):
            out.append(Mention(m.end + 1, m.end + 1 + len(w), "INDUSTRY", w, "industry:lexicon"))
    return [m for m in out if not _generic(_INDUSTRY_SUFFIX_RE.sub("", m.text), _GENERIC_INDUSTRY)]


def _used_or_owned(ctx: _Ctx, list_start: int, start: int, end: int) -> bool:
    """Is the list (from ``list_start``; its industries ``start:end``) a company's own lines, fields a product is used in, or technologies a
    thing combines (`融合云计算、工业机器人`) rather than industries of a place?"""
    text = ctx.text
    head = _FIELDS_HEAD.match(text, end)
    after = head.end() if head else end
    return bool(any(_COMPANY_LINES.search(text, max(0, k - 24), k) or _company_lines(ctx, k) for k in {list_start, start})
                or _APPLICATION.match(text, after) or _NOT_DEVELOPED_AFTER.match(text, after) or _MARKET_AFTER.match(text, after)
                or any(_TECHNOLOGY_VERB.search(text, max(0, k - 4), k) or _TRADE_VERB.search(text, max(0, k - 3), k) for k in {list_start, start})
                or _about_firms(ctx, list_start))


def _about_firms(ctx: _Ctx, k: int) -> bool:
    """Does the sentence before ``k`` speak of firms (`会员企业已超千家,涵盖…`, a company named first)?"""
    text = ctx.text
    sentence = max(text.rfind(c, 0, k) for c in "。!?;\n") + 1
    return "企业" in text[sentence:k] or any(sentence <= m.start < k and m.type == "COMPANY" for m in ctx.found)


# Verbs of trade before a list of goods (`出口汽车、手机、风力发电机组`): goods shipped, not industries.
_TRADE_VERB = re.compile(r"(?:出口|进口|进出口|外销)$")

# Verbs before a list of technologies a thing uses (`融合云计算、工业机器人`), not industries.
_TECHNOLOGY_VERB = re.compile(rf"(?:{rules.alternation('technology_verbs')})$")

# An enumeration: items of 2–12 characters joined by `、`, the last perhaps after `和/及/与`.
_ITEM_MAX = 12  # the longest item of a list
_LIST_ITEM = rf"[\u4e00-\u9fffA-Za-z0-9]{{2,{_ITEM_MAX}}}"
_ENUMERATION = re.compile(rf"{_LIST_ITEM}(?:、{_LIST_ITEM})+(?:[和及与]{_LIST_ITEM})?")


_ITEM_SEPARATOR = re.compile(r"(、|[和及与](?=[^、]*$))")


def _known_lists(ctx: _Ctx) -> list[Mention]:
    """`重视物联网、大数据、人工智能发展`, `煤化工、水泥、造纸等主要传统行业`: in a list whose items are
    mostly industries of the lexicon, each of them is an industry, whatever the clause says of them.
    The first item may carry the clause's verb before it and the last a word after it (the longest
    known industry at the list's edge is taken)."""
    text = ctx.text
    known = ctx.lex.industries
    trie = _tries(ctx.lex)["industries"]
    out: list[Mention] = []
    for m in _enumerations(text):
        items, pos = [], m.start()
        for part in _ITEM_SEPARATOR.split(m.group()):
            if part in ("、", "和", "及", "与"):
                pos += 1
                continue
            items.append((pos, pos + len(part)))
            pos += len(part)
        found = []
        for k, (a, b) in enumerate(items):
            rank = next((w for w in _RANK_WORDS if text.startswith(w, a) and text[a + len(w):b] in known), "")
            if text[a:b] in known or rank:  # `特色农业`: the status word stays out of the mention (农业)
                found.append((a + len(rank), b))
            elif k == 0:  # `重视|物联网`: the longest known industry ending the first item
                start = next((j for j in range(a, b - 1) if text[j:b] in known), None)
                if start is not None:
                    found.append((start, b))
            elif k == len(items) - 1:  # `人工智能|发展`
                head = trie.longest_at(text, a)
                more = trie.longest_at(text, a + len(head)) if head else None
                if more and a + len(head) + len(more) <= b and ctx.is_token_boundary(a + len(head) + len(more)):
                    head += more  # `光伏新能源`: two known industries side by side name one (decisions §3)
                if head and ctx.is_token_boundary(a + len(head)):  # not `风力发电|机组`: a known industry ending inside a word
                    found.append((a, a + len(head)))
        if len(found) >= 2 and len(found) * 2 > len(items) and not _used_or_owned(ctx, m.start(), found[0][0], found[-1][1]) \
                and _speaks_of_industries(text, m.start(), m.end()):
            out.extend(Mention(a, b, "INDUSTRY", text[a:b], "industry:known-list") for a, b in found)
    return out


# Words that make a sentence speak of industries or of developing them (`产业`, `领域`, `发展`, `培育`).
_LIST_SENTENCE_CUE = re.compile(rules.alternation("industry_list_sentence_cues"))


def _speaks_of_industries(text: str, start: int, end: int) -> bool:
    """Does the sentence of the list ``start:end``, up to the end of the list's clause, speak of industries, fields or
    their development? A list of known words in a sentence that does not (`买家具、家电`, `进口食品、机械设备及汽车`,
    `能源、粮食等多重挑战叠加,…推动国际合作`, `化工、建材、钢铁等…能耗下降`) names goods, challenges or statistics' sectors,
    not industries a region develops."""
    left = max(text.rfind(c, 0, start) for c in "。!?;\n") + 1
    right = min((k for k in (text.find(c, end) for c in ",。!?;:\n") if k >= 0), default=len(text))
    return bool(_LIST_SENTENCE_CUE.search(text, left, right))


def _enumerations(text: str) -> Iterator[re.Match[str]]:
    """``_ENUMERATION.finditer(text)``, searched only from ``_ITEM_MAX`` characters before each `、` (a list has
    one right after its first item): the same matches without trying every position of the text."""
    pos = 0
    while (sep := text.find("、", pos)) >= 0 and (m := _ENUMERATION.search(text, max(pos, sep - _ITEM_MAX))) is not None:
        yield m
        pos = m.end()


def _suffix_governed_lists(ctx: _Ctx) -> list[Mention]:
    """The items of lists governed by one suffix: `A、B和C等九大重点产业链` → A, B, C; and of lists that a known
    industry heads after `等` (`发展A、B、C等先进制造业`, `A和B等6个先进制造业集群`): their items are industries too."""
    # every head of a list governed by a suffix ends with one of the suffixes (most texts have none)
    governed = _items_of_lists_before(ctx, _SUFFIX_LIST_HEAD) if any(s in ctx.text for s in _LIST_SUFFIXES) else []
    return governed + _lists_under_a_known_industry(ctx)


# `等` and a count or class words before a known industry that heads a list (`等6个先进制造业集群`).
_KNOWN_HEAD_LEAD = re.compile(rf"等(?:[0-9一二两三四五六七八九十]+[大个类条])?(?:{_CLASS_MODIFIERS})*")


def _lists_under_a_known_industry(ctx: _Ctx) -> list[Mention]:
    """`进一步发展新能源装备、高端输变电、新型农牧机械等先进制造业` → the three items: a known industry after `等`
    names the class its items belong to. Not a company's lines, uses, goods or cooperation (see :func:`_used_or_owned`)."""
    text = ctx.text
    trie = _tries(ctx.lex)["industries"]
    out: list[Mention] = []
    for m in _KNOWN_HEAD_LEAD.finditer(text):
        head = trie.longest_at(text, m.end()) if m.end() < len(text) else None
        if not head or _generic(_INDUSTRY_SUFFIX_RE.sub("", head), _GENERIC_INDUSTRY):
            continue
        b = m.end() + len(head)
        b += 3 if text.startswith("制造业", b) else len(re.match(r"(?:产业集群|产业链|产业|集群)?", text[b:]).group())
        b += 2 if text.startswith("体系", b) else 0  # `等新能源装备制造业体系`: the sector and its system name the class
        if not (b >= len(text) or text[b] in ",。;!?、\n" or _industry_ends_free(ctx, m.end(), b)):
            continue  # `等新能源汽车企业`: the head of a longer noun
        spans = [sp for s, e in _list_before(ctx, m.start()) if (sp := _industry_item(ctx, s, e))]
        if 2 * sum(_known_industry(ctx, text[a:e]) or _industry_shaped(text[a:e]) for a, e in spans) < len(spans):
            continue  # `天润曲轴、中航黑豹等汽车…企业`: names, not industries
        if spans and not _used_or_owned(ctx, spans[0][0], spans[0][0], spans[-1][1]) and not _APPLICATION.match(text, b) \
                and not _NOT_DEVELOPED_AFTER.match(text, b):
            out.extend(Mention(a, e, "INDUSTRY", text[a:e], "industry:list") for a, e in spans)
    return out


def _items_of_lists_before(ctx: _Ctx, head: re.Pattern[str]) -> list[Mention]:
    """The industry items of every list that ends where ``head`` matches."""
    text = ctx.text
    out: list[Mention] = []
    for m in head.finditer(text):
        raw = _list_before(ctx, m.start())
        spans = [sp for s, e in raw if (sp := _industry_item(ctx, s, e))]
        count = _count_of(m.group())
        if count and len(spans) != count:  # `空天信息和卫星互联网、…、绿色能源6个细分产业`, `A、B、绿色食品及饮料加工3个…产业集群`:
            for he, ji in ((False, True), (True, False), (False, False)):  # the count keeps `X和Y`, `X及Y` one item
                whole = [sp for s, e in _list_before(ctx, m.start(), split_he=he, split_ji=ji) if (sp := _industry_item(ctx, s, e))]
                if len(whole) == count:
                    spans = whole
                    break
        if len(spans) >= 2 and (tail := _INDUSTRY_SUFFIX_RE.search(text, *spans[-1])) and tail.start() - spans[-1][0] >= 2 \
                and not any(_INDUSTRY_SUFFIX_RE.search(text[a:b]) for a, b in spans[:-1]):
            spans[-1] = (spans[-1][0], tail.start())  # `A、B、C产业集群等五大…`: the last item's suffix governs the list
        named = sum(_known_industry(ctx, text[a:b]) or _industry_shaped(text[a:b]) for a, b in spans)
        bare = m.group() in _INDUSTRY_LIST_SUFFIX  # `A、B产业`: every item must name an industry; before `集聚`, most
        if bare and (len(spans) < 2 or any(_INDUSTRY_SUFFIX_RE.search(text[a:b]) for a, b in spans[:-1]) or "的" in text[spans[0][0]:spans[-1][0]]):
            continue  # `X的新材料产业`, `新材料产业和新能源汽车产业`, `伊犁的现代农业、和田的纺织服装产业`: phrases of their own
        if (bare and (named < len(spans) or len(spans) < len(raw))) or (_ATTRIBUTE_AFTER.match(text, m.end()) and 2 * named < len(spans)):
            continue  # `花期短、品种少是制约…产业`: with no `等` or count, or before `集聚`, `发展`, only a list of mostly industries
        if m.group().startswith("的") and not count and 2 * named < len(spans):
            continue  # `作为经济增长和就业收入基本依托的传统产业`: what the class is to, not its items
        out.extend(Mention(a, b, "INDUSTRY", text[a:b], "industry:list") for a, b in spans)
    return out


_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"两": 2}


def _count_of(head: str) -> int | None:
    """The number a list head gives its items (`6个`, `九大`, `十二大`), if any."""
    m = re.search(r"([0-9]+|[一二两三四五六七八九十]+)[大个条类]", head)
    if not m:
        return None
    n = m.group(1)
    if n.isdigit():
        return int(n)
    if "十" not in n:
        return _NUMERALS.get(n) if len(n) == 1 else None
    tens, _, ones = n.partition("十")
    return (_NUMERALS.get(tens, 0) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)


# each focus trigger with the copula or `的` it may take (`聚焦为`), compiled once
_TRIGGER_LEADS = tuple(re.compile(re.escape(trig) + r"(?:[为是::]|的)?") for trig in _FOCUS_TRIGGERS)


def _focus_lists(ctx: _Ctx) -> list[Mention]:
    """The items of lists after a focus trigger (`聚焦A、B、C`) that are industries, and a known
    industry after `等` that heads such a list (`大力发展芯片、面板、5G等数字经济`)."""
    text = ctx.text
    out: list[Mention] = []
    for lead in _TRIGGER_LEADS:
        for m in lead.finditer(text):
            items = _list_after(ctx, m.end())
            head = _known_list_head(ctx, items[-1][1]) if len(items) >= 2 else None
            if head:  # an industry heads the list: its items are industries
                out.append(Mention(head[0], head[1], "INDUSTRY", text[head[0]:head[1]], "industry:focus"))
            for s, e in items:
                span = _industry_item(ctx, s, e)
                if not span:
                    continue
                s, e = span
                body = text[s:e]
                prefix = _tries(ctx.lex)["industries"].longest_at(body, 0)
                if head or body in ctx.lex.industries or body.endswith(_INDUSTRY_LIST_SUFFIX) \
                        or (prefix and not _generic(_INDUSTRY_SUFFIX_RE.sub("", prefix), _GENERIC_INDUSTRY)):
                    # (`未来产业成型起势`: a class of industries and its predicate, not `人工智能芯片`)
                    out.append(Mention(s, e, "INDUSTRY", body, "industry:focus"))
    return out


def _main_item_lists(ctx: _Ctx) -> list[Mention]:
    """The items of a list a phrase is made of: `A、B、C为主的…产业链条体系` → A, B, C."""
    return _items_of_lists_before(ctx, _MAIN_ITEMS_PHRASE)


_USED_IN_AT_END = re.compile(r"(?:应用|运用|用)[在于]$")


def _field_lists(ctx: _Ctx) -> list[Mention]:
    """The industries among the items of `A、B、C等(行业)?(细分)?领域`: known ones, all of them after a
    focus trigger, and industry-shaped ones in a list of mostly known industries."""
    text = ctx.text
    out: list[Mention] = []
    for m in _FIELDS_HEAD.finditer(text):
        items = _list_before(ctx, m.start())
        if items and (_COMPANY_LINES.search(text, max(0, items[0][0] - 24), items[0][0]) or _company_lines(ctx, items[0][0])):
            continue  # `来访企业覆盖农业科技、新材料等领域`: the firms' own lines, not a region's industries
        if _APPLICATION.match(text, m.end()) or _NOT_DEVELOPED_AFTER.match(text, m.end()) \
                or (items and _USED_IN_AT_END.search(text[max(0, items[0][0] - 4):items[0][0]])):
            continue  # `在医药、食品等领域的全面应用`, `…等领域合作`, `…等行业跨国企业`: uses, cooperation, firms' lines
        closed_focus = any(text.rfind(t, max(0, (items[0][0] if items else m.start()) - 8), items[0][0] if items else m.start()) >= 0
                           for t in _FOCUS_TRIGGERS) if items else False
        spans = [sp for s, e in items if (sp := _industry_item(ctx, s, e))]
        known = [len(text[a:b]) >= 3 and _known_industry(ctx, text[a:b]) for a, b in spans]
        mostly_known = 2 * sum(known) >= len(spans) > 0
        for (a, b), is_known in zip(spans, known):
            word = text[a:b]
            if closed_focus or is_known or (mostly_known and _industry_shaped(word)):
                out.append(Mention(a, b, "INDUSTRY", word, "industry:list"))
    return out


_ASPECT_AT_END = re.compile(r"方面$|在[^、]{2,12}领域$")


def _clause_terms(ctx: _Ctx) -> list[Mention]:
    """Known industries in a clause about industries (`在海洋数字经济方面,蓝谷规划了…产业链`), with a
    domain modifier in front (`海洋` + `数字经济`); short sector words only in lists of industries."""
    text = ctx.text
    out: list[Mention] = []
    trie = _tries(ctx.lex)["industries"]
    for clause in _CLAUSE.finditer(text):
        ss, se = clause.span()
        cued = bool(_INDUSTRY_CUE.search(text, ss, se) or _ASPECT_AT_END.search(text[ss:se]))
        if not cued and not _PROMOTE.search(text, ss, se):
            continue
        for i, term in trie.finditer(text[ss:se]):
            a, b = ss + i, ss + i + len(term)
            if not cued and not (text.startswith("发展", b) and _PROMOTE.search(text, ss, a) and term not in _WAYS_OF_DEVELOPING):
                continue  # with no word of industry, only `推动X发展`: a known field whose growth is pushed
            mod = next((w for w in _INDUSTRY_MODIFIER if text.startswith(w, a - len(w)) and a - len(w) >= ss), None)
            if mod:
                a -= len(mod)
                term = mod + term
            elif a > ss and _CJK.match(text[a - 1]) and text[a - 1] not in "、和及与等的在为以从向对" and not _boundary_ends_at(ctx, a):
                continue  # the end of a longer word (`功效食品`, `越疆机械人`)
            if not _industry_ends_free(ctx, a, b):
                continue  # inside a longer word (`人工智能科创机构`) or an ASCII token (`SAI`)
            in_list = (a > 0 and text[a - 1] in "、") or (b < len(text) and text[b] in "、")
            framed = text.startswith("以", a - 1) and text.startswith("为", b)  # `以超算为主要产业方向`
            if len(term) <= 2 and not framed and not text.startswith("产业", b) \
                    and not (in_list and _list_of_industries(ctx, ss, se)):
                continue  # short sector words (`体育`, `能源`) only in lists of industries, framed or before 产业
            if _generic(_INDUSTRY_SUFFIX_RE.sub("", term), _GENERIC_INDUSTRY) or _list_not_developed(ctx, b):
                continue  # `战略性新兴产业`, `未来产业`: classes of industries; `…等领域合作`: fields of cooperation
            out.append(Mention(a, b, "INDUSTRY", term, "industry:lexicon"))
    return out


# Known fields that before `发展` say how a place develops, not what (`推进绿色低碳发展`: a way of developing,
# as the 新发展理念's 绿色 is); `绿色低碳产业` stays an industry.
_WAYS_OF_DEVELOPING = frozenset({"绿色低碳", "绿色", "低碳"})

# Verbs of promoting a field's growth (`推动X发展`).
_PROMOTE = re.compile(rules.alternation("industry_promote_verbs"))


# The rest of a list after one item, up to its `等`.
_REST_OF_LIST = re.compile(r"(?:[、和及与][^,。;:、等\n]{1,12})*等")


def _list_not_developed(ctx: _Ctx, b: int) -> bool:
    """Does the list that goes on at ``b`` end in fields of use, goods or exhibits (`…、先进制造等展区`) rather than
    industries? (Fields of cooperation, `新能源、数字经济等新兴领域合作`, are industries the parties develop.)"""
    text = ctx.text
    m = _REST_OF_LIST.match(text, b)
    if not m:
        return False
    head = _FIELDS_HEAD.match(text, m.end() - 1)
    after = head.end() if head else m.end()
    return bool(_APPLICATION.match(text, after) or _MARKET_AFTER.match(text, m.end() - 1))


def _suffix_phrases(ctx: _Ctx) -> list[Mention]:
    """Single phrases with their own suffix: `海洋生物医药产业链`, `冰雪旅游全产业链`."""
    text = ctx.text
    out: list[Mention] = []
    for m in _INDUSTRY_PHRASE_SUFFIX.finditer(text):
        s = _industry_start(ctx, m.start())
        k = text.rfind("产业", s, m.start())
        if k >= 0:  # `种植产业和|文旅产业`, `房地产产业链上|各子产业`: no name holds another industry's suffix
            s = k + 2
            while s < m.start() and text[s] in "链条上中的和及与、":
                s += 1
        if _TYPE_QUALIFIER.match(text, s, m.start() - 2):
            s += 3  # `融合型数字产业`, `服务型数字产业`: kinds of one sector are that sector
        e = m.end()
        # `冰雪旅游全产业链`: the whole chain of 冰雪旅游 (the canonical name drops 全产业链)
        body = text[s:m.start() - 1] if text.startswith("全", m.start() - 1) and m.start() - 1 > s else text[s:m.start()]
        scale = next((w for w in _RANK_WORDS if w.endswith("级") and body.endswith(w)), None)
        if scale:  # `智能制造千亿级产业集群`: a scale, not part of the name (`万亿级产业集群` alone names none)
            body = body[:-len(scale)]
            e = s + len(body)
        bare = next((body[len(w):] for w in _INDUSTRY_MODIFIER if body.startswith(w) and len(body) > len(w)), body)
        if len(body) < 2 or _generic(body, _GENERIC_INDUSTRY) or _NOT_INDUSTRY_BODY.search(body) \
                or (bare != body and _generic(bare, _GENERIC_INDUSTRY)):  # `海洋新兴产业`: a class of the sea economy
            continue
        if _is_place(ctx, body) or _tries(ctx.lex)["regions"].longest_at(body, 0) == body:
            continue  # `青岛产业`, `碑林产业`: a place, not an industry
        if _LIST_HEAD_BEFORE.search(text, max(0, s - 12), s):
            continue  # `A、B等重点海洋产业链`: the head of a list names the class of its items
        if _ATTRIBUTE_AFTER.match(text, m.end()) and not (_known_industry(ctx, body) or _known_industry(ctx, body + "产业")
                                                          or _industry_shaped(body)):
            continue  # `X产业发展`, `X产业规模` name an industry only when X is one (`加快区域产业发展` does not)
        last = ctx.by_end.get(s + len(body)) if ctx.tokens is not None else None
        verb = last is not None and last[0] >= s and ctx.words.get(text[last[0]:s + len(body)]) in ("v", "vd")
        if body.endswith(_NOT_INDUSTRY_HEADS) or (verb and not _known_industry(ctx, body)
                                                      and (last[0] == s or not _verb_as_head(ctx, last, False))):
            continue  # `应用场景全产业链`: a process or setting, not an industry; `开发全产业链`: a verb and its object
        rank = next((w for w in _RANK_WORDS if body.endswith(w) and len(body) - len(w) >= 2), None)
        if rank:  # `人工智能核心产业`, `荔枝特色产业`: the industry is the part before the rank word
            rest = body[:-len(rank)]
            if not (_known_industry(ctx, rest) or _industry_shaped(rest) or rank == "特色") \
                    or _generic(rest, _GENERIC_INDUSTRY) or _NOT_INDUSTRY_BODY.search(rest):
                continue  # `攻坚新兴产业`: a class of industries after a verb
            e = s + len(rest)
        out.append(Mention(s, e, "INDUSTRY", text[s:e], "industry:suffix"))
    return out


# Words that rank an industry in front of its suffix (`X核心产业`, `X特色产业`, `X支柱产业`), not part of its name.
_RANK_WORDS = rules.words("industry_rank_words")


# `业` starting another word after a sector (`旅游业态`, `软件业务`, `金融业绩`): no sector word there.
_NOT_SECTOR_AFTER = "务态绩主界者余内"


# Parts of speech of a word that starts the predicate after a subject (`生产性服务业|加快…`).
_PREDICATE_POS = frozenset({"v", "vd", "d", "ad", "p", "c"})


def _free_sector(ctx: _Ctx, a: int, b: int) -> bool:
    """A manufacturing or service sector the lexicons know with its `业` (`先进制造业`, `生产性服务业`) that heads no longer noun
    (`先进制造业中心`, `先进制造业集群`, `现代农业产业园` are a centre, a designation and a park); a verb or
    an adverb may follow it (`生产性服务业加快…`)."""
    if ctx.text[a:b] not in ctx.lex.industries or not ctx.text.endswith(("制造业", "服务业"), a, b) or ctx.text.startswith("产", b):
        return False  # (`现代农业`, `海洋渔业` end in a word of their own: the lexicon and list rules find them)
    after = ctx.by_pos.get(b) if ctx.tokens is not None else None
    return _industry_ends_free(ctx, a, b) or (after is not None and after[0] == b and after[2] in _PREDICATE_POS)


def _known_before(ctx: _Ctx, start: int) -> int | None:
    """Start of a known industry of three characters or more that ends at ``start`` at a word boundary, in no other mention."""
    text = ctx.text
    return next((k for k in range(max(0, start - 6), start - 2) if text[k:start] in ctx.lex.industries and ctx.is_token_boundary(k)
                 and ctx.is_token_boundary(start) and not any(ctx.taken[k:start])), None)


def _sector_words(ctx: _Ctx) -> list[Mention]:
    """`X业` where X is a known industry of two characters or more (`旅游业`, `钢铁业`, `现代金融业`,
    `装备制造业`): the sector word names the industry as `X产业` does, wherever it stands
    (`农业`, `商业` are too short to tell; `旅游业态` is a form of business)."""
    text = ctx.text
    industries = ctx.lex.industries
    out: list[Mention] = []
    for m in re.finditer("业", text):
        i = m.start()
        if (i + 1 < len(text) and text[i + 1] in _NOT_SECTOR_AFTER) or text.startswith("产", i - 1):
            continue  # (`X产业` is the phrase rule's)
        start = next((k for k in range(max(0, i - 8), i - 1) if (text[k:i] in industries or _free_sector(ctx, k, i + 1))
                      and ctx.is_token_boundary(k) and not any(ctx.taken[k:i + 1])), None)
        if start is None or _generic(text[start:i], _GENERIC_INDUSTRY) or _NOT_INDUSTRY_BODY.search(text[start:i]):
            continue
        mod = next((w for w in _INDUSTRY_MODIFIER if text.startswith(w, start - len(w)) and not any(ctx.taken[start - len(w):start])
                    and ctx.is_token_boundary(start - len(w))), None)
        if mod:  # `海洋装备制造业`: a domain modifier makes one industry with the sector
            start -= len(mod)
        elif (k := _known_before(ctx, start)) is not None:
            start = k  # `新能源|装备制造业`: a known industry glued before the sector qualifies it (one industry)
        out.append(Mention(start, i + 1, "INDUSTRY", text[start:i + 1], "industry:suffix"))
    return out
