"""Build-level guarantees: same input, same bytes; interrupted writes leave the old file."""

from __future__ import annotations

import pytest

from kg.run.build import build
from kg.export.outputs import atomic_open, write_csv


def test_same_input_gives_byte_identical_outputs(tmp_path, seed_glob):
    a = build([seed_glob], tmp_path / "a", progress=False)
    b = build([seed_glob], tmp_path / "b", progress=False)
    assert a.exit_code == b.exit_code == 0
    for name in ("documents.csv", "mentions.csv", "entities.csv", "relations.csv", "documents.parquet",
                 "mentions.parquet", "entities.parquet", "relations.parquet"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert a.report["entities"] == b.report["entities"]


def test_failed_write_keeps_previous_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "entities.csv"
    write_csv(target, ["a"], [{"a": "old"}])
    before = target.read_bytes()

    def rows():
        yield {"a": "new"}
        raise KeyboardInterrupt  # interrupted half-way through the rows

    with pytest.raises(KeyboardInterrupt):
        write_csv(target, ["a"], rows())
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["entities.csv"]


def test_atomic_open_creates_parent_and_replaces(tmp_path):
    target = tmp_path / "sub" / "report.json"
    with atomic_open(target) as fh:
        fh.write("{}\n")
    assert target.read_text() == "{}\n"


def test_two_workers_give_the_same_bytes_as_one(tmp_path, seed_glob):
    one = build([seed_glob], tmp_path / "one", progress=False, workers=1)
    two = build([seed_glob], tmp_path / "two", progress=False, workers=2)
    assert one.exit_code == two.exit_code == 0
    for name in ("documents.csv", "mentions.csv", "entities.csv", "relations.csv", "graph.ttl", "graph.nt",
                 "graph.graphml", "graph.gexf", "relations.parquet", "entities.parquet"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert two.report["workers"] == 2


def test_workers_keep_bad_inputs_in_order(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"d{i:02d}.txt").write_text("青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。", encoding="utf-8")
    (src / "d05.txt").write_bytes(b"")
    (src / "d07.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = build([str(src)], tmp_path / "out", progress=False, workers=2)
    assert result.exit_code == 3
    assert [r["doc_id"] for r in result.documents] == [f"d{i:02d}" for i in range(12)]
    assert [r["status"] for r in result.documents].count("rejected") == 2


def test_killed_build_leaves_previous_outputs_intact(tmp_path, seed_glob):
    """SIGKILL in the middle of a long build: every output file is still the previous build's."""
    import json
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import SEEDS

    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": texts[i % 5]}, ensure_ascii=False) + "\n"
                           for i in range(400)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(out), "-q"])
    time.sleep(4)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".kg-staging-")}
    assert after == before
    assert build([seed_glob], out, progress=False).exit_code == 0  # the next build cleans up
    assert not list(out.glob(".kg-staging-*"))


def test_bad_options_are_clean_errors_before_any_work(tmp_path, seed_glob):
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    res = runner.invoke(main, ["build", seed_glob, "--out", str(tmp_path / "out"), "--base", "not an iri"])
    assert res.exit_code == 2 and "--base 'not an iri' is not an absolute IRI" in res.output
    assert "Traceback" not in res.output and not (tmp_path / "out" / "documents.csv").exists()
    res = runner.invoke(main, ["build", "--help"])
    assert res.exit_code == 0 and all(o in res.output for o in ("--update", "--engine", "--scheduler", "--workers"))


def test_the_seeds_folder_builds_as_advertised(tmp_path):
    # seeds/ holds the five articles only (their gold lives in benchmarks/gold/), so the
    # folder form of the main job reads no gold file as news and rejects nothing.
    from tests.conftest import SEEDS

    result = build([str(SEEDS)], tmp_path / "out", progress=False)
    assert result.exit_code == 0
    assert sorted(r["doc_id"] for r in result.documents) == sorted(p.stem for p in SEEDS.glob("*.txt"))
