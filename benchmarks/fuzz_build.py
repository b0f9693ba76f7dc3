"""Fuzz `kg build` end to end: generated hostile inputs in batches, every one accounted for.

Each batch is one JSONL file of generated records plus a few files, each
input generated together with the outcome it must get: ``ok`` or one
rejection code. Classes: hostile but valid records (CR, LF, U+2028, C0
controls, lone surrogates, quotes, commas, markup and emoji in the doc_id,
the metadata and the text), empty and non-string texts, broken and deeply
nested JSON lines, lines that are no object, duplicate doc_ids, binary and
gzip files, empty files, UTF-8 cut mid-character, and file names with line
breaks and controls. A batch passes when the build returns (no crash), every
input has exactly one documents.csv row (none lost), every row has the
expected status and code (none wrong), every CSV reads back with the standard
``csv`` module and pandas row for row, the RDF parses, the GraphML and GEXF
are well-formed XML, and ``kg view`` renders the build.

Usage::

    python benchmarks/fuzz_build.py --inputs 10000 --batch 500   # the full run
    python benchmarks/fuzz_build.py --inputs 600 --batch 300 --seed 3

``tests/test_fuzz_build.py`` runs a small instance of the same generator.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SENTENCES = ["青岛蓝谷管理局副局长徐一冰表示，蓝谷聚焦海洋生物医药产业。", "海尔集团位于青岛高新区。",
             "西安高新区管委会主任刘明说，园区重点发展新一代半导体和人工智能产业。",
             "對標“頭部”園區，青島國際創新園聚焦虛擬現實產業。", "深圳极视角科技有限公司入驻青岛国际创新园。"]
HOSTILE = ["\r", "\n", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b[31m", "\x07", "\x00", "\ud800", "\udfff",
           "😀", '"', ",", "'", "<script>alert(1)</script>", "&amp;", "]]>", "\\", "\t", " ", "\u200b", "\ufeff", "%s"]
META_KEYS = ("title", "source", "author", "date", "url")
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Summary:
    inputs: int = 0
    batches: int = 0
    crashes: int = 0
    lost: int = 0
    wrong_codes: int = 0
    bad_files: int = 0
    seconds: float = 0.0
    outcomes: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.crashes or self.lost or self.wrong_codes or self.bad_files)


def _hostile(rng: random.Random, k: int = 3) -> str:
    return "".join(rng.choice(HOSTILE) for _ in range(rng.randint(1, k)))


def _json_line(record: dict) -> str:
    # lone surrogates can only travel as JSON escapes: ensure_ascii writes them as \\udXXX
    return json.dumps(record, ensure_ascii=True)


def _expected_id(doc_id: str) -> str:
    """The doc_id as kg must report it: what the JSON line decodes to (a high and a low surrogate
    escape next to each other are one character), lone surrogates as U+FFFD."""
    return SURROGATE.sub("\ufffd", json.loads(_json_line(doc_id)))


def generate(batch: int, n: int, rng: random.Random, where: Path) -> tuple[dict[str, str], int]:
    """Write one batch's inputs into ``where``.

    Returns the expected ``doc_id -> outcome`` (``ok`` or a code) and how many
    lines repeat an earlier doc_id (each must be one E106 row).
    """
    expect: dict[str, str] = {}
    n_dups = 0
    lines: list[str] = []
    seen: list[str] = []
    n_files = 6
    for i in range(max(0, n - n_files)):
        kind = rng.choices(["ok", "empty", "nontext", "broken", "deep", "array", "dup"],
                           weights=[60, 6, 8, 8, 4, 6, 8])[0]
        if kind == "dup" and not seen:
            kind = "ok"
        lineno = len(lines) + 1
        doc_id = f"b{batch}r{i}" + _hostile(rng)
        if kind == "ok":
            text = _hostile(rng, 2).join(rng.sample(SENTENCES, 2)) + _hostile(rng, 2)
            record = {"doc_id": doc_id, "text": text} | {k: _hostile(rng) + "值" for k in META_KEYS if rng.random() < .5}
            lines.append(_json_line(record))
            expect[_expected_id(doc_id)] = "ok"
            seen.append(doc_id)
        elif kind == "empty":
            lines.append(_json_line({"doc_id": doc_id, "text": rng.choice(["", "   ", "\n\t "])}))
            expect[_expected_id(doc_id)] = "E101"
        elif kind == "nontext":
            lines.append(_json_line({"doc_id": doc_id, "text": rng.choice([5, 1.5, [1, 2], {"a": "b"}, True, None])}))
            expect[_expected_id(doc_id)] = "E105"
        elif kind == "broken":
            lines.append('{"doc_id": "x", "text": "青岛' + rng.choice(["", "\\", '"', ",", "}"]))
            expect[f"batch-{lineno}"] = "E105"
        elif kind == "deep":
            depth = rng.choice([2000, 20000, 100000])
            lines.append('{"doc_id": "d", "text": ' + "[" * depth + "]" * depth + "}")
            expect[f"batch-{lineno}"] = "E105"
        elif kind == "array":
            lines.append(rng.choice(["[1, 2]", '"text"', "42", "null"]))
            expect[f"batch-{lineno}"] = "E105"
        else:  # a doc_id already used in this batch
            lines.append(_json_line({"doc_id": rng.choice(seen), "text": SENTENCES[0]}))
            n_dups += 1
    (where / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    files = {
        f"bin{batch}.txt": (bytes(rng.randrange(256) for _ in range(300)) + b"\x00\x00", "E102"),
        f"gz{batch}.jsonl": (gzip.compress(b'{"doc_id": "z", "text": "abc"}\n', mtime=0), "E102"),
        f"empty{batch}.txt": (b"", "E101"),
        f"cut{batch}.txt": (SENTENCES[2].encode("utf-8")[:-1], "ok"),  # the last character cut in half
        f"name\r{batch}\u2028x.txt": (SENTENCES[1].encode("utf-8"), "ok"),
        f"ctl\x1b{batch}\t.txt": (SENTENCES[3].encode("big5", errors="ignore"), "ok"),
    }
    for name, (data, outcome) in files.items():
        (where / name).write_bytes(data)
        expect[Path(name).stem] = outcome
    return expect, n_dups


def check_outputs(out: Path) -> list[str]:
    """Problems with the files of one build (empty list: all read back)."""
    import pandas as pd
    import pyoxigraph
    from lxml import etree

    problems = []
    for name in ("documents.csv", "mentions.csv", "relations.csv", "entities.csv"):
        with open(out / name, encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
        if len({len(r) for r in records}) != 1:
            problems.append(f"{name}: rows of different widths (a field split a row)")
        frame = pd.read_csv(out / name, dtype=str, keep_default_na=False)
        if len(frame) != len(records) - 1:
            problems.append(f"{name}: pandas reads {len(frame)} rows, csv {len(records) - 1}")
    try:
        with open(out / "graph.ttl", "rb") as fh:
            list(pyoxigraph.parse(fh, format=pyoxigraph.RdfFormat.TURTLE))
        for name in ("graph.graphml", "graph.gexf"):
            etree.parse(str(out / name))
    except Exception as exc:  # noqa: BLE001 - any parser error is a finding
        problems.append(f"graph files: {type(exc).__name__}: {exc}"[:300])
    try:
        from kg.query.view import write_view

        write_view(out, out.parent / "view.html")
    except Exception as exc:  # noqa: BLE001
        problems.append(f"kg view: {type(exc).__name__}: {exc}"[:300])
    return problems


def run_batch(batch: int, n: int, rng: random.Random, summary: Summary) -> None:
    from kg.run.build import build

    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        expect, n_dups = generate(batch, n, rng, src)
        summary.inputs += len(expect) + n_dups
        try:
            result = build([str(src)], out, progress=False)
        except BaseException as exc:  # noqa: BLE001 - a crash is what this looks for
            summary.crashes += 1
            summary.problems.append(f"batch {batch}: build raised {type(exc).__name__}: {exc}"[:300])
            return
        rows = result.documents
        got = Counter(r["doc_id"] for r in rows if not r["error"].startswith("E106"))
        for doc_id, outcome in expect.items():
            matching = [r for r in rows if r["doc_id"] == doc_id]
            if not matching:
                summary.lost += 1
                summary.problems.append(f"batch {batch}: {doc_id!r} has no row")
                continue
            row = matching[0]
            code = "ok" if row["status"] == "ok" else row["error"][:4]
            summary.outcomes[code] += 1
            if code != outcome:
                summary.wrong_codes += 1
                summary.problems.append(f"batch {batch}: {doc_id!r} got {code} ({row['error'][:80]}), expected {outcome}")
        dup_rows = [r for r in rows if r["error"].startswith("E106")]
        summary.outcomes["E106"] += len(dup_rows)
        if len(dup_rows) != n_dups:
            summary.wrong_codes += abs(n_dups - len(dup_rows))
            summary.problems.append(f"batch {batch}: {len(dup_rows)} duplicate rows, expected {n_dups}")
        extra = len(rows) - len(expect) - n_dups
        if extra or any(c > 1 for d, c in got.items() if d in expect):
            summary.lost += abs(extra)
            summary.problems.append(f"batch {batch}: {len(rows)} rows for {len(expect) + n_dups} inputs")
        problems = check_outputs(out)
        summary.bad_files += len(problems)
        summary.problems += [f"batch {batch}: {p}" for p in problems]


def run(n_inputs: int, batch_size: int, seed: int = 1) -> Summary:
    """Generate and build ``n_inputs`` inputs in batches of ``batch_size``."""
    rng = random.Random(seed)
    summary = Summary()
    start = time.perf_counter()
    batch = 0
    while summary.inputs < n_inputs:
        run_batch(batch, min(batch_size, n_inputs - summary.inputs), rng, summary)
        batch += 1
        summary.batches = batch
        print(f"\rbatch {batch}: {summary.inputs} inputs, {summary.crashes} crashes, {summary.lost} lost, "
              f"{summary.wrong_codes} wrong codes, {summary.bad_files} bad files", end="", file=sys.stderr)
    print(file=sys.stderr)
    summary.seconds = round(time.perf_counter() - start, 1)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=10000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    s = run(args.inputs, args.batch, args.seed)
    print(json.dumps({"inputs": s.inputs, "batches": s.batches, "crashes": s.crashes, "lost": s.lost,
                      "wrong_codes": s.wrong_codes, "bad_files": s.bad_files, "seconds": s.seconds,
                      "outcomes": dict(sorted(s.outcomes.items()))}, indent=1))
    for p in s.problems[:40]:
        print(" ", p)
    sys.exit(0 if s.clean else 1)


if __name__ == "__main__":
    main()
