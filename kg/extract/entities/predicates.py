"""Firms named by what only a firm has: a stock code after the name (``星岚稀土(600999.SH)``,
``远星国际(09999)``), a stake in it (``临海精密制品90%股权``), or a word of a firm's accounts, board or
shares right after it (``星岚科技管理层``, ``远景瑞尔股价``, ``九洲达内部人士``; the list is
``kg/data/rules/firm_predicates.txt``).

Listed companies are named in financial news by their stock short name, with no legal form and no
lexicon entry. The name must still look like one: letters, a proper noun or a word the dictionary
does not know (:func:`~kg.extract.entities.lists._brand_like`), words that make no dictionary word together
with a proper or unknown one among them (``世纪|瑞尔``, ``九洲|达``), or a name of its own before a trade
word (``星岚科技``: a brand and its line of business); places, industries and kinds of firm
(``上市公司``, ``该公司``) are not names. A name found by a predicate must be written at least twice
in the text (a firm the story is about is named again); a stock code or a stake is enough by itself.

>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> def ctx(text): return _Ctx(text, lex, None, [False] * len(text))  # no tokens: characters
>>> [m.text for m in _companies_by_predicate(ctx("此外,青禾智造(300999.SZ)发布公告。"))]
['青禾智造']
>>> [m.text for m in _companies_by_predicate(ctx("此外,Qingtech股价大跌。Qingtech管理层回应。"))]
['Qingtech', 'Qingtech']
"""

from __future__ import annotations

import re

from kg.extract.entities.context import STOP_POS, Mention, _Ctx, _extend_left, _generic, _tries
from kg.extract.entities.industry_spans import _known_industry
from kg.extract.entities.lists import _brand_like, _unknown_phrase
from kg.extract.entities.suffixes import _GENERIC_COMPANY_BODY
from kg.kb import rules

# A stock code in brackets: Shanghai or Shenzhen (`600111.SH`, `SZ002296`, `601328`), Hong Kong (`00117.HK`,
# `0500`, `02232`) or Taiwan (`3363`); a four-digit number that may be a year (`(2022)`) is none.
_STOCK_CODE = re.compile(r"\((?:(?:S[HZ])?[0-9]{6}(?:\.S[HZ])?|[0-9]{4,5}\.HK|0[0-9]{3,4}|(?!19|20)[1-9][0-9]{3})\)")
_PREDICATE = re.compile(rules.alternation("firm_predicates"))
# A stake in the firm right after its name (`滨江特钢100%股权、临海精密制品90%股权`): only a firm has shares.
_STAKE = re.compile(r"(?:[近约逾超]过?)?[0-9]+(?:\.[0-9]+)?%(?:的)?(?:股权|股份)")  # (`持有营口中板|近50.40%的股份`)
_STAKE_VERB = re.compile(rf"^(?:{rules.alternation('stake_holder_verbs')})")
_TRADE_WORDS = tuple(sorted(set(rules.words("firm_words") + rules.words("short_form_trade_words")), key=len, reverse=True))
_ROLE = re.compile(rules.alternation("firm_role_nouns"))
_SHARE_CLASS = re.compile(r"^(?:[A-Z]|[0-9]+)?股$|板$")  # `A股股价`, `创业板市值`: a market, not a firm
# A date or a period before the predicate (`2010年营收`, `4-6月净利润`, `第一财季净利润`, `今天(5月11日)发布公告`): the time
# of the clause, never a firm's name.
_TIME = re.compile(r"[0-9]+[年月日号]|财季|财年|季度|^[当本同上]季")
# A kind of body before the predicate (`专精特新中小企业营收`, `冰岛气象部门发布公告`): a class of firms or an office, no firm's name.
_KIND_ENDINGS = ("企业", "部门", "机构", "政府")


def _companies_by_predicate(ctx: _Ctx) -> list[Mention]:
    """Companies named before a stock code or a stake, or (written twice) before a firm's predicate."""
    text = ctx.text
    out = []
    cues = [(m.start(), True) for m in _STOCK_CODE.finditer(text)] + [(m.start(), True) for m in _STAKE.finditer(text)]
    cues += [(m.start(), False) for m in _PREDICATE.finditer(text)]
    for i, coded in cues:
        s = _name_start(ctx, i, coded)
        if s is None:
            continue
        name = text[s:i]
        if coded or text.count(name) >= 2:
            out.append(Mention(s, i, "COMPANY", name, "company:predicate"))
    return out


def _name_start(ctx: _Ctx, i: int, coded: bool = False) -> int | None:
    """Start of the firm's name ending at ``i``, None when the words there name no firm. Before a stock code
    or a stake (``coded``), a place and a line of business make a name (`滨江塑胶`)."""
    text = ctx.text
    if i < 2 or ctx.taken[i - 1] or text[i - 1] in "的之":
        return None
    s = _extend_left(ctx, i, 10)
    role = list(_ROLE.finditer(text, s, i))  # `供应商|中国石油(601857)`: the firm's role is no part of its name
    if role and i - role[-1].end() >= 2:
        s = role[-1].end()
    if coded and (verb := _STAKE_VERB.match(text[s:i])) and i - s - verb.end() >= 2:
        s += verb.end()  # `增持|海普诺凯31.56%股权`: the buyer's verb is no part of the name
    name = text[s:i]
    bare = re.sub(r"\([^)]*\)$", "", name)  # `…防卫学院(ISDC)25%股权`: an institute's stake, or a park's, is none of a firm
    if bare.endswith(ctx.lex.org_suffixes + ctx.lex.park_suffixes) or bare.count("(") != bare.count(")"):
        return None
    if len(name) < 2 or any(ctx.taken[s:i]) or name in ctx.lex.regions or _SHARE_CLASS.search(name) or _TIME.search(name) or name.endswith(_KIND_ENDINGS) \
            or _generic(name, _GENERIC_COMPANY_BODY) or _known_industry(ctx, name) and not (coded and _region_led(ctx, name)) \
            or ctx.words.get(name) in ("n", "v", "vn", "a", "ns", "nr", "r", "t", "m") \
            or any(pos in STOP_POS and (b - a >= 2 or a == s) and text[a:b] not in ctx.lex.regions for a, b, pos in ctx.tokens_in(s, i)):
        return None  # a verb or a function word of the clause (a single character inside an unknown name may be one:
        # `九洲|达`; a place the dictionary tags as an adverb is a place: `大连`)
    return s if _brand_like(ctx, s, i) or _unknown_phrase(ctx, s, i) or _trade_name(ctx, s, i) or coded and _region_led(ctx, name) else None


def _region_led(ctx: _Ctx, name: str) -> bool:
    """A place and two characters or more after it, which are no place themselves (`滨江|塑胶`, `临海|精密制品`)."""
    r = _tries(ctx.lex)["regions"].longest_at(name, 0)
    return bool(r) and len(name) - len(r) >= 2 and name[len(r):] not in ctx.lex.regions


def _trade_name(ctx: _Ctx, s: int, e: int) -> bool:
    """A name of its own before a trade word (`星岚|科技`, `临海|阿胶` is not: no trade word): the part
    before the word is two characters or more, and no place, industry or kind of firm."""
    name = ctx.text[s:e]
    word = next((w for w in _TRADE_WORDS if name.endswith(w) and len(name) - len(w) >= 2), None)
    if word is None:
        return False
    head = name[: len(name) - len(word)]
    return head not in ctx.lex.regions and not _known_industry(ctx, head) and not _generic(head, _GENERIC_COMPANY_BODY)
