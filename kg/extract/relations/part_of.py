"""PART_OF: a park that is part of a larger park or zone (also LOCATED_IN when the part is a company
or organization, through :meth:`Reader.place <kg.extract.relations.reader.Reader.place>`).

In this order: ``part:adjacent`` and ``part:zone-part`` over the sentence; for each clause ``part:carrier``,
``part:members``, ``part:build`` (with ``operates:build``) and ``part:member-list``; then
``part:multi``, ``part:phrase``, ``part:gloss`` and ``part:merge`` over the sentence. :func:`multi_park` also opens the member list
of an `一区多园` heading that ``part:member-list`` reads in the paragraphs after it.
"""

from __future__ import annotations

import re

from kg.extract.entities import Mention
from kg.extract.entities.parks import _ZONE_PART_AREAS
from kg.extract.relations.reader import CARRIER, ZONE, Clause, Reader, Sentence
from kg.kb import rules

#: `X包括/(下)辖/分为A、B`, `X由A、B组成`: the cue before the members.
_MEMBERS = re.compile(rf"{rules.alternation('member_cues')}|由(?=[^,;。]{{2,40}}?(?:{rules.alternation('member_compose_verbs')}))"
                      r"|(?<![管直统])辖(?![区内])")  # `X辖A、B`, not `管辖`, `直辖市`, `辖区内`
_MULTI = re.compile(r"一区多园|一城多园|一区[两三四五六七八九十\d]+园|多园")
_DISTRIBUTIVE = re.compile(rules.alternation("member_distributive_words"))
_ONE_OF = re.compile(rules.pattern("member_one_of"))
_IS = re.compile(rules.alternation("role_copulas"))
#: `A作为…的先行启动区`: the verb (group 1), what lies between (group 2, may name the parent), the role (group 3).
_PART_PHRASE = re.compile(rf"(作为|是|(?<!分)为|成为|属于)([^,。;!?]{{0,25}}?)({rules.alternation('part_role_nouns')})")
_BUILD = re.compile(rules.alternation("park_build_verbs"))
_PARENT_END = re.compile(f"(?:{rules.alternation('parent_zone_ends')})$")


def part_of(r: Reader, sent: Sentence) -> None:
    """Every PART_OF rule on ``sent``, in the order of the module docstring."""
    parks = [m for m in sent.mentions if m.type == "PARK"]
    adjacent(r, sent, parks)
    zone_parts(r, sent, parks)
    for c in r.clauses_of(sent):
        carriers(r, sent, c)
        members(r, sent, c, parks)
        built(r, sent, c)
        member_list(r, sent, c)
    multi_park(r, sent, parks)
    phrases(r, sent, parks)
    glossed(r, sent, parks)
    merged(r, sent, parks)


def adjacent(r: Reader, sent: Sentence, parks: list[Mention]) -> None:
    """``part:adjacent``: a park named right after its parent (`西安高新区集贤产业园`), or after a zone and `的`
    (`苏州高新区的星湖科技园`; a zone's `的` before another zone is no part of it)."""
    for x, y in zip(parks, parks[1:]):
        if y.start == x.end or r.text[x.end:y.start] == "的" and ZONE.search(x.text) and not ZONE.search(y.text):
            r.rel(y, "PART_OF", x, sent, "part:adjacent")


def zone_parts(r: Reader, sent: Sentence, parks: list[Mention]) -> None:
    """``part:zone-part``: an area a new zone is built up from, named bare (`推进启动区、起步区建设`) in a text
    that named the zone before, is part of that zone (the entity stage keyed it zone + part word)."""
    for m in parks:
        part = next((a for a in _ZONE_PART_AREAS if m.text == a and m.key.endswith(a) and m.key != a), None)
        if part is None:
            continue
        zone_key = m.key[:-len(part)]
        zone = next((z for z in reversed(r.mentions_in(0, m.start)) if z.type == "PARK" and zone_key in (z.key, z.text)), None)
        if zone is not None and zone.end != m.start:  # right before it: `part:adjacent`
            r.rel(m, "PART_OF", zone, sent, "part:zone-part")


def carriers(r: Reader, sent: Sentence, c: Clause) -> None:
    """``part:carrier``: `以A等为载体` — the carrier parks A are part of the sentence's zone."""
    a, subj_parks = c.start, c.subject_parks
    car = CARRIER.search(c.seg)
    if car:
        zone = sent.subject_park() if not subj_parks else subj_parks[0]
        if zone is None and sent.main is None:
            zone = r.topic_park
        for m in [m for m in r.mentions_in(a + car.start(1), a + car.end(1)) if m.type == "PARK"]:
            if zone is not None:
                r.place(m, zone, sent, "part:carrier")


def members(r: Reader, sent: Sentence, c: Clause, parks: list[Mention]) -> None:
    """``part:members``: `X分别是/包括/涉及A、B和C` — the listed parks are part of X (not `包括A、B在内的…`,
    which only qualifies)."""
    text, a, s, seg, subj_parks = r.text, c.start, c.subject, c.seg, c.subject_parks
    mem = _MEMBERS.search(seg)
    if mem and not re.search(r"在内", seg[mem.end():]):  # `包括A、B在内的…` only qualifies
        before = [m for m in r.mentions_in(a, a + mem.start()) if m.type == "PARK"]
        parent = before[-1] if before else (subj_parks[0] if subj_parks else (r.topic_park if s is None or s.carried else None))
        if parent is not None:
            found = [m for m in parks if m.start >= a + mem.end() and (m.start == a + mem.end() or text[m.start - 1] in "、和及与:" or
                                                                     text[m.start - 1] == ";" or m.start in {k[0] for k in sent.clauses})]
            for m in found:
                r.place(m, parent, sent, "part:members")


def built(r: Reader, sent: Sentence, c: Clause) -> None:
    """``part:build`` and ``operates:build``: a park subject builds parks (`青岛国际创新园打造了A、B、C等孵化器`,
    `推进A规划建设`): it operates them and they are part of it."""
    text, a, b, seg, subj_parks = r.text, c.start, c.end, c.seg, c.subject_parks
    if subj_parks:
        for cue in _BUILD.finditer(seg):
            objs = r.list_at(a + cue.end(), b, ("PARK",))
            for o in objs:
                if not ZONE.search(o.text) or len(o.text) < len(subj_parks[0].text):
                    r.rel(subj_parks[0], "OPERATES", o, sent, "operates:build")
                    r.rel(o, "PART_OF", subj_parks[0], sent, "part:build")
            if objs:
                break
        m = re.search(r"(?:推进|推动|加快|启动)", seg)
        if m:
            o = next((x for x in r.mentions_in(a + m.end(), b) if x.type == "PARK"), None)
            if o is not None and re.match(r"(?:规划)?建设", text[o.end:o.end + 4]) and o.text != subj_parks[0].text:
                r.rel(subj_parks[0], "OPERATES", o, sent, "operates:build")
                r.rel(o, "PART_OF", subj_parks[0], sent, "part:build")


def member_list(r: Reader, sent: Sentence, c: Clause) -> None:
    """``part:member-list``: in the paragraphs after an `一区多园` heading (`青岛高新区“一区多园”各有特色`), a
    clause's own park subject is a member of the zone."""
    own = c.own
    if r.member_zone is not None and own is not None and own.kind == "entity":
        for x in own.of_type("PARK"):
            if x.text != r.member_zone.text and not (ZONE.search(x.text) and x.text.endswith(r.member_zone.text[-3:])):
                r.rel(x, "PART_OF", r.member_zone, sent, "part:member-list")
                r.member_para = True


def multi_park(r: Reader, sent: Sentence, parks: list[Mention]) -> None:
    """``part:multi``: `包括A、B在内的…以“一城多园”模式建设X` — A and B are part of X; `A为X“一区多园”之一` too.
    `X“一区多园”各有特色`
    instead makes X the zone of the member paragraphs that follow."""
    text, ss, se = r.text, sent.start, sent.end
    multi = _MULTI.search(text, ss, se)
    if multi:
        after = [m for m in parks if m.start >= multi.end()]
        before = [m for m in parks if m.end <= multi.start()]
        zone_here = next((m for m in reversed(before) if m.end == multi.start() or text[m.end:multi.start()] in ("“", "\"")), None)
        if zone_here is not None:
            one = _ONE_OF.match(text, multi.end(), se)  # `A为X“一区多园”之一`: A is one of X's parks
            for m in [m for m in before if m.end <= zone_here.start and _IS.fullmatch(text, m.end, zone_here.start)] if one else []:
                r.rel(m, "PART_OF", zone_here, sent, "part:multi")
            if _DISTRIBUTIVE.search(r.masked, multi.end(), se):
                r.member_zone = zone_here  # `青岛高新区“一区多园”各有特色…`: members follow
                r.member_para = True
        elif after and re.search(r"(?:建设|打造|建成|组建)$", text[multi.end():after[0].start].rstrip("“”\"")):
            zone = after[0]
            for m in before:
                r.place(m, zone, sent, "part:multi")


def phrases(r: Reader, sent: Sentence, parks: list[Mention]) -> None:
    """``part:phrase``: `A、B、C作为先行启动区`, `A是B的核心载体` — the parks before the phrase are part of the
    park inside it, or of the zone named last."""
    text = r.text
    for cue in _PART_PHRASE.finditer(text, sent.start, sent.end):
        inner = [p for p in parks if p.start >= cue.start(2) and p.end <= cue.end(2)]
        topic = r.last_zone if r.last_zone is not None else r.topic_park
        parent = inner[-1] if inner else (topic if topic is not None and ZONE.search(topic.text) else None)
        if parent is None:
            continue
        children: list[Mention] = []
        for p in reversed([p for p in parks if p.end <= cue.start()]):
            gap = text[p.end:(children[-1].start if children else cue.start())]
            if children and gap not in ("、", "和", "及", "与"):
                break
            if not children and (len(gap) > 40 or re.search(r"[。;!?]", gap) or re.search(r"[,]", gap) and not inner):
                break
            children.append(p)
        if not children:
            idx = next((i for i, (a, b) in enumerate(sent.clauses) if a <= cue.start() < b), None)
            s = sent.in_force[idx] if idx is not None else None
            children = s.of_type("PARK")[:1] if s is not None else []
        for c in children:
            r.rel(c, "PART_OF", parent, sent, "part:phrase")


def glossed(r: Reader, sent: Sentence, parks: list[Mention]) -> None:
    """``part:gloss``: `华中师范大学科技园(东湖高新区,大学科技园重点工程)` — a bracketed gloss that opens with
    a zone's name (`…高新区`, `…开发区`) says where the park before it lies: it is part of that zone."""
    text = r.text
    for x, y in zip(parks, parks[1:]):
        if y.start != x.end + 1 or text[x.end] != "(" or not text.startswith(tuple(",、)"), y.end):
            continue
        end = _PARENT_END.search(y.text)
        if end and not x.text.endswith(end.group()):
            r.rel(x, "PART_OF", y, sent, "part:gloss")


#: `将A(与…一带)整合为B`: a park merged into a larger one (the park right after the match).
_MERGE_INTO = re.compile(rf"[^,;:。]{{0,15}}?(?:{rules.pattern('merge_verbs')})(?:一个)?")
#: `…联同C组成…D`: a park that forms a larger one together with another (C right after the match).
_FORM_WITH = re.compile(r"(?:联同|连同|会同|联合)$")
_FORMS = re.compile(r"(?:共同)?(?:组成|组建|构成|合组)")


def merged(r: Reader, sent: Sentence, parks: list[Mention]) -> None:
    """``part:merge``: `将A(与…)整合为B` — A is part of B; `X…联同C组成…D` — C and the park named before the
    cue (X) are parts of D."""
    text = r.text
    for a in parks:
        if text[a.start - 1:a.start] == "将":
            m = _MERGE_INTO.match(text, a.end, sent.end)
            b = r.at_start.get(m.end()) if m else None
            if b is not None and b.type == "PARK":
                r.rel(a, "PART_OF", b, sent, "part:merge")
        cue = _FORM_WITH.search(text, max(sent.start, a.start - 2), a.start)
        verb = _FORMS.match(text, a.end, sent.end) if cue else None
        after = r.mentions_in(verb.end(), min(sent.end, verb.end() + 20)) if verb else []
        whole = after[0] if after and after[0].type == "PARK" and not re.search(r"[,;:。]", text[verb.end():after[0].start]) \
            else None
        if whole is not None:
            before = [x for x in parks if x.end <= cue.start()]
            for x in [a] + before[-1:]:
                r.rel(x, "PART_OF", whole, sent, "part:merge")
