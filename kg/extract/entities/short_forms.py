"""Short forms: later mentions of a long name by a shorter form in the same text (``聚大洋`` for
``青岛聚大洋藻业集团有限公司``, ``蓝谷`` for ``青岛蓝谷``). The forms are the name without its legal
form, region or trade words; ordinary words, places and industries are never short forms.

>>> from kg.kb.lexicons import Lexicons
>>> from kg.extract.entities.context import _tries
>>> name = Mention(0, 13, "COMPANY", "青岛聚大洋藻业集团有限公司", "suffix:company")
>>> _short_candidates(name, _tries(Lexicons.load())["regions"], Lexicons.load())
['青岛聚大洋藻业', '聚大洋']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.entities.context import Mention, _Ctx, _generic, _Trie, _tries
from kg.extract.entities.parks import _GENERIC_PARK_BODY
from kg.kb import rules
from kg.kb.lexicons import Lexicons


def _short_forms(ctx: _Ctx, mentions: Sequence[Mention]) -> list[Mention]:
    """Find later short forms of long names in the same text."""
    text = ctx.text
    regions = _tries(ctx.lex)["regions"]
    out = []
    wanted: dict[str, Mention] = {}
    for m in mentions:
        if m.type not in ("COMPANY", "PARK", "ORG"):
            continue
        for short in _short_candidates(m, regions, ctx.lex):
            if len(short) >= 2 and not _common_word(ctx, short):
                wanted.setdefault(short, m)
    out += _operator_bare_names(ctx, mentions)
    declared = _declared_aliases(text, mentions)
    for short, m in declared.items():
        wanted.setdefault(short, m)
    for i, short in _Trie(wanted).finditer_all(text):  # one scan for all short forms
        m = wanted[short]
        if short in declared and _common_word(ctx, short) and not _stands_alone(ctx, i, i + len(short)):
            continue  # a declared ordinary word (`中心`) only as a word of its own, not in `新闻中心`
        out.append(Mention(i, i + len(short), m.type, short, "short", m.key or m.text))
    return out


#: After the bare name of an operator: what makes it the operator acting (`科技园掌管`, `科技园是`).
_ACTOR_AFTER = re.compile(rules.pattern("operator_actor_words"))
#: Before the bare name: a place word makes it the park (`在科技园`, `入驻科技园`).
_PLACE_BEFORE = re.compile(rf"(?:{rules.alternation('operator_place_words')})$")


def _operator_bare_names(ctx: _Ctx, mentions: Sequence[Mention]) -> list[Mention]:
    """The bare name of an operator (`科技园` of `香港科技园公司`, an organization named `<region><park term>公司`)
    where it acts (`科技园掌管工业邨`, `科技园主席`, `科技园是法定机构`): a mention of the operator; elsewhere the
    word may mean the park, and is left alone."""
    text, regions = ctx.text, _tries(ctx.lex)["regions"]
    titles = _tries(ctx.lex)["titles"]
    out = []
    for m in {m.text: m for m in mentions if m.type == "ORG" and m.text.endswith("公司")}.values():
        r = regions.longest_at(m.text, 0)
        bare = m.text[len(r) if r else 0: -2]
        if len(bare) < 2 or not _common_word(ctx, bare):
            continue  # a name of its own is a short form already (`_short_candidates`)
        for i in (k.start() for k in re.finditer(re.escape(bare), text)):
            e = i + len(bare)
            if text.startswith("公司", e) or _PLACE_BEFORE.search(text, max(0, i - 2), i):
                continue
            if (r and text.startswith(r, i - len(r))) or text[i - 1:i] in ("的",):
                continue
            if _ACTOR_AFTER.match(text, e) or titles.longest_at(text, e):
                out.append(Mention(i, e, "ORG", bare, "short", m.key or m.text))
    return out


#: Parts of speech of a word right before an ordinary word that make one name with it (`新闻|中心`).
_MODIFIER_POS = frozenset({"n", "nz", "nt", "ns", "vn", "j"})


def _stands_alone(ctx: _Ctx, a: int, b: int) -> bool:
    """Is ``[a, b)`` a word of its own: word boundaries at both ends and no noun right before it (`新闻中心`)?"""
    before = ctx.by_end.get(a)
    return ctx.is_token_boundary(a) and ctx.is_token_boundary(b) and (before is None or before[2] not in _MODIFIER_POS)


def _glued_short_word(ctx: _Ctx, m: Mention, a: int, b: int) -> bool:
    """Is ``[a, b)``, an occurrence of the short form ``m`` that is an ordinary word (a declared `中心`, an operator's
    `科技园`), glued into a longer name there (`新闻中心`)? Then it is no repeat of the entity."""
    return m.rule == "short" and _common_word(ctx, m.text) and not _stands_alone(ctx, a, b)


#: `A(简称B)`, `A(下称“B”)`, `A(以下简称:B)`: the other name (group 1) the text declares for A in brackets right after it.
_DECLARED = re.compile(r"\((?:以下简称|以下称|下称|简称)[::]?[“\"「『]?([^()“”\"「」『』,;:。、\s]{2,12}?)[”\"」』]?\)")


def _declared_aliases(text: str, mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Other names the text declares for a company, organization or park (`香港科技园公司(下称科技园)`,
    `…有限公司(简称因合生物)`): each names the entity wherever it occurs, even an ordinary word (the text
    says what it means). Alias → the named mention."""
    out: dict[str, Mention] = {}
    for m in mentions:
        d = _DECLARED.match(text, m.end) if m.type in ("COMPANY", "ORG", "PARK") else None
        if d is not None and d.group(1) != m.text:
            out.setdefault(d.group(1), m)
    return out


# Parts of speech of ordinary words: a "short form" that is one (`海洋` left of
# `青岛海洋科技投资发展集团有限公司`) would tag every use of the word.
_COMMON_POS = frozenset({"n", "v", "vn", "a", "an", "ad", "d", "ns", "s", "f", "m", "q", "t", "b", "l", "i"})


def _common_word(ctx: _Ctx, short: str) -> bool:
    """True when ``short`` is an ordinary word, a place, an industry or a bare park/zone term.

    >>> from kg.kb.lexicons import Lexicons
    >>> ctx = _Ctx("", Lexicons.load(), None, [], {"海洋": "n"})
    >>> _common_word(ctx, "海洋"), _common_word(ctx, "高新区"), _common_word(ctx, "聚大洋")
    (True, True, False)
    """
    lex = ctx.lex
    if ctx.words.get(short) in _COMMON_POS or short in lex.regions or short in lex.industries:
        return True
    bare = re.sub(r"^(?:国家级|国家|省级|市级)", "", short)
    return bare in lex.park_suffixes or bare in _GENERIC_PARK_BODY or bare in ("产业园", "园区", "高新区", "开发区")


# Legal forms and trade words taken off a company name to find its short form (`聚大洋藻业集团有限公司` → `聚大洋`).
_LEGAL = rules.words("legal_forms")

_TRADE = rules.words("short_form_trade_words")


def _short_candidates(m: Mention, regions: _Trie, lex: Lexicons) -> list[str]:
    """The short forms a company or park name may go by: without its legal form, region and trade
    words (`聚大洋`), with or without its region; a park without its region, or its region and kind; an
    organization that is a company by name (`香港科技园公司`) without its region."""
    name = m.text
    out = []
    if m.type == "COMPANY":
        core = name
        for suf in _LEGAL:
            if core.endswith(suf):
                core = core[: -len(suf)]
                break
        core = re.sub(r"\([^)]*\)", "", core)
        r = regions.longest_at(core, 0) if core else None
        if r and len(core) - len(r) >= 2:
            with_region = core
            core = core[len(r):]
            if with_region != name:
                out.append(with_region)
        changed = True
        while changed:
            changed = False
            for t in _TRADE:
                if core.endswith(t) and len(core) - len(t) >= 2:
                    core = core[: -len(t)]
                    changed = True
        if core != name and len(core) >= 2:
            out.append(core)
    elif m.type == "ORG" and name.endswith("公司"):
        # a statutory or state-owned operator (`香港科技园公司`) goes by its name without the region (`科技园公司`)
        r = regions.longest_at(name, 0)
        if r and len(name) - len(r) >= 4:
            out.append(name[len(r):])
    elif m.type == "PARK":
        r = regions.longest_at(name, 0)
        if r and len(name) - len(r) >= 2:
            rest = name[len(r):]
            if rest not in _GENERIC_PARK_BODY and not _generic(rest[:-2] if len(rest) > 2 else rest, _GENERIC_PARK_BODY) or len(rest) == 2:
                out.append(rest)
            # `碑林产业带` for `碑林环大学创新产业带`: the region with the kind of carrier
            kind = max((x for x in lex.park_suffixes if len(x) >= 3 and rest.endswith(x)), key=len, default="")
            if kind and len(rest) - len(kind) >= 2:
                out.append(r + kind)
    return out
