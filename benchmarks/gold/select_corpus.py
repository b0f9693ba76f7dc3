"""Draw the corpus articles of the development and test gold, reproducibly.

The procedure (run once, before any annotation or tuning; its output is
committed as ``benchmarks/gold/sources-corpus.jsonl`` and the article files):

1. Read ``../shared/corpus/news-zh.jsonl`` in file order.
2. Keep an article when its text is 400–4,000 characters long, names a kind of
   park or zone (:data:`PARK`), and hits at least three of the five keyword
   groups of :data:`GROUPS` (funds, chains, posts, firms, deals). 106 articles
   pass on the corpus as shipped.
3. Stratify by source and year (``eb2011``; ``xwlb`` 2022 … 2026) and draw
   from each stratum with ``random.Random(SEED)``: :data:`PER_STRATUM` gives
   how many; a stratum smaller than its quota gives all it has (52 articles).
4. The first draw proved thin (about ten entities and three relations an
   article), so a second, deterministic pick adds the articles densest in
   named bodies: of the articles not drawn that pass step 2 with up to
   :data:`MAX_CHARS_DENSE` characters, the :data:`N_DENSE` with the most
   distinct :data:`NAMED_BODY` strings (ties by corpus order).

The keywords are general vocabulary of the domain (kinds of carriers, posts,
firms, deals), not names.

Usage::

    python benchmarks/gold/select_corpus.py            # list the draw
    python benchmarks/gold/select_corpus.py --write    # write articles + provenance

>>> passes("某高新区管委会主任说，基金和产业链项目签约落户有限公司" * 20)
True
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus" / "news-zh.jsonl"
SEED = 12
PARK = re.compile(r"高新区|开发区|产业园|工业园|园区|新区|示范区|孵化器|科技城|自贸|保税区|科学城")
GROUPS = {
    "fund": r"基金",
    "chain": r"产业链|链长|链主|产业集群",
    "post": r"董事长|总经理|总裁|书记|市长|局长|主任|省长|区长",
    "firm": r"有限公司|集团|股份|公司",
    "deal": r"签约|签署|入驻|落户|投资|合作协议",
}
# Where the shared corpus took each source from (its README).
UPSTREAM = {"xwlb": {"source": "CCTV 新闻联播 transcript", "repo": "DuckBurnIncense/xin-wen-lian-bo"},
            "eb2011": {"source": "2011 business-news reprint", "repo": "likgjava/eb"}}
MIN_CHARS, MAX_CHARS, MIN_GROUPS = 400, 4000, 3
# Step 4: a run of Han characters ending in a generic kind of firm, zone or body.
NAMED_BODY = re.compile(r"[\u4e00-\u9fa5]{2,12}(?:有限公司|集团|股份|高新区|开发区|产业园|园区|新区|大学|研究院|研究所"
                        r"|实验室|管委会|局|银行|基金)")
MAX_CHARS_DENSE, N_DENSE = 6000, 16
# (source, year) -> how many articles to draw: every year of both sources.
PER_STRATUM = {("eb2011", "2011"): 16, ("xwlb", "2022"): 5, ("xwlb", "2023"): 9,
               ("xwlb", "2024"): 9, ("xwlb", "2025"): 8, ("xwlb", "2026"): 5}


def passes(text: str, max_chars: int = MAX_CHARS) -> bool:
    """The keyword filter of step 2."""
    if not MIN_CHARS <= len(text) <= max_chars or not PARK.search(text):
        return False
    return sum(1 for pattern in GROUPS.values() if re.search(pattern, text)) >= MIN_GROUPS


def draw(corpus: Path = CORPUS) -> list[dict]:
    """The drawn corpus records, in corpus order."""
    strata: dict[tuple[str, str], list[tuple[int, dict]]] = defaultdict(list)
    with open(corpus, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            rec = json.loads(line)
            if passes(rec["text"]):
                rec["_line"] = lineno
                strata[(rec["doc_id"].split("-")[0], rec["date"][:4])].append((lineno, rec))
    rng = random.Random(SEED)
    chosen: list[tuple[int, dict]] = []
    for key in sorted(strata):
        pool = strata[key]
        chosen += rng.sample(pool, min(PER_STRATUM.get(key, 0), len(pool)))
    taken = {lineno for lineno, _ in chosen}
    dense = []
    with open(corpus, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            rec = json.loads(line)
            if lineno not in taken and passes(rec["text"], MAX_CHARS_DENSE):
                rec["_line"] = lineno
                dense.append((-len(set(NAMED_BODY.findall(rec["text"]))), lineno, rec))
    chosen += [(lineno, rec) for _, lineno, rec in sorted(dense)[:N_DENSE]]
    return [rec for _, rec in sorted(chosen, key=lambda x: x[0])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the article files and sources-corpus.jsonl")
    args = ap.parse_args()
    recs = draw()
    rows = []
    for rec in recs:
        name = f"{rec['doc_id']}.txt"
        data = rec["text"].encode("utf-8")
        rows.append({"doc_id": rec["doc_id"], "group": "corpus", "script": "Simplified",
                     "region": "", **UPSTREAM[rec["doc_id"].split("-")[0]],
                     "commit": "", "path": "shared/corpus/news-zh.jsonl", "record": f"line {rec['_line']}",
                     "url": "", "date": rec["date"], "title": rec["title"], "file": f"articles/{name}",
                     "sha256": hashlib.sha256(data).hexdigest(), "chars": len(rec["text"])})
        print(f"{rec['doc_id']:<60} {rec['date']}  {len(rec['text']):>5}  {rec['title']}")
        if args.write:
            (HERE / "articles" / name).write_bytes(data)
    if args.write:
        with open(HERE / "sources-corpus.jsonl", "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles")


if __name__ == "__main__":
    main()
