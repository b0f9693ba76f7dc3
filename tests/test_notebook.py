"""notebooks/explore.ipynb: stored without outputs, and run top to bottom with no network; its CJK charts draw,
and its ipysigma widget holds the build's graph.

The notebook is run in a fresh kernel from the notebooks/ folder (as a user
opens it) with a first cell, added here only, that refuses every connection
that is not to this machine: the kernel talks to the client over loopback,
anything else would be network access.
"""

from __future__ import annotations

import base64
import csv
import re

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

NO_NETWORK = '''
import socket as _socket
_LOCAL = ("127.0.0.1", "::1", "localhost")
def _local_only(address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in _LOCAL and not host.startswith("/"):
        raise OSError(f"network access from the notebook: {address!r}")
_connect, _connect_ex, _getaddrinfo = _socket.socket.connect, _socket.socket.connect_ex, _socket.getaddrinfo
_socket.socket.connect = lambda self, a: (_local_only(a), _connect(self, a))[1]
_socket.socket.connect_ex = lambda self, a: (_local_only(a), _connect_ex(self, a))[1]
_socket.getaddrinfo = lambda host, *a, **k: (_local_only((host,)), _getaddrinfo(host, *a, **k))[1]
'''


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 10
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
    assert nb.metadata.kernelspec.name == "python3"


@pytest.fixture(scope="module")
def executed(tmp_path_factory, monkeypatch_module):
    from nbclient import NotebookClient

    tmp = tmp_path_factory.mktemp("notebook")
    monkeypatch_module.setenv("KG_NOTEBOOK_OUT", str(tmp / "out"))
    monkeypatch_module.setenv("MPLCONFIGDIR", str(tmp / "mpl"))  # no font cache written to the user's home
    nb = nbformat.read(NOTEBOOK, as_version=4)
    guard = nbformat.v4.new_code_cell(NO_NETWORK)
    guard["id"] = "test-no-network"
    nb.cells.insert(0, guard)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb, tmp / "out"


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_notebook_runs_top_to_bottom_offline(executed):
    nb, out = executed
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr" and "Glyph" in o.text]
    images = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.data]
    assert len(images) >= 4  # types, shared industries, centrality, the graph
    assert all(base64.b64decode(o.data["image/png"]).startswith(b"\x89PNG") for o in images)
    tables = [o for o in outputs if o.output_type in ("execute_result", "display_data") and "text/html" in o.data]
    assert len(tables) >= 8
    # it built the seeds into the folder it was given, and answered from that build: every person with a post
    with open(out / "entities.csv", encoding="utf-8", newline="") as fh:
        names = {r["entity_id"]: r["name"] for r in csv.DictReader(fh)}
    with open(out / "relations.csv", encoding="utf-8", newline="") as fh:
        holders = {names[r["head_id"]] for r in csv.DictReader(fh) if r["relation"] == "HOLDS_POST"}
    posts_table = next(o.data["text/html"] for c in nb.cells if c.cell_type == "code" and "g.posts()" in c.source for o in c.outputs if "text/html" in o.data)
    assert len(holders) >= 10 and all(f">{n}<" in posts_table for n in holders)
    assert (out / "graph.html").is_file()
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "every evidence found at its raw offsets" in text


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_the_interactive_graph_is_a_sigma_widget_of_the_build(executed):
    """The ipysigma cell shows a widget whose graph (kept by nbclient in the notebook's widget state) is the build's:
    every entity with its type, coloured by type and sized by mentions, every relation with its evidence on hover."""
    from kg.export.graph import TYPE_COLORS, xml_safe

    nb, out = executed
    cell = next(c for c in nb.cells if c.cell_type == "code" and "Sigma(" in c.source)
    views = [o.data[WIDGET_VIEW] for o in cell.outputs if WIDGET_VIEW in o.get("data", {})]
    assert len(views) == 1, cell.outputs
    model = nb.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"][views[0]["model_id"]]
    assert model["model_name"] == "SigmaModel"
    state = model["state"]
    with open(out / "entities.csv", encoding="utf-8", newline="") as fh:
        types = {r["entity_id"]: r["type"] for r in csv.DictReader(fh)}
    with open(out / "relations.csv", encoding="utf-8", newline="") as fh:
        relations = sorted((r["head_id"], r["tail_id"], r["relation"], xml_safe(r["evidence"])) for r in csv.DictReader(fh))
    nodes = {n["key"]: n["attributes"] for n in state["data"]["nodes"]}
    assert {k: a["type"] for k, a in nodes.items()} == types and len(types) > 100
    assert set(state["layout"]) == set(types)  # every entity placed, none left to a random start
    look = state["visual_variables"]
    assert look["nodeColor"]["attribute"] == "type"
    assert dict(look["nodeColor"]["palette"]) == {t: "#%02x%02x%02x" % rgb for t, rgb in TYPE_COLORS.items()}
    assert look["nodeSize"]["attribute"] == "n_mentions" and look["nodeLabel"]["attribute"] == "label"
    edges = [e["attributes"] | {"source": e["source"], "target": e["target"]} for e in state["data"]["edges"]]
    assert sorted((e["source"], e["target"], e["type"], e["evidence"]) for e in edges) == relations and relations
    label = look["edgeLabel"]["attribute"]
    assert all(e[label] == f"{e['type']}：{e['evidence']}" for e in edges)
    assert state["clickable_edges"] is True  # a click on an edge shows its attributes, evidence included


def test_missing_glyph_is_an_error_and_the_cjk_font_draws_every_seed_name(seed_build):
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from kg.query.fonts import strict_glyphs, use_cjk_font

    with open(seed_build / "entities.csv", encoding="utf-8", newline="") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    with matplotlib.rc_context():
        strict_glyphs()
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        fig = Figure()
        FigureCanvasAgg(fig)
        fig.text(0.1, 0.5, next(n for n in names if re.search(r"[\u4e00-\u9fff]", n)))  # a name DejaVu cannot draw
        with pytest.raises(UserWarning, match="missing from font"):
            fig.canvas.draw()

        family = use_cjk_font()
        fig = Figure(figsize=(4, 40))
        FigureCanvasAgg(fig)
        for i, name in enumerate(names):
            fig.text(0.01, i / len(names), name, fontsize=6)
        fig.canvas.draw()  # no glyph of any seed name is missing
        assert family in matplotlib.rcParams["font.sans-serif"]
