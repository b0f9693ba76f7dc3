"""HOLDS_POST: a person's post in an organization, read from the titles around the person's name.

Three rules, run for each person of the sentence in this order:

* ``post:org-title-name`` — the title chain read back from the name, one relation per organization
  in the chain (`中关村科技企业家协会会长、北京大北农科技股份有限公司董事长邵根伙`);
* ``post:pronoun`` — `其<title><name>`: the organization of the sentences before (`其董事长王磊`);
* ``post:name-org-title`` — `<name>,<org><title>` and `<name>(<org><title>)`.

The ``title`` attribute is the post right after its organization, modifiers included (`执行总裁`),
titles joined by 兼 kept whole (`创始人兼董事长`).
"""

from __future__ import annotations

from kg.extract.entities import Mention
from kg.extract.relations.reader import ORG_LIKE, Reader, Sentence


def holds_post(r: Reader, sent: Sentence) -> None:
    """Every HOLDS_POST rule for each person of ``sent``."""
    ms = sent.mentions
    for i, p in enumerate(ms):
        if p.type != "PERSON":
            continue
        title_chain(r, sent, p)
        pronoun(r, sent, p)
        name_org_title(r, sent, i, p)


def title_chain(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:org-title-name``: titles and organizations read back from the name, up to 60 characters
    (`青岛市科技局局长、青岛高新区管委会主任王建国` → both bodies); a bare title stays an attribute."""
    text = r.text
    j, seg, floor_of = p.start, [], r.floor_before
    while j > sent.start and p.start - j <= 60:
        t = r.titles.ending_at(text, j, floor_of(j))
        if t is not None:
            seg.insert(0, t)
            j -= len(t)
            if text[j - 1:j] == "兼":
                seg.insert(0, "兼")
                j -= 1
            continue
        org = r.at_end.get(j)
        if org is not None and org.type in ORG_LIKE and seg:
            r.rel(p, "HOLDS_POST", org, sent, "post:org-title-name", title=_post(seg))
            seg = []
            j = org.start
            continue
        if text[j - 1] in "、," and seg or text[j - 1] in "、" and not seg:
            seg = []
            j -= 1
            continue
        break


def pronoun(r: Reader, sent: Sentence, p: Mention) -> None:
    """``post:pronoun``: `其<title><name>` (`其董事长王磊`): the company or organization named last, in an
    earlier sentence."""
    text = r.text
    k = text.rfind("其", max(sent.start, p.start - 12), p.start)
    prev = r.last.get("COMPANY") or r.last.get("ORG")
    if k >= 0 and prev is not None and prev.start < sent.start:
        found = r.titles.run_at(text, k + 1, p.start)
        if found and k + 1 + sum(len(t) for t in found) + found.__len__() - 1 >= p.start - 1:
            r.rel(p, "HOLDS_POST", prev, sent, "post:pronoun", title=found[0])


def name_org_title(r: Reader, sent: Sentence, i: int, p: Mention) -> None:
    """``post:name-org-title``: `<name>,<org><title>` and `<name>(<org><title>)` (`王磊(大疆创新总裁)`),
    unless the titles open the chain of the next name."""
    text, ms = r.text, sent.mentions
    if i + 1 < len(ms) and ms[i + 1].type in ORG_LIKE and text[p.end:ms[i + 1].start] in (",", "(", ""):
        q = ms[i + 1]
        found = r.titles.run_at(text, q.end, min(sent.end, q.end + 20))
        after = q.end + sum(len(t) for t in found)
        nxt = r.at_start.get(after) or r.at_start.get(after + 1)
        if found and not (nxt is not None and nxt.type == "PERSON"):  # not the title chain of the next name
            r.rel(p, "HOLDS_POST", q, sent, "post:name-org-title", title=found[0])


def _post(seg: list[str]) -> str:
    """The post of one organization in a chain: the first title, or titles joined by 兼 (`创始人兼董事长`).

    >>> _post(["会长"]), _post(["创始人", "兼", "董事长"])
    ('会长', '创始人兼董事长')
    """
    if "兼" in seg:
        k = seg.index("兼")
        return "".join(seg[max(0, k - 1):k + 2])
    return next(t for t in seg if t != "兼")
