"""Ingest defects that once ended a build or lost a reason: each case is written as a file by the test.

Deep JSON nesting, lone surrogates, non-string ``text``, binary bytes in a
``.jsonl`` file, UTF-8 cut inside a character, and one very long line.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text.ingest import Document, Rejected, decode_bytes, iter_inputs, iter_jsonl, line_starts, read_file
from kg.run.work import WorkSettings, pipeline, work

SIMPLIFIED = "青岛蓝谷管理局副局长徐一冰表示，蓝谷将聚焦海洋生物医药产业链，建设海洋信息产业园。"
GOOD = json.dumps({"doc_id": "good", "text": SIMPLIFIED}, ensure_ascii=False)


def _summary(items: list[Document | Rejected]) -> list[tuple[str, str, str]]:
    return [(i.doc_id, i.status, getattr(i, "error", "")[:4]) for i in items]


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
    return path


# ---------------------------------------------------------------- 1. deep nesting


@pytest.mark.parametrize(
    "line",
    [
        '{"doc_id":"deep","text":' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"doc_id":"deep","text":"x","title":' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "}",
        '{"doc_id":"deep","text":"青岛","extra":' + "[" * 5_000 + "]" * 5_000 + "}",
        "[" * 100_000,  # not even closed
    ],
    ids=["text-arrays", "title-objects", "unused-field", "unclosed"],
)
def test_deeply_nested_line_is_its_own_e105_and_the_file_goes_on(tmp_path, line):
    path = _write_lines(tmp_path / "batch.jsonl", [GOOD.replace("good", "first"), line, GOOD])
    items = list(iter_inputs([str(path)]))
    assert _summary(items) == [("first", "ok", ""), ("batch-2", "rejected", "E105"), ("good", "ok", "")]
    assert "nesting too deep" in items[1].error


def test_nesting_a_record_may_have_is_still_read(tmp_path):
    # brackets inside strings (an escaped quote among them) are text, not nesting
    note = '\\"' + "[" * 300 + "{" * 300
    record = {"doc_id": "nested", "text": SIMPLIFIED, "extra": json.loads("[" * 60 + "]" * 60), "note": note}
    path = _write_lines(tmp_path / "ok.jsonl", [json.dumps(record, ensure_ascii=False)])
    assert _summary(list(iter_inputs([str(path)]))) == [("nested", "ok", "")]


# ---------------------------------------------------------------- 2. lone surrogates


def test_lone_surrogates_in_every_field_become_u_fffd_at_the_same_offsets(tmp_path):
    lines = [
        '{"doc_id":"b\\udfff","text":"青岛\\ud800蓝谷管理局副局长徐一冰表示。","title":"t\\udfff","source":"s\\ud800",'
        '"author":"a\\udc00","date":"2024\\udfff","url":"u\\ud800"}',
        '{"doc_id":"r\\udfff","text":""}',
        '{"id":"\\ud800x","text":5}',
    ]
    path = _write_lines(tmp_path / "sur.jsonl", lines)
    doc, empty, wrong = iter_inputs([str(path)])
    assert doc.status == "ok" and doc.doc_id == "b\ufffd"
    assert doc.raw_text == "青岛\ufffd蓝谷管理局副局长徐一冰表示。"  # one code point for one: offsets do not move
    assert doc.meta == {"title": "t\ufffd", "source": "s\ufffd", "author": "a\ufffd", "date": "2024\ufffd", "url": "u\ufffd"}
    assert (empty.status, empty.doc_id) == ("rejected", "r\ufffd")
    assert (wrong.status, wrong.doc_id) == ("rejected", "\ufffdx")
    for item in (doc, empty, wrong):
        for value in vars(item).values():
            for s in value.values() if isinstance(value, dict) else [value]:
                if isinstance(s, str):
                    s.encode("utf-8")  # strict: raises on any lone surrogate left


def test_doc_id_from_an_undecodable_file_name_is_valid_unicode(tmp_path):
    name = os.fsdecode(b"bad\xff.txt")  # the file system's bytes come back as a lone surrogate
    path = tmp_path / name
    path.write_text(SIMPLIFIED, encoding="utf-8")
    (doc,) = iter_inputs([str(path)])
    assert doc.status == "ok" and doc.doc_id == "bad\ufffd"


def test_build_with_surrogates_writes_every_file(tmp_path):
    from kg.run.build import build

    src = tmp_path / "in"
    src.mkdir()
    _write_lines(src / "sur.jsonl", [
        '{"doc_id":"b\\udfff","text":"青岛蓝谷管理局副局长徐一冰表示，蓝谷\\ud800将聚焦海洋产业。","title":"蓝谷\\udfff"}',
        '{"doc_id":"r\\udfff","text":""}',
        '{"doc_id":"deep","text":' + "[" * 100_000 + "]" * 100_000 + "}",
        GOOD,
    ])
    result = build([str(src)], tmp_path / "out", progress=False)
    assert result.exit_code == 3
    rows = {r["doc_id"]: r for r in result.documents}
    assert rows["b\ufffd"]["status"] == "ok" and rows["b\ufffd"]["title"] == "蓝谷\ufffd"
    assert rows["r\ufffd"]["status"] == "rejected" and rows["sur-3"]["error"].startswith("E105")
    assert rows["good"]["status"] == "ok"
    for f in (tmp_path / "out").iterdir():
        if f.suffix == ".parquet":  # binary: its strings are decoded (strictly) into Python ones
            import pyarrow.parquet as pq

            assert pq.read_table(f).to_pylist()
            continue
        data = gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
        data.decode("utf-8")  # strict


# ---------------------------------------------------------------- 3. text that is not a string


@pytest.mark.parametrize(
    ("value", "kind"),
    [(5, "a number"), (1.5, "a number"), (True, "a boolean"), (["青岛"], "an array"), ({"a": "青岛"}, "an object"),
     (None, "null")],
    ids=["int", "float", "bool", "list", "object", "null"],
)
def test_text_that_is_not_a_string_is_malformed(tmp_path, value, kind):
    path = _write_lines(tmp_path / "x.jsonl", [json.dumps({"doc_id": "n", "text": value}, ensure_ascii=False)])
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and item.error.startswith("E105")
    assert f"'text' must be a string, not {kind}" in item.error


@pytest.mark.parametrize("value", ["", "  \n\t "], ids=["empty", "blank"])
def test_empty_string_text_stays_empty_input(tmp_path, value):
    path = _write_lines(tmp_path / "x.jsonl", [json.dumps({"doc_id": "n", "text": value})])
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and item.error.startswith("E101")


# ---------------------------------------------------------------- 4. binary bytes in a .jsonl file


def _zip_bytes(tmp_path: Path) -> bytes:
    z = tmp_path / "x.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("x.jsonl", (GOOD + "\n") * 20)
    return z.read_bytes()


@pytest.mark.parametrize(
    "data_of",
    [lambda t: gzip.compress(((GOOD + "\n") * 50).encode()), _zip_bytes,
     lambda t: b"\x00\x01\x02\x03" + b"\n{}\n" * 100 + bytes(range(256)) * 4],
    ids=["gzip", "zip", "nul-bytes"],
)
def test_binary_jsonl_file_is_one_e102_row(tmp_path, data_of):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data_of(tmp_path))
    items = list(iter_inputs([str(path)]))
    assert _summary(items) == [("batch", "rejected", "E102")]
    assert items[0].path == str(path)
    # the Dask engine reads the file in byte ranges: the ranges together still give that one row
    size = path.stat().st_size
    cuts = [0, 7, size // 2, size]
    pieces, lineno = [], 1
    for a, b in zip(cuts, cuts[1:]):
        pieces += _summary(list(iter_jsonl(path, a, b, lineno)))
        lineno += line_starts(path, a, b)
    assert pieces == [("batch", "rejected", "E102")]


def test_jsonl_with_a_utf8_bom_is_still_text(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (GOOD + "\n").encode())
    assert _summary(list(iter_inputs([str(path)]))) == [("good", "ok", "")]


# ---------------------------------------------------------------- 5. UTF-8 cut inside a character


@pytest.mark.parametrize(
    ("text", "cut", "dropped"),
    [(SIMPLIFIED, 1, 2), (SIMPLIFIED, 2, 1), (SIMPLIFIED + "😀", 1, 3), ("Qingdao Blue Valley 青", 2, 1)],
    ids=["cjk-2-of-3", "cjk-1-of-3", "emoji-3-of-4", "ascii-then-cjk"],
)
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["utf8", "utf8-bom"])
def test_utf8_cut_inside_a_character_keeps_the_text_and_warns(tmp_path, text, cut, dropped, bom):
    path = tmp_path / "cut.txt"
    path.write_bytes(bom + text.encode("utf-8")[:-cut])
    doc = read_file(path)
    assert doc.raw_text == text[:-1]
    assert doc.encoding == ("utf-8-sig" if bom else "utf-8")
    warning = doc.meta["warning"]
    assert warning.startswith("W201 ") and f"{dropped} byte" in warning
    row = work(doc, WorkSettings()).row
    assert (row["status"], row["error"], row["n_chars"]) == ("ok", warning, len(text) - 1)


@pytest.mark.parametrize(("codec", "cut", "dropped"), [("utf-16", 1, "1 byte of UTF-16"), ("utf-32", 3, "1 byte of UTF-32")])
def test_utf16_and_utf32_with_a_bom_cut_inside_a_character_warn_too(tmp_path, codec, cut, dropped):
    path = tmp_path / "cut.txt"
    path.write_bytes((SIMPLIFIED + "园").encode(codec)[:-cut])
    doc = read_file(path)
    assert (doc.raw_text, doc.encoding) == (SIMPLIFIED, codec)
    assert doc.meta["warning"].endswith(f"({dropped})")


def test_decode_bytes_keeps_its_two_values_and_complete_utf8_has_no_warning(tmp_path):
    assert decode_bytes(SIMPLIFIED.encode()[:-1]) == (SIMPLIFIED[:-1], "utf-8")
    path = tmp_path / "whole.txt"
    path.write_bytes(SIMPLIFIED.encode())
    assert read_file(path).meta == {}


def test_only_an_incomplete_character_is_empty_input(tmp_path):
    path = tmp_path / "stub.txt"
    path.write_bytes("青".encode()[:2])
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and item.error.startswith("E101")


def test_truncated_html_page_keeps_the_warning(tmp_path):
    page = f"<html><head><title>蓝谷</title></head><body><article><p>{SIMPLIFIED * 3}</p></article></body></html>青"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode()[:-1])
    doc = read_file(path)
    assert doc.fmt == "html" and SIMPLIFIED in doc.raw_text
    assert doc.meta["warning"].startswith("W201")


def test_build_reports_the_warning_in_documents_csv(tmp_path):
    from kg.run.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "cut.txt").write_bytes(SIMPLIFIED.encode()[:-2])
    (src / "whole.txt").write_bytes(SIMPLIFIED.encode())
    result = build([str(src)], tmp_path / "out", progress=False)
    assert result.exit_code == 0
    with open(tmp_path / "out" / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = {r["doc_id"]: r for r in csv.DictReader(fh)}
    assert rows["cut"]["status"] == "ok" and rows["cut"]["error"].startswith("W201 ")
    assert "1 byte " in rows["cut"]["error"]
    assert rows["whole"]["error"] == ""


def test_jsonl_last_line_cut_inside_a_character(tmp_path):
    path = tmp_path / "cut.jsonl"
    tail = json.dumps({"doc_id": "cut", "text": SIMPLIFIED}, ensure_ascii=False).encode()
    path.write_bytes((GOOD + "\n").encode() + tail[: tail.index("蓝".encode()) + 2])
    items = list(iter_inputs([str(path)]))
    assert _summary(items) == [("good", "ok", ""), ("cut-2", "rejected", "E105")]
    assert "ends inside a UTF-8 character" in items[1].error
    # a complete record followed by the first bytes of a character is read, with the warning
    path.write_bytes((GOOD + "\n").encode() + tail + "青".encode()[:1])
    items = list(iter_inputs([str(path)]))
    assert _summary(items) == [("good", "ok", ""), ("cut", "ok", "")]
    assert items[1].meta["warning"].startswith("W201") and "1 byte " in items[1].meta["warning"]


# ---------------------------------------------------------------- 6. one very long line


def test_one_long_line_without_breaks_is_linear():
    pipeline(WorkSettings().segmenter)  # loaded outside the clock
    text = "中" * 300_000
    t0 = time.perf_counter()
    res = work(Document("long", text, "long.txt"), WorkSettings())
    elapsed = time.perf_counter() - t0
    assert res.row["status"] == "ok" and res.row["n_body_chars"] == len(text)
    assert elapsed < 20, f"{elapsed:.1f} s for one line of 300,000 characters"


def _jieba_viterbi(obs, states, start_p, trans_p, emit_p):
    """jieba 0.42.1's ``finalseg.viterbi``, verbatim but for names: the reference the fast one must equal."""
    from jieba.finalseg import MIN_FLOAT, PrevStatus

    V = [{}]
    path = {}
    for y in states:
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT)
        path[y] = [y]
    for t in range(1, len(obs)):
        V.append({})
        newpath = {}
        for y in states:
            em_p = emit_p[y].get(obs[t], MIN_FLOAT)
            (prob, state) = max([(V[t - 1][y0] + trans_p[y0].get(y, MIN_FLOAT) + em_p, y0) for y0 in PrevStatus[y]])
            V[t][y] = prob
            newpath[y] = path[state] + [y]
        path = newpath
    (prob, state) = max((V[len(obs) - 1][y], y) for y in "ES")
    return (prob, path[state])


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="中国青岛蓝谷管理局的了是在一不有和徐冰龘靐a1", min_size=1, max_size=60))
def test_linear_hmm_segments_exactly_as_jieba(text):
    from jieba import finalseg

    from kg.extract.nlp import linear_viterbi

    model = ("BMES", finalseg.start_P, finalseg.trans_P, finalseg.emit_P)
    assert linear_viterbi(text, *model) == _jieba_viterbi(text, *model)


def test_the_pipeline_uses_the_linear_hmm():
    from jieba import finalseg

    from kg.extract.nlp import linear_viterbi

    pipeline(WorkSettings().segmenter)
    assert finalseg.viterbi is linear_viterbi


def test_an_empty_jsonl_file_has_its_row(tmp_path):
    """Every input file gets a documents.csv row: an empty or blank JSONL file is one E101."""
    from kg.text.ingest import iter_jsonl

    for name, data in (("empty.jsonl", b""), ("blank.jsonl", b"\n  \n\n")):
        (tmp_path / name).write_bytes(data)
        rows = list(iter_jsonl(tmp_path / name))
        assert [r.error[:4] for r in rows] == ["E101"] and rows[0].doc_id == name.split(".")[0]
