"""FOCUSES_ON: the industries a park or an organization focuses on.

For each clause that names an industry, in this order:

* ``focus:carrier`` — `以A等为载体重点发展X`: the carrier parks focus on X;
* ``focus:strength`` — `X在人工智能等方面的资源与优势`: X's strength;
* ``focus:own`` / ``focus:cue`` — the clause's park or organization subject with a property word
  (`…等主导产业`, `产业体系`: own) or a focus cue (`聚焦`, `重点发展`, `打造…产业链`: cue).
  Without a park subject, a property word goes to the park the sentence names. An organization needs
  a strong cue (or `推动<industry>…发展` ending the clause): a ministry that `发布促进光伏产业发展的通知`
  focuses on nothing, and neither does one acting on the fields' firms, workers or consumers
  (`…保护清单`, `…支持力度`, `促消费`). Fields that name a class of firms (`新增注册A、B等领域企业`) are
  tenants' fields, no one's focus.
"""

from __future__ import annotations

import re

from kg.extract.entities import Mention
from kg.extract.relations.reader import CARRIER, Reader, Sentence, Subject
from kg.kb import rules

_FOCUS_CUE = re.compile(rules.alternation("focus_cues"))
_STRENGTH = re.compile(rules.alternation("focus_strength_words"))
_ORG_FOCUS_CUE = re.compile(rules.alternation("org_focus_cues"))
#: `推动<industry>(的)?(高质量)?发展` ending the clause: an organization develops the industry (not `…发展的通知`)
_ORG_DEVELOPS = re.compile(rf"(?:{rules.alternation('org_develop_verbs')})[^,;:。!?]*?(?:发展|升级|壮大)(?=[,;:。!?]|$)")
_OWN_CUE = re.compile(rules.alternation("own_industry_words"))
_GOAL = re.compile(rules.alternation("focus_goal_verbs"))
#: clusters named in a clause under a park's locative frame (`在X,A、B等产业集群正加速形成`) are the park's
_FRAME_CLUSTER = re.compile(r"产业集群|产业群")
_STOP = re.compile(r"[,;:。!?]")
#: `涵盖/覆盖…领域`: fields that tenants, projects or goods cover (decisions: no FOCUSES_ON from `涵盖`).
_COVERS = re.compile(r"涵盖|覆盖")
#: `将<park or class word>建设成为`: the park (group 1; group 2 when a class word stands for it) and the goal verb.
_BUILT_INTO = re.compile(rf"将(□+|该?({rules.alternation('park_anaphor_classes')}))(?:{rules.alternation('focus_goal_verbs')})")
_GOAL_NOUN = re.compile(rf"(?:{rules.alternation('focus_goal_nouns')})")
#: an organization acting on the firms, workers or consumers of fields, not developing them (`飞行检查`, `促消费`)
_NOT_DEVELOPING = re.compile(rules.pattern("org_focus_nondev_words"))
#: `X(今天…)举行新闻发布会,…介绍`: X hosts the event; what is reported there is someone else's focus
_HOSTS_EVENT = re.compile(r"[^,;。]{0,16}举行[^,;。]{0,8}发布会")
#: `…等领域企业`, `…行业的科技型企业`: the industries before it name a class of firms (tenants' fields)
_FIRMS_AFTER = re.compile(rf"[^,;:。!?、]{{0,6}}?等?(?:领域|行业|产业|方向)?的?(?:{rules.alternation('firm_class_modifiers')})?企业")
_LIST_GLUE = re.compile(r"[、和及与]")
#: strong focus verbs whose object a park named after them is (`聚焦丝绸之路经济带核心区建设`)
_FOCUS_OBJECT_VERB = re.compile(r"(?:聚焦|围绕|瞄准|锚定)[^,;:。!?]*$")


def focuses_on(r: Reader, sent: Sentence) -> None:
    """Every FOCUSES_ON rule for each clause of ``sent`` that names an industry."""
    parks_in_sentence = [m for m in sent.mentions if m.type == "PARK"]
    for (a, b), s in zip(sent.clauses, sent.in_force):
        inds = [m for m in r.mentions_in(a, b) if m.type == "INDUSTRY"]
        if not inds:
            continue
        seg = r.masked[a:b]
        carriers(r, sent, a, seg, inds)
        glosses(r, sent, a, b, seg, inds)
        strength(r, sent, a, b, seg, inds)
        framed = next((k for pos, k in reversed(sent.frame) if pos <= a), None)  # `在X,…主导产业…`
        cued(r, sent, s, a, seg, inds, parks_in_sentence, framed)
        built_into(r, sent, a, seg, inds)


def carriers(r: Reader, sent: Sentence, a: int, seg: str, inds: list[Mention]) -> None:
    """``focus:carrier``: `以A等为载体重点发展X` — the parks A focus on the industries after the cue."""
    car = CARRIER.search(seg)
    if car:
        found = [m for m in r.mentions_in(a + car.start(1), a + car.end(1)) if m.type == "PARK"]
        for c in found:
            for ind in inds:
                if ind.start >= a + car.end():
                    r.rel(c, "FOCUSES_ON", ind, sent, "focus:carrier")


def strength(r: Reader, sent: Sentence, a: int, b: int, seg: str, inds: list[Mention]) -> None:
    """``focus:strength``: `X在人工智能、…等方面的资源与优势`, `X在虚拟现实产业的研发实力…处于全国领先` — X's strength."""
    text = r.text
    for x in r.mentions_in(a, b):
        if x.type in ("PARK", "ORG") and text.startswith("在", x.end):
            inner = [i for i in inds if i.start > x.end and not re.search(r"[,;]", text[x.end:i.start])]
            if inner and _STRENGTH.search(seg, inner[-1].end - a):
                for ind in inner:
                    r.rel(x, "FOCUSES_ON", ind, sent, "focus:strength")


def cued(r: Reader, sent: Sentence, s: Subject | None, a: int, seg: str, inds: list[Mention],
         parks_in_sentence: list[Mention], framed: Mention | None = None) -> None:
    """``focus:own`` (`青岛蓝谷以海洋生物医药等为主导产业`) and ``focus:cue`` (`蓝谷聚焦海洋生物医药产业`):
    the park or organization the clause is about (or the park of a locative frame before it, `在X,以A为核心的
    主导产业…`) focuses on its industries."""
    own = own_cue(r, a, seg)
    holders: list[Mention] = []
    if s is not None and s.kind == "entity":
        holders = [m for m in s.ms if m.type in ("PARK", "ORG")]
        if s.carried and r.item_park is not None:
            holders = [r.item_park]  # an `一是…` item paragraph is about its own park
    if not own and not holders and framed is not None:
        own = own_cue(r, a, seg, _FRAME_CLUSTER)  # `在X,A、B等产业集群正加速形成`: clusters forming in the park
    if own and not holders and framed is not None:
        holders = [framed]  # the frame's city reads as a region subject: the park it names holds the property
    elif own and not [h for h in holders if h.type == "PARK"] and (s is None or s.kind not in ("region", "plan")):
        # `…等主导产业`, `产业体系`: a property of the park the sentence names
        before = [m for m in parks_in_sentence if m.end <= inds[0].start] or parks_in_sentence
        before = [m for m in before if not object_of_other(sent, m, r.text)]
        if before:
            holders = [before[-1]]
        elif s is None or s.kind == "industry" or s.kind == "entity" and s.carried:
            holders = [r.topic_park] if r.topic_park is not None else []
    if not holders or not (own or _FOCUS_CUE.search(seg)):
        return
    if _COVERS.search(seg, 0, max(0, inds[0].start - a)):
        return  # `…项目,涵盖智慧建造、生物医药等领域`: the fields tenants or goods cover, no one's focus
    # an organization needs a strong cue: a ministry that `发布促进光伏产业发展的通知` focuses on nothing
    inds = [i for i in inds if not tenant_field(r, a, i, inds)]
    if not inds:
        return
    strong = own or _ORG_FOCUS_CUE.search(seg) or _ORG_DEVELOPS.search(seg)
    holders = [h for h in holders if (h.type == "PARK" or strong) and acts(r, sent, h) and r.near(sent, h, inds[0].start)
               and (h.type == "PARK" or develops(r, sent, h))]
    for h in holders:
        for ind in inds:
            if h.type == "ORG" and "》" in r.text[h.end:ind.start]:
                continue  # `商务部印发《…方案》,聚焦…`: the document's focus, not the ministry's
            if h.start < sent.start and region_owned(r, ind):
                continue  # `这是花都汽车产业发展…`, `海南旅游业…四大主导产业`: the region's industry
            if not (h.start <= ind.start < h.end) and not bracketed_apart(r.text, h, ind):
                r.rel(h, "FOCUSES_ON", ind, sent, "focus:own" if own else "focus:cue")


def built_into(r: Reader, sent: Sentence, a: int, seg: str, inds: list[Mention]) -> None:
    """``focus:cue`` for the park a clause builds into an industry's base: `将<park>建设成为…<industry>产业基地`,
    `将基地打造成…新材料产业高地` (a class word for the park named before): the park focuses on the industry."""
    text = r.text
    for g in _BUILT_INTO.finditer(seg):
        p = a + g.start(1)
        park = r.at_start.get(p)
        if park is None or park.type != "PARK" or park.end != a + g.end(1):
            park = r.resolve("PARK", text[p:a + g.end(1)], p) if g.group(2) else None
        if park is None:
            continue
        for ind in inds:
            if ind.start >= a + g.end() and _GOAL_NOUN.match(text, ind.end) and not _STOP.search(text, a + g.end(), ind.start):
                r.rel(park, "FOCUSES_ON", ind, sent, "focus:cue")


def own_cue(r: Reader, a: int, seg: str, cue: re.Pattern[str] = _OWN_CUE) -> re.Match[str] | None:
    """The first property word of the clause (`…等主导产业`, `产业体系`) that is not part of an industry's
    name: `战略性新兴产业`, `优势特色产业集群` name industries, they make nothing a park's property."""
    for m in cue.finditer(seg):
        s, e = a + m.start(), a + m.end()
        if r.text.startswith("、", e) or r.text.startswith("战略性", s - 3):
            continue  # `对战略性新兴产业、先进制造业等领域的投资`: a class named as one item of a list, not its head
        if not any(i.type == "INDUSTRY" and i.start <= s and e <= i.end for i in r.mentions_in(max(0, s - 20), e + 20)):
            return m
    return None


def object_of_other(sent: Sentence, park: Mention, text: str = "") -> bool:
    """Whether ``park`` is named in a clause about someone else (`中方支持…参与印尼新首都、A工业园等重大项目`):
    its clause opens with a subject that is no entity (a noun, a region), so the park is an object there;
    or a focus verb governs it (`发改委重点聚焦丝绸之路经济带核心区建设`)."""
    for (a, b), own in zip(sent.clauses, sent.subjects):
        if a <= park.start < b:
            if _FOCUS_OBJECT_VERB.search(text, a, park.start):
                return True
            return own is not None and own.kind in ("other", "region") and park.start > a
    return False


def region_owned(r: Reader, ind: Mention) -> bool:
    """Whether the industry is named as a city's or province's (`海南旅游业`, `花都汽车产业`): a region name
    opens it or comes right before it."""
    text = r.text
    if r.region_at(ind.start, ind.end):
        return True
    return any(text[ind.start - n:ind.start] in r.regions for n in range(2, min(6, ind.start) + 1))


def glosses(r: Reader, sent: Sentence, a: int, b: int, seg: str, inds: list[Mention]) -> None:
    """``focus:gloss``: `武汉大学科技园(依托…重点发展生物技术等产业)` — a bracketed gloss right after a park,
    with a focus cue inside, gives the park the industries inside the brackets."""
    text = r.text
    for x in sent.mentions:
        if x.type != "PARK" or not text.startswith("(", x.end):
            continue
        close = text.find(")", x.end, sent.end)
        if close < 0 or not _FOCUS_CUE.search(text, x.end + 1, close):
            continue
        for ind in inds:
            if x.end < ind.start and ind.end <= close and a <= ind.start < b:
                r.rel(x, "FOCUSES_ON", ind, sent, "focus:gloss")


def acts(r: Reader, sent: Sentence, h: Mention) -> bool:
    """Whether ``h`` can be the actor of a focus clause: not the goal of a goal verb
    (`将基地建设成为…光电子产业基地`), not the organization of a person's title (`民革中央常委夏先鹏`, also
    in an earlier sentence carried as the topic)."""
    text = r.text
    for g in _GOAL.finditer(text, max(0, h.start - 30), h.start):
        if not _STOP.search(text, g.end(), h.start):
            return False
    if h.type == "ORG":
        after = [m for m in sent.mentions if m.start >= h.end and m.start - h.end <= 4]
        if any(m.type == "PERSON" and not _STOP.search(text, h.end, m.start) for m in after):
            return False
        if r.titles.run_at(text, h.end, min(len(text), h.end + 12)):
            return False  # `中共中央政治局常委、…王沪宁`: a title right after it makes it a post's body
    return True


def tenant_field(r: Reader, a: int, ind: Mention, inds: list[Mention]) -> bool:
    """Whether ``ind`` is in a list that names a class of firms (`新增注册人工智能、生物医药等领域企业`): the fields of
    tenants or members, no one's focus, unless a strong focus cue governs the list (`聚焦引进…等领域企业`)."""
    text = r.text
    ordered = sorted(inds, key=lambda m: m.start)
    k = ordered.index(ind)
    lo = hi = k
    while hi + 1 < len(ordered) and glued(text, ordered[hi], ordered[hi + 1]):
        hi += 1
    while lo > 0 and glued(text, ordered[lo - 1], ordered[lo]):
        lo -= 1
    if not _FIRMS_AFTER.match(text, ordered[hi].end):
        return False
    return not _ORG_FOCUS_CUE.search(text, a, ordered[lo].start)


def glued(text: str, x: Mention, y: Mention) -> bool:
    """Whether ``y`` is the next item after ``x`` in one list (`A、B`, `A和B`)."""
    return x.end <= y.start and (y.start == x.end or bool(_LIST_GLUE.fullmatch(text[x.end:y.start])))


def develops(r: Reader, sent: Sentence, h: Mention) -> bool:
    """Whether an organization's focus sentence states that it develops the fields: not a regulator's or
    ministry's action on their firms, workers, consumers or cases (`聚焦…领域…飞行检查`, `加大对制造业…的支持力度`,
    `聚焦家电…举办促消费专场巡展`, a study session's topic), nor what is reported at an event it hosts
    (`国务院新闻办公室举行新闻发布会,…介绍,…聚焦科技、电信…`)."""
    if _HOSTS_EVENT.match(r.text, h.end, sent.end):
        return False
    return not _NOT_DEVELOPING.search(r.text, sent.start, sent.end)


def bracketed_apart(text: str, h: Mention, ind: Mention) -> bool:
    """Whether brackets part ``h`` from ``ind``: ``h`` in a gloss that closes before ``ind``, or ``ind``
    in a gloss of something named after ``h`` (`…产业基地)、武汉大学科技园(…生物技术…)`)."""
    lo, hi = (h.end, ind.start) if h.end <= ind.start else (ind.end, h.start)
    depth, opened_at = 0, -1
    for i in range(lo, hi):
        c = text[i]
        if c == "(":
            depth, opened_at = depth + 1, (i if depth == 0 else opened_at)
        elif c == ")":
            if depth == 0:
                return True
            depth -= 1
    return depth > 0 and not (h.end <= ind.start and opened_at == h.end)
