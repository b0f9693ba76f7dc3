"""Where the per-document work runs: this process, a pool of N processes, or Dask.

Every engine turns the inputs into the :class:`~kg.run.work.DocResult` of each
record, *in input order*, for :func:`kg.run.assemble.assemble`; none of them
changes what a result contains, so every engine gives the same output files.

* ``local`` with one worker: :func:`kg.run.work.work` here, record by record.
* ``local`` with ``--workers N``: a fork pool; the pipeline is loaded before
  the fork (the children share its memory instead of loading their own), and
  records go out in bounded windows, so memory stays flat however long the input.
* ``dask``: :mod:`kg.run.dask_engine`.

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp())
>>> _ = (src / "a.txt").write_text("青岛蓝谷管理局副局长徐一冰表示。", encoding="utf-8")
>>> [r.row["status"] for r in results([str(src / "a.txt"), str(src / "nope.txt")], WorkSettings())]
['ok', 'rejected']
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator, Mapping
from enum import Enum
from itertools import islice
from typing import Any

from kg.text.ingest import Document, Rejected, iter_inputs
from kg.run.work import DocResult, WorkSettings, pipeline, timed, work


class Engine(str, Enum):
    """Where extraction runs (``kg build --engine``)."""

    local = "local"
    dask = "dask"


def results(
    inputs: list[str],
    settings: WorkSettings,
    workers: int | None = 1,
    engine: Engine | str = Engine.local,
    scheduler: str | None = None,
    known: Mapping[str, str] | None = None,
    timings: Counter[str] | None = None,
) -> Iterator[DocResult]:
    """The result of every input record, in input order (see module docs).

    ``workers``: processes of the local engine (``None``: 1); for Dask without
    a ``scheduler``, the workers of the local cluster it starts (``None``: one per core).

    ``known`` is passed on to :func:`kg.run.work.work` (an update skips documents it already has).
    """
    timings = timings if timings is not None else Counter()
    if Engine(engine) is Engine.dask:
        from kg.run.dask_engine import dask_results

        yield from dask_results(inputs, settings, workers=workers, scheduler=scheduler, known=known, timings=timings)
        return
    records = timed(iter_inputs(inputs), timings, "ingest")
    yield from local_results(records, settings, workers or 1, known)


_POOL: dict[str, Any] = {}


def _pool_work(chunk: list[Document | Rejected]) -> list[DocResult]:
    return [work(item, _POOL["settings"], _POOL["known"]) for item in chunk]


def local_results(records: Iterator[Document | Rejected], settings: WorkSettings, workers: int = 1,
                  known: Mapping[str, str] | None = None) -> Iterator[DocResult]:
    """Results in input order; with several workers, fed to a fork pool through a sliding window.

    At most ``8 * workers`` chunks of 4 records are out at a time, so the
    reader never runs far ahead of the workers (memory stays flat), and a new
    chunk goes out as soon as the oldest comes back (no worker waits for a
    window to drain).
    """
    pipeline(settings.segmenter, settings.model)  # loaded once here; forked workers inherit it
    if workers <= 1:
        for item in records:
            yield work(item, settings, known)
        return
    import multiprocessing as mp

    _POOL.update(settings=settings, known=known)  # inherited by the fork, not pickled per task
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            pending: deque[Any] = deque()
            while chunk := list(islice(records, 4)):
                pending.append(pool.apply_async(_pool_work, (chunk,)))
                if len(pending) >= 8 * workers:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _POOL.clear()
