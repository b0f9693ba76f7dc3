"""Triple stores: load a build into an embedded pyoxigraph store, or push it to a SPARQL endpoint.

* :func:`load_store` — ``graph.ttl`` of an output folder into a pyoxigraph
  store on disk (created if missing), replacing the graph it held before
  (the default graph, or a named graph).
* :func:`push_graph_store` — the same file to any SPARQL 1.1 Graph Store
  Protocol endpoint (Oxigraph, Jena Fuseki, GraphDB): ``PUT`` replaces the
  target graph, ``POST`` adds to it.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> _ = (out / "graph.ttl").write_text('<urn:a> <urn:b> "c" .', encoding="utf-8")
>>> load_store(out, out / "store")
1
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.errors import KgUsageError


def _graph_file(out_dir: str | Path) -> Path:
    path = Path(out_dir) / "graph.ttl"
    if not path.is_file():
        raise KgUsageError(f"{out_dir} has no graph.ttl; run `kg build INPUT --out {out_dir}` first")
    return path


def load_store(out_dir: str | Path, store_path: str | Path, graph: str | None = None) -> int:
    """Load ``graph.ttl`` into the pyoxigraph store at ``store_path``; return its triple count."""
    import pyoxigraph

    path = _graph_file(out_dir)
    store = pyoxigraph.Store(str(store_path))
    target = pyoxigraph.NamedNode(graph) if graph else pyoxigraph.DefaultGraph()
    store.clear_graph(target)
    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, to_graph=target)
    store.flush()
    return sum(1 for _ in store.quads_for_pattern(None, None, None, target))


def push_graph_store(out_dir: str | Path, endpoint: str, graph: str | None = None, replace: bool = True,
                     timeout: float = 60.0) -> int:
    """Send ``graph.ttl`` to a Graph Store Protocol endpoint (e.g. ``http://host:7878/store``).

    Returns the HTTP status. Raises :class:`KgUsageError` with the server's answer on failure.
    """
    path = _graph_file(out_dir)
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    request = urllib.request.Request(url, data=path.read_bytes(), method="PUT" if replace else "POST",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - a user-given endpoint
            return response.status
    except urllib.error.HTTPError as exc:
        raise KgUsageError(f"{endpoint} refused the graph: HTTP {exc.code} {exc.read()[:300].decode(errors='replace')}") from None
    except urllib.error.URLError as exc:
        raise KgUsageError(f"cannot reach {endpoint}: {exc.reason}") from None
