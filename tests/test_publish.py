"""A build is published as one unit, and a slip of the hand never costs the previous one.

Each test here failed on the code before outputs were published as one unit
(issue: defects found by fuzzing and misuse).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kg.export import outputs
from kg.run.build import build
from kg.export.outputs import OUTPUT_NAMES

CLI = [sys.executable, "-m", "kg.cli"]


def _digest(out: Path) -> dict[str, str]:
    """Every file of a build folder by name, as a hash of its bytes (report.json without timings)."""
    found = {}
    for p in sorted(out.iterdir()):
        data = p.read_bytes()
        if p.name == "report.json":
            report = json.loads(data)
            report.pop("timings_s"), report.pop("throughput_chars_per_s")
            data = json.dumps(report, sort_keys=True).encode()
        found[p.name] = hashlib.sha256(data).hexdigest()
    return found


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.kg-"))


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, seed_glob):
    """The outputs of two different builds (two seeds, then all five), to tell old from new."""
    from tests.conftest import SEEDS

    base = tmp_path_factory.mktemp("two")
    first = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    assert build(first, base / "old", progress=False).exit_code == 0
    assert build([seed_glob], base / "new", progress=False).exit_code == 0
    old, new = _digest(base / "old"), _digest(base / "new")
    assert old != new
    return first, old, new


def _kill_points() -> list[str]:
    names = ["documents.csv", "mentions.csv", "relations.csv", "entities.csv", "relations.parquet", "graph.ttl",
             "graph.graphml", "graph.gexf", "report.json"]
    return [f"wrote {n}" for n in names] + ["staged", "exchanged", "published"]


@pytest.mark.parametrize("point", _kill_points())
def test_a_kill_at_any_step_of_publishing_leaves_the_old_or_the_new_build(tmp_path, seed_glob, two_builds, point):
    first, old, new = two_builds
    out = tmp_path / "out"
    assert build(first, out, progress=False).exit_code == 0
    env = dict(os.environ, KG_FAULT_KILL=point)
    proc = subprocess.run([*CLI, "build", seed_glob, "--out", str(out), "-q"], env=env)
    assert proc.returncode == -9, f"the build did not reach {point!r}"
    now = _digest(out)
    assert now in (old, new), f"killed at {point!r}: a mix of two builds"
    assert now == (new if point in ("exchanged", "published") else old)
    # the next build removes what the killed one left and publishes normally
    assert build([seed_glob], out, progress=False).exit_code == 0
    assert _digest(out) == new and not _leftovers(out)


def test_without_an_atomic_exchange_a_kill_between_the_renames_is_repaired(tmp_path, seed_glob, two_builds,
                                                                          monkeypatch):
    first, old, new = two_builds
    out = tmp_path / "out"
    assert build(first, out, progress=False).exit_code == 0
    # a child that has no exchange and dies between its two renames
    code = ("import sys; from kg.export import outputs; outputs._exchange = lambda a, b: False; "
            "from kg.cli import main; sys.argv = ['kg', 'build', sys.argv[1], '--out', sys.argv[2], '-q']; main()")
    env = dict(os.environ, KG_FAULT_KILL="moved-aside")
    assert subprocess.run([sys.executable, "-c", code, seed_glob, str(out)], env=env).returncode == -9
    assert not out.exists()  # the instant the fallback cannot avoid
    outputs.clean_stale(out)  # what every start does: the previous build comes back
    assert _digest(out) == old
    monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    assert build([seed_glob], out, progress=False).exit_code == 0
    assert _digest(out) == new and not _leftovers(out)


def test_a_build_that_reads_nothing_keeps_the_previous_one(tmp_path, seed_glob):
    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    before = _digest(out)
    typo = seed_glob.replace("seeds", "seed")  # the slip of the hand: no such folder
    proc = subprocess.run([*CLI, "build", typo, "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 4
    assert "previous build" in proc.stderr and "unchanged" in proc.stderr
    assert _digest(out) == before and not _leftovers(out)


def test_a_first_build_that_reads_nothing_still_lists_the_rejections(tmp_path):
    out = tmp_path / "out"
    result = build([str(tmp_path / "missing" / "*.txt")], out, progress=False)
    assert result.exit_code == 4 and not result.kept_previous
    assert [r["status"] for r in result.documents] == ["rejected"]
    assert (out / "documents.csv").is_file()


def test_out_that_is_or_lies_inside_an_input_folder_is_refused(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("青岛蓝谷管理局副局长徐一冰表示，蓝谷聚焦海洋产业。", encoding="utf-8")
    for out, words in ((news, "is or holds the input"), (news / "out", "lies inside the input folder")):
        proc = subprocess.run([*CLI, "build", str(news), "--out", str(out)], capture_output=True, text=True)
        assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in news.iterdir()) == ["a.txt"]


def test_out_with_files_kg_did_not_write_is_refused_and_kept(tmp_path, seed_glob):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    proc = subprocess.run([*CLI, "build", seed_glob, "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 2 and "notes.txt" in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_an_output_folder_that_cannot_be_written_is_a_usage_error(tmp_path, seed_glob):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    for out in (blocker / "out", Path("/proc/kg-cannot-write-here")):
        proc = subprocess.run([*CLI, "build", seed_glob, "--out", str(out)], capture_output=True, text=True)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.startswith("Error: ") and "Traceback" not in proc.stderr


def test_the_build_folder_holds_only_the_contract_files(tmp_path, seed_glob):
    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    assert {p.name for p in out.iterdir()} <= OUTPUT_NAMES
    assert not _leftovers(out)


def test_a_carriage_return_in_any_field_is_quoted_and_reads_back(tmp_path):
    """A bare CR in a doc_id, a title and an evidence sentence: every CSV reads back row for row."""
    src = tmp_path / "in.jsonl"
    text = "青岛蓝谷管理局副局长徐一冰表示，\r蓝谷聚焦海洋产业。\r\n海尔集团\r位于青岛高新区。\u2028完"
    rows = [{"doc_id": "a\rb", "title": "标题\r一", "text": text},
            {"doc_id": "c\u2028d", "title": "二\n行", "text": text.replace("\r", "\n")}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    assert build([str(src)], out, progress=False).exit_code == 0
    for name in ("documents.csv", "mentions.csv", "relations.csv", "entities.csv"):
        with open(out / name, encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
        widths = {len(r) for r in records}
        assert len(widths) == 1, f"{name}: a row split at a line break"
        frame = pd.read_csv(out / name, dtype=str, keep_default_na=False)
        assert len(frame) == len(records) - 1
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(docs["doc_id"]) == ["a\rb", "c\u2028d"]
    assert "标题\r一" in set(docs["title"])
    relations = pd.read_csv(out / "relations.csv", dtype=str, keep_default_na=False)
    assert any("\r" in e for e in relations["evidence"])
    proc = subprocess.run([*CLI, "view", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
