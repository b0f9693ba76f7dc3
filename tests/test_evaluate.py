"""The scorer of `kg eval` on tiny hand-made cases, one per scoring rule of gold-format.md."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from kg.eval.evaluate import GoldDoc, GoldEntity, Predicted, gold_spans, load_gold, score

TEXT_A = "青島高新區管委會與海爾集團簽署協議。海爾將在青島高新區建設工廠。"
TEXT_B = "海尔集团在青岛高新区设立研发中心。"


def _gold() -> dict[str, GoldDoc]:
    a = GoldDoc("a", {
        "e1": GoldEntity("a", "e1", "PARK", "青岛高新区", ["青島高新區"]),
        "e2": GoldEntity("a", "e2", "COMPANY", "海尔集团", ["海爾集團", "海爾"]),
        "e3": GoldEntity("a", "e3", "ORG", "青岛高新区管委会", ["青島高新區管委會"]),
    }, [("e3", "PARTNERS_WITH", "e2"), ("e2", "LOCATED_IN", "e1")], [])
    b = GoldDoc("b", {
        "e1": GoldEntity("b", "e1", "COMPANY", "海尔集团", ["海尔集团"]),
        "e2": GoldEntity("b", "e2", "PARK", "青岛高新区", ["青岛高新区"]),
    }, [], [])
    return {"a": a, "b": b}


def _mention(doc, text, start, etype, eid):
    return {"doc_id": doc, "start": str(start), "end": str(start + len(text)), "text": text, "type": etype, "entity_id": eid}


def test_gold_spans_longest_first_no_overlap_and_excluded():
    doc = _gold()["a"]
    spans = gold_spans(TEXT_A, doc)
    assert (0, 8, "ORG") in spans  # 青島高新區管委會 wins over 青島高新區 inside it
    assert (0, 5, "PARK") not in spans
    assert (TEXT_A.index("青島高新區建設"), TEXT_A.index("青島高新區建設") + 5, "PARK") in spans
    assert (9, 13, "COMPANY") in spans and (TEXT_A.index("海爾將"), TEXT_A.index("海爾將") + 2, "COMPANY") in spans
    excluded = GoldDoc("a", doc.entities, [], [(0, 17)])
    assert all(s >= 17 for s, _, _ in gold_spans(TEXT_A, excluded))


def test_entities_mentions_relations_linking():
    i_park = TEXT_A.index("青島高新區建設")
    pred = Predicted(
        mentions=[
            _mention("a", "青島高新區管委會", 0, "ORG", "org1"),
            _mention("a", "海爾集團", 9, "COMPANY", "haier"),
            _mention("a", "海爾", TEXT_A.index("海爾將"), "COMPANY", "haier"),
            _mention("a", "青島高新區", i_park, "PARK", "park1"),
            _mention("a", "簽署協議", 13, "ORG", "junk"),  # a false hit
            _mention("b", "海尔集团", 0, "COMPANY", "haier"),
            _mention("b", "青岛高新区", 5, "PARK", "park2"),  # same park, another node: a linking miss
        ],
        relations=[
            {"head_id": "haier", "relation": "PARTNERS_WITH", "tail_id": "org1", "doc_id": "a"},  # reversed: still right
            {"head_id": "haier", "relation": "LOCATED_IN", "tail_id": "junk", "doc_id": "a"},
        ],
        entity_names={}, raw_texts={"a": TEXT_A, "b": TEXT_B},
    )
    s = score(_gold(), pred)
    assert s.entities["overall"] == {"p": 0.8333, "r": 1.0, "f1": 0.9091, "tp": 5, "n_pred": 6, "n_gold": 5}
    assert s.mentions["by_type"]["PARK"]["tp"] == 2 and s.mentions["by_type"]["ORG"]["n_pred"] == 2
    assert s.relations["by_type"]["PARTNERS_WITH"]["tp"] == 1
    assert s.relations["by_type"]["LOCATED_IN"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "n_pred": 1, "n_gold": 1}
    assert s.linking == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "n_pred": 1, "n_gold": 2}
    assert [e["forms"] for e in s.errors["entity_false_hits"]] == [["签署协议"]]
    # the relation stage alone: the row with the spurious end is left out of the predictions
    assert s.relations_found_ends["by_type"]["LOCATED_IN"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "n_pred": 0, "n_gold": 1}


def test_relations_whose_ends_were_found():
    """A gold relation with an end the build missed counts in the first reading only, and its miss names that end."""
    gold = {"a": GoldDoc("a", {
        "e1": GoldEntity("a", "e1", "PARK", "青岛高新区", ["青島高新區"]),
        "e2": GoldEntity("a", "e2", "COMPANY", "海尔集团", ["海爾集團"]),
        "e3": GoldEntity("a", "e3", "ORG", "青岛高新区管委会", ["青島高新區管委會"]),
    }, [("e3", "PARTNERS_WITH", "e2"), ("e2", "LOCATED_IN", "e1")], [])}
    pred = Predicted(
        mentions=[_mention("a", "海爾集團", 9, "COMPANY", "haier"),
                  _mention("a", "青島高新區", TEXT_A.index("青島高新區建設"), "PARK", "park1")],
        relations=[{"head_id": "haier", "relation": "LOCATED_IN", "tail_id": "park1", "doc_id": "a"}],
        entity_names={}, raw_texts={"a": TEXT_A},
    )
    s = score(gold, pred)
    assert s.relations["overall"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "n_pred": 1, "n_gold": 2}
    assert s.relations_found_ends["overall"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "n_pred": 1, "n_gold": 1}
    assert s.errors["relation_misses"] == [{"doc_id": "a", "head": "海尔集团", "relation": "PARTNERS_WITH",
                                            "tail": "青岛高新区管委会", "missing_ends": ["青岛高新区管委会"],
                                             "cause": "end_missed"}]


def test_kg_eval_cli_tables_json_and_errors(tmp_path, seed_glob):
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "out"
    run = [sys.executable, "-m", "kg.cli"]
    assert subprocess.run([*run, "build", seed_glob, "--out", str(out), "-q"]).returncode == 0
    text = subprocess.run([*run, "eval", "--gold", str(root / "benchmarks" / "gold" / "seeds.jsonl"), str(out)],
                          capture_output=True, text=True, check=True).stdout
    for heading in ("entities (document level)", "mentions", "relations", "relations whose gold ends were both found",
                    "linking (pairwise)", "entity_misses"):
        assert heading in text
    for etype in ("PARK", "COMPANY", "FUND", "PERSON", "INDUSTRY", "ORG"):
        assert f"  {etype} " in text
    data = json.loads(subprocess.run([*run, "eval", "--gold", str(root / "benchmarks" / "gold" / "seeds.jsonl"), str(out), "--json"],
                                     capture_output=True, text=True, check=True).stdout)
    assert set(data) == {"entities", "mentions", "relations", "relations_found_ends", "relation_miss_causes", "linking",
                         "errors", "documents"}
    assert data["entities"]["overall"]["n_gold"] == 273
    assert 0 < data["entities"]["overall"]["f1"] <= 1
    with open(out / "mentions.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    raw = {p.stem: p.read_text(encoding="utf-8") for p in (root / "seeds").glob("*.txt")}
    assert rows and all(raw[r["doc_id"]][int(r["start"]):int(r["end"])] == r["text"] for r in rows)


def test_gold_file_is_valid_and_every_mention_is_in_the_text():
    root = Path(__file__).resolve().parent.parent
    gold = load_gold(root / "benchmarks" / "gold" / "seeds.jsonl")
    assert len(gold) == 5
    for doc_id, doc in gold.items():
        text = (root / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
        spans = gold_spans(text, doc)
        covered = {(s, e) for s, e, _ in spans}
        for ent in doc.entities.values():
            assert any(text[s:e] in ent.mentions for s, e in covered), ent.name


def test_relation_misses_by_cause():
    """Each miss gets one cause: an end not found, the pair with another type, the reverse, or nothing between."""
    gold = {"d": GoldDoc("d", {
        "p": GoldEntity("d", "p", "PARK", "苏州工业园区", ["苏州工业园区"]),
        "q": GoldEntity("d", "q", "PARK", "独墅湖科教创新区", ["独墅湖科教创新区"]),
        "c": GoldEntity("d", "c", "COMPANY", "华为", ["华为"]),
        "o": GoldEntity("d", "o", "ORG", "苏州大学", ["苏州大学"]),
        "x": GoldEntity("d", "x", "COMPANY", "未找到公司", ["未找到公司"]),
        "f": GoldEntity("d", "f", "FUND", "天使基金", ["天使基金"]),
    }, [("q", "PART_OF", "p"), ("c", "LOCATED_IN", "p"), ("o", "LOCATED_IN", "q"), ("x", "LOCATED_IN", "p"),
        ("c", "OPERATES", "f")], [])}
    ms = [_mention("d", t, 0, ty, i) for t, ty, i in (("苏州工业园区", "PARK", "P"), ("独墅湖科教创新区", "PARK", "Q"),
                                                        ("华为", "COMPANY", "C"), ("苏州大学", "ORG", "O"),
                                                        ("天使基金", "FUND", "F"))]
    rels = [{"doc_id": "d", "head_id": "P", "relation": "PART_OF", "tail_id": "Q"},  # reversed
            {"doc_id": "d", "head_id": "C", "relation": "PARTNERS_WITH", "tail_id": "P"},  # another type
            {"doc_id": "d", "head_id": "C", "relation": "OPERATES", "tail_id": "F"}]  # right
    s = score(gold, Predicted(ms, rels, {}, {}))
    causes = {(m["head"], m["relation"], m["tail"]): m["cause"] for m in s.errors["relation_misses"]}
    assert causes == {("独墅湖科教创新区", "PART_OF", "苏州工业园区"): "wrong_direction",
                      ("华为", "LOCATED_IN", "苏州工业园区"): "wrong_type",
                      ("苏州大学", "LOCATED_IN", "独墅湖科教创新区"): "pattern_missed",
                      ("未找到公司", "LOCATED_IN", "苏州工业园区"): "end_missed"}
    table = s.relation_miss_causes
    assert table["by_type"]["LOCATED_IN"] == {"end_missed": 1, "wrong_type": 1, "wrong_direction": 0, "pattern_missed": 1}
    assert table["by_type"]["PART_OF"]["wrong_direction"] == 1 and "OPERATES" not in table["by_type"]
    assert table["overall"] == {"end_missed": 1, "wrong_type": 1, "wrong_direction": 1, "pattern_missed": 1}
    assert "relation_miss_causes" in s.as_dict()
    from kg.eval.evaluate import format_report

    assert "relation misses by cause" in format_report(s, show_errors=False)
