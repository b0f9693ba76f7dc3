"""Draw the articles of judged-relations.jsonl (strict judgements of kg's relations on unseen text).

    PYTHONPATH=. python benchmarks/gold/select_judged.py WORK_DIR

Unseen, non-gold text only: every doc_id of split.tsv is left out, and so is any article that
``neardup.is_gold_copy`` (beside this file) finds to be a near-copy of a gold article.
- news-zh: the corpus ids not in split.tsv, sorted, shuffled with random.Random(20261207); the first
  9,000 are built with kg (as of the commit that made the file); the first 60 in that order that give
  >= 2 relations other than HOLDS_POST are taken.
- HKCNews (github:hkarchivist/hkcnews-article-archive, HEAD 635cc02f): the article files whose number
  is not an hk-/tw-hkcnews id of split.tsv, sorted, shuffled with the same seed; kept when the body
  (frontmatter, footer after the first rule, markup and URLs removed) is >= 300 characters, names an
  innovation word (科技園|數碼港|科學園|創科|產業|園區) and is no gold near-copy; the first 600 kept
  are built, and the first 10 in that order with >= 2 non-HOLDS_POST relations are taken.
Writes WORK_DIR/in (the 70 articles) and prints the chosen ids; build WORK_DIR/in to get the judged relations.
"""
import collections, csv, json, random, re, shutil, subprocess, sys
from pathlib import Path

SEED = 20261207
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "news-zh.jsonl"  # ../shared/corpus of the checkout
HK = "/work/.mirror/hkarchivist+hkcnews-article-archive/repo"  # a local copy of the public HKCNews archive (git dir)
GOLD = Path(__file__).resolve().parent
KW = re.compile("科技園|數碼港|科學園|創科|產業|園區")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from neardup import is_gold_copy  # noqa: E402


def split_ids():
    return {l.split("\t")[0] for l in (GOLD / "split.tsv").read_text(encoding="utf-8").splitlines() if not l.startswith("#")}


def build(src, out):
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "-q", "-w", "2"], check=False)
    return collections.Counter(r["doc_id"] for r in csv.DictReader(open(out / "relations.csv", encoding="utf-8"))
                               if r["relation"] != "HOLDS_POST")


def hk_body(t):
    parts = t.split("\n---\n", 2)
    b = parts[1] if t.startswith("---") and len(parts) > 1 else t
    b = b.split("\n---\n")[0]
    return re.sub(r"<[^>]+>|https?://\S+", "", re.sub(r"!?\[[^\]]*\]\([^)]*\)", "", b))


def hk_candidates(split, n, folder):
    banned = {re.sub(r"^(hk|tw)-hkcnews-", "", s) for s in split if "hkcnews" in s}
    paths = subprocess.run(["git", "-C", HK, "ls-tree", "-r", "--name-only", "HEAD", "articles"],
                           capture_output=True, text=True, check=True).stdout.split()
    num = lambda p: re.search(r"article_(\d+)\.md$", p)  # noqa: E731
    paths = sorted(p for p in paths if num(p) and num(p).group(1) not in banned)
    random.Random(SEED).shuffle(paths)
    cat = subprocess.Popen(["git", "-C", HK, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    order = []
    for p in paths:
        cat.stdin.write(f"HEAD:{p}\n".encode()); cat.stdin.flush()
        size = int(cat.stdout.readline().split()[2]); t = cat.stdout.read(size).decode("utf-8", "replace"); cat.stdout.read(1)
        b = hk_body(t)
        if len(b) >= 300 and KW.search(b) and not is_gold_copy(b):
            doc_id = f"hk-hkcnews-{num(p).group(1)}"
            (folder / f"{doc_id}.md").write_text(t, encoding="utf-8")
            order.append(doc_id)
            if len(order) == n:
                break
    return order


def main(work):
    work = Path(work); split = split_ids()
    for d in ("zh", "hk", "in"):
        (work / d).mkdir(parents=True, exist_ok=True)
    docs = {}
    for line in CORPUS.open(encoding="utf-8"):
        rec = json.loads(line); docs[rec["doc_id"]] = rec
    ids = sorted(i for i in docs if i not in split)
    random.Random(SEED).shuffle(ids)
    with open(work / "zh" / "cand.jsonl", "w", encoding="utf-8") as fh:
        for i in ids[:9000]:
            fh.write(json.dumps(docs[i], ensure_ascii=False) + "\n")
    zc = build(work / "zh" / "cand.jsonl", work / "zh-out")
    zh = [i for i in ids[:9000] if zc[i] >= 2 and not is_gold_copy(docs[i]["text"])][:60]
    hk_order = hk_candidates(split, 600, work / "hk")
    hc = build(work / "hk", work / "hk-out")
    hk = [i for i in hk_order if hc[i] >= 2][:10]
    with open(work / "in" / "news-zh-sample.jsonl", "w", encoding="utf-8") as fh:
        for i in zh:
            fh.write(json.dumps(docs[i], ensure_ascii=False) + "\n")
    for i in hk:
        shutil.copy(work / "hk" / f"{i}.md", work / "in")
    print("\n".join(zh + hk))


if __name__ == "__main__":
    main(sys.argv[1])
