"""`kg.build()`: the seeds built in memory give the tables, graph and answers of `kg build` to a folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.errors import KgUsageError
from kg.export.frames import TABLE_COLUMNS, read_table
from kg.query.api import QUESTIONS
from tests.conftest import SEEDS
from tests.test_api import sample_args

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def records():
    """The seed articles as records: their text, and the doc_id `kg build` gives the files."""
    return [{"doc_id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEED_FILES]


@pytest.fixture(scope="module")
def in_memory(records):
    return kg.build(records)


def test_the_tables_equal_those_kg_build_writes(in_memory, seed_build):
    assert len(in_memory.entities) > 100 and len(in_memory.relations) > 100
    for name in ("entities", "relations", "mentions"):
        written = read_table(name, seed_build / f"{name}.csv")
        assert list(getattr(in_memory, name).columns) == TABLE_COLUMNS[name]
        assert getattr(in_memory, name).equals(written), name
    assert in_memory.relations["start"].dtype.kind == "i"
    # documents differ only where a record is not a file: its path and format
    docs = read_table("documents", seed_build / "documents.csv")
    same = [c for c in TABLE_COLUMNS["documents"] if c not in ("path", "format")]
    assert in_memory.documents[same].equals(docs[same])
    assert set(in_memory.documents["path"]) == {f"<texts>:{n}" for n in range(1, 6)}


def test_plain_texts_give_the_same_entities(seed_build):
    res = kg.build([p.read_text(encoding="utf-8") for p in SEED_FILES])
    assert list(res.documents["doc_id"]) == [f"text-{n}" for n in range(1, 6)]
    assert res.entities.equals(read_table("entities", seed_build / "entities.csv"))  # ids come from names, not doc_ids


def test_the_graph_is_that_of_graph_graphml(in_memory, seed_build):
    written = nx.read_graphml(seed_build / "graph.graphml")
    assert set(in_memory.graph.nodes) == set(written.nodes)
    assert sorted(k for *_, k in in_memory.graph.edges(keys=True)) == sorted(k for *_, k in written.edges(keys=True))
    node = next(iter(written.nodes))
    assert in_memory.graph.nodes[node]["label"] == written.nodes[node]["label"]


def test_every_named_question_answers_as_kg_open(in_memory, seed_build):
    opened = kg.open(seed_build)
    for q in QUESTIONS.values():
        args = sample_args(q)
        ours, theirs = getattr(in_memory.query, q.method)(**args), getattr(opened, q.method)(**args)
        assert ours.equals(theirs) and len(theirs), q.method
    sparql = "SELECT ?n WHERE { ?e rdfs:label ?n ; kg:entityType 'PERSON' } ORDER BY ?n"
    assert in_memory.query.sparql(sparql).equals(opened.sparql(sparql))


def _comparable(path: Path) -> bytes:
    """A file's bytes without what differs between two runs by design (timings)."""
    if path.name == "report.json":
        report = json.loads(path.read_text(encoding="utf-8"))
        report.pop("timings_s"), report.pop("throughput_chars_per_s")
        return json.dumps(report, sort_keys=True).encode()
    if path.name == "kg-state.jsonl.gz":
        return gzip.decompress(path.read_bytes())
    return path.read_bytes()


def test_save_writes_the_folder_kg_build_writes(seed_build, tmp_path):
    res = kg.build(Path(SEEDS / "*.txt"))  # a glob as a Path: read as `kg build` reads its INPUT
    assert list(res.documents["path"]) == [str(p) for p in SEED_FILES]
    out = res.save(tmp_path / "out")
    files = sorted(p.name for p in seed_build.iterdir())
    assert sorted(p.name for p in out.iterdir()) == files
    for name in files:
        assert _comparable(out / name) == _comparable(seed_build / name), name
    assert res.report == {**json.loads((out / "report.json").read_text(encoding="utf-8")), "timings_s": res.report["timings_s"],
                          "throughput_chars_per_s": res.report["throughput_chars_per_s"]}
    with pytest.raises(KgUsageError, match="lies inside the input folder"):
        kg.build(SEEDS).save(SEEDS / "out")


def test_an_update_of_a_saved_build_adds_only_new_documents(records, tmp_path):
    out = kg.build(records[:2]).save(tmp_path / "out")
    (tmp_path / "c.txt").write_text(records[2]["text"], encoding="utf-8")
    from kg.run.build import update

    result = update(out, [str(tmp_path / "c.txt")], progress=False)
    assert (result.update.added, result.update.unchanged) == (1, 0)
    assert read_table("documents", out / "documents.csv")["doc_id"].tolist() == [records[0]["doc_id"], records[1]["doc_id"], "c"]


def test_workers_give_the_same_result(records, in_memory):
    two = kg.build(records, workers=2)
    for name in ("entities", "relations", "mentions", "documents"):
        assert getattr(two, name).equals(getattr(in_memory, name)), name


def test_how_inputs_are_told_apart(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("青岛蓝谷管理局副局长徐一冰表示。", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"input 1 .* names a file or folder: give pathlib.Path"):
        res = kg.build([str(path), path, {"doc_id": "r", "title": "蓝谷", "text": "青岛蓝谷管理局副局长徐一冰表示。"},
                        {"doc_id": "a", "text": "青岛蓝谷"}, {"title": "no text"}])
    rows = res.documents[["doc_id", "path", "status", "error", "title"]].values.tolist()
    assert rows[0][:3] == ["text-1", "<texts>:1", "ok"]  # a str is text, even one that names a file
    assert rows[1][:3] == ["a", str(path), "ok"]  # a Path is read
    assert rows[2] == ["r", "<texts>:3", "ok", "", "蓝谷"]  # a record keeps its metadata
    assert rows[3][:3] == ["a", "<texts>:4", "rejected"] and rows[3][3].startswith("E106")  # the file had doc_id a
    assert rows[4][:3] == ["text-5", "<texts>:5", "rejected"] and rows[4][3].startswith("E105")
    assert res.report["documents"] == {"ok": 3, "rejected": 2, "total": 5}
    one = kg.build("青岛蓝谷管理局副局长徐一冰表示。")  # a lone str is one text, not its characters
    assert list(one.documents["doc_id"]) == ["text-1"] and set(one.entities["name"]) == {"青岛蓝谷管理局", "徐一冰"}


@pytest.mark.parametrize("given,message", [
    ([], "no input"),
    ([b"bytes"], "input 1 is bytes"),
    (["青岛", 3], "input 2 is int"),
])
def test_bad_inputs_are_one_line_usage_errors(given, message):
    with pytest.raises(KgUsageError, match=message):
        kg.build(given)


def test_bad_options_are_usage_errors():
    with pytest.raises(KgUsageError, match="thulac"):
        kg.build(["青岛"], segmenter="thulac")
    with pytest.raises(KgUsageError, match="--workers must be at least 1"):
        kg.build(["青岛"], workers=0)
