"""A second model family for comparison: spaCy's ``ner`` (transition-based) over character tokens.

    python benchmarks/ner_spacy_compare.py --minutes 15 --out /tmp/ner-spacy [--corpora DIR]

The same training data, label map, normalization and held-out slices as the CRF
(``kg.extract.ner.train.load``); ``spacy.blank("zh")`` with its ``char`` segmenter
(one token per character), a small CNN (``HashEmbedCNN``: width 96, depth 4, window 1,
no subword features) and the ``TransitionBasedParser`` NER head, trained on CPU with
a fixed seed for a bounded wall time (``--minutes``), then scored with the table of
``benchmarks/ner_public.py`` (MSRA test, Resume test, Resume dev, the held-out
slices) and timed on the first ``--speed-docs`` news articles. Not shipped: the
model is written to ``--out`` for inspection only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.extract.ner import corpora  # noqa: E402
from kg.extract.ner.labels import LABEL_MAP  # noqa: E402
from kg.extract.ner.scoring import score, table  # noqa: E402
from kg.extract.ner.tagger import chunks  # noqa: E402
from kg.extract.ner.train import load  # noqa: E402
from kg.text.normalize import normalize_text  # noqa: E402

CONFIG = {"model": {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 96, "depth": 4,
                "embed_size": 4000, "window_size": 1, "maxout_pieces": 3, "subword_features": False}}}


def _example(nlp, x):
    from spacy.training import Example

    doc = nlp.make_doc(x.text)
    ents = []
    for s, e, lab in x.spans:
        span = doc.char_span(s, e, label=lab)
        if span is not None:
            ents.append((span.start_char, span.end_char, lab))
    return Example.from_dict(doc, {"entities": ents})


def predict(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    out = []
    for text in texts:
        pieces = chunks(text)
        spans = []
        for (s, _e), doc in zip(pieces, nlp.pipe([text[a:b] for a, b in pieces], batch_size=256), strict=True):
            spans += [(s + ent.start_char, s + ent.end_char, ent.label_) for ent in doc.ents]
        out.append(spans)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default=None)
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=15.0)
    ap.add_argument("--seed", type=int, default=corpora.SEED)
    ap.add_argument("--news", default="../shared/corpus/news-zh.jsonl")
    ap.add_argument("--speed-docs", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=None, help="first N training examples per file (smoke runs)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(args.seed)
    cdir = corpora.corpora_dir(args.corpora)
    train, tuning, _info = load(cdir, LABEL_MAP, args.limit)
    nlp = spacy.blank("zh")
    ner = nlp.add_pipe("ner", config=CONFIG)
    for lab in ("PER", "ORG", "LOC"):
        ner.add_label(lab)
    examples = [_example(nlp, x) for x in train]
    optimizer = nlp.initialize(lambda: examples[:2000])
    rng = random.Random(args.seed)
    t0 = time.time()
    deadline = t0 + args.minutes * 60
    epoch, seen = 0, 0
    while time.time() < deadline:
        epoch += 1
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(8.0, 64.0, 1.001)):
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses)
            seen += len(batch)
            if seen % 20000 < len(batch):
                print(f"  epoch {epoch} seen {seen} loss {losses.get('ner', 0):.0f} {time.time() - t0:.0f}s", flush=True)
            if time.time() >= deadline:
                break
    train_s = time.time() - t0
    out = Path(args.out)
    nlp.to_disk(out)
    figures = {}
    for name, f in (("msra-test", "msra-test.jsonl"), ("resume-test", "resume-test.jsonl"), ("resume-dev", "resume-dev.jsonl")):
        exs = corpora.read(cdir / f)
        labels = ("PER", "ORG", "LOC") if name.startswith("msra") else ("PER", "ORG")
        figures[name] = score([list(x.spans) for x in exs], predict(nlp, [x.text for x in exs]), labels)
    for name, exs in tuning.items():
        if name != "resume-dev":
            figures[name] = score([list(x.spans) for x in exs], predict(nlp, [x.text for x in exs]))
    texts = []
    with open(args.news, encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= args.speed_docs:
                break
            texts.append(normalize_text(json.loads(line)["text"]).text)
    t = time.perf_counter()
    predict(nlp, texts)
    cps = round(sum(map(len, texts)) / (time.perf_counter() - t))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    t = time.perf_counter()
    spacy.load(out)
    load_s = time.perf_counter() - t
    print(table(figures))
    info = {"epochs_started": epoch, "examples_seen": seen, "train_seconds": round(train_s), "chars_per_s": cps,
            "bytes": size, "load_seconds": round(load_s, 3)}
    print(json.dumps(info, indent=1))
    (out / "figures.json").write_text(json.dumps({"figures": figures, **info}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
