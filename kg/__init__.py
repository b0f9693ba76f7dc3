"""kg: turn Chinese regional-innovation news into a knowledge graph.

The subpackages are the stages, in data-flow order; each imports only from those before it
(docs/architecture.md, checked by tests/test_layout.py):

:mod:`kg.text` (read, clean, normalize) → :mod:`kg.kb` (lexicons) → :mod:`kg.extract` (entities,
relations) → :mod:`kg.link` (one node per entity) → :mod:`kg.export` (tables, graph, RDF) →
:mod:`kg.run` (a build: per-document work on an engine, then assembly) → :mod:`kg.cli`.
:mod:`kg.query` and :mod:`kg.eval` read a finished build.
"""

from kg.version import __version__

__all__ = ["__version__", "open"]


def open(out_dir):  # noqa: A001 - `kg.open(OUT_DIR)` is the documented entry point
    """Open the outputs of ``kg build`` for querying; see :class:`kg.query.api.KnowledgeGraph`."""
    from kg.query.api import open_graph

    return open_graph(out_dir)
