"""LOCATED_IN (a company or organization in a park) and PART_OF (a smaller park in a park), from
locative cues. :meth:`Reader.place <kg.extract.relations.reader.Reader.place>` picks the type by the
kind of the located entity.

The steps in :data:`STEPS` run on each clause in that order (the order decides which rule's relation
a duplicate keeps): ``located:frame``, ``located:host``, ``located:here``, ``located:join``,
``located:at``, ``located:weiyu``, ``located:nei-de``, ``located:project``, ``located:example``,
``located:site``, ``located:opens``, ``located:tenant``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.entities import Mention
from kg.extract.relations.reader import LEAD, ORG_LIKE, Clause, Reader, Sentence
from kg.kb import rules

#: `A入驻/落户<park>`; `A的生产基地(就)设在<park>`: a site of the firm set up there.
_JOIN_CUE = re.compile(rf"{rules.alternation('join_verbs')}|的[^,;。的]{{0,4}}?(?:{rules.alternation('site_in_park_nouns')})"
                       rf"(?:{rules.pattern('at_park_adverbs')}|就|均)?设(?:在|于)")
_HOST_CUE = re.compile(rules.alternation("host_verbs"))
#: `在此`, `于这里`, `到这儿`: a preposition and a word for "here".
_AT, _HERE_WORDS = "在|于|到", "此|这里|这儿"
_HERE = re.compile(f"(?:{_AT})(?:{_HERE_WORDS})")
_LOCATE_AT = re.compile(rules.alternation("locate_verbs"))
# `位于X北侧Y`: a place or zone followed by a word of position only says where the park Y after it lies.
_POSITION = frozenset(rules.words("park_position_words"))
_AT_VERB = re.compile(f"(?:{rules.pattern('at_park_adverbs')})*(?:{rules.alternation('at_park_verbs')})")
#: A project given up later in the sentence (`…可是…放弃有关计划`): no site in the park.
_ABANDONED = re.compile(rules.alternation("project_abandon_words"))
#: `A的(新)工厂/项目` right before `在<park>`: a site or project of the firm A.
#: Heads after an entity that name others (`A旗下十家企业`, `A会员企业`): those others are the ones that move in.
_OTHERS_OF = re.compile(rules.pattern("subject_other_heads"))
_FIRM_SITE = re.compile(rf"的?(?:{rules.pattern('site_modifiers')}|[^,;:。□、“”的]{{1,10}}?)?(?:{rules.alternation('site_in_park_nouns')}|项目)"
                        r"(?:将|已|也)?$")
_PROJECT_LIST = re.compile(r"等[^,;:。等]{0,12}?项目")
_PROJECT_GO = re.compile(rules.alternation("project_progress_words"))
#: `X(仅/也)是<park>…的一个实例`: an adverb, the park (group 1), a measure word, the noun.
_JUST, _ONE = "仅|只|也|正|就", "一个|一家|一处"
_EXAMPLE = re.compile(rf"^(?:{_JUST})?是(.{{0,30}}?)的?(?:{_ONE})?(?:{rules.alternation('example_nouns')})")
_VISIT = re.compile(rules.alternation("frame_visit_verbs"))
_SITE = re.compile(rules.alternation("site_in_park_nouns"))
_OPENS = re.compile(rf"(?:正式|顺利|已|已经)?(?:{rules.alternation('opening_verbs')})")
#: `<park>内(由A设立)的`: inside the park, perhaps a relative clause, then `的` before what is there.
_INSIDE_DE = re.compile(r"(?:内|里)(?:由[^,;。的]{2,20})?的")
#: A company written with its legal form (`…有限公司`, `…股份公司`): a firm of the park it follows with 的.
_RUNS_BEFORE = tuple(rules.words("manage_verbs"))
_LINK_OPEN = re.compile(r"\s*[\[「“]?")
_LEGAL_FORM_END = re.compile(r"(?:有限公司|有限责任公司|股份公司|株式会社)$")
_LEADING_FIRM = re.compile(rf"^(?:是|为)(?:其中的?)?(?:{rules.alternation('leading_firm_roles')})企业之一")


def locations(r: Reader, sent: Sentence) -> None:
    """Every LOCATED_IN step for each clause of ``sent``."""
    for c in r.clauses_of(sent):
        for step in STEPS:
            step(r, sent, c)


_THIS_IS = re.compile(r"[“\"]?这(?:里)?是")


def framed(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:frame``: the last locative frame before the clause (`在西安高新区内,`, `走进X——` over the
    next paragraph) holds for its explicit subjects, for `这是X` in a walk (`漫步在X内`) and for a firm whose
    site the clause shows (`…大楼是A公司的总部`)."""
    a, b, own, seg = c.start, c.end, c.own, c.seg
    park = next((k for pos, k in reversed(sent.frame) if pos <= a), None)
    if park is not None and not any(pos == b for pos, _ in sent.frame):
        if own is not None and own.kind == "entity" and not own.carried:
            for x in own.ms:
                r.place(x, park, sent, "located:frame")
        shown = _THIS_IS.match(seg)
        if shown:
            x = r.at_start.get(a + shown.end())
            if x is not None:
                r.place(x, park, sent, "located:frame")
        for x in r.mentions_in(a, b):  # `走进X,眼前这座大楼是A公司的总部`: a firm's site seen in the frame
            if x.type in ("COMPANY", "ORG") and r.text.endswith("是", a, x.start) and _SITE.match(r.text, x.end + 1) \
                    and r.text[x.end:x.end + 1] == "的":
                r.place(x, park, sent, "located:frame")
        for visit in _VISIT.finditer(seg):  # `在X,李强来到A公司`: what is visited in the frame
            x = next((m for m in r.mentions_in(a + visit.end(), b) if m.type in ("COMPANY", "ORG")), None)
            x = x if x is not None and x.start - (a + visit.end()) <= 2 else None
            if x is not None:
                r.place(x, park, sent, "located:frame")


_REPRESENTED_BY = re.compile(r"了?以([^,;。]{1,40}?)为代表")


def hosted(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:host``: `<park>集聚/入驻了/引进 A、B等`, `集聚了以…为代表的十几家平台` — the park before the cue
    (or the park subject) hosts the listed entities; the first cue that lists any wins."""
    text, a, b, cms, seg = r.text, c.start, c.end, c.mentions, c.seg
    subj_parks = c.subject_parks
    for cue in _HOST_CUE.finditer(seg):
        if _HERE.search(text, a + max(0, cue.start() - 3), a + cue.start()):
            continue
        hosts = [m for m in cms if m.type == "PARK" and m.end <= a + cue.start()] or subj_parks
        if not hosts:
            continue
        host = hosts[-1]
        rep = _REPRESENTED_BY.match(seg[cue.end():])
        if rep:  # `集聚了以首个…——国家高速列车技术创新中心为代表的十几家平台`
            inner = [m for m in r.mentions_in(a + cue.end() + rep.start(1), a + cue.end() + rep.end(1)) if m.type in ORG_LIKE]
            listed = [m for m in r.coordinated(inner[0], a + cue.end() + rep.end(1)) if m.type in ORG_LIKE] if inner else []
        else:
            listed = r.list_at(a + cue.end(), b, ORG_LIKE, lead_items=True)
        if cue.group() in ("有", "拥有") and not listed:
            continue
        for x in listed:
            r.place(x, host, sent, "located:host")
        if listed:
            break


_SETTLE_VERB = re.compile(r"起航|发展|落户|扎根")


def here(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:here``: `A、B等…在此集聚` — what comes before `在此` is in the park `此` refers to."""
    a, cms, seg = c.start, c.mentions, c.seg
    found = _HERE.search(seg)
    if found and _HOST_CUE.search(seg, found.end()) or found and _JOIN_CUE.search(seg, found.end()) or \
            found and _SETTLE_VERB.search(seg[found.end():]):
        ref = _here_referent(r, sent, c.index)
        if ref is not None:
            for x in [m for m in cms if m.end <= a + found.start() and m.type in ORG_LIKE] or c.subject_firms:
                r.place(x, ref, sent, "located:here")


_THE_COMPANYS = re.compile(r"[^,;]{0,4}?(?:该|其|将)?公司的?[^,;]{0,8}$")
_TO_HERE = re.compile(r"(?:到)?(?:这里|此)")
_NOMINAL_ARRIVAL = re.compile(r"的(?:落户|入驻|落地)")


def joined(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:join``: `<company>入驻/落户/迁址<park>`, `公司的研发总部搬到这里`; and `极视角的落户` in the
    one park the sentence names."""
    a, cms, seg = c.start, c.mentions, c.seg
    for cue in _JOIN_CUE.finditer(seg):
        firms = [m for m in cms if m.type in ("COMPANY", "ORG") and m.end <= a + cue.start()
                 and not _OTHERS_OF.match(r.text, m.end)]  # `A旗下十家企业搬迁到X`: the units move, not A
        firms = _listed_before(r, firms) if firms else c.subject_firms
        if not firms:
            # `公司的研发总部搬到这里`: the company named last
            named = [m for m in sent.mentions if m.type == "COMPANY" and m.end <= a] or [m for m in r.prev_sentence if m.type == "COMPANY"]
            if _THE_COMPANYS.match(seg[:cue.start()]) and named:
                firms = named[-1:]
            else:
                continue
        target = next((m for m in cms if m.type == "PARK" and m.start >= a + cue.end() and m.start - (a + cue.end()) <= 4), None)
        if target is None and _TO_HERE.match(seg[cue.end():]):
            target = _here_referent(r, sent, c.index)
        if target is None:
            continue
        for f in firms:
            r.rel(f, "LOCATED_IN", target, sent, "located:join")
    # `极视角的落户`: a company's arrival in the park the sentence names
    nominal = _NOMINAL_ARRIVAL.search(seg)
    if nominal:
        firm = next((m for m in reversed(cms) if m.type in ("COMPANY", "ORG") and m.end == a + nominal.start()), None)
        parks = [m for m in sent.mentions if m.type == "PARK"]
        if firm is not None and len({p.text for p in parks}) == 1:
            r.rel(firm, "LOCATED_IN", parks[0], sent, "located:join")


def at_park(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:at``: `<company>在(<region>)<park>投资/建设/启用` (`在江苏省苏州工业园区注册`) — the company before
    `在` (or before `的<site>在`: `A的新工厂在<park>投产`), else the firm subject; not for a project the sentence
    says was given up (`…后来放弃了计划`)."""
    text = r.text
    for m in c.mentions:
        k = text.rfind("在", max(c.start, m.start - 9), m.start)
        if m.type == "PARK" and k >= 0 and r.regions_before(k + 1, m.start) and _AT_VERB.match(text, m.end) \
                and not _ABANDONED.search(r.masked, m.end, sent.end):
            site = _FIRM_SITE.search(r.masked, c.start, k)  # `A的新工厂在<park>投产`, `A发动机扩建项目在<park>奠基`
            x = r.at_end.get(site.start() if site else k)
            firms = [x] if x is not None and x.type in ("COMPANY", "ORG") else c.subject_firms
            for f in firms:
                r.rel(f, "LOCATED_IN", m, sent, "located:at")


#: Quotation marks that may open a name right after `位于X的`.
_OPEN_QUOTES = frozenset("“「\"『")


def located_at(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:weiyu``: `位于/地处<park>` — the subject before the cue is in the park(s) right after it;
    `位于X的Y` (also `位于X的“Y”`): Y is in X."""
    text, a, b, s = r.text, c.start, c.end, c.subject
    for cue in _LOCATE_AT.finditer(c.seg):
        parks: list[Mention] = []
        for m in c.mentions:
            gap = m.start - (a + cue.end())
            if m.type == "PARK" and gap >= 0 and parks and text[parks[-1].end:m.start] in _POSITION:
                parks[-1] = m  # `位于X新城北侧Y工业园`: in Y, which lies north of X
            elif m.type == "PARK" and gap >= 0 and (not parks and (gap <= 2 or r.regions_before(a + cue.end(), m.start))
                                                    or parks and m.start == parks[-1].end):
                parks.append(m)
        if not parks:
            continue
        after = text[parks[-1].end:b]
        if after.startswith("的"):  # 位于X的Y, 位于X的“Y”
            y = r.at_start.get(parks[-1].end + (2 if after[1:2] in _OPEN_QUOTES else 1))
            targets = [y] if y is not None and y.type in ORG_LIKE else []
        else:
            targets = [m for m in (s.ms if s is not None and s.kind == "entity" else ()) if m.end <= a + cue.start() or m.start < a]
        for t in targets:
            for p in parks:
                r.place(t, p, sent, "located:weiyu")


def inside(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:nei-de``: `<park>内的<park>` (`西安高新区内的碑林环大学创新产业带`), also over a relative clause
    (`科学园内由A大学设立的B中心`); `<park>的<firm with its legal form>` (`X化工园区的Y化工有限公司`)."""
    text = r.text
    for m in c.mentions:
        rel = _INSIDE_DE.match(text, m.end, c.end) if m.type == "PARK" else None
        if rel is not None:
            y = r.at_start.get(rel.end())
            if y is not None and y.type in ORG_LIKE:
                r.place(y, m, sent, "located:nei-de")
        elif m.type == "PARK" and text.startswith("的", m.end) and not text.endswith(_RUNS_BEFORE, 0, m.start):
            # `X化工园区的Y化工有限公司`: a firm of the park (`管理X的Y公司` is the park's operator: operates.py)
            y = r.at_start.get(_LINK_OPEN.match(text, m.end + 1).end())  # a link's bracket may open the name
            if y is not None and y.type == "COMPANY" and _LEGAL_FORM_END.search(y.text):
                r.place(y, m, sent, "located:nei-de")


def projects(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:project``: `A、B等(重点)项目进展迅速`, `推进A、B等259个在建项目`, `A…、B…等大项目的落地` —
    projects of companies going ahead in the park the sentence (or the text) is about."""
    text, a, b, s, seg = r.text, c.start, c.end, c.subject, c.seg
    proj = _PROJECT_LIST.search(seg)
    if proj:
        go_after = _PROJECT_GO.match(seg, proj.end()) or seg.startswith("的落地", proj.end())
        firms = [m for m in c.mentions if m.type == "COMPANY" and m.end <= a + proj.start()
                 and (m.start == LEAD.match(text, a, b).end() or text[m.start - 1] in "、和" or
                      _PROJECT_GO.search(text, max(a, m.start - 4), m.start))]
        go_before = firms and _PROJECT_GO.search(text, a, firms[0].start)
        subj_parks = c.subject_parks
        holder = subj_parks[0] if subj_parks else sent.subject_park()
        if holder is None and (s is None or s.carried or set(s.ms) <= set(firms)):
            holder = r.topic_park
        if holder is not None and (go_after or go_before):
            for x in firms:
                r.rel(x, "LOCATED_IN", holder, sent, "located:project")


def examples(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:example``: `X(仅)是<park>…的一个实例`, `X是其中的代表企业之一` (in the sentence's park)."""
    own = c.own
    if own is not None and own.kind == "entity":
        x = own.ms[0]
        rest = r.text[x.end:c.end]
        em = _EXAMPLE.match(rest)
        if em:
            inner = [m for m in r.mentions_in(x.end + em.start(1), x.end + em.end(1)) if m.type == "PARK"]
            if inner:
                r.place(x, inner[0], sent, "located:example")
        if _LEADING_FIRM.match(rest):
            park = sent.subject_park()
            if park is not None:
                r.place(x, park, sent, "located:example")


def site(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:site``: `<org><park><site>` (`A大学B新区校区`, `C公司D园区基地`) — the organization has a site in
    the park, so it is in it."""
    text = r.text
    for x, k in zip(c.mentions, c.mentions[1:]):
        if x.type in ("COMPANY", "ORG") and k.type == "PARK" and k.start == x.end and _SITE.match(text, k.end):
            r.rel(x, "LOCATED_IN", k, sent, "located:site")


def opens(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:opens``: `A挂牌运营`, `B揭牌成立` — a body named as the clause's subject that opens, in a sentence
    that names no park (nor a city), is in the park the text is about."""
    own = c.own
    if own is None or own.kind != "entity" or own.carried or r.topic_park is None:
        return
    if any(m.type == "PARK" for m in sent.mentions) or any(s is not None and s.kind == "region" for s in sent.subjects):
        return
    for x in own.ms:
        if x.type in ("COMPANY", "ORG") and _OPENS.match(r.text, x.end, c.end):
            r.rel(x, "LOCATED_IN", r.topic_park, sent, "located:opens")


_AND = re.compile(r"[、和及与]|以及")


def _listed_before(r: Reader, firms: list[Mention]) -> list[Mention]:
    """The last of ``firms`` with those listed right before it (`A、B将迁驻X`)."""
    out = [firms[-1]]
    for x in reversed(firms[:-1]):
        if not _AND.fullmatch(r.text[x.end:out[0].start]):
            break
        out.insert(0, x)
    return out


def _here_referent(r: Reader, sent: Sentence, idx: int) -> Mention | None:
    """`在此`/`这里`: a park subject earlier in the sentence, else the first park of the sentence before."""
    for s in reversed(sent.in_force[:idx]):
        if s is not None and s.of_type("PARK"):
            return s.of_type("PARK")[0]
    a, b = sent.clauses[idx]
    found = [m for m in r.mentions_in(sent.clauses[0][0], a) if m.type == "PARK"]
    if found:
        return found[-1]
    return r.prev_parks[0] if r.prev_parks else r.topic_park


#: The steps of :func:`locations`, in the order they run on each clause.
#: `A是<park>(内)的入驻企业`: the copula before the park, a tenant's noun after it.
_IS_AT = re.compile(rules.pattern("tenant_copulas"))
_TENANT = re.compile(rf"内?的(?:{rules.alternation('tenant_qualifiers')})+(?:{rules.alternation('tenant_nouns')})")


def tenant(r: Reader, sent: Sentence, c: Clause) -> None:
    """``located:tenant``: `A是<park>的入驻企业`, `A为<park>内的重点企业` — the company or organization is in the
    park; a partner or an operator (`的合作企业`, `的运营主体`) is not."""
    for x in c.mentions:
        v = _IS_AT.match(r.text, x.end, c.end) if x.type in ("COMPANY", "ORG") else None
        y = r.at_start.get(v.end()) if v is not None else None
        if y is not None and y.type == "PARK" and _TENANT.match(r.text, y.end, c.end):
            r.rel(x, "LOCATED_IN", y, sent, "located:tenant")


STEPS: tuple[Callable[[Reader, Sentence, Clause], None], ...] = (
    framed, hosted, here, joined, at_park, located_at, inside, projects, examples, site, opens, tenant)
