"""Render the README's pictures of the seeds' graph into docs/img/ (run after `make setup`).

    .venv/bin/python scripts/render_docs_images.py [--build DIR] [--img-dir docs/img]

1. ``seeds-graph.png``: ``graph.gexf`` of the seeds as Gephi reads it (node
   ``label``, the GEXF ``<color>`` of its type, ``n_mentions``), laid out with
   networkx's ForceAtlas2 and drawn by matplotlib with the CJK font that
   `make setup` installs. Gephi itself is not used: the picture shows the
   same file, attributes and layout algorithm, not a Gephi screenshot.
2. ``kg-view.png``: a screenshot of ``kg view`` for the seeds in headless
   Chromium, with 青岛蓝谷 searched and its evidence open.

Without ``--build`` the seeds are built into a temporary folder first.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]


def draw_gexf(gexf: Path, png: Path) -> str:
    """Draw the non-isolated part of ``gexf`` as Gephi would colour and label it; returns a one-line summary."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    from kg.export.graph import TYPE_COLORS
    from kg.query.fonts import strict_glyphs, use_cjk_font
    from kg.query.view import TYPE_GLOSS

    font = use_cjk_font()
    strict_glyphs()
    g = nx.read_gexf(gexf)
    u = nx.Graph(g.to_undirected())
    u.remove_edges_from(nx.selfloop_edges(u))
    isolated = [n for n in u if u.degree(n) == 0]
    u.remove_nodes_from(isolated)
    # the GEXF's <color> per node is TYPE_COLORS of its type (networkx's reader reads only viz:color)
    color = {n: "#%02x%02x%02x" % TYPE_COLORS[g.nodes[n]["type"]] for n in u}
    pos = nx.forceatlas2_layout(u, max_iter=400, seed=7, scaling_ratio=3.0, gravity=1.0, strong_gravity=True,
                                distributed_action=True)  # Gephi's "Dissuade Hubs"
    fig, ax = plt.subplots(figsize=(12, 9), dpi=100)
    nx.draw_networkx_edges(u, pos, ax=ax, alpha=0.25, width=0.7)
    nx.draw_networkx_nodes(u, pos, ax=ax, node_color=[color[n] for n in u],
                           node_size=[20 + 14 * int(g.nodes[n].get("n_mentions", 1)) for n in u], linewidths=0.5, edgecolors="white")
    hubs = sorted(u, key=lambda n: (-u.degree(n), n))[:30]
    nx.draw_networkx_labels(u, pos, ax=ax, labels={n: g.nodes[n]["label"] for n in hubs}, font_size=9, font_family=font,
                            bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 0.4})
    types = sorted({g.nodes[n]["type"] for n in u}, key=list(TYPE_GLOSS).index)
    for t in types:
        n = next(n for n in u if g.nodes[n]["type"] == t)
        ax.scatter([], [], color=color[n], label=f"{TYPE_GLOSS[t]} {t}")
    ax.legend(loc="lower left", frameon=False)
    summary = (f"{u.number_of_nodes()} of {g.number_of_nodes()} entities ({len(isolated)} without relations left out), "
               f"{u.number_of_edges()} distinct ties")
    ax.set_title(f"graph.gexf of the five seed articles: {summary}", fontsize=11)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(png, metadata={"Software": None})
    plt.close(fig)
    return summary


def screenshot_view(build: Path, png: Path, search: str) -> None:
    """Headless Chromium's screenshot of `kg view` with ``search`` in the address (a fresh profile, removed after)."""
    from kg.query.view import write_view

    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("headless Chromium is missing: run `make setup` (it installs the Debian package chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page, _ = write_view(build, Path(tmp) / "view.html")
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", "--window-size=1400,900",
                        "--virtual-time-budget=10000", f"--screenshot={png}", page.as_uri() + "#q=" + quote(search)],
                       check=True, capture_output=True, timeout=120)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", type=Path, help="an existing `kg build` of the seeds (default: build them now)")
    ap.add_argument("--img-dir", type=Path, default=ROOT / "docs" / "img")
    args = ap.parse_args()
    args.img_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build = args.build
        if build is None:
            from kg.run.build import build as run_build

            build = Path(tmp) / "seeds"
            run_build([str(ROOT / "seeds" / "*.txt")], build, progress=False)
        summary = draw_gexf(build / "graph.gexf", args.img_dir / "seeds-graph.png")
        print(f"{args.img_dir / 'seeds-graph.png'}: {summary}")
        screenshot_view(build, args.img_dir / "kg-view.png", "青岛蓝谷")
        print(f"{args.img_dir / 'kg-view.png'}: kg view, 青岛蓝谷 searched")


if __name__ == "__main__":
    main()
