"""Known names: the enterprises, parks and central bodies the lexicons list, found by any of
their forms (longest first), and the checks that keep a known form from matching inside other words.

An ASCII brand must stand alone (``NEC``, not inside ``GENEC``), a short name must be whole words,
a brand that is also a number (``360``) needs a company context, a region right before a brand
belongs to the name (``青岛华大基因``), and a foreign country before a central body makes it that
country's body (``美国国务院``).

>>> from kg.kb.lexicons import Lexicons
>>> text = "美国国务院表示,青岛华大基因将扩产。"
>>> [(m.text, m.type) for m in _known(_Ctx(text, Lexicons.load(), None, [False] * len(text)))]
[('美国国务院', 'ORG'), ('青岛华大基因', 'COMPANY')]
"""

from __future__ import annotations

import re

from functools import lru_cache

from kg.extract.entities.context import _CJK, Mention, _boundary_ends_at, _Ctx, _Trie
from kg.kb import rules
from kg.kb.lexicons import KnownEntity, Lexicons


# Countries that locate a foreign firm rather than name it (`德国大众汽车集团` is 大众汽车集团).
_COUNTRIES = rules.words("foreign_countries")


@lru_cache(maxsize=8)
def _known_index(lex: Lexicons) -> tuple[_Trie, dict[str, KnownEntity], _Trie]:
    """Every form of a known entity (two characters or more, or ASCII) with its entity; the first listed wins.
    Also the trie of the forms that start with an ASCII character, for the case-folded pass of :func:`_known`."""
    by_form: dict[str, KnownEntity] = {}
    for k in lex.known:
        for f in k.forms:
            if len(f) >= 2 or f.isascii():
                by_form.setdefault(f, k)
    return _Trie(by_form), by_form, _Trie(f for f in by_form if f[:1].isascii() and f)


def _known(ctx: _Ctx) -> list[Mention]:
    """The known names in the text, longest form at each position, unless the context says otherwise."""
    trie, by_form, ascii_led = _known_index(ctx.lex)
    text = ctx.text
    out = []
    # ASCII brand names are matched regardless of case (`VIVO`, `vivo`). An ASCII form can only start at
    # an ASCII character, where every form that could start there starts with it: the trie of those forms
    # finds the same longest forms there as the whole trie, without visiting the Chinese text again.
    hits = list(trie.finditer(text))
    folded = text.lower()
    if folded != text:
        seen = {i for i, _ in hits}
        hits += [(i, f) for i, f in ascii_led.finditer(folded) if f.isascii() and i not in seen]
    for i, form in hits:
        k = by_form[form]
        end = i + len(form)
        if form.isascii():
            # ASCII names (NEC, TCL) must stand alone, not inside a longer word
            if (i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()) or (end < len(text) and text[end].isascii() and text[end].isalnum()):
                continue
        if k.type == "ORG" and _FIRM_AFTER.match(text, end):
            continue  # `联合国实集团` is `联合|国实集团`: a firm's name runs on from the known one
        if k.type == "ORG" and form != k.name and _PLACE_AFTER.match(text, end):
            continue  # `世贸大道`, `世贸中心`: a street or building named after the body's short form
        institute = _INSTITUTE_AFTER.match(text, end) if k.type == "ORG" and k.name.endswith("科学院") else None
        if institute:  # `中科院地理所`: an institute of the academy, a body of its own
            out.append(Mention(i, institute.end(), "ORG", text[i:institute.end()], "known", text[i:institute.end()]))
            continue
        if (k.ambiguous and not (form == k.name and form.endswith(_FIRM_HEADS)) or form.isdigit()) and not _company_context(text, i, end):
            continue  # `360度`, `360亿` are numbers unless the text says company; `苹果公司` says it itself
        if ctx.starts is not None and len(form) <= 4:
            aligned = (ctx.is_token_boundary(i), ctx.is_token_boundary(end))
            if not all(aligned) if len(form) <= 2 else not any(aligned):
                continue  # `安联` inside `西安|联创`: a short known name must be whole words
            crossing = ctx.by_pos.get(end - 1)
            if not aligned[1] and crossing is not None and crossing[2] is not None and crossing[1] > end \
                    and text[end:crossing[1]] not in ctx.lex.titles:  # `运房局|局长` split as `运房|局局长`: the title follows
                if crossing[2] == "nt" and crossing[0] == i and k.type == "ORG":  # `国务院新闻办公室`: the dictionary's
                    out.append(Mention(i, crossing[1], "ORG", text[i:crossing[1]], "known", text[i:crossing[1]]))  # body of it
                continue  # `人社部|门` is `人社|部门`: the name ends inside a dictionary word
        start = i
        country = next((c for c in _COUNTRIES if text.startswith(c, i - len(c))), None) if k.type == "ORG" else None
        if country:  # `美国国务院` is not 国务院: the country's own body, a name of its own
            out.append(Mention(i - len(country), end, "ORG", text[i - len(country):end], "known", text[i - len(country):end]))
            continue
        local = _local_body_start(ctx, k, form, i)
        if local < i:  # `河南省发改委`, `市国资委`: a province's or city's own body, not the national one
            out.append(Mention(local, end, "ORG", text[local:end], "known", text[local:end]))
            continue
        if k.type == "COMPANY":  # `青岛华大基因`: a region right before a brand belongs to the name
            for n in (4, 3, 2):
                if i - n >= 0 and text[i - n:i] in ctx.lex.regions and (i - n == 0 or not _CJK.match(text[i - n - 1]) or _boundary_ends_at(ctx, i - n)):
                    start = i - n
                    break
        elif k.type == "PARK":  # `武汉光谷`: a city right before a park's short name is part of the name
            start = _city_before(ctx, i)  # (in another city, `雄安中关村科技园`, a branch: a park of its own)
            zone = _zone_of_another_province(ctx, k, i) if start == i else None
            if zone:  # `雄安新区中关村科技园`: a branch inside the zone, keyed by the zone's place, not the park elsewhere
                out.append(Mention(i, end, "PARK", text[i:end], "known", zone[:-2] + text[i:end]))
                continue
            if start < i:
                city = text[start:i]  # `武汉市` before `东湖高新区` (武汉东湖高新区): the park's own city
                short = city[:-1] if len(city) > 2 and city.endswith(("市", "县")) else city
                key = k.name if k.name.startswith((city, short)) else text[start:end]
                out.append(Mention(start, end, "PARK", text[start:end], "known", key))
                continue
        tail = _group_firm_tail(ctx, end) if k.type == "COMPANY" and k.name not in _GROUP_TRADE_WORDS else 0
        if tail:  # `西门子能源`: a firm of the group, a node of its own (the parent is not the daughter)
            out.append(Mention(start, end + tail, "COMPANY", text[start:end + tail], "known", text[start:end + tail]))
            continue
        out.append(Mention(start, end, k.type, text[start:end], "known", k.name if start == i else text[start:end]))
    return out


_NATIONAL_HEADS = tuple(rules.words("national_body_heads"))


def _local_body_start(ctx: _Ctx, k: KnownEntity, form: str, i: int) -> int:
    """Start of a division (`河南省`, `青岛市`) or a bare level (`市`, `省`) right before the short form ``form``
    at ``i`` of a national body (`发改委`, `社科院`, `国资委`): provinces and cities have bodies of the same
    short name, so that prefix names a local body of its own. ``i`` when there is none."""
    if k.type != "ORG" or form == k.name or form.startswith(_NATIONAL_HEADS) or not k.name.startswith(_NATIONAL_HEADS):
        return i
    text = ctx.text
    for n in (4, 3, 2):
        r = text[i - n:i] if i - n >= 0 else ""
        if r in ctx.lex.regions and r not in ("中国", "全国") and (i - n == 0 or not _CJK.match(text[i - n - 1]) or _boundary_ends_at(ctx, i - n)):
            return i - n
    return i - 1 if i >= 1 and text[i - 1] in "省市区县" else i


def _city_before(ctx: _Ctx, i: int) -> int:
    """Start of a city or district name (not a province or country), or of the place a new area is named
    after (`雄安` of 雄安新区), right before ``i``, else ``i``."""
    text = ctx.text
    for n in (4, 3, 2):
        r = text[i - n:i] if i - n >= 0 else ""
        place = r in ctx.lex.regions and not ctx.lex.regions[r].endswith(("省", "自治区", "国")) and r != "中国"
        if place and (i - n == 0 or not _CJK.match(text[i - n - 1]) or _boundary_ends_at(ctx, i - n)):
            return i - n
        if r + "新区" in _new_areas(ctx.lex) and (i - n == 0 or ctx.is_token_boundary(i - n)):
            return i - n  # `建设|雄安|中关村科技园`: the new area's place, a word of its own
    return i


@lru_cache(maxsize=8)
def _new_areas(lex: Lexicons) -> frozenset[str]:
    """Names of the known new areas (`雄安新区`)."""
    return frozenset(k.name for k in lex.known if k.type == "PARK" and k.name.endswith("新区"))


def _zone_of_another_province(ctx: _Ctx, k: KnownEntity, i: int) -> str | None:
    """A known new area right before the known park ``k`` at ``i`` that lies in another province
    (`雄安新区|中关村科技园`: Zhongguancun is Beijing's), else None."""
    from kg.kb.codes import Divisions

    zone = next((z for z in _new_areas(ctx.lex) if ctx.text.startswith(z, i - len(z))), None)
    if zone is None:
        return None
    divisions = Divisions.load()
    a, b = divisions.parks.get(zone), divisions.parks.get(k.name)
    return zone if a is not None and b is not None and divisions.province(a).code != divisions.province(b).code else None


_GROUP_TRADE_WORDS = tuple(sorted(rules.words("group_trade_words"), key=len, reverse=True))


def _group_firm_tail(ctx: _Ctx, end: int) -> int:
    """Length of a trade word right after a known firm's name that makes the name of another firm of its
    group (`西门子|能源`, `本田|汽车`), when the word ends a word of its own and no legal form follows (the
    suffix grammar reads `本田汽车有限公司`); else 0."""
    text = ctx.text
    for w in _GROUP_TRADE_WORDS:
        e = end + len(w)
        if text.startswith(w, end) and (ctx.starts is None or (ctx.is_token_boundary(end) and ctx.is_token_boundary(e))) \
                and not _FIRM_SUFFIX_AFTER.match(text, e):
            return len(w)
    return 0


# After the trade word: a legal form or a firm's head within a few characters (the whole is a registered
# name the grammar reads: `本田汽车零部件有限公司`), or a word that makes it a line of business (`歌尔微电子产业项目`).
_FIRM_SUFFIX_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:有限|股份|集团|公司|[(（])|" + rules.alternation("group_firm_stop_words"))


# An institute's short name right after an academy's (`中科院|地理所`, `中科院|长春光机所`): not `所长`, `所属`.
_INSTITUTE_AFTER = re.compile(r"[^\W\d_的与和及在等是为对将从向把被由、，。]{1,5}?所(?![长属以有在谓得])")

# A few characters and a firm's head right after a known body: the body's name is part of a firm's.
_PLACE_AFTER = re.compile(f"(?:{rules.pattern('known_body_place_heads')})")
_FIRM_AFTER = re.compile(r"(?:(?![或和与及的])[\u4e00-\u9fff]){1,4}(?:集团|公司)")  # not across `或` (`司长或公司注册处`)


# A firm's head at the end of a known firm's full name: the name says firm (`苹果公司`, `小米集团`), whatever its short form means.
_FIRM_HEADS = ("公司", "集团", "株式会社")


def _company_context(text: str, s: int, e: int) -> bool:
    """Does the text around ``s:e`` say company (`360集团`, `企业360`)?"""
    after = text[e:e + 4]
    before = text[max(0, s - 6):s]
    return after.startswith(("集团", "公司", "股份", "科技", "控股")) or before.endswith(("企业", "公司", "集团", "品牌"))


def _known_company(ctx: _Ctx, name: str) -> bool:
    """Is ``name`` a form of a known company?"""
    k = _known_index(ctx.lex)[1].get(name)
    return k is not None and k.type == "COMPANY"


def _known_name(ctx: _Ctx, form: str) -> str:
    """The canonical name of the known entity that ``form`` is a form of ('' when none)."""
    k = _known_index(ctx.lex)[1].get(form)
    return k.name if k is not None else ""
