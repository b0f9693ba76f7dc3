"""Names a statistical tagger proposes, typed and checked by the rules.

The tagger (:mod:`kg.extract.ner`) finds names without a lexicon entry or a title next to them, but
with coarse labels (person, organization, location) and loose boundaries. The rules decide:

* **persons**: a proposed person is taken when it looks like a Chinese name (a listed surname and one
  or two more characters, or a transliterated name joined by ``·``; right after a post's title, any two to
  four characters the tagger is very sure of: rare surnames, transliterations), is not an ordinary word of
  the dictionary, a title or a place, the tagger is sure enough (``min_prob``), and it holds a post: a
  title in its clause (in its sentence when the name opens a clause; in a copula clause right after it,
  ``A,为时任…董事长``), or a title (generic ones too) right before it or before its list (``成员:A、B``),
  but not under a collective designation (``市领导A、B``);
  a person the rules found is carried to a longer one the tagger is sure of (:func:`widen_persons`);
* **organizations**: a proposed organization is typed by the grammar of its ending: an office or
  institution suffix makes an ORG, a park suffix a PARK, a fund head a FUND; generic phrases
  (``该公司``, ``有关部门``), counts, media, a firm's sites and functional bodies without a proper name
  (``公共资源服务中心``) are dropped, as the suffix grammars drop them. Companies (a legal form, a trade
  word, or a bare name such as ``华为``) are switched off by :data:`MIN_PROB`: on the development set
  they cost more precision than they gave recall (model:company precision 0.28);
* **locations** are not entities (cities are not nodes), except a place that is a park by its suffix.

Proposals enter after the names the lexicons and grammars found, so a rule's name and boundary win
where both found one; names they add are then repeated through the document like any other name.

>>> from kg.extract.entities.context import _Ctx
>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> text = "院长王建国和青岛市青禾研究院的工程师交流。"
>>> ctx = _Ctx(text, lex, None, [False] * len(text))
>>> [(m.text, m.type) for m in proposed_mentions(ctx, [Proposal(2, 5, "PER", 0.9), Proposal(6, 14, "ORG", 0.8)])]
[('王建国', 'PERSON'), ('青岛市青禾研究院', 'ORG')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kg.extract.entities.context import _COUNT_INSIDE, _NAME_VERBS, STOP_POS, Mention, _Ctx, _generic, _tries
from kg.extract.entities.known import _COUNTRIES
from kg.extract.entities.lists import _SITE_TAIL
from kg.extract.entities.persons import _TRANSLIT
from kg.extract.entities.parks import (_GENERIC_PARK_BODY, _INDUSTRY_PARK_SUFFIXES, _industry_only, _no_named_carrier,
                                       _strong_park_suffixes)
from kg.extract.entities.suffixes import (_INVESTMENT_WORD, _ONE_CHAR_ORG_SUFFIX, _sized, _DETERMINER_BEFORE, _GENERIC_COMPANY_BODY, _GENERIC_ORG_BODY, _MEDIA, _ORG_NEEDS_PROPER_BODY,
                                          _POSITIONING_LABEL, _proper_body, _region_named)
from kg.kb import rules
from kg.kb.lexicons import Lexicons

#: How sure the tagger must be (the smallest marginal probability over the span's tags), per kind of
#: proposal; chosen on the development set, never on the test set. Above 1: that kind is switched off.
MIN_PROB = {"person": 0.8, "typed": 0.5, "bare": 2.0, "company": 2.0, "widen": 0.9, "after_post": 0.9}

_SENTENCE_END = re.compile(r"[。!?;\n]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MARKUP = re.compile(r"[%<>&=/\\,;:!?。、]")  # markup, or punctuation that no name holds (`邮政,以及香港房屋委员会`)
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·-][\u4e00-\u9fff]{1,8})+")  # parts joined by `·` or a hyphen
_GENERIC_HEAD = re.compile(rf"^(?:{rules.alternation('generic_name_openers')})")
_FIRM_WORDS = rules.words("short_form_trade_words")
_GENERIC = {"COMPANY": _GENERIC_COMPANY_BODY, "ORG": _GENERIC_ORG_BODY, "PARK": _GENERIC_PARK_BODY, "FUND": frozenset()}


@dataclass(frozen=True)
class Proposal:
    """A name the tagger proposes: offsets in the normalized text, a coarse label, its confidence."""

    start: int
    end: int
    label: str  # PER, ORG, LOC (or COMPANY)
    prob: float


def proposals_from(data: Iterable[Sequence[Any]]) -> list[Proposal]:
    """The proposals of the tagger's plain data (``[start, end, label, prob]`` each)."""
    return [Proposal(int(s), int(e), str(label), float(prob)) for s, e, label, prob in data]


def proposed_mentions(ctx: _Ctx, proposals: Iterable[Proposal]) -> list[Mention]:
    """The proposals the rules accept, as mentions with rule ``model:<type>``."""
    out: list[Mention] = []
    with_post = _sentences_with_a_title(ctx)
    in_clause = _clauses_with_a_title(ctx)
    titled_ends = _title_ends(ctx)
    post_ends = _title_ends(ctx, posts_only=True)
    for p in proposals:
        if p.label == "PER" and (_under_leaders(ctx.text, p.start)
                                 or not _holds_post(ctx, p, with_post, in_clause) and _list_start(ctx.text, p.start) not in titled_ends):
            continue  # a person is an entity only with a post (guidelines): no title next to the name, no post
        start = p.start if p.label == "PER" else _after_predicate(ctx, p.start, p.end)
        end = _hyphen_tail(ctx.text, p.end) if p.label == "PER" and start in post_ends else p.end
        name = ctx.text[start:end]
        if not _CJK.search(name) or _MARKUP.search(name):
            continue  # markup or escaped bytes (`%EF%BF%BD`) the tagger took for a name
        if p.label != "PER" and _preposition_inside(ctx, start, end):
            continue  # `湘西自治州中院|对|州医院`: a clause (subject, preposition, object), not one name
        if p.label == "PER":
            etype = _person(ctx, name, p.prob, start in post_ends) if _whole_words(ctx, start, end) else None
        else:
            etype = _organization(ctx, name, start, p.label, p.prob)
        if etype == "ORG" and name.endswith(_GOVERNMENT_OFFICE_ENDS):
            start = _place_before(ctx, start)  # `台湾|国防部`: the tagger left the place out of the office's name
            name = ctx.text[start:end]
        if etype:
            out.append(Mention(start, end, etype, name, f"model:{etype.lower()}"))
    return out


_PREPOSITIONS = frozenset("对把被向")


def _preposition_inside(ctx: _Ctx, start: int, end: int) -> bool:
    """Does a preposition stand inside the span right after a whole name (an organization's ending)?
    (`湘西自治州中院|对|州医院`; the segmenter may glue the preposition to the next word, `对州`.)"""
    lex = ctx.lex
    ends = lex.org_suffixes + lex.company_suffixes + lex.park_suffixes
    return any(ctx.text[i] in _PREPOSITIONS and ctx.text[start:i].endswith(ends) for i in range(start + 2, end - 1))


#: Ends of a government office's name: its place belongs to it (`日本防卫省`); a university's or a firm's
#: country is a description (`美国|奇点大学`).
_GOVERNMENT_OFFICE_ENDS = tuple(rules.words("government_office_ends"))


def _place_before(ctx: _Ctx, i: int) -> int:
    """Start of a country or division written right before the office name at ``i`` (`台湾国防部`,
    `日本经济产业省`): the place is part of that office's name. ``i`` when there is none, for China as a whole, or
    when the place is the end of a longer word.

    >>> from kg.extract.entities.context import _Ctx
    >>> t = "台湾国防部表示"
    >>> _place_before(_Ctx(t, Lexicons.load(), None, [False] * len(t)), 2)
    0
    """
    text = ctx.text
    for n in (4, 3, 2):
        r = text[i - n:i] if i - n >= 0 else ""
        if (r in ctx.lex.regions or r in _COUNTRIES) and r not in ("中国", "全国") \
                and (i - n == 0 or not _CJK.match(text[i - n - 1]) or ctx.is_token_boundary(i - n)):
            return i - n
    return i


def widen_persons(text: str, found: list[Mention], proposals: Iterable[Proposal]) -> list[Mention]:
    """The rules' persons, each carried to the end of a longer person the tagger is sure of at the same
    start: the rules stop a name after two characters when the third is rare or a word of its own
    (`杨梦|甦`, `徐立|之`, `田尻|和宏`), the tagger reads the characters around it.

    >>> t = "系主任杨梦甦等。"
    >>> [m.text for m in widen_persons(t, [Mention(3, 5, "PERSON", "杨梦", "person:title")], [Proposal(3, 6, "PER", 0.97)])]
    ['杨梦甦']
    """
    longer = {p.start: p.end for p in proposals if p.label == "PER" and p.prob >= MIN_PROB["widen"] and p.end - p.start <= 4}
    out = []
    for m in found:
        e = longer.get(m.start, 0)
        tail = text[m.end:e]
        if m.type == "PERSON" and e > m.end and _CJK_NAME.match(text, m.start, e) and not set(tail) & _NOT_IN_A_NAME:
            m = Mention(m.start, e, m.type, text[m.start:e], m.rule, m.key)
        out.append(m)
    return out


# Characters that end a name rather than continue it: function words and the followers of a name.
_NOT_IN_A_NAME = frozenset("的了着是和与及在等也则还将已都亦仍均说称讲表指为对向到赴")


def worth_tagging(text: str, pieces: Iterable[tuple[int, int]], lex: Lexicons) -> list[tuple[int, int]]:
    """The pieces of ``text`` in which the rules could take a proposal: those holding a title (for a
    person) or an organization, park or fund suffix (for the rest)."""
    tries = _tries(lex)
    signals = sorted(i for kind in _SIGNALS for i, _ in tries[kind].finditer(text))
    out = []
    for a, b in pieces:
        k = bisect_left(signals, a)
        if k < len(signals) and signals[k] < b:
            out.append((a, b))
    return out


_SIGNALS = ("titles", "org", "park", "fund")


def _sentences_with_a_title(ctx: _Ctx) -> list[tuple[int, int]]:
    """The sentences that name a post (a title of the lexicon other than a generic one, `先生`)."""
    return _pieces_with_a_title(ctx, _SENTENCE_END)


def _pieces_with_a_title(ctx: _Ctx, ends: re.Pattern[str]) -> list[tuple[int, int]]:
    """The pieces of the text between matches of ``ends`` that hold a non-generic title of the lexicon."""
    titled = sorted(i for i, t in _tries(ctx.lex)["titles"].finditer(ctx.text) if ctx.lex.titles.get(t) != "generic")
    spans, start = [], 0
    for end in [m.end() for m in ends.finditer(ctx.text)] + [len(ctx.text)]:
        k = bisect_left(titled, start)
        if k < len(titled) and titled[k] < end:
            spans.append((start, end))
        start = end
    return spans


def _title_ends(ctx: _Ctx, posts_only: bool = False) -> frozenset[int]:
    """Where a title of the lexicon ends, generic ones included (`组长`, `队长`, `成员`): a name right after
    one holds that post even in a sentence :func:`_sentences_with_a_title` passes over. With ``posts_only``,
    the non-generic titles only."""
    return frozenset(i + len(t) for i, t in _tries(ctx.lex)["titles"].finditer(ctx.text)
                     if t not in _NOT_A_POST_BEFORE and not (posts_only and ctx.lex.titles.get(t) == "generic"))


def _clauses_with_a_title(ctx: _Ctx) -> list[tuple[int, int]]:
    """The clauses (between commas, colons, quotation marks and sentence ends) that name a post."""
    return _pieces_with_a_title(ctx, _CLAUSE_END)


_CLAUSE_END = re.compile(r"[。!?;\n,:]+")
_CLAUSE_OPENERS = frozenset(",。!?;:\n")
# A clause right after a name that says what the person is (`陈立元,为时任…董事长`, `王某,现任…`).
_COPULA_CLAUSE = re.compile(rf",(?:{rules.pattern('post_copulas')})")


def _holds_post(ctx: _Ctx, p: Proposal, with_post: list[tuple[int, int]], in_clause: list[tuple[int, int]]) -> bool:
    """Does the proposed person hold a post the text names? A title in the person's clause
    (`公司总经理王建国昨天说`); a title in the sentence when the person opens a clause as its subject
    (`…院士刘大平家中,…,刘大平对…提出建议`); a title in the next clause that says what the person is
    (`陈立元,为时任开发银行董事长`). A name inside a clause about something else in a sentence with someone
    else's title (`在王天福、和其美两大品牌…`, `「郑天秋在《岁月》里也说`) is not taken."""

    def inside(spans: list[tuple[int, int]], i: int) -> bool:
        k = bisect_right(spans, (i, len(ctx.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= i < spans[k][1]

    if inside(in_clause, p.start):
        return True
    opens = p.start == 0 or ctx.text[p.start - 1] in _CLAUSE_OPENERS
    if inside(with_post, p.start) and opens:
        return True
    copula = _COPULA_CLAUSE.match(ctx.text, p.end)
    return copula is not None and inside(in_clause, copula.end())


# Generic titles that name no post right before a name: `业内专家X` is a source quoted, `代表X` a verb (`他代表X参加`).
_NOT_A_POST_BEFORE = frozenset({"专家", "代表"})


# A list of names after a title: `成员:卢伟国、史维、孙宝源` (a colon after the title, enumeration marks between).
_LIST_ITEM_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,4}[、和及]$")


def _list_start(text: str, start: int) -> int:
    """Where the run of names ending at ``start`` begins: back over `X、` items and one colon (`成员:A、B`).

    >>> t = "4名成员:卢伟国、史维、孙宝源"
    >>> _list_start(t, t.index("孙宝源")), t.index(":")
    (4, 4)
    """
    j = start
    while (m := _LIST_ITEM_BEFORE.search(text, max(0, j - 5), j)) is not None:
        j = m.start()
    return j - 1 if j > 0 and text[j - 1] == ":" else j


def _hyphen_tail(text: str, end: int) -> int:
    """The end of a transliterated name whose parts are joined by a hyphen (`马里奥-德拉斯`), when the
    tagger stopped at the hyphen.

    >>> t = "国家主席马里奥-德拉斯祝贺"
    >>> t[4:_hyphen_tail(t, 7)]
    '马里奥-德拉斯'
    """
    m = _HYPHEN_PART.match(text, end)
    return m.end() if m else end


_HYPHEN_PART = re.compile(rf"-[{''.join(sorted(_TRANSLIT - {'·'}))}]{{2,5}}")


def _under_leaders(text: str, start: int) -> bool:
    """Is the name listed under a collective designation (`星湖市领导A、B`, `市县领导:A`)? That is no post
    (decisions: `X市領導`, `市县领导`), whatever title the clause names for someone else.

    >>> _under_leaders("星湖市领导王立、李天出席", 8), _under_leaders("星湖市领导王立、李天出席", 5)
    (True, True)
    """
    j = _list_start(text, start)  # the greedy item pattern may take the designation's last character (`导A、`)
    k = text.rfind("领导", max(0, j - 3), start)
    return k >= 0 and text[k + 2:k + 3] != "人"  # not `领导人` (`革命领导人A`: a leader's role)


def _after_predicate(ctx: _Ctx, start: int, end: int) -> int:
    """Where an organization the tagger proposes really starts: after the last verb, preposition, adverb
    or pronoun inside it (`竞购澳大利亚阿特拉斯公司` → `澳大利亚阿特拉斯公司`), as the suffix grammars stop."""
    for a, b, pos in ctx.tokens_in(start, end):
        if pos in STOP_POS and ctx.text[a:b] not in _NAME_VERBS and b < end:
            start = b
    return start


def _whole_words(ctx: _Ctx, start: int, end: int) -> bool:
    """A person's name neither starts nor ends inside a word of the segmenter (`罗范椒|芬`), except where the
    segmenter glued a rare name's last character to the function word after it (`严明|志及`, `查毅|超为`)."""
    return ctx.is_token_boundary(start) and (ctx.is_token_boundary(end) or ctx.text[end:end + 1] in _GLUED_AFTER_NAME)


_QUOTE = re.compile(r"[“”‘’「」《》\"]")

# Function words the segmenter glues to the last character of an unknown name (`志及`, `超为`, `中和`).
_GLUED_AFTER_NAME = frozenset("及和与为等在")


def _person(ctx: _Ctx, name: str, prob: float, after_post: bool = False) -> str | None:
    """Is the proposed name a person's? Right after a post's title (``after_post``) and when the tagger is
    sure, a name with a surname the lexicon lacks (`副秘书长訚松`) or a transliteration (`州长沃尔特`) is one."""
    if prob < MIN_PROB["person"]:
        return None
    if _DOTTED.fullmatch(name):
        return "PERSON"
    unlisted = name[0] not in ctx.lex.surnames and name[:2] not in ctx.lex.surnames
    if not _CJK_NAME.fullmatch(name) or unlisted and not (after_post and prob >= MIN_PROB["after_post"]):
        return None
    if name in ctx.lex.titles or name in ctx.lex.regions or ctx.words.get(name, "nr")[:2] != "nr":
        return None  # an ordinary word, a title or a place the tagger took for a name (`nr`: a person's name)
    return "PERSON"


def _organization(ctx: _Ctx, name: str, start: int, label: str, prob: float) -> str | None:
    if len(name) < 2 or _GENERIC_HEAD.match(name) or name in ctx.lex.regions or _QUOTE.search(name):
        return None  # `“深化产业园区`: a quotation mark opens a title or a slogan, not a name
    lex = ctx.lex
    if name.endswith(lex.fund_heads):
        if ctx.text.startswith("利率", start + len(name)):
            return None  # `美国联邦基金利率`: a rate, not a fund nor a foundation (as the fund rule says)
        etype = "FUND"
        if name.endswith("基金") and _suffix_of(name, "FUND", lex) == "基金" and not _INVESTMENT_WORD.search(name[:-2]) \
                and not _sized(ctx.text, start, start + len(name)):
            return "ORG" if len(name) > 4 else None  # `团结香港基金` (a foundation): a bare `基金` with no investment word
            # and no size (`600亿元规模的国家X基金` is an investment fund)
    elif name.endswith(lex.park_suffixes):
        etype = "PARK"
    elif label == "LOC":
        return None  # a place, not a park: cities and regions are not entities
    elif name.endswith(lex.company_suffixes) or name.endswith(_FIRM_WORDS):
        etype = "COMPANY"
    elif name.endswith(lex.org_suffixes):
        etype = "ORG"
    else:  # a bare name: a firm (`华为`, `宁德时代`) when the tagger is sure
        return "COMPANY" if prob >= MIN_PROB["bare"] and ctx.words.get(name, "nz") in ("nz", "nt", "nrt") else None
    suffix = _suffix_of(name, etype, lex)
    body = name[: len(name) - len(suffix)]
    if prob < MIN_PROB["company" if etype == "COMPANY" else "typed"] or len(body) < 2 or _generic(body, _GENERIC[etype]):
        return None  # `科技公司`, `有关部门`: a kind, not a name
    if etype == "ORG" and suffix in _ONE_CHAR_ORG_SUFFIX and _closes_ordinary_word(ctx, name, start):
        return None  # `长兴县|布局`, `上海|布局`: the suffix closes an ordinary word, no office's name
    if etype == "PARK" and (name.endswith(_INDUSTRY_PARK_SUFFIXES) and _industry_only(ctx, name) or _weak_park_only(ctx, name)
                            or _no_named_carrier(ctx, Mention(start, start + len(name), "PARK", name, "model:park"))):
        return None  # `体育产业园`, `先进制造产业园`: a kind of park (the park grammar's own test); `北海公园`: a garden
    if etype == "ORG" and (_POSITIONING_LABEL.search(name) or _COUNTED_BEFORE.search(ctx.text, max(0, start - 4), start)
                           or _DETERMINER_BEFORE.search(ctx.text, max(0, start - 2), start) and not _proper_body(ctx, body, start, unknown_ok=False)):
        return None  # `共建…国际金融中心` (a city's role), `12个海外办事处`, `各大商会`: no one body's name
    if _COUNT_INSIDE.search(name) or _MEDIA.search(name) or _SITE_TAIL.search(name):
        return None  # `三家证券交易所`, `…电视总台新闻中心`, `ZTO全球总部`: counts, media and a firm's sites
        # are not names of their own (as for the grammars)
    function = next((x for x in _ORG_NEEDS_PROPER_BODY if name.endswith(x)), None)
    plain = name[: len(name) - len(function)] if function else body
    if function and not (_proper_body(ctx, plain, start, unknown_ok=False) or _region_named(ctx, plain)):
        return None  # `公共资源服务中心`: a function, not a name (the suffix grammar's own test)
    return etype


def _weak_park_only(ctx: _Ctx, name: str) -> bool:
    """Does a proposed park end in the head of a garden, public park, estate, valley or corridor (`北海公园`,
    `东湖樱花园`, `伊犁河谷`) and in no stronger park suffix? The park grammar never takes such a weak
    suffix alone; a member park (`中关村房山园`) or a named valley park (`X农谷`) ends otherwise."""
    return name.endswith(_LEISURE_HEADS) and not name.endswith(_strong_park_suffixes(ctx.lex))


# Heads of gardens, parks, estates, valleys and corridors (kg/data/rules/leisure_place_heads.txt).
_LEISURE_HEADS = tuple(rules.words("leisure_place_heads"))


_NOT_OFFICE_WORDS = tuple(rules.words("not_office_words"))


def _closes_ordinary_word(ctx, name: str, start: int) -> bool:
    """Does the name end with an ordinary word (`长兴县|布局`) that is a word of its own there? Not when
    the word is only the tail of an office word (`国家|安全局` ends in 全局 but names a security bureau)."""
    word = next((w for w in _NOT_OFFICE_WORDS if name.endswith(w)), None)
    return word is not None and ctx.is_token_boundary(start + len(name) - len(word))
_COUNTED_BEFORE = re.compile(r"[0-9一二两三四五六七八九十几多数]+[个家所间]$")


def _suffix_of(name: str, etype: str, lex) -> str:  # noqa: ANN001 - Lexicons
    suffixes = {"FUND": lex.fund_heads, "PARK": lex.park_suffixes, "ORG": lex.org_suffixes,
                "COMPANY": lex.company_suffixes + _FIRM_WORDS}[etype]
    return max((s for s in suffixes if name.endswith(s)), key=len, default="")
