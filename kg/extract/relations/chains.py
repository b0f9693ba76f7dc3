"""LEADS_CHAIN: who leads an industry chain (`链主企业`, `链长`).

Keeps the industries of an `在X方面` frame as the paragraph's domain (``Reader.domain``) for the
sentences after it.
"""

from __future__ import annotations

import re

from kg.extract.relations.reader import Reader, Sentence


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
