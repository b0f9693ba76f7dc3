"""Relations: typed facts between the entity mentions of one document.

Pure functions over the normalized text and its mentions (from
:mod:`kg.entities`). Every relation carries the sentence that states it and
the rule that found it; :mod:`kg.extract` maps the sentence to raw offsets.

Rules follow the cues of the annotation guidelines:

* **HOLDS_POST** — `<org><title>…<name>` title chains (`青岛蓝谷管理局副局长徐一冰`,
  `…工委书记、区委书记孙永红`), `<name>,<org><title>`, and `其<title><name>`
  for the organization of the previous sentence; ``title`` is the post
  right after the organization.
* **FOCUSES_ON** — industries of a sentence with a focus cue (`聚焦`, `重点发展`,
  `产业体系`, `打造…产业链`) go to the park or organization the sentence is
  about: one named before them, else the topic carried from earlier sentences.
* **LOCATED_IN** — `入驻/落户/迁址` with a company before a park, `入驻/集聚/引进`
  with a park before a list of companies, `位于<park>的<company>`.
* **PART_OF** — a park named right after its parent (`西安高新区集贤产业园`),
  `<park>是<park>的…组成部分/核心区`, `位于<park>的<park>`.
* **OPERATES** — `设立/成立…<fund>`, `由A和B…开发运营的<park>`, a company that
  invests to build a park; **INVESTS_IN** with ``amount`` for the latter.
* **PARTNERS_WITH** — `A与B签署/签订/成立/携手…` (symmetric).
* **SUBSIDIARY_OF** — `A直属企业B`, `A旗下B`, `A子公司B`.
* **LEADS_CHAIN** — `链主企业X` or a `链长` with an industry in the sentence.

>>> from kg.entities import Mention
>>> text = "青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋生物医药产业链。"
>>> ms = [Mention(0, 7, "ORG", "青岛蓝谷管理局", "t"), Mention(10, 13, "PERSON", "徐一冰", "t"),
...       Mention(16, 18, "PARK", "蓝谷", "t"), Mention(20, 29, "INDUSTRY", "海洋生物医药产业链", "t")]
>>> [(r.head.text, r.type, r.tail.text, r.attrs) for r in find_relations(text, ms, {"副局长": "gov"})]
[('徐一冰', 'HOLDS_POST', '青岛蓝谷管理局', {'title': '副局长'}), ('蓝谷', 'FOCUSES_ON', '海洋生物医药产业链', {})]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kg.amounts import parse_amount
from kg.entities import Mention

ORG_LIKE = ("ORG", "COMPANY", "PARK")
RELATION_TYPES = ("HOLDS_POST", "LOCATED_IN", "PART_OF", "FOCUSES_ON", "LEADS_CHAIN", "INVESTS_IN", "OPERATES",
                  "PARTNERS_WITH", "SUBSIDIARY_OF")


@dataclass(frozen=True)
class Relation:
    """A relation between two mentions, with the sentence (normalized offsets) that states it."""

    head: Mention
    type: str
    tail: Mention
    sent_start: int
    sent_end: int
    rule: str
    attrs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


_SENTENCE = re.compile(r"[^。!?;\n]+[。!?;]?")
_TITLE_SEP = re.compile(r"[、,兼及和 ]")
_FOCUS_CUE = re.compile(r"聚焦|重点发展|主导产业|产业体系|打造|布局|培育|壮大|做强|围绕|瞄准|主攻|优势产业|特色产业|产业链|产业集群|"
                        r"产业方向|发展|引领|集聚")
_JOIN_CUE = re.compile(r"入驻|落户|迁址|迁入|落地|扎根|进驻|总部设在|安家")
_HOST_CUE = re.compile(r"入驻|集聚|聚集|引进|吸引|引入|汇聚|落户|落地|拥有|聚集了|有")
_FUND_CUE = re.compile(r"设立|成立|发起|组建|推出|参股成立|出资")
_PARTNER_CUE = re.compile(r"签署|签订|签约|成立|共建|携手|合作|达成|共同")
_SUBSIDIARY_CUE = re.compile(r"^(?:直属企业|直属|旗下|下属企业|下属|全资子公司|控股子公司|子公司)$")


#: A "sentence" longer than this (a list run together with commas) is cut at commas,
#: so the per-sentence rules stay linear in the text.
MAX_SENTENCE = 400


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        if not m.group().strip():
            continue
        a, b = m.span()
        while b - a > MAX_SENTENCE:
            cut = text.rfind(",", a, a + MAX_SENTENCE)
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _covered_by_titles(gap: str, titles: Mapping[str, str]) -> list[str] | None:
    """Split ``gap`` into titles (greedy, longest first); None if something else is in it."""
    out, i = [], 0
    by_len = sorted(titles, key=len, reverse=True)
    while i < len(gap):
        if _TITLE_SEP.match(gap[i]):
            i += 1
            continue
        t = next((t for t in by_len if gap.startswith(t, i)), None)
        if t is None:
            return None
        out.append(t)
        i += len(t)
    return out


def find_relations(
    text: str, mentions: Sequence[Mention], titles: Mapping[str, str], regions: frozenset[str] | set[str] = frozenset()
) -> list[Relation]:
    """All relations in ``text`` between ``mentions`` (sorted by position).

    ``regions`` (city and district names) stop a carried topic: when a
    sentence is about a city, what it develops is no park's focus.
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    out: list[Relation] = []
    topic: Mention | None = None  # the park the text is about
    subject: Mention | None = None  # the last park or organization a sentence opened with
    last_zone: Mention | None = None  # the last zone named (the parent a `先行启动区` phrase refers to)
    prev_org: Mention | None = None  # the last organization or company named (for 其/该公司)
    k = 0
    for ss, se in _sentences(text):
        while k < len(mentions) and mentions[k].start < ss:  # one pass over the sorted mentions
            k += 1
        ms = []
        j = k
        while j < len(mentions) and mentions[j].start < se:
            if mentions[j].end <= se:
                ms.append(mentions[j])
            j += 1
        sent = text[ss:se]
        rel = lambda h, t, k, rule, _ss=ss, _se=se, **a: out.append(Relation(h, t, k, _ss, _se, rule, a))  # noqa: E731
        _holds_post(text, ms, titles, prev_org, rel)
        first = next((m for m in ms if m.type in ("PARK", "ORG")), None)
        if first is not None and first.start - ss <= 12 and se - ss >= 15:  # not a short caption
            subject = first
            if first.type == "PARK":
                topic = first  # the park a sentence opens with is what the text is about
        _focuses_on(text, sent, ss, ms, topic, rel, regions)
        _located_in(text, ss, ms, topic, rel)
        _part_of(text, ms, rel)
        _sub_parks(text, sent, ms, topic, rel)
        _part_phrases(text, ss, se, ms, last_zone or topic, rel)
        zones = [m for m in ms if m.type == "PARK" and _ZONE.search(m.text)]
        if zones:
            last_zone = zones[-1]
        _operates(text, ss, ms, topic or subject, rel)
        _partners(text, ms, rel)
        _subsidiary(text, ms, rel)
        _leads_chain(text, ms, rel)
        for m in ms:
            if m.type in ("ORG", "COMPANY"):
                prev_org = m
    sentences = _sentences(text)
    return _dedupe([_with_evidence(text, r, sentences) for r in out])


def _with_evidence(text: str, r: Relation, sentences: list[tuple[int, int]]) -> Relation:
    """Extend the evidence back to the sentence of an end carried from earlier (topic, `其`)."""
    first = min(r.head.start, r.tail.start)
    if first >= r.sent_start:
        return r
    start = next((a for a, b in sentences if a <= first < b), first)
    return Relation(r.head, r.type, r.tail, start, r.sent_end, r.rule, r.attrs)


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in rels:
        key = (r.head.start, r.type, r.tail.start)
        if key not in seen and r.head.start != r.tail.start:
            seen.add(key)
            out.append(r)
    return out


def _holds_post(text, ms, titles, prev_org, rel) -> None:
    for i, p in enumerate(ms):
        if p.type != "PERSON":
            continue
        # <org><title>…<name>: the nearest organization before the name, titles in between
        for q in reversed(ms[:i]):
            if q.type not in ORG_LIKE:
                continue
            found = _covered_by_titles(text[q.end:p.start], titles)
            if found and p.start - q.end <= 30:
                rel(p, "HOLDS_POST", q, "post:org-title-name", title=found[0])
            break
        # 其<title><name>: the organization of the previous sentences
        k = text.rfind("其", max(0, p.start - 12), p.start)
        if k >= 0 and prev_org is not None and (found := _covered_by_titles(text[k + 1:p.start], titles)):
            rel(p, "HOLDS_POST", prev_org, "post:pronoun", title=found[0])
        # <name>,<org><title>
        if i + 1 < len(ms) and ms[i + 1].type in ORG_LIKE and text[p.end:ms[i + 1].start] in (",", "(", ""):
            q = ms[i + 1]
            tail = re.match(r"[^,)。;、]*", text[q.end:q.end + 20]).group()
            found = _covered_by_titles(tail, titles) if tail else None
            if found:
                rel(p, "HOLDS_POST", q, "post:name-org-title", title=found[0])


def _focuses_on(text, sent, ss, ms, topic, rel, regions) -> None:
    industries = [m for m in ms if m.type == "INDUSTRY"]
    if not industries or not _FOCUS_CUE.search(sent):
        return
    before = [m for m in ms if m.end <= industries[0].start]
    parks = [m for m in before if m.type == "PARK"]
    orgs = [m for m in before if m.type == "ORG" and _FOCUS_VERB.match(text, m.end)]
    head = parks[-1] if parks else (orgs[-1] if orgs else None)
    if head is None:
        if topic is None or _city_subject(text, ss, industries[0].start, ms, regions):
            return
        head = topic
    for ind in industries:
        if ind.start >= head.end or head is topic:
            rel(head, "FOCUSES_ON", ind, "focus:cue")


_LIST_ONLY = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9()·、和及与等]*$")


_FOCUS_VERB = re.compile(r".{0,3}(聚焦|围绕|重点发展|主攻|布局|培育|瞄准)")


def _city_subject(text: str, a: int, b: int, ms, regions) -> bool:
    """Is a city or district named (outside any entity) before the industries of this sentence?"""
    inside = {i for m in ms for i in range(m.start, m.end)}
    for r in regions:
        k = text.find(r, a, b)
        while k >= 0:
            if not any(i in inside for i in range(k, k + len(r))):
                return True
            k = text.find(r, k + 1, b)
    return False


def _located_in(text, ss, ms, topic, rel) -> None:
    parks = [m for m in ms if m.type == "PARK"]
    firms = [m for m in ms if m.type in ("COMPANY", "ORG")]
    for c in firms:
        for k in parks:
            between = text[c.end:k.start] if c.end <= k.start else text[k.end:c.start]
            if c.end <= k.start and len(between) <= 15 and _JOIN_CUE.search(between):
                rel(c, "LOCATED_IN", k, "located:join")
            elif c.end <= k.start and between == "在" and re.match(r"(投资|建设|设立|布局|落地|打造|建成|成立|开设)", text[k.end:k.end + 4]):
                rel(c, "LOCATED_IN", k, "located:invest-in")
            elif k.end <= c.start and (cue := _HOST_CUE.search(between)) and _LIST_ONLY.match(between[cue.end():]) \
                    and len(between) <= 80 and "," not in between[:cue.start()]:
                rel(c, "LOCATED_IN", k, "located:host")
            elif k.end <= c.start and between == "的" and re.search(r"位于[\u4e00-\u9fff()·]*$", text[ss:k.start]):
                rel(c, "LOCATED_IN", k, "located:weiyu")
                for k0 in parks:  # `位于西安高新区集贤产业园的…`: the enclosing park too
                    if k0.end == k.start:
                        rel(c, "LOCATED_IN", k0, "located:weiyu")
            elif k.end <= c.start and text[k.start - 1:k.start] == "在" and re.search(r"内|范围|里|中", text[k.end:k.end + 12]) \
                    and "。" not in between:
                rel(c, "LOCATED_IN", k, "located:in-park")
    # `目前已入驻A、B等企业`: companies joining the park the text is about
    if not parks and topic is not None and topic.type == "PARK":
        for c in firms:
            before = text[max(0, c.start - 12):c.start]
            if _JOIN_CUE.search(before) or re.search(r"入驻|引进", before):
                rel(c, "LOCATED_IN", topic, "located:topic")


def _part_of(text, ms, rel) -> None:
    parks = [m for m in ms if m.type == "PARK"]
    for a, b in zip(parks, parks[1:]):
        if b.start == a.end:  # `西安高新区集贤产业园`
            rel(b, "PART_OF", a, "part:adjacent")
        between = text[a.end:b.start]
        if text[a.start - 2:a.start] == "位于" and between == "的":
            rel(b, "PART_OF", a, "part:weiyu")


_SUB_PARK = re.compile(r"(产业园|科技园|创新园|孵化器|基地|众创空间|创新工场|园区|硅巷|高创园|街区|创新中心|产业带)$")
_ZONE = re.compile(r"(高新区|新区|开发区|示范区|科学城|科技城|大走廊|谷|创新园|自贸试验区|片区)$")
_MEMBER_CUE = re.compile(r"规划|建设|打造|布局|包括|分别是|拥有|载体|一区多园|一城多园|园区|双园|先行启动区|组成")


_PART_PHRASE = re.compile(r"(作为|是|为|成为|属于)([^,。;!?]{0,25}?)(先行启动区|核心区|片区|分园|组成部分|核心载体|重要载体|主园区|园区之一|一部分)")


def _part_phrases(text, ss, se, ms, topic, rel) -> None:
    """`A、B、C作为先行启动区` (of the topic zone), `A是B的核心载体`."""
    parks = [m for m in ms if m.type == "PARK"]
    for cue in _PART_PHRASE.finditer(text, ss, se):
        inner = [p for p in parks if p.start >= cue.start(2) and p.end <= cue.end(2)]
        parent = inner[-1] if inner else (topic if topic is not None and _ZONE.search(topic.text) else None)
        if parent is None:
            continue
        children = []
        for p in reversed([p for p in parks if p.end <= cue.start()]):
            gap = text[p.end:(children[-1].start if children else cue.start())]
            if children and gap not in ("、", "和", "及", "与"):
                break
            if not children and (len(gap) > 40 or re.search(r"[。;!?]", gap)):
                break
            children.append(p)
        for c in children:
            if c.text != parent.text:
                rel(c, "PART_OF", parent, "part:phrase")


def _sub_parks(text, sent, ms, topic, rel) -> None:
    """Smaller carriers named in a sentence about a zone are part of it (`“双园”分别是:海洋信息产业园…`)."""
    if topic is None or not _ZONE.search(topic.text) or not _MEMBER_CUE.search(sent):
        return
    listed_with_topic = any(m is topic for m in ms) and re.search(r"、", sent)
    for m in ms:
        if m.type == "PARK" and m is not topic and m.text != topic.text and _SUB_PARK.search(m.text) and not _ZONE.search(m.text):
            in_list = text[m.start - 1:m.start] == "、" or text[m.end:m.end + 1] == "、"
            if in_list and listed_with_topic:
                continue  # `杭州未来科技城、南京秦淮硅巷…`: peers in a list, not parts
            rel(m, "PART_OF", topic, "part:topic-member")


def _operates(text, ss, ms, topic, rel) -> None:
    for i, f in enumerate(ms):
        if f.type != "FUND":
            continue
        cue = _FUND_CUE.search(text, max(ss, f.start - 25), f.start)
        if not cue:
            continue
        heads = [m for m in ms[:i] if m.type in ORG_LIKE and m.end <= cue.start()]
        head = heads[-1] if heads else topic
        if head is not None:
            rel(head, "OPERATES", f, "operates:fund")
    # 由A和B合作开发运营的<park>
    for m in re.finditer(r"由([^。;]{2,60}?)(?:合作|共同|联合)?(?:开发运营|开发建设|运营|建设|管理)的", text[ss:ss + 400]):
        a, b = ss + m.start(1), ss + m.end(1)
        owners = [x for x in ms if x.start >= a and x.end <= b and x.type in ORG_LIKE]
        target = next((x for x in ms if x.type == "PARK" and x.start >= ss + m.end()), None) or topic
        for o in owners:
            if target is not None and target.type == "PARK":
                rel(o, "OPERATES", target, "operates:by")
    # X投资N亿元,建设<park>
    for i, x in enumerate(ms):
        if x.type not in ("COMPANY", "ORG", "FUND", "PARK"):
            continue
        m = re.match(r"投资([^,。;]{1,12}?元)[,]?(?:建设|打造|兴建|新建)", text[x.end:x.end + 24])
        if not m:
            continue
        target = next((y for y in ms[i + 1:] if y.type in ("PARK", "COMPANY") and y.start <= x.end + m.end() + 2), None)
        if target is not None:
            amount = parse_amount(m.group(1))
            rel(x, "INVESTS_IN", target, "invests:build", amount=amount.text if amount else m.group(1))
            if target.type == "PARK":
                rel(x, "OPERATES", target, "operates:build")


def _partners(text, ms, rel) -> None:
    for a, b in zip(ms, ms[1:]):
        if a.type in ORG_LIKE and b.type in ORG_LIKE and text[a.end:b.start] in ("与", "和", "同", "携手", "联合"):
            if _PARTNER_CUE.search(text, b.end, b.end + 12) or text[a.end:b.start] == "携手":
                rel(a, "PARTNERS_WITH", b, "partners:sign")


def _subsidiary(text, ms, rel) -> None:
    for a, b in zip(ms, ms[1:]):
        if a.type in ("COMPANY", "ORG", "PARK") and b.type in ("COMPANY", "ORG") and _SUBSIDIARY_CUE.match(text[a.end:b.start]):
            parent = a
            rel(b, "SUBSIDIARY_OF", parent, "subsidiary:cue")


def _leads_chain(text, ms, rel) -> None:
    industries = [m for m in ms if m.type == "INDUSTRY"]
    if not industries:
        return
    for m in ms:
        if m.type == "COMPANY" and text[max(0, m.start - 6):m.start].endswith(("链主企业", "链主")):
            for ind in industries:
                rel(m, "LEADS_CHAIN", ind, "chain:leader-company")
        if m.type == "PERSON" and re.search(r"链长", text[max(0, m.start - 10):m.end + 10]):
            for ind in industries:
                rel(m, "LEADS_CHAIN", ind, "chain:leader-person")
