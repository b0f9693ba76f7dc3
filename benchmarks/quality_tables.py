"""The README's quality tables, as Markdown, from the gold sets.

Runs the same scoring as ``kg eval --set test`` / ``--set dev`` (and the
``jieba.posseg`` baseline on the same articles) and prints the tables the
README shows, so the README can be refreshed by pasting, never by hand::

    python benchmarks/quality_tables.py > /tmp/quality.md

The figures it prints are those of ``kg eval --set test --by script`` and
``kg eval --set test --system jieba.posseg``; the "rules alone" column is
``kg eval --set test --system kg.rules`` (kg without its name tagger).
"""

from __future__ import annotations

import datetime
from typing import Any

from kg.eval.evaluate import Score, score, score_by
from kg.eval.goldsets import load_set, predict

TYPES = ("PARK", "COMPANY", "FUND", "PERSON", "INDUSTRY", "ORG")
RELATIONS = ("HOLDS_POST", "LOCATED_IN", "PART_OF", "FOCUSES_ON", "LEADS_CHAIN", "INVESTS_IN", "OPERATES",
             "PARTNERS_WITH", "SUBSIDIARY_OF")


def _get(block: dict[str, Any], key: str) -> dict[str, Any]:
    return block["overall"] if key == "overall" else block["by_type"].get(key, {"p": 0, "r": 0, "f1": 0, "n_gold": 0})


def entity_table(test: Score, dev: Score, base: Score, rules: Score) -> str:
    rows = ["| type | P | R | **F1** | mention F1 | gold | dev F1 | rules alone F1 | jieba.posseg F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t in (*TYPES, "overall"):
        e, m, d, b = _get(test.entities, t), _get(test.mentions, t), _get(dev.entities, t), _get(base.entities, t)
        name = "**overall**" if t == "overall" else t
        rows.append(f"| {name} | {e['p']:.3f} | {e['r']:.3f} | **{e['f1']:.3f}** | {m['f1']:.3f} | {e['n_gold']} "
                    f"| {d['f1']:.3f} | {_get(rules.entities, t)['f1']:.3f} | {b['f1']:.3f} |")
    return "\n".join(rows)


def relation_table(test: Score, dev: Score) -> str:
    rows = ["| relation | P | R | **F1** | gold | F1, ends found | dev F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for t in (*RELATIONS, "overall"):
        r, f, d = _get(test.relations, t), _get(test.relations_found_ends, t), _get(dev.relations, t)
        name = "**overall**" if t == "overall" else t
        rows.append(f"| {name} | {r['p']:.3f} | {r['r']:.3f} | **{r['f1']:.3f}** | {r['n_gold']} | {f['f1']:.3f} | {d['f1']:.3f} |")
    return "\n".join(rows)


def group_table(groups: dict[str, Score], counts: dict[str, int]) -> str:
    rows = ["| articles | docs | entity F1 | mention F1 | relation F1 |", "|---|---:|---:|---:|---:|"]
    for label, s in groups.items():
        rows.append(f"| {label} | {counts[label]} | {s.entities['overall']['f1']:.3f} | "
                    f"{s.mentions['overall']['f1']:.3f} | {s.relations['overall']['f1']:.3f} |")
    return "\n".join(rows)


def main() -> None:
    results = {}
    for name in ("test", "dev"):
        gold, arts = load_set(name)
        kg_pred = predict(gold, arts, None, progress=False)
        base_pred = predict(gold, arts, None, system="jieba.posseg")
        results[name] = (gold, arts, score(gold, kg_pred), score(gold, base_pred), kg_pred)
    gold, arts, test, base, pred = results["test"]
    rules = score(gold, predict(gold, arts, None, system="kg.rules", progress=False))  # kg without the name tagger
    dev = results["dev"][2]
    print(f"<!-- python benchmarks/quality_tables.py, {datetime.date.today()} -->")
    print(f"Test set: {len(gold)} articles, {sum(len(d.entities) for d in gold.values())} entities, "
          f"{sum(len(d.relations) for d in gold.values())} relations.\n")
    print(entity_table(test, dev, base, rules))
    print()
    print(relation_table(test, dev))
    print()
    lk, dl, bl = test.linking, dev.linking, base.linking
    print(f"Linking (pairwise, test): P {lk['p']:.3f}, R {lk['r']:.3f}, **F1 {lk['f1']:.3f}** "
          f"({lk['n_gold']} gold pairs); dev F1 {dl['f1']:.3f}; rules alone F1 {rules.linking['f1']:.3f}; "
          f"jieba.posseg F1 {bl['f1']:.3f}. Relations, rules alone: F1 {rules.relations['overall']['f1']:.3f}.\n")
    for key in ("script", "group"):
        labels = {d: a.label(key) for d, a in arts.items()}
        counts = {v: sum(1 for x in labels.values() if x == v) for v in set(labels.values())}
        print(group_table(score_by(gold, pred, labels), counts))
        print()


if __name__ == "__main__":
    main()
