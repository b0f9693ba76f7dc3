"""SUBSIDIARY_OF: a unit of a parent organization.

In this order: ``subsidiary:cue`` (`A旗下子公司B`, `A控股的B`), ``subsidiary:inner`` (`X下设A、B`),
``subsidiary:is-unit`` (`B是A下属的企业`, `B是由A设立的…`), ``subsidiary:founded`` (`由A设立的B`),
``subsidiary:list`` (`A的三家子公司分别是B、C`), ``subsidiary:implicit`` (`A…放在子公司B`),
``subsidiary:branch-name`` (`A昆山分公司` is a unit of `A`), ``subsidiary:belongs`` (`B隶属于A`; for two parks a
PART_OF), ``subsidiary:parent`` (`B的母公司A`, `A是B的母公司`), ``subsidiary:parent-lead`` (`(此外,)(其)母公司A…`: the
company named before is a unit of A), ``subsidiary:stake`` (`A持有B 51%股权`; half or less is an INVESTS_IN).
"""

from __future__ import annotations

import re

from kg.extract.relations.reader import LEAD, ORG_LIKE, SUBSIDIARY_CUE, Reader, Sentence
from kg.kb import rules

#: `该委员会内设`: an anaphor (its class word is group 1) right before the cue.
_PARENT_ANAPHOR = re.compile(rf"该({rules.alternation('parent_anaphor_classes')})$")
_UNIT_NOUN = re.compile(rules.pattern("subsidiary_unit_nouns"))
_FOUND = rules.pattern("subsidiary_found_verbs")
#: `由A(于2007年在…)设立的`: the founders (group 1).
_FOUNDED_BY = re.compile(rf"由([^,;。]{{2,40}}?)(?:于[^,;。]{{0,30}}?)?(?:{_FOUND})的")
#: After `B是`: the parent's cue after its name (`下属的`, `的全资子公司`).
_UNIT_AFTER = re.compile(rf"的?(?:[一两]?[家个间])?(?:{rules.pattern('subsidiary_cues')}|{_UNIT_NOUN.pattern})")  # `的一家子公司`
#: Between a parent and its unit noun: `A旗下有三家子公司`, `A的两家`, `A六间分公司`.
_COUNT = re.compile(rules.pattern("subsidiary_count_words"))
#: After the unit noun: `…,依次为/分别是/包括` and the list.
_LIST_OPEN = re.compile(rf"[^。;]{{0,30}}?(?:{rules.pattern('list_open_cues')}):?")
_BRANCH_END = re.compile(rf"(?:{rules.alternation('branch_name_ends')})$")
_UNIT_TYPES = ("COMPANY", "ORG")
#: `(其)(江苏)子公司` right before a company (perhaps before its opening quote: `全资子公司“B”`): a unit noun
#: with no parent named before it.
_IMPLICIT = re.compile(rf"[^,;。的\d“]{{0,8}}?(?:{_UNIT_NOUN.pattern})[“\"「]?$")


def subsidiary(r: Reader, sent: Sentence) -> None:
    """Every SUBSIDIARY_OF rule on ``sent``, in the order of the module docstring."""
    cued(r, sent)
    inner(r, sent)
    is_unit(r, sent)
    founded(r, sent)
    unit_list(r, sent)
    implicit(r, sent)
    branch_name(r, sent)
    belongs(r, sent)
    holds_stake(r, sent)
    parent_noun(r, sent)
    parent_lead(r, sent)


_PARENT_NOUN = rf"(?:{rules.alternation('parent_nouns')})"
#: `B的母公司(为)A`: B's parent named after the noun; `A是B的母公司`: after the copula, the noun after B.
_PARENT_AFTER = re.compile(rf"的{_PARENT_NOUN}(?:为|是|系)?")
_IS = re.compile(r"(?:是|为|系)")


def parent_noun(r: Reader, sent: Sentence) -> None:
    """``subsidiary:parent``: `B的母公司/控股股东(为)A`, `A是B的母公司` — B is a unit of A."""
    text, ms = r.text, [m for m in sent.mentions if m.type in _UNIT_TYPES]
    for x, y in zip(ms, ms[1:]):
        if _PARENT_AFTER.fullmatch(text, x.end, y.start):
            r.rel(x, "SUBSIDIARY_OF", y, sent, "subsidiary:parent")
        elif _IS.fullmatch(text, x.end, y.start) and _PARENT_AFTER.match(text, y.end, sent.end):
            r.rel(y, "SUBSIDIARY_OF", x, sent, "subsidiary:parent")


#: `(其)母公司` opening a clause, right before the parent's name.
_PARENT_OPENS = re.compile(rf"其?{_PARENT_NOUN}")


def parent_lead(r: Reader, sent: Sentence) -> None:
    """``subsidiary:parent-lead``: `(此外,)(其)母公司A近期将…` — a parent noun that opens its clause names the parent of
    the company named last before it (earlier in the sentence, else before the sentence)."""
    text = r.text
    for a, b in sent.clauses:
        p = LEAD.match(text, a, b).end()
        cue = _PARENT_OPENS.match(text, p, b)
        parent = r.at_start.get(cue.end()) if cue is not None else None
        if parent is None or parent.type not in _UNIT_TYPES:
            continue
        unit = r.resolve("COMPANY", "其", p)
        if unit is not None and unit.text != parent.text:
            r.rel(unit, "SUBSIDIARY_OF", parent, sent, "subsidiary:parent-lead")


#: `A持有B 51%(的)股权`, `A获得B三分之一股权`: the share after the company B (group 1 a percentage; 2 and 3 the
#: denominator and numerator of a fraction; 4 tenths).
_HOLDS = re.compile(rules.pattern("stake_hold_verbs"))
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_SHARE = re.compile(r"\s*(?:(\d+(?:\.\d+)?)%|([二三四五六七八九十])分之([一二三四五六七八九])|([一二三四五六七八九\d])成)(?:的)?(?:股权|股份)")
#: `A获得公司三分之一股权`: `公司`, `该公司` for the company the sentence is about.
_THE_FIRM = re.compile(r"该?公司")


def _percent(share: re.Match[str]) -> float:
    """The share as a percentage: `51%` 51, `三分之一` 33.3, `4成` 40."""
    if share.group(1):
        return float(share.group(1))
    if share.group(2):
        return 100 * _DIGIT[share.group(3)] / _DIGIT[share.group(2)]
    tenth = share.group(4)
    return 10.0 * (int(tenth) if tenth.isdigit() else _DIGIT[tenth])


def holds_stake(r: Reader, sent: Sentence) -> None:
    """``subsidiary:stake``: `A持有B 51%股权`, `A获得B三分之一股权`, `B宣布同意A获得公司30%股权` (`公司` the first company
    the sentence names) — with more than half the shares B is a unit of A, else A only INVESTS_IN B."""
    text, ms = r.text, sent.mentions
    for i, x in enumerate(ms):
        v = _HOLDS.match(text, x.end, sent.end) if x.type in _UNIT_TYPES + ("FUND",) else None
        if v is None:
            continue
        y = ms[i + 1] if i + 1 < len(ms) and ms[i + 1].start == v.end() else None
        first = next((m for m in ms if m.type == "COMPANY" and m.end <= x.start and m.text != x.text), None)
        if y is None and (the := _THE_FIRM.match(text, v.end(), sent.end)) and first is not None:
            y, end = first, the.end()  # the first company the sentence names
        else:
            end = y.end if y is not None else -1
        share = _SHARE.match(text, end, sent.end) if y is not None and y.type == "COMPANY" else None
        if share is None or y.text == x.text:
            continue
        if _percent(share) > 50 and x.type in _UNIT_TYPES:
            r.rel(y, "SUBSIDIARY_OF", x, sent, "subsidiary:stake")
        else:
            r.rel(x, "INVESTS_IN", y, sent, "subsidiary:stake")


#: `B隶属于A`, `B归属A`: the unit before the verb, its parent right after it.
_BELONGS = re.compile(rf"(?:{rules.alternation('belong_verbs')})")


def belongs(r: Reader, sent: Sentence) -> None:
    """``subsidiary:belongs``: `B隶属于A` — a company or organization B is a unit of A; a park B is part of the
    park A."""
    text, ms = r.text, sent.mentions
    for x, y in zip(ms, ms[1:]):
        if not _BELONGS.fullmatch(text, x.end, y.start):
            continue
        if x.type in _UNIT_TYPES and y.type in _UNIT_TYPES:
            r.rel(x, "SUBSIDIARY_OF", y, sent, "subsidiary:belongs")
        elif x.type == "PARK" and y.type == "PARK":
            r.rel(x, "PART_OF", y, sent, "subsidiary:belongs")


#: `A全资拥有B`, `A控股B`: the parent's verb of ownership between A and B (a link's bracket allowed).
_OWNS = re.compile(r"(?:全资拥有|全资控股|绝对控股|控股了?)\s*[\[「“]?")


def cued(r: Reader, sent: Sentence) -> None:
    """``subsidiary:cue``: `A直属企业B`, `A旗下子公司B`, `A控股的B` (also when the name took `控股`), `A名下的B`,
    `A全资拥有B` —
    B is a unit of A."""
    text, ms = r.text, sent.mentions
    for x, y in zip(ms, ms[1:]):
        gap = text[x.end:y.start]
        if x.type in ORG_LIKE and y.type in _UNIT_TYPES and (SUBSIDIARY_CUE.match(gap) or gap == "的" and x.text.endswith("控股")
                                                          or _OWNS.fullmatch(gap)):
            r.rel(y, "SUBSIDIARY_OF", x, sent, "subsidiary:cue")


_SETS_UP_INSIDE = re.compile(r"内设|下设")


def inner(r: Reader, sent: Sentence) -> None:
    """``subsidiary:inner``: `该委员会内设A、B…,其中C…`, `X下设…` — the organizations after the cue are units
    of X (an anaphor `该委员会` resolved to the organization named last)."""
    text, ss, se = r.text, sent.start, sent.end
    for m in _SETS_UP_INSIDE.finditer(text[ss:se]):
        k = ss + m.start()
        parent = r.at_end.get(k)
        if parent is None:
            an = _PARENT_ANAPHOR.search(text[max(ss, k - 6):k])
            parent = r.resolve("ORG" if an and an.group(1) not in ("集团", "公司") else "COMPANY", an.group()) if an else None
        if parent is None:
            continue
        for y in [y for y in sent.mentions if y.start > k and y.type in _UNIT_TYPES]:
            r.rel(y, "SUBSIDIARY_OF", parent, sent, "subsidiary:inner")


_COPULA = re.compile(r"[^,;。]{0,6}?(?:是|为|系|属于)")  # `B属于A的成员企业`


def is_unit(r: Reader, sent: Sentence) -> None:
    """``subsidiary:is-unit``: `B是/为/系A下属的…`, `B是A的全资子公司`, `B是由A…设立的…` — the clause's own
    subject B is a unit of A; a later clause opening with `属于` speaks of the sentence's firm
    (`B是…老企业,属于A成员公司`)."""
    text = r.text
    for i, ((a, b), own) in enumerate(zip(sent.clauses, sent.subjects)):
        if own is None and i > 0 and (main := sent.main) is not None and main.kind == "entity" and not main.carried:
            # `旭硝子株式会社是日本的老企业,属于三菱集团成员公司`: a clause opening with `属于` is about the sentence's firm
            lead = LEAD.match(text, a, b).end()
            if main.head.type in _UNIT_TYPES and len(main.ms) == 1 and text.startswith("属于", lead) and main.head.end <= a:
                own, x0 = main, lead
            else:
                continue
        elif own is None or own.kind != "entity" or own.carried or own.head.type not in _UNIT_TYPES:
            continue
        else:
            x0 = own.head.end
        x = own.head
        cop = _COPULA.match(text[x0:b])
        if not cop:
            continue
        k = x0 + cop.end()
        by = _FOUNDED_BY.match(text, k, b)
        parents = _founders(r, by.start(1), by.end(1)) if by else []
        if not by:
            p = next((m for m in r.mentions_in(k, b) if m.start == k and m.type in _UNIT_TYPES), None)
            parents = [p] if p is not None and _UNIT_AFTER.match(text, p.end, b) else []
        if len(parents) == 1:
            r.rel(x, "SUBSIDIARY_OF", parents[0], sent, "subsidiary:is-unit")


def founded(r: Reader, sent: Sentence) -> None:
    """``subsidiary:founded``: `由A设立/成立/组建的B` — B (named right after) is a unit of its one founder A."""
    text = r.text
    for m in _FOUNDED_BY.finditer(text, sent.start, sent.end):
        parents = _founders(r, m.start(1), m.end(1))
        y = r.at_start.get(m.end())
        if len(parents) == 1 and y is not None and y.type in _UNIT_TYPES:
            r.rel(y, "SUBSIDIARY_OF", parents[0], sent, "subsidiary:founded")


def _founders(r: Reader, a: int, b: int) -> list:
    """The organizations and companies named in ``[a, b)`` (a founder that is a park is its administration)."""
    return [m for m in r.mentions_in(a, b) if m.type in _UNIT_TYPES]


_UNIT_GAP = re.compile(r"[、和及与]|以及|、[^。;]{1,40}、")


def unit_list(r: Reader, sent: Sentence) -> None:
    """``subsidiary:list``: `A旗下有三家子公司,分别是B、C和D`, `A六间分公司…,依次为B、C` — the listed
    companies and organizations are units of A."""
    text, masked = r.text, r.masked
    for m in _UNIT_NOUN.finditer(masked, sent.start, sent.end):
        parent = next((x for x in reversed(r.mentions_in(max(sent.start, m.start() - 12), m.start()))
                       if x.type in _UNIT_TYPES and _COUNT.fullmatch(text, x.end, m.start())), None)
        opened = _LIST_OPEN.match(masked, m.end(), sent.end)
        if parent is None or not opened:
            continue
        items, i = [], opened.end()
        for y in r.mentions_in(opened.end(), sent.end):
            gap = text[i:y.start]
            if y.type not in _UNIT_TYPES or items and not _UNIT_GAP.fullmatch(gap) \
                    or not items and gap.strip():
                break
            items.append(y)
            i = y.end
        for y in items:
            r.rel(y, "SUBSIDIARY_OF", parent, sent, "subsidiary:list")


def implicit(r: Reader, sent: Sentence) -> None:
    """``subsidiary:implicit``: `(其)(全资)子公司(“)B` with no parent named before the cue — B is a unit of the
    company named earlier in the sentence, when no person stands between them (`…由其子公司B生产`)."""
    text = r.text
    ms = sent.mentions
    for i, y in enumerate(ms):
        if y.type != "COMPANY":
            continue
        cue = _IMPLICIT.search(text, max(sent.start, y.start - 10), y.start)
        if not cue or r.at_end.get(y.start - len(cue.group())) is not None:
            continue
        before = ms[:i]
        parent = next((x for x in reversed(before) if x.type == "COMPANY"), None)
        if parent is not None and not any(x.type == "PERSON" and x.start > parent.start for x in before):
            r.rel(y, "SUBSIDIARY_OF", parent, sent, "subsidiary:implicit")


def branch_name(r: Reader, sent: Sentence) -> None:
    """``subsidiary:branch-name``: a branch named by its parent's name, a place and `分公司` (`A昆山分公司`) is a
    unit of the company or organization of that name in the text."""
    for y in sent.mentions:
        if y.type not in _UNIT_TYPES or not _BRANCH_END.search(y.text):
            continue
        parents = [x for x in r.ms if x.type in _UNIT_TYPES and len(x.text) >= 2 and x.text != y.text
                   and y.text.startswith(x.text) and not _BRANCH_END.search(x.text)]
        if parents:
            r.rel(y, "SUBSIDIARY_OF", max(parents, key=lambda x: len(x.text)), sent, "subsidiary:branch-name")
