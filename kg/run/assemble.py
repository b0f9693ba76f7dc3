"""The global step: all per-document results → linked tables → the graph files.

Every engine ends here: the local one (one process or ``--workers N``), the
Dask engine and ``--update`` (stored results plus new ones) all hand
:func:`assemble` the :class:`~kg.run.work.DocResult` of every input *in input
order*, and write with :func:`write_tables`. So anything that needs every
document (the duplicate-id rule, linking across documents, entity names and
counts, the graph and its exports) lives here once, and the engines differ
only in where the per-document work ran.

>>> from kg.text.ingest import Document
>>> from kg.run.work import WorkSettings, work
>>> docs = [Document(i, "青岛蓝谷管理局副局长徐一冰表示。", f"{i}.txt") for i in ("a", "b", "a")]
>>> tables = assemble(work(d, WorkSettings()) for d in docs)
>>> [(r["doc_id"], r["status"], r["error"][:4]) for r in tables.documents]
[('a', 'ok', ''), ('b', 'ok', ''), ('a', 'rejected', 'E106')]
>>> sorted((e["name"], e["n_docs"]) for e in tables.entities)
[('徐一冰', 2), ('青岛蓝谷管理局', 2)]
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.text.ingest import DuplicateIds, Rejected
from kg.link.keys import DocKeys, doc_keys, link_across
from kg.link.table import EntityTable
from kg.export.codes import with_codes
from kg.export.outputs import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, RELATION_COLUMNS, write_csv
from kg.export.parquet import write_parquet
from kg.run.work import DocResult, document_row

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class Tables:
    """The four tables of the output contract and the batch's counts, ready to write."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    raw_chars: int = 0
    body_chars: int = 0
    spun: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    timings: Counter[str] = field(default_factory=Counter)
    # one-character typos linked across documents: [type, variant, the key kept, first document of the variant]
    typo_links: list[list[str]] = field(default_factory=list)


def reject_duplicates(results: Iterable[DocResult]) -> Iterator[DocResult]:
    """``results`` with every readable record whose doc_id an earlier one had turned into its ``E106`` row."""
    ids = DuplicateIds()
    for res in results:
        doc_id, path = res.row["doc_id"], res.row["path"]
        duplicate = ids.check(doc_id, path, res.readable)
        yield res if duplicate is None else DocResult(document_row(Rejected(doc_id, path, duplicate)), timings=res.timings)


def assemble(results: Iterable[DocResult], keep: Callable[[DocResult], None] | None = None) -> Tables:
    """Link every document's results into the output tables (streamed: results are released as they come).

    ``results`` must come in input order. A readable record whose doc_id an
    earlier one had becomes its ``E106`` row here (the local engine already
    rejects those while reading; the Dask engine reads partitions apart).
    ``keep`` sees every result as it is finally counted (the state file of
    :mod:`kg.run.state` is written from it).
    """
    tables = Tables()
    entities = EntityTable()
    keys: list[DocKeys] = []
    for res in reject_duplicates(results):
        if keep is not None:
            keep(res)
        keys.append(doc_keys(res.row["doc_id"], res.mentions, res.relations))
        tables.documents.append(res.row)
        tables.mentions.extend(entities.add(res.mentions))
        tables.relations.extend(entities.relation_rows(res.relations))
        tables.raw_chars += res.raw_chars
        tables.body_chars += res.body_chars
        tables.spun += res.spun
        tables.removed.update(res.removed)
        tables.timings.update(res.timings)
    # Linking across documents (kg.link.keys): the same key in two documents is already one entity id; one-character
    # typos of a key seen earlier are merged here, once for all engines and --update, in input order.
    t0 = time.perf_counter()
    links = link_across(keys)
    del keys
    tables.relations = entities.remap(entities.apply(links), tables.mentions, tables.relations)
    tables.typo_links = [list(m) for m in links.merges]
    tables.timings["link"] += time.perf_counter() - t0
    tables.entities = with_codes(entities.csv_rows(), tables.relations)  # industry and division codes
    return tables


def table_files(tables: Tables) -> list[tuple[str, list[str], list[dict[str, Any]]]]:
    """(file stem, columns, rows) of the four tables, in the order they are written."""
    return [("mentions", MENTION_COLUMNS, tables.mentions), ("relations", RELATION_COLUMNS, tables.relations),
            ("entities", ENTITY_COLUMNS, tables.entities), ("documents", DOCUMENT_COLUMNS, tables.documents)]


def write_tables(out: Path, tables: Tables, base_iri: str | None = None, parallel: bool = False) -> None:
    """The four tables as CSV and as Parquet, and the four graph files, into ``out``.

    ``parallel`` writes the RDF files in a second process while this one writes GraphML and GEXF.
    Times go to ``tables.timings`` (``write`` for the CSV tables, ``parquet`` for their Parquet copies,
    ``graph`` for the graph files).
    """
    t0 = time.perf_counter()
    for stem, columns, rows in table_files(tables):
        write_csv(out / f"{stem}.csv", columns, rows)
    t1 = time.perf_counter()
    for stem, columns, rows in table_files(tables):  # the same tables, typed (kg.export.parquet)
        write_parquet(out / f"{stem}.parquet", columns, rows)
    t2 = time.perf_counter()
    write_graph_outputs(out, tables.entities, tables.relations, tables.documents, tables.mentions, base_iri, parallel)
    tables.timings["write"] += t1 - t0
    tables.timings["parquet"] += t2 - t1
    tables.timings["graph"] += time.perf_counter() - t2


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
    from kg.export.graph import gephi_copy, write_gexf, write_graphml
    from kg.export.rdf import DEFAULT_BASE, triples, write_ntriples, write_turtle

    def rdf_files() -> None:
        ts = triples(entity_rows, relation_rows, document_rows, mention_rows, base=base_iri or DEFAULT_BASE)
        write_turtle(ts, out / "graph.ttl")
        write_ntriples(ts, out / "graph.nt")

    child = None
    if parallel:  # the two export families are independent: RDF in a second process
        import multiprocessing as mp

        child = mp.get_context("fork").Process(target=rdf_files)
        child.start()
    g = tables_graph(entity_rows, relation_rows, document_rows, mention_rows)
    copy = gephi_copy(g)  # one copy for both: GraphML only reads it, GEXF then renames edge attributes in it
    write_graphml(g, out / "graph.graphml", copy)
    write_gexf(g, out / "graph.gexf", copy)
    if child is None:
        rdf_files()
    else:
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"writing the RDF files failed (exit code {child.exitcode})")


def tables_graph(entity_rows: list[dict[str, Any]], relation_rows: list[dict[str, Any]],
                 document_rows: list[dict[str, Any]], mention_rows: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """The networkx graph of the tables (what graph.graphml and graph.gexf are written from): entities with the
    dates of the first and last article that mentions them, relations with their evidence."""
    from kg.export.graph import build_graph

    dates = {d["doc_id"]: d.get("date") or "" for d in document_rows if d.get("status") == "ok"}
    return build_graph(entity_rows, relation_rows, dates, mention_rows)
