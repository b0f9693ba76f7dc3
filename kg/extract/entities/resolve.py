"""The driver: :func:`find_mentions` runs the rules in three passes and resolves their candidates
longest first without overlaps, so later rules never swallow earlier names.

1. known names (and names that carry one at their start: ``青岛蓝谷管理局``);
2. grammars for names and people (suffixes, parks, funds, titles, committees, typed lists);
3. industries, companies by context and short forms, around them; then every name established in
   the text is a mention wherever it occurs again.

>>> _resolve([Mention(0, 4, "ORG", "青岛蓝谷", "known"), Mention(2, 4, "PARK", "蓝谷", "short"),
...           Mention(0, 7, "ORG", "青岛蓝谷管理局", "suffix:org")])
[Mention(start=0, end=7, type='ORG', text='青岛蓝谷管理局', rule='suffix:org', key='')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from kg.extract.entities.context import _NAME_CHAR, Mention, Token, _Ctx, _Trie
from kg.extract.entities.industries import _WAYS_OF_DEVELOPING, _industries
from kg.extract.entities.industry_spans import _industry_ends_free
from kg.extract.entities.known import _known
from kg.extract.entities.lists import (_SITE_TAIL, _companies_before_a_title, _companies_by_context, _brokerages, _companies_by_role, _companies_included,
                                      _list_mates, _typed_lists)
from kg.extract.entities.parks import _SUB_AREA, _ZONE_PART_AREAS, _industry_only, _parks, _shared_suffix_parks
from kg.extract.entities.predicates import _companies_by_predicate
from kg.extract.entities.persons import (_person_lists, _persons, _persons_appointed, _persons_before_a_post, _persons_before_title,
                                        _persons_title_after)
from kg.extract.entities.proposals import Proposal, proposed_mentions, widen_persons
from kg.extract.entities.short_forms import _glued_short_word, _short_forms
from kg.extract.entities.suffixes import (_GENERIC_COMPANY_BODY, _GENERIC_ORG_BODY, _funds, _numbered_bureaus, _party_committees,
                                          _suffix_names)
from kg.kb.lexicons import Lexicons


# Among candidates of one length, the more reliable rule wins (lower first).
_RULE_RANK = {"known": 0, "suffix:company": 1, "suffix:org": 1, "suffix:park": 1, "park:valley": 2, "fund:head": 1,
              "person:title": 1, "person:title-after": 2, "person:appointed": 2, "person:takes-post": 2, "industry:suffix": 2, "industry:list": 2, "industry:focus": 3, "industry:lexicon": 3, "org:committee": 1, "park:sub-area": 0, "park:zone-part": 0, "company:list": 3, "company:list-mate": 4, "company:post": 4,
              "company:including": 3, "company:role": 4, "company:predicate": 4, "list:typed": 0,
              "short": 4, "repeat": 5,
              "model:person": 3, "model:company": 3, "model:org": 3, "model:park": 3, "model:fund": 3}


def _resolve(cands: Iterable[Mention]) -> list[Mention]:
    """Longest first, then by rule reliability; no overlaps."""
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(cands, key=lambda m: (-(m.end - m.start), _RULE_RANK.get(m.rule, 9), m.start)):
        if m.end <= m.start or any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def find_mentions(
    text: str, lex: Lexicons, tokens: Sequence[Token] | None = None, words: Mapping[str, str] | None = None,
    proposals: Sequence[Proposal] = (),
) -> list[Mention]:
    """All entity mentions in ``text`` (normalized), sorted by position.

    ``tokens`` are the segmenter's words with dictionary parts of speech;
    without them the rules work on characters. ``words`` is a dictionary of
    common words (word → part of speech) that keeps ordinary words out of
    person names. ``proposals`` are names a statistical tagger proposes: the
    rules type and check them (:mod:`.proposals`) after their own names.
    """
    ctx = _Ctx(text, lex, list(tokens) if tokens is not None else None, [False] * len(text), words or {})

    for m in re.finditer(r"《[^》\n]{1,60}》", text):  # names inside document titles are not mentions
        for i in range(m.start(), m.end()):
            ctx.taken[i] = True

    def accept(found: list[Mention]) -> list[Mention]:
        """Resolve one pass's candidates around the names taken so far, and take the chosen ones."""
        chosen = _resolve(m for m in found if not any(ctx.taken[i] for i in range(m.start, m.end)))
        for m in chosen:
            for i in range(m.start, m.end):
                ctx.taken[i] = True
        ctx.found.extend(chosen)
        return chosen

    # pass 1: names the lexicons know; pass 2: grammars for names and people;
    # pass 3: industries, list members, short forms and repeats, around them
    known_found = _known(ctx)
    # an office, institute or company may carry a known name at its start
    # (`青岛蓝谷管理局`, `中科院生物能源研究所`, `海尔集团`): those grammars see known names as free text
    ctx_sub = ctx.with_taken(list(ctx.taken))
    sub_named = [_named_by_known_tail(m, known_found) for m in _suffix_names(ctx_sub, "company", "COMPANY", 24, _GENERIC_COMPANY_BODY, 2)
                 + _suffix_names(ctx_sub, "org", "ORG", 22, _GENERIC_ORG_BODY, 1) + _typed_lists(ctx_sub)]
    # a park may carry a company's name (`中电光谷工业园` is one PARK), not another park's, except a
    # sub-area named after it, which is that park (`蓝色硅谷核心区`), and a kind of park that the known
    # park's name makes a name (`光谷软件园`; `软件园` alone is a kind)
    known_at: dict[int, list[Mention]] = {}
    for k in known_found:
        known_at.setdefault(k.start, []).append(k)
    # (a university's science park carries the university's, `武汉大学科技园`; a known park before a kind of park, `光谷软件园`)
    sub_parks = [m for m in _parks(ctx_sub) if any(k.end < m.end and (k.type == "COMPANY" or k.text.endswith(("大学", "学院"))
                                                                      and text[k.end:m.end] in lex.park_suffixes
                                                                      or k.type == "PARK" and _industry_only(ctx, text[k.end:m.end]))
                                                   for k in known_at.get(m.start, ()))]
    sub_parks += _areas_of_known_parks(ctx, known_found)
    bureaus = _numbered_bureaus(ctx)  # `中铁|九局`: a known firm and its numbered bureau make one firm
    known = accept(known_found + sub_parks + bureaus + [m for m in sub_named if (any(k.end < m.end for k in known_at.get(m.start, ()))
                                                                       or _firm_around_known(m, known_found))
                                              and not _site_of_known_firm(text, m, known_at)
                                              and not _known_list(text, m, known_found)])
    persons = _persons(ctx) + _persons_title_after(ctx) + _persons_before_title(ctx) + _person_lists(ctx) + _persons_appointed(ctx)
    named = accept(
        _suffix_names(ctx, "company", "COMPANY", 24, _GENERIC_COMPANY_BODY, 2)
        + _suffix_names(ctx, "org", "ORG", 22, _GENERIC_ORG_BODY, 1)
        + _parks(ctx)
        + _funds(ctx)
        + (widen_persons(text, persons, proposals) if proposals else persons)
        + _party_committees(ctx)
        + _typed_lists(ctx)
    )
    first = known + named + (accept(proposed_mentions(ctx, proposals)) if proposals else [])
    later = accept(_industries(ctx) + _companies_by_context(ctx) + _companies_included(ctx) + _companies_by_role(ctx) + _companies_by_predicate(ctx) + _brokerages(ctx) + _short_forms(ctx, first) + _list_mates(ctx, first)
                   + _companies_before_a_title(ctx) + _persons_before_a_post(ctx, first) + _shared_suffix_parks(ctx, first))
    # a name established in the text is a mention wherever it occurs again (`徐一冰说`, `人工智能`)
    found = first + later
    repeats = []
    by_text = _repeat_forms(found, lex)
    for i, form in _Trie(by_text).finditer_all(text):  # one scan for all established names
        m, e = by_text[form], i + len(form)
        if m.type == "INDUSTRY" and (e - i <= 2 and not _industry_ends_free(ctx, i, e)
                                     or any(text[j:e] in lex.industries for j in range(max(0, i - 4), i))):
            continue  # `影视` again in `影视中心`: a modifier there; `机器人` in `人形机器人`: the tail of another industry
        if not any(ctx.taken[i:e]) and _whole_word(ctx, i, e) and not _glued_short_word(ctx, m, i, e):
            repeats.append(Mention(i, e, m.type, form, "repeat", m.key))
    return _offices_sharing_a_place(text, sorted(found + accept(repeats), key=lambda m: m.start), lex)


_INDUSTRY_SUFFIXES = ("产业集群", "产业链", "产业")


def _repeat_forms(found: list[Mention], lex: Lexicons) -> dict[str, Mention]:
    """The forms a name established in the text is written again by: its own text, and for an industry named with its
    suffix (`人工智能产业规模`) the known industry it names (`人工智能` again later is the same industry), when it has
    three characters or more (a two-character one, `机械`, `物流`, is as often a modifier of another noun)."""
    by_text = {m.text: m for m in found if len(m.text) >= 2}
    for m in found:
        if m.type == "INDUSTRY" and (tail := next((t for t in _INDUSTRY_SUFFIXES if m.text.endswith(t)), None)):
            core = m.text[: -len(tail)]
            if len(core) >= 3 and core in lex.industries and core not in _WAYS_OF_DEVELOPING:  # (`绿色低碳转型`: a way)
                by_text.setdefault(core, m)
    return by_text


_FULL_LEGAL_FORMS = ("有限责任公司", "股份有限公司", "有限公司")


def _areas_of_known_parks(ctx: _Ctx, known_found: list[Mention]) -> list[Mention]:
    """Areas named after a known park: a sub-area is that park (`蓝色硅谷核心区`); an area a new zone is
    built up from (`雄安新区启动区`) is a park of its own, named by the part word and keyed by zone and
    part, and so is the bare part word later in a text that named the new zone (`推进启动区、起步区建设`)."""
    text, out = ctx.text, []
    for k in known_found:
        if k.type == "PARK" and text.startswith(_SUB_AREA, k.end):
            tail = next(a for a in _SUB_AREA if text.startswith(a, k.end))
            out.append(Mention(k.start, k.end + len(tail), "PARK", text[k.start:k.end + len(tail)], "park:sub-area", k.key))
        elif k.type == "PARK" and (part := next((a for a in _ZONE_PART_AREAS if text.startswith(a, k.end)), None)):
            out.append(Mention(k.end, k.end + len(part), "PARK", part, "park:zone-part", (k.key or k.text) + part))
    zones = [k for k in known_found if k.type == "PARK" and k.text.endswith("新区") and not k.text.endswith("高新区")]
    for m in re.finditer(r"(?<!先行)(?:启动区|起步区)", text):  # `作为先行启动区`: a role in a phrase, not an area
        zone = next((z for z in reversed(zones) if z.end <= m.start()), None)
        before = ctx.by_end.get(m.start())
        if zone and zone.end < m.start() and (not _NAME_CHAR.match(text[m.start() - 1]) or before and before[2] == "v"):
            out.append(Mention(m.start(), m.end(), "PARK", m.group(), "park:zone-part", (zone.key or zone.text) + m.group()))
    return out


def _firm_around_known(m: Mention, known_found: list[Mention]) -> bool:
    """`海宁卡雷诺家私有限公司`, `广江南海本田汽车零部件有限公司`: a registered name (a full legal form) with a
    known firm inside it, after its start and before its line of business, is one firm of its own."""
    return m.type == "COMPANY" and m.text.endswith(_FULL_LEGAL_FORMS) and any(
        k.type == "COMPANY" and m.start < k.start and k.end < m.end - 4 for k in known_found)


def _site_of_known_firm(text: str, m: Mention, known_at: Mapping[int, list[Mention]]) -> bool:
    """`华为研发中心`, `海尔全球总部`: a known firm's site is a mention of the firm, not an organization."""
    return m.type == "ORG" and any(k.type == "COMPANY" and _SITE_TAIL.fullmatch(text, k.end, m.end)
                                   for k in known_at.get(m.start, ()))


_OFFICE_END = re.compile(r"(?:委员会|[局委厅办署处])$")


def _offices_sharing_a_place(text: str, found: list[Mention], lex: Lexicons) -> list[Mention]:
    """`四川省公安厅、省经信委、省工商局`, `滨江市发改委、科技局`: offices listed after one with a place take that
    place, whether written with the bare level (`省`) or with none; their key is the place's office."""
    out = list(found)
    place = ""
    for n, m in enumerate(out):
        if m.type != "ORG":
            place = ""
            continue
        prev = out[n - 1] if n else None
        joined = prev is not None and prev.type == "ORG" and text[prev.end:m.start] in ("、", "和", "及", "与")
        name = m.key or m.text
        own = _place_of(name, lex)
        if own or not joined or not place or not _department_office(name, lex) or name[0] in "省市区县" and name[0] != place[-1]:
            place = own
            continue
        out[n] = Mention(m.start, m.end, m.type, m.text, m.rule, place + (name[1:] if name[0] == place[-1] else name))
    return out


def _department_office(name: str, lex: Lexicons) -> bool:
    """Is ``name`` a government department's office, with or without a bare level (`省工商局`, `科技局`), not
    another body ending in an office's character (`亚组委`)?"""
    end = _OFFICE_END.search(name)
    return end is not None and name[1 if name[:1] in "省市区县" else 0:end.start()] in lex.departments


def _place_of(name: str, lex: Lexicons) -> str:
    """The division that opens an office's name when it ends with its level (`四川省`, `青岛市`), else ''."""
    r = next((name[:k] for k in (4, 3, 2) if name[:k] in lex.regions), "")
    return r if r[-1:] in "省市区县" else ""


def _named_by_known_tail(m: Mention, known_found: list[Mention]) -> Mention:
    """`创新及科技局政府资讯科技总监办公室`: an office written after its parent's name, where the office itself
    is a known body ending the name, is a mention of that body (its canonical name as the key)."""
    if m.type != "ORG" or m.key:
        return m
    tail = next((k for k in known_found if k.type == "ORG" and k.end == m.end and k.start > m.start and k.key
                 and any(j.type == "ORG" and j.start == m.start for j in known_found)), None)
    return Mention(m.start, m.end, m.type, m.text, m.rule, tail.key) if tail else m


def _known_list(text: str, m: Mention, known_found: list[Mention]) -> bool:
    """`中国科学院院士及中国工程院`: a name that ends with a second known body after `及`/`和`/`、` is a
    list of bodies (the first with a title), not one body's name."""
    return any(k.type == m.type and k.end == m.end and k.start > m.start and text[k.start - 1] in "及和与、" for k in known_found)


def _whole_word(ctx: _Ctx, a: int, b: int) -> bool:
    """A repeat must not cut an ASCII word (`AI` in `SAI`) or, with words, start or end inside one."""
    text = ctx.text
    if text[a:b].isascii() and ((a > 0 and text[a - 1].isalnum() and text[a - 1].isascii()) or (b < len(text) and text[b].isalnum() and text[b].isascii())):
        return False
    if ctx.starts is not None and len(text[a:b]) <= 3:
        return ctx.is_token_boundary(a) or ctx.is_token_boundary(b)
    return True
