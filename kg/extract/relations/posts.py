"""HOLDS_POST: a person's post in an organization, read from the titles around the person's name.

Thirteen rules, run for each person (``post:appointed`` and ``post:respectively`` once per sentence) of the sentence in this order:

* ``post:org-title-name`` — the title chain read back from the name, one relation per organization
  in the chain (`中关村科技企业家协会会长、北京大北农科技股份有限公司董事长邵根伙`), over a unit of the
  organization (`A公司市场部总监B`), a field word (`品牌总监`), a parenthesis (`英特尔(Intel)CEO`), an
  office's head (`商务部长`); a name in a list after a titled name takes that name's organization
  (`A公司董事长B、总经理C`, `副总裁D、E及F`); an office named without its city does not end the chain
  (`南昌市委书记、市人大常委会主任A`), and the head of a region (`副市长`) is not passed on to a body named before;
* ``post:pronoun`` — `其<title><name>`: the organization of the sentences before (`其董事长王磊`);
* ``post:name-org-title`` — `<name>,<org><title>` and `<name>(<org><title>)`;
* ``post:roster`` — `<org>的<people>包括/是<title><name>…` (`A公司的董事包括董事长B`);
* ``post:appointed`` — `<name>曾任/现为/获委任为<org><title>、<org><title>`, `<name>同时是A、B等公司董事`;
* ``post:title-list`` — `<org>…董事包括A、B及C` (or `加入<org>董事局,包括:A、B`): untitled names listed after a title and a list cue hold
  that post in the organization the sentence names before the title;
* ``post:then-title`` — `时任<org><title>的<name>`: a post given with a word of its time, before `的` and the name;
* ``post:serves-at`` — `<name>在<org>担任<title>`: the organization before the verb, the title after it;
* ``post:appointed-as`` — `<org>…委任<name>为<title>`: the company the sentence names before the verb;
* ``post:on-behalf`` — `<name>(<title>)代表<org>`: a person who acts for an organization;
* ``post:respectively`` — `A和B,分别是<org><title>、<org><title>`: the posts in the order of the people;
* ``post:title-is`` — `<org>的<title>是<words><name>和<words><name>` (`A公司的创始人是华人B和他的妻子C`);
* ``post:founded-by`` — `<org>…由A及B于2008创办`: the founders are the 创办人 of the sentence's organization.

Lists of people and of organizations step over a name the entity stage missed (`副总裁A、王小明及B`,
`A同时是B、环球医疗、C等公司董事`).

The ``title`` attribute is the post right after its organization, modifiers included (`执行总裁`),
titles joined by 兼 kept whole (`创始人兼董事长`).
"""

from __future__ import annotations

import re

from kg.extract.entities import Mention
from kg.extract.relations.reader import LEAD, ORG_LIKE, Reader, Sentence, Subject
from kg.kb import rules

#: A unit of an organization between it and a title (`市场部`, `经济运行调节处`).
_UNIT = re.compile(rf"[^\s,;:。、()“”的及和与]{{0,10}}?(?:{rules.alternation('post_unit_ends')})")
_FIELD_TITLES = rules.words("post_field_titles")
_FIELD = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,4}")
#: `另一名`, `其中一位`: how many of the organization's holders of the title (`A公司另一名执行董事B`); a nationality
#: or side (`A公司韩籍总经理B`, `该公司中方总经理B`).
_SIDE = rules.pattern("post_side_words")
_HOW_MANY = re.compile(rf"(?:另|其中|的另)?[一两二三四五六七八九十\d]?[名位]|(?:{_SIDE})")
_SIDE_AT = re.compile(rf"(?:{_SIDE})?")
#: A department of the body referred back to, before the post held in it (`企划财务部|部长`).
_DEPARTMENT_AT = re.compile(r"[\u4e00-\u9fff]{2,8}?[部处科室]")
#: `(Intel)`: a parenthesis after a name, before its title.
_PAREN = re.compile(r"\([^()]{1,30}\)")
#: An office whose head is `<last character>长` (`商务部长`, `教育局长`, `行政院长`).
_OFFICE_END = "部局厅署委院"
#: Between a name and the organization of its post after it: `,`, `(`, or a copula (`查逸超(同样是福田集团董事总经理)`).
_NAME_ORG_GAP = re.compile(rf"[,(]?(?:{rules.pattern('post_copulas')})?")
#: Separators between the names of a list of people (`董事长A、总经理B`, `C、D及E`).
_PEOPLE_SEP = re.compile(r"(?:,?(?:以及|及|和|与)|、|,)$")
#: A name in a list of people that the entity stage missed, before the separator of the next (`A、王小明及B`).
_MISSED_NAME = re.compile(r"、[\u4e00-\u9fff]{2,3}$")
#: Between two listed people: a separator, perhaps around one name the entity stage missed.
_PEOPLE_GAP = re.compile(r"(?:、[\u4e00-\u9fff]{2,3})?(?:,?(?:以及|及|和|与)|、)")
_APPOINTED = re.compile(rules.pattern("post_appointment_verbs"))
_ROSTER = re.compile(rf"的[^,;。、]{{0,8}}?(?:{rules.pattern('list_open_cues')}):?$")
#: What may stand between the last of a list of organizations and their shared title (`等30多间公司`, `的`),
#: items the entity stage missed before `等` included (`、大湾区投资等30多间公司`).
_SHARED = re.compile(r"(?:、[^,;。、]{1,12}?)*等(?P<count>[^,;。、]{0,10})|的?")
#: Between two organizations sharing a title: a separator, or items the entity stage missed (`、环球医疗、`).
_ORG_GAP = re.compile(r"[、,和及与]|以及|(?:、[^,;。、]{1,12}?)+、")


def holds_post(r: Reader, sent: Sentence) -> None:
    """Every HOLDS_POST rule for each person of ``sent``."""
    ms = sent.mentions
    for i, p in enumerate(ms):
        if p.type != "PERSON":
            continue
        title_chain(r, sent, p)
        pronoun(r, sent, p)
        same_body(r, sent, p)
        name_org_title(r, sent, i, p)
        roster(r, sent, p)
        title_list(r, sent, p)
        then_title(r, sent, p)
        serves_at(r, sent, p)
        held_by(r, sent, p)
        appointed_as(r, sent, p)
        on_behalf(r, sent, p)
        title_is(r, sent, p)
        founded_by(r, sent, p)
        concurrent(r, sent, p)
        org_name_title(r, sent, i, p)
    appointed(r, sent)
    respectively(r, sent)


def title_chain(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:org-title-name``: titles and organizations read back from the name, up to 60 characters
    (`青岛市科技局局长、青岛高新区管委会主任王建国` → both bodies); a bare title stays an attribute."""
    text = r.text
    j, seg, floor_of, named = p.start, [], r.floor_before, False
    while j > sent.start and p.start - j <= 60:
        t = r.titles.ending_at(text, j, floor_of(j))
        if t is not None:
            seg.insert(0, t)
            j -= len(t)
            if text[j - 1:j] == "兼" or text[j - 1:j] == "及" and r.titles.ending_at(text, j - 1, floor_of(j - 1)) is not None:
                seg.insert(0, text[j - 1])  # `董事长兼总经理`, `总裁及财务总裁`: two posts of one person
                j -= 1
            continue
        org = r.at_end.get(j)
        if org is not None and org.type in ORG_LIKE and seg:
            r.rel(p, "HOLDS_POST", org, sent, "post:org-title-name", title=_post(seg))
            seg, named = [], True
            j = org.start
            continue
        owner = r.at_end.get(j - 1) if seg and not named and text[j - 1:j] == "的" else None
        if owner is not None and owner.type in ORG_LIKE and _opens_phrase(r, sent, owner):  # `A公司的创始人B`
            r.rel(p, "HOLDS_POST", owner, sent, "post:org-de-title", title=_post(seg))
            break
        if not seg and text[j - 1:j] == "长" and not named:
            office = r.at_end.get(j - 1)
            if office is not None and office.type == "ORG" and office.text[-1] in _OFFICE_END:
                r.rel(p, "HOLDS_POST", office, sent, "post:org-title-name", title=office.text[-1] + "长")
            break
        sep = _PEOPLE_SEP.search(text, max(sent.start, j - 3), j)
        if sep and not named and (seg or j == p.start) and _inherit(r, sent, p, sep.start(), seg):
            break
        if text[j - 1] in "、," and seg or text[j - 1] in "、" and not seg:
            seg = []
            j -= 1
            continue
        k = _step_back(r, j, seg) if seg else None
        if k is None:
            k = _office_back(r, sent, j) if seg and not named else None
            if k is None:
                break
            seg, j = [], k  # `南昌市委书记、市人大常委会主任A`: the office is no entity, the chain goes on
            continue
        if k[1]:
            seg[0] = text[k[0]:j] + seg[0]
        j = k[0]


def _opens_phrase(r: Reader, sent: Sentence, m: Mention) -> bool:
    """Does ``m`` open its noun phrase (at the clause start, after a preposition or a list word), so that
    `m的<title>` is a post in m, not the object of a verb (`代表A的大律师B`)?"""
    a = max((c for c, _ in sent.clauses if c <= m.start), default=sent.start)
    return bool(_PHRASE_OPENER.search(r.text[LEAD.match(r.text, a, m.start).end():m.start]))


_PHRASE_OPENER = re.compile(r"(?:^|[据从与和及、是为由]|记者)$")
#: The head of a region (`副市长`, `区长`): a post of the region's government, never passed on to another body.
_REGION_HEAD = re.compile(r"[省市区县州镇]长$")
#: An office named without its city (`市人大常委会`, `区政府办公室`), between `、` and its title.
_BARE_OFFICE = re.compile(r"、[\u4e00-\u9fff]{1,10}")


def _office_back(r: Reader, sent: Sentence, j: int) -> int | None:
    """Where a chain goes on over an office that is no entity, between `、` and a title at ``j``, when a title
    ends before the `、` (`南昌市委书记、市人大常委会主任A`): the position right after the `、`."""
    text = r.text
    for k in range(j - 2, max(sent.start, j - 12) - 1, -1):
        if text[k] == "、":
            if _BARE_OFFICE.fullmatch(text, k, j) and not r.mentions_in(k, j) and r.floor_before(j) <= k \
                    and r.titles.ending_at(text, k, r.floor_before(k)) is not None:
                return k + 1
            return None
    return None


def _step_back(r: Reader, j: int, seg: list[str]) -> tuple[int, bool] | None:
    """Where the chain goes on before a title at ``j``: over a unit right after an organization
    (`A公司市场部`), a parenthesis or a count right after one (`英特尔(Intel)`, `A公司另一名执行董事`), or a field word (`品牌总监`, `、安全总监`);
    with True when the skipped text belongs to the title (a field word)."""
    text = r.text
    for k in range(j - 1, max(0, j - 12), -1):
        org = r.at_end.get(k)
        if org is not None and org.type in ORG_LIKE and (_UNIT.fullmatch(text, k, j) or _PAREN.fullmatch(text, k, j)
                                                          or _HOW_MANY.fullmatch(text, k, j)):
            return k, False
    if seg[0] in _FIELD_TITLES or seg[0].endswith(_FIELD_TITLES):
        for k in range(max(0, j - 4), j - 1 + 1):
            before = r.at_end.get(k)
            if _FIELD.fullmatch(text, k, j) and (before is not None and before.type in ORG_LIKE or text[k - 1:k] == "、") \
                    and r.floor_before(j) <= k:
                return k, True
    return None


def _inherit(r: Reader, sent: Sentence, p: Mention, k: int, seg: list[str]) -> bool:
    """`A公司董事长B、总经理C`, `副总裁D、E及F`: a name right before the separator at ``k`` that holds a post
    found in this sentence passes its organization on (with the titles read, else its own title)."""
    q = r.at_end.get(k)
    missed = _MISSED_NAME.search(r.text, max(sent.start, k - 4), k) if q is None else None
    if missed:
        q = r.at_end.get(missed.start())  # `副总裁A、王小明及B`: the list goes on over a name not found
    if q is None or q.type != "PERSON" or q is p:
        return False
    held = [x for x in r.out if x.head is q and x.type == "HOLDS_POST" and x.sent_start == sent.start]
    if not held or not seg and r.text[k:k + 1] == ",":
        return False
    title = _post(seg) if seg else held[0].attrs.get("title", "")
    if r.titles.kind_of(title) != r.titles.kind_of(held[0].attrs.get("title", "")):
        return False  # `市委书记A、市长B`: a post of another kind is in another body
    if title.endswith("委员") != held[0].attrs.get("title", "").endswith("委员"):
        return False  # `A部次长B、政务委员C`: a seat on a council is not a post in the office named before
    if _REGION_HEAD.search(title) and not held[0].tail.text.endswith("政府"):
        return False  # `A指挥部总指挥B,副市长C`: the head of a city is a post of its government
    r.rel(p, "HOLDS_POST", held[0].tail, sent, "post:org-title-name", title=title)
    return True


def pronoun(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:pronoun``: `其<title><name>` (`其董事长王磊`): the company or organization named last, in an
    earlier sentence; `该公司<title><name>` (`该协会会长`): the last one of that class, in this sentence too."""
    text = r.text
    an = None
    for an in _POSSESSOR.finditer(text, max(sent.start, p.start - 14), p.start):
        pass  # the last one before the name
    k = an.end() - 1 if an is not None else -1
    prev = r.last.get("COMPANY") or r.last.get("ORG")
    if an is not None and an.group() != "其":  # `该公司`: a company, the last one named before, in this sentence too
        prev = r.resolve("COMPANY" if an.group(1) in _FIRM_CLASSES else "ORG", an.group(), an.start())
    if k >= 0 and prev is not None and (prev.start < sent.start or an.group() != "其"):
        k = _SIDE_AT.match(text, k + 1).end() - 1  # `该公司韩籍法人代表A`: the nationality is no part of the title
        found = r.titles.run_at(text, k + 1, p.start)
        dept = _DEPARTMENT_AT.match(text, k + 1, p.start) if not found else None
        if dept:  # `该公司企划财务部部长A`: a department of the firm, then the post in it
            k, found = dept.end() - 1, r.titles.run_at(text, dept.end(), p.start)
        if found and k + 1 + sum(len(t) for t in found) + found.__len__() - 1 >= p.start - 1:
            r.rel(p, "HOLDS_POST", prev, sent, "post:pronoun", title=found[0])


#: A clause or list item that opens with a count or a side and a title, no organization (`;另一名执董A`,
#: `,而中方财务部长A`, `和另一名董事A`): group 1 the count, group 2 the side; up to two characters of a field
#: (`财务`) before the title.
_SAME_BODY = re.compile(rf"(?:^|[,;、和及与])(?:而|另外|此外)?(?:(另一?[名位])|({_SIDE}))[\u4e00-\u9fff]{{0,2}}$")
#: The rules whose post is named title before name, as a title opened by a count or a side is.
_TITLE_FIRST = frozenset({"post:org-title-name", "post:pronoun", "post:org-de-title", "post:same-body"})


def same_body(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:same-body``: `A公司董事长B,另一名董事C` and `该公司韩籍总经理B,…,而中方财务部长C`: a title opened by a
    count or a side, with no organization of its own, is a post in the organization of the last post named title
    before name earlier in the sentence (of the same kind of title after a count; in a company after a side)."""
    text = r.text
    t = r.titles.ending_at(text, p.start, r.floor_before(p.start))
    k = p.start - len(t) if t else -1
    m = _SAME_BODY.search(text, max(sent.start, k - 8), k) if k > sent.start else None
    if m is None or (m.start() > sent.start and text[m.start()] not in ",;、和及与"):
        return
    kind = r.titles.kind_of(t)
    before = [x for x in r.out if x.type == "HOLDS_POST" and x.sent_start == sent.start and x.head.end <= m.start()
              and x.head.text != p.text and x.rule in _TITLE_FIRST]
    if m.group(2):
        before = [x for x in before if x.tail.type == "COMPANY"]
    else:
        before = [x for x in before if None in (kind, r.titles.kind_of(x.attrs.get("title", ""))) or
                  kind == r.titles.kind_of(x.attrs.get("title", ""))]
    if before:
        r.rel(p, "HOLDS_POST", before[-1].tail, sent, "post:same-body", title=text[m.end(1) if m.group(1) else m.end(2):p.start])


#: `其<title>`, `该公司<title>`, `该协会<title>`: a possessor that refers back (group 1: the class word after 该);
#: not the 其 that ends a word (`土耳其总统A`: a country; `尤其`, `极其`, `何其`, `与其`: adverbs and a conjunction).
_FIRM_CLASSES = frozenset(rules.words("firm_anaphor_classes"))
_POSSESSOR = re.compile(rf"(?<!土耳)(?<![尤极何与])其|该({'|'.join(map(re.escape, sorted(_FIRM_CLASSES | set(rules.words('org_anaphor_classes')), key=len, reverse=True)))})")


def name_org_title(r: Reader, sent: Sentence, i: int, p: Mention) -> None:
    """``post:name-org-title``: `<name>,<org><title>`, `<name>(<org><title>)` (`王磊(大疆创新总裁)`, also after the
    person's own title: `王磊总裁(大疆创新总裁)`) and with a copula (`<name>(同样是<org><title>)`,
    `<name>是<org><title>`), unless the titles open the chain of the next name."""
    text, ms = r.text, sent.mentions
    own = r.titles.run_at(text, p.end, min(sent.end, p.end + 8))
    k = p.end + len(own[0]) if own and text.startswith("(", p.end + len(own[0])) else p.end  # `A关长(B海关关长)`
    if i + 1 < len(ms) and ms[i + 1].type in ORG_LIKE and _NAME_ORG_GAP.fullmatch(text, k, ms[i + 1].start):
        q = ms[i + 1]
        found = r.titles.run_at(text, q.end, min(sent.end, q.end + 20))
        after = q.end + sum(len(t) for t in found)
        gap = re.match(r"[^,;:。()]{0,8}", text[after:sent.end]).group()
        nxt = next((m for m in r.mentions_in(after, after + len(gap) + 4) if m.type == "PERSON"), None)
        if found and nxt is None:  # not the title chain of the next name
            r.rel(p, "HOLDS_POST", q, sent, "post:name-org-title", title=found[0])


def org_name_title(r: Reader, sent: Sentence, i: int, p: Mention) -> None:
    """``post:org-name-title``: `<org><name><title>` (`华通公司李立康总裁表示`, `(美国贸易代表署)戴琪大使`): the
    organization right before the name, the title right after it."""
    text, ms = r.text, sent.mentions
    if i == 0 or ms[i - 1].type not in ORG_LIKE or text[ms[i - 1].end:p.start] not in ("", ")"):
        return
    own = r.titles.run_at(text, p.end, min(sent.end, p.end + 8))
    if own:
        r.rel(p, "HOLDS_POST", ms[i - 1], sent, "post:org-name-title", title=own[0])


def roster(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:roster``: `<org>的<people>包括/是/为<title><name>` (`A公司的董事包括董事长B`, `A的两名股东是
    董事长B`): the first titled name of the list; the names after it follow through the title chain."""
    text = r.text
    t = r.titles.ending_at(text, p.start, r.floor_before(p.start))
    if t is None:
        return
    k = p.start - len(t)
    for org in reversed([m for m in r.mentions_in(max(sent.start, k - 16), k) if m.type in ORG_LIKE]):
        if _ROSTER.fullmatch(text, org.end, k):
            r.rel(p, "HOLDS_POST", org, sent, "post:roster", title=t)
        break


#: Between a title and the names it is shared by: a count and a list cue (`董事只有4人,包括`, `董事只有`, `董事包括`, `董事:`,
#: `董事局,包括:`).
_TITLE_LIST_CUE = re.compile(rf"(?:只有|共有|共)?(?:[0-9一二两三四五六七八九十]+[人名位],?)?"
                             rf"(?:,?(?:{rules.pattern('list_open_cues')}))?:?")
#: A board right after its organization, whose listed members hold the post `<board>成员`
#: (`加入A公司董事局,包括:B、C`).
_BOARD = re.compile(r"(?:董事局|董事会|理事会|监事会)$")


def _board_before(r: Reader, sent: Sentence, end: int) -> tuple[Mention, str] | None:
    """The last board named right after its organization earlier in the sentence (`加入A公司董事局`), with
    the post of its members (`董事局成员`); None when there is none."""
    for board in reversed(list(_BOARD_ANYWHERE.finditer(r.text, sent.start, end))):
        owner = r.at_end.get(board.start())
        if owner is not None and owner.type in ("COMPANY", "ORG"):
            return owner, board.group() + "成员"
    return None


_BOARD_ANYWHERE = re.compile(r"董事局|董事会|理事会|监事会")


def title_list(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:title-list``: `<org>…董事包括A、B及C`: the names listed, untitled, after a title and a list
    cue hold that post in the last organization the sentence names before the title."""
    text = r.text
    cue = next((c for c in range(max(sent.start, p.start - 12), p.start)
                if _TITLE_LIST_CUE.fullmatch(text, c, p.start) and c < p.start), None)
    if cue is None or cue == p.start:
        return
    t = r.titles.ending_at(text, cue, r.floor_before(cue))
    board = _BOARD.search(text, max(sent.start, cue - 3), cue) if t is None else None
    owner = r.at_end.get(board.start()) if board is not None else None
    if owner is not None and owner.type in ("COMPANY", "ORG"):
        t = board.group() + "成员"  # `加入A公司董事局,包括:…`: members of the board of the body right before it
        before = owner.start
    elif t is not None and r.titles.kind_of(t) == "generic" and (named_board := _board_before(r, sent, cue)):
        before = cue - len(t)
        owner, t = named_board  # `…加入A董事局,包括:B;4名成员:C、D`: members of the board the roster is of
    elif t is None or r.titles.kind_of(t) not in ("company", "association", "academic"):
        return
    else:
        owner, before = None, cue - len(t)
    prev = [m for m in sent.mentions if m.end <= p.start and m.type == "PERSON" and m is not p]
    if prev and prev[-1].end > before:
        return  # p is not the first of the list
    # the organization the sentence is about, else the last firm (or body) it names before the title
    named = [m for m in sent.mentions if m.end <= before and m.type in ("COMPANY", "ORG")]
    main = [m for m in (sent.main.of_type("COMPANY", "ORG") if sent.main is not None else ()) if m in named]
    firms = [m for m in named if m.type == "COMPANY"]
    org = owner or ((main or firms or named or [None])[-1] if not main else main[0])
    if org is None:
        return
    people, last = [p], p
    for m in sent.mentions:
        if m.start >= last.end and m.type == "PERSON" and _PEOPLE_GAP.fullmatch(text, last.end, m.start):
            people.append(m)
            last = m
    for who in people:
        r.rel(who, "HOLDS_POST", org, sent, "post:title-list", title=t)


#: `身兼A常务副主席、B理事的(计划发起人)C`: the posts a person holds at once, listed before `的` and a role.
_CONCURRENT = re.compile(rf"(?:{rules.alternation('concurrent_post_openers')})([^,;。]{{4,60}}?)的[^,;。、]{{0,8}}$")


def concurrent(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:concurrent``: `身兼A常务副主席、B理事的计划发起人C`: C holds each `<org><title>` of the list."""
    text = r.text
    m = _CONCURRENT.search(text, sent.start, p.start)
    if m is None:
        return
    a, b = m.span(1)
    for org in r.mentions_in(a, b):
        if org.type not in ORG_LIKE:
            continue
        end = next((k for k in range(org.end, b + 1) if k == b or text[k] in "、及和"), b)
        t = r.titles.ending_at(text, end, org.end)
        if t is not None and end - len(t) == org.end:  # the title right after the organization
            r.rel(p, "HOLDS_POST", org, sent, "post:concurrent", title=t)


#: What opens `时任<org><title>的<name>`: a word of the time of a post.
_THEN = re.compile(rf"(?:{rules.alternation('post_time_words')})$")
#: `<name>(目前)在<org>担任<title>`: the words between the name and `在`, and the verb after the organization.
_BEFORE_AT = re.compile(r"[^,;:。在]{0,6}?在")
_SERVE = re.compile(rules.alternation("post_serve_verbs"))
_COUNTRY_AT = re.compile(rules.alternation("foreign_countries"))


def then_title(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:then-title``: `时任/现任<org><title>的<name>` (`时任江苏省委副书记的王明`): the title ends right
    before `的` and the name; the organization before it is opened by a word of time."""
    text = r.text
    if text[p.start - 1:p.start] != "的":
        return
    j = p.start - 1
    t = r.titles.ending_at(text, j, r.floor_before(j))
    org = r.at_end.get(j - len(t)) if t is not None else None
    if org is not None and org.type in ORG_LIKE and _THEN.search(text, max(sent.start, org.start - 3), org.start):
        r.rel(p, "HOLDS_POST", org, sent, "post:then-title", title=t)


def serves_at(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:serves-at``: `<name>(目前)在<org>担任/任<title>` (`李明目前在华峰科技担任董事长`), `<name>放弃在<org><title>
    一职`: the post is in the organization after `在`."""
    text = r.text
    at = _BEFORE_AT.match(text, p.end, sent.end)
    country = _COUNTRY_AT.match(text, at.end()) if at else None  # `在美国|西北大学牙科学院`: the country locates it
    org = r.at_start.get(at.end()) or (r.at_start.get(country.end()) if country else None) if at else None
    if org is None or org.type not in ORG_LIKE:
        return
    verb = _SERVE.match(text, org.end, sent.end)
    found = r.titles.run_at(text, verb.end(), sent.end) if verb else []
    if not verb:  # `放弃在<org>副院长一职`: the post named as such
        found = [t for t in r.titles.run_at(text, org.end, sent.end)[:1] if text.startswith("一职", org.end + len(t))]
    if found:
        r.rel(p, "HOLDS_POST", org, sent, "post:serves-at", title=found[0])


#: `由(前规划署长)<name>出任`: the verb right after the name (an adverb of up to two characters between).
_HELD_BY_VERB = re.compile(rf"[\u4e00-\u9fff]{{0,2}}?(?:{rules.alternation('post_serve_verbs')})")
#: Between the organization and the title of the post before `由`: a description of the post, no punctuation.
_POST_GAP = re.compile(r"的?[^,;:。!?、()“”「」]{0,12}")


def held_by(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:held-by``: `<org>(港深合作)顾问由(前署长)<name>出任/担任`: the post named before `由` is in the organization
    right before its title; the name's own titles between `由` and the name are not that post."""
    text = r.text
    if not _HELD_BY_VERB.match(text, p.end, sent.end):
        return
    u = text.rfind("由", max(sent.start, p.start - 16), p.start)
    if u < 0 or re.search(r"[,;:。]", text[u:p.start]) or any(m.type == "PERSON" for m in r.mentions_in(u, p.start)):
        return
    t = r.titles.ending_at(text, u, r.floor_before(u))
    org = next((m for m in reversed(r.mentions_in(max(sent.start, u - 30), u - len(t))) if m.type in ORG_LIKE), None) \
        if t else None
    if org is not None and _POST_GAP.fullmatch(text, org.end, u - len(t)) and not r.mentions_in(org.end, u):
        r.rel(p, "HOLDS_POST", org, sent, "post:held-by", title=text[org.end:u].lstrip("的"))


_APPOINTER = re.compile(rf"(?:{rules.alternation('post_appointer_verbs')})$")
_AS = re.compile(rules.pattern("post_appointed_as"))  # `聘任A为(公司)总经理`


def appointed_as(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:appointed-as``: `<org>…委任/聘任<name>为<title>` (`华峰科技有限公司聘任李华为总经理`) with no
    organization after `为`: the post (of a company, an association or an academy) is in the company (else the
    organization) the sentence names last before the verb."""
    text = r.text
    verb = _APPOINTER.search(text, max(sent.start, p.start - 2), p.start)
    as_ = _AS.match(text, p.end, sent.end) if verb else None
    found = r.titles.run_at(text, as_.end(), sent.end) if as_ else []
    if not found or r.titles.kind_of(found[0]) not in ("company", "association", "academic"):
        return
    named = [m for m in r.mentions_in(sent.start, verb.start()) if m.type in ("COMPANY", "ORG")]
    org = next((m for m in reversed(named) if m.type == "COMPANY"), named[-1] if named else None)
    if org is not None:
        r.rel(p, "HOLDS_POST", org, sent, "post:appointed-as", title=found[0])


_RESPECTIVELY = re.compile(rf"分别(?:{rules.alternation('post_respective_verbs')})")


def respectively(r: Reader, sent: Sentence) -> None:
    """``post:respectively``: `A和B,分别是<org><title>,以及<org><title>` — the people before `分别` hold the posts
    after it in their order, when there are as many posts as people."""
    for cue in _RESPECTIVELY.finditer(r.masked, sent.start, sent.end):
        clause = next(((a, b) for a, b in sent.clauses if a <= cue.start() < b), None)
        if clause is None:
            continue
        people = [m for m in r.mentions_in(clause[0], cue.start()) if m.type == "PERSON"]
        if not people:  # `A和B,分别是…`: the people are in the clause before
            before = [a for a, b in sent.clauses if b <= clause[0]]
            people = [m for m in r.mentions_in(before[-1], clause[0]) if m.type == "PERSON"] if before else []
        posts = []
        for m in r.mentions_in(cue.end(), sent.end):
            t = _title_after(r, m.end, sent.end) if m.type in ORG_LIKE else None
            if t is not None:
                posts.append((m, t))
        if len(people) >= 2 and len(posts) == len(people):
            for who, (org, t) in zip(people, posts):
                r.rel(who, "HOLDS_POST", org, sent, "post:respectively", title=t)


def on_behalf(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:on-behalf``: `<name>(<title>)代表<org>` (`王明代表市政府致辞`, `李强总理代表国务院`): a person who speaks
    or acts for an organization holds a post in it (the title between, if any)."""
    text = r.text
    found = [] if text.startswith("代表", p.end) else r.titles.run_at(text, p.end, min(sent.end, p.end + 8))
    k = p.end + len(found[0]) if found else p.end  # `代表` is also a title (`人大代表`): not one here
    org = r.at_start.get(k + 2) if text.startswith("代表", k) else None
    if org is not None and org.type in ("ORG", "COMPANY"):
        r.rel(p, "HOLDS_POST", org, sent, "post:on-behalf", **({"title": found[0]} if found else {}))


def appointed(r: Reader, sent: Sentence) -> None:
    """``post:appointed``: a person (the clause's subject, or named right before the verb) that `曾任/现为/
    担任/获委任为` organizations with titles (`A曾任B公司总经理、C公司董事长`), or shares one title after a list
    (`A同时是B、C等公司董事`); the clauses right after that are only `<org><title>` go on the list."""
    text = r.text
    person: Mention | None = None
    for (a, b), s in _spans(r, sent):
        if person is not None and (_items(r, sent, person, a, b, strict=True) or not any(
                m.type in ORG_LIKE for m in r.mentions_in(a, b)) and r.titles.ending_at(text, b, a)):
            continue  # a clause of `<org><title>` items, or an item whose organization is no entity
        person = None
        p = LEAD.match(text, a, b).end()
        for cue in _APPOINTED.finditer(r.masked, a, b):
            if r.text[cue.start() - 2:cue.start()] == "分别":
                continue  # `A和B,分别是…`: post:respectively pairs them
            before = [m for m in r.mentions_in(a, cue.start()) if m.type == "PERSON"]
            if before and cue.start() - before[-1].end <= 2:
                who = before[-1]
            elif before or cue.start() - p > 8:
                continue
            elif s is not None and s.kind == "person" and not s.speech:
                who = s.ms[0]
            elif s is not None and s.kind == "other" and cue.start() - p <= 6 and _person_before(sent, a) is not None:
                who = _person_before(sent, a)  # `A毕业于…,之后曾任…`: a time word opens the clause
            else:
                continue
            if _items(r, sent, who, cue.end(), b, strict=False):
                person = who
                break


def _person_before(sent: Sentence, a: int) -> Mention | None:
    """The person last named as a subject (not only speaking) in the clauses of ``sent`` before ``a``."""
    people = [x for (c0, _), x in zip(sent.clauses, sent.subjects)
              if c0 < a and x is not None and x.kind == "person" and not x.speech]
    return people[-1].ms[0] if people else None


def _spans(r: Reader, sent: Sentence) -> list[tuple[tuple[int, int], Subject | None]]:
    """The clauses of ``sent`` with their subjects in force, a clause cut inside a parenthesis joined to the
    next (`美国朗讯科技公司(Lucent Technologies, Inc.)项目经理`)."""
    out: list[tuple[tuple[int, int], Subject | None]] = []
    open_paren = False
    for (a, b), s in zip(sent.clauses, sent.in_force):
        if open_paren and out:
            out[-1] = ((out[-1][0][0], b), out[-1][1])
        else:
            out.append(((a, b), s))
        seg = r.text[out[-1][0][0]:b]
        open_paren = seg.count("(") > seg.count(")")
    return out


def _items(r: Reader, sent: Sentence, who: Mention, a: int, b: int, strict: bool) -> bool:
    """The organizations in ``[a, b)`` with the title after each (or the title after the last, shared by those
    without one); ``strict``: the span must open with an organization. True when a post was found."""
    text = r.text
    orgs = [m for m in r.mentions_in(a, b) if m.type in ORG_LIKE]
    if not orgs or strict and orgs[0].start != LEAD.match(text, a, b).end() or orgs[0].start - a > 20:
        return False
    found, pending = False, []
    for m in orgs:
        t = _title_after(r, m.end, b)
        if t is None:
            pending.append(m)
            continue
        for x in pending + [m]:
            r.rel(who, "HOLDS_POST", x, sent, "post:appointed", title=t)
        found, pending = True, []
    if pending:
        shared = _shared_title(r, pending[-1].end, b)
        if shared and all(_ORG_GAP.fullmatch(text, x.end, y.start) for x, y in zip(pending, pending[1:])):
            for x in pending:
                r.rel(who, "HOLDS_POST", x, sent, "post:appointed", title=shared[0])
            found = True
    return found


def _shared_title(r: Reader, i: int, b: int) -> list[str]:
    """The titles after the last of a list of organizations that share them: right after it (`的`), or after
    `等` and a count (`等30多间公司董事`), over items the entity stage missed (`、大湾区投资等…`)."""
    m = _SHARED.match(r.text, i, b)
    if m.group("count") is None:
        return r.titles.run_at(r.text, m.end(), b)
    for k in range(m.start("count"), m.end() + 1):
        found = r.titles.run_at(r.text, k, b)
        if found:
            return found
    return []


def _title_after(r: Reader, i: int, b: int) -> str | None:
    """The title right after an organization ending at ``i``: directly, after a parenthesis or a unit
    (`(Intel)CEO`, `市场部总监`), or with a field word (`客户经理`)."""
    text = r.text
    for skip in (None, _PAREN, _UNIT):
        j = i
        if skip is not None:
            m = skip.match(text, i, b)
            if not m:
                continue
            j = m.end()
        found = r.titles.run_at(text, j, b)
        if found:
            return found[0]
    for n in range(1, 5):
        found = r.titles.run_at(text, i + n, b)
        if found and found[0].endswith(_FIELD_TITLES) and _FIELD.fullmatch(text, i, i + n):
            return text[i:i + n] + found[0]
    return None


def _post(seg: list[str]) -> str:
    """The post of one organization in a chain: the first title, or titles joined by 兼 (`创始人兼董事长`).

    >>> _post(["会长"]), _post(["创始人", "兼", "董事长"])
    ('会长', '创始人兼董事长')
    """
    if "兼" in seg:
        k = seg.index("兼")
        return "".join(seg[max(0, k - 1):k + 2])
    return next(t for t in seg if t != "兼")


#: `<org>的<title>是/为`: the copula after a title of the organization, then at most a few words about the person
#: (`新加坡籍华人`) before the name.
_TITLE_IS = re.compile(r"(?:是|为)[^\s,;:。、()]{0,8}$")
#: Between two people named after `<org>的<title>是`: a conjunction and a few words (`和他的妻子`).
_AND_WHO = re.compile(r"(?:和|及|与|以及|、)[^\s,;:。、()和及与]{0,6}")


def title_is(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:title-is``: `<org>的<title>是<words><name>和<words><name>` (`A公司的创始人是华人B和他的妻子C`): the
    people named after the copula hold the title in the organization right before `的`."""
    text = r.text
    cue = _TITLE_IS.search(text, max(sent.start, p.start - 10), p.start)
    if cue is None or r.mentions_in(cue.start(), p.start):
        return
    t = r.titles.ending_at(text, cue.start(), r.floor_before(cue.start()))
    k = cue.start() - len(t) if t else -1
    org = r.at_end.get(k - 1) if t and text[k - 1:k] == "的" else None
    if org is None or org.type not in ("COMPANY", "ORG") or r.titles.kind_of(t) not in ("company", "association", "academic"):
        return
    people, last = [p], p
    for m in r.mentions_in(p.end, sent.end):
        if m.type != "PERSON" or not _AND_WHO.fullmatch(text, last.end, m.start):
            break
        people.append(m)
        last = m
    for who in people:
        r.rel(who, "HOLDS_POST", org, sent, "post:title-is", title=t)


#: `由A及B(于2008年)创办`: people who founded the organization the sentence is about.
_FOUNDED_BY = re.compile(rf"由([^,;:。]{{2,60}}?)\s*(?:于[^,;:。]{{0,12}}?)?(?:{rules.pattern('founding_verbs')})(?!的)")


_FOUNDED_ONE = re.compile(rf"(?:于?[0-9]{{4}}年)?(?:{rules.pattern('founding_verbs')}|成立)的")
#: `A(于2001年)(跟大学同学)创立了<org>`: the person right before the verb founded the body right after it.
_FOUNDED_ACTIVE = re.compile(rf"(?:[在于]?[0-9]{{4}}年)?(?:[跟与和同][^,;:。]{{1,8}}?)?(?:共同)?(?:{rules.pattern('founding_verbs')})了")


def founded_by(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:founded-by``: `<org>…,由<title>A及<title>B于2008创办` — people named as its founders are the
    创办人 of the company or organization the sentence opens with (never of one named after the verb);
    `A(2001年)成立的<org>`, `A创办的<org>`: the person right before the verb founded the body right after `的`;
    `A(2001年)(跟同学)创立了<org>`: the same in the active voice."""
    one = _FOUNDED_ONE.match(r.text, p.end) or _FOUNDED_ACTIVE.match(r.text, p.end, sent.end)
    org = r.at_start.get(one.end()) if one else None
    if org is not None and org.type in ("COMPANY", "ORG") and org.end <= sent.end \
            and not any(x.type in ("PERSON", "COMPANY", "ORG") for x in r.mentions_in(p.end, org.start)) \
            and not (one.group().endswith("了") and r.text.startswith("的", org.end)):  # `创办了A的子公司`: not A
        r.rel(p, "HOLDS_POST", org, sent, "post:founded-by", title="创办人")
    if sent.main is None or p is not next((m for m in sent.mentions if m.type == "PERSON"), None):
        return
    org = next(iter(sent.main.of_type("COMPANY", "ORG")), None)
    for m in _FOUNDED_BY.finditer(r.text, sent.start, sent.end):
        people = [x for x in r.mentions_in(m.start(1), m.end(1)) if x.type == "PERSON"]
        if org is not None and people and org.end <= m.start():
            for who in people:
                r.rel(who, "HOLDS_POST", org, sent, "post:founded-by", title="创办人")
