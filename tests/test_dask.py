"""The Dask engine on a LocalCluster of two worker processes (loopback only): the same bytes as the local engine."""

from __future__ import annotations

import json
import shutil
import socket

import psutil
import pytest
from click.testing import CliRunner

import kg.run.dask_engine
from kg.run.build import build, update
from kg.cli import main
from kg.run.state import STATE_FILE
from tests.conftest import SEEDS

OUTPUTS = ("documents.csv", "mentions.csv", "entities.csv", "relations.csv", "graph.ttl", "graph.nt", "graph.graphml",
           "graph.gexf", STATE_FILE, "documents.parquet", "mentions.parquet", "entities.parquet", "relations.parquet")


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes and a scheduler on 127.0.0.1, closed after the module."""
    from distributed import LocalCluster

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as c:
        assert c.scheduler_address.startswith("tcp://127.0.0.1:")
        yield c
    _assert_gone(before)


def _assert_gone(before):
    """No process started since ``before`` outlives its cluster.

    multiprocessing's resource tracker is not a cluster process: spawning the first worker starts it once
    for the life of the test process, and it ends with that process.
    """
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    psutil.wait_procs(left, timeout=10)
    alive = []
    for p in left:
        try:
            cmd = " ".join(p.cmdline())
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in cmd:
                alive.append(cmd)
        except psutil.NoSuchProcess:
            pass
    assert not alive


def _same_outputs(a, b):
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture()
def corpus(tmp_path):
    """Seeds, and a JSONL file with records without doc_id, bad lines, an empty text and a seed's doc_id again."""
    src = tmp_path / "in"
    src.mkdir()
    texts = []
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, src / p.name)
        texts.append(p.read_text(encoding="utf-8"))
    lines = [json.dumps({"text": t[:1500]}, ensure_ascii=False) for t in texts]  # ids from line numbers
    lines[1:1] = ["{broken", "", json.dumps({"doc_id": "empty", "text": ""})]
    lines.append(json.dumps({"doc_id": sorted(SEEDS.glob("*.txt"))[0].stem, "text": texts[3]}, ensure_ascii=False))
    lines.append(json.dumps({"doc_id": "late", "text": "青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。"}, ensure_ascii=False))
    (src / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def test_dask_engine_gives_the_local_engines_bytes(tmp_path, cluster, corpus, monkeypatch):
    # tiny partitions: the JSONL file is read in many byte ranges, several on each worker
    monkeypatch.setattr(kg.run.dask_engine, "MIN_PARTITION_BYTES", 1500)
    monkeypatch.setattr(kg.run.dask_engine, "MAX_PARTITION_BYTES", 1500)
    sources = kg.run.dask_engine.list_sources([str(corpus)])
    assert len(kg.run.dask_engine.partitions(sources, 2)) > 10
    inputs = [str(corpus), str(tmp_path / "missing.txt")]
    local = build(inputs, tmp_path / "local", progress=False)
    dask = build(inputs, tmp_path / "dask", progress=False, scheduler=cluster.scheduler_address)
    assert local.exit_code == dask.exit_code == 3
    assert dask.report["engine"] == "dask"
    errors = {r["doc_id"]: r["error"][:4] for r in local.documents if r["status"] == "rejected"}
    assert errors == {"more-2": "E105", "empty": "E101", sorted(SEEDS.glob("*.txt"))[0].stem: "E106", "missing": "E100"}
    assert {"more-1", "more-5", "late"} <= {r["doc_id"] for r in local.documents if r["status"] == "ok"}
    _same_outputs(tmp_path / "local", tmp_path / "dask")


def test_update_on_dask_extracts_only_the_new_documents(tmp_path, cluster, corpus):
    seeds = sorted(corpus.glob("*.txt"))
    out = tmp_path / "up"
    assert build([str(p) for p in seeds[:3]], out, progress=False).exit_code == 0
    result = update(out, [str(p) for p in seeds], progress=False, scheduler=cluster.scheduler_address)
    assert (result.update.added, result.update.unchanged) == (2, 3)
    assert result.report["timings_s"]["extract"] > 0
    assert build([str(p) for p in seeds], tmp_path / "full", progress=False).exit_code == 0
    _same_outputs(out, tmp_path / "full")


def test_engine_dask_starts_and_closes_its_own_local_cluster(tmp_path, seed_build, seed_glob):
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    res = CliRunner().invoke(main, ["build", seed_glob, "--out", str(tmp_path / "out"), "--engine", "dask",
                                    "--workers", "2", "-q"])
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert (report["engine"], report["workers"]) == ("dask", 2)
    _same_outputs(seed_build, tmp_path / "out")
    _assert_gone(before)


def test_unreachable_scheduler_is_a_clean_error(tmp_path, seed_glob, monkeypatch):
    monkeypatch.setattr(kg.run.dask_engine, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = CliRunner().invoke(main, ["build", seed_glob, "--out", str(tmp_path / "out"), "--scheduler",
                                    f"tcp://127.0.0.1:{port}"])
    assert res.exit_code == 2
    assert "cannot reach the Dask scheduler" in res.output and "dask scheduler" in res.output
    assert "Traceback" not in res.output
    assert not (tmp_path / "out" / "documents.csv").exists()


@pytest.mark.parametrize("missing", ["dask", "distributed"])
@pytest.mark.parametrize("how", [["--engine", "dask"], ["--scheduler", "tcp://127.0.0.1:9"]])
def test_without_the_dask_extra_a_dask_build_says_how_to_install_it(tmp_path, seed_glob, monkeypatch, missing, how):
    """kg's base install has no Dask: the build stops before anything is written and names the extra."""
    monkeypatch.setitem(__import__("sys").modules, missing, None)  # `import <missing>` raises ImportError
    res = CliRunner().invoke(main, ["build", seed_glob, "--out", str(tmp_path / "out"), *how])
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == (f"Error: --engine dask needs the dask extra ({missing} is not installed): install it with "
                          "`pip install 'zh-innovation-kg[dask]'` (in a checkout, `make setup` does)\n")
    assert not (tmp_path / "out").exists()
    # the local engine does not need it
    assert CliRunner().invoke(main, ["build", seed_glob, "--out", str(tmp_path / "out"), "-q"]).exit_code == 0
