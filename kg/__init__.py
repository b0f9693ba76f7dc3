"""kg: turn Chinese regional-innovation news into a knowledge graph.

Stages, one module each, in data-flow order: :mod:`kg.ingest` →
:mod:`kg.clean` → :mod:`kg.normalize` → (extraction, linking, graph, RDF in
later modules) → :mod:`kg.outputs`. :func:`kg.build.build` runs them.
"""

__version__ = "0.1.0"


def open(out_dir):  # noqa: A001 - `kg.open(OUT_DIR)` is the documented entry point
    """Open the outputs of ``kg build`` for querying; see :class:`kg.api.KnowledgeGraph`."""
    from kg.api import open_graph

    return open_graph(out_dir)
