"""Per-document work: one ingested record → a :class:`DocResult` (clean, normalize, extract).

This is the part of a build that runs anywhere: in the build process, in the
processes of ``--workers N`` and on Dask workers. It only reads its record
and the pipeline of its own process (:func:`pipeline`, loaded once per
process), and never fails: whatever goes wrong becomes the record's
``rejected`` row. Everything that needs all documents (linking across
documents, the graph, the exports) is :mod:`kg.run.assemble`.

>>> from kg.text.ingest import Document
>>> doc = Document("d1", "青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。", "d1.txt")
>>> res = work(doc, WorkSettings())
>>> res.row["status"], sorted({m.type for m in res.mentions})
('ok', ['INDUSTRY', 'ORG', 'PARK', 'PERSON'])
>>> work(doc, WorkSettings(), known={"d1": res.digest}).skipped  # an update that already has it
True
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.text.clean import clean
from kg.errors import Err, InputError
from kg.extract.document import (EntityMention, EntityRelation, canonical_name, chunks, entity_attrs, evidence_span,
                                 sentence_date)
from kg.text.ingest import WARNING, Document, Rejected, iter_inputs
from kg.extract.components import JiebaPipeline
from kg.extract.relations import find_relations
from kg.extract.relations.pairs import default_model
from kg.link.within import bracket_aliases, fuller_names, link_document
from kg.text.normalize import encodable, normalize_body
from kg.options import DEFAULT_SEGMENTER, Segmenter
from kg.run.records import ProcessedDocument

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.kb.lexicons import Lexicons

    from kg.extract.entities import Mention


def process_document(doc: Document, timings: Counter[str] | None = None) -> ProcessedDocument:
    """Clean and normalize one document. Raises :class:`InputError` when no body is left."""
    t0 = time.perf_counter()
    cleaned = clean(doc)
    t1 = time.perf_counter()
    if not cleaned.segments:
        raise InputError(Err.NO_BODY, f"{len(cleaned.removed)} non-article spans removed")
    normalized = normalize_body(doc.raw_text, list(cleaned.segments), list(cleaned.separator_before), view=cleaned.view)
    t2 = time.perf_counter()
    if timings is not None:
        timings["clean"] += t1 - t0
        timings["normalize"] += t2 - t1
    return ProcessedDocument(doc, cleaned, normalized)


def iter_processed(
    inputs: Iterable[str], timings: Counter[str] | None = None
) -> Iterator[ProcessedDocument | Rejected]:
    """Stream inputs through ingest → clean → normalize; failures become :class:`Rejected`."""
    timings = timings if timings is not None else Counter()
    for item in timed(iter_inputs(list(inputs)), timings, "ingest"):
        yield item if isinstance(item, Rejected) else _process_or_reject(item, timings)


def timed(items: Iterable[Any], timings: Counter[str], stage: str) -> Iterator[Any]:
    """``items``, with the time spent producing them added to ``timings[stage]``."""
    stream = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(stream)
        except StopIteration:
            timings[stage] += time.perf_counter() - t0
            return
        timings[stage] += time.perf_counter() - t0
        yield item


def _internal(item: Document, exc: Exception) -> Rejected:
    return Rejected(item.doc_id, item.path, f"{Err.INTERNAL.value} ({type(exc).__name__}: {exc})"[:500])


def _process_or_reject(item: Document, timings: Counter[str]) -> ProcessedDocument | Rejected:
    try:
        return process_document(item, timings)
    except InputError as exc:
        return Rejected(item.doc_id, item.path, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad document must not end the batch
        return _internal(item, exc)


def document_row(item: ProcessedDocument | Rejected) -> dict[str, Any]:
    """The documents.csv row of one input.

    ``error`` is empty for a processed document unless ingest repaired damage
    (a ``W2xx`` warning, :class:`kg.errors.Warn`): the row then says what was
    lost, and ``status`` stays ``ok``.
    """
    if isinstance(item, Rejected):
        return {"doc_id": encodable(item.doc_id), "path": encodable(item.path), "status": "rejected",
                "error": encodable(item.error), "n_chars": 0}
    doc, meta = item.doc, item.cleaned.meta
    return {
        "doc_id": encodable(doc.doc_id), "path": encodable(doc.path), "title": encodable(meta.title),
        "source": encodable(meta.source), "date": encodable(meta.date), "author": encodable(meta.author),
        "n_chars": len(doc.raw_text), "status": "ok",
        "error": doc.meta.get(WARNING, ""), "encoding": doc.encoding, "format": doc.fmt,
        "n_body_chars": item.cleaned.n_body_chars, "spun": item.normalized.spun,
    }


def content_digest(doc: Document) -> str:
    """A hash of what a document's extraction depends on: text, format, encoding and supplied metadata.

    >>> content_digest(Document("a", "青岛", "a.txt")) == content_digest(Document("a", "青岛", "moved/a.txt"))
    True
    """
    payload = json.dumps([doc.raw_text, doc.fmt, doc.encoding, sorted(doc.meta.items())], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass
class DocResult:
    """What one input contributes to the outputs (picklable: it crosses process boundaries).

    ``readable`` says the record was read (it claims its doc_id for the
    duplicate rule, :class:`kg.text.ingest.DuplicateIds`); ``digest`` is its
    :func:`content_digest`; ``skipped`` marks a document an update already
    has with the same content (nothing was extracted, see :mod:`kg.run.state`).
    """

    row: dict[str, Any]
    mentions: list[EntityMention] = field(default_factory=list)
    relations: list[EntityRelation] = field(default_factory=list)
    raw_chars: int = 0
    body_chars: int = 0
    spun: bool = False
    removed: Counter[str] = field(default_factory=Counter)
    timings: Counter[str] = field(default_factory=Counter)
    readable: bool = False
    digest: str = ""
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return self.row["status"] == "ok"


def document_mentions(
    item: ProcessedDocument, nlp: Language | JiebaPipeline, leave_out: bool = False,
    leave_out_forms: frozenset[str] = frozenset()
) -> list[Mention]:
    """The entity mentions of one processed document (normalized offsets): the pipeline run over its pieces."""
    norm = item.normalized
    found: list[Mention] = []
    for a, b in chunks(norm.text):  # long texts in pieces: bounded memory, linear time
        pieces = text_mentions(nlp, norm.text[a:b], item.doc.doc_id if leave_out else None, leave_out_forms)
        found += [replace(m, start=m.start + a, end=m.end + a) for m in pieces]
    return found


def text_mentions(nlp: Language | JiebaPipeline, text: str, leave_out: str | None, forms: frozenset[str]) -> list[Mention]:
    """The mentions of one piece of text, by the build's spaCy-free pipeline or by a spaCy one
    (:func:`kg.extract.nlp.text_mentions`): the same mentions for the same segmenter."""
    if isinstance(nlp, JiebaPipeline):
        return nlp.mentions(text, leave_out, forms)
    from kg.extract.nlp import text_mentions as spacy_text_mentions

    return spacy_text_mentions(nlp, text, leave_out, forms)


def pipeline_lexicons(nlp: Language | JiebaPipeline) -> Lexicons | None:
    """The lexicons the pipeline's entity rules use."""
    return nlp.lexicons if isinstance(nlp, JiebaPipeline) else nlp.get_pipe("kg_entity_rules").lexicons


def extract_document(
    item: ProcessedDocument, nlp: Language | JiebaPipeline, leave_out: bool = False,
    leave_out_forms: frozenset[str] = frozenset(), pairs: bool = False,
) -> tuple[list[EntityMention], list[EntityRelation]]:
    """Entity mentions and relations of one processed document, in raw offsets: the pipeline in
    chunks, relations over its mentions, then linking within the document (:mod:`kg.link.within`).

    ``leave_out`` (evaluation) disables the lexicon entries learned only from
    this document; ``leave_out_forms`` also those matching these names. ``pairs``:
    the learned pair classifier adds relations to the rules' (:mod:`kg.extract.relations.pairs`).
    """
    norm = item.normalized
    found_mentions = document_mentions(item, nlp, leave_out, leave_out_forms)
    lex = pipeline_lexicons(nlp)
    raw = item.doc.raw_text
    found = [(m, canonical_name(m.type, m.key or m.text, lex)) for m in found_mentions]
    fuller = fuller_names(found, lex)
    # `A(B)`: B is A's other name, and takes A's fullest form
    fuller = {**{k: fuller.get((k[0], v), v) for k, v in bracket_aliases(norm.text, found).items()}, **fuller}
    name_of = {id(m): fuller.get((m.type, name), name) for m, name in found}
    regions = lex.cities if lex is not None else frozenset()
    found_relations = find_relations(norm.text, [m for m, _ in found], lex.titles if lex is not None else {}, regions,
                                     default_model() if pairs else None)
    name_of, key_of = link_document(item.doc.doc_id, norm.text, found, name_of, found_relations, lex)
    attrs_of = entity_attrs(norm.text, [m for m, _ in found], found_relations, lex)
    mentions = []
    for m, _ in found:
        s, e = norm.raw_span(m.start, m.end)
        mentions.append(EntityMention(item.doc.doc_id, s, e, encodable(raw[s:e]), m.type, name_of[id(m)], m.rule, key_of[id(m)],
                                      attrs_of.get(id(m), ())))
    relations = []
    for r in found_relations:
        a, b = evidence_span(norm.text, r.sent_start, r.sent_end)
        s, e = norm.raw_span(a, b)
        relations.append(EntityRelation(
            item.doc.doc_id, r.head.type, name_of[id(r.head)], r.type, r.tail.type, name_of[id(r.tail)],
            s, e, encodable(raw[s:e]), r.rule, tuple(sorted({**r.attrs, **sentence_date(norm.text[a:b])}.items())),
            key_of[id(r.head)], key_of[id(r.tail)],
        ))
    return mentions, relations


@dataclass(frozen=True)
class WorkSettings:
    """What every process needs to extract a document the same way (small: shipped to each worker).

    ``segmenter`` is already parsed (by :func:`kg.run.build.build` or :func:`kg.run.build.update`, where the
    name comes in). ``exclusive`` (leave-one-out evaluation): per doc_id, names whose lexicon entries are
    switched off.
    """

    segmenter: Segmenter = DEFAULT_SEGMENTER
    model: bool = True  # the name tagger proposes names to the rules; False: the rules alone
    leave_out: bool = False
    exclusive: Mapping[str, frozenset[str]] = field(default_factory=dict)
    pairs: bool = False  # the learned pair classifier adds relations (`--relation-model`; never with model=False)


@lru_cache(maxsize=4)
def pipeline(segmenter: Segmenter, model: bool = True) -> Language | JiebaPipeline:
    """This process's pipeline for ``segmenter``, loaded on first use and kept (one per worker process).

    On jieba (the default) it is :class:`kg.extract.components.JiebaPipeline`, the components of
    :func:`kg.extract.nlp.make_nlp`'s pipeline called on jieba's words without spaCy (the same
    mentions; spaCy is not even imported); on the other segmenters, that spaCy pipeline.
    A first text is run through it, so that jieba's dictionaries are loaded
    here too: a pool forked after this call shares them instead of loading
    its own.
    """
    if segmenter is Segmenter.jieba:
        light = JiebaPipeline(model)
        light.mentions("青岛蓝谷管理局")
        return light
    from kg.extract.nlp import make_nlp

    nlp = make_nlp(segmenter, model=model)
    nlp("青岛蓝谷管理局")
    return nlp


def work(item: Document | Rejected, settings: WorkSettings, known: Mapping[str, str] | None = None) -> DocResult:
    """Clean, normalize and extract one record; any failure is its rejected row.

    ``known`` (an update): doc_id → content digest of the documents already in
    the output; a document found there with the same digest is not extracted again.
    """
    timings: Counter[str] = Counter()
    if isinstance(item, Rejected):
        return DocResult(document_row(item), timings=timings)
    digest = content_digest(item)
    if known is not None and known.get(item.doc_id) == digest:
        return DocResult({"doc_id": encodable(item.doc_id), "path": encodable(item.path), "status": "ok"},
                         readable=True, digest=digest, skipped=True)
    processed = _process_or_reject(item, timings)
    if isinstance(processed, Rejected):
        return DocResult(document_row(processed), timings=timings, readable=True, digest=digest)
    t0 = time.perf_counter()
    try:
        mentions, relations = extract_document(processed, pipeline(settings.segmenter, settings.model), leave_out=settings.leave_out,
                                               leave_out_forms=settings.exclusive.get(item.doc_id, frozenset()),
                                               pairs=settings.pairs and settings.model)
    except Exception as exc:  # noqa: BLE001 - one bad document must not end the batch
        return DocResult(document_row(_internal(item, exc)), timings=timings, readable=True, digest=digest)
    timings["extract"] += time.perf_counter() - t0
    return DocResult(document_row(processed), mentions, relations, len(item.raw_text), processed.cleaned.n_body_chars,
                     processed.normalized.spun, Counter(r.reason for r in processed.cleaned.removed), timings,
                     readable=True, digest=digest)
