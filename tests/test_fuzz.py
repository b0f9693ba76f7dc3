"""Bad input, nothing lost: random and hostile inputs through ingest, clean, normalize and extract.

Bounded budgets (a few hundred examples) so the suite stays fast; no crash,
offsets always valid, every bad record reported with its reason.
"""

from __future__ import annotations

import csv
import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.run.build import build
from kg.text.ingest import Document, decode_bytes
from kg.errors import InputError
from kg.text.normalize import encodable
from kg.run.work import WorkSettings, work

# text mixing real article pieces with control characters, lone surrogates, emoji and garbage
PIECES = ["青岛蓝谷管理局副局长徐一冰表示,", "聚焦海洋生物医药、新一代半导体等九大重点工业链。", "對標“頭部”園區",
          "9 P8 {' k3 X- R: e", "\x00", "\x1b[31m", "\ud800", "\udfff", "😀", "\n\n", "来源:青岛日报", "想爆料?请拨打",
          "《青岛蓝谷》", "(北京)科技有限公司", "1.5万亿元", "、、、", "等等等", " " * 50]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_whole_chain_never_crashes_and_offsets_are_valid(text):
    res = work(Document("fuzz", text, "fuzz.txt"), WorkSettings())
    assert res.row["status"] in ("ok", "rejected")
    if res.row["status"] == "rejected":
        assert res.row["error"][:1] == "E" and not res.row["error"].startswith("E199")
        return
    for m in res.mentions:
        assert 0 <= m.start < m.end <= len(text) and encodable(text[m.start:m.end]) == m.text
    for r in res.relations:  # evidence is the raw sentence, lone surrogates shown as U+FFFD
        assert 0 <= r.start < r.end <= len(text) and encodable(text[r.start:r.end]) == r.evidence


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_decode_or_are_rejected_with_a_code(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        assert str(exc)[:2] == "E1"
    else:
        assert isinstance(text, str) and encoding


def test_hostile_batch_loses_nothing(tmp_path):
    """Malformed JSONL lines, deep HTML, mixed encodings, a long single line, binary: every input has a row."""
    src = tmp_path / "in"
    src.mkdir()
    rng = random.Random(7)
    lines = [json.dumps({"doc_id": "good", "text": "青岛蓝谷管理局副局长徐一冰表示。"}, ensure_ascii=False), "{broken",
             "[]", json.dumps({"doc_id": "nul", "text": "a\x00b\ud800青岛"}), "", json.dumps({"doc_id": "num", "text": 5})]
    (src / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    (src / "deep.html").write_text("<html><body>" + "<div>" * 5000 + "青岛国际创新园聚焦虚拟现实产业。" * 20 + "</div>" * 5000
                                   + "</body></html>", encoding="utf-8")
    (src / "gbk.txt").write_bytes("崂山区科技局局长赵敏告诉记者,园区发展迅速。".encode("gbk"))
    (src / "big5.txt").write_bytes("青島國際創新園聚焦虛擬現實產業。".encode("big5"))
    (src / "long.txt").write_text("青岛蓝谷聚焦海洋产业," * 10000, encoding="utf-8")  # one 100,000-character line
    (src / "noise.bin").write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    out = tmp_path / "out"
    result = build([str(src)], out, progress=False)
    assert result.exit_code == 3
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = {r["doc_id"]: r for r in csv.DictReader(fh)}
    assert {"good", "batch-2", "batch-3", "nul", "num", "deep", "gbk", "big5", "long", "noise"} <= set(rows)
    for bad in ("batch-2", "batch-3", "num", "noise"):
        assert rows[bad]["status"] == "rejected" and rows[bad]["error"][:4] in ("E101", "E102", "E103", "E105")
    for ok in ("good", "gbk", "big5", "long"):
        assert rows[ok]["status"] == "ok", rows[ok]
    assert not any(r["error"].startswith("E199") for r in rows.values())


FIELD = st.text(alphabet=st.one_of(st.sampled_from(["\r", "\n", "\u2028", "\u2029", "\x00", "\x1b", "\x7f",
                                                    "\ud800", "\udfff", '"', ",", "<", "&", "😀", "青", "島"]),
                                   st.characters()), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(doc_id=FIELD, title=FIELD, noise=FIELD)
def test_every_csv_reads_back_with_csv_and_pandas(tmp_path_factory, doc_id, title, noise):
    """Any characters in the doc_id, the title and the text: each CSV reads back row for row, and
    documents.csv gives the doc_id and title back as kg reports them (lone surrogates as U+FFFD)."""
    import re

    import pandas as pd

    tmp = tmp_path_factory.mktemp("prop")
    record = {"doc_id": "p" + doc_id, "title": title, "text": f"青岛蓝谷管理局副局长徐一冰{noise}表示，蓝谷聚焦海洋产业。"}
    (tmp / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = build([str(tmp / "in.jsonl")], tmp / "out", progress=False)
    assert result.exit_code == 0
    fix = lambda s: re.sub("[\ud800-\udfff]", "\ufffd", json.loads(json.dumps(s)))  # noqa: E731
    for name in ("documents.csv", "mentions.csv", "relations.csv", "entities.csv"):
        with open(tmp / "out" / name, encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
        assert len({len(r) for r in records}) == 1, name
        assert len(pd.read_csv(tmp / "out" / name, dtype=str, keep_default_na=False)) == len(records) - 1, name
    with open(tmp / "out" / "documents.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["doc_id"] == fix("p" + doc_id)
    assert row["title"] == fix(title).strip() or row["title"] == fix(title)
