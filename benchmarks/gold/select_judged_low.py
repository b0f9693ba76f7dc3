"""Second draw for judged-relations.jsonl: kg's LOW-confidence relations on new unseen articles.

    PYTHONPATH=. python benchmarks/gold/select_judged_low.py WORK_DIR

The first draw (``select_judged.py``) judged every relation of 68 articles; few of them were stated
below 0.7, where calibration was least known. This draw keeps only relations whose stated confidence
(``kg/data/relation_confidence.tsv`` as of the commit that made the rows) is below ``LOW`` = 0.75.

Unseen, non-gold text only. Left out: every doc_id of ``split.tsv``; every id of the second gold batch
(``BATCH2`` below, the list /work/briefs/batch2-ids.txt held); every article of the first draw (the
doc_ids of judged-relations.jsonl, and HKCNews 8387 and 8400, dropped there as copies of 8381); any
article that ``neardup.is_gold_copy`` finds to be a near-copy of a gold article, or that shares five
12-character shingles (the same test) with a left-out article above or with an article taken earlier
in this draw (archives repeat articles under other ids).

- news-zh: the corpus ids left after that, sorted, shuffled with random.Random(SEED); built with kg in
  chunks of ``CHUNK`` in that order until ``ZH_TARGET`` low relations are kept.
- HKCNews (github:hkarchivist/hkcnews-article-archive, HEAD 635cc02f): article files (body as in
  ``select_judged.py``, >= 300 characters) in the order sorted and shuffled with SEED, those naming an
  innovation word first (as ``select_judged.py``; they give too few low relations on their own: 14 from
  about 1,150), then the others; built in chunks until ``HK_TARGET`` low relations are kept.
  The corpus runs out first (134 from all of it), so the totals are 134 + 50.
- Per article at most ``PER_DOC`` low relations, the first by sentence offset (then head, tail), so that
  no article dominates; articles are taken whole in order, so a total may pass its target by < PER_DOC.

Writes WORK_DIR/low.jsonl (one row per kept relation: doc_id, source, offsets, type, subject, object,
rule, confidence, evidence, head/tail types) and WORK_DIR/articles.txt (the articles taken, in order).
"""
import csv, json, random, re, subprocess, sys
from pathlib import Path

SEED = 20261208  # the first draw used 20261207
LOW = 0.75
PER_DOC = 6
ZH_TARGET, HK_TARGET = 150, 50
HK_POOL = 8000  # HKCNews files at most in the order
CHUNK = 400
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "news-zh.jsonl"
HK = "/work/.mirror/hkarchivist+hkcnews-article-archive/repo"
GOLD = Path(__file__).resolve().parent
BATCH2 = """hk-hkcnews-29303 xwlb-20240324-07 hk-hkcnews-19237 xwlb-20230114-02 hk-hkcnews-16978
eb2011-cgxqzx-ff8080813176735601319239259a19f3 hk-hkcnews-32856 eb2011-cgxqzx-ff808081313c08ec01313fd73c630208
hk-hkcnews-2473 xwlb-20230713-09 hk-hkcnews-18624 eb2011-supplierzx-ff8080813078a95601308680deb90382
hk-hkcnews-44626 xwlb-20231111-10 hk-hkcnews-6032 xwlb-20230325-03 hk-hkcnews-18736 hk-hkcnews-32732""".split()
FIRST_DRAW_DROPPED = ["hk-hkcnews-8387", "hk-hkcnews-8400"]
sys.path.insert(0, str(GOLD))
from neardup import K, _norm, is_gold_copy  # noqa: E402
from select_judged import KW, hk_body, split_ids  # noqa: E402


class Seen:
    """Shingles of the left-out and already-taken articles: the neardup test against them."""

    def __init__(self):
        self.sh = set()

    def add(self, text):
        t = _norm(text)
        self.sh.update(t[i:i + K] for i in range(0, max(0, len(t) - K), 3))

    def copies(self, text, min_shared=5):
        t = _norm(text)
        return sum(1 for i in range(0, max(0, len(t) - K)) if t[i:i + K] in self.sh) >= min_shared


def hk_num(doc_id):
    return re.sub(r"^(hk|tw)-hkcnews-", "", doc_id)


class Archive:
    def __init__(self):
        self.cat = subprocess.Popen(["git", "-C", HK, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        paths = subprocess.run(["git", "-C", HK, "ls-tree", "-r", "--name-only", "HEAD", "articles"],
                               capture_output=True, text=True, check=True).stdout.split()
        self.paths = {m.group(1): p for p in paths if (m := re.search(r"article_(\d+)\.md$", p))}

    def text(self, num):
        self.cat.stdin.write(f"HEAD:{self.paths[num]}\n".encode()); self.cat.stdin.flush()
        size = int(self.cat.stdout.readline().split()[2]); t = self.cat.stdout.read(size).decode("utf-8", "replace")
        self.cat.stdout.read(1)
        return t


def inputs(folder):
    files = sorted(p.name for p in folder.iterdir())
    return [json.loads(l)["doc_id"] for l in open(folder / "cand.jsonl", encoding="utf-8")] if files == ["cand.jsonl"] else files


def build(folder, out):
    """Build a chunk (a rerun reuses a build of the same input left in WORK_DIR)."""
    done = out / "inputs.txt"
    if not (done.exists() and done.read_text(encoding="utf-8").split() == inputs(folder)):
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(out), "-q", "-w", "2"], check=True)
        done.write_text("\n".join(inputs(folder)), encoding="utf-8")
    types = {r["entity_id"]: r["type"] for r in csv.DictReader(open(out / "entities.csv", encoding="utf-8"))}
    rels = {}
    for r in csv.DictReader(open(out / "relations.csv", encoding="utf-8")):
        rels.setdefault(r["doc_id"], []).append(dict(r, head_type=types.get(r["head_id"], ""), tail_type=types.get(r["tail_id"], "")))
    return rels


def low_rows(rels, source):
    from kg.export.graph import confidence_of

    rows = [dict(doc_id=r["doc_id"], source=source, sentence_start=int(r["start"]), sentence_end=int(r["end"]),
                 type=r["relation"], subject=r["head"], object=r["tail"], rule=r["rule"],
                 confidence=confidence_of(r["rule"]), head_type=r["head_type"], tail_type=r["tail_type"],
                 evidence=r["evidence"]) for r in rels]
    rows = [r for r in rows if r["confidence"] < LOW]
    rows.sort(key=lambda r: (r["sentence_start"], r["subject"], r["object"], r["type"]))
    return rows[:PER_DOC]


def take(order, texts, write, source, target, seen, work, tag):
    """Build ``order`` in chunks; keep articles with low relations until ``target`` rows."""
    kept, articles = [], []
    for c in range(0, len(order), CHUNK):
        chunk = [i for i in order[c:c + CHUNK] if not seen.copies(texts(i))]
        folder = work / f"{tag}-{c}"; folder.mkdir(parents=True, exist_ok=True)
        write(folder, chunk)
        rels = build(folder, work / f"{tag}-{c}-out")
        for i in chunk:
            rows = low_rows(rels.get(i, []), source)
            if rows and not seen.copies(texts(i)):
                seen.add(texts(i)); kept += rows; articles.append(i)
                if len(kept) >= target:
                    return kept, articles
    return kept, articles


def main(work):
    work = Path(work); work.mkdir(parents=True, exist_ok=True)
    judged = {json.loads(l)["doc_id"] for l in (GOLD / "judged-relations.jsonl").open(encoding="utf-8") if l.strip()}
    out_ids = split_ids() | set(BATCH2) | judged | set(FIRST_DRAW_DROPPED)
    docs = {}
    for line in CORPUS.open(encoding="utf-8"):
        rec = json.loads(line); docs[rec["doc_id"]] = rec
    arch = Archive()
    seen = Seen()
    for i in sorted(out_ids):
        if i in docs:
            seen.add(docs[i]["text"])
        elif "hkcnews" in i and hk_num(i) in arch.paths:
            seen.add(arch.text(hk_num(i)))
    ids = sorted(i for i in docs if i not in out_ids)
    random.Random(SEED).shuffle(ids)

    def zh_write(folder, chunk):  # gold near-copies are left out here, before the build
        with open(folder / "cand.jsonl", "w", encoding="utf-8") as fh:
            for i in chunk:
                if not is_gold_copy(docs[i]["text"]):
                    fh.write(json.dumps(docs[i], ensure_ascii=False) + "\n")

    zh, zh_art = take(ids, lambda i: docs[i]["text"], zh_write, "news-zh.jsonl", ZH_TARGET, seen, work, "zh")
    banned = {hk_num(i) for i in out_ids if "hkcnews" in i}
    nums = sorted(n for n in arch.paths if n not in banned)
    random.Random(SEED).shuffle(nums)
    hk_text = {}

    def hk_ok(n, kw):
        b = hk_body(hk_text.setdefault(n, arch.text(n)))
        return len(b) >= 300 and bool(KW.search(b)) == kw and not is_gold_copy(b)

    def hk_write(folder, chunk):
        for d in chunk:
            (folder / f"{d}.md").write_text(hk_text[hk_num(d)], encoding="utf-8")

    # the files that name an innovation word first (about 1,150), then the others (body >= 300), each in
    # the shuffled order; enough for the chunks that the target needs
    hk_order = [f"hk-hkcnews-{n}" for n in nums if hk_ok(n, True)]
    for n in nums:
        if len(hk_order) >= HK_POOL:
            break
        if hk_ok(n, False):
            hk_order.append(f"hk-hkcnews-{n}")
    hk, hk_art = take(hk_order, lambda d: hk_body(hk_text[hk_num(d)]), hk_write, "hkcnews", HK_TARGET, seen, work, "hk")
    with open(work / "low.jsonl", "w", encoding="utf-8") as fh:
        for r in zh + hk:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (work / "articles.txt").write_text("\n".join(zh_art + hk_art) + "\n", encoding="utf-8")
    print(f"{len(zh)} news-zh relations from {len(zh_art)} articles, {len(hk)} HKCNews from {len(hk_art)}")


if __name__ == "__main__":
    main(sys.argv[1])
