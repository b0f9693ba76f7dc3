"""FOCUSES_ON: the industries a park or an organization focuses on.

For each clause that names an industry, in this order:

* ``focus:carrier`` — `以A等为载体重点发展X`: the carrier parks focus on X;
* ``focus:strength`` — `X在人工智能等方面的资源与优势`: X's strength;
* ``focus:own`` / ``focus:cue`` — the clause's park or organization subject with a property word
  (`…等主导产业`, `产业体系`: own) or a focus cue (`聚焦`, `重点发展`, `打造…产业链`: cue).
  Without a park subject, a property word goes to the park the sentence names. An organization needs
  a strong cue: a ministry that `发布促进光伏产业发展的通知` focuses on nothing.
"""

from __future__ import annotations

import re

from kg.extract.entities import Mention
from kg.extract.relations.reader import CARRIER, Reader, Sentence, Subject
from kg.kb import rules

_FOCUS_CUE = re.compile(rules.alternation("focus_cues"))
_STRENGTH = re.compile(rules.alternation("focus_strength_words"))
_ORG_FOCUS_CUE = re.compile(rules.alternation("org_focus_cues"))
_OWN_CUE = re.compile(rules.alternation("own_industry_words"))


def focuses_on(r: Reader, sent: Sentence) -> None:
    """Every FOCUSES_ON rule for each clause of ``sent`` that names an industry."""
    parks_in_sentence = [m for m in sent.mentions if m.type == "PARK"]
    for (a, b), s in zip(sent.clauses, sent.in_force):
        inds = [m for m in r.mentions_in(a, b) if m.type == "INDUSTRY"]
        if not inds:
            continue
        seg = r.masked[a:b]
        carriers(r, sent, a, seg, inds)
        strength(r, sent, a, b, seg, inds)
        cued(r, sent, s, seg, inds, parks_in_sentence)


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


def cued(r: Reader, sent: Sentence, s: Subject | None, seg: str, inds: list[Mention],
         parks_in_sentence: list[Mention]) -> None:
    """``focus:own`` (`青岛蓝谷以海洋生物医药等为主导产业`) and ``focus:cue`` (`蓝谷聚焦海洋生物医药产业`):
    the park or organization the clause is about focuses on its industries."""
    own = _OWN_CUE.search(seg)
    holders: list[Mention] = []
    if s is not None and s.kind == "entity":
        holders = [m for m in s.ms if m.type in ("PARK", "ORG")]
        if s.carried and r.item_park is not None:
            holders = [r.item_park]  # an `一是…` item paragraph is about its own park
    if own and not [h for h in holders if h.type == "PARK"] and (s is None or s.kind not in ("region", "plan")):
        # `…等主导产业`, `产业体系`: a property of the park the sentence names
        before = [m for m in parks_in_sentence if m.end <= inds[0].start] or parks_in_sentence
        if before:
            holders = [before[-1]]
        elif s is None or s.kind == "industry" or s.kind == "entity" and s.carried:
            holders = [r.topic_park] if r.topic_park is not None else []
    if not holders or not (own or _FOCUS_CUE.search(seg)):
        return
    # an organization needs a strong cue: a ministry that `发布促进光伏产业发展的通知` focuses on nothing
    holders = [h for h in holders if h.type == "PARK" or own or _ORG_FOCUS_CUE.search(seg)]
    for h in holders:
        for ind in inds:
            if not (h.start <= ind.start < h.end):
                r.rel(h, "FOCUSES_ON", ind, sent, "focus:own" if own else "focus:cue")
