"""``kg.build()``: a build kept in memory — the tables as DataFrames, the networkx graph, the named questions.

The same stages as ``kg build``: each input through :func:`kg.run.work.work` on the local engine
(:func:`kg.run.engines.local_results`, ``workers`` processes), then :func:`kg.run.assemble.assemble`
over all results. Nothing is written until :meth:`Result.save`, which writes the folder
``kg build`` would (:func:`kg.run.build.write_assembled`): the same files, byte for byte but the
timings in ``report.json``.

What the inputs are is told by their Python type, never guessed from the text:

* ``str`` — an article's text (never a path);
* a mapping — a record as a JSONL line holds it: ``{"text", "doc_id"?, "title"?, "date"?, "source"?,
  "author"?}`` (or ``"html"`` instead of ``"text"``);
* ``os.PathLike`` (:class:`pathlib.Path`) — a file, folder or glob pattern, read as ``kg build`` reads
  its INPUT (``Path("news/*.html")``).

A text or record without ``doc_id`` is ``text-N``, N its position among the inputs (from 1).

>>> import kg
>>> res = kg.build(["青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋生物医药产业。"])
>>> res.entities[["name", "type"]].values.tolist()
[['海洋生物医药', 'INDUSTRY'], ['青岛蓝谷管理局', 'ORG'], ['青岛蓝谷', 'PARK'], ['徐一冰', 'PERSON']]
>>> res.relations[["head", "relation", "tail", "doc_id"]].values.tolist()
[['徐一冰', 'HOLDS_POST', '青岛蓝谷管理局', 'text-1'], ['青岛蓝谷', 'FOCUSES_ON', '海洋生物医药', 'text-1']]
>>> res.query.posts(person="徐一冰")[["organization", "title"]].values.tolist()   # the questions of kg.open(OUT)
[['青岛蓝谷管理局', '副局长']]
>>> res.graph.number_of_nodes(), res.graph.number_of_edges()
(4, 2)
"""

from __future__ import annotations

import json
import os
import re
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from kg.errors import KgUsageError
from kg.export.frames import table_frame
from kg.options import DEFAULT_SEGMENTER, Segmenter
from kg.query.api import KnowledgeGraph
from kg.run.assemble import Tables, assemble, tables_graph
from kg.run.build import build_report, check_options, check_out_dir, progress_bar, write_assembled
from kg.run.engines import local_results
from kg.run.work import DocResult, WorkSettings, timed
from kg.text.ingest import TEXTS_PATH, iter_records

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

#: One input of :func:`build`: an article's text, a record, or a path (file, folder, glob pattern).
Item = Union[str, Mapping[str, Any], "os.PathLike[str]"]


class Result:
    """A build in memory (:func:`build`).

    ``entities``, ``relations``, ``mentions``, ``documents``: the four tables as DataFrames, the
    frames ``pandas`` reads from the CSV files ``kg build`` writes (:mod:`kg.export.frames`: offsets
    and counts as integers, the rest as text). ``graph``: the networkx ``MultiDiGraph`` of
    ``graph.graphml`` (:func:`kg.export.graph.build_graph`). ``report``: what ``report.json`` holds.
    ``query``: the named questions and SPARQL of ``kg.open(OUT)`` (:class:`kg.query.api.KnowledgeGraph`),
    over this build. :meth:`save` writes the output folder.
    """

    def __init__(self, tables: Tables, results: list[DocResult], report: dict[str, Any], about: dict[str, Any],
                 state_settings: dict[str, Any], base_iri: str | None, paths: list[str]) -> None:
        self.entities: pd.DataFrame = table_frame("entities", tables.entities)
        self.relations: pd.DataFrame = table_frame("relations", tables.relations)
        self.mentions: pd.DataFrame = table_frame("mentions", tables.mentions)
        self.documents: pd.DataFrame = table_frame("documents", tables.documents)
        self.graph: nx.MultiDiGraph = tables_graph(tables.entities, tables.relations, tables.documents, tables.mentions)
        self.report = report
        self._tables, self._results, self._about = tables, results, about
        self._state_settings, self._base_iri, self._paths = state_settings, base_iri, paths

    def __repr__(self) -> str:
        docs = self.report["documents"]
        return (f"<kg.Result: {docs['ok']} documents ({docs['rejected']} rejected), {len(self.entities)} entities, "
                f"{len(self.relations)} relations>")

    @cached_property
    def query(self) -> KnowledgeGraph:
        """The named questions (``posts``, ``companies_in``, …) and ``sparql()`` over this build, as ``kg.open(OUT)``."""
        from kg.export.rdf import DEFAULT_BASE, triples, turtle_lines

        t = self._tables
        ts = triples(t.entities, t.relations, t.documents, t.mentions, base=self._base_iri or DEFAULT_BASE)
        turtle = "".join(line + "\n" for line in turtle_lines(ts))  # graph.ttl's text (kg.export.rdf.write_turtle)
        return KnowledgeGraph.from_memory(turtle, {"entities": self.entities, "mentions": self.mentions})

    def save(self, out_dir: str | Path) -> Path:
        """Write the outputs of ``kg build`` into ``out_dir`` (same rules: a new or kg-only folder, replaced as one unit).

        ``kg build --update out_dir`` and ``kg.open(out_dir)`` work on it as on any build.
        """
        out = check_out_dir(out_dir, self._paths)
        elapsed = self.report["timings_s"]["total"]
        tables = replace(self._tables, timings=Counter(self._tables.timings))  # the writers add their times to a copy
        write_assembled(out, self._results, tables, time.perf_counter() - elapsed, self._about, self._state_settings,
                        self._base_iri)
        return Path(out_dir)


def _items(texts_or_paths: Item | Iterable[Item]) -> list[Item]:
    if isinstance(texts_or_paths, (str, Mapping, os.PathLike)):
        return [texts_or_paths]  # one input: not the characters of a text, nor the keys of a record
    items = list(texts_or_paths)
    for n, item in enumerate(items, 1):
        if not isinstance(item, (str, Mapping, os.PathLike)):
            raise KgUsageError(f"input {n} is {type(item).__name__}: give a str (an article's text), a dict (a record "
                               f"with 'text') or a pathlib.Path (a file, folder or glob pattern)")
    if not items:
        raise KgUsageError("no input: give texts, records or paths")
    for n, item in enumerate(items, 1):
        if isinstance(item, str) and _looks_like_a_path(item):
            warnings.warn(f"input {n} ({item!r}) is read as an article's text, but it names a file or folder: "
                          f"give pathlib.Path({item!r}) to read it", UserWarning, stacklevel=3)
    return items


def _looks_like_a_path(text: str) -> bool:
    """A short string without Chinese characters that names an existing file or folder (`"seeds/"`)."""
    return len(text) < 4096 and "\n" not in text and not re.search(r"[\u4e00-\u9fff]", text) \
        and os.path.exists(text)


def _label(n: int, item: Item) -> str:
    return os.fspath(item) if isinstance(item, os.PathLike) else f"{TEXTS_PATH}:{n}"


def build(
    texts_or_paths: Item | Iterable[Item],
    *,
    segmenter: str | Segmenter = DEFAULT_SEGMENTER,
    model: bool = True,
    base_iri: str | None = None,
    workers: int | None = 1,
    progress: bool | None = False,
    pairs: bool = False,
) -> Result:
    """Build a graph from texts, records or paths, in memory (see the module docs for how inputs are told apart).

    The options are those of ``kg build``: ``segmenter`` (``--segmenter``), ``model=False`` the rules
    alone (``--rules-only``), ``pairs`` the learned relation pair classifier on (``--relation-model``), ``base_iri`` of the RDF (``--base``), ``workers`` processes that extract
    (``--workers``; the same result as one), ``progress`` a bar on stderr (``None``: on a terminal).
    An input that cannot be read is a ``rejected`` row of ``documents``, as in ``kg build``; bad
    options raise :class:`kg.errors.KgUsageError`. For Dask or ``--update``, use ``kg build``.
    """
    items = _items(texts_or_paths)
    seg, eng = check_options(segmenter, base_iri, "local", workers)
    settings = WorkSettings(seg, model, pairs=pairs and model)
    timings: Counter[str] = Counter()
    start = time.perf_counter()
    kept: list[DocResult] = []  # every result as assemble counts it: what save() writes to the state file
    records = timed(iter_records(items), timings, "ingest")
    tables = assemble(progress_bar(local_results(records, settings, workers or 1), progress), keep=kept.append)
    tables.timings.update(timings)
    about = {"inputs": [_label(n, item) for n, item in enumerate(items, 1)], "segmenter": seg.value, "model": model,
             "engine": eng.value, "workers": max(1, workers or 1)}
    report = json.loads(json.dumps(build_report(tables, start, about), sort_keys=True))  # as report.json: keys sorted
    state_settings = {"segmenter": seg.value, "model": model, "pairs": pairs and model, "base_iri": base_iri,
                      "leave_one_out": False}
    paths = [os.fspath(item) for item in items if isinstance(item, os.PathLike)]
    return Result(tables, kept, report, about, state_settings, base_iri, paths)
