"""PARTNERS_WITH (symmetric): organizations that sign, build or work together.

In this order: ``partners:sign`` and ``partners:noun`` over the sentence; for each clause ``partners:joint``,
``partners:with`` and ``partners:joint-body``. (``partners:co-develop`` is found with ``operates:by`` in :mod:`.operates`.)
"""

from __future__ import annotations

import re

from kg.extract.entities import Mention
from kg.extract.relations.reader import LEAD, ORG_LIKE, Reader, Sentence, Subject
from kg.kb import rules

_PARTNER_CUE = re.compile(rules.alternation("partner_verbs"))
_COJOIN = re.compile(rf"^(?:{rules.pattern('partner_adverbs')})*(?:{rules.alternation('partner_conjunctions')})$")
_STANDALONE = frozenset(rules.words("partner_standalone_verbs"))  # `A携手B`: partners without a verb after B
_JOINT_BODY = re.compile(rules.alternation("joint_bodies"))
_LIST_SIGNS = re.compile(rules.pattern("list_signing_cues"))
#: `…订单`, `…供应协议`: an order or a supply deal signed; unless the signing is also an alliance or a joint venture.
_ORDER = re.compile(rules.pattern("supply_deal_words"))
_ALLIANCE = re.compile(r"战略合作|合作协议|框架协议|合资|联盟")
#: A conjunction before a party in its clause: the party is on the other side (`公司与A、B和C`, `与A和B合作`).
_IN_PARTY_LIST = re.compile(r"(?<![参给赋])与|(?<![总温缓柔])和(?![平谐])|(?<![共如相协会合不认赞连等雷陪])同(?![时步样比期等])|跟")
_FOUNDS_JOINT_BODY = re.compile(r"(?:建立|组建|共建|成立|打造)[^,;]{0,20}(?:" + _JOINT_BODY.pattern + ")")


#: `A(此次)的(战略)合作伙伴(“)B` between A and B; `是A的(重要)合作伙伴(之一)` after B (groups: the noun phrase).
_PARTNER_NOUN = rf"(?:重要|战略|长期|核心|主要)*(?:{rules.alternation('partner_nouns')})"
_APPOSED_PARTNER = re.compile(rf"[^,;。、与和及]{{0,4}}?的{_PARTNER_NOUN}[“\"「]?")
_IS_PARTNER_OF = re.compile(rf"(?:{rules.pattern('partner_adverbs')})*(?:是|为|成为)")
_PARTNER_OF_AFTER = re.compile(rf"的{_PARTNER_NOUN}")


def partners(r: Reader, sent: Sentence) -> None:
    """Every PARTNERS_WITH rule on ``sent``, in the order of the module docstring."""
    signing(r, sent)
    partner_noun(r, sent)
    for (a, b), s in zip(sent.clauses, sent.in_force):
        seg = r.masked[a:b]
        joint(r, sent, a, b, s, seg)
        with_subject(r, sent, a, b, s)
        joint_body(r, sent, a, b, seg)


def signing(r: Reader, sent: Sentence) -> None:
    """``partners:sign``: `A与B、C签署/签订/成立/共建/合作…`, `A携手B`, `A、B签订合作协议`, `A、B和C三方共同发起成立…`
    — every pair of the parties."""
    text, ms = r.text, sent.mentions
    done: set[int] = set()
    for i, x in enumerate(ms):
        if x.type not in ORG_LIKE or x.start in done:
            continue
        nxt = next((m for m in ms[i + 1:] if m.start >= x.end), None)
        # `A、B签订合作协议`: a list that opens its clause (not `C分别与A、B签署…`), only with an agreement after it
        listed = nxt is not None and text[x.end:nxt.start] == "、" and _opens_clause(r, sent, x)
        if nxt is None or nxt.type not in ORG_LIKE or not (listed or _COJOIN.match(text[x.end:nxt.start])):
            continue
        if not listed and _other_side(r, sent, x):
            continue  # `公司与宏碁、索尼和爱立信建立合作`, `通过与A和B合作`: items of one side, not each other's partners
        parties = [x] + [m for m in r.coordinated(nxt, sent.end) if m.type in ORG_LIKE]
        tail_end = parties[-1].end
        if listed and not _LIST_SIGNS.match(r.masked, tail_end, sent.end):
            continue
        if _ORDER.search(r.masked, tail_end, sent.end) and not _ALLIANCE.search(r.masked, tail_end, sent.end):
            continue  # `A与B签订了18艘运输船项目订单`: a buyer and its supplier, no partners
        if text[x.end:nxt.start] in _STANDALONE or _PARTNER_CUE.search(r.masked, tail_end, min(sent.end, tail_end + 12)):
            for k, p in enumerate(parties):
                done.add(p.start)
                for q in parties[k + 1:]:
                    r.rel(p, "PARTNERS_WITH", q, sent, "partners:sign")


def _other_side(r: Reader, sent: Sentence, x: Mention) -> bool:
    """Is ``x`` an item of the list after `与/和/同` (the other side of an unnamed or earlier party), not the
    first of the parties (`由A、B和C共同主办` lists them all)?"""
    a = max((c for c, _ in sent.clauses if c <= x.start), default=sent.start)
    return bool(_IN_PARTY_LIST.search(r.masked, a, x.start))


def _opens_clause(r: Reader, sent: Sentence, x: Mention) -> bool:
    """Does ``x`` open its clause (after adverbials), as the first of a list of parties does?"""
    a = max((c for c, _ in sent.clauses if c <= x.start), default=sent.start)
    return LEAD.match(r.text, a, x.start).end() == x.start


def partner_noun(r: Reader, sent: Sentence) -> None:
    """``partners:noun``: `A的合作伙伴B`, `A此次的合作伙伴“B”`, `B是A的战略合作伙伴(之一)` — a partner named by the noun."""
    text, ms = r.text, [m for m in sent.mentions if m.type in ORG_LIKE]
    for x, y in zip(ms, ms[1:]):
        if _APPOSED_PARTNER.fullmatch(text, x.end, y.start):
            r.rel(x, "PARTNERS_WITH", y, sent, "partners:noun")
        elif _IS_PARTNER_OF.fullmatch(text, x.end, y.start) and _PARTNER_OF_AFTER.match(text, y.end, sent.end):
            r.rel(y, "PARTNERS_WITH", x, sent, "partners:noun")


_JOINT_CUE = re.compile(r"联合|携手|会同")


def joint(r: Reader, sent: Sentence, a: int, b: int, s: Subject | None, seg: str) -> None:
    """``partners:joint``: `<subject>联合/携手/会同B对…` — joint work with the partners named right after the cue (every
    entity of a listed subject: `A、B会同C`)."""
    for cue in _JOINT_CUE.finditer(seg):
        found = r.list_at(a + cue.end(), b, ORG_LIKE)
        if not found or found[0].start != a + cue.end():
            continue
        before = [m for m in r.mentions_in(a, a + cue.start()) if m.type in ORG_LIKE]
        heads = before[-1:] if before else (s.of_type(*ORG_LIKE)[:1] if s is not None else [])
        if before and s is not None and before[-1] in s.ms:  # `A、B会同C`: the listed subject acts with C
            heads = s.of_type(*ORG_LIKE)
        for h in heads:
            for p in found:
                r.rel(h, "PARTNERS_WITH", p, sent, "partners:joint")


#: A clause that opens with `与/同/跟` (after adverbs): its subject is the one in force (`彩讯…;与中兴通讯合作,…`).
_WITH_OPENING = re.compile(rf"\s*(?P<its>其(?:{rules.pattern('partner_adverbs')})*(?:和|携手)|"
                           rf"其?(?:{rules.pattern('partner_adverbs')})*(?:与|同|跟))")


#: A modifier before the partner's name (`南美洲国家智利的矿企`): a phrase ending in `的` and a class noun.
_MODIFIER = re.compile(r"[^,;。、与和及]{1,10}的[^,;。、与和及的]{0,3}")
#: `与B等首批海内外10所高校共同…`: the rest of the partners counted, not named, before the verb.
_ETC_PARTNERS = re.compile(r"等[^,;:。□、]{0,14}?(?=共同|联合|签署|签订)")
#: A country before the partner's name (`其和澳大利亚B签署`).
_COUNTRY = re.compile(rules.alternation("foreign_countries"))


def with_subject(r: Reader, sent: Sentence, a: int, b: int, s: Subject | None) -> None:
    """``partners:with``: a clause `(其)与B(、C)合作/签署…` (`其和B签署`) with no party of its own before `与`:
    the organization the sentence is about works with B (and C)."""
    cue = _WITH_OPENING.match(r.text, a, b)
    if cue is None or s is None:
        return
    found = r.list_at(cue.end(), b, ORG_LIKE)
    if not found or found[0].start != cue.end() and not _MODIFIER.fullmatch(r.text, cue.end(), found[0].start) \
            and not _COUNTRY.fullmatch(r.text, cue.end(), found[0].start):
        return
    etc = _ETC_PARTNERS.match(r.masked, found[-1].end, b)  # `与B等首批10所高校共同启动`: the verb after the count
    end = etc.end() if etc is not None else found[-1].end
    if not _PARTNER_CUE.search(r.masked, end, min(b, end + 6)):
        return
    if r.text[cue.start():cue.end()].lstrip().startswith("其") and sent.main is not None and sent.main.kind == "entity":
        s = sent.main  # `A在…迈出第一步,其和B签署…`: `其` is the entity the sentence is about
    for h in s.of_type("COMPANY", "ORG", "PARK")[:1]:
        for p in found:
            if p is not h:
                r.rel(h, "PARTNERS_WITH", p, sent, "partners:with")


_RELYING_ON = re.compile(r"依托")


def joint_body(r: Reader, sent: Sentence, a: int, b: int, seg: str) -> None:
    """``partners:joint-body``: `依托A和B…,X建立…联合体` — X partners with the hosts A and B."""
    text = r.text
    dep = _RELYING_ON.search(seg)
    if dep:
        hosts = [m for m in r.mentions_in(a + dep.end(), b) if m.type in ("ORG", "COMPANY")]
        later = [(c, e) for c, e in zip(sent.clauses, sent.in_force) if c[0] >= a]
        for (c0, c1), e in later:
            if _FOUNDS_JOINT_BODY.search(text[c0:c1]):
                heads = e.of_type(*ORG_LIKE)[:1] if e is not None else []
                for h in heads:
                    for o in hosts:
                        r.rel(h, "PARTNERS_WITH", o, sent, "partners:joint-body")
                break
