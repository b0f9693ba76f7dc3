"""The development and test gold: complete, traceable, split once, and scorable by `kg eval`."""

import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.eval.evaluate import gold_as_predicted, gold_spans, load_gold, score
from kg.eval.goldsets import GOLD_DIR, ROOT, articles, load_set

SOURCES = [json.loads(line) for line in (GOLD_DIR / "sources.jsonl").read_text(encoding="utf-8").splitlines() if line]
SPLIT = {line.split("\t")[0]: line.split("\t")[1]
         for line in (GOLD_DIR / "split.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
CORPUS = ROOT.parent / "shared" / "corpus" / "news-zh.jsonl"


def test_every_stored_article_has_provenance_and_its_recorded_hash():
    listed = {row["file"] for row in SOURCES if row["group"] != "seed"}
    stored = {str(p.relative_to(ROOT)) for p in (GOLD_DIR / "articles").iterdir()}
    assert stored == listed
    for row in SOURCES:
        assert hashlib.sha256((ROOT / row["file"]).read_bytes()).hexdigest() == row["sha256"], row["doc_id"]
        assert row["source"] and row["path"], row["doc_id"]
        assert row["repo"] or row["url"] or row["group"] == "seed", row["doc_id"]  # seeds come from ../shared/seeds


def test_seeds_folder_holds_the_five_seed_articles_only():
    assert sorted(p.name for p in (ROOT / "seeds").iterdir()) == sorted(
        f"{row['doc_id']}.txt" for row in SOURCES if row["group"] == "seed")


def test_split_is_fixed_and_each_side_holds_every_kind_of_article():
    unseen = {row["doc_id"]: row for row in SOURCES if row["group"] != "seed"}
    assert set(SPLIT) == set(unseen)
    for side in ("dev", "test"):
        rows = [unseen[d] for d, s in SPLIT.items() if s == side]
        assert {r["group"] for r in rows} >= {"corpus", "traditional", "web"}
        assert {r["script"] for r in rows} == {"Simplified", "Traditional"}
    share = sum(s == "dev" for s in SPLIT.values()) / len(SPLIT)
    assert 0.55 <= share <= 0.65


def test_gold_sets_cover_the_split_and_meet_the_size_targets():
    dev, test = load_gold(GOLD_DIR / "dev.jsonl"), load_gold(GOLD_DIR / "test.jsonl")
    assert set(dev) == {d for d, s in SPLIT.items() if s == "dev"}
    assert set(test) == {d for d, s in SPLIT.items() if s == "test"}
    docs = {**dev, **test}
    assert len(docs) >= 80
    assert sum(len(d.entities) for d in docs.values()) >= 2000
    assert sum(len(d.relations) for d in docs.values()) >= 600


@pytest.mark.parametrize("set_name", ["dev", "test", "seeds"])
def test_every_gold_mention_is_in_its_article_and_outside_excluded_text(set_name):
    from kg.text.ingest import read_file

    gold, arts = load_set(set_name)
    for doc_id, doc in gold.items():
        text = read_file(arts[doc_id].path, doc_id).raw_text
        covered = {text[s:e] for s, e, _ in gold_spans(text, doc)}
        for ent in doc.entities.values():
            assert any(m in covered for m in ent.mentions), (doc_id, ent.name)


def test_corpus_articles_are_the_corpus_text_and_nothing_else_of_it_is_here():
    rows = [r for r in SOURCES if r["group"] == "corpus"]
    assert len(rows) >= 45 and {r["doc_id"].split("-")[0] for r in rows} == {"xwlb", "eb2011"}
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} is needed to check the corpus articles")
    wanted = {r["doc_id"]: r for r in rows}
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doc_id"] in wanted:
                assert (ROOT / wanted.pop(rec["doc_id"])["file"]).read_text(encoding="utf-8") == rec["text"]
    assert not wanted


def test_corpus_draw_is_reproducible():
    sys.path.insert(0, str(GOLD_DIR))
    import select_corpus

    drawn = [r["doc_id"] for r in select_corpus.draw(CORPUS)]
    assert sorted(drawn) == sorted(r["doc_id"] for r in SOURCES if r["group"] == "corpus" and r.get("batch", 1) == 1)


def test_second_batch_draw_is_reproducible_and_all_dev():
    sys.path.insert(0, str(GOLD_DIR))
    import select_more

    batch = {r["doc_id"] for r in SOURCES if r.get("batch", 1) == 2}
    banned = {line.split("\t")[0] for line in (GOLD_DIR / "split.tsv").read_text(encoding="utf-8").splitlines()
              if not line.startswith("#") and line.split("\t")[0] not in batch} | select_more.judged_ids()
    assert {r["doc_id"] for r in select_more.corpus_draw(banned)} == {d for d in batch if not d.startswith("hk-")}
    split = dict(line.split("\t")[:2] for line in (GOLD_DIR / "split.tsv").read_text(encoding="utf-8").splitlines()
                 if not line.startswith("#"))
    assert len(batch) == 18 and {split[d] for d in batch} == {"dev"}


def test_an_annotation_scored_against_itself_is_perfect():
    from kg.text.ingest import read_file

    gold, arts = load_set("dev")
    texts = {d: read_file(arts[d].path, d).raw_text for d in gold}
    s = score(gold, gold_as_predicted(gold, texts))
    assert s.entities["overall"]["f1"] == s.mentions["overall"]["f1"] == s.relations["overall"]["f1"] == 1.0
    assert Counter(a.group for a in arts.values())["traditional"] > 0


def test_kg_eval_scores_a_set_by_script_and_the_baseline(tmp_path):
    run = [sys.executable, "-m", "kg.cli", "eval", "--set", "seeds", "--no-errors"]
    out = subprocess.run([*run, "--by", "script"], capture_output=True, text=True, check=True).stdout
    assert "kg on set seeds: 5 documents" in out and "by script" in out
    rows = [line.split() for line in out.splitlines() if line.strip().startswith(("Simplified", "Traditional"))]
    assert [(r[0], r[1]) for r in rows] == [("Simplified", "3"), ("Traditional", "2")]
    data = json.loads(subprocess.run([*run, "--json", "--system", "jieba.posseg"], capture_output=True,
                                     text=True, check=True).stdout)
    assert data["documents"] == 5 and data["relations"]["overall"]["n_pred"] == 0
    assert 0 < data["entities"]["by_type"]["PERSON"]["tp"]
    bad = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "--set", "nope"], capture_output=True, text=True)
    assert bad.returncode == 2 and "nope" in bad.stderr
