"""`kg build`: run the stages over a batch of inputs and write the outputs.

The batch streams: each document is read, cleaned, normalized and released
before the next, so memory does not grow with the corpus. A document that
fails in any stage becomes a ``rejected`` row with its reason; the batch goes
on. Exit codes (also in ``kg build --help``):

====  =====================================================================
0     every input was processed
3     outputs written, but some inputs were rejected (see documents.csv)
4     outputs written, but no input could be processed
2     usage error (bad option or output path); nothing written
====  =====================================================================

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp())
>>> _ = (src / "a.txt").write_text("青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。", encoding="utf-8")
>>> _ = (src / "b.txt").write_bytes(b"")
>>> result = build([str(src)], src / "out", progress=False)
>>> result.exit_code, result.report["documents"]
(3, {'ok': 1, 'rejected': 1, 'total': 2})
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.clean import CleanedDocument, clean
from kg.errors import Err, InputError, KgUsageError
from kg.extract import EntityMention, EntityRelation, entity_id, extract_document
from kg.ingest import Document, Rejected, iter_inputs
from kg.nlp import DEFAULT_SEGMENTER, make_nlp
from kg.normalize import Normalized, encodable, normalize_body
from kg.outputs import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, RELATION_COLUMNS, write_csv, write_json

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_REJECTED = 3
EXIT_ALL_REJECTED = 4


@dataclass(frozen=True)
class ProcessedDocument:
    """A document after ingest, clean and normalize: what extraction reads."""

    doc: Document
    cleaned: CleanedDocument
    normalized: Normalized


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
    for item in _timed_inputs(list(inputs), timings):
        yield item if isinstance(item, Rejected) else _process_or_reject(item, timings)


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
    """The documents.csv row of one input."""
    if isinstance(item, Rejected):
        return {"doc_id": encodable(item.doc_id), "path": encodable(item.path), "status": "rejected",
                "error": encodable(item.error), "n_chars": 0}
    doc, meta = item.doc, item.cleaned.meta
    return {
        "doc_id": encodable(doc.doc_id), "path": encodable(doc.path), "title": encodable(meta.title),
        "source": encodable(meta.source), "date": encodable(meta.date), "author": encodable(meta.author),
        "n_chars": len(doc.raw_text), "status": "ok",
        "error": "", "encoding": doc.encoding, "format": doc.fmt,
        "n_body_chars": item.cleaned.n_body_chars, "spun": item.normalized.spun,
    }


@dataclass
class BuildResult:
    out_dir: Path
    report: dict[str, Any]
    exit_code: int
    documents: list[dict[str, Any]] = field(default_factory=list)


def _progress(items: Iterator[Any], enabled: bool | None) -> Iterator[Any]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, unit="doc", desc="kg build", file=sys.stderr, dynamic_ncols=True))


def check_out_dir(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise KgUsageError(f"--out {out} is a file; give a folder for the outputs")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgUsageError(f"cannot create output folder {out}: {exc.strerror}") from None
    for stale in out.glob(".kg-staging-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    return out


class EntityTable:
    """Entities accumulated over the batch: grows with the graph, not the corpus."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, mentions: list[EntityMention]) -> list[dict[str, Any]]:
        """Register one document's mentions; return its mentions.csv rows."""
        out = []
        for m in mentions:
            eid = entity_id(m.type, m.key or m.name)
            row = self.rows.setdefault(eid, {"entity_id": eid, "type": m.type, "name": m.name, "aliases": set(),
                                             "n_mentions": 0, "docs": set(), "names": set()})
            row["n_mentions"] += 1
            row["docs"].add(m.doc_id)
            row["names"].add(m.name)
            row["aliases"].add(m.text)
            for k, v in m.attrs:
                if k == "titles":
                    row.setdefault("titles", set()).update(v.split("|"))
                elif k in ("size", "size_yuan"):
                    row.setdefault(k, v)  # the first size stated
            out.append({"doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
                        "entity_id": eid, "rule": m.rule})
        return out

    @staticmethod
    def relation_rows(relations: list[EntityRelation]) -> list[dict[str, Any]]:
        """relations.csv rows of one document (the same fact stated twice is one row, first sentence)."""
        import json

        out, seen = [], set()
        for r in relations:
            key = (entity_id(r.head_type, r.head_key or r.head_name), r.relation, entity_id(r.tail_type, r.tail_key or r.tail_name))
            if key in seen or key[0] == key[2]:
                continue
            seen.add(key)
            out.append({"head_id": key[0], "relation": r.relation, "tail_id": key[2], "doc_id": r.doc_id,
                        "start": r.start, "end": r.end, "evidence": r.evidence,
                        "attrs": json.dumps(dict(r.attrs), ensure_ascii=False, sort_keys=True) if r.attrs else "",
                        "rule": r.rule, "head": r.head_name, "tail": r.tail_name})
        return out

    def csv_rows(self) -> list[dict[str, Any]]:
        out = []
        for r in self.rows.values():
            # the fullest name seen names the entity: the same whatever order documents came in
            name = max(r["names"], key=lambda n: (len(n), n))
            aliases = sorted((r["aliases"] | r["names"]) - {name})
            out.append({"entity_id": r["entity_id"], "type": r["type"], "name": name, "aliases": "|".join(aliases),
                        "n_mentions": r["n_mentions"], "n_docs": len(r["docs"]),
                        "titles": "|".join(sorted(r.get("titles", ()))), "size": r.get("size", ""),
                        "size_yuan": r.get("size_yuan", "")})
        return sorted(out, key=lambda r: (r["type"], r["name"], r["entity_id"]))


def _exclusive_gold_forms(gold_path: str | Path) -> dict[str, frozenset[str]]:
    """Per gold document, the normalized names and mentions no other gold document has."""
    from kg.evaluate import load_gold, norm_form

    gold = load_gold(gold_path)
    forms = {d: {norm_form(f) for e in g.entities.values() for f in [e.name, *e.mentions]} for d, g in gold.items()}
    return {d: frozenset(f - set().union(*(o for k, o in forms.items() if k != d))) for d, f in forms.items()}


def write_graph_outputs(
    out: Path,
    entity_rows: list[dict[str, Any]],
    relation_rows: list[dict[str, Any]],
    document_rows: list[dict[str, Any]],
    mention_rows: list[dict[str, Any]],
    base_iri: str | None = None,
    parallel: bool = False,
) -> None:
    """graph.ttl, graph.nt, graph.graphml and graph.gexf from the tables (RDF in a second process if ``parallel``)."""
    from kg.graph import build_graph, write_gexf, write_graphml
    from kg.rdf import DEFAULT_BASE, triples, write_ntriples, write_turtle

    def rdf_files() -> None:
        ts = triples(entity_rows, relation_rows, document_rows, mention_rows, base=base_iri or DEFAULT_BASE)
        write_turtle(ts, out / "graph.ttl")
        write_ntriples(ts, out / "graph.nt")

    child = None
    if parallel:  # the two export families are independent: RDF in a second process
        import multiprocessing as mp

        child = mp.get_context("fork").Process(target=rdf_files)
        child.start()
    dates = {d["doc_id"]: d.get("date") or "" for d in document_rows if d.get("status") == "ok"}
    g = build_graph(entity_rows, relation_rows, dates, mention_rows)
    write_graphml(g, out / "graph.graphml")
    write_gexf(g, out / "graph.gexf")
    if child is None:
        rdf_files()
    else:
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"writing the RDF files failed (exit code {child.exitcode})")


@dataclass
class DocResult:
    """What one document contributes to the outputs (picklable: it crosses process boundaries)."""

    row: dict[str, Any]
    mentions: list[EntityMention] = field(default_factory=list)
    relations: list[EntityRelation] = field(default_factory=list)
    raw_chars: int = 0
    body_chars: int = 0
    spun: bool = False
    removed: Counter[str] = field(default_factory=Counter)
    timings: Counter[str] = field(default_factory=Counter)


_WORKER: dict[str, Any] = {}


def _init_worker(segmenter: str, leave_one_out: bool, exclusive: dict[str, frozenset[str]]) -> None:
    """Load the pipeline once per process."""
    _WORKER.update(nlp=make_nlp(segmenter), leave_out=leave_one_out, exclusive=exclusive)


def _work(item: Document | Rejected) -> DocResult:
    """Clean, normalize and extract one document; any failure is a rejected row."""
    timings: Counter[str] = Counter()
    if isinstance(item, Rejected):
        return DocResult(document_row(item), timings=timings)
    processed = _process_or_reject(item, timings)
    if isinstance(processed, Rejected):
        return DocResult(document_row(processed), timings=timings)
    t0 = time.perf_counter()
    try:
        mentions, relations = extract_document(processed, _WORKER["nlp"], leave_out=_WORKER["leave_out"],
                                               leave_out_forms=_WORKER["exclusive"].get(item.doc_id, frozenset()))
    except Exception as exc:  # noqa: BLE001 - one bad document must not end the batch
        return DocResult(document_row(_internal(item, exc)), timings=timings)
    timings["extract"] += time.perf_counter() - t0
    return DocResult(document_row(processed), mentions, relations, len(item.raw_text), processed.cleaned.n_body_chars,
                     processed.normalized.spun, Counter(r.reason for r in processed.cleaned.removed), timings)


def _timed_inputs(inputs: list[str], timings: Counter[str]) -> Iterator[Document | Rejected]:
    stream = iter(iter_inputs(inputs))
    while True:
        t0 = time.perf_counter()
        try:
            item = next(stream)
        except StopIteration:
            timings["ingest"] += time.perf_counter() - t0
            return
        timings["ingest"] += time.perf_counter() - t0
        yield item


def _results(items: Iterator[Document | Rejected], workers: int, init_args: tuple) -> Iterator[DocResult]:
    """Results in input order; with several workers, fed in bounded windows (memory stays flat)."""
    if workers <= 1:
        _init_worker(*init_args)
        yield from map(_work, items)
        return
    import multiprocessing as mp
    from itertools import islice

    with mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=init_args) as pool:
        while batch := list(islice(items, 32 * workers)):
            yield from pool.imap(_work, batch, chunksize=4)


def build(
    inputs: Iterable[str],
    out_dir: str | Path,
    progress: bool | None = None,
    segmenter: str = DEFAULT_SEGMENTER.value,
    leave_one_out: bool | str | Path = False,
    base_iri: str | None = None,
    workers: int = 1,
) -> BuildResult:
    """Build the outputs for ``inputs`` into ``out_dir`` (see module docs).

    ``workers`` processes extract in parallel; the outputs are the same as
    with one. ``leave_one_out`` (an evaluation aid) extracts each document
    without the lexicon entries learned only from that document. Given a gold
    JSONL path, it also drops every entry matching a name of that document's
    gold that no other gold document has (the strictest reading).
    """
    exclusive = _exclusive_gold_forms(leave_one_out) if isinstance(leave_one_out, (str, Path)) else {}
    inputs = list(inputs)
    out = check_out_dir(out_dir)
    timings: Counter[str] = Counter()
    start = time.perf_counter()
    rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    relation_rows: list[dict[str, Any]] = []
    entities = EntityTable()
    removed: Counter[str] = Counter()
    raw_chars = body_chars = spun = 0
    init_args = (segmenter, bool(leave_one_out), exclusive)
    for res in _progress(_results(_timed_inputs(inputs, timings), max(1, workers), init_args), progress):
        rows.append(res.row)
        mention_rows.extend(entities.add(res.mentions))
        relation_rows.extend(entities.relation_rows(res.relations))
        raw_chars += res.raw_chars
        body_chars += res.body_chars
        spun += res.spun
        removed.update(res.removed)
        timings.update(res.timings)
    # Every file goes to a staging folder first and all move into place at the end: a build
    # killed before that leaves the previous outputs as they were, not a mix of old and new.
    staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=out))
    try:
        t_write = time.perf_counter()
        write_csv(staging / "mentions.csv", MENTION_COLUMNS, mention_rows)
        write_csv(staging / "relations.csv", RELATION_COLUMNS, relation_rows)
        entity_rows = entities.csv_rows()
        write_csv(staging / "entities.csv", ENTITY_COLUMNS, entity_rows)
        write_csv(staging / "documents.csv", DOCUMENT_COLUMNS, rows)
        timings["write"] += time.perf_counter() - t_write
        t_graph = time.perf_counter()
        write_graph_outputs(staging, entity_rows, relation_rows, rows, mention_rows, base_iri, parallel=workers > 1)
        timings["graph"] += time.perf_counter() - t_graph
        _finish(staging, out, rows, entity_rows, mention_rows, relation_rows, timings, start, inputs, raw_chars,
                body_chars, spun, removed, segmenter, workers)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rejected = report["rejected"]
    n_ok = report["documents"]["ok"]
    if n_ok == 0:
        code = EXIT_ALL_REJECTED
    elif rejected:
        code = EXIT_SOME_REJECTED
    else:
        code = EXIT_OK
    return BuildResult(out, report, code, rows)


def _finish(staging: Path, out: Path, rows, entity_rows, mention_rows, relation_rows, timings, start, inputs,
            raw_chars, body_chars, spun, removed, segmenter, workers) -> None:
    """Write report.json and move the staged files into ``out`` (report last)."""
    n_ok = sum(r["status"] == "ok" for r in rows)
    rejected = [{k: r[k] for k in ("doc_id", "path", "error")} for r in rows if r["status"] != "ok"]
    total = time.perf_counter() - start
    report = {
        "kg_version": __version__,
        "inputs": inputs,
        "documents": {"total": len(rows), "ok": n_ok, "rejected": len(rejected)},
        "rejected": rejected,
        "chars": {"raw": raw_chars, "body": body_chars},
        "spun_documents": spun,
        "entities": dict(sorted(Counter(r["type"] for r in entity_rows).items())),
        "mentions": dict(sorted(Counter(r["type"] for r in mention_rows).items())),
        "relations": dict(sorted(Counter(r["relation"] for r in relation_rows).items())),
        "segmenter": segmenter,
        "workers": max(1, workers),
        "removed_spans": dict(sorted(removed.items())),
        "timings_s": {k: round(v, 4) for k, v in sorted(timings.items())} | {"total": round(total, 4)},
        "throughput_chars_per_s": round(raw_chars / total) if total > 0 else None,
    }
    write_json(staging / "report.json", report)
    for name in sorted(p.name for p in staging.iterdir() if p.name != "report.json") + ["report.json"]:
        os.replace(staging / name, out / name)
