"""Draw the second batch of gold articles (all development), reproducibly.

The first 129 articles were split 60/40 before any tuning; the test split is fixed. Articles
added after tuning began go to **dev only** (``annotate.py split --dev``), so the test split
stays exactly the set that no rule was ever tuned against. The batch leans to the kinds the
test figures are weakest on: Traditional articles (parks, start-ups, firms) and corpus
articles dense in named firms and zones.

- corpus: the records of ``../shared/corpus/news-zh.jsonl`` that pass ``select_corpus.passes``
  with up to 6,000 characters, are not in ``split.tsv``, not in ``judged-relations.jsonl`` and
  no near-copy of a gold article; sorted by id, shuffled with ``random.Random(SEED)``; the first
  :data:`N_CORPUS`.
- HKCNews (github:hkarchivist/hkcnews-article-archive, HEAD 635cc02f): article files whose
  number is no hk-/tw-hkcnews id of split.tsv or of the judged sample, sorted and shuffled with
  the same seed; kept when the body (see ``select_judged.hk_body``) has 800–4,500 characters,
  names a park or innovation word (:data:`HK_PARK`) and a firm word (:data:`HK_FIRM`), and is no
  gold near-copy; the first :data:`N_HK`.
  The url is the archive's ``original_url``.

Usage::

    PYTHONPATH=. python benchmarks/gold/select_more.py           # list the draw
    PYTHONPATH=. python benchmarks/gold/select_more.py --write   # article files + sources-more.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from neardup import is_gold_copy  # noqa: E402
from select_corpus import CORPUS, UPSTREAM, passes  # noqa: E402
from select_judged import HK, hk_body, split_ids  # noqa: E402

SEED, N_CORPUS, N_HK = 20261208, 8, 10
HK_COMMIT = "635cc02f3c0fcd3d8c829c68cd2fe07f50adfc25"
HK_PARK = re.compile("科技園|數碼港|科學園|創科|園區|工業邨|新區|開發區|自貿|高新區")
HK_FIRM = re.compile("有限公司|集團|基金|董事長|行政總裁")


def batch_ids() -> frozenset[str]:
    """This batch's own ids once written: the near-copy check leaves them out, so the draw repeats."""
    path = HERE / "sources-more.jsonl"
    if not path.exists():
        return frozenset()
    return frozenset(json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines() if line)


def judged_ids() -> set[str]:
    with open(HERE / "judged-relations.jsonl", encoding="utf-8") as fh:
        return {json.loads(line)["doc_id"] for line in fh}


def corpus_draw(banned: set[str]) -> list[dict]:
    recs = []
    with open(CORPUS, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            rec = json.loads(line)
            if rec["doc_id"] not in banned and passes(rec["text"], 6000) \
                    and not is_gold_copy(rec["text"], exclude=batch_ids()):
                rec["_line"] = lineno
                recs.append(rec)
    recs.sort(key=lambda r: r["doc_id"])
    random.Random(SEED).shuffle(recs)
    return recs[:N_CORPUS]


def hk_draw(banned: set[str]) -> list[tuple[str, str, bytes]]:
    numbers = {re.sub(r"^(hk|tw)-hkcnews-", "", s) for s in banned if "hkcnews" in s}
    paths = subprocess.run(["git", "-C", HK, "ls-tree", "-r", "--name-only", HK_COMMIT, "articles"],
                           capture_output=True, text=True, check=True).stdout.split()
    num = lambda p: re.search(r"article_(\d+)\.md$", p)  # noqa: E731
    paths = sorted(p for p in paths if num(p) and num(p).group(1) not in numbers)
    random.Random(SEED).shuffle(paths)
    out = []
    for p in paths:
        data = subprocess.run(["git", "-C", HK, "show", f"{HK_COMMIT}:{p}"], capture_output=True, check=True).stdout
        body = hk_body(data.decode("utf-8", "replace"))
        if 800 <= len(body) <= 4500 and HK_PARK.search(body) and HK_FIRM.search(body) \
                and not is_gold_copy(body, exclude=batch_ids()):
            out.append((f"hk-hkcnews-{num(p).group(1)}", p, data))
            if len(out) == N_HK:
                break
    return out


def front(md: str) -> tuple[str, str, str]:
    """Title, date and original url from an archive file's front matter."""
    title = re.search(r"^title:\s*(.*)$", md, re.M)
    url = re.search(r"^original_url:\s*(.*)$", md, re.M)
    date = re.search(r'^date:\s*"?(\d{4}-\d{2}-\d{2})', md, re.M)
    return tuple(m.group(1).strip().strip('"') if m else "" for m in (title, date, url))  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the article files and sources-more.jsonl")
    args = ap.parse_args()
    banned = (split_ids() - batch_ids()) | judged_ids()
    rows = []
    for rec in corpus_draw(banned):
        data = rec["text"].encode("utf-8")
        rows.append(({"doc_id": rec["doc_id"], "group": "corpus", "script": "Simplified", "region": "",
                      **UPSTREAM[rec["doc_id"].split("-")[0]], "commit": "", "path": "shared/corpus/news-zh.jsonl",
                      "record": f"line {rec['_line']}", "url": "", "date": rec["date"], "title": rec["title"],
                      "file": f"articles/{rec['doc_id']}.txt", "sha256": hashlib.sha256(data).hexdigest(),
                      "chars": len(rec["text"]), "batch": 2}, data))
    for doc_id, path, data in hk_draw(banned):
        title, date, url = front(data.decode("utf-8", "replace"))
        rows.append(({"doc_id": doc_id, "group": "traditional", "script": "Traditional", "region": "",
                      "source": "HKCNews 眾新聞 (hkcnews.com)", "repo": "hkarchivist/hkcnews-article-archive",
                      "commit": HK_COMMIT, "path": path, "record": "", "url": url, "date": date, "title": title,
                      "file": f"articles/{doc_id}.txt", "sha256": hashlib.sha256(data).hexdigest(),
                      "chars": len(data.decode("utf-8", "replace")), "batch": 2}, data))
    for row, data in rows:
        print(f"{row['doc_id']:<60} {row['date']:<10} {row['chars']:>5}  {row['title']}")
        if args.write:
            (HERE / row["file"]).write_bytes(data)
    if args.write:
        with open(HERE / "sources-more.jsonl", "w", encoding="utf-8") as out:
            for row, _ in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles")


if __name__ == "__main__":
    main()
