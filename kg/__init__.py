"""kg: turn Chinese regional-innovation news into a knowledge graph.

Stages, one module each, in data-flow order: :mod:`kg.ingest` →
:mod:`kg.clean` → :mod:`kg.normalize` → :mod:`kg.nlp` / :mod:`kg.extract`
(entities, relations, per-document link keys) → :mod:`kg.link` →
:mod:`kg.graph` / :mod:`kg.rdf` → :mod:`kg.outputs`. :func:`kg.build.build`
runs them: the per-document part (:mod:`kg.work`) on an engine
(:mod:`kg.engines`, :mod:`kg.dask_engine`), the rest once over all results
(:mod:`kg.assemble`); :func:`kg.build.update` adds documents from the state
file (:mod:`kg.state`).
"""

__version__ = "0.1.0"


def open(out_dir):  # noqa: A001 - `kg.open(OUT_DIR)` is the documented entry point
    """Open the outputs of ``kg build`` for querying; see :class:`kg.api.KnowledgeGraph`."""
    from kg.api import open_graph

    return open_graph(out_dir)
