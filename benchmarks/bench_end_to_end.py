"""Benchmark: end-to-end speed and memory of `kg build`, against segmenters alone.

    python benchmarks/bench_end_to_end.py [--corpus PATH] [--docs 2000]

Prints a Markdown table:

* end-to-end characters per second of `kg build` with 1 and 2 workers on the
  first ``--docs`` documents of the corpus (``../shared/corpus/news-zh.jsonl``,
  or the seeds repeated when it is absent);
* the same normalized text through ``jieba.posseg`` alone and through pkuseg
  segmentation alone (one process each), with ``kg``'s end-to-end speed as
  a ratio to each;
* peak memory (max RSS of the `kg build` process) for 1,000 and 10,000
  documents;
* the build time of the seeds.

Each `kg build` runs as its own process (``/usr/bin/time``-style RSS via
``resource``), so loads are included, as a user sees them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news-zh.jsonl"


def first_docs(corpus: Path | None, n: int) -> Path:
    out = Path(tempfile.mkdtemp()) / f"docs-{n}.jsonl"
    if corpus is None:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        lines = [json.dumps({"doc_id": f"s{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) for i in range(n)]
    else:
        with open(corpus, encoding="utf-8") as fh:
            lines = [line.rstrip("\n") for _, line in zip(range(n), fh)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


_WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run_build(inputs: list[str], workers: int = 1) -> tuple[float, float, dict]:
    """Wall seconds, peak RSS in MB and report.json of one `kg build` process.

    A fresh wrapper process runs each build, so the peak is this build's own
    (the largest of the build process and its workers).
    """
    out = Path(tempfile.mkdtemp()) / "out"
    cmd = [sys.executable, "-m", "kg.cli", "build", *inputs, "--out", str(out), "-q", "--workers", str(workers)]
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    peak_kb = int(done.stdout.strip().splitlines()[-1])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return wall, peak_kb / 1024, report


def normalized_texts(path: Path) -> list[str]:
    from kg.build import ProcessedDocument, iter_processed

    return [i.normalized.text for i in iter_processed([str(path)]) if isinstance(i, ProcessedDocument)]


def segmenter_speed(texts: list[str], which: str) -> float:
    chars = sum(map(len, texts))
    if which == "jieba.posseg":
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        list(jieba.posseg.cut("预热"))
        t0 = time.perf_counter()
        for t in texts:
            list(jieba.posseg.cut(t))
    else:
        import spacy_pkuseg

        from kg.models import verify

        seg = spacy_pkuseg.pkuseg(model_name=str(verify()))
        t0 = time.perf_counter()
        for t in texts:
            seg.cut(t)
    return chars / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.exists() else None)
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    sample = first_docs(args.corpus, args.docs)
    texts = normalized_texts(sample)
    chars = sum(len(json.loads(line)["text"]) for line in sample.read_text(encoding="utf-8").splitlines())
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.docs} documents ({chars:,} chars) of {args.corpus.name if args.corpus else 'the seeds'}")
    print()
    w1, _, _ = run_build([str(sample)], 1)
    w2, _, _ = run_build([str(sample)], 2)
    posseg = segmenter_speed(texts, "jieba.posseg")
    pku = segmenter_speed(texts, "pkuseg")
    e2e1, e2e2 = chars / w1, chars / w2
    print("| measure | value |")
    print("|---|---:|")
    print(f"| kg build, 1 worker (end to end) | {e2e1:,.0f} chars/s |")
    print(f"| kg build, 2 workers (end to end) | {e2e2:,.0f} chars/s ({e2e2 / e2e1:.2f}× one worker) |")
    print(f"| jieba.posseg alone, same text | {posseg:,.0f} chars/s (kg 1 worker = {e2e1 / posseg:.2f}×) |")
    print(f"| pkuseg segmentation alone, same text | {pku:,.0f} chars/s (kg 1 worker = {e2e1 / pku:.2f}×) |")
    for n in (1000, 10000):
        wall, peak, _ = run_build([str(first_docs(args.corpus, n))], 1)
        print(f"| peak memory, {n:,} documents | {peak:,.0f} MB ({wall:.0f} s) |")
    wall, _, _ = run_build([str(ROOT / "seeds" / "*.txt")], 1)
    print(f"| seeds build time (5 articles, all outputs) | {wall:.1f} s |")


if __name__ == "__main__":
    main()
