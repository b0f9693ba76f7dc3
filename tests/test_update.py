"""`kg build --update`: only new documents are extracted, and the result is that of one build over all."""

from __future__ import annotations

import csv
import gzip
import json
import shutil

import pytest
from click.testing import CliRunner

import kg.run.work
from kg.run.build import build, update
from kg.cli import main
from kg.run.state import STATE_FILE
from tests.conftest import SEEDS

OUTPUTS = ("documents.csv", "mentions.csv", "entities.csv", "relations.csv", "graph.ttl", "graph.nt", "graph.graphml",
           "graph.gexf", STATE_FILE, "documents.parquet", "mentions.parquet", "entities.parquet", "relations.parquet")


@pytest.fixture()
def seeds(tmp_path):
    """A copy of the five seed articles (tests change them)."""
    src = tmp_path / "seeds"
    src.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, src / p.name)
    return src


@pytest.fixture()
def extracted(monkeypatch):
    """The doc_ids the per-document work extracts from, in order."""
    calls: list[str] = []
    real = kg.run.work.extract_document

    def counting(item, *args, **kwargs):
        calls.append(item.doc.doc_id)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(kg.run.work, "extract_document", counting)
    return calls


def _snapshot(out):
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _entity_ids(out):
    with open(out / "entities.csv", encoding="utf-8", newline="") as fh:
        return {r["entity_id"]: r["name"] for r in csv.DictReader(fh)}


def test_adding_the_fifth_seed_gives_the_build_of_all_five(tmp_path, seeds, extracted):
    files = sorted(seeds.glob("*.txt"))
    first = build([str(p) for p in files[:4]], tmp_path / "up", progress=False)
    assert first.exit_code == 0 and len(extracted) == 4
    before = _entity_ids(tmp_path / "up")
    extracted.clear()
    result = update(tmp_path / "up", [str(seeds)], progress=False)
    assert extracted == [files[4].stem]  # the four it has are not extracted again
    assert result.exit_code == 0
    assert (result.update.added, result.update.unchanged, result.update.replaced) == (1, 4, 0)
    assert result.report["update"]["added"] == 1 and result.report["documents"]["ok"] == 5
    full = build([str(seeds)], tmp_path / "full", progress=False)
    assert full.exit_code == 0
    assert _snapshot(tmp_path / "up") == _snapshot(tmp_path / "full")  # every file but the report's timings
    after = _entity_ids(tmp_path / "up")
    assert set(before) <= set(after) and len(after) > len(before)  # the ids of existing entities stay


def test_rerun_with_the_same_input_changes_nothing(tmp_path, seeds, extracted):
    out = tmp_path / "out"
    assert build([str(seeds)], out, progress=False).exit_code == 0
    files = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    extracted.clear()
    result = update(out, [str(seeds)], progress=False)
    assert extracted == [] and result.exit_code == 0
    assert not result.update.changed and result.update.unchanged == 5
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == files  # not even rewritten


def test_a_changed_document_replaces_its_old_version(tmp_path, seeds, extracted):
    out = tmp_path / "out"
    assert build([str(seeds)], out, progress=False).exit_code == 0
    changed = sorted(seeds.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n青岛蓝谷管理局局长张海鹰表示,蓝谷聚焦海洋生物医药产业。\n",
                       encoding="utf-8")
    extracted.clear()
    result = update(out, [str(seeds)], progress=False)
    assert extracted == [changed.stem]
    assert (result.update.replaced, result.update.unchanged, result.update.added) == (1, 4, 0)
    assert "张海鹰" in _entity_ids(out).values()
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        assert [r["doc_id"] for r in csv.DictReader(fh)] == sorted(p.stem for p in seeds.glob("*.txt"))  # in place
    assert build([str(seeds)], tmp_path / "full", progress=False).exit_code == 0
    assert _snapshot(out) == _snapshot(tmp_path / "full")


def test_rejected_inputs_in_updates(tmp_path, seeds):
    """A bad new input is reported and kept once; a file that failed before and reads now takes its place."""
    out = tmp_path / "out"
    broken = seeds / "zz-late.txt"
    broken.write_bytes(b"")
    assert build([str(seeds)], out, progress=False).exit_code == 3
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    first = update(out, [str(tmp_path / "bad.txt")], progress=False)
    assert first.exit_code == 4 and first.update.new_rows == 1
    again = _snapshot(out)
    second = update(out, [str(tmp_path / "bad.txt")], progress=False)
    assert second.exit_code == 4 and not second.update.changed and _snapshot(out) == again
    broken.write_text("青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。", encoding="utf-8")
    fixed = update(out, [str(broken)], progress=False)
    assert fixed.exit_code == 0 and (fixed.update.added, fixed.update.superseded) == (1, 1)
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = [(r["doc_id"], r["status"], r["error"][:4]) for r in csv.DictReader(fh)]
    assert rows[-2:] == [("bad", "rejected", "E102"), ("zz-late", "ok", "")]
    assert [r for r in rows if r[0] == "zz-late"] == [("zz-late", "ok", "")]


def test_update_of_a_folder_that_is_no_build_is_a_clean_error(tmp_path, seed_glob):
    runner = CliRunner()
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(main, ["build", "--update", str(empty), seed_glob])
    assert res.exit_code == 2 and "not a kg output folder" in res.output and "kg build INPUT... --out" in res.output
    assert "Traceback" not in res.output
    res = runner.invoke(main, ["build", "--update", str(tmp_path / "nope"), seed_glob])
    assert res.exit_code == 2 and "no such folder" in res.output
    res = runner.invoke(main, ["build", seed_glob])
    assert res.exit_code == 2 and "give --out DIR" in res.output
    res = runner.invoke(main, ["build", "--out", str(empty), "--update", str(empty), seed_glob])
    assert res.exit_code == 2 and "not both" in res.output


def test_update_keeps_the_build_settings_and_refuses_an_old_or_damaged_state(tmp_path, seed_glob):
    runner = CliRunner()
    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    res = runner.invoke(main, ["build", "--update", str(out), "--segmenter", "pkuseg", seed_glob])
    assert res.exit_code == 2 and "built with --segmenter jieba" in res.output
    state = out / STATE_FILE
    with gzip.open(state, "rb") as fh:
        header, *lines = fh.read().splitlines(keepends=True)
    old = json.loads(header) | {"version": 0}
    with gzip.open(state, "wb") as fh:
        fh.write(json.dumps(old).encode() + b"\n" + b"".join(lines))
    res = runner.invoke(main, ["build", "--update", str(out), seed_glob])
    assert res.exit_code == 2 and "state version 0" in res.output and "rebuild" in res.output
    state.write_bytes(b"not gzip")
    res = runner.invoke(main, ["build", "--update", str(out), seed_glob])
    assert res.exit_code == 2 and "is damaged" in res.output and "Traceback" not in res.output


def test_killed_update_leaves_the_previous_outputs_intact(tmp_path, seed_glob):
    """SIGKILL in the middle of a long update: every file is still the previous build's."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    before = _snapshot(out) | {"report.json": (out / "report.json").read_bytes()}
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": texts[i % 5]}, ensure_ascii=False) + "\n"
                           for i in range(400)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", "--update", str(out), str(big), "-q"])
    time.sleep(4)
    assert proc.poll() is None, "the update finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert {n: (out / n).read_bytes() for n in before} == before
    assert not update(out, [seed_glob], progress=False).update.changed
    assert not list(out.glob(".kg-staging-*"))
