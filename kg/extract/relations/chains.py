"""LEADS_CHAIN: who leads an industry chain (`链主企业`, `链长`).

Keeps the industries of an `在X方面` frame as the paragraph's domain (``Reader.domain``) for the
sentences after it.
"""

from __future__ import annotations

import re

from kg.extract.relations.reader import Reader, Sentence
from kg.kb import rules

#: `A是/作为/被认定为…链主企业`, `B担任…链长`: the verb between the leader and the role; the industries of the
#: phrase (group 1) are the chains it leads.
_ROLE_VERBS = rules.alternation("chain_role_verbs")
_LEADER_IS = re.compile(rf"(?:{_ROLE_VERBS})([^,;。]{{0,24}}?)(?:的)?[“\"]?链主")
_CHIEF_IS = re.compile(rf"(?:{_ROLE_VERBS})([^,;。]{{0,24}}?)(?:的)?[“\"]?链长")
#: `作为…链主企业,A…`: a clause naming the role before the company subject of the next clause.
_AS_LEADER = re.compile(r"\s*作为([^,;。]{0,24}?)[“\"]?链主(?:企业)?[”\"]?$")


_DOMAIN_FRAME = re.compile(r"\s*在([^,]{1,20})(?:方面|领域)$")
_CHAIN_HEAD = re.compile(r"链长")


def leads_chain(r: Reader, sent: Sentence) -> None:
    """``chain:leader-company``: `链主企业X` leads the industries of the sentence, else of the paragraph's
    `在X方面` frame; ``chain:leader-person``: a person near `链长` leads the industries of the sentence."""
    text, ss, se, ms = r.text, sent.start, sent.end, sent.mentions
    for a, b in sent.clauses:
        dm = _DOMAIN_FRAME.match(text[a:b])
        if dm:
            r.domain = [m for m in r.mentions_in(a, b) if m.type == "INDUSTRY"] or r.domain
    industries = [m for m in ms if m.type == "INDUSTRY"]
    for m in ms:
        if m.type == "COMPANY" and text[max(0, m.start - 6):m.start].endswith(("链主企业", "链主")):
            for ind in industries or r.domain:
                r.rel(m, "LEADS_CHAIN", ind, sent, "chain:leader-company")
        if m.type == "PERSON" and _CHAIN_HEAD.search(text[max(ss, m.start - 10):min(se, m.end + 10)]):
            for ind in industries:
                r.rel(m, "LEADS_CHAIN", ind, sent, "chain:leader-person")
    leader_is(r, sent)


def leader_is(r: Reader, sent: Sentence) -> None:
    """``chain:leader-role``: `A是/被认定为<industry>链主企业`, `作为<industry>链主企业,A…`, `B担任<industry>链长` — the
    company (person) leads the industries named in the role phrase."""
    text = r.text
    for m in sent.mentions:
        pat = _LEADER_IS if m.type == "COMPANY" else _CHIEF_IS if m.type == "PERSON" else None
        role = pat.match(text, m.end, sent.end) if pat is not None else None
        for ind in _industries(r, role.start(1), role.end(1)) if role else []:
            r.rel(m, "LEADS_CHAIN", ind, sent, "chain:leader-role")
    for (a, b), (c, d) in zip(sent.clauses, sent.clauses[1:]):
        role = _AS_LEADER.match(text, a, b)
        own = r.subject_at(c, d) if role else None
        for firm in own.of_type("COMPANY")[:1] if own is not None else []:
            for ind in _industries(r, role.start(1), role.end(1)):
                r.rel(firm, "LEADS_CHAIN", ind, sent, "chain:leader-role")


def _industries(r: Reader, a: int, b: int) -> list:
    return [m for m in r.mentions_in(a, b) if m.type == "INDUSTRY"]
