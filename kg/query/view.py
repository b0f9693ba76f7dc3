"""`kg view`: one self-contained HTML page to explore a build, with the evidence of every fact.

The page holds the graph as JSON (read from ``entities.csv``,
``relations.csv``, ``documents.csv`` and ``mentions.csv``) and a small
script (``kg/data/view.js``) that lays it out with a force simulation
started from fixed positions (no randomness), draws it on a canvas, colours
nodes by type (the GEXF colours of :data:`kg.export.graph.TYPE_COLORS`), searches
names and aliases, and shows the evidence sentence, article and relation type
of a clicked node or edge. Nothing is loaded from anywhere else: the page
works offline, and its Content-Security-Policy forbids every external
request and every script but its own (allowed by hash).

Data is embedded so that no name can break out of its ``<script>`` element:
JSON with every non-ASCII character and ``<``, ``>``, ``&`` written as
``\\uXXXX`` escapes, and the script only ever puts data into the page as
text (``textContent``, canvas ``fillText``).

>>> page = render_page({"nodes": [{"name": "</script><b>&"}], "edges": [], "docs": [], "sentences": [],
...                     "types": [], "stats": {}})
>>> page.count("</script>")  # the data's closing tag is escaped: only the page's own two remain
2
>>> json.loads(page.split('type="application/json">')[1].split("</script>")[0])["nodes"][0]["name"]
'</script><b>&'
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import KgUsageError
from kg.export.graph import TYPE_COLORS
from kg.export.outputs import atomic_open

#: Most entities a page holds; a larger build keeps its most connected ones (the page says so).
DEFAULT_MAX_NODES = 2000
#: Legend order and glosses of the entity types.
TYPE_GLOSS = {"PARK": "园区", "COMPANY": "企业", "ORG": "机构", "PERSON": "人物", "INDUSTRY": "产业", "FUND": "基金"}


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def view_data(out_dir: str | Path, max_nodes: int = DEFAULT_MAX_NODES) -> dict[str, Any]:
    """The page's data: nodes, edges (by node index) with evidence, articles, sentences, legend, counts.

    Lists are sorted (nodes by entity id, edges by head, relation, tail,
    article, offset), so the same outputs give the same data.
    """
    out = Path(out_dir)
    missing = [n for n in ("entities.csv", "relations.csv", "documents.csv") if not (out / n).is_file()]
    if missing:
        raise KgUsageError(f"{out} has no {', '.join(missing)}; run `kg build INPUT --out {out}` first")
    entities = sorted(_read(out / "entities.csv"), key=lambda e: e["entity_id"])
    relations = [r for r in _read(out / "relations.csv")]
    docs = sorted((d for d in _read(out / "documents.csv") if d.get("status", "ok") == "ok"), key=lambda d: d["doc_id"])

    known = {e["entity_id"] for e in entities}
    relations = [r for r in relations if r["head_id"] in known and r["tail_id"] in known]
    degree: Counter[str] = Counter()
    for r in relations:
        degree[r["head_id"]] += 1
        degree[r["tail_id"]] += 1
    n_entities = len(entities)
    if n_entities > max_nodes:  # keep the most connected, then the most mentioned; ties by id
        keep = sorted(entities, key=lambda e: (-degree[e["entity_id"]], -int(e.get("n_mentions") or 0), e["entity_id"]))
        kept = {e["entity_id"] for e in keep[:max_nodes]}
        entities = [e for e in entities if e["entity_id"] in kept]
        relations = [r for r in relations if r["head_id"] in kept and r["tail_id"] in kept]
    index = {e["entity_id"]: i for i, e in enumerate(entities)}
    doc_index = {d["doc_id"]: i for i, d in enumerate(docs)}

    mention_docs: dict[str, set[int]] = defaultdict(set)
    if (out / "mentions.csv").is_file():
        for m in _read(out / "mentions.csv"):
            if m["entity_id"] in index and m["doc_id"] in doc_index:
                mention_docs[m["entity_id"]].add(doc_index[m["doc_id"]])

    nodes = []
    for e in entities:
        node: dict[str, Any] = {
            "id": e["entity_id"], "name": e["name"], "type": e["type"],
            "aliases": [a for a in (e.get("aliases") or "").split("|") if a],
            "mentions": int(e.get("n_mentions") or 0), "docs": sorted(mention_docs.get(e["entity_id"], ())),
        }
        info = {k: e[k] for k in ("titles", "size", "industry_code", "industry_class", "division", "division_code")
                if e.get(k)}
        if info:
            node["info"] = info
        nodes.append(node)

    sentences: list[str] = []
    sentence_index: dict[str, int] = {}
    edges = []
    relations.sort(key=lambda r: (r["head_id"], r["relation"], r["tail_id"], r["doc_id"], int(r["start"]), int(r["end"])))
    for r in relations:
        text = r.get("evidence") or ""
        if text not in sentence_index:
            sentence_index[text] = len(sentences)
            sentences.append(text)
        edge: dict[str, Any] = {
            "s": index[r["head_id"]], "t": index[r["tail_id"]], "type": r["relation"],
            "doc": doc_index.get(r["doc_id"], -1), "sent": sentence_index[text],
            "start": int(r["start"]), "end": int(r["end"]),
            "surfaces": [x for x in (r.get("head"), r.get("tail")) if x],
        }
        attrs = json.loads(r["attrs"]) if r.get("attrs") else {}
        if attrs:
            edge["attrs"] = {k: str(v) for k, v in sorted(attrs.items())}
        edges.append(edge)

    present = Counter(e["type"] for e in entities)
    types = [{"type": t, "gloss": TYPE_GLOSS.get(t, ""), "color": "#%02x%02x%02x" % TYPE_COLORS.get(t, (127, 127, 127)),
              "count": present[t]} for t in [*TYPE_GLOSS, *sorted(set(present) - set(TYPE_GLOSS))] if present[t]]
    return {
        "nodes": nodes, "edges": edges, "sentences": sentences, "types": types,
        "docs": [{"id": d["doc_id"], "title": d.get("title") or "", "source": d.get("source") or "",
                  "date": (d.get("date") or "")[:10]} for d in docs],
        "stats": {"entities": n_entities, "shown": len(nodes), "relations": len(edges), "articles": len(docs)},
    }


def _script_json(data: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: ASCII only, no ``<``, ``>`` or ``&``."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _asset(name: str) -> str:
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


def render_page(data: dict[str, Any]) -> str:
    """The HTML page for :func:`view_data`'s data (a pure function of it)."""
    script, style = _asset("view.js"), _asset("view.css")
    stats = data.get("stats", {})
    title = f"kg view — {stats.get('shown', len(data['nodes']))} entities, {stats.get('relations', len(data['edges']))} relations"
    csp = (f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{style}</style>
</head>
<body>
<header>
  <h1>kg view</h1>
  <span id="stats"></span>
  <input id="search" type="search" placeholder="搜索名称 / search names" autocomplete="off" spellcheck="false">
  <span id="match-count"></span>
</header>
<main>
  <canvas id="graph" data-drawn-nodes="0" data-drawn-edges="0" data-matches="0"></canvas>
  <ul id="results" hidden></ul>
  <ul id="legend"></ul>
  <aside id="details"><p class="hint">Click a node or an edge to see the sentence, article and relation behind it. Drag to pan, wheel to zoom, click a legend entry to hide a type.</p></aside>
</main>
<script id="kg-data" type="application/json">{_script_json(data)}</script>
<script>{script}</script>
</body>
</html>
"""


def write_view(out_dir: str | Path, out_file: str | Path | None = None, max_nodes: int = DEFAULT_MAX_NODES) -> tuple[Path, dict[str, int]]:
    """Write the page for the build in ``out_dir`` (default ``OUT_DIR/graph.html``) atomically; returns path and counts."""
    data = view_data(out_dir, max_nodes=max_nodes)
    path = Path(out_file) if out_file else Path(out_dir) / "graph.html"
    with atomic_open(path, "w", newline="\n") as fh:
        fh.write(render_page(data))
    return path, data["stats"]
