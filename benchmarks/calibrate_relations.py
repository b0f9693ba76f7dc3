"""Relation confidences calibrated on the development set, and their calibration measured on the test set.

Every relation a build finds carries the rule that found it (the ``rule`` column of relations.csv).
A rule's confidence is the share of its relations that are right, shrunk towards its family's share
when the rule found few (two pseudo-relations at the family's rate), so that of the relations stated
at 0.8, about 80 % are right. "Right" is counted on two samples pooled:

* the development gold: a fresh build of the dev articles, scored as ``kg eval`` scores it. The rules
  were written while reading these articles' errors, so alone it overstates them;
* ``benchmarks/gold/judged-relations.jsonl``: every relation kg built (as of the commit named in the
  gold README) on 68 unseen, non-gold articles, and a second draw of 184 relations kg stated below
  0.75 on 147 more (rows with ``"draw": "low"``), each judged right or wrong by the guidelines, ends'
  spans included. The rules had not seen it when it was judged; its verdicts are used as recorded
  (rules fixed since from its errors make it, if anything, pessimistic). The second draw took
  relations by their stated confidence, so it is no sample of a family or of all relations: it
  counts for its own rules' shares, not for the family and overall shares they are shrunk towards.

``--update`` writes the confidences to ``kg/data/relation_confidence.tsv``, which the graph exports read (the ``confidence`` of an edge).

    python benchmarks/calibrate_relations.py --update       # measure on dev + the judged sample, write the table
    python benchmarks/calibrate_relations.py --report test  # stated confidence against precision, by bin

A relation counts as right when both its ends match gold entities (the scorer's entity matching)
and gold holds that relation between them; a relation with an end that matches no gold entity
counts as wrong, as in ``kg eval``. The test set is for the report only.

The learned pair classifier (rule ``model:pairs``, off by default) is trained on the dev gold, so its
relations in a dev build would be judged on training data: its confidence is calibrated on the
cross-validated predictions of ``benchmarks/pairs_cv.py`` instead (each article's relations come
from a model that never saw it), at the shipped threshold and types.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "kg" / "data" / "relation_confidence.tsv"
JUDGED = ROOT / "benchmarks" / "gold" / "judged-relations.jsonl"
BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
PSEUDO = 2  # pseudo-relations at the family's rate added to each rule's count


def judged(set_name: str) -> list[tuple[str, float, bool]]:
    """(rule, stated confidence, right?) of every relation a fresh build finds in the set's articles."""
    from kg.eval.goldsets import load_set, predict

    gold, arts = load_set(set_name)
    return judge(gold, predict(gold, arts, None, progress=False))


def judged_model() -> list[tuple[str, float, bool]]:
    """The same for the pair classifier's relations, from the cross-validated dev build (``pairs_cv.py``)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from pairs_cv import FOLDS, cross_validate

    from kg.eval.goldsets import load_set
    from kg.extract.relations.pairs import ADD_TYPES, PARAMS, RULE, THRESHOLD

    gold, _ = load_set("dev")
    _, model, _ = cross_validate(FOLDS, THRESHOLD, ADD_TYPES, False, dict(PARAMS))
    return [row for row in judge(gold, model) if row[0] == RULE]


def judged_unseen(path: Path = JUDGED, low: bool | None = None) -> list[tuple[str, float, bool]]:
    """(rule, confidence the table states now, right?) of the relations judged on unseen articles, verdicts as recorded.

    ``low``: only the rows of the low-confidence draw (True), only the others (False), or all (None).
    """
    import json

    from kg.export.graph import confidence_of

    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = [r for r in rows if low is None or (r.get("draw") == "low") == low]
    return [(r["rule"], confidence_of(r["rule"]), bool(r["correct"])) for r in rows]


def judge(gold: dict, pred: object) -> list[tuple[str, float, bool]]:
    """(rule, stated confidence, right?) of every predicted relation against ``gold``."""
    from kg.eval.evaluate import _match_entities, _rel_key
    from kg.export.graph import confidence_of

    match, _ = _match_entities(gold, pred, {"entity_misses": [], "entity_false_hits": []})
    gold_rels = {d: {_rel_key(h, t, tl) for h, t, tl in g.relations} for d, g in gold.items()}
    out = []
    for r in pred.relations:
        d = r["doc_id"]
        h, t = match.get((d, r["head_id"])), match.get((d, r["tail_id"]))
        out.append((r.get("rule", ""), confidence_of(r.get("rule", "")), bool(h and t and _rel_key(h, r["relation"], t)
                                                                             in gold_rels.get(d, set()))))
    return out


def overall_share(rows: list[tuple[str, float, bool]]) -> float:
    """The share of right relations over all rules, shrunk towards one half by one pseudo-relation each way."""
    return (sum(ok for _, _, ok in rows) + 1) / (len(rows) + 2)


def calibrate(rows: list[tuple[str, float, bool]],
              own_only: list[tuple[str, float, bool]] = ()) -> dict[str, tuple[float, int, int]]:
    """rule -> (confidence, right, found) for every rule of the rule table.

    ``own_only``: relations drawn by their stated confidence (the low-confidence draw), which are no
    sample of their family or of all relations: they count for their own rule, not for the priors.
    """
    from kg.extract.relations.rule_table import RULES

    right, found = Counter(), Counter()
    for rule, _, ok in rows:
        right[rule] += ok
        found[rule] += 1
    overall = overall_share(rows)
    fam_right, fam_found = Counter(), Counter()
    for rule in found:
        fam_right[rule.split(":")[0]] += right[rule]
        fam_found[rule.split(":")[0]] += found[rule]
    for rule, _, ok in own_only:
        right[rule] += ok
        found[rule] += 1
    table = {}
    for rule in sorted({r.name for r in RULES} | set(found)):
        family = rule.split(":")[0]
        prior = (fam_right[family] + PSEUDO * overall) / (fam_found[family] + PSEUDO)
        table[rule] = ((right[rule] + PSEUDO * prior) / (found[rule] + PSEUDO), right[rule], found[rule])
    return table


def report(rows: list[tuple[str, float, bool]]) -> str:
    lines = ["| stated confidence | relations | mean stated | precision measured |", "|---|---:|---:|---:|"]
    for lo, hi in BINS:
        inside = [(c, ok) for _, c, ok in rows if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            prec = sum(ok for _, ok in inside) / len(inside)
            lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(inside)} | {mean:.2f} | {prec:.2f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="calibrate on the dev set and write the table")
    ap.add_argument("--report", choices=["dev", "test", "unseen"],
                    help="print stated confidence against measured precision (unseen: the judged sample's recorded verdicts)")
    args = ap.parse_args()
    if args.update:
        from kg.extract.relations.pairs import RULE

        pooled = judged("dev") + judged_unseen(low=False)
        table = calibrate(pooled, judged_unseen(low=True))  # the classifier does not move the rules' priors
        table[RULE] = calibrate(judged_model())[RULE]
        with TABLE.open("w", encoding="utf-8", newline="") as fh:
            fh.write("# Confidence of each relation rule: the share of its relations that are right on the development\n"
                     "# gold and on the judged unseen sample pooled, shrunk towards its family's share\n"
                     "# (benchmarks/calibrate_relations.py --update writes this file).\n")
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["rule", "confidence", "right", "found"])
            for rule, (conf, ok, n) in table.items():
                w.writerow([rule, f"{conf:.3f}", ok, n])
            w.writerow(["*", f"{overall_share(pooled):.3f}", "", ""])  # a rule the table does not know yet
        print(f"{len(table)} rules written to {TABLE}")
    if args.report:
        print(report(judged_unseen() if args.report == "unseen" else judged(args.report)))


if __name__ == "__main__":
    main()
