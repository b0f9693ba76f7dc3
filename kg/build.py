"""`kg build`: run the stages over a batch of inputs and write the outputs.

The batch streams: each document is read, cleaned, normalized and released
before the next, so memory does not grow with the corpus. A document that
fails in any stage becomes a ``rejected`` row with its reason; the batch goes
on. Exit codes (also in ``kg build --help``):

====  =====================================================================
0     every input was processed
3     outputs written, but some inputs were rejected (see documents.csv)
4     outputs written, but no input could be processed
2     usage error (bad option or output path); nothing written
====  =====================================================================

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp())
>>> _ = (src / "a.txt").write_text("青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。", encoding="utf-8")
>>> _ = (src / "b.txt").write_bytes(b"")
>>> result = build([str(src)], src / "out", progress=False)
>>> result.exit_code, result.report["documents"]
(3, {'total': 2, 'ok': 1, 'rejected': 1})
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.clean import CleanedDocument, clean
from kg.errors import Err, InputError, KgUsageError
from kg.ingest import Document, Rejected, iter_inputs
from kg.normalize import Normalized, normalize_body
from kg.outputs import DOCUMENT_COLUMNS, write_csv, write_json

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_REJECTED = 3
EXIT_ALL_REJECTED = 4


@dataclass(frozen=True)
class ProcessedDocument:
    """A document after ingest, clean and normalize: what extraction reads."""

    doc: Document
    cleaned: CleanedDocument
    normalized: Normalized


def process_document(doc: Document, timings: Counter[str] | None = None) -> ProcessedDocument:
    """Clean and normalize one document. Raises :class:`InputError` when no body is left."""
    t0 = time.perf_counter()
    cleaned = clean(doc)
    t1 = time.perf_counter()
    if not cleaned.segments:
        raise InputError(Err.NO_BODY, f"{len(cleaned.removed)} non-article spans removed")
    normalized = normalize_body(doc.raw_text, list(cleaned.segments), list(cleaned.separator_before), view=cleaned.view)
    t2 = time.perf_counter()
    if timings is not None:
        timings["clean"] += t1 - t0
        timings["normalize"] += t2 - t1
    return ProcessedDocument(doc, cleaned, normalized)


def iter_processed(
    inputs: Iterable[str], timings: Counter[str] | None = None
) -> Iterator[ProcessedDocument | Rejected]:
    """Stream inputs through ingest → clean → normalize; failures become :class:`Rejected`."""
    timings = timings if timings is not None else Counter()
    stream = iter(iter_inputs(inputs))
    while True:
        t0 = time.perf_counter()
        try:
            item = next(stream)
        except StopIteration:
            timings["ingest"] += time.perf_counter() - t0
            return
        timings["ingest"] += time.perf_counter() - t0
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            yield process_document(item, timings)
        except InputError as exc:
            yield Rejected(item.doc_id, item.path, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad document must not end the batch
            yield Rejected(item.doc_id, item.path, f"{Err.INTERNAL.value} ({type(exc).__name__}: {exc})"[:500])


def document_row(item: ProcessedDocument | Rejected) -> dict[str, Any]:
    """The documents.csv row of one input."""
    if isinstance(item, Rejected):
        return {"doc_id": item.doc_id, "path": item.path, "status": "rejected", "error": item.error, "n_chars": 0}
    doc, meta = item.doc, item.cleaned.meta
    return {
        "doc_id": doc.doc_id, "path": doc.path, "title": meta.title, "source": meta.source,
        "date": meta.date, "author": meta.author, "n_chars": len(doc.raw_text), "status": "ok",
        "error": "", "encoding": doc.encoding, "format": doc.fmt,
        "n_body_chars": item.cleaned.n_body_chars, "spun": item.normalized.spun,
    }


@dataclass
class BuildResult:
    out_dir: Path
    report: dict[str, Any]
    exit_code: int
    documents: list[dict[str, Any]] = field(default_factory=list)


def _progress(items: Iterator[Any], enabled: bool | None) -> Iterator[Any]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, unit="doc", desc="kg build", file=sys.stderr, dynamic_ncols=True))


def check_out_dir(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise KgUsageError(f"--out {out} is a file; give a folder for the outputs")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgUsageError(f"cannot create output folder {out}: {exc.strerror}") from None
    return out


def build(inputs: Iterable[str], out_dir: str | Path, progress: bool | None = None) -> BuildResult:
    """Build the outputs for ``inputs`` into ``out_dir`` (see module docs)."""
    inputs = list(inputs)
    out = check_out_dir(out_dir)
    timings: Counter[str] = Counter()
    start = time.perf_counter()
    rows: list[dict[str, Any]] = []
    removed: Counter[str] = Counter()
    raw_chars = body_chars = spun = 0
    for item in _progress(iter_processed(inputs, timings), progress):
        rows.append(document_row(item))
        if isinstance(item, ProcessedDocument):
            raw_chars += len(item.doc.raw_text)
            body_chars += item.cleaned.n_body_chars
            spun += item.normalized.spun
            removed.update(r.reason for r in item.cleaned.removed)
    t_write = time.perf_counter()
    n_ok = sum(r["status"] == "ok" for r in rows)
    rejected = [{k: r[k] for k in ("doc_id", "path", "error")} for r in rows if r["status"] != "ok"]
    write_csv(out / "documents.csv", DOCUMENT_COLUMNS, rows)
    timings["write"] += time.perf_counter() - t_write
    total = time.perf_counter() - start
    report = {
        "kg_version": __version__,
        "inputs": inputs,
        "documents": {"total": len(rows), "ok": n_ok, "rejected": len(rejected)},
        "rejected": rejected,
        "chars": {"raw": raw_chars, "body": body_chars},
        "spun_documents": spun,
        "removed_spans": dict(sorted(removed.items())),
        "timings_s": {k: round(v, 4) for k, v in sorted(timings.items())} | {"total": round(total, 4)},
        "throughput_chars_per_s": round(raw_chars / total) if total > 0 else None,
    }
    write_json(out / "report.json", report)
    if n_ok == 0:
        code = EXIT_ALL_REJECTED
    elif rejected:
        code = EXIT_SOME_REJECTED
    else:
        code = EXIT_OK
    return BuildResult(out, report, code, rows)
