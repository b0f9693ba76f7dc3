"""`kg export --to neo4j`: the files follow the neo4j-admin import convention, and loaded into a real
embedded Cypher database (Kùzu) they answer the analysts' questions exactly as SPARQL does on graph.ttl.

Kùzu is the embedded Cypher engine that installs on this project's Python (FalkorDB's embedded
package needs Python 3.12). It reads the export's own files with its own CSV reader; what differs
from Neo4j is translated here, in :func:`load_into_kuzu`, and nowhere else:

* Kùzu has typed tables instead of labels and id spaces: each ``nodes_<Label>.csv`` becomes a node
  table ``<Label>`` (the ``ID`` column its primary key, ``:LABEL`` a string column ``labels``), and each
  relationship file a relationship table that may join any two node tables of its id spaces;
* Kùzu's list syntax is ``[a,b]``, not neo4j-admin's ``a;b``: ``string[]`` columns stay text here;
* Kùzu reads ``name:type`` header hints its own way, so the columns are declared from the header
  (``LOAD WITH HEADERS``), and a column named like a keyword (``end``) would need quoting, which is why
  the export writes ``evidence_start``/``evidence_end``;
* Kùzu is told the CSV dialect instead of guessing it (``_KUZU_CSV``).

The Cypher questions themselves (``MATCH (c)-[r:LOCATED_IN]->(p:Park) …``) are the ones a Neo4j user runs.
"""

from __future__ import annotations

import csv
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import kuzu
import pytest

import kg
from kg.export.neo4j import ARRAY_DELIMITER
from kg.query.export import export_build

#: neo4j-admin's property types (Neo4j 5 operations manual, "Import": header format).
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}
_KUZU_TYPES = {"int": "INT64", "long": "INT64", "double": "DOUBLE", "float": "DOUBLE", "boolean": "BOOLEAN"}
#: The files' CSV dialect (RFC 4180: quotes doubled inside quoted fields, which may span lines), told to Kùzu
#: rather than sniffed: its sniffer, reading a sample, takes a later quoted line break for a record's end.
_KUZU_CSV = "HEADER=true, PARALLEL=false, AUTO_DETECT=false, DELIM=',', QUOTE='\"', ESCAPE='\"'"


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _kuzu_column(column: str) -> tuple[str, str]:
    """A Neo4j header column as a Kùzu (name, type): ``start:int`` → (start, INT64), ``:LABEL`` → (labels, STRING)."""
    special = {":LABEL": "labels", ":TYPE": "rel_type"}
    if column in special:
        return special[column], "STRING"
    if column.startswith((":START_ID", ":END_ID")):
        return ("start_id" if column.startswith(":START") else "end_id"), "STRING"
    name, _, kind = column.partition(":")
    return name, _KUZU_TYPES.get(kind, "STRING")  # ID(...), string and string[] (kept as text) are strings


def _space(column: str) -> str:
    return re.search(r"\((\w+)\)", column).group(1)


def load_into_kuzu(folder: Path, db_path: Path):
    """The export in ``folder`` as a Kùzu database; returns a connection (see the module docs)."""
    conn = kuzu.Connection(kuzu.Database(str(db_path)))
    labels_of_space: dict[str, list[str]] = {}
    for path in sorted(folder.glob("nodes_*.csv")):
        label, header = path.stem.removeprefix("nodes_"), _header(path)
        columns = [_kuzu_column(c) for c in header]
        labels_of_space.setdefault(_space(header[0]), []).append(label)
        conn.execute(f"CREATE NODE TABLE {label}({', '.join(f'{n} {t}' for n, t in columns)}, "
                     f"PRIMARY KEY({columns[0][0]}))")
        conn.execute(f"COPY {label} FROM '{path}' ({_KUZU_CSV})")  # by position, every row
    for path in sorted(folder.glob("relationships_*.csv")):
        rel, header = path.stem.removeprefix("relationships_"), _header(path)
        columns = [_kuzu_column(c) for c in header]
        heads, tails = labels_of_space[_space(header[0])], labels_of_space[_space(header[1])]
        pairs = [(h, t) for h in heads for t in tails]
        props = ", ".join(f"{n} {t}" for n, t in columns[2:])
        conn.execute(f"CREATE REL TABLE {rel}({', '.join(f'FROM {h} TO {t}' for h, t in pairs)}, {props})")
        head_key, tail_key = _kuzu_column(_header(folder / f"nodes_{heads[0]}.csv")[0])[0], \
            _kuzu_column(_header(folder / f"nodes_{tails[0]}.csv")[0])[0]
        declared = ", ".join(f"`{n}` {t}" for n, t in columns)
        values = ", ".join(f"{n}: `{n}`" for n, _ in columns[2:])
        for h, t in pairs:
            conn.execute(f"LOAD WITH HEADERS ({declared}) FROM '{path}' ({_KUZU_CSV}) "
                         f"MATCH (a:{h} {{{head_key}: start_id}}), (b:{t} {{{tail_key}: end_id}}) "
                         f"CREATE (a)-[:{rel} {{{values}}}]->(b)")
        loaded = conn.execute(f"MATCH ()-[r:{rel}]->() RETURN count(r)").get_next()[0]
        assert loaded == len(_rows(path)), f"{path.name}: {loaded} of {len(_rows(path))} rows joined their nodes"
    return conn


def _cypher(conn, query: str) -> list[tuple]:
    result = conn.execute(query)
    rows = []
    while result.has_next():
        rows.append(tuple(result.get_next()))
    return rows


def _clean(value):
    """SPARQL answers come back with None and NaN for unbound values; compare both as None."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _table(df) -> list[tuple]:
    return sorted(tuple(_clean(v) for v in row) for row in df.itertuples(index=False))


@pytest.fixture(scope="module")
def export(seed_build, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("neo4j") / "neo4j"
    export_build(seed_build, "neo4j", dest)
    return dest


@pytest.fixture(scope="module")
def cypher(export, tmp_path_factory):
    conn = load_into_kuzu(export, tmp_path_factory.mktemp("kuzu") / "db")
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def graph(seed_build):
    return kg.open(seed_build)


# -- the analysts' questions: Cypher on the export == SPARQL on graph.ttl


COMPANIES_IN_PARKS_SPARQL = """
SELECT ?company ?park ?doc_id ?sentence ?start ?end WHERE {
  ?st kg:relationType "LOCATED_IN" ; kg:subject ?c ; kg:object ?p ;
      prov:wasDerivedFrom/dcterms:identifier ?doc_id ; prov:qualifiedDerivation/prov:entity ?s .
  ?s kg:text ?sentence ; kg:startOffset ?start ; kg:endOffset ?end .
  ?c rdfs:label ?company . ?p a kg:Park ; rdfs:label ?park .
}"""
COMPANIES_IN_PARKS_CYPHER = """
MATCH (c)-[r:LOCATED_IN]->(p:Park)
RETURN c.name, p.name, r.doc_id, r.evidence, r.evidence_start, r.evidence_end"""


def test_companies_in_each_park_are_the_sparql_answer(cypher, graph):
    rows = sorted(_cypher(cypher, COMPANIES_IN_PARKS_CYPHER))
    assert len(rows) >= 20 and len({r[1] for r in rows}) >= 3  # the seeds place companies in several parks
    assert rows == _table(graph.sparql(COMPANIES_IN_PARKS_SPARQL))


def test_companies_in_a_park_are_the_apis_answer(cypher, graph):
    rows = _cypher(cypher, COMPANIES_IN_PARKS_CYPHER.replace("RETURN", "RETURN p.aliases,"))
    parks = sorted({r[2] for r in rows})
    for park in parks:
        # the API matches a park by name or alias: so does this filter
        mine = sorted(r[1:] for r in rows if r[2] == park or park in (r[0] or "").split(ARRAY_DELIMITER))
        assert mine == _table(graph.companies_in(park)), park


def test_posts_of_everyone_and_of_one_person(cypher, graph):
    query = ("MATCH (p:Person)-[r:HOLDS_POST]->(o) "
             "RETURN p.name, o.name, r.title, r.doc_id, r.evidence, r.evidence_start, r.evidence_end")
    rows = sorted(_cypher(cypher, query))
    assert len(rows) >= 10 and any(r[0] == "徐一冰" and r[2] == "副局长" for r in rows)
    assert rows == _table(graph.posts())
    assert [r for r in rows if r[0] == "徐一冰"] == _table(graph.posts("徐一冰"))


def test_funds_with_size_and_operator(cypher, graph):
    query = ("MATCH (f:Fund) OPTIONAL MATCH (o)-[r:OPERATES]->(f) "
             "RETURN f.name, f.size, f.size_yuan, o.name, r.doc_id, r.evidence")
    rows = sorted(_cypher(cypher, query), key=repr)
    assert any(r[2] == 9.6e9 and r[3] == "青岛蓝谷" for r in rows)  # 96亿元, run by 青岛蓝谷
    assert rows == sorted(_table(graph.funds()), key=repr)


def test_mentions_of_an_entity_with_their_articles(cypher, graph, seeds_dir):
    query = ("MATCH (e)-[m:MENTIONED_IN]->(d:Document) WHERE e.name = '青岛蓝谷' "
             "RETURN d.doc_id, m.mention_start, m.mention_end, m.text, d.title")
    rows = sorted(_cypher(cypher, query))
    api = graph.mentions("青岛蓝谷")
    assert [r[:4] for r in rows] == _table(api[["doc_id", "start", "end", "text"]]) and len(rows) >= 10
    doc_id, start, end, text, _ = rows[0]
    assert (seeds_dir / f"{doc_id}.txt").read_text(encoding="utf-8")[start:end] == text


# -- the files: neo4j-admin's header convention, complete, deterministic


def test_every_file_follows_the_neo4j_admin_header_convention(export):
    nodes, rels = sorted(export.glob("nodes_*.csv")), sorted(export.glob("relationships_*.csv"))
    assert {p.stem for p in nodes} >= {"nodes_Park", "nodes_Company", "nodes_Person", "nodes_Document"}
    ids: dict[str, set[str]] = {}
    for path in nodes:
        header = _header(path)
        assert re.fullmatch(r"\w+:ID\((Entity|Document)\)", header[0]) and header[1] == ":LABEL", header
        label = path.stem.removeprefix("nodes_")
        for row in _rows(path):
            assert row[":LABEL"].split(ARRAY_DELIMITER) == (["Document"] if label == "Document" else ["Entity", label])
            ids.setdefault(_space(header[0]), set()).add(row[header[0]])
        for column in header[2:]:
            name, _, kind = column.partition(":")
            assert name and (not kind or kind.removesuffix("[]") in NEO4J_TYPES), column
    for path in rels:
        header = _header(path)
        assert header[:3] == [":START_ID(Entity)", f":END_ID({_space(header[1])})", ":TYPE"], header
        rel = path.stem.removeprefix("relationships_")
        for row in _rows(path):  # what neo4j-admin checks: every end is a node of its id space
            assert row[":TYPE"] == rel
            assert row[header[0]] in ids["Entity"] and row[header[1]] in ids[_space(header[1])]
        for column in header[3:]:
            name, _, kind = column.partition(":")
            assert name not in ("start", "end") and (not kind or kind in NEO4J_TYPES), column


def test_the_export_holds_every_row_of_the_build(export, seed_build):
    entities, relations = _rows(seed_build / "entities.csv"), _rows(seed_build / "relations.csv")
    nodes = [r for p in export.glob("nodes_*.csv") if p.stem != "nodes_Document" for r in _rows(p)]
    assert sorted(r["entity_id:ID(Entity)"] for r in nodes) == sorted(e["entity_id"] for e in entities)
    facts = [r for p in export.glob("relationships_*.csv") if p.stem != "relationships_MENTIONED_IN" for r in _rows(p)]
    assert sorted((r[":START_ID(Entity)"], r[":TYPE"], r[":END_ID(Entity)"], r["doc_id"], r["evidence"])
                  for r in facts) == sorted((r["head_id"], r["relation"], r["tail_id"], r["doc_id"], r["evidence"])
                                            for r in relations)
    assert all(0 < float(r["confidence:double"]) <= 1 and r["rule"] for r in facts)
    assert len(_rows(export / "relationships_MENTIONED_IN.csv")) == len(_rows(seed_build / "mentions.csv"))


def test_load_cypher_and_import_sh_name_every_file_and_column(export):
    script = (export / "load.cypher").read_text(encoding="utf-8")
    command = (export / "import.sh").read_text(encoding="utf-8")
    csvs = sorted(p.name for p in export.glob("*.csv"))
    assert sorted(re.findall(r"LOAD CSV WITH HEADERS FROM 'file:///([^']+)' AS row", script)) == csvs
    assert sorted(re.findall(r"--(?:nodes|relationships)=(\S+)", command)) == csvs
    for statement in script.split("\n\n")[2:]:  # after the comments and the constraints: one per file
        name = re.search(r"file:///([^']+)", statement).group(1)
        for column in _header(export / name):
            if column not in (":LABEL", ":TYPE"):  # labels and types are written into the statement
                assert f"row.`{column}`" in statement, (name, column)
        assert statement.rstrip().endswith(";") and ("MERGE (n:" in statement or "MERGE (h)-[r:" in statement)


def test_same_build_gives_the_same_bytes_and_a_rerun_replaces_the_folder(export, seed_build, tmp_path):
    again = tmp_path / "again"
    export_build(seed_build, "neo4j", again)
    assert sorted(p.name for p in again.iterdir()) == sorted(p.name for p in export.iterdir())
    for p in export.iterdir():
        assert (again / p.name).read_bytes() == p.read_bytes(), p.name
    (again / "relationships_GONE.csv").write_text("stale\n", encoding="utf-8")  # as an older export might have left
    export_build(seed_build, "neo4j", again)
    assert not (again / "relationships_GONE.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["again"]  # no staging folder left beside it


def test_a_destination_with_other_files_is_refused_untouched(seed_build, tmp_path):
    from kg.errors import KgUsageError

    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(KgUsageError, match="holds files kg export did not write"):
        export_build(seed_build, "neo4j", dest)
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    with pytest.raises(KgUsageError, match="is the build folder"):
        export_build(seed_build, "neo4j", seed_build)


def test_the_cli_exports_into_the_build_folder_and_a_rebuild_drops_it(tmp_path, seed_glob):
    from kg.run.build import build

    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    res = subprocess.run([sys.executable, "-m", "kg.cli", "export", str(out), "--to", "neo4j"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and res.stdout == "", res.stderr
    assert res.stderr.startswith(f"{len(_rows(out / 'entities.csv')) + len(_rows(out / 'documents.csv'))} nodes, ")
    assert str(out / "neo4j") in res.stderr and (out / "neo4j" / "load.cypher").is_file()
    assert build([seed_glob], out, progress=False).exit_code == 0  # the folder is kg's: the build replaces it
    assert not (out / "neo4j").exists()


@pytest.fixture(scope="module")
def two_seed_build(tmp_path_factory, seeds_dir):
    from kg.run.build import build

    out = tmp_path_factory.mktemp("two-seeds") / "out"
    assert build([str(p) for p in sorted(seeds_dir.glob("*.txt"))[:2]], out, progress=False).exit_code == 0
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("point", ["wrote relationships_LOCATED_IN.csv", "wrote load.cypher", "staged", "exchanged"])
def test_a_killed_export_leaves_the_previous_one_or_the_new_one_whole(seed_build, two_seed_build, tmp_path, point):
    dest = tmp_path / "neo4j"
    export_build(seed_build, "neo4j", tmp_path / "new")
    export_build(two_seed_build, "neo4j", dest)
    old, new = _files(dest), _files(tmp_path / "new")
    assert old != new
    env = {**os.environ, "KG_FAULT_KILL": point}
    res = subprocess.run([sys.executable, "-m", "kg.cli", "export", str(seed_build), "--to", "neo4j", "--dest", str(dest)],
                         env=env, capture_output=True, timeout=300)
    assert res.returncode == -9, f"the export did not reach {point!r}"
    assert _files(dest) == (new if point == "exchanged" else old)
    export_build(seed_build, "neo4j", dest)  # the next export removes what the killed one left
    assert _files(dest) == new and sorted(p.name for p in tmp_path.iterdir()) == ["neo4j", "new"]
