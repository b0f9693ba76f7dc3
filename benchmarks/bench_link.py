"""Benchmark: cross-document typo linking (kg.link.keys.link_across) on synthetic corpora of 10k, 20k and 40k names.

    python benchmarks/bench_link.py [--sizes 10000 20000 40000]

Each document names one company with a random four-character brand (`<brand>科技`) in one of 50 parks; a tenth
of them are a one-character slip of an earlier name in the same park. Two alphabets: 2,000 characters (near names
are as rare as in news) and 30 characters (a corpus crowded with near names). Prints a Markdown table of keys,
candidate comparisons, comparisons per key, typo links and seconds. Comparisons are the measure that does not
depend on the machine: blocking by one-character deletions keeps them linear in the number of keys, and at most
``7 × BUCKET_CAP`` per key however crowded the names are.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.link.keys import BUCKET_CAP, DocKeys, link_across  # noqa: E402


def synthetic_docs(n_docs: int, alphabet: int = 2000, seed: int = 7) -> list[DocKeys]:
    """One company per document (a tenth a one-character slip of an earlier one, in its park); see module docs."""
    rng = random.Random(seed)
    chars = [chr(0x4E00 + i) for i in range(alphabet)]
    names: list[tuple[str, str]] = []
    docs = []
    for i in range(n_docs):
        if names and rng.random() < 0.1:
            base, park = rng.choice(names)
            j = rng.randrange(1, 4)
            name = base[:j] + rng.choice(chars) + base[j + 1:]
        else:
            name, park = "".join(rng.choice(chars) for _ in range(4)) + "科技", f"第{i % 50}号产业园"
        names.append((name, park))
        company, place = ("COMPANY", name), ("PARK", park)
        docs.append(DocKeys(f"d{i}", (company, place), ((company, "LOCATED_IN", place),)))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; BUCKET_CAP = {BUCKET_CAP}\n")
    print("| alphabet | documents | keys | comparisons | per key | typo links | seconds |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for alphabet in (2000, 30):
        for n in args.sizes:
            docs = synthetic_docs(n, alphabet)
            keys = len({k for d in docs for k in d.keys})
            t0 = time.perf_counter()
            links = link_across(docs)
            dt = time.perf_counter() - t0
            print(f"| {alphabet:,} | {n:,} | {keys:,} | {links.comparisons:,} | {links.comparisons / keys:.2f} "
                  f"| {len(links.merges):,} | {dt:.2f} |")


if __name__ == "__main__":
    main()
