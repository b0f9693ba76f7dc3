"""Names by their suffix: companies (a legal form, ``有限公司``), organizations (an office or
institution type, ``管理局``, ``研究院``), funds (a fund head, ``引导基金``) and named Party committees
(``青岛市委``).

:func:`_suffix_names` is the grammar the park rules (:mod:`.parks`) share: the suffix is extended to
the left over name characters (:func:`~kg.extract.entities.context._extend_left`), then the body is
checked, since a suffix after generic words, a count or a clause names no one (``两大集团``,
``A股上市公司``, ``四个专业委员会``).

>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> def ctx(text): return _Ctx(text, lex, None, [False] * len(text))  # no tokens: characters
>>> sorted({m.text for m in _suffix_names(ctx("青岛聚大洋藻业集团有限公司与两大集团签约"), "company", "COMPANY", 24,
...                                         _GENERIC_COMPANY_BODY, 2)})
['青岛聚大洋藻业集团有限公司']
>>> [(m.text, m.key) for m in _party_committees(ctx("青岛市委、市政府召开会议"))]
[('青岛市委', ''), ('市政府', '青岛市政府')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.entities.context import (_CJK, firm_short_form, _COUNT_INSIDE, _NAME_CHAR, _NAME_VERBS, _PARK_BOUNDARY, Mention, _anchor_region,
                                         _boundary_ends_at, _Ctx, _extend_left, _generic, _tries)
from kg.extract.entities.industry_spans import _GENERIC_INDUSTRY, _over_ji
from kg.extract.entities.known import _COUNTRIES
from kg.extract.entities.lists import _brand_like
from kg.kb import rules
from kg.kb.lexicons import Lexicons


# Generic words before a suffix: a body made only of them names no one (`上市公司`, `相关部门`).
_GENERIC_COMPANY_BODY = frozenset(rules.words("generic_company_bodies"))

_GENERIC_ORG_BODY = frozenset(rules.words("generic_org_bodies"))

# Verbs of a public function at home in the names of public bodies (`政府采购中心`), never their first word.
_ORG_NAME_VERBS = frozenset(rules.words("org_name_verbs"))

# Suffixes of a function (`中心`, `平台`): the body must hold a proper name or start with a region.
_ORG_NEEDS_PROPER_BODY = frozenset(rules.words("functional_org_suffixes"))

# Suffixes too generic to make a name: `重点企业`, `生产厂`, `子公司`.
_WEAK_COMPANY_SUFFIX = frozenset(rules.words("weak_company_suffixes"))

# One-character office suffixes: an ORG only after a department word (`科技局`).
_ONE_CHAR_ORG_SUFFIX = frozenset(rules.words("one_character_office_suffixes"))
#: Words before 办事处 that make it a kind or the premises of offices, not one named office.
_OFFICE_CLASS_WORDS = ("总", "地区", "议员")

# Party committees are named only as part of a title (`市委书记`): not ORG.
_PARTY_COMMITTEE = re.compile(r"(?:[省市区县]委|党委|党组|纪委|监委)$")

# Associations and alliances are often named by their members (`企业联合会`).
_MEMBER_NAMED = frozenset(rules.words("member_named_org_suffixes"))

# A date or `下称` that opens the text before a name: not part of it (`2011年宝钢集团`).
_LEADING_DATE = re.compile(r"(?:(?:[0-9]{2,4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?|[0-9]{1,2}月[0-9]{1,2}日)(?:以来)?|[下简]称|又称|即)")

# A body's own office after its name is part of the one ORG (`…指挥部办公室`).
_OFFICE_OF = ("办公室", "秘书处")

# Media outlets are neither companies nor organizations (guidelines).
_MEDIA = re.compile(rules.alternation("media_outlet_words"))

# Suffixes that a kind of institution takes as well as a named one (`有关银行`, `世界级大学`, `一所重点大学`):
# the body must name a place or hold a proper noun.
_NEEDS_A_NAME = ("银行", "学校", "医院", "中学", "大学")

# A campus or branch in brackets after a name (`山东大学(青岛)`).
_QUALIFIER = re.compile(r"\([\u4e00-\u9fff]{2,6}\)")


_COUNT_OF_UNITS = re.compile(r"[0-9]+多?[家个只所批间]")
_ONE_UNIT = re.compile(r"一[间家个所众]")
_COUNT_OF_FIRMS = re.compile(r"(?:首批)?有?[0-9一二两三四五六七八九十百几多数]+家")
_YEAR = re.compile(r"[0-9]{4}年")
_SHARE = re.compile(r"[0-9.]+%|百分之")


@lru_cache(maxsize=8)
def _departments(lex: Lexicons) -> tuple[str, ...]:
    """The department words as one tuple per lexicons, for ``str.endswith``."""
    return tuple(sorted(lex.departments))


# Words the dictionary tags as time words that are at home inside a carrier's name (`深港青年创新创业基地`),
# though not inside a firm's (`南京大学的青年师生`).
_PARK_INSIDE = frozenset({"青年"})


def _suffix_names(ctx: _Ctx, kind: str, etype: str, max_len: int, generic: frozenset[str], min_body: int = 1) -> list[Mention]:
    """Names ending in a suffix of ``kind`` (``company``, ``org``, ``park``): the suffix extended left by
    at most ``max_len`` characters, kept when the body is at least ``min_body`` characters and more
    than ``generic`` words and passes the checks of its kind."""
    text = ctx.text
    out = []
    extra = _PARK_BOUNDARY if kind == "park" else frozenset()
    for i, suf in _tries(ctx.lex)[kind].finditer(text):
        e = i + len(suf)
        if kind == "company" and (suf in _WEAK_COMPANY_SUFFIX or suf == "控股" and (text[e:e + 1] in "的了" or _SHARE.match(text, e))):
            continue  # `由海尔集团控股的…`, `京粮控股70%`: the verb `控股`, not the legal form
        if _ends_inside_a_word(ctx, kind, i, e):
            continue
        # the suffix must end a word: `局` in `局长`, `委` in `委员`, `部` in `部长` are titles
        # (`大学园路`, `大学城`: a road or a district named after a university, not a university)
        if kind == "org" and _title_or_word_after(text, suf, e):
            continue
        s = _extend_left(ctx, i, max_len, extra, _PARK_INSIDE if kind == "park" else frozenset()) if kind != "org" \
            else _extend_over_department(ctx, i, max_len)
        if kind == "park":
            s = _over_ji(ctx, _after_park_verb(ctx.text, s, i), i, "及与和")  # `海洋大数据与智能超算创新园`
        s = _anchor_region(ctx, s, i) if kind != "park" else _park_over_verb_compound(ctx, _anchor_region(ctx, s, i), i)
        if kind == "company" and (s := _past_inner_modifiers(ctx, s, i, max_len)) is None:
            continue  # `苏州江南快速|电梯有限公司` runs back to its place; `快速|电梯有限公司` alone is a fragment
        # `创新及科技局`: two fields joined by `及` name the office, as a proper name would
        two_fields, s = _org_start(ctx, s, i) if kind == "org" else (False, s)
        member_named = False
        if s == i and suf in _MEMBER_NAMED:  # `企业联盟`, `青岛市企业联合会`: named by their members
            members = _members_before(ctx, i)
            if members is not None:
                s, member_named = members, True
        s = lead.end() if (lead := _LEADING_DATE.match(text, s, i)) else s  # `2011年宝钢集团`, `下称宝钢集团`
        if _COUNT_OF_UNITS.match(text[s:i]):  # `85家食用菌专业合作社`: a count, not a name
            continue
        s = _past_unit_or_year(text, s, i, kind)
        if s >= 2 and text[s - 1] in "—－" and text[s - 3:s - 1] == "中国" and kind in ("park", "org"):
            s -= 3  # `中国—中东欧国家经贸合作示范区`, `中国—东盟信息港`: China and its partner name the body
        body = text[s:i]
        if body[:1] in ")]":
            continue  # `必和必拓(BHP)矿业公司` cut after a known name: a fragment
        if suf in _MEMBER_NAMED and len(body) >= 2 and ctx.words.get(body) in ("n", "nz", "nt"):
            member_named = True  # `院所联盟`: the members' kind names the alliance
        if len(body) < min_body or (_generic(body, generic) and not member_named) or kind == "org" and _a_kind_of_body(ctx, s, i, member_named) or _modal_zonghui(ctx, suf, body, e):
            continue  # `各相关产业协会`, `任何企业联盟`, `…为主的行业协会`: a kind of body, no one's name; `上司总会鼓励`: a modal
        if kind == "org" and suf in _ACADEMIC:
            s = _drop_locating_country(text, s, i)  # `美国麻省理工学院` → `麻省理工学院`; a ministry keeps its country
        if kind == "company" and (s := _company_start(ctx, s, i, e)) is None:
            continue
        s = _over_ampersand(text, s) if kind == "company" else s
        if kind == "company" and suf == "公司" and not _names_a_company(ctx, s, i):
            continue  # `A股上市公司`, `细分领域公司`: a kind of company, not a name
        if kind == "org":
            if _COUNT_INSIDE.search(body) or suf.endswith("办事处") and body.endswith(_OFFICE_CLASS_WORDS):
                continue  # `四个专业委员会`; `医管局总办事处` (premises), `民建联地区办事处`: a kind of office
            if suf in _ONE_CHAR_ORG_SUFFIX and not body.endswith(_departments(ctx.lex)):
                continue
            if suf in ("政府", "人民政府") and (s := _government_start(ctx, s, i)) is None:
                continue
        if suf in _NEEDS_A_NAME and not (_place_like(ctx, body) or _proper_body(ctx, body, s, unknown_ok=False)):
            continue  # `有关银行`, `中小学校` name no one
        if suf.endswith(("中心", "平台")) and not _proper_noun_in(ctx, body, s) and not (suf.endswith("中心") and _region_named(ctx, body)) \
                or suf.endswith("平台") and _product_platform(ctx, body, s):
            continue  # `公共资源服务中心`, `青岛数字经济平台`: a function, not a name; `OMI双平台`: a product
        if kind == "org":
            if _PARTY_COMMITTEE.search(text[s:e]) and not _place_like(ctx, body):
                continue
            if suf in _ORG_NEEDS_PROPER_BODY and suf != "联盟" and not member_named and not two_fields \
                    and not _proper_body(ctx, body, s) and not _region_named(ctx, body):
                continue
        if kind in ("org", "company") and _MEDIA.search(text, s, e):
            continue  # `中央广播电视总台社教节目中心`: media outlets are neither (guidelines)
        if kind == "org" and _YEAR.search(body):
            continue  # `谋划好2026年政协`: a date inside, a clause rather than a name
        if kind == "org" and text.startswith(_OFFICE_OF, e) and not suf.endswith(_OFFICE_OF):
            e += next(len(o) for o in _OFFICE_OF if text.startswith(o, e))  # `…指挥部办公室`: the body's office is one ORG
        q = _QUALIFIER.match(text, e)
        if q and kind in ("org", "company") and _tries(ctx.lex)["regions"].longest_at(text, e + 1) and not suf.endswith(")"):
            e = q.end()  # `山东大学(青岛)`: a campus or branch qualifier belongs to the name
        out.append(Mention(s, e, etype, text[s:e], f"suffix:{kind}"))
    return [_registered_association(m) for m in _past_clause_words(ctx, out)]


# Parts of speech of words that open no firm's name before the name the text writes alone elsewhere.
_CLAUSE_WORD_POS = frozenset({"v", "vn", "l", "n", "a", "ad", "d", "i"})


def _modal_zonghui(ctx: _Ctx, suf: str, body: str, e: int) -> bool:
    """`上司|总会|鼓励`, `团队总会带上`: after a common noun and before a verb, `总会` is the adverb `总` and the
    modal `会` ("will always"), not a general association named by its members."""
    if suf != "总会" or ctx.words.get(body) != "n" or ctx.tokens is None:
        return False
    after = ctx.by_pos.get(e)
    return after is not None and after[2] in ("v", "vd", "vn", "d")


def _past_clause_words(ctx: _Ctx, names: list[Mention]) -> list[Mention]:
    """`看清楚|美心集团`, `杯葛|怡和集团`, `生产商身份|晶苑集团`: a firm's name that the text also writes alone
    (`美心集团的架构`) starts there when what stands before it here is only common words (verbs, nouns,
    idioms: the clause's words the dictionary mistags); a place or a proper noun before it stays
    (`青岛|海尔集团`, `北大|方正公司`)."""
    if ctx.tokens is None:
        return names
    alone = {m.text for m in names if m.type == "COMPANY"}
    out = []
    for m in names:
        tail = max((t for t in alone if len(t) >= 4 and len(t) < len(m.text) and m.text.endswith(t)), key=len, default="")
        cut = m.end - len(tail)
        toks = ctx.tokens_in(m.start, cut) if tail and m.type == "COMPANY" and ctx.is_token_boundary(cut) else []
        if toks and all(pos in _CLAUSE_WORD_POS and ctx.text[a:b] not in ctx.lex.regions for a, b, pos in toks):
            m = Mention(cut, m.end, m.type, tail, m.rule, m.key)
        out.append(m)
    return out


# An association registered as a company: its head, then a legal form (`香港福建社团联会有限公司`); not `夜总会`.
_ASSOCIATION_AS_COMPANY = re.compile(rf"(?<!夜)(?:{rules.alternation('registered_association_heads')})(?:\([^)]*\))?(?=(?:有限责任公司|有限公司)$)")


def _registered_association(m: Mention) -> Mention:
    """`香港福建社团联会有限公司`, `香港八闽杨氏宗亲会有限公司`: an association, a clan society or a charity that is
    registered as a guarantee company is an ORG, named without the legal form (decisions); the whole string stays
    its mention. Other mentions pass unchanged.

    >>> _registered_association(Mention(0, 12, "COMPANY", "星湖潮汕同乡会有限公司", "suffix:company")).key
    '星湖潮汕同乡会'
    """
    a = _ASSOCIATION_AS_COMPANY.search(m.text) if m.type == "COMPANY" else None
    return Mention(m.start, m.end, "ORG", m.text, m.rule, m.text[:a.end()]) if a else m


def _past_unit_or_year(text: str, s: int, i: int, kind: str) -> int:
    """Where a name before its suffix at ``i`` starts once "a" firm (`一间|金域检验(香港)有限公司`) is left out;
    inside a firm's span, "a" or a date (`宁波一间银行`, `政府继1999年华资投资银行`) is the clause's, and the name,
    if any, starts after it."""
    s += 2 if _ONE_UNIT.match(text[s:i]) and i - s > 3 else 0
    inner = [m.end() for m in _ONE_UNIT.finditer(text, s + 1, i)] + [m.end() for m in _YEAR.finditer(text, s + 1, i)]
    return max(inner) if inner and kind == "company" else s


_DETERMINER_BEFORE = re.compile(rf"(?:{rules.alternation('determiners_before_bodies')})$")
_DETERMINER_OPENS = re.compile(rules.alternation("determiners_before_bodies"))
_POSITIONING_LABEL = re.compile(rf"(?:国际|全球|世界)(?:{rules.alternation('label_center_fields')})中心")


def _a_kind_of_body(ctx: _Ctx, s: int, i: int, member_named: bool) -> bool:
    """Does the body ``[s, i)`` of an organization's suffix name a kind of body rather than one body: after a
    determiner (`各相关|产业协会`, `不少|地区政府`), or named by its members after `的` (`为主的|行业协会`), or a
    one-character place after `在` (`在|京|全国重点实验室`), with no proper name of its own?"""
    text = ctx.text
    if s >= 1 and text[s - 1] == "在" and i - s == 1:
        return True
    opener = _DETERMINER_OPENS.match(text, s, i)
    if opener and not _proper_body(ctx, text[opener.end():i], opener.end(), unknown_ok=False):
        return True  # `各大|商会`: the determiner is the whole body
    label = _POSITIONING_LABEL.search(text, s, i + 6)
    if label is not None and label.end() > i:
        return True  # `共建北京国际科技创新中心`: a role a city aims at
    if not (_DETERMINER_BEFORE.search(text, max(0, s - 2), s) or member_named and text[s - 1:s] == "的"):
        return False
    return not _proper_body(ctx, text[s:i], s, unknown_ok=False) or text[s:i] in ("地区", "海外")


_LATIN = re.compile(r"[A-Za-z]")

# What follows the verb 学会 (learn) and never a society's name: an object's determiner, an aspect particle.
_LEARNED_WHAT = re.compile(rules.alternation("learn_verb_objects"))


def _product_platform(ctx: _Ctx, body: str, s: int) -> bool:
    """A platform named by a product code (`OMI双平台`, `AMT产品平台`, `6速前横置DCT平台`): Latin letters and,
    without them, no proper name: a technical or software platform, not a public one (products are no entities)."""
    if not _LATIN.search(body) or _tries(ctx.lex)["regions"].longest_at(body, 0):
        return False
    rest = [(a, b) for a, b, _ in ctx.tokens_in(s, s + len(body)) if not _LATIN.search(ctx.text[a:b])] if ctx.tokens is not None else []
    return not any(_proper_body(ctx, ctx.text[a:b], a, unknown_ok=False) for a, b in rest)


def _title_or_word_after(text: str, suf: str, e: int) -> bool:
    """Does what follows an organization's suffix ending at ``e`` make it part of another word: a title
    (`局长`, `委员`), a road or district named after a university (`大学园路`, `大学城`), or the object of
    the verb 学会, learn (`让机器人学会各种动作`)?"""
    return e < len(text) and (text[e] in "长员" or suf in _ACADEMIC and text[e] in _PLACE_AFTER_ACADEMIC
                              or suf == "学会" and _LEARNED_WHAT.match(text, e) is not None)


def _members_before(ctx: _Ctx, i: int) -> int | None:
    """Start of the nouns before an association's suffix at ``i`` that name its members (`企业|联盟`,
    `青岛市|企业|联合会`); None when the word before is not such a noun (or there are no words)."""
    tok = ctx.by_end.get(i) if ctx.tokens is not None else None
    if not (tok and tok[2] in ("n", "nz", "nt") and tok[1] - tok[0] >= 2 and not any(ctx.taken[tok[0]:tok[1]])) \
            or ctx.text[tok[0]:tok[1]] in ("时候", "时刻", "期间"):
        return None  # `时候|总会` ("will always"): a time names no members
    s = tok[0]
    while (prev := ctx.by_end.get(s)) and prev[2] in ("n", "nt", "ns") and prev[1] - prev[0] >= 2 and i - prev[0] <= 10 \
            and not any(ctx.taken[prev[0]:prev[1]]):
        s = prev[0]
    return s


def _org_start(ctx: _Ctx, s: int, i: int) -> tuple[bool, int]:
    """Where an office's name starts (back to its region, over `A及`), and whether it joined two fields."""
    s = _back_to_region(ctx, s)
    if i - s >= 2 and ctx.text.endswith("全国", 0, s) and not _generic(ctx.text[s:i], _GENERIC_ORG_BODY) \
            and not _tries(ctx.lex)["org"].longest_at(ctx.text, s):  # not `全国|委员会常务|委员会`
        s -= 2  # `全国|乘用车信息联席会`: the nation's scope opens the name (a boundary word elsewhere)
    joined = _over_ji_office(ctx, s, i)
    return joined != s, joined


def _after_park_verb(text: str, s: int, i: int) -> int:
    """A park's body that opens with a verb of overseeing or building glued to it by the segmenter
    (`管理科学|园`: `管理` begins the word `管理科学`) starts after the verb."""
    verb = next((w for w in _PARK_BOUNDARY if text.startswith(w, s) and s + len(w) < i), None)
    return s + len(verb) if verb else s


def _ends_inside_a_word(ctx: _Ctx, kind: str, i: int, e: int) -> bool:
    """Does the suffix at ``[i, e)`` end inside a dictionary word (`重庆中心城区`)? Not when a title
    follows (`局|局长`), nor when a company suffix begins a word of the dictionary whose rest is a
    word of its own (`公司|公告`)."""
    crossing = ctx.by_pos.get(e - 1) if ctx.tokens is not None else None
    if crossing is None or crossing[1] <= e or crossing[2] is None or _tries(ctx.lex)["titles"].longest_at(ctx.text, e):
        return False
    return not (kind == "company" and crossing[0] == i and ctx.text[e:crossing[1]] in ctx.words
                and ctx.text[e:crossing[1]] not in ("业", "界"))  # `银行|业`: the sector, not a bank


def _extend_over_department(ctx: _Ctx, i: int, max_len: int) -> int:
    """An office's name extended left from its suffix at ``i``, across a department whose standard name
    joins two fields (`文化和旅游`, `住房和城乡建设`): `北京市文化和旅游局` is one name, though `和`
    ends a name elsewhere."""
    dept = next((d for d in _joined_departments(ctx.lex) if ctx.text.endswith(d, 0, i)), None)
    if dept is None:
        dept = _two_departments(ctx, i)
    j = _extend_left(ctx, i, max_len, inside=_ORG_NAME_VERBS) if dept is None else \
        _extend_left(ctx, i - len(dept), max(0, max_len - len(dept)), inside=_ORG_NAME_VERBS)
    while (w := next((v for v in _ORG_NAME_VERBS if ctx.text.startswith(v, j) and j + len(v) < i and ctx.is_token_boundary(j + len(v))), None)):
        j += len(w)  # `采购|滨江大学`: a verb of the clause right before a name, not its first word
    return _after_concurrent_post(ctx, j, i)


def _after_concurrent_post(ctx: _Ctx, j: int, i: int) -> int:
    """`星岚科技副总裁兼|星岚研究院`: a title and `兼` (a post held with another) end the name before them."""
    k = ctx.text.rfind("兼", j, i)
    return k + 1 if k >= j and k + 1 < i and ctx.lex.title_ending_at(ctx.text, k) else j


def _two_departments(ctx: _Ctx, i: int) -> str | None:
    """Two department words joined by `和`/`与` right before ``i`` (`交通运输和港口`, `城乡建设和交通`): one office's
    field, as a standard joined department is; None when the words before `和` are not a department."""
    text = ctx.text
    by_len = _departments_by_length(ctx.lex)
    for n, words in by_len:  # the longest department word ending at `i` with `和`/`与` before it
        j = i - n
        if j >= 1 and text[j - 1] in "和与" and text[j:i] in words:
            a = next((m for m, ws in by_len if j - 1 - m >= 0 and text[j - 1 - m:j - 1] in ws), None)
            return text[j - 1 - a:i] if a else None
    return None


@lru_cache(maxsize=4)
def _departments_by_length(lex) -> tuple[tuple[int, frozenset[str]], ...]:  # noqa: ANN001 - Lexicons
    """The department words of the lexicon by length, longest first (a lookup per length, not per word)."""
    lengths = sorted({len(d) for d in lex.departments}, reverse=True)
    return tuple((n, frozenset(d for d in lex.departments if len(d) == n)) for n in lengths)


@lru_cache(maxsize=4)
def _joined_departments(lex) -> tuple[str, ...]:  # noqa: ANN001 - Lexicons
    """The departments of the lexicon whose name holds a conjunction, longest first."""
    return tuple(sorted((d for d in lex.departments if re.search("[和与及]", d)), key=len, reverse=True))


_OFFICE_END = frozenset("局署处司委办部厅院会")


def _over_ji_office(ctx: _Ctx, s: int, i: int) -> int:
    """`创新及科技局`, `财经事务及库务局`: an office named by two fields joined by `及` (the Hong Kong
    style) is one name, when the first field is nouns that begin a clause or follow a region and
    do not end in an office suffix of their own (`财政局及税务局` stays two offices); so is a university's
    school of two fields joined by `及` or `与`, with the university (`清华大学网络科学与网络空间研究院`)."""
    if s < 3 or ctx.tokens is None or ctx.text[s - 1] not in "及与" or s == i:
        return s
    text = ctx.text
    for k in range(s - 3, max(s - 8, -1), -1):
        field = text[k:s - 1]
        if not ctx.is_token_boundary(k) or field[-1] in _OFFICE_END:
            continue
        words = ctx.tokens_in(k, s - 1)
        if not words or any(not (w[2] or "n").startswith(("n", "v")) for w in words) or any(ctx.taken[k:s - 1]):
            continue
        before = text[k - 1] if k > 0 else ""
        if text[s - 1] == "及" and (not _CJK.match(before) or any(text.endswith(r, 0, k) for r in ("香港", "澳门", "特区政府", "政府"))):
            return k
        if text.endswith(_ACADEMIC, 0, k) and not any(ctx.taken[max(0, k - 2):k]):
            return _extend_left(ctx, k, 10)  # `清华大学|网络科学与网络空间研究院`: a university's school of two fields
    return s


# Verbs of building or developing: after a place they are the clause's (`北京市建设|自动驾驶示范区`).
_PARK_CLAUSE_VERBS = frozenset(rules.words("park_build_verbs")) | frozenset(rules.words("development_verbs"))


def _park_over_verb_compound(ctx: _Ctx, s: int, i: int) -> int:
    """`北京市|高级别|自动|驾驶|示范区`: a park name that stopped at a verb goes back over a verb compound
    of the park's field (two or three content words, the last a verb) to a place right before it; a verb
    right after the place (`上海召开|…`) or one of building or developing (`建设`, `推进`) is the clause's."""
    if ctx.tokens is None or s != i and not any(p in ("v", "vn") for _, _, p in ctx.tokens_in(s, i)[:1]):
        return s
    gap: list[tuple[str, str | None]] = []
    j = s
    while (tok := ctx.by_end.get(j)) is not None:
        word = ctx.text[tok[0]:tok[1]]
        if word in ctx.lex.regions and tok[1] - tok[0] >= 2:
            if not any(ctx.taken[tok[0]:tok[1]]) and len(gap) >= 2 and gap[0][1] != "v" and gap[-1][1] in ("v", "vn"):
                return tok[0]
            break
        if len(gap) == 3 or tok[2] not in ("a", "an", "b", "n", "v", "vn") or word in ctx.lex.boundaries or word in _PARK_BOUNDARY \
                or word in _PARK_CLAUSE_VERBS or word in _FIRM_CLAUSE_VERBS or any(ctx.taken[tok[0]:tok[1]]):
            break
        gap.insert(0, (word, tok[2]))
        j = tok[0]
    return s


def _back_to_region(ctx: _Ctx, s: int) -> int:
    """`青岛市|先进|封装|测试中心`: a name that stopped at a verb or adjective
    goes back to a region one or two content words further left, when nothing
    between them is a function or boundary word."""
    if ctx.tokens is None:
        return s
    gap: list[str | None] = []
    j = s
    while len(gap) < 2 and (tok := ctx.by_end.get(j)) is not None:
        word = ctx.text[tok[0]:tok[1]]
        if word in ctx.lex.regions and tok[1] - tok[0] >= 2:
            break
        if word in ctx.lex.boundaries or word in _PARK_BOUNDARY or any(ctx.taken[tok[0]:tok[1]]):
            return s
        gap.insert(0, tok[2])
        j = tok[0]
    tok = ctx.by_end.get(j)
    # modifiers, or a modifier and a verb (`先进|封装`); a verb alone is the sentence's (`北京召开…`)
    if not gap or gap[0] not in ("a", "an", "b") or any(p not in ("a", "an", "b", "v", "vn") for p in gap):
        return s
    if tok is not None and ctx.text[tok[0]:tok[1]] in ctx.lex.regions and not any(ctx.taken[tok[0]:tok[1]]):
        return tok[0]
    return s


# Parts of speech of a content word that stops a name growing left but sits inside a firm's name before its
# line of business (`快速` d, `稀有`/`出版`/`冷冻` v, `现代` t, `大同` d): adverbs, verbs and time words.
_INNER_MODIFIER_POS = frozenset({"d", "v", "vd", "t"})
# Verbs of a deal or a tie between firms: before a firm's name they are the clause's (`收购|电梯有限公司`).
_FIRM_CLAUSE_VERBS = frozenset(rules.words("firm_deal_words")) | frozenset(rules.words("clause_verbs"))
_PROPER_POS = frozenset({"ns", "nz", "nt", "nr", "nrt", "nrfg", "eng"})


def _generic_firm_body(ctx: _Ctx, s: int, i: int) -> bool:
    """Is ``[s, i)`` only dictionary words of a line of business (`电梯`, `设备`, `股份`), a bracketed place
    aside (`地板(中国)`): no place, brand or word the dictionary lacks that would name a firm?"""
    for a, b, pos in ctx.tokens_in(s, i):
        word = ctx.text[a:b]
        if ctx.text[a - 1:a] == "(" or not _NAME_CHAR.match(word[0]) or word in "()":
            continue
        if pos in _PROPER_POS or word in ctx.lex.regions or (pos is None and len(word) >= 2) or not _CJK.match(word[0]):
            return False
    return True


def _past_inner_modifiers(ctx: _Ctx, s: int, i: int, max_len: int) -> int | None:
    """Where a company name ending in a suffix at ``i`` starts when the left extension stopped at ``s``
    before an adverb, verb or time word and what it kept names only a line of business
    (`苏州江南|快速|电梯有限公司`, `中国|出版|集团有限公司`, `黑龙江顶鹤|现代|股份有限公司`): over at most two
    such words and on to the name's start, when a place comes before them there; else None after an adverb
    or time word (the words kept are a fragment, not a name) and ``s`` unchanged after a verb, which may be
    the clause's (`出任|星辰智能科技有限公司`) or when the name was not cut short."""
    if ctx.tokens is None or not _generic_firm_body(ctx, s, i):
        return s
    j, crossed = s, []
    while len(crossed) < 2 and (tok := ctx.by_end.get(j)) is not None:
        word = ctx.text[tok[0]:tok[1]]
        if tok[2] not in _INNER_MODIFIER_POS or len(word) < 2 or word in ctx.lex.boundaries or word in _FIRM_CLAUSE_VERBS \
                or word in _NAME_VERBS or any(ctx.taken[tok[0]:tok[1]]):
            break
        j = tok[0]
        crossed.append(tok[2])
    if not crossed:
        return s
    start = _extend_left(ctx, j, max(0, max_len - (i - j)))
    if any(b - a >= 2 and (pos == "ns" or ctx.text[a:b] in ctx.lex.regions) for a, b, pos in ctx.tokens_in(start, s)):
        return start
    # no place: a verb may be the clause's (`出任|星辰智能科技有限公司`), an adverb or time word is not (`快速|电梯…`)
    return s if any(p in ("v", "vd") for p in crossed) else None


def _company_start(ctx: _Ctx, s: int, i: int, e: int) -> int | None:
    """Where the company name ending in the suffix ``[i, e)`` starts, the extension having reached ``s``;
    None when the words name no firm (a reference, a count)."""
    text = ctx.text
    if text[i - 1:i] in _DEMONSTRATIVES or "各大" in text[s:i]:
        return None  # `地震前该公司`, `各公司`, `日本各大公司`: the firm spoken of, not a name
    first = ctx.tokens_in(s, i)[:1] if ctx.tokens is not None else []
    if first and first[0][0] == s and first[0][2] == "b" and "有限" not in text[i:e] and _generic_firm_body(ctx, first[0][1], i):
        return None  # `大型|食品产业集团`, `整个|集团`: a kind or the whole of a firm, no name
    s = _drop_glued_boundary(ctx, s, e)
    s = _region_and_trade_name(ctx, s, e)
    s = _region_after_a_predicate(ctx, s, i)
    s = _drop_locating_country(text, s, i)
    s = _after_inner_firm(text, s, i)
    if s is None:
        return None
    s = _after_clause_verb(ctx, s, i)
    if s is None:
        return None
    s = _after_concurrent_post(ctx, s, i)
    role = _ROLE_OPENING.match(text, s, i)  # `运营方|A集团有限公司`: a firm's role noun opens no name
    s = role.end() if role and i - role.end() >= 2 else s
    deal = _DEAL_OPENING.match(text, s, i)  # `(隶属于|奥的斯集团)`: nor does a word of a deal or tie
    s = deal.end() if deal and i - deal.end() >= 2 and ctx.is_token_boundary(deal.end()) else s
    inner = [m.end() for m in _INNER_TIE_ROLE.finditer(text, s, i) if i - m.end() >= 2]
    s = inner[-1] if inner else s  # `中粮控股母公司|中粮集团`: the firm in the role of another's parent or holder
    kinds = [b for a, b, _ in ctx.tokens_in(s, i) if text[a:b].endswith(("厂", "企业")) and b - a >= 2 and b < i
             and (nxt := ctx.by_pos.get(b)) is not None and nxt[1] < i and (nxt[2] in _PROPER_POS or nxt[2] is None)]
    s = kinds[-1] if kinds else s  # `河北民资钢厂|兴华钢铁公司`: a kind of firm in apposition before its name
    if _COUNT_INSIDE.search(text, s, i) or _COUNT_OF_FIRMS.match(text[s:i]):
        return None  # `中国石油两大集团`, `日本三大汽车公司`, `有8家新公司`: a count of firms, not a name
    return s


_COUNTRY_WORDS = frozenset(rules.words("foreign_countries"))

# Parts of speech of words that say nothing of a name: verbs, adverbs, pronouns, localizers, function words.
_CLAUSE_POS = frozenset({"v", "vn", "vd", "d", "f", "r", "p", "c", "u", "uj"})


def _after_clause_verb(ctx: _Ctx, s: int, i: int) -> int | None:
    """Start of a company name before its suffix at ``i`` once the clause's words are left out: None when the
    words before the suffix are only verbs, adverbs and the like (`约|占|集团`, `经营|集团`, `边|间|公司`) or end
    in a one-character verb (`信中|说|公司`); after a one-character verb that opens them (`叫|城市绿化有限公司`)."""
    toks = ctx.tokens_in(s, i) if ctx.tokens is not None else []
    if not toks or toks[0][0] != s:
        return s
    if all(pos in _CLAUSE_POS and not firm_short_form(ctx.text[a:b], pos, ctx.lex) for a, b, pos in toks) or (toks[-1][1] - toks[-1][0] == 1 and toks[-1][2] == "v"):
        return None
    if len(toks) >= 2 and toks[0][1] - toks[0][0] == 1 and toks[0][2] == "v" and i - toks[0][1] >= 2:
        return toks[0][1]
    return s


# A full legal form inside a name growing left is another firm's end (`A有限公司领投|B有限公司`); the words of a
# deal or a tie between two firms (`领投`, `隶属于`, `系`, `全资子`, `的母公司`) that follow it are no part of the next name.
_INNER_LEGAL_FORM = re.compile(r"有限责任公司|股份有限公司|有限公司")
_DEAL_WORDS = re.compile(rf"(?:{rules.alternation('firm_deal_words')}|{rules.alternation('firm_role_nouns')})+")


def _after_inner_firm(text: str, s: int, i: int) -> int | None:
    """Where a company name ending at ``i`` starts when ``[s, i)`` holds another firm's legal form followed by a
    deal word: after them; None when nothing of a name is left (`A有限公司全资子|公司`)."""
    inner = [m.end() for m in _INNER_LEGAL_FORM.finditer(text, s, i)]
    if not inner:
        return s
    deal = _DEAL_WORDS.match(text, inner[-1], i)
    if deal is None:  # `A有限公司北仑分公司`: a branch named by its parent; `A有限公司|控股`: a verb, no name
        return s if i > inner[-1] else None
    return deal.end() if i - deal.end() >= 2 else None


# Demonstratives right before a company suffix: `该公司`, `此集团`, `各企业` refer, they do not name.
_DEMONSTRATIVES = frozenset("该此某各每")

# Nouns of a firm's role before another firm's name (`母公司|香港新恒基集团`): never the start of that name.
_ROLE_NOUNS = frozenset(rules.words("firm_role_nouns"))
_ROLE_OPENING = re.compile(rules.alternation("firm_role_nouns"))
# Words of a deal or a tie that open a clause, not a name (`隶属于|奥的斯集团`); not those at home in names (`投资`).
_DEAL_OPENING = re.compile("|".join(re.escape(w) for w in sorted(rules.words("firm_deal_words"), key=len, reverse=True)
                                    if len(w) >= 2 and w not in _NAME_VERBS))
# A firm's tie to another named before it (`A母公司B集团`, `A控股股东B`, `A股东B`): B's name starts after it.
_INNER_TIE_ROLE = re.compile(f"{rules.alternation('parent_nouns')}|{rules.alternation('investor_nouns')}|(?:全资|控股)?子公司")


def _region_and_trade_name(ctx: _Ctx, s: int, e: int) -> int:
    """`北京和利时系统工程有限公司`: a registered name (a legal form) stopped at `和` right after a region that
    opens the clause: the `和` is the trade name's first character, the region its place. Two parties
    (`北京和上海…有限公司`: a region after `和`) or a region inside a clause (`在北京和…有限公司签约`) stay out."""
    text = ctx.text
    if text[s - 1:s] != "和" or "有限" not in text[s:e] or _tries(ctx.lex)["regions"].longest_at(text, s):
        return s
    for a in range(s - 3, max(-1, s - 9), -1):
        if text[a:s - 1] in ctx.lex.regions and (a == 0 or text[a - 1] in _CLAUSE_OPENING):
            return a
    return s


_CLAUSE_OPENING = frozenset("\n,，。;；:：、(（“\"「")


def _region_after_a_predicate(ctx: _Ctx, s: int, i: int) -> int:
    """`竞购|澳大利亚阿特拉斯公司`, `重整管理人|北京德恒律师事务所`, `母公司|香港新恒基集团`: a company's
    name grown over a verb or a firm's role noun starts at the region after it.

    The segmenter's dictionary tags many verbs as nouns of action (`竞购`, `重整`: ``vn``), which the
    left extension keeps; a region after them is where a firm's name begins. Names with a region
    inside and no verb before it (`中国石油吉林石化公司`) keep their start.
    """
    if ctx.tokens is None:
        return s
    seen_predicate = False
    for a, b, pos in ctx.tokens_in(s, i):
        word = ctx.text[a:b]
        if seen_predicate and b - a >= 2 and (word in ctx.lex.regions or word in _COUNTRIES) and b < i \
                and ctx.text[a - 1:a] != "(":  # `金域检验(香港)有限公司`: a bracketed region qualifies the name
            return a
        if (pos in ("v", "vn") and word not in _NAME_VERBS) or word in _ROLE_NOUNS:
            seen_predicate = True
    return s


#: Institutions whose name does not carry the country they are in (a university is named without it).
_PLACE_AFTER_ACADEMIC = frozenset("路街城园道")
_ACADEMIC = ("大学", "学院", "理工学院", "科学院")  # `牙|科学院` too: the suffix trie takes the longest


def _drop_locating_country(text: str, s: int, suffix_start: int) -> int:
    """A foreign firm's name without the country in front, when a name is left
    (`荷兰国际集团` keeps its country: `国际集团` names no one)."""
    for c in _COUNTRIES:
        rest = text[s + len(c):suffix_start]
        if text.startswith(c, s) and len(rest) >= 2 and not _generic(rest, _GENERIC_COMPANY_BODY):
            return s + len(c)
    return s


def _drop_glued_boundary(ctx: _Ctx, s: int, e: int) -> int:
    """`联合国实集团`: the segmenter glued a boundary word (`联合`) to the name's
    first character (`联合国|实`). The name starts after the boundary word when
    the rest stands alone elsewhere in the text (`依托国实集团、…`)."""
    text = ctx.text
    for n in (2, 3):
        w, rest = text[s:s + n], text[s + n:e]
        if w in ctx.lex.boundaries and len(rest) >= 4 and not ctx.is_token_boundary(s + n):
            k = text.find(rest)
            while k >= 0:
                if k != s + n and (k == 0 or not _NAME_CHAR.match(text[k - 1]) or _boundary_ends_at(ctx, k)):
                    return s + n
                k = text.find(rest, k + 1)
    return s


_LATIN_AMPERSAND = re.compile(r"[A-Za-z]+&$")


def _over_ampersand(text: str, s: int) -> int:
    """`A&X国际集团`, `P&G公司`: letters joined by `&` are one name, which the name characters do not cover."""
    m = _LATIN_AMPERSAND.search(text, max(0, s - 12), s)
    return m.start() if m is not None and s < len(text) and text[s].isascii() and text[s].isalpha() else s


def _names_a_company(ctx: _Ctx, s: int, i: int) -> bool:
    """Does the body before `公司` name one company: a brand-like word, or a region before what the
    company does (`株洲市国有资产投资经营公司`; not a region's `子公司` or `分公司`, nor a firm's `子公司`)?"""
    body = ctx.text[s:i]
    if body.endswith(("子", "母", "成员", "上市")):
        return False  # `康力电梯子公司`, `A母公司`, `A集团成员公司`: the firm's role, not a name (A is one: lists.py);
        # `纳斯达克上市公司`: where a firm is listed, a kind of firm
    if body.endswith("分"):
        return _brand_like(ctx, s, i)
    if len(body) >= 4 and body.endswith("国际") and not _COUNT_INSIDE.search(body):
        return True  # `碳循环国际公司`: a trade name before `国际` (`一家国际公司` is counted, `各国际公司` has no name)
    return _brand_like(ctx, s, i) or _region_named(ctx, body) or _place_named(ctx, s, i)


def _place_named(ctx: _Ctx, s: int, i: int) -> bool:
    """`内华达铁矿公司`, `浦东有轨交通公司`: a place the dictionary knows (`ns`, also abroad), then nouns of
    what the company does; not a country (`日本汽车公司`) or a park (`新区影视公司`): kinds, not names."""
    toks = ctx.tokens_in(s, i)
    return (len(toks) >= 2 and toks[0][0] == s and toks[0][2] == "ns" and toks[0][1] - toks[0][0] >= 2
            and all(pos in ("n", "vn", "b", "an") for _, _, pos in toks[1:]) and ctx.text[s:toks[0][1]] not in _COUNTRIES and not ctx.text[s:toks[0][1]].endswith(ctx.lex.park_suffixes))


def _region_named(ctx: _Ctx, body: str) -> bool:
    """A body that opens with a region and goes on to say what the body does
    (`青岛市先进封装测试` + 中心): the region makes a function into a name."""
    r = _tries(ctx.lex)["regions"].longest_at(body, 0)
    return bool(r) and len(body) - len(r) >= 3 and len(r) >= 2


def _proper_noun_in(ctx: _Ctx, body: str, start: int) -> bool:
    """Does ``body`` hold a proper noun or brand, beyond a region and generic
    words? `国家`/`中国` at the head count (`国家海洋技术转移中心`)."""
    rest = body
    r = _tries(ctx.lex)["regions"].longest_at(rest, 0) if rest else None
    if not r and ctx.tokens is not None:  # a place the dictionary knows but the divisions do not (`长三角`, `张江`)
        first = ctx.by_pos.get(start)
        r = ctx.text[start:first[1]] if first and first[0] == start and first[2] == "ns" and first[1] - start >= 2 else None
    if r:
        rest = rest[len(r):]
    if rest.startswith(("国家", "中国", "中科")) and not rest.startswith(("国家级",)):
        return True
    if ctx.tokens is None:
        return bool(rest) and ctx.words.get(rest) is None and not _generic(rest, _GENERIC_ORG_BODY)
    offset = start + len(body) - len(rest)
    for ts, te, pos in ctx.tokens_in(offset, start + len(body)):
        if te - ts >= 2:
            word = ctx.text[ts:te]
            if pos in ("nz", "nt", "nr", "nrt") or (pos is None and word not in ctx.lex.industries and not _generic(word, _GENERIC_ORG_BODY)):
                return True
    return False


_SIDES = re.compile(r"[两各多外本该双][国方]")


def _government_start(ctx: _Ctx, s: int, i: int) -> int | None:
    """Start of a government's name before `政府` at ``i``: its place (`这段时期|美国政府`, `依|美国政府`); None
    when the words name no place (`两国政府` is two governments, not a place's)."""
    s = s if _SIDES.search(ctx.text, s, i) else _places_before(ctx, s, i)
    return s if _place_like(ctx, ctx.text[s:i]) else None


def _places_before(ctx: _Ctx, s: int, i: int) -> int:
    """Start of the place name (a division, a dictionary `ns`, a country) that ends the body ``[s, i)`` when
    what comes before it is no place (`这段时期|美国`, `依|美国`); ``s`` otherwise (`广东省深圳市` stays whole)."""
    def place(a: int, b: int) -> bool:
        w = ctx.text[a:b]
        return w in ctx.lex.regions or ctx.words.get(w) == "ns" or w in _COUNTRY_WORDS
    for k in range(s + 1, i - 1):
        if ctx.is_token_boundary(k) and place(k, i) and not any(place(s, m) for m in range(s + 1, k + 1)):
            return k
    return s


def _place_like(ctx: _Ctx, body: str) -> bool:
    """A body that names a place: a division, a dictionary place name, or a name ending in 省/市/区/县/国…"""
    if body in ctx.lex.regions or ctx.words.get(body) == "ns":
        return True
    if _SIDES.search(body):
        return False  # `用好两国政府间…`: two governments, not a place's
    return len(body) >= 2 and body[-1] in "省市区县州镇乡国" and not _generic(body, _GENERIC_ORG_BODY | {"两国", "各国", "外国", "本国", "该国"})


def _proper_body(ctx: _Ctx, body: str, start: int | None = None, unknown_ok: bool = True) -> bool:
    """A name body that is more than generic words: it starts with a region
    or 国家/中国, or (with tokens) contains a proper noun or a word the
    dictionary does not know, as brand names are."""
    if body.startswith(("国家级", "省级", "市级")):
        body = body[3:]
    if _tries(ctx.lex)["regions"].longest_at(body, 0) or body.startswith(("国家", "中国", "中科", "全国")):
        return True
    if ctx.tokens is not None and start is not None:
        for ts, te, pos in ctx.tokens_in(start, start + len(body)):
            if te - ts >= 2 and (
                    pos in ("nz", "nt", "nr", "ns", "nrt") or (pos is None and unknown_ok and ctx.text[ts:te] not in ctx.lex.industries)
                    or firm_short_form(ctx.text[ts:te], pos, ctx.lex)):
                return True
    return False


# A bare `基金` is an investment fund only with one of these in front (`产业基金`), and never a social fund.
_INVESTMENT_WORD = re.compile(rules.alternation("investment_words"))

_NOT_INVESTMENT = re.compile(rules.alternation("non_investment_fund_words"))


_FUND_INDUSTRY_CLASSES = tuple(rules.words("fund_industry_classes"))

_FUND_BATCH = re.compile(r"首批|第[0-9一二三四五六七八九十]+批|[0-9]+[余多]?[支只个]|[两二三四五六七八九十几多数]+[支只个]")
_ONE_FUND = re.compile(r"一[支只个]")
_FUND_COUNT = re.compile(r"\d|[一二三四五六七八九十]+[只支个]")
_UP_TO_DE = re.compile(r"^.*?的")
_UP_TO_AMOUNT = re.compile(r"^.*?[0-9.]+[万亿]*元")


def _funds(ctx: _Ctx) -> list[Mention]:
    """Funds by their head (`引导基金`, `基金`): a bare `基金` needs an investment word in front (`产业基金`)."""
    text = ctx.text
    out = []
    for i, head in _tries(ctx.lex)["fund"].finditer(text):
        e = i + len(head)
        tail = text[e:e + 3]
        if tail.startswith(("联盟", "会", "管理", "公司", "利率")) or _FUND_COUNT.match(tail):
            continue  # (`联邦基金利率`: a rate)
        s = _extend_left(ctx, i, 10)
        body = text[s:i]
        # a bare `基金` needs a name or kind in front of it; `总规模…的` is not a name
        body = _UP_TO_DE.sub("", body) if "的" in body else body
        body = _UP_TO_AMOUNT.sub("", body)  # `总计3000亿元产业基金`
        s = i - len(body)
        if head == "基金" and (not body or _generic(body, _GENERIC_INDUSTRY) or not _INVESTMENT_WORD.search(body)):
            continue
        if _NOT_INVESTMENT.search(text[s:e]) or _FUND_BATCH.search(body):  # social insurance and currency funds;
            continue  # `首批14支产业专项基金`, `两支创投基金`: a batch or count of funds, not one (guidelines)
        s += 2 if _ONE_FUND.match(body) and (len(body) > 2 or head != "基金") else 0  # `设立一支|产业基金`: "a" fund
        s = _fund_edge(ctx, s, i)
        s += len(m.group()) if (m := _DATE_BEFORE_FUND.match(text, s, i)) else 0  # `2024年|旅游发展基金`: the clause's year
        if text.startswith("企业", s - 2) and text.startswith(("投资", "发展"), s) and not any(ctx.taken[s - 2:s]):
            s -= 2  # `成立|企业投资基金`: a fund for firms (the word `企业` ends company names, not this one)
        if _generic(text[s:i] + head.removesuffix("基金"), _FUND_CLASS_WORDS) and not _individuated(ctx, s, e):
            continue  # `申领专项基金`, `对创业投资基金作出规定`: a class of funds, not one the text sets apart
        if text.startswith("政府投资基金", e - 6) and not _tries(ctx.lex)["regions"].longest_at(text[s:e], 0):
            continue  # `发挥好政府投资基金等引导作用`: the legal class of government funds, not one fund
        out.append(Mention(s, e, "FUND", text[s:e], "fund:head"))
    return out


_FUND_CLASS_WORDS = frozenset(rules.words("generic_fund_kinds")) | frozenset(rules.words("fund_class_words"))
_DATE_BEFORE_FUND = re.compile(r"(?:[0-9]{4}|[今明去])年度?")
_AMOUNT = re.compile(r"[0-9.]+[万亿]*元|[0-9.]+[万亿]")
_SETUP = re.compile(rules.alternation("fund_setup_verbs"))
_OWNER_WORD = re.compile(r"[该本我全][省市区县园]")  # `该区用好产业引导基金`: the district's own fund
_SIZE_AFTER = re.compile(r"[,,]?(?:总)?规模(?:为|达|约|超)?[0-9]")


def _individuated(ctx: _Ctx, s: int, e: int) -> bool:
    """Does the clause set the fund at ``s:e`` apart: an owner (`该区`, a body named before it), an amount or a verb of
    setting it up before it in its clause (`设立100亿元产业投资基金`, `成立企业投资基金`), or its size after it (`…,总规模50亿元`)?"""
    text = ctx.text
    c = max(text.rfind(ch, 0, s) for ch in ",,。;;!?\n") + 1
    before = text[max(c, s - 16):s]
    owner = _OWNER_WORD.search(before) or any(c <= m.start < s and m.type in ("ORG", "PARK", "COMPANY") for m in ctx.found)
    first = "首个" in before or "首支" in before or "首只" in before  # `全国首个省级…专项基金`: the first one, one fund
    return bool(owner or first or _AMOUNT.search(before) or _SETUP.search(before) or _SIZE_AFTER.match(text, e)
                or _SETUP.match(text, e + (text.startswith("的", e) or text.startswith("正式", e) and 2)))  # `…专项基金(的)成立/启动`


_SIZE_BEFORE = re.compile(r"[0-9.]+[万亿]*元?(?:的)?规模的?$")  # `600亿元规模的|国家X基金`


def _sized(text: str, s: int, e: int) -> bool:
    """Is the fund at ``s:e`` given a size, before it (`设立了600亿元规模的…基金`) or after it (`…基金,总规模50亿元`)?
    Only an investment fund has one; a foundation (`团结香港基金`) has none."""
    return bool(_SIZE_BEFORE.search(text, max(0, s - 12), s) or _SIZE_AFTER.match(text, e))


def _fund_edge(ctx: _Ctx, s: int, i: int) -> int:
    """The start of a fund's name before its head at ``i``: back over a class of industries that the extension
    left out (`未来|产业基金`, a time word), and forward past a verb's complement `好` (`用好|产业引导基金`)."""
    text = ctx.text
    if s == i and text.startswith("产业", i):
        cls = next((c for c in _FUND_INDUSTRY_CLASSES if text.startswith(c, i - len(c))), None)
        if cls is not None and not any(ctx.taken[i - len(cls):i]):
            return i - len(cls)
    if text.startswith("好", s) and s < i and s > 0 and _CJK.match(text[s - 1]):
        return s + 1  # `发挥好`, `用好`: no fund's name starts with the complement of the verb before it
    return s


# A department after a named committee is one body with it (`云南省委统战部`).
_COMMITTEE_DEPT = re.compile(rf"(?:{rules.alternation('committee_departments')})")


_LOCAL_COMMITTEE = re.compile(r"[省市区县]委(?!员|会)")


def _party_committees(ctx: _Ctx) -> list[Mention]:
    """A named Party committee (`青岛市委`, `崂山区委`) is an ORG; a bare
    `市委` in a title (`市委书记`) is not."""
    text = ctx.text
    out = []
    for m in _LOCAL_COMMITTEE.finditer(text):
        e = m.end()
        for n in (4, 3, 2):
            s = m.start() - n
            if s >= 0 and (text[s:m.start() + 1] in ctx.lex.regions) and not any(ctx.taken[s:e]):
                dept = _COMMITTEE_DEPT.match(text, e)
                if dept:  # `云南省委统战部`: a department of the committee is one body
                    out.append(Mention(s, dept.end(), "ORG", text[s:dept.end()], "org:committee"))
                    break
                out.append(Mention(s, e, "ORG", text[s:e], "org:committee"))
                # `青岛市委、市政府`: the government after the committee is the same place's
                gov = re.compile(r"[、和及与]" + re.escape(text[m.start()]) + r"(?:人民)?政府").match(text, e)
                if gov and not any(ctx.taken[gov.start() + 1:gov.end()]):
                    region = text[s:m.start() + 1]
                    out.append(Mention(gov.start() + 1, gov.end(), "ORG", text[gov.start() + 1:gov.end()], "org:committee",
                                       region + text[gov.start() + 2:gov.end()]))
                break
    return out


# A numbered engineering bureau of a central state firm (`中铁一局`, `中建八局`, `中交二局`): the firm's short
# form (`中` and one character), a numeral and `局`; a firm of the group, not a government office (`第一局`).
_NUMBERED_BUREAU = re.compile(r"(?<![第])中[\u4e00-\u9fff][一二三四五六七八九十]{1,3}局(?!长|集团|有限|股份|公司)")


def _numbered_bureaus(ctx: _Ctx) -> list[Mention]:
    """`中铁一局承建`, `由中建三局负责`: a state firm's numbered bureau is a COMPANY (guidelines: firms of a group)."""
    return [Mention(m.start(), m.end(), "COMPANY", m.group(), "company:bureau") for m in _NUMBERED_BUREAU.finditer(ctx.text)
            if not any(ctx.taken[m.start():m.end()])]

