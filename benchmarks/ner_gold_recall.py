"""Model-alone recall of the NER tagger on the project's gold articles.

    python benchmarks/ner_gold_recall.py --set dev [--model PATH]

For each gold article: the article is read, cleaned and normalized as ``kg build``
does (``kg.run.work.process_document``), the tagger proposes spans on the normalized
body, and each distinct gold mention string (normalized: Simplified, half-width) of a
PERSON entity (label PER) or an organization-like entity (ORG, COMPANY, PARK: label ORG)
counts as found when some proposed span has exactly that string and the right coarse
label ("any label" is shown too). Mentions that do not occur in the normalized body at
all (boilerplate the cleaner removed) are counted separately and left out of the recall.

The test split is for reporting only: do not look at its errors or tune on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.eval.goldsets import load_set, verify  # noqa: E402
from kg.extract.ner.tagger import NerTagger  # noqa: E402
from kg.run.work import process_document  # noqa: E402
from kg.text.ingest import read_file  # noqa: E402
from kg.text.normalize import script_view  # noqa: E402

CLASSES = {"PERSON": ("person", "PER"), "ORG": ("organization-like", "ORG"), "COMPANY": ("organization-like", "ORG"),
           "PARK": ("organization-like", "ORG")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", required=True, choices=("dev", "test", "seeds"))
    ap.add_argument("--model", default=None, help="a model file with its .json sidecar (default: the shipped model)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-missed", type=int, default=0, help="print N missed mentions per class (dev only)")
    args = ap.parse_args(argv)
    if args.show_missed and args.set == "test":
        raise SystemExit("the test split is for reporting only: no error listings")
    tagger = NerTagger.from_file(args.model) if args.model else NerTagger.default()
    gold, arts = load_set(args.set)
    paths = dict(zip(gold, verify(arts, list(gold)), strict=True))
    total, found, any_label, absent, n_props = Counter(), Counter(), Counter(), Counter(), Counter()
    missed: dict[str, list[str]] = {}
    for doc_id, gdoc in gold.items():
        doc = read_file(paths[doc_id], doc_id)
        text = process_document(doc).normalized.text
        props = tagger.tag(text, with_prob=False)
        by_label = {(s.text, s.label) for s in props}
        strings = {s.text for s in props}
        n_props.update(s.label for s in props)
        seen = set()
        for ent in gdoc.entities.values():
            if ent.type not in CLASSES:
                continue
            cls, label = CLASSES[ent.type]
            for m in ent.mentions:
                m = script_view(m).replace(" ", "")
                if (cls, m) in seen:
                    continue
                seen.add((cls, m))
                if m not in text:
                    absent[cls] += 1
                    continue
                total[cls] += 1
                found[cls] += (m, label) in by_label
                any_label[cls] += m in strings
                if (m, label) not in by_label:
                    missed.setdefault(cls, []).append(m)
    rows = {cls: {"mentions": total[cls], "found": found[cls], "recall": round(found[cls] / total[cls], 4) if total[cls] else 0.0,
                  "found_any_label": any_label[cls],
                  "recall_any_label": round(any_label[cls] / total[cls], 4) if total[cls] else 0.0,
                  "not_in_body": absent[cls]} for cls in ("person", "organization-like")}
    result = {"set": args.set, "documents": len(gold), "model": str(tagger.path), "proposals": dict(n_props), "recall": rows}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"set {args.set}: {len(gold)} articles, model {tagger.path.name}, proposals {dict(n_props)}")
        print("| class | mentions | found (right label) | recall | found (any label) | recall any | not in body |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for cls, r in rows.items():
            print(f"| {cls} | {r['mentions']} | {r['found']} | {r['recall']:.3f} | {r['found_any_label']} | "
                  f"{r['recall_any_label']:.3f} | {r['not_in_body']} |")
    for cls, ms in missed.items():
        if args.show_missed:
            print(cls, "missed:", " ".join(ms[: args.show_missed]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
