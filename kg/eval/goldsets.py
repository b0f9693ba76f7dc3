"""The project's gold sets: which articles, which split, where they came from.

A checkout keeps them in ``benchmarks/gold/`` (see its README):

* ``seeds.jsonl`` — gold of the five seed articles in ``seeds/`` (the articles
  the rules were written from);
* ``dev.jsonl`` and ``test.jsonl`` — adjudicated gold of unseen articles, split
  once in ``split.tsv`` before any tuning (the test split is for reporting);
* ``sources.jsonl`` — provenance of every article: group, script, source,
  repository, path, sha256 of the stored file.

>>> sorted(SETS)
['all', 'dev', 'seeds', 'test']
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgUsageError

if TYPE_CHECKING:
    from kg.eval.evaluate import GoldDoc, Predicted

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "benchmarks" / "gold"
SETS = {"dev": ("dev.jsonl",), "test": ("test.jsonl",), "seeds": ("seeds.jsonl",),
        "all": ("dev.jsonl", "test.jsonl")}
BY_KEYS = ("script", "group", "source")


@dataclass(frozen=True)
class Article:
    """One gold article's provenance row (``sources.jsonl``)."""

    doc_id: str
    group: str  # corpus | traditional | web | seed
    script: str  # Simplified | Traditional
    source: str
    path: Path  # the stored file, absolute
    sha256: str

    def label(self, by: str) -> str:
        return {"script": self.script, "group": self.group, "source": self.source}[by]


def gold_dir() -> Path:
    if not (GOLD_DIR / "sources.jsonl").is_file():
        raise KgUsageError(f"no gold sets at {GOLD_DIR} (they ship with a checkout of the repository); "
                           "pass --gold PATH and a build folder instead")
    return GOLD_DIR


def articles() -> dict[str, Article]:
    """Every gold article by doc_id, from ``sources.jsonl``."""
    out = {}
    base = gold_dir()
    with open(base / "sources.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[row["doc_id"]] = Article(row["doc_id"], row["group"], row["script"], row["source"],
                                             (ROOT / row["file"]).resolve(), row["sha256"])
    return out


def set_paths(name: str) -> list[Path]:
    """The gold JSONL files of a named set."""
    if name not in SETS:
        raise KgUsageError(f"unknown gold set {name!r}; choose one of {', '.join(sorted(SETS))}")
    paths = [gold_dir() / f for f in SETS[name]]
    for p in paths:
        if not p.is_file():
            raise KgUsageError(f"gold set {name!r} needs {p}, which is missing")
    return paths


def verify(arts: dict[str, Article], doc_ids: list[str]) -> list[Path]:
    """The stored files of ``doc_ids``, each checked against its recorded sha256."""
    paths = []
    for doc_id in doc_ids:
        art = arts.get(doc_id)
        if art is None:
            raise KgUsageError(f"gold document {doc_id} has no row in sources.jsonl")
        if not art.path.is_file():
            raise KgUsageError(f"gold article {art.path} is missing")
        digest = hashlib.sha256(art.path.read_bytes()).hexdigest()
        if digest != art.sha256:
            raise KgUsageError(f"{art.path} changed: sha256 {digest[:12]}… is not the recorded {art.sha256[:12]}…")
        paths.append(art.path)
    return paths


def load_set(name: str | None, gold_paths: list[str] | None = None) -> tuple[dict[str, GoldDoc], dict[str, Article]]:
    """Gold documents of a named set or of gold files, with their articles where known.

    Returns ``(gold, arts)``: ``dict[doc_id, GoldDoc]`` and the provenance rows of
    those documents that ``sources.jsonl`` lists (empty for a foreign gold file).
    """
    from kg.eval.evaluate import load_gold

    paths = set_paths(name) if name else [Path(p) for p in gold_paths or []]
    if not paths:
        raise KgUsageError("give --set NAME or --gold PATH")
    gold = {}
    for p in paths:
        gold.update(load_gold(p))
    try:
        known = articles()
    except KgUsageError:
        if name:
            raise
        known = {}
    return gold, {d: a for d, a in known.items() if d in gold}


def predict(gold: dict[str, GoldDoc], arts: dict[str, Article], out_dir: str | Path | None, system: str = "kg",
            progress: bool | None = None) -> Predicted:
    """Predictions for the gold documents: a given build, or a fresh one.

    ``out_dir`` given: the outputs of that build (``system`` must be ``kg``).
    Otherwise the articles are read from their recorded files (checked by
    sha256) and extracted here: by ``kg`` (``kg.rules``: without the name tagger) into a temporary folder, or by the
    ``jieba.posseg`` baseline (:mod:`kg.eval.baseline`); ``kg.pairs`` is ``kg`` with the relation pair
    classifier on (``kg build --relation-model``).
    """
    import tempfile

    from kg.eval.evaluate import load_predicted

    if out_dir is not None:
        if system not in ("kg", "kg.rules", "kg.pairs"):
            raise KgUsageError("a build folder holds kg's outputs; --system jieba.posseg extracts itself (omit OUT_DIR)")
        return load_predicted(out_dir)
    missing = sorted(set(gold) - set(arts))
    if missing:
        raise KgUsageError(f"no stored article for {len(missing)} gold documents ({missing[0]}, …); pass a build folder")
    paths = dict(zip(sorted(gold), verify(arts, sorted(gold))))
    if system == "jieba.posseg":
        from kg.eval.baseline import predict as baseline

        return baseline(paths)
    if system not in ("kg", "kg.rules", "kg.pairs"):
        raise KgUsageError(f"unknown system {system!r}; choose kg, kg.rules, kg.pairs or jieba.posseg")
    from kg.run.build import build

    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        build([str(p) for p in paths.values()], Path(tmp) / "out", progress=progress, model=system != "kg.rules",
              pairs=system == "kg.pairs")
        return load_predicted(Path(tmp) / "out")
