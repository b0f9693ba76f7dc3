"""kg: turn Chinese regional-innovation news into a knowledge graph.

The subpackages are the stages, in data-flow order; each imports only from those before it
(docs/architecture.md, checked by tests/test_layout.py):

:mod:`kg.text` (read, clean, normalize) → :mod:`kg.kb` (lexicons) → :mod:`kg.extract` (entities,
relations) → :mod:`kg.link` (one node per entity) → :mod:`kg.export` (tables, graph, RDF) →
:mod:`kg.run` (a build: per-document work on an engine, then assembly) → :mod:`kg.cli`.
:mod:`kg.query` and :mod:`kg.eval` read a finished build.

This module is the façade: :func:`build` (a build in memory), :func:`open` (a build's folder),
:func:`load_pipeline` (the spaCy pipeline with entities and relations).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.options import DEFAULT_SEGMENTER
from kg.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.query.api import KnowledgeGraph
    from kg.run.memory import Result

__all__ = ["__version__", "build", "load_pipeline", "open"]


def open(out_dir) -> KnowledgeGraph:  # noqa: A001 - `kg.open(OUT_DIR)` is the documented entry point
    """Open the outputs of ``kg build`` for querying; see :class:`kg.query.api.KnowledgeGraph`."""
    from kg.query.api import open_graph

    return open_graph(out_dir)


def build(texts_or_paths: Any, **options: Any) -> Result:
    """Build a graph in memory from texts (``str``), records (``dict``) or paths (``pathlib.Path``, globs too).

    Returns a :class:`kg.run.memory.Result`: ``entities``, ``relations``, ``mentions``, ``documents``
    as DataFrames, ``graph`` (networkx), ``query`` (the questions of :func:`open`), ``save(dir)``.
    Options as ``kg build``'s: ``segmenter``, ``model``, ``base_iri``, ``workers``, ``progress``
    (:func:`kg.run.memory.build`).

    >>> res = build(["青岛聚大洋藻业集团有限公司董事长吴仕鹏说,公司已入驻青岛蓝谷。"])
    >>> res.relations[["head", "relation", "tail"]].values.tolist()
    [['吴仕鹏', 'HOLDS_POST', '青岛聚大洋藻业集团有限公司'], ['青岛聚大洋藻业集团有限公司', 'LOCATED_IN', '青岛蓝谷']]
    >>> res.query.companies_in(park="青岛蓝谷")["company"].tolist()
    ['青岛聚大洋藻业集团有限公司']
    """
    from kg.run.memory import build as build_in_memory

    return build_in_memory(texts_or_paths, **options)


def load_pipeline(segmenter: str = DEFAULT_SEGMENTER.value, model: bool = True) -> Language:
    """The spaCy pipeline of a build with the relation rules added: ``nlp(text)`` gives ``doc.ents`` and
    ``doc._.kg_relations`` (:mod:`kg.extract.nlp`; a ``Doc`` saves with ``DocBin(store_user_data=True)``).

    The components read normalized text (Simplified, half-width): give Traditional or full-width text
    through :func:`kg.text.normalize.normalize_text` first. ``segmenter`` and ``model`` are those of
    ``kg build`` (``jieba`` by default; ``model=False``: the rules alone, ``--rules-only``).

    >>> nlp = load_pipeline()
    >>> doc = nlp("青岛聚大洋藻业集团有限公司董事长吴仕鹏说,公司已入驻青岛蓝谷。")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('青岛聚大洋藻业集团有限公司', 'COMPANY'), ('吴仕鹏', 'PERSON'), ('青岛蓝谷', 'PARK')]
    >>> [(r.head.text, r.relation, r.tail.text, r.attrs.get("title")) for r in doc._.kg_relations]
    [('吴仕鹏', 'HOLDS_POST', '青岛聚大洋藻业集团有限公司', '董事长'), ('青岛聚大洋藻业集团有限公司', 'LOCATED_IN', '青岛蓝谷', None)]
    """
    from kg.extract.nlp import make_nlp

    return make_nlp(segmenter, model=model, relations=True)
