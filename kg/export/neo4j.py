"""The property graph for Neo4j: node and relationship CSVs in the bulk-import convention, and a Cypher script.

``kg export OUT --to neo4j`` writes one folder (default ``OUT/neo4j/``):

* ``nodes_<Label>.csv``, one file per entity type (``nodes_Park.csv``,
  ``nodes_Company.csv``, ``nodes_Organization.csv``, ``nodes_Person.csv``,
  ``nodes_Industry.csv``, ``nodes_Fund.csv``) and ``nodes_Document.csv`` for
  the articles. Every entity has two labels, ``Entity`` and its type's
  (``:LABEL`` is ``Entity;Park``), and its id in the ``Entity`` id space
  (``entity_id:ID(Entity)``); an article is a ``Document`` with
  ``doc_id:ID(Document)``. A type's file has the columns every entity has
  (``name``, ``type``, ``aliases:string[]``, ``n_mentions:int``,
  ``n_docs:int``) and those of ``entities.csv`` filled for at least one
  entity of that type (``titles:string[]`` for persons, ``size`` and
  ``size_yuan:double`` for funds, …), so one file per type carries only what
  the type has.
* ``relationships_<TYPE>.csv``, one file per relation type
  (``:START_ID(Entity)``, ``:END_ID(Entity)``, ``:TYPE``), each relationship
  with its evidence: ``relation_id`` (the edge id of ``graph.graphml``),
  ``doc_id``, ``evidence_start:int``/``evidence_end:int`` (raw offsets of the
  sentence, named as in ``graph.gexf``: ``end`` is a Cypher keyword),
  ``evidence``, ``rule``, ``confidence:double``, the surfaces ``head`` and
  ``tail`` and the relation's attributes (``title`` of a post, ``amount`` of
  an investment). ``relationships_MENTIONED_IN.csv`` links every entity to
  the articles that mention it (``mention_start:int``, ``mention_end:int``,
  ``text``, ``rule``), one relationship per mention.
* ``import.sh``: the ``neo4j-admin database import full`` command for these
  files (a new database), and ``load.cypher``: ``LOAD CSV WITH HEADERS`` +
  ``MERGE`` statements that load the same files into a running database
  (re-running it updates, never duplicates).

Arrays use ``;``, neo4j-admin's default array delimiter (an alias holding a
``;`` would be split; kg's names hold none). Empty cells are missing
properties (neo4j-admin and ``LOAD CSV`` read an unquoted empty field as
null). Evidence may span lines: neo4j-admin needs ``--multiline-fields=true``
(``import.sh`` passes it). Files are written in a staging folder that then
takes the destination's place in one step, and the same build gives the same
bytes.

>>> rows = nodes_rows([{"entity_id": "park-1", "type": "PARK", "name": "青岛蓝谷", "aliases": "蓝谷|青島藍谷",
...                     "n_mentions": "3", "n_docs": "1", "titles": "", "size": "", "size_yuan": ""}])
>>> header, table = rows["nodes_Park.csv"]
>>> header
['entity_id:ID(Entity)', ':LABEL', 'name', 'type', 'aliases:string[]', 'n_mentions:int', 'n_docs:int']
>>> table[0]["aliases:string[]"], table[0][":LABEL"]
('蓝谷;青島藍谷', 'Entity;Park')
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.errors import KgUsageError
from kg.export.graph import confidence_of, edge_key
from kg.export.outputs import atomic_open, clean_stale, publish, staging_dir, write_csv

#: The node label of each entity type (every entity also has the label ``Entity``).
LABELS = {"PARK": "Park", "COMPANY": "Company", "ORG": "Organization", "PERSON": "Person", "INDUSTRY": "Industry",
          "FUND": "Fund"}
#: neo4j-admin's default array delimiter, used for ``:LABEL`` and every ``string[]`` column.
ARRAY_DELIMITER = ";"
#: Entity columns every node file has, with their neo4j-admin type (``""``: string).
_ENTITY_BASE = {"name": "", "type": "", "aliases": "string[]", "n_mentions": "int", "n_docs": "int"}
#: The type of other entity columns (any column not named here is a string).
_ENTITY_TYPES = {"titles": "string[]", "size_yuan": "double"}
#: documents.csv columns with a type other than string; ``status`` is left out (only ``ok`` articles are nodes).
_DOCUMENT_TYPES = {"n_chars": "int", "n_body_chars": "int", "spun": "boolean"}
_RELATION_BASE = ["relation_id", "doc_id", "evidence_start:int", "evidence_end:int", "evidence", "rule",
                  "confidence:double", "head", "tail"]
_MENTION_COLUMNS = ["mention_start:int", "mention_end:int", "text", "rule"]
START, END, TYPE = ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"
#: Names of the files an export writes; a destination holding anything else is not replaced.
_OWN_FILE = re.compile(r"(nodes|relationships)_\w+\.csv|load\.cypher|import\.sh")

Table = tuple[list[str], list[dict[str, Any]]]


def label_of(entity_type: str) -> str:
    """The node label of an entity type (a type kg may add later gets its capitalized name).

    >>> label_of("ORG"), label_of("DISTRICT")
    ('Organization', 'District')
    """
    return LABELS.get(entity_type, entity_type.capitalize())


def _column(name: str, kind: str) -> str:
    return f"{name}:{kind}" if kind else name


def _array(value: Any) -> str:
    return ARRAY_DELIMITER.join(a for a in str(value or "").split("|") if a)


def nodes_rows(entities: Iterable[Mapping[str, Any]]) -> dict[str, Table]:
    """``nodes_<Label>.csv`` → (header, rows) for the entity rows of ``entities.csv``, one file per type."""
    by_type: dict[str, list[Mapping[str, Any]]] = {}
    for e in entities:
        by_type.setdefault(e["type"], []).append(e)
    files: dict[str, Table] = {}
    for etype, rows in sorted(by_type.items(), key=lambda kv: label_of(kv[0])):
        label = label_of(etype)
        # the columns of entities.csv beyond the base that this type fills, in their order there
        extra = [c for c in rows[0] if c not in _ENTITY_BASE and c != "entity_id" and any(r.get(c) for r in rows)]
        kinds = {**_ENTITY_BASE, **{c: _ENTITY_TYPES.get(c, "") for c in extra}}
        header = ["entity_id:ID(Entity)", ":LABEL", *(_column(c, k) for c, k in kinds.items())]
        out = []
        for r in rows:
            row = {"entity_id:ID(Entity)": r["entity_id"], ":LABEL": f"Entity{ARRAY_DELIMITER}{label}"}
            for c, k in kinds.items():
                row[_column(c, k)] = _array(r.get(c)) if k == "string[]" else r.get(c)
            out.append(row)
        files[f"nodes_{label}.csv"] = (header, out)
    return files


def document_rows(documents: Iterable[Mapping[str, Any]]) -> Table:
    """``nodes_Document.csv``: the articles that were read (``status`` ok), all their documents.csv columns."""
    docs = [d for d in documents if d.get("status", "ok") == "ok"]
    columns = [c for c in (docs[0] if docs else {"doc_id": ""}) if c not in ("doc_id", "status")]
    header = ["doc_id:ID(Document)", ":LABEL", *(_column(c, _DOCUMENT_TYPES.get(c, "")) for c in columns)]
    rows = []
    for d in docs:
        row = {"doc_id:ID(Document)": d["doc_id"], ":LABEL": "Document"}
        row.update({_column(c, _DOCUMENT_TYPES.get(c, "")): d.get(c) for c in columns})
        rows.append(row)
    return header, rows


def relationship_rows(relations: Iterable[Mapping[str, Any]], entity_ids: set[str]) -> dict[str, Table]:
    """``relationships_<TYPE>.csv`` → (header, rows): one file per relation type, each row with its evidence.

    A relation whose ends are not both in ``entity_ids`` is left out (the graph files leave it out too).
    """
    by_type: dict[str, list[dict[str, Any]]] = {}
    for r in relations:
        if r["head_id"] not in entity_ids or r["tail_id"] not in entity_ids:
            continue
        attrs = json.loads(r["attrs"]) if r.get("attrs") else {}
        row = {START: r["head_id"], END: r["tail_id"], TYPE: r["relation"], "relation_id": edge_key(r),
               "doc_id": r["doc_id"], "evidence_start:int": r["start"], "evidence_end:int": r["end"],
               "evidence": r.get("evidence"), "rule": r.get("rule"), "confidence:double": confidence_of(str(r.get("rule", ""))),
               "head": r.get("head"), "tail": r.get("tail")}
        for k, v in attrs.items():
            row[k if k not in row else f"attr_{k}"] = str(v)
        by_type.setdefault(r["relation"], []).append(row)
    files: dict[str, Table] = {}
    for rel, rows in sorted(by_type.items()):
        attrs = sorted({k for row in rows for k in row} - {START, END, TYPE, *_RELATION_BASE})
        files[f"relationships_{rel}.csv"] = ([START, END, TYPE, *_RELATION_BASE, *attrs], rows)
    return files


def mention_rows(mentions: Iterable[Mapping[str, Any]], entity_ids: set[str], doc_ids: set[str]) -> Table:
    """``relationships_MENTIONED_IN.csv``: entity → article, one row per mention, with its raw offsets."""
    end = ":END_ID(Document)"
    rows = [{START: m["entity_id"], end: m["doc_id"], TYPE: "MENTIONED_IN", "mention_start:int": m["start"],
             "mention_end:int": m["end"], "text": m.get("text"), "rule": m.get("rule")}
            for m in mentions if m["entity_id"] in entity_ids and m["doc_id"] in doc_ids]
    return [START, end, TYPE, *_MENTION_COLUMNS], rows


def neo4j_tables(entities: list[Mapping[str, Any]], relations: Iterable[Mapping[str, Any]],
                 documents: Iterable[Mapping[str, Any]], mentions: Iterable[Mapping[str, Any]]) -> dict[str, Table]:
    """Every CSV file of the export: file name → (header, rows), node files first."""
    entity_ids = {e["entity_id"] for e in entities}
    docs = document_rows(documents)
    doc_ids = {d["doc_id:ID(Document)"] for d in docs[1]}
    return {**nodes_rows(entities), "nodes_Document.csv": docs, **relationship_rows(relations, entity_ids),
            "relationships_MENTIONED_IN.csv": mention_rows(mentions, entity_ids, doc_ids)}


# ---------------------------------------------------------------- the two ways to load them

def _cypher_value(column: str) -> str:
    """The Cypher expression that reads one CSV column of ``row`` with its type."""
    kind = column.partition(":")[2]
    field = f"row.`{column}`"
    return {"int": f"toInteger({field})", "double": f"toFloat({field})", "boolean": f"toBoolean({field})",
            "string[]": f"split({field}, '{ARRAY_DELIMITER}')"}.get(kind, field)


def _property(column: str) -> str:
    return column.partition(":")[0]


def _id_space(column: str) -> str:
    """``Entity`` of ``entity_id:ID(Entity)`` or ``:END_ID(Entity)``."""
    return column.rsplit("(", 1)[1].rstrip(")")


def load_cypher(tables: Mapping[str, Table]) -> str:
    """``load.cypher``: LOAD CSV + MERGE statements for a running Neo4j 5 (the files in its import folder)."""
    lines = [
        "// A kg build for a running Neo4j 5, from the CSV files beside this script (written by `kg export`).",
        "// Put the files where the database reads imports (its import folder), then run:",
        "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher",
        "// MERGE on the ids makes a second run update the graph instead of duplicating it.",
        "// For a new, empty database, import.sh (neo4j-admin) loads the same files much faster.",
        "// Quotes are doubled inside quoted fields (RFC 4180); a backslash is an ordinary character, so set",
        "// dbms.import.csv.legacy_quote_escaping=false if a text holds a backslash before a quote.",
        "",
        "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.entity_id IS UNIQUE;",
        "CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.doc_id IS UNIQUE;",
    ]
    for name, (header, rows) in tables.items():
        lines += ["", f"// {name}: {len(rows)} rows", f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row"]
        if name.startswith("nodes_"):
            id_column, labels = header[0], name.removeprefix("nodes_").removesuffix(".csv")
            key, space = _property(id_column), _id_space(id_column)
            sets = [f"n:{labels}"] if labels != space else []
            sets += [f"n.{_property(c)} = {_cypher_value(c)}" for c in header[2:]]
            lines += [f"MERGE (n:{space} {{{key}: row.`{id_column}`}})"]
        else:
            rel = name.removeprefix("relationships_").removesuffix(".csv")
            end_space = _id_space(header[1])
            end_key = "doc_id" if end_space == "Document" else "entity_id"
            props = header[3:]
            # a relationship is matched on its id (relations) or on its offsets (mentions)
            keys = ["relation_id"] if "relation_id" in props else ["mention_start:int", "mention_end:int"]
            match = ", ".join(f"{_property(c)}: {_cypher_value(c)}" for c in keys)
            sets = [f"r.{_property(c)} = {_cypher_value(c)}" for c in props if c not in keys]
            lines += [f"MATCH (h:Entity {{entity_id: row.`{header[0]}`}})",
                      f"MATCH (t:{end_space} {{{end_key}: row.`{header[1]}`}})",
                      f"MERGE (h)-[r:{rel} {{{match}}}]->(t)"]
        lines += ["SET " + ",\n    ".join(sets) + ";"] if sets else [";"]
    return "\n".join(lines) + "\n"


def import_script(tables: Mapping[str, Table]) -> str:
    """``import.sh``: the neo4j-admin command that imports the files into a new database (Neo4j 5)."""
    files = [f"  --{'nodes' if n.startswith('nodes_') else 'relationships'}={n} \\" for n in tables]
    return "\n".join([
        "#!/bin/sh",
        "# Import this kg build into a new Neo4j 5 database with neo4j-admin (written by `kg export`).",
        "# Run it from this folder with the database stopped: sh import.sh [DATABASE]   (default: neo4j)",
        "# An existing database is refused; add --overwrite-destination=true to replace it.",
        "set -e",
        'cd "$(dirname "$0")"',
        "neo4j-admin database import full \\",
        *files,
        f"  --array-delimiter='{ARRAY_DELIMITER}' --multiline-fields=true \\",
        '  "${1:-neo4j}"',
    ]) + "\n"


# ---------------------------------------------------------------- writing the folder

def check_dest(dest: Path) -> None:
    """Refuse a destination that is a file or holds files an export does not write (it is replaced whole)."""
    if dest.exists() and not dest.is_dir():
        raise KgUsageError(f"--dest {dest} is a file; give a folder for the Neo4j files")
    clean_stale(dest)
    if dest.is_dir():
        foreign = sorted(p.name for p in dest.iterdir() if not _OWN_FILE.fullmatch(p.name) and not p.name.startswith("."))
        if foreign:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise KgUsageError(f"--dest {dest} holds files kg export did not write ({shown}); the export replaces "
                               f"the whole folder, so give a new or empty folder")


def write_neo4j(dest: str | Path, entities: list[Mapping[str, Any]], relations: Iterable[Mapping[str, Any]],
                documents: Iterable[Mapping[str, Any]], mentions: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Write the export of these tables (rows as in the CSV files) into ``dest``, as one unit.

    Returns the rows of each CSV file. The files are written into a folder
    beside ``dest`` that then takes its place (:func:`kg.export.outputs.publish`).
    """
    dest = Path(dest)
    check_dest(dest)
    tables = neo4j_tables(entities, relations, documents, mentions)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_dir(dest)
    except OSError as exc:  # as kg build says of --out: one line, not a traceback
        raise KgUsageError(f"cannot write the export to {dest}: {exc.strerror} (the folder that holds it "
                           f"must be writable)") from None
    try:
        for name, (header, rows) in tables.items():
            write_csv(staging / name, header, rows)
        for name, text in (("load.cypher", load_cypher(tables)), ("import.sh", import_script(tables))):
            with atomic_open(staging / name, newline="\n") as fh:
                fh.write(text)
        publish(staging, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: len(rows) for name, (_, rows) in tables.items()}
