"""Benchmark: ingest + clean (+ normalize) throughput in characters per second.

Not a test: run it, read the table, copy it to the README.

    python benchmarks/bench_ingest.py [--corpus PATH] [--limit N]

The corpus is ``../shared/corpus/news-zh.jsonl`` (real news, 11 M chars) when
present; otherwise one is built from the seeds (repeated to ~2 M chars, as a
JSONL of messy scraped pages). The seed corpus is always measured as well:
it is what scraped input looks like (Traditional text, garbage, footers).
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news-zh.jsonl"


def seed_corpus(target_chars: int = 2_000_000) -> Path:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out = Path(tempfile.mkdtemp()) / "seeds-repeated.jsonl"
    total, i = 0, 0
    with open(out, "w", encoding="utf-8") as fh:
        while total < target_chars:
            stem, text = texts[i % len(texts)]
            fh.write(json.dumps({"doc_id": f"{stem}-{i}", "text": text}, ensure_ascii=False) + "\n")
            total += len(text)
            i += 1
    return out


def limited(path: Path, limit: int | None) -> Path:
    if not limit:
        return path
    out = Path(tempfile.mkdtemp()) / path.name
    with open(path, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= limit:
                break
            dst.write(line)
    return out


def measure(path: Path) -> dict[str, float]:
    from kg.run.build import ProcessedDocument, iter_processed

    timings: Counter[str] = Counter()
    chars = docs = body = 0
    t0 = time.perf_counter()
    for item in iter_processed([str(path)], timings):
        if isinstance(item, ProcessedDocument):
            docs += 1
            chars += len(item.doc.raw_text)
            body += item.cleaned.n_body_chars
    total = time.perf_counter() - t0
    return {
        "docs": docs, "chars": chars, "body_chars": body, "seconds": total,
        "ingest_clean_cps": chars / (timings["ingest"] + timings["clean"]),
        "end_to_end_cps": chars / total,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.exists() else None)
    ap.add_argument("--limit", type=int, default=None, help="first N records of the corpus only")
    args = ap.parse_args()
    from kg.text.clean import clean  # noqa: F401  (warm imports outside the timings)
    from kg.text.normalize import to_simplified

    to_simplified("預熱")
    corpora = []
    if args.corpus is not None:
        corpora.append((f"{args.corpus.name}" + (f" (first {args.limit})" if args.limit else ""), limited(args.corpus, args.limit)))
    corpora.append(("seeds ×N (scraped pages)", seed_corpus()))
    print(f"machine: {platform.processor() or platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}")
    print()
    print("| corpus | docs | chars | ingest+clean chars/s | ingest+clean+normalize chars/s |")
    print("|---|---:|---:|---:|---:|")
    for name, path in corpora:
        r = measure(path)
        print(f"| {name} | {r['docs']:,} | {r['chars']:,} | {r['ingest_clean_cps']:,.0f} | {r['end_to_end_cps']:,.0f} |")


if __name__ == "__main__":
    main()
