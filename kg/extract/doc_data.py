"""What the pipeline's components leave on a spaCy ``Doc``, in forms ``DocBin`` can save.

``DocBin(store_user_data=True)`` writes ``doc.user_data`` with msgpack, which takes only
``None``, booleans, numbers, strings, lists and dicts (a dataclass makes it fail). So the
components of :mod:`kg.extract.nlp` store their findings as plain lists under these keys, and
this module turns them back into records:

=================  ===============  ==========================================================
key                written by       one item
=================  ===============  ==========================================================
``kg_ner``         ``kg_ner``       ``[start, end, label, prob]``: a name the tagger proposes
``kg_mentions``    ``kg_entity_     ``[start, end, type, text, rule, key]``: a mention, exact
                   rules``          character offsets (:func:`mentions_of`)
``kg_relations``   ``kg_relations`` ``{"head": mention, "relation", "tail": mention, "rule",
                                    "confidence", "sentence": [start, end], "attrs": {}}``
=================  ===============  ==========================================================

``doc._.kg_relations`` is a getter over the last key (:class:`DocRelation` records with the
head and tail as spans): computed on access, never stored, so a saved and loaded ``Doc`` gives
the same relations.

>>> import spacy
>>> doc = spacy.blank("zh").make_doc("徐一冰任蓝谷管理局副局长。")
>>> doc.user_data[RELATIONS_KEY] = [{"head": [0, 3, "PERSON", "徐一冰", "t", ""], "relation": "HOLDS_POST",
...     "tail": [4, 9, "ORG", "蓝谷管理局", "t", ""], "rule": "post:demo", "confidence": 0.9, "sentence": [0, 13],
...     "attrs": {"title": "副局长"}}]
>>> [(r.head.text, r.head.label_, r.relation, r.tail.text, r.attrs["title"]) for r in doc._.kg_relations]
[('徐一冰', 'PERSON', 'HOLDS_POST', '蓝谷管理局', '副局长')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from kg.extract.entities import Mention
from kg.extract.entities.proposals import Proposal, proposals_from

PROPOSALS_KEY = "kg_ner"
SPANS_KEY = "kg_mentions"
RELATIONS_KEY = "kg_relations"
# The Doc's text, handed by the caller (kg.run.work) or kg_ner to kg_entity_rules, which takes it away
# (spaCy rebuilds doc.text on each access).
TEXT_KEY = "kg_text"


def mention_data(m: Mention) -> list[Any]:
    """A mention as a plain list (the order of :class:`Mention`'s fields)."""
    return [m.start, m.end, m.type, m.text, m.rule, m.key]


def mention_from(data: Sequence[Any]) -> Mention:
    """The mention of :func:`mention_data`'s list (or the tuple msgpack gives back for it)."""
    start, end, etype, text, rule, key = data
    return Mention(int(start), int(end), str(etype), str(text), str(rule), str(key))


def proposals_of(doc: Doc) -> list[Proposal]:
    """The names the tagger (``kg_ner``) proposed for ``doc``."""
    return proposals_from(doc.user_data.get(PROPOSALS_KEY, ()))


def set_mentions(doc: Doc, mentions: Iterable[Mention]) -> None:
    doc.user_data[SPANS_KEY] = [mention_data(m) for m in mentions]


def mentions_of(doc: Doc) -> list[Mention]:
    """The exact-offset mentions the entity component found."""
    return [mention_from(d) for d in doc.user_data.get(SPANS_KEY, ())]


def relation_data(head: Mention, relation: str, tail: Mention, rule: str, confidence: float,
                  sentence: tuple[int, int], attrs: Mapping[str, str]) -> dict[str, Any]:
    """One relation as the plain dict stored under :data:`RELATIONS_KEY`."""
    return {"head": mention_data(head), "relation": relation, "tail": mention_data(tail), "rule": rule,
            "confidence": confidence, "sentence": list(sentence), "attrs": {str(k): str(v) for k, v in attrs.items()}}


@dataclass(frozen=True, eq=True)
class DocRelation:
    """A relation on a ``Doc`` (``doc._.kg_relations``).

    ``head`` and ``tail`` are spans labelled with the entity type, expanded to whole tokens as
    ``doc.ents`` are; ``head_mention`` and ``tail_mention`` keep the exact character offsets.
    ``sent_start``/``sent_end`` are the character offsets of the evidence (the sentence that states
    the fact, reaching back to an earlier one when the subject is carried over); ``confidence`` is the
    rule's calibrated confidence (:mod:`kg.kb.confidence`); ``attrs`` holds ``title`` (a post),
    ``amount``, ``date`` where the sentence gives them.
    """

    head: Span
    relation: str
    tail: Span
    rule: str
    confidence: float
    sent_start: int
    sent_end: int
    attrs: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    head_mention: Mention | None = field(default=None, repr=False)
    tail_mention: Mention | None = field(default=None, repr=False)

    @property
    def sentence(self) -> str:
        """The evidence text."""
        return self.head.doc.text[self.sent_start:self.sent_end]


def _span(doc: Doc, m: Mention) -> Span:
    span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
    if span is None:  # only for offsets outside the text, which the components never write
        raise ValueError(f"mention {m.text!r} at {m.start}:{m.end} lies outside the Doc's text")
    return span


def relations_of(doc: Doc) -> list[DocRelation]:
    """The relations the ``kg_relations`` component stored on ``doc`` (the getter of ``doc._.kg_relations``)."""
    out = []
    for d in doc.user_data.get(RELATIONS_KEY, ()):
        head, tail = mention_from(d["head"]), mention_from(d["tail"])
        start, end = d["sentence"]
        out.append(DocRelation(_span(doc, head), str(d["relation"]), _span(doc, tail), str(d["rule"]),
                               float(d["confidence"]), int(start), int(end), dict(d.get("attrs") or {}), head, tail))
    return out


if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", getter=relations_of)
