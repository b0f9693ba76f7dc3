"""The NER tagger on public test sets, its speed, size and load time.

    python benchmarks/ner_public.py [--model PATH] [--corpora DIR] [--speed-docs 2000] [--json OUT]

* span-level exact-match P/R/F1 per label on MSRA test (PER/ORG/LOC), Resume test
  (NAME→PER, ORG→ORG; the other Resume labels are not modelled) and Resume dev (a tuning set);
* tagger speed in characters per second on the first ``--speed-docs`` articles of
  ``../shared/corpus/news-zh.jsonl`` (normalized first; normalization not timed), one core,
  with and without the span probabilities, and the share of the time spent in feature extraction;
* model file size and load time (hash check included); ``--posseg`` also times ``jieba.posseg`` on the same texts.

The test files are for reporting: do not tune on them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.extract.ner import corpora  # noqa: E402
from kg.extract.ner.scoring import score, table  # noqa: E402
from kg.extract.ner.tagger import NerTagger, chunks, models_dir, MODEL_FILE  # noqa: E402
from kg.text.normalize import normalize_text  # noqa: E402

SETS = {"msra-test": "msra-test.jsonl", "resume-test": "resume-test.jsonl", "resume-dev": "resume-dev.jsonl"}


def _load(path: str | None) -> tuple[NerTagger, float]:
    t = time.perf_counter()
    if path:
        tagger = NerTagger.from_file(path)
    else:
        from kg.extract.ner.tagger import _default

        tagger = _default()
    return tagger, time.perf_counter() - t


def speed(tagger: NerTagger, corpus: Path, n_docs: int, posseg: bool = False) -> dict:
    texts = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= n_docs:
                break
            texts.append(normalize_text(json.loads(line)["text"]).text)
    n = sum(map(len, texts))
    out = {"documents": len(texts), "chars": n}
    for with_prob in (True, False):
        t = time.perf_counter()
        n_spans = sum(len(tagger.tag(x, with_prob=with_prob)) for x in texts)
        dt = time.perf_counter() - t
        out["chars_per_s" + ("" if with_prob else "_no_prob")] = round(n / dt)
        out["spans"] = n_spans
    t = time.perf_counter()
    for x in texts:
        for s, e in chunks(x):
            tagger.featurizer.features(x[s:e])
    out["feature_share"] = round((time.perf_counter() - t) / (n / out["chars_per_s_no_prob"]), 3)
    if posseg:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        jieba.initialize()
        t = time.perf_counter()
        for x in texts:
            list(jieba.posseg.cut(x))
        out["jieba_posseg_chars_per_s"] = round(n / (time.perf_counter() - t))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="a model file with its .json sidecar (default: the shipped model)")
    ap.add_argument("--corpora", default=None)
    ap.add_argument("--news", default=os.environ.get("KG_NEWS_CORPUS", "../shared/corpus/news-zh.jsonl"))
    ap.add_argument("--speed-docs", type=int, default=2000)
    ap.add_argument("--posseg", action="store_true", help="also time jieba.posseg on the same texts, for comparison")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    tagger, load_s = _load(args.model)
    cdir = corpora.corpora_dir(args.corpora)
    figures = {}
    for name, f in SETS.items():
        exs = corpora.read(cdir / f)
        pred = [[(s.start, s.end, s.label) for s in tagger.tag(x.text, with_prob=False)] for x in exs]
        labels = ("PER", "ORG", "LOC") if name.startswith("msra") else ("PER", "ORG")
        figures[name] = score([list(x.spans) for x in exs], pred, labels)
    path = tagger.path
    info = {"model": str(path), "features": tagger.spec.name, "bytes": path.stat().st_size,
            "load_seconds": round(load_s, 3)}
    if args.speed_docs:
        info["speed"] = speed(tagger, Path(args.news), args.speed_docs, args.posseg)
    print(table(figures))
    print()
    print(json.dumps(info, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": figures, **info}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
