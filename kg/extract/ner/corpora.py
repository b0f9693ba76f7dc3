"""The NER training corpora: reading, normalizing, label mapping and the fixed held-out slices.

The corpora are span JSONL files (``{"id", "text", "spans": [[s, e, LABEL], …]}``)
in a folder: ``--corpora``, else ``$KG_NER_CORPORA``, else ``../shared/ner-corpora``
(relative to the working directory). Every text is normalized exactly as the
extractor normalizes articles (:func:`kg.text.normalize.normalize_text`); a
record whose length changes (de-spinning) has its spans mapped through the
offset map, and a span that no longer maps cleanly is dropped (counted).

The held-out slices used for tuning are drawn once by :data:`SEED`
(:func:`split`): 5 % of MSRA train and 10 % of CLUENER train; Resume has its own dev file.
``msra-test`` and ``resume-test`` are read only by the benchmark, never by training.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgUsageError
from kg.extract.ner.labels import LABEL_MAP, corpus_of
from kg.text.normalize import normalize_text

DEFAULT_DIR = "../shared/ner-corpora"
ENV = "KG_NER_CORPORA"
SEED = 20261206
TRAIN_FILES = ("msra-train.jsonl", "cluener2020-train.jsonl", "resume-train.jsonl")
HELD_OUT_SHARE = {"msra": 0.05, "cluener2020": 0.10, "resume": 0.0}


@dataclass(frozen=True)
class Example:
    id: str
    text: str  # normalized
    spans: tuple[tuple[int, int, str], ...]  # model labels


def corpora_dir(given: str | Path | None = None) -> Path:
    d = Path(given or os.environ.get(ENV) or DEFAULT_DIR)
    if not d.is_dir():
        raise KgUsageError(f"NER corpora folder {d} not found; pass --corpora DIR or set ${ENV}")
    return d


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(path: Path, label_map: dict[str, dict[str, str]] | None = None, stats: dict | None = None) -> list[Example]:
    """The examples of one file, normalized, with model labels (dropped labels removed)."""
    if not path.is_file():
        raise KgUsageError(f"NER corpus file {path} is missing")
    label_map = label_map or LABEL_MAP
    out = []
    stats = stats if stats is not None else {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            corpus = corpus_of(rec["id"])
            raw = rec["text"]
            norm = normalize_text(raw)
            spans = []
            for s, e, lab in rec["spans"]:
                model_label = label_map[corpus].get(lab)
                if model_label is None:
                    continue
                if len(norm.text) == len(raw):
                    spans.append((s, e, model_label))
                    continue
                stats["length_changed"] = stats.get("length_changed", 0) + 1
                ns = _to_norm(norm, s, e)
                if ns is None:
                    stats["spans_dropped"] = stats.get("spans_dropped", 0) + 1
                else:
                    spans.append((*ns, model_label))
            out.append(Example(rec["id"], norm.text, tuple(spans)))
    return out


def _to_norm(norm, s: int, e: int) -> tuple[int, int] | None:
    """The normalized span whose raw image is exactly ``[s, e)``, if there is one."""
    n = len(norm.text)
    starts = [i for i in range(n) if norm.raw_span(i, i + 1)[0] == s]
    ends = [j for j in range(1, n + 1) if norm.raw_span(j - 1, j)[1] == e]
    if starts and ends and starts[0] < ends[-1]:
        return starts[0], ends[-1]
    return None


def split(examples: list[Example], share: float, seed: int = SEED) -> tuple[list[Example], list[Example]]:
    """``(train, held_out)``: a fixed random ``share`` of the examples held out, order kept."""
    if share <= 0:
        return examples, []
    rng = random.Random(f"{seed}:{examples[0].id.rsplit('-', 1)[0] if examples else ''}")
    held = set(rng.sample(range(len(examples)), round(len(examples) * share)))
    return ([x for i, x in enumerate(examples) if i not in held], [x for i, x in enumerate(examples) if i in held])
