"""Train the character CRF: ``python -m kg.extract.ner.train --out kg/data/models/ner-crf.crfsuite``.

Reads the corpora (:mod:`kg.extract.ner.corpora`: ``--corpora``, ``$KG_NER_CORPORA`` or
``../shared/ner-corpora``), holds out the fixed tuning slices, trains with L-BFGS
(python-crfsuite), scores the model on the tuning sets (the held-out slices and
``resume-dev``; never a test file), and writes the model plus a JSON sidecar
(``<out>.json``: label map, feature set, training files with their sha256,
parameters, figures, wall time) and prints the model's sha256.

Training is deterministic: the same data and options give the same model bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kg.extract.ner import corpora
from kg.extract.ner.features import Featurizer, FeatureSpec
from kg.extract.ner.labels import LABEL_MAP, LABEL_MAP_WITH_COMPANY, bio_tags
from kg.extract.ner.scoring import score, table
from kg.kb.pinned import sha256_file

DEFAULTS = {"c1": 0.1, "c2": 0.01, "iterations": 200, "minfreq": 1}


def _trainer(verbose_every: int):
    import pycrfsuite

    class Trainer(pycrfsuite.Trainer):
        def on_iteration(self, log, info):  # noqa: D401 - crfsuite callback
            it = info.get("num", 0)
            if verbose_every and (it == 1 or it % verbose_every == 0):
                print(f"  iter {it:4d}  loss {info.get('loss', 0):14.1f}  active {info.get('active_features', 0):9d}"
                      f"  {info.get('time', 0):.2f}s", flush=True)

        def on_start(self, log):
            pass

        def on_featgen_progress(self, log, percent):
            pass

        def on_featgen_end(self, log):
            pass

        def on_prepared(self, log):
            pass

        def on_optimization_end(self, log):
            for line in log.strip().splitlines():
                print("  " + line, flush=True)

        def on_end(self, log):
            pass

    return Trainer(verbose=True)  # verbose: crfsuite's messages reach the handlers above


def load(corpora_dir: Path, label_map: dict, limit: int | None = None, files: tuple[str, ...] = corpora.TRAIN_FILES):
    """``(train, tuning_sets, file_info)``; ``limit`` keeps the first N training examples of each file."""
    train, tuning, info = [], {}, []
    for name in files:
        path = corpora_dir / name
        exs = corpora.read(path, label_map)
        corpus = name.split("-", 1)[0]
        tr, held = corpora.split(exs, corpora.HELD_OUT_SHARE[corpus])
        if limit:
            tr, held = tr[:limit], held[: max(1, limit // 10)] if held else held
        train += tr
        if held:
            tuning[f"{corpus}-heldout"] = held
        info.append({"file": name, "sha256": corpora.file_sha256(path), "examples_used": len(tr),
                     "held_out": len(held)})
    dev = corpora.read(corpora_dir / "resume-dev.jsonl", label_map)
    tuning["resume-dev"] = dev[: max(1, limit // 10)] if limit else dev
    return train, tuning, info


def evaluate(model_path: Path, spec: FeatureSpec, sets: dict) -> dict:
    from kg.extract.ner.tagger import NerTagger

    tagger = NerTagger(model_path, spec)
    out = {}
    for name, exs in sets.items():
        pred = [[(s.start, s.end, s.label) for s in tagger.tag(x.text, with_prob=False)] for x in exs]
        out[name] = score([list(x.spans) for x in exs], pred)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.extract.ner.train", description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="model file to write (a .json sidecar is written next to it)")
    ap.add_argument("--corpora", default=None, help=f"corpus folder (default ${corpora.ENV} or {corpora.DEFAULT_DIR})")
    ap.add_argument("--features", default=FeatureSpec().name, help="feature set, e.g. chars-v1, chars-v1+words+lex")
    ap.add_argument("--labels", choices=("default", "company"), default="default",
                    help="label map: default (CLUENER company→ORG) or company (a COMPANY label)")
    ap.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    ap.add_argument("--iterations", type=int, default=DEFAULTS["iterations"])
    ap.add_argument("--minfreq", type=float, default=DEFAULTS["minfreq"], help="drop attributes seen fewer times")
    ap.add_argument("--limit", type=int, default=None, help="first N training examples per file (quick runs)")
    ap.add_argument("--files", default=",".join(corpora.TRAIN_FILES), help="training files, comma-separated")
    ap.add_argument("--extra", action="append", default=[], metavar="FILE",
                    help="another span JSONL to train on, repeatable (the dev gold: python -m kg.eval.ner_gold)")
    ap.add_argument("--extra-weight", type=int, default=3, help="how many times each --extra sentence is repeated")
    ap.add_argument("--no-eval", action="store_true", help="skip scoring on the tuning sets")
    ap.add_argument("--progress", type=int, default=10, help="print every N iterations (0: quiet)")
    args = ap.parse_args(argv)

    t0 = time.time()
    spec = FeatureSpec.from_name(args.features)
    label_map = LABEL_MAP_WITH_COMPANY if args.labels == "company" else LABEL_MAP
    cdir = corpora.corpora_dir(args.corpora)
    files = tuple(f for f in args.files.split(",") if f)
    for f in files + tuple(Path(x).name for x in args.extra):
        if "test" in f:
            raise SystemExit(f"{f}: test files are for reporting only, never for training")
    print(f"reading {', '.join(files)} from {cdir}", flush=True)
    train, tuning, info = load(cdir, label_map, args.limit, files)
    for extra in args.extra:
        exs = corpora.read(Path(extra), label_map)
        train += exs * args.extra_weight
        info.append({"file": Path(extra).name, "sha256": corpora.file_sha256(Path(extra)), "examples_used": len(exs),
                     "weight": args.extra_weight, "held_out": 0})
        print(f"{extra}: {len(exs)} sentences x {args.extra_weight}", flush=True)
    n_chars = sum(len(x.text) for x in train)
    print(f"{len(train)} training sentences, {n_chars} characters; features {spec.name}", flush=True)
    feat = Featurizer(spec)
    trainer = _trainer(args.progress)
    for i, x in enumerate(train):
        trainer.append(feat.features(x.text), bio_tags(len(x.text), list(x.spans)))
        if args.progress and (i + 1) % 10000 == 0:
            print(f"  featurized {i + 1}", flush=True)
    t_feat = time.time() - t0
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
              "feature.possible_transitions": True, "feature.minfreq": args.minfreq}
    trainer.set_params(params)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    print(f"training (L-BFGS {params})", flush=True)
    trainer.train(str(out))
    t_train = time.time() - t0
    figures = {} if args.no_eval else evaluate(out, spec, tuning)
    digest = sha256_file(out)
    meta = {
        "model": out.name, "sha256": digest, "bytes": out.stat().st_size,
        "features": spec.name, "label_scheme": "BIO",
        "label_map": label_map, "training_files": info, "held_out_seed": corpora.SEED,
        "held_out_share": corpora.HELD_OUT_SHARE, "limit": args.limit,
        "algorithm": "lbfgs", "params": params,
        "training_sentences": len(train), "training_chars": n_chars,
        "seconds": {"read_and_featurize": round(t_feat, 1), "total_training": round(t_train, 1)},
        "tuning_figures": figures,
    }
    Path(str(out) + ".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if figures:
        print(table({k: v for k, v in figures.items()}))
    print(f"wrote {out} ({out.stat().st_size} bytes) in {t_train:.0f}s")
    print(f"sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
