"""Benchmark: entity quality and speed of the three segmenters.

    python benchmarks/bench_segmenters.py [--corpus PATH] [--docs N]

For each segmenter (characters, jieba, pkuseg) it builds the seeds and
scores them with the scorer of ``kg eval`` (document-level entity F1,
mention F1), then times the extraction pipeline (segmenter + entity rules,
on normalized text) over the first N documents of the corpus
(``../shared/corpus/news-zh.jsonl``, else the seeds repeated). Prints a
Markdown table for the README.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news-zh.jsonl"


def quality(segmenter: str) -> tuple[float, float]:
    from kg.run.build import build
    from kg.eval.evaluate import load_gold, load_predicted, score

    out = Path(tempfile.mkdtemp()) / segmenter
    build([str(ROOT / "seeds" / "*.txt")], out, progress=False, segmenter=segmenter)
    s = score(load_gold(ROOT / "benchmarks" / "gold" / "seeds.jsonl"), load_predicted(out))
    return s.entities["overall"]["f1"], s.mentions["overall"]["f1"]


def speed(segmenter: str, texts: list[str]) -> float:
    """Characters per second of segmentation + entity rules (pipeline already loaded)."""
    from kg.extract.nlp import make_nlp

    nlp = make_nlp(segmenter)
    nlp("预热文本：青岛蓝谷管理局")
    chars = sum(map(len, texts))
    t0 = time.perf_counter()
    for text in texts:
        nlp(text)
    return chars / (time.perf_counter() - t0)


def corpus_texts(path: Path | None, n: int) -> list[str]:
    from kg.run.build import ProcessedDocument, iter_processed

    inputs = [str(path)] if path else [str(ROOT / "seeds" / "*.txt")] * 1
    texts = []
    for item in iter_processed(inputs):
        if isinstance(item, ProcessedDocument):
            texts.append(item.normalized.text)
        if len(texts) >= n:
            break
    while path is None and sum(map(len, texts)) < 200_000:
        texts = texts + texts
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.exists() else None)
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()
    texts = corpus_texts(args.corpus, args.docs)
    print(f"machine: {platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}; "
          f"speed on {len(texts)} normalized documents ({sum(map(len, texts)):,} chars) of "
          f"{args.corpus.name if args.corpus else 'the seeds'}")
    print()
    print("| segmenter | entity F1 (seeds) | mention F1 (seeds) | extraction chars/s |")
    print("|---|---:|---:|---:|")
    for seg in ("char", "jieba", "pkuseg"):
        ent, men = quality(seg)
        cps = speed(seg, texts)
        print(f"| {seg} | {ent:.3f} | {men:.3f} | {cps:,.0f} |")


if __name__ == "__main__":
    main()
