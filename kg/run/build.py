"""`kg build`: run the stages over a batch of inputs and write the outputs.

A build is three parts, each its own module: the per-document work
(:mod:`kg.run.work`: ingest → clean → normalize → extract), run by an engine
(:mod:`kg.run.engines`: this process, ``--workers N`` processes, or Dask), and
the global step over all results (:mod:`kg.run.assemble`: linking, tables,
graph, exports). :func:`update` adds documents to an existing output from
its state file (:mod:`kg.run.state`).

The batch streams: each document is read, cleaned, normalized, extracted and
released before the next, so memory grows with the graph, not the corpus. A
document that fails in any stage becomes a ``rejected`` row with its reason;
the batch goes on. Exit codes (also in ``kg build --help``):

====  =====================================================================
0     every input was processed
3     outputs written, but some inputs were rejected (see documents.csv)
4     no input could be processed: a previous build in the output folder is
      kept as it was (a new folder gets outputs listing the rejections)
2     usage error (bad option or output path); nothing written
====  =====================================================================

The outputs are published as one unit (:func:`kg.export.outputs.publish`): written
into a new folder beside ``--out`` that then takes its place in one step, so
a reader sees the previous build or the new one and a killed build leaves the
previous one in place. The output folder therefore holds only what ``kg``
writes; a folder with other files is refused, as is one that is, holds, or
lies inside an input.

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp())
>>> _ = (src / "a.txt").write_text("青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。", encoding="utf-8")
>>> _ = (src / "b.txt").write_bytes(b"")
>>> result = build([str(src)], pathlib.Path(tempfile.mkdtemp()) / "out", progress=False)
>>> result.exit_code, result.report["documents"]
(3, {'ok': 1, 'rejected': 1, 'total': 2})
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.version import __version__
from kg.run.assemble import Tables, assemble, reject_duplicates, write_tables
from kg.run.engines import Engine, results
from kg.errors import KgUsageError
from kg.options import DEFAULT_SEGMENTER, Segmenter
from kg.export.outputs import clean_stale, foreign_entries, publish, staging_dir, write_json
from kg.run.state import STATE_FILE, StateWriter, UpdateCounts, merge, read_state
from kg.run.work import DocResult, ProcessedDocument, WorkSettings, document_row, iter_processed, process_document

# ProcessedDocument, iter_processed, process_document and document_row live in kg.run.work (the per-document
# part) and are re-exported here, where callers have always imported them from.
__all__ = ["BuildResult", "ProcessedDocument", "build", "document_row", "iter_processed", "process_document", "update"]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_REJECTED = 3
EXIT_ALL_REJECTED = 4


@dataclass
class BuildResult:
    out_dir: Path
    report: dict[str, Any]
    exit_code: int
    documents: list[dict[str, Any]] = field(default_factory=list)
    update: UpdateCounts | None = None  # what an update did (None for a build)
    kept_previous: bool = False  # no document was processed, so the previous build was left in place


def progress_bar(items: Iterator[Any], enabled: bool | None) -> Iterator[Any]:
    """``items`` with a progress bar on stderr when ``enabled`` (``None``: when stderr is a terminal)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, unit="doc", desc="kg build", file=sys.stderr, dynamic_ncols=True))


def check_out_dir(out_dir: str | Path, inputs: Iterable[str] = ()) -> Path:
    """The output folder, checked before any work; what a killed build left beside it is removed.

    The folder is replaced as a whole when a build is published, so it must
    hold only kg's outputs, must not be the working folder, and must not
    overlap an input (a build would read the previous one's outputs as news).
    """
    given = Path(out_dir)
    out = given.resolve()
    if out.exists() and not out.is_dir():
        raise KgUsageError(f"--out {given} is a file; give a folder for the outputs")
    if out == Path.cwd().resolve() or out in Path.cwd().resolve().parents or out.parent == out:
        raise KgUsageError(f"--out {given} is the working folder or above it; give a folder of its own for the outputs")
    _check_overlap(out, given, inputs)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging_dir(out).rmdir()  # the new build is written beside the folder: try that now, before any work
    except OSError as exc:
        raise KgUsageError(f"cannot write the outputs to {given}: {exc.strerror} (the folder that holds it "
                           f"must be writable)") from None
    clean_stale(out)
    foreign = foreign_entries(out)
    if foreign:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise KgUsageError(f"--out {given} holds files kg did not write ({shown}); a build replaces the whole "
                           f"folder, so give a new or empty folder, or move them out")
    return out


def _check_overlap(out: Path, given: Path, inputs: Iterable[str]) -> None:
    import glob

    for item in inputs:
        paths = [Path(p) for p in glob.glob(item, recursive=True)] if glob.has_magic(item) else [Path(item)]
        for path in paths:
            if not path.exists():
                continue
            p = path.resolve()
            if p == out or out in p.parents:
                raise KgUsageError(f"--out {given} is or holds the input {item}; a build replaces the output "
                                   f"folder, so put the outputs elsewhere")
            if p.is_dir() and p in out.parents:
                raise KgUsageError(f"--out {given} lies inside the input folder {item}; the next build would read "
                                   f"these outputs as articles, so put the outputs outside it")


def _segmenter(value: str | Segmenter) -> Segmenter:
    """The one place a build or an update reads a segmenter name; an unknown one is a usage error."""
    try:
        return Segmenter.parse(value)
    except ValueError as exc:
        raise KgUsageError(str(exc)) from None


def check_options(segmenter: str | Segmenter, base_iri: str | None, engine: str,
                  workers: int | None) -> tuple[Segmenter, Engine]:
    """Bad options are usage errors before any work starts (not a failure after the extraction)."""
    from kg.export.rdf import DEFAULT_BASE, Iris

    seg = _segmenter(segmenter)
    try:
        eng = Engine(engine)
    except ValueError:
        raise KgUsageError(f"unknown engine {engine!r}; choose one of: local, dask") from None
    Iris(base_iri or DEFAULT_BASE)
    if eng is Engine.dask:
        from kg.run.dask_engine import require_dask

        require_dask()
    if workers is not None and workers < 1:
        raise KgUsageError(f"--workers must be at least 1, not {workers}")
    return seg, eng


def build(
    inputs: Iterable[str],
    out_dir: str | Path,
    progress: bool | None = None,
    segmenter: str | Segmenter = DEFAULT_SEGMENTER,
    leave_one_out: bool | Mapping[str, frozenset[str]] = False,
    model: bool = True,
    base_iri: str | None = None,
    workers: int | None = 1,
    engine: str = Engine.local.value,
    scheduler: str | None = None,
    pairs: bool = False,
) -> BuildResult:
    """Build the outputs for ``inputs`` into ``out_dir`` (see module docs).

    ``workers`` processes extract in parallel (with ``engine="dask"`` and no
    ``scheduler``: the workers of the local Dask cluster, one per core when
    ``None``); the outputs are the same as with one. ``scheduler`` is the
    address of a running Dask scheduler (``tcp://host:8786``) and implies the
    Dask engine. ``leave_one_out`` (an evaluation aid) extracts each document
    without the lexicon entries learned only from that document. Given a
    mapping doc_id → names (:func:`kg.eval.evaluate.exclusive_gold_forms`), it
    also drops every entry matching one of that document's names (the
    strictest reading).
    """
    if scheduler:
        engine = Engine.dask.value
    seg, eng = check_options(segmenter, base_iri, engine, workers)
    exclusive = dict(leave_one_out) if isinstance(leave_one_out, Mapping) else {}
    settings = WorkSettings(seg, model, bool(leave_one_out), exclusive, pairs and model)
    inputs = list(inputs)
    out = check_out_dir(out_dir, inputs)
    timings: Counter[str] = Counter()
    start = time.perf_counter()
    stream = results(inputs, settings, workers, eng, scheduler, timings=timings)
    report, rows, published = _write(out, progress_bar(stream, progress), timings, start,
                                     {"inputs": inputs, "segmenter": seg.value, "model": model, "engine": eng.value,
                                      "workers": workers if eng is Engine.dask else max(1, workers or 1)},
                                     {"segmenter": seg.value, "model": model, "pairs": pairs and model, "base_iri": base_iri,
                                      "leave_one_out": bool(leave_one_out)}, base_iri)
    return BuildResult(Path(out_dir), report, exit_code(report["documents"]["ok"], report["documents"]["rejected"]),
                       rows, kept_previous=not published)


def update(
    out_dir: str | Path,
    inputs: Iterable[str],
    progress: bool | None = None,
    workers: int | None = 1,
    engine: str = Engine.local.value,
    scheduler: str | None = None,
    segmenter: str | Segmenter | None = None,
    base_iri: str | None = None,
) -> BuildResult:
    """Add ``inputs`` to the build in ``out_dir``: only documents it does not have are extracted.

    Documents are matched by doc_id and content (see :func:`kg.run.state.merge`
    for new, changed, moved and rejected inputs); then linking, the graph and
    every export run again over all documents, so the outputs are those of
    one build over the old and the new inputs (in that order), and the ids
    of existing entities stay. When nothing changes, no file is touched. The
    segmenter and base IRI are the output's own; giving others is an error.
    The exit code is that of this run's inputs.
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise KgUsageError(f"--update {out}: no such folder; build it first with `kg build INPUT... --out {out}`")
    stored = read_state(out)
    inputs = list(inputs)
    check_out_dir(out, inputs)  # removes what a killed build left, even if this update changes nothing
    saved = stored.settings
    if saved.get("leave_one_out"):
        raise KgUsageError(f"{out} is a leave-one-out evaluation build; those cannot be updated, rebuild instead")
    given_segmenter = None if segmenter is None else _segmenter(segmenter).value
    for name, given in (("segmenter", given_segmenter), ("base", base_iri)):
        kept = saved["segmenter" if name == "segmenter" else "base_iri"]
        if given is not None and given != kept:
            raise KgUsageError(f"{out} was built with --{name} {kept or '(default)'}; an update keeps it "
                               f"(drop --{name}, or rebuild with `kg build INPUT... --out {out} --{name} {given}`)")
    if scheduler:
        engine = Engine.dask.value
    seg, eng = check_options(saved["segmenter"], saved["base_iri"], engine, workers)
    timings: Counter[str] = Counter()
    start = time.perf_counter()
    known = {r.row["doc_id"]: r.digest for r in stored.results if r.ok}
    settings = WorkSettings(seg, saved.get("model", True), pairs=saved.get("pairs", False))
    new = list(reject_duplicates(progress_bar(results(inputs, settings, workers, eng, scheduler, known,
                                                   timings), progress)))
    merged, counts = merge(stored.results, new)
    n_ok = sum(r.ok for r in new)
    code = exit_code(n_ok, len(new) - n_ok)
    if not counts.changed and (out / "report.json").is_file():
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        return BuildResult(out, report, code, _rows(out), counts)
    report, rows, _ = _write(out, iter(merged), timings, start,
                             {"inputs": inputs, "segmenter": seg.value, "model": settings.model, "engine": eng.value,
                              "workers": workers if eng is Engine.dask else max(1, workers or 1),
                              "update": {k: v for k, v in vars(counts).items()}},
                             dict(saved), saved["base_iri"], keep_previous_if_empty=False)
    return BuildResult(out, report, code, rows, counts)


def exit_code(n_ok: int, n_rejected: int) -> int:
    """0 all inputs processed, 3 some rejected, 4 none processed."""
    if n_ok == 0:
        return EXIT_ALL_REJECTED
    return EXIT_SOME_REJECTED if n_rejected else EXIT_OK


def _rows(out: Path) -> list[dict[str, Any]]:
    import csv

    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(out: Path, stream: Iterator[DocResult], timings: Counter[str], start: float, about: dict[str, Any],
           state_settings: dict[str, Any], base_iri: str | None,
           keep_previous_if_empty: bool = True) -> tuple[dict[str, Any], list[dict[str, Any]], bool]:
    """The global step and every output file, published as one unit.

    Returns the report, the documents.csv rows and whether the build was
    published: one that processed no document leaves a previous build in
    ``out`` as it was (``keep_previous_if_empty``).
    """
    staging = staging_dir(out)
    try:
        with StateWriter(staging / STATE_FILE, state_settings) as state:
            tables = assemble(stream, keep=state.add)  # streamed: each result goes to the state file as it comes
        tables.timings.update(timings)
        return _publish(out, staging, tables, start, about, base_iri, keep_previous_if_empty)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_assembled(out: Path, results: Iterable[DocResult], tables: Tables, start: float, about: dict[str, Any],
                    state_settings: dict[str, Any], base_iri: str | None) -> dict[str, Any]:
    """Write a build already assembled in memory (``kg.build(...).save(out)``) as ``kg build`` writes one.

    ``results`` are those :func:`~kg.run.assemble.assemble` counted (its ``keep``), ``tables`` what it
    returned; ``out`` has been checked (:func:`check_out_dir`). Returns the report as written.
    """
    staging = staging_dir(out)
    try:
        with StateWriter(staging / STATE_FILE, state_settings) as state:
            for res in results:
                state.add(res)
        return _publish(out, staging, tables, start, about, base_iri, keep_previous_if_empty=False)[0]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _publish(out: Path, staging: Path, tables: Tables, start: float, about: dict[str, Any], base_iri: str | None,
             keep_previous_if_empty: bool) -> tuple[dict[str, Any], list[dict[str, Any]], bool]:
    """The tables, graph files and report into ``staging`` (beside the state file), then published as ``out``."""
    write_tables(staging, tables, base_iri, parallel=(about.get("workers") or 2) > 1)
    report = build_report(tables, start, about)
    write_json(staging / "report.json", report)
    report = json.loads((staging / "report.json").read_text(encoding="utf-8"))  # as written: keys sorted
    rows = _rows(staging)
    if keep_previous_if_empty and report["documents"]["ok"] == 0 and (out / "documents.csv").is_file():
        return report, rows, False
    publish(staging, out)
    return report, rows, True


def build_report(tables: Tables, start: float, about: dict[str, Any]) -> dict[str, Any]:
    """``report.json`` of a build: counts, rejections, timings; ``about`` says how it ran (inputs, segmenter, …)."""
    rows = tables.documents
    n_ok = sum(r["status"] == "ok" for r in rows)
    rejected = [{k: r[k] for k in ("doc_id", "path", "error")} for r in rows if r["status"] != "ok"]
    total = time.perf_counter() - start
    report = {
        "kg_version": __version__,
        "inputs": about["inputs"],
        "documents": {"total": len(rows), "ok": n_ok, "rejected": len(rejected)},
        "rejected": rejected,
        "chars": {"raw": tables.raw_chars, "body": tables.body_chars},
        "spun_documents": tables.spun,
        "entities": dict(sorted(Counter(r["type"] for r in tables.entities).items())),
        "mentions": dict(sorted(Counter(r["type"] for r in tables.mentions).items())),
        "relations": dict(sorted(Counter(r["relation"] for r in tables.relations).items())),
        "typo_links": tables.typo_links,
        "segmenter": about["segmenter"],
        "model": about["model"],
        "engine": about["engine"],
        "workers": about["workers"],
        "removed_spans": dict(sorted(tables.removed.items())),
        "timings_s": {k: round(v, 4) for k, v in sorted(tables.timings.items())} | {"total": round(total, 4)},
        "throughput_chars_per_s": round(tables.raw_chars / total) if total > 0 else None,
    }
    if "update" in about:
        report["update"] = about["update"]
    return report
