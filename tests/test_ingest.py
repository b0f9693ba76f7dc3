"""Ingest: encodings, formats and bad inputs, each file created by the test."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import Err, InputError
from kg.text.ingest import Rejected, decode_bytes, iter_inputs, iter_jsonl, line_starts, read_file

SIMPLIFIED = "青岛蓝谷管理局副局长徐一冰表示，蓝谷将聚焦海洋生物医药产业链，建设海洋信息产业园。"
TRADITIONAL = "青島藍谷管理局副局長徐一冰表示，藍谷將聚焦海洋生物醫藥產業鏈，建設海洋信息產業園。"


@pytest.mark.parametrize(
    ("text", "data_of", "encoding"),
    [
        (SIMPLIFIED, lambda t: t.encode("gbk"), "gb18030"),
        (SIMPLIFIED, lambda t: t.encode("gb18030"), "gb18030"),
        (TRADITIONAL, lambda t: t.encode("big5"), "big5hkscs"),
        (SIMPLIFIED, lambda t: t.encode("utf-16"), "utf-16"),  # with BOM, as Python writes it
        (SIMPLIFIED, lambda t: t.encode("utf-16-le"), "utf-16"),  # BOM-less
        (SIMPLIFIED, lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        (TRADITIONAL, lambda t: t.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, lambda t: t.encode("utf-32"), "utf-32"),
    ],
    ids=["gbk", "gb18030", "big5", "utf16-bom", "utf16le-nobom", "utf8-bom", "utf8", "utf32"],
)
def test_encodings_decode_to_the_same_text(tmp_path, text, data_of, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes(data_of(text))
    doc = read_file(path)
    assert doc.raw_text == text
    assert doc.encoding == encoding
    assert doc.doc_id == "doc"


def test_short_gbk_text_is_not_read_as_korean():
    assert decode_bytes("青岛蓝谷管理局".encode("gbk")) == ("青岛蓝谷管理局", "gb18030")


@pytest.mark.parametrize(
    ("data", "err"),
    [
        (b"", Err.EMPTY),
        (b"   \n\n\t ", Err.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", Err.BINARY),
        (bytes(range(256)) * 8, Err.BINARY),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", Err.BINARY),
    ],
    ids=["empty", "whitespace", "png", "all-bytes", "pdf"],
)
def test_bad_bytes_are_coded_errors(tmp_path, data, err):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.err is err


def test_unreadable_file_is_rejected_not_raised(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(SIMPLIFIED, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (item,) = list(iter_inputs([str(path)]))
    assert isinstance(item, Rejected)
    assert item.error.startswith("E104") and "Permission denied" in item.error


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"doc_id": "n1", "text": SIMPLIFIED, "title": "蓝谷", "date": "20240101"}, ensure_ascii=False),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"doc_id": "n4", "text": ""}),
        "",
        json.dumps({"text": TRADITIONAL}, ensure_ascii=False),
        json.dumps({"doc_id": "n1", "text": "重复的编号"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    summary = [(i.doc_id, i.status, getattr(i, "error", "")[:4]) for i in items]
    assert summary == [
        ("n1", "ok", ""),
        ("batch-2", "rejected", "E105"),
        ("batch-3", "rejected", "E105"),
        ("n4", "rejected", "E101"),
        ("batch-6", "ok", ""),
        ("n1", "rejected", "E106"),
    ]
    assert items[0].meta == {"title": "蓝谷", "date": "20240101"}
    assert items[1].path.endswith("batch.jsonl:2")


def test_html_page_main_text_and_metadata(tmp_path):
    page = f"""<!DOCTYPE html><html><head><meta charset="gbk"><title>蓝谷新闻</title>
    <meta name="date" content="2024-03-01"></head><body>
    <nav><a href="/">首页</a> | <a href="/news">新闻</a> | 分享到微信</nav>
    <article><h1>青岛蓝谷加快建设海洋科学城</h1><p>{SIMPLIFIED}</p>
    <p>蓝谷成立了企业联盟、院所联盟、基金联盟3个子联盟，连接重点企业350余家、院所100余家。</p></article>
    <footer>版权所有 2024 某某网 鲁ICP备00000000号</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    doc = read_file(path)
    assert doc.fmt == "html" and doc.encoding == "gb18030"
    assert SIMPLIFIED in doc.raw_text
    assert "ICP" not in doc.raw_text and "分享到微信" not in doc.raw_text
    assert doc.meta["date"] == "2024-03-01"


def test_folder_recursion_glob_and_missing_input(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "a" / ".hidden.txt").write_text("hidden", encoding="utf-8")
    folder = [(d.doc_id, d.status) for d in iter_inputs([str(tmp_path / "a")])]
    assert folder == [("two", "ok"), ("one", "ok")] or folder == [("one", "ok"), ("two", "ok")]
    globbed = [d.doc_id for d in iter_inputs([str(tmp_path / "a" / "**" / "*.txt")])]
    assert sorted(globbed) == ["one", "two"]
    (missing,) = list(iter_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(missing, Rejected) and missing.error.startswith("E100")
    # the same file given twice is read once
    twice = list(iter_inputs([str(tmp_path / "a" / "one.txt"), str(tmp_path / "a")]))
    assert [d.doc_id for d in twice].count("one") == 1


def _run_build(args, cwd):
    return subprocess.run([sys.executable, "-m", "kg.cli", "build", *args], cwd=cwd, capture_output=True, text=True)


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        return {r["doc_id"]: r for r in csv.DictReader(fh)}


def test_cli_mixed_folder_rows_and_exit_code(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "gbk.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    (src / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (src / "utf16.txt").write_bytes(SIMPLIFIED.encode("utf-16"))
    (src / "bom.txt").write_bytes(SIMPLIFIED.encode("utf-8-sig"))
    (src / "empty.txt").write_bytes(b"")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    out = tmp_path / "out"
    proc = _run_build([str(src), "--out", str(out), "--quiet"], tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr == ""  # --quiet: nothing on the terminal
    rows = _rows(out)
    assert set(rows) == {"gbk", "big5", "utf16", "bom", "empty", "image"}
    for ok in ("gbk", "big5", "utf16", "bom"):
        assert rows[ok]["status"] == "ok" and rows[ok]["error"] == "" and int(rows[ok]["n_chars"]) == len(SIMPLIFIED)
    assert rows["empty"]["status"] == "rejected" and rows["empty"]["error"].startswith("E101")
    assert rows["image"]["status"] == "rejected" and rows["image"]["error"].startswith("E102")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"] == {"total": 6, "ok": 4, "rejected": 2}
    assert {r["doc_id"] for r in report["rejected"]} == {"empty", "image"}


def test_cli_empty_file_alone_exits_4(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = _run_build([str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")], tmp_path)
    assert proc.returncode == 4
    assert "E101" in proc.stderr
    row = _rows(tmp_path / "out")["empty"]
    assert (row["status"], row["error"][:4]) == ("rejected", "E101")


def test_cli_binary_file_alone_exits_4(tmp_path):
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    proc = _run_build([str(tmp_path / "blob.bin"), "--out", str(tmp_path / "out"), "-q"], tmp_path)
    assert proc.returncode == 4
    row = _rows(tmp_path / "out")["blob"]
    assert (row["status"], row["error"][:4]) == ("rejected", "E102")


def test_cli_seeds_exit_0_and_out_is_a_file_is_usage_error(tmp_path, seed_glob):
    proc = _run_build([seed_glob, "--out", str(tmp_path / "out"), "-q"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert all(r["status"] == "ok" for r in _rows(tmp_path / "out").values())
    (tmp_path / "file").write_text("x")
    proc = _run_build([seed_glob, "--out", str(tmp_path / "file")], tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "Error" in proc.stderr


_LINES = st.lists(st.sampled_from(["", "  ", "{broken", "[]", json.dumps({"text": "青岛蓝谷"}, ensure_ascii=False),
                                   json.dumps({"doc_id": "x", "text": "園區\r"}, ensure_ascii=False), "\ufeff{}", "{}\r"]),
                  max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_LINES, last_newline=st.booleans(), cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=5))
def test_jsonl_byte_ranges_cut_anywhere_read_every_line_once(tmp_path_factory, lines, last_newline, cuts):
    """The Dask engine's partitions: ranges cut at any byte give the records and line numbers of one read."""
    path = tmp_path_factory.mktemp("ranges") / "x.jsonl"
    data = ("\n".join(lines) + ("\n" if last_newline else "")).encode("utf-8")
    path.write_bytes(data)
    whole = [(r.doc_id, r.path, r.status) for r in iter_jsonl(path)]
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(data)}), len(data)]
    pieces, lineno = [], 1
    for a, b in zip(bounds, bounds[1:]):
        pieces += [(r.doc_id, r.path, r.status) for r in iter_jsonl(path, a, b, lineno)]
        lineno += line_starts(path, a, b)
    assert pieces == whole
