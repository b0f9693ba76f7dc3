"""Train the relation pair classifier (:mod:`kg.extract.relations.pairs`) on gold sets of the checkout.

Each gold article is extracted as ``kg build`` extracts it (the name tagger and the entity rules give
the mentions; the relation rules give the relations the features mention). Every candidate pair is
labelled with the relation type gold states between the two ends, or ``NONE``: a mention stands for the
gold entities of its type that have its surface form (normalized as the scorer compares forms,
:func:`kg.eval.evaluate.norm_form`); PARTNERS_WITH ignores direction, as in scoring. A pair stated
anywhere in the article is a positive in every sentence naming both ends.

    python -m kg.eval.pairs_train --out kg/data/models/relation-pairs.crfsuite   # dev + seeds, the shipped model

The test split is never read here. ``benchmarks/pairs_cv.py`` measures the classifier by
cross-validation over the development articles, with :func:`collect` and :func:`examples`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgUsageError
from kg.extract.relations import pairs
from kg.options import DEFAULT_SEGMENTER

#: The sets the shipped model is trained on (the test split is for reporting only, never for training).
TRAIN_SETS = ("dev", "seeds")


@dataclass(frozen=True)
class LabelledDoc:
    """One gold article's candidates: (features, gold label) each."""

    doc_id: str
    set_name: str
    items: tuple[tuple[tuple[str, ...], str], ...]


def _gold_label(pair: pairs.Pair, ids_of: dict[tuple[str, str], set[str]], gold: set[tuple[str, str, str]]) -> str:
    from kg.eval.evaluate import norm_form

    hs = ids_of.get((pair.head.type, norm_form(pair.head.text)), set())
    ts = ids_of.get((pair.tail.type, norm_form(pair.tail.text)), set())
    for rtype in pair.types:
        if any((h, rtype, t) in gold or rtype == "PARTNERS_WITH" and (t, rtype, h) in gold for h in hs for t in ts):
            return rtype
    return pairs.NONE


def collect(set_name: str) -> list[LabelledDoc]:
    """The labelled candidates of every article of a gold set (``dev`` or ``seeds``; never ``test``)."""
    if set_name == "test" or set_name == "all":
        raise KgUsageError("the test split is for reporting only: the pair classifier never trains on it")
    from kg.eval.goldsets import load_set, verify
    from kg.extract.relations import find_relations
    from kg.extract.relations.reader import TitleLexicon
    from kg.run.work import document_mentions, pipeline, pipeline_lexicons, process_document
    from kg.text.ingest import Rejected, iter_inputs

    gold, arts = load_set(set_name)
    ids = sorted(gold)
    nlp = pipeline(DEFAULT_SEGMENTER, True)  # what `kg build` (and `kg eval`) extracts with
    lex = pipeline_lexicons(nlp)
    titles = TitleLexicon.of(lex.titles)
    out = []
    for doc_id, path in zip(ids, verify(arts, ids)):
        (item,) = [d for d in iter_inputs([str(path)]) if not isinstance(d, Rejected)]
        processed = process_document(item)
        text = processed.normalized.text
        mentions = document_mentions(processed, nlp)
        rules_found = find_relations(text, mentions, lex.titles, lex.cities)
        g = gold[doc_id]
        ids_of: dict[tuple[str, str], set[str]] = {}
        for e in g.entities.values():
            for form in e.forms:
                ids_of.setdefault((e.type, form), set()).add(e.id)
        gold_rels = set(g.relations)
        items = tuple((tuple(f), _gold_label(p, ids_of, gold_rels)) for p, f in pairs.featurized(text, mentions, rules_found, titles))
        out.append(LabelledDoc(doc_id, set_name, items))
    return out


def examples(docs: Sequence[LabelledDoc]) -> list[tuple[list[str], str]]:
    """The training examples of ``docs``, in their order."""
    return [(list(f), label) for d in docs for f, label in d.items]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(out: Path, sets: Sequence[str] = TRAIN_SETS) -> dict[str, object]:
    """Train on ``sets`` and write the model and its sidecar (``<out>.json``); returns the sidecar."""
    from kg.eval.goldsets import set_paths

    t0 = time.perf_counter()
    docs = [d for s in sets for d in collect(s)]
    t1 = time.perf_counter()
    data = examples(docs)
    pairs.fit(data, out)
    t2 = time.perf_counter()
    meta = {
        "model": out.name, "sha256": sha256(out), "bytes": out.stat().st_size, "rule": pairs.RULE,
        "kind": "multinomial logistic regression (python-crfsuite L-BFGS on one-item sequences)",
        "params": pairs.PARAMS, "threshold": pairs.THRESHOLD, "residual": pairs.RESIDUAL, "rule_feature": pairs.RULE_FEATURE, "add_types": list(pairs.ADD_TYPES), "max_gap": pairs.MAX_GAP,
        "trigger_lists": list(pairs.TRIGGER_LISTS + pairs.TRIGGER_PATTERNS),
        "training_files": {p.name: sha256(p) for s in sets for p in set_paths(s)},
        "documents": len(docs), "examples": len(data), "labels": dict(sorted(Counter(lab for _, lab in data).items())),
        "seconds": {"extract": round(t1 - t0, 1), "fit": round(t2 - t1, 1)}, "command": pairs.TRAIN_CMD,
    }
    Path(str(out) + ".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return meta


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="model file to write (and <out>.json)")
    ap.add_argument("--sets", nargs="+", default=list(TRAIN_SETS), choices=["dev", "seeds"], help="gold sets to train on")
    args = ap.parse_args(argv)
    meta = train(args.out, args.sets)
    print(f"{meta['examples']} candidates of {meta['documents']} articles, labels {meta['labels']}")
    print(f"wrote {args.out} ({meta['bytes']} bytes) in {meta['seconds']}; sha256 {meta['sha256']}")


if __name__ == "__main__":
    main()
