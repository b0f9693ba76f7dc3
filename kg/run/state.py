"""The state file: every input's extraction results, so ``kg build --update`` extracts only what is new.

``OUT/kg-state.jsonl.gz`` is written with the other outputs (staged and moved
into place with them). It is gzip (no file name, time 0: the same results give
the same bytes) of UTF-8 JSON lines:

* line 1, the header: ``{"format": "kg-state", "version": 1, "kg_version": …,
  "extractor": …, "settings": {"segmenter": …, "base_iri": …},
  "fields": {"mention": […], "relation": […]}}``. ``extractor`` is a hash of
  the code and data the per-document work depends on (:func:`extractor_fingerprint`);
  an update refuses a state whose extractor differs, because old and new
  results would not agree.
* then one line per input, in input order: ``{"row": <documents.csv row>,
  "digest": <content hash>, "readable": bool, "raw_chars", "body_chars",
  "spun", "removed": {reason: count}, "mentions": [[…], …], "relations": [[…], …]}``,
  mentions and relations as lists of values in the order of ``fields``.

The linking, the graph and every export are *not* stored: an update re-runs
them over the stored and the new results (:mod:`kg.run.assemble`).

>>> import tempfile, pathlib
>>> from kg.text.ingest import Document
>>> from kg.run.work import WorkSettings, work
>>> res = work(Document("d1", "青岛蓝谷管理局副局长徐一冰表示。", "d1.txt"), WorkSettings())
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with StateWriter(out / STATE_FILE, {"segmenter": "jieba", "base_iri": None}) as state:
...     state.add(res)
>>> stored = read_state(out)
>>> stored.settings["segmenter"], stored.results[0].mentions == res.mentions
('jieba', True)
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kg.version import __version__
from kg.errors import KgUsageError
from kg.extract.document import EntityMention, EntityRelation
from kg.export.outputs import atomic_open
from kg.run.work import DocResult

STATE_FILE = "kg-state.jsonl.gz"
FORMAT = "kg-state"
VERSION = 1
MENTION_FIELDS = [f.name for f in fields(EntityMention)]
RELATION_FIELDS = [f.name for f in fields(EntityRelation)]
# What per-document results depend on: the stages up to extraction, the code that runs them on one
# document, and all of kg/data. Linking, export, the build and everything that reads a build run after
# extraction over stored results, so changing them leaves the state valid.
_EXTRACTOR_CODE = ("errors.py", "options.py", "text", "kb", "extract", "run/records.py", "run/work.py", "data")


def extractor_fingerprint() -> str:
    """A hash of the code and data that per-document results depend on (see module docs)."""
    root = Path(__file__).resolve().parents[1]
    files: list[Path] = []
    for name in _EXTRACTOR_CODE:
        path = root / name
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()
                                                 and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    h = hashlib.sha256()
    for p in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _line(data: Any) -> bytes:
    # lone surrogates (possible in JSON input) pass through, so a result reads back exactly as it was
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8", "surrogatepass") + b"\n"


def result_record(res: DocResult) -> dict[str, Any]:
    """One input's line of the state file."""
    return {
        "row": res.row, "digest": res.digest, "readable": res.readable, "raw_chars": res.raw_chars,
        "body_chars": res.body_chars, "spun": res.spun, "removed": dict(sorted(res.removed.items())),
        "mentions": [[getattr(m, f) for f in MENTION_FIELDS] for m in res.mentions],
        "relations": [[getattr(r, f) for f in RELATION_FIELDS] for r in res.relations],
    }


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in value)


def result_from_record(rec: dict[str, Any]) -> DocResult:
    """The :class:`~kg.run.work.DocResult` of one state line (the inverse of :func:`result_record`)."""
    mentions = []
    for values in rec["mentions"]:
        m = dict(zip(MENTION_FIELDS, values))
        m["attrs"] = _pairs(m["attrs"])
        mentions.append(EntityMention(**m))
    relations = []
    for values in rec["relations"]:
        r = dict(zip(RELATION_FIELDS, values))
        r["attrs"] = _pairs(r["attrs"])
        relations.append(EntityRelation(**r))
    return DocResult(rec["row"], mentions, relations, rec["raw_chars"], rec["body_chars"], rec["spun"],
                     Counter(rec["removed"]), readable=rec["readable"], digest=rec["digest"])


class StateWriter:
    """Writes the state file as results stream past (atomically: a temporary file renamed on close)."""

    def __init__(self, path: Path, settings: dict[str, Any]) -> None:
        self.path = path
        self.header = {"format": FORMAT, "version": VERSION, "kg_version": __version__,
                       "extractor": extractor_fingerprint(), "settings": settings,
                       "fields": {"mention": MENTION_FIELDS, "relation": RELATION_FIELDS}}

    def __enter__(self) -> StateWriter:
        self._file = atomic_open(self.path, "wb")
        fh = self._file.__enter__()
        # level 1: the file is written while the workers extract; higher levels cost more than they save
        self._gz = gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=1)
        self._gz.write(_line(self.header))
        return self

    def add(self, res: DocResult) -> None:
        self._gz.write(_line(result_record(res)))

    def __exit__(self, *exc: Any) -> None:
        self._gz.close()
        self._file.__exit__(*exc)


@dataclass
class StoredState:
    header: dict[str, Any]
    results: list[DocResult]

    @property
    def settings(self) -> dict[str, Any]:
        return self.header["settings"]


def read_state(out_dir: str | Path, check_extractor: bool = True) -> StoredState:
    """The state of an output folder; a folder that is not (or no longer) updatable is a usage error."""
    out = Path(out_dir)
    path = out / STATE_FILE
    if not path.is_file():
        if (out / "documents.csv").is_file():
            raise KgUsageError(f"{out} has no {STATE_FILE} (built by an older kg): rebuild it once with "
                               f"`kg build INPUT... --out {out}`, then --update works")
        raise KgUsageError(f"{out} is not a kg output folder (no {STATE_FILE}); build one first with "
                           f"`kg build INPUT... --out {out}`")
    try:
        with gzip.open(path, "rb") as fh:
            header = json.loads(fh.readline().decode("utf-8", "surrogatepass"))
            _check_header(out, header, check_extractor)
            results = [result_from_record(json.loads(line.decode("utf-8", "surrogatepass"))) for line in fh]
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise KgUsageError(f"{path} is damaged ({type(exc).__name__}: {exc}); rebuild with "
                           f"`kg build INPUT... --out {out}`") from None
    return StoredState(header, results)


def _check_header(out: Path, header: Any, check_extractor: bool) -> None:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("not a kg state file")
    if header.get("version") != VERSION:
        raise KgUsageError(f"{out}/{STATE_FILE} has state version {header.get('version')}, this kg reads {VERSION}: "
                           f"rebuild with `kg build INPUT... --out {out}`")
    if check_extractor and header.get("extractor") != extractor_fingerprint():
        raise KgUsageError(f"{out} was built by a kg whose extraction differs from this one (rules, lexicons or code "
                           f"changed), so old and new results would not agree: rebuild with `kg build INPUT... --out {out}`")


@dataclass
class UpdateCounts:
    """What an update did with its inputs (see :func:`merge`)."""

    added: int = 0  # documents with a new doc_id
    replaced: int = 0  # same doc_id, other content
    unchanged: int = 0  # same doc_id and content: not extracted again
    moved: int = 0  # unchanged, but read from another path
    rejected: int = 0  # rejected inputs (their rows are added unless already there)
    new_rows: int = 0  # rejected rows the output did not have
    superseded: int = 0  # rejected rows dropped because that input reads now

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.moved or self.new_rows or self.superseded)


def merge(stored: list[DocResult], new: list[DocResult]) -> tuple[list[DocResult], UpdateCounts]:
    """The results of the updated output: ``stored`` in their order, changed in place, new ones appended.

    ``new`` must be free of duplicate doc_ids (:func:`kg.run.assemble.reject_duplicates`).

    * a document the output has with the same content (``skipped``) stays as it
      is; only its path is updated if the file moved;
    * a readable document with a doc_id the output has, but other content,
      replaces the old version in place (its doc_id is its identity: entities
      only the old text had disappear, the ids of the others stay);
    * a document with a new doc_id is appended; a rejected row of the same
      doc_id and path (that input failed before and reads now) is dropped;
    * a rejected input is appended unless the same row is already there; an
      earlier good version of that doc_id stays.
    """
    out: list[DocResult | None] = list(stored)
    counts = UpdateCounts()
    ok_at = {r.row["doc_id"]: i for i, r in enumerate(stored) if r.ok}
    rejected_rows = {json.dumps(r.row, sort_keys=True) for r in stored if not r.ok}
    rejected_at: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(stored):
        if not r.ok:
            rejected_at.setdefault((r.row["doc_id"], r.row["path"]), []).append(i)
    for res in new:
        doc_id = res.row["doc_id"]
        if res.skipped:
            counts.unchanged += 1
            old = out[ok_at[doc_id]]
            assert old is not None
            if old.row["path"] != res.row["path"]:
                old.row = {**old.row, "path": res.row["path"]}
                counts.moved += 1
        elif res.ok and doc_id in ok_at:
            out[ok_at[doc_id]] = res
            counts.replaced += 1
        elif res.ok:
            for i in rejected_at.pop((doc_id, res.row["path"]), []):
                out[i] = None
                counts.superseded += 1
            ok_at[doc_id] = len(out)
            out.append(res)
            counts.added += 1
        else:
            counts.rejected += 1
            key = json.dumps(res.row, sort_keys=True)
            if key not in rejected_rows:
                rejected_rows.add(key)
                counts.new_rows += 1
                # a good version of this doc_id keeps the id: this row claims nothing (and is no E106)
                res.readable = res.readable and doc_id not in ok_at
                out.append(res)
    return [r for r in out if r is not None], counts
