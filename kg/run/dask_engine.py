"""The Dask engine: the per-document work on Dask workers, the global step in the build process.

``kg build --engine dask`` starts a ``LocalCluster`` on loopback (one
single-threaded worker process per core, or ``--workers N``);
``--scheduler tcp://host:8786`` uses a running cluster instead. Either way:

1. a worker lists the inputs (folders, globs, file sizes), so the inputs
   must be readable *by the workers* under the names given (the build
   process never reads them);
2. the inputs are cut into partitions: runs of files, and JSONL files in
   byte ranges (:func:`kg.text.ingest.iter_jsonl`); a first small pass counts the
   lines of each range, so records without a ``doc_id`` get the same
   ``<file>-<line>`` id as in a local build;
3. each partition is read, cleaned and extracted on a worker with that
   worker's pipeline, loaded once (:func:`kg.run.work.pipeline`); only the
   results come back, a few partitions ahead of the one being linked, so
   memory stays flat on both sides;
4. the results go to :func:`kg.run.assemble.assemble` in input order, exactly
   as from the local engine: the output files are the same bytes.

Dask is an extra (``pip install 'zh-innovation-kg[dask]'``): without it
:func:`require_dask` stops a Dask build before anything is written, saying so.

Tasks are plain functions of this module, so ``kg`` must be installed on
every worker (the same version: the workers' results must match). Futures
rather than a Dask bag: a bag's ``compute()`` gathers every result at once,
while the global step wants them in order and a few at a time.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgUsageError
from kg.text.ingest import JSONL_SUFFIXES, expand_inputs, iter_jsonl, line_starts, read_source
from kg.run.work import DocResult, WorkSettings, timed, work

#: Bounds of a partition's size in bytes of input (aimed at ~16 partitions per worker).
MIN_PARTITION_BYTES = 64_000
MAX_PARTITION_BYTES = 4_000_000
#: At most this many files in one partition.
MAX_PARTITION_FILES = 256
#: Seconds to wait for the scheduler of ``--scheduler``, and then for its first worker.
CONNECT_TIMEOUT_S = 10
WORKER_TIMEOUT_S = 30


#: How to get the Dask engine's packages: they are an extra, not part of kg's base install.
DASK_EXTRA = "pip install 'zh-innovation-kg[dask]'"


def require_dask() -> None:
    """Fail with the fix when the ``dask`` extra is missing (checked before a Dask build starts).

    >>> require_dask()  # the test environment has the extra
    """
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        missing = exc.name or "dask"
        raise KgUsageError(f"--engine dask needs the dask extra ({missing} is not installed): "
                           f"install it with `{DASK_EXTRA}` (in a checkout, `make setup` does)") from None


@dataclass(frozen=True)
class Source:
    """One expanded input as a worker sees it: ``path`` is ``None`` when nothing matched ``given``."""

    given: str
    path: str | None
    size: int = 0
    jsonl: bool = False
    readable: bool = True


@dataclass(frozen=True)
class Unit:
    """A piece of a partition: a whole input, or a byte range of a JSONL file (lines starting in it)."""

    source: Source
    start: int = 0
    end: int | None = None
    first_lineno: int = 1


def list_sources(inputs: list[str]) -> list[Source]:
    """The inputs expanded into files, with their sizes (runs on a worker: the paths are the workers')."""
    out = []
    for given, path in expand_inputs(inputs):
        if path is None:
            out.append(Source(given, None))
            continue
        try:
            size = path.stat().st_size
            readable = os.access(path, os.R_OK)
        except OSError:
            size, readable = 0, False
        out.append(Source(given, str(path), size, path.suffix.lower() in JSONL_SUFFIXES, readable))
    return out


def partitions(sources: list[Source], n_workers: int, target: int | None = None) -> list[list[Unit]]:
    """Cut the inputs into runs of units of about ``target`` bytes, in input order.

    >>> parts = partitions([Source("a.jsonl", "a.jsonl", 250_000, True), Source("b.txt", "b.txt", 10)], 2, 100_000)
    >>> [[(u.source.path, u.start, u.end) for u in p] for p in parts]
    [[('a.jsonl', 0, 100000)], [('a.jsonl', 100000, 200000)], [('a.jsonl', 200000, None), ('b.txt', 0, None)]]
    """
    total = sum(s.size for s in sources)
    if target is None:
        target = min(MAX_PARTITION_BYTES, max(MIN_PARTITION_BYTES, total // max(1, 16 * n_workers)))
    parts: list[list[Unit]] = []
    current: list[Unit] = []
    size = 0

    def close() -> None:
        nonlocal current, size
        if current:
            parts.append(current)
        current, size = [], 0

    for s in sources:
        if s.jsonl and s.readable and s.size > target:
            close()
            cuts = list(range(0, s.size, target))
            for a in cuts[:-1]:
                parts.append([Unit(s, a, a + target)])
            current, size = [Unit(s, cuts[-1], None)], s.size - cuts[-1]
            continue
        current.append(Unit(s))
        size += s.size
        if size >= target or len(current) >= MAX_PARTITION_FILES:
            close()
    close()
    return parts


def count_lines(path: str, start: int, end: int) -> int:
    """Task: the number of lines that start in a byte range (for the next range's line numbers)."""
    return line_starts(Path(path), start, end)


def read_unit(unit: Unit) -> Iterator[Any]:
    """The records of one unit, without the duplicate check (that is global: :func:`kg.run.assemble.reject_duplicates`)."""
    s = unit.source
    if s.path is not None and s.jsonl and (unit.start or unit.end is not None):
        yield from iter_jsonl(Path(s.path), unit.start, unit.end, unit.first_lineno)
    else:
        yield from read_source(s.given, Path(s.path) if s.path is not None else None)


def extract_partition(units: list[Unit], settings: WorkSettings, known: Mapping[str, str] | None
                      ) -> tuple[list[DocResult], Counter[str]]:
    """Task: read and extract one partition on a worker; returns its results in order and the reading time."""
    timings: Counter[str] = Counter()
    out = []
    for unit in units:
        for item in timed(read_unit(unit), timings, "ingest"):
            out.append(work(item, settings, known))
    return out, timings


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster on loopback closed afterwards."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            raise KgUsageError(
                f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__}: {exc}); start one with "
                f"`dask scheduler` and workers with `dask worker {scheduler}`, or drop --scheduler for a local cluster"
            ) from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_TIMEOUT_S)
            except TimeoutError:
                raise KgUsageError(f"the Dask scheduler at {scheduler} has no workers; start some with "
                                   f"`dask worker {scheduler}` on machines that have kg and can read the inputs") from None
            yield client
        return
    n = workers or os.cpu_count() or 1
    # loopback only; no dashboard, and the scheduler's small HTTP server on a free port (not a fixed 8787)
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def dask_results(
    inputs: list[str],
    settings: WorkSettings,
    workers: int | None = None,
    scheduler: str | None = None,
    known: Mapping[str, str] | None = None,
    timings: Counter[str] | None = None,
    partition_bytes: int | None = None,
) -> Iterator[DocResult]:
    """The result of every input record, in input order, computed on Dask workers (see module docs)."""
    timings = timings if timings is not None else Counter()
    with _client(scheduler, workers) as client:
        try:
            sources = client.submit(list_sources, list(inputs), pure=False).result()
        except Exception as exc:  # noqa: BLE001 - e.g. kg missing on the workers: say what to fix
            raise KgUsageError(f"the Dask workers could not list the inputs ({type(exc).__name__}: {exc}); "
                               "kg must be installed on every worker and the inputs readable there") from None
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
        parts = _numbered(client, partitions(sources, threads, partition_bytes))
        settings_f = client.scatter(settings, broadcast=True)
        known_f = client.scatter(dict(known), broadcast=True) if known is not None else None
        pending: deque[Any] = deque()
        todo = iter(parts)
        for part in todo:  # a few partitions ahead of the one being linked
            pending.append(client.submit(extract_partition, part, settings_f, known_f, pure=False))
            if len(pending) >= 2 * threads:
                break
        while pending:
            results, part_timings = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(client.submit(extract_partition, nxt, settings_f, known_f, pure=False))
            timings.update(part_timings)
            yield from results


def _numbered(client: Any, parts: list[list[Unit]]) -> list[list[Unit]]:
    """The same partitions, each JSONL range knowing the number of its first line (counted on the workers)."""
    ranges = [(i, j, u) for i, p in enumerate(parts) for j, u in enumerate(p) if u.end is not None]
    if not ranges:
        return parts
    counts = client.gather([client.submit(count_lines, u.source.path, u.start, u.end, pure=False) for _, _, u in ranges])
    lines = {(i, j): n for (i, j, _), n in zip(ranges, counts)}
    out, next_line = [], {}
    for i, p in enumerate(parts):
        units = []
        for j, u in enumerate(p):
            if u.source.jsonl and u.source.path is not None and (u.start or u.end is not None):
                first = next_line.get(u.source.path, 1)
                u = Unit(u.source, u.start, u.end, first)
                next_line[u.source.path] = first + lines.get((i, j), 0)
            units.append(u)
        out.append(units)
    return out
