"""Cross-validated development figures of a name tagger that trains on the development gold.

    python benchmarks/ner_gold_cv.py --folds 2 --train [--weight 3] [--work DIR]
    python benchmarks/ner_gold_cv.py --folds 2 --models DIR/f0.crfsuite,DIR/f1.crfsuite

A tagger trained on the development gold (``python -m kg.extract.ner.train --extra`` with the file of
``python -m kg.eval.ner_gold``) has seen the
development articles, so ``kg eval --set dev`` on it is a training-set figure. The honest figure is
cross-validated by article: the articles are cut into ``--folds`` fixed folds
(:func:`kg.extract.ner.gold.fold_of`); for fold k, a tagger trained on the public corpora and the
*other* folds (``kg.eval.ner_gold --skip-fold k/N``) extracts fold k's articles with the full pipeline; the union
of the folds' predictions is scored as ``kg eval`` scores. The shipped tagger is scored on the same
articles beside it. ``--train`` first trains the fold models (about 10 minutes each, one core each,
run side by side). The test split is never read.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.eval.evaluate import Predicted, format_report, load_predicted, score  # noqa: E402
from kg.eval.goldsets import load_set, verify  # noqa: E402
from kg.extract.ner import tagger as tagger_mod  # noqa: E402
from kg.eval.ner_gold import fold_of  # noqa: E402
from kg.run import work  # noqa: E402
from kg.run.build import build  # noqa: E402


def train_folds(folds: int, weight: int, work: Path) -> list[Path]:
    """Train one model per fold, side by side; their paths."""
    procs, paths = [], []
    for k in range(folds):
        out = work / f"f{k}-w{weight}.crfsuite"
        paths.append(out)
        spans = work / f"gold-dev-without-fold{k}of{folds}.jsonl"
        subprocess.run([sys.executable, "-m", "kg.eval.ner_gold", "--set", "dev", "--skip-fold", f"{k}/{folds}",
                        "--out", str(spans)], check=True)
        cmd = [sys.executable, "-m", "kg.extract.ner.train", "--out", str(out), "--extra", str(spans),
               "--extra-weight", str(weight), "--no-eval", "--progress", "0"]
        procs.append(subprocess.Popen(cmd, stdout=open(str(out) + ".log", "w"), stderr=subprocess.STDOUT))
    for p in procs:
        if p.wait() != 0:
            raise SystemExit(f"training failed: see {work}/*.log")
    return paths


def extract(paths: list[Path], model: Path | None) -> Predicted:
    """Build the articles in-process with ``model`` as the tagger (None: the shipped one)."""
    if model is not None:
        tagger_mod._default = lambda: tagger_mod.NerTagger.from_file(model)  # one process: the patch holds
    work.pipeline.cache_clear()  # the pipeline holds the tagger it was made with
    try:
        with tempfile.TemporaryDirectory(prefix="kg-cv-") as tmp:
            build([str(p) for p in paths], Path(tmp) / "out", progress=False)
            return load_predicted(Path(tmp) / "out")
    finally:
        tagger_mod._default = _shipped


def merge(preds: list[Predicted]) -> Predicted:
    return Predicted([m for p in preds for m in p.mentions], [r for p in preds for r in p.relations],
                     {k: v for p in preds for k, v in p.entity_names.items()},
                     {k: v for p in preds for k, v in p.raw_texts.items()})


_shipped = tagger_mod._default


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--models", default=None, help="comma-separated fold models, fold 0 first")
    ap.add_argument("--train", action="store_true", help="train the fold models first")
    ap.add_argument("--weight", type=int, default=3, help="--gold-weight of the fold models (with --train)")
    ap.add_argument("--work", default=None, help="folder for the fold models (with --train)")
    ap.add_argument("--baseline", default=None,
                    help="the tagger to compare with, trained without the gold (default: the shipped one; once the "
                         "shipped one has seen the dev gold, give the earlier model file here)")
    args = ap.parse_args(argv)
    if args.train:
        work = Path(args.work or tempfile.mkdtemp(prefix="kg-ner-cv-"))
        work.mkdir(parents=True, exist_ok=True)
        models = train_folds(args.folds, args.weight, work)
    elif args.models:
        models = [Path(m) for m in args.models.split(",")]
    else:
        raise SystemExit("give --models or --train")
    if len(models) != args.folds:
        raise SystemExit(f"{len(models)} models for {args.folds} folds")
    gold, arts = load_set("dev")
    ids = sorted(gold)
    paths = dict(zip(ids, verify(arts, ids), strict=True))
    cv = merge([extract([paths[d] for d in ids if fold_of(d, args.folds) == k], m) for k, m in enumerate(models)])
    base = extract([paths[d] for d in ids], Path(args.baseline) if args.baseline else None)
    print(f"== {args.baseline or 'shipped tagger'}, dev ({len(ids)} articles)\n"
          + format_report(score(gold, base), show_errors=False))
    print(f"\n== tagger trained with the other folds' gold, {args.folds}-fold cross-validated\n"
          + format_report(score(gold, cv), show_errors=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
