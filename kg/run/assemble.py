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

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extract.document import EntityMention, EntityRelation, entity_id
from kg.text.ingest import DuplicateIds, Rejected
from kg.link.keys import DocKeys, TypoLinks, doc_keys, link_across
from kg.export.outputs import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, RELATION_COLUMNS, write_csv
from kg.run.work import DocResult, document_row


class EntityTable:
    """Entities accumulated over the batch: grows with the graph, not the corpus."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, mentions: list[EntityMention]) -> list[dict[str, Any]]:
        """Register one document's mentions; return its mentions.csv rows."""
        out = []
        for m in mentions:
            eid = entity_id(m.type, m.key or m.name)
            row = self.rows.setdefault(eid, {"entity_id": eid, "type": m.type, "key": m.key or m.name, "name": m.name,
                                             "aliases": set(), "n_mentions": 0, "docs": set(), "names": set()})
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

    def apply(self, links: TypoLinks) -> dict[str, str]:
        """Merge the entities that cross-document linking joined (kg.link.keys); return old id -> new id.

        The merged entity keeps the id of the kept key and is named by the member with the most mentions
        (the fullest of its names), so a typo seen first does not name the entity once the right name is
        seen more often.
        """
        moved = {}
        for eid, row in list(self.rows.items()):
            key = links.key(row["type"], row["key"])
            if key != row["key"]:
                moved[eid] = entity_id(row["type"], key)
        for old, new in moved.items():
            row = self.rows.pop(old)
            into = self.rows.setdefault(new, {**row, "entity_id": new, "key": links.key(row["type"], row["key"]),
                                              "aliases": set(), "n_mentions": 0, "docs": set(), "names": set()})
            into.setdefault("label_from", (into["n_mentions"], sorted(into["names"])))
            if row["n_mentions"] > into["label_from"][0]:
                into["label_from"] = (row["n_mentions"], sorted(row["names"]))
            into["n_mentions"] += row["n_mentions"]
            for k in ("aliases", "docs", "names"):
                into[k] |= row[k]
            if "titles" in row:
                into.setdefault("titles", set()).update(row["titles"])
            for k in ("size", "size_yuan"):
                if k in row:
                    into.setdefault(k, row[k])
        return moved

    @staticmethod
    def remap(moved: dict[str, str], mention_rows: list[dict[str, Any]], relation_rows: list[dict[str, Any]]
              ) -> list[dict[str, Any]]:
        """Mention and relation rows with merged ids (in place for mentions); relations are deduplicated again."""
        if not moved:
            return relation_rows
        for m in mention_rows:
            m["entity_id"] = moved.get(m["entity_id"], m["entity_id"])
        out, seen = [], set()
        for r in relation_rows:
            r = {**r, "head_id": moved.get(r["head_id"], r["head_id"]), "tail_id": moved.get(r["tail_id"], r["tail_id"])}
            key = (r["doc_id"], r["head_id"], r["relation"], r["tail_id"])
            if key not in seen and r["head_id"] != r["tail_id"]:
                seen.add(key)
                out.append(r)
        return out

    def csv_rows(self) -> list[dict[str, Any]]:
        out = []
        for r in self.rows.values():
            # the fullest name seen names the entity: the same whatever order documents came in
            name = max(r["label_from"][1] if "label_from" in r else r["names"], key=lambda n: (len(n), n))
            aliases = sorted((r["aliases"] | r["names"]) - {name})
            out.append({"entity_id": r["entity_id"], "type": r["type"], "name": name, "aliases": "|".join(aliases),
                        "n_mentions": r["n_mentions"], "n_docs": len(r["docs"]),
                        "titles": "|".join(sorted(r.get("titles", ()))), "size": r.get("size", ""),
                        "size_yuan": r.get("size_yuan", "")})
        return sorted(out, key=lambda r: (r["type"], r["name"], r["entity_id"]))


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
    tables.entities = entities.csv_rows()
    return tables


def write_tables(out: Path, tables: Tables, base_iri: str | None = None, parallel: bool = False) -> None:
    """mentions.csv, relations.csv, entities.csv, documents.csv and the four graph files into ``out``.

    ``parallel`` writes the RDF files in a second process while this one writes GraphML and GEXF.
    Times go to ``tables.timings`` (``write`` for the tables, ``graph`` for the graph files).
    """
    t0 = time.perf_counter()
    write_csv(out / "mentions.csv", MENTION_COLUMNS, tables.mentions)
    write_csv(out / "relations.csv", RELATION_COLUMNS, tables.relations)
    write_csv(out / "entities.csv", ENTITY_COLUMNS, tables.entities)
    write_csv(out / "documents.csv", DOCUMENT_COLUMNS, tables.documents)
    t1 = time.perf_counter()
    write_graph_outputs(out, tables.entities, tables.relations, tables.documents, tables.mentions, base_iri, parallel)
    tables.timings["write"] += t1 - t0
    tables.timings["graph"] += time.perf_counter() - t1


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
    from kg.export.graph import build_graph, write_gexf, write_graphml
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
