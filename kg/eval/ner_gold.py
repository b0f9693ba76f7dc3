"""The project's development gold as a training corpus for the name tagger.

    python -m kg.eval.ner_gold --set dev --out build/ner-gold-dev.jsonl [--skip-fold K/N]

The public corpora (:mod:`kg.extract.ner.corpora`) are newswire of another kind: few parks,
funds or trade names. The development gold (``benchmarks/gold/dev.jsonl``: articles of the
shared corpus and the web) is the project's own kind of text, so the tagger also learns from it
(``python -m kg.extract.ner.train --extra FILE``). **Never the test split**: it is refused.

Each article is read, cleaned and normalized exactly as ``kg build`` does
(:func:`kg.run.work.process_document`), so the tagger learns on what it will see. Its gold
mention strings are labelled where they occur, as the gold format defines mention spans: every
occurrence, longest first, never overlapping a longer one. Labels follow :data:`GOLD_LABELS`
(the project's types onto the model's coarse ones; INDUSTRY is not a name). The gold does not
annotate places, which the public corpora label ``LOC``; so that the sources agree, region
names of the division lexicon (general knowledge, ``kg/data/lexicons/``) are labelled ``LOC``
where no gold mention covers them. The text is cut into the tagger's chunks
(:func:`kg.extract.ner.tagger.chunks`), one record each, in the corpora's span JSONL format
(``{"id": "gold-<doc_id>-<n>", "text", "spans": [[start, end, label], …]}``).

>>> text = "青岛市科技局局长王建国到青岛蓝谷调研。"
>>> label_spans(text, {"青岛市科技局": "ORG", "王建国": "PER", "青岛蓝谷": "ORG"}, {"青岛", "青岛市"})
[(0, 6, 'ORG'), (8, 11, 'PER'), (12, 16, 'ORG')]
>>> label_spans("他在青岛工作。", {}, {"青岛"})
[(2, 4, 'LOC')]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import KgUsageError

#: Project entity type -> the model's label (a type not listed is trained as outside any name).
GOLD_LABELS = {"PERSON": "PER", "ORG": "ORG", "COMPANY": "ORG", "PARK": "ORG", "FUND": "ORG"}


def label_spans(text: str, mentions: dict[str, str], places: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every occurrence of the ``mentions`` (string -> label) in ``text``,
    longest first and never overlapping a longer one; then ``places`` (label ``LOC``) where free."""
    taken = [False] * len(text)
    spans: list[tuple[int, int, str]] = []

    def mark(strings: Iterable[tuple[str, str]]) -> None:
        for s, label in sorted(strings, key=lambda x: (-len(x[0]), x[0])):
            i = text.find(s)
            while i >= 0:
                if not any(taken[i:i + len(s)]):
                    spans.append((i, i + len(s), label))
                    taken[i:i + len(s)] = [True] * len(s)
                i = text.find(s, i + 1)

    mark((m, lab) for m, lab in mentions.items() if m)
    mark((p, "LOC") for p in places if len(p) >= 2)
    return sorted(spans)


def fold_of(doc_id: str, folds: int) -> int:
    """A fixed fold for cross-validation by article: ``sha256(doc_id)`` modulo ``folds``.

    >>> fold_of("eb2011-abc", 2) in (0, 1)
    True
    """
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def gold_records(set_name: str = "dev", skip_fold: tuple[int, int] | None = None) -> Iterator[dict]:
    """The span records of a gold set's articles (``skip_fold=(k, N)`` leaves fold k of N out),
    articles by doc_id, chunks in text order. Only ``dev`` may be trained on."""
    if set_name != "dev":
        raise KgUsageError(f"gold set {set_name!r} may not be trained on: only dev (test is for reporting, "
                           "the seeds are what the rules were written from)")
    from kg.eval.goldsets import load_set, verify
    from kg.extract.ner.tagger import chunks
    from kg.kb.lexicons import Lexicons
    from kg.run.work import process_document
    from kg.text.ingest import read_file
    from kg.text.normalize import script_view

    places = [r for r in Lexicons.load().regions if len(r) >= 2]
    gold, arts = load_set(set_name)
    ids = [d for d in sorted(gold) if skip_fold is None or fold_of(d, skip_fold[1]) != skip_fold[0]]
    for doc_id, path in zip(ids, verify(arts, ids), strict=True):
        text = process_document(read_file(path, doc_id)).normalized.text
        mentions: dict[str, str] = {}
        for ent in gold[doc_id].entities.values():
            if ent.type in GOLD_LABELS:
                for m in ent.mentions:
                    mentions.setdefault(script_view(m), GOLD_LABELS[ent.type])
        spans = label_spans(text, mentions, [p for p in places if p in text])
        for n, (a, b) in enumerate(chunks(text)):
            if text[a:b].strip():
                yield {"id": f"gold-{doc_id}-{n}", "text": text[a:b],
                       "spans": [[s - a, e - a, lab] for s, e, lab in spans if a <= s and e <= b]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.eval.ner_gold", description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="dev", choices=("dev",), help="the gold set (only dev may be trained on)")
    ap.add_argument("--out", required=True, help="span JSONL to write")
    ap.add_argument("--skip-fold", default=None, metavar="K/N", help="leave fold K of N of the articles out")
    args = ap.parse_args(argv)
    skip = tuple(int(x) for x in args.skip_fold.split("/")) if args.skip_fold else None
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for rec in gold_records(args.set, skip):  # type: ignore[arg-type]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} sentences to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
