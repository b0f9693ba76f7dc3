"""The relation pair classifier measured honestly: k-fold cross-validation over the development articles.

The shipped classifier (:mod:`kg.extract.relations.pairs`) is trained on the dev gold, so a dev
figure of the shipped model is a training-set figure. Here the dev articles are split into
``--folds`` folds by a fixed hash of their doc_id; for each fold a model is trained on the other
folds and the seeds (:mod:`kg.eval.pairs_train`), and the fold's articles are built with it, as
``kg build`` builds them. The predictions of all folds are scored together with the scorer of
``kg eval`` (relation P/R/F1 and the found-ends reading), beside the rules alone on the same build.

Each model relation carries its probability while measuring, so one build per fold serves every
threshold (and every subset of relation types) in ``--thresholds``; ``--confirm`` rebuilds once
with the chosen threshold and types, as a build runs. The test split is never read.

    python benchmarks/pairs_cv.py                            # the table of thresholds
    python benchmarks/pairs_cv.py --threshold 0.5 --confirm  # per-type tables at one setting, rebuilt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FOLDS = 5


def fold_of(doc_id: str, k: int = FOLDS) -> int:
    """The fold of a dev article: a fixed hash of its doc_id.

    >>> fold_of("eb2011-cgxqzx-ff8080812fb4297b012fb8d11118016e") in range(FOLDS)
    True
    """
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % k


def merge(preds: list) -> object:
    from kg.eval.evaluate import Predicted

    out = Predicted([], [], {}, {})
    for p in preds:
        out.mentions += p.mentions
        out.relations += p.relations
        out.entity_names.update(p.entity_names)
        out.raw_texts.update(p.raw_texts)
    return out


def build_fold(paths: list[Path], model: object, tmp: Path, name: str) -> object:
    """Build ``paths`` as ``kg build`` does, the pair classifier being ``model`` (None: the rules alone)."""
    from kg.eval.evaluate import load_predicted
    from kg.extract.relations.pairs import using
    from kg.run.build import build

    with using(model):
        build([str(p) for p in paths], tmp / name, progress=False, model=True, pairs=model is not None)
    return load_predicted(tmp / name)


def _prob(row: dict[str, str]) -> float:
    try:
        return float(dict(json.loads(row.get("attrs") or "{}")).get("p", 1.0))
    except (ValueError, TypeError):
        return 1.0


def filtered(pred: object, threshold: float, types: tuple[str, ...]) -> object:
    """``pred`` with the model relations below ``threshold`` or of other types dropped."""
    from kg.eval.evaluate import Predicted
    from kg.extract.relations.pairs import RULE

    keep = [r for r in pred.relations
            if r.get("rule") != RULE or (r["relation"] in types and _prob(r) >= threshold)]
    return Predicted(pred.mentions, keep, pred.entity_names, pred.raw_texts)


def cross_validate(k: int, threshold: float, types: tuple[str, ...], record: bool, params: dict) -> tuple[object, object, dict]:
    """(rules-alone predictions, cross-validated predictions, timings) on the dev articles."""
    from kg.eval.goldsets import load_set, verify
    from kg.eval.pairs_train import collect, examples
    from kg.extract.relations.pairs import PairModel, fit

    gold, arts = load_set("dev")
    ids = sorted(gold)
    path_of = dict(zip(ids, verify(arts, ids)))
    t0 = time.perf_counter()
    dev, seeds = collect("dev"), collect("seeds")
    times = {"collect": time.perf_counter() - t0, "fit": 0.0, "build": 0.0}
    rules, model = [], []
    with tempfile.TemporaryDirectory(prefix="kg-pairs-cv-") as tmp_name:
        tmp = Path(tmp_name)
        for fold in range(k):
            held = [d for d in ids if fold_of(d, k) == fold]
            t1 = time.perf_counter()
            train = examples(seeds + [d for d in dev if fold_of(d.doc_id, k) != fold])
            fitted = PairModel(fit(train, tmp / f"fold{fold}.crfsuite", params), threshold=threshold, types=types, record=record)
            t2 = time.perf_counter()
            paths = [path_of[d] for d in held]
            rules.append(build_fold(paths, None, tmp, f"rules{fold}"))
            model.append(build_fold(paths, fitted, tmp, f"model{fold}"))
            times["fit"] += t2 - t1
            times["build"] += time.perf_counter() - t2
    return merge(rules), merge(model), times


def summary_row(label: str, s: object) -> str:
    r, f = s.relations["overall"], s.relations_found_ends["overall"]
    return (f"| {label} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} | {r['n_pred']} | "
            f"{f['p']:.3f} | {f['r']:.3f} | {f['f1']:.3f} | {f['tp']}/{f['n_gold']} |")


def main() -> None:
    from kg.eval.evaluate import format_miss_causes, format_table, score
    from kg.eval.goldsets import load_set
    from kg.extract.relations import pairs
    from kg.extract.relations.pairs import ADD_TYPES, PARAMS, THRESHOLD

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="the setting of the per-type tables")
    ap.add_argument("--types", nargs="+", default=list(ADD_TYPES), help="relation types the model may add")
    ap.add_argument("--c2", type=float, default=float(PARAMS["c2"]))
    ap.add_argument("--c1", type=float, default=float(PARAMS["c1"]))
    ap.add_argument("--residual", choices=["on", "off"], help="train and add on the residual candidates only "
                    "(pairs.RESIDUAL; default: the shipped setting)")
    ap.add_argument("--confirm", action="store_true", help="build at --threshold (no probability filter afterwards)")
    args = ap.parse_args()
    if args.residual:
        pairs.RESIDUAL = args.residual == "on"
    gold, _ = load_set("dev")
    types = tuple(args.types)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2}
    low = args.threshold if args.confirm else min(args.thresholds + [args.threshold])
    rules, model, times = cross_validate(args.folds, low, types, not args.confirm, params)
    base = score(gold, rules)
    print(f"dev, {len(gold)} articles, {args.folds}-fold cross-validation by doc_id hash; params {params}; "
          f"types {' '.join(types)}; residual {pairs.RESIDUAL}")
    print("\n| setting | rel P | rel R | rel F1 | pred | found-ends P | found-ends R | found-ends F1 | found |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(summary_row("rules alone", base))
    for th in ([] if args.confirm else sorted(args.thresholds)):
        print(summary_row(f"+ model ≥ {th:.2f}", score(gold, filtered(model, th, types))))
    chosen = score(gold, model if args.confirm else filtered(model, args.threshold, types))
    if args.confirm:
        print(summary_row(f"+ model ≥ {args.threshold:.2f} (built)", chosen))
    for name, s in (("rules alone", base), (f"rules + model ≥ {args.threshold:.2f}, cross-validated", chosen)):
        print(f"\n{name}\n" + format_table("relations", s.relations) + "\n"
              + format_table("relations whose gold ends were both found", s.relations_found_ends) + "\n"
              + format_miss_causes(s.relation_miss_causes))
    print("\nseconds: " + ", ".join(f"{k} {v:.1f}" for k, v in times.items()))


if __name__ == "__main__":
    main()
