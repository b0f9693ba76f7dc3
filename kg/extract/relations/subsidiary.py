"""SUBSIDIARY_OF: a unit of a parent organization. In this order: ``subsidiary:cue``, ``subsidiary:inner``."""

from __future__ import annotations

import re

from kg.extract.relations.reader import ORG_LIKE, SUBSIDIARY_CUE, Reader, Sentence
from kg.kb import rules

#: `该委员会内设`: an anaphor (its class word is group 1) right before the cue.
_PARENT_ANAPHOR = re.compile(rf"该({rules.alternation('parent_anaphor_classes')})$")


def subsidiary(r: Reader, sent: Sentence) -> None:
    """Every SUBSIDIARY_OF rule on ``sent``."""
    cued(r, sent)
    inner(r, sent)


def cued(r: Reader, sent: Sentence) -> None:
    """``subsidiary:cue``: `A直属企业B`, `A旗下B`, `A子公司B` — B is a unit of A."""
    text, ms = r.text, sent.mentions
    for x, y in zip(ms, ms[1:]):
        if x.type in ORG_LIKE and y.type in ("COMPANY", "ORG") and SUBSIDIARY_CUE.match(text[x.end:y.start]):
            r.rel(y, "SUBSIDIARY_OF", x, sent, "subsidiary:cue")


def inner(r: Reader, sent: Sentence) -> None:
    """``subsidiary:inner``: `该委员会内设A、B…,其中C…`, `X下设…` — the organizations after the cue are units
    of X (an anaphor `该委员会` resolved to the organization named last)."""
    text, ss, se = r.text, sent.start, sent.end
    for m in re.finditer(r"内设|下设", text[ss:se]):
        k = ss + m.start()
        parent = r.at_end.get(k)
        if parent is None:
            an = _PARENT_ANAPHOR.search(text[max(ss, k - 6):k])
            parent = r.resolve("ORG" if an and an.group(1) not in ("集团", "公司") else "COMPANY", an.group()) if an else None
        if parent is None:
            continue
        for y in [y for y in sent.mentions if y.start > k and y.type in ("ORG", "COMPANY")]:
            r.rel(y, "SUBSIDIARY_OF", parent, sent, "subsidiary:inner")
