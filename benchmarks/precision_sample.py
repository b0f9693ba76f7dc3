"""Draw a reproducible sample of extracted entities from general news, for manual precision review.

    python benchmarks/precision_sample.py [--corpus PATH] [--docs 200] [--sample 120] [--seed 7] > sample.tsv

Builds the first ``--docs`` articles of a random (seeded) draw from the
corpus, then samples ``--sample`` document-level entities (one row per
entity and document) with the sentence of their first mention. A reviewer
marks each row ``ok`` (a real entity of that type with the right span, per
the annotation guidelines) or ``wrong``; precision = ok / rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news-zh.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--sample", type=int, default=120)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    from kg.run.build import build

    rng = random.Random(args.seed)
    lines = args.corpus.read_text(encoding="utf-8").splitlines()
    picked = rng.sample(lines, min(args.docs, len(lines)))
    tmp = Path(tempfile.mkdtemp())
    (tmp / "docs.jsonl").write_text("\n".join(picked) + "\n", encoding="utf-8")
    build([str(tmp / "docs.jsonl")], tmp / "out", progress=False)
    texts = {json.loads(line)["doc_id"]: json.loads(line)["text"] for line in picked}
    first: dict[tuple[str, str], dict[str, str]] = {}
    with open(tmp / "out" / "mentions.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            first.setdefault((row["doc_id"], row["entity_id"]), row)
    rows = sorted(first.values(), key=lambda r: (r["doc_id"], int(r["start"])))
    sample = rng.sample(rows, min(args.sample, len(rows)))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["doc_id", "type", "mention", "sentence", "judgement"])
    for r in sorted(sample, key=lambda r: (r["doc_id"], int(r["start"]))):
        text, s, e = texts[r["doc_id"]], int(r["start"]), int(r["end"])
        left = max(text.rfind(c, 0, s) for c in "。!?\n") + 1
        right = min((i for i in (text.find(c, e) for c in "。!?\n") if i >= 0), default=len(text))
        sentence = text[left:s] + "【" + text[s:e] + "】" + text[e:right + 1]
        out.writerow([r["doc_id"], r["type"], r["text"], re.sub(r"\s+", " ", sentence)[:300], ""])
    print(f"# {len(rows)} document-level entities in {len(picked)} articles; {len(sample)} sampled", file=sys.stderr)


if __name__ == "__main__":
    main()
