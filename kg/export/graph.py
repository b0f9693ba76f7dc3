"""The graph: a networkx MultiDiGraph of entities and relations, and its Gephi exports.

Nodes are entities (id = ``entity_id``) with ``type``, ``label`` (the
canonical name), ``aliases``, ``n_mentions``, ``n_docs``, the first and
last article dates and the standard codes of :mod:`kg.export.codes` where they apply; edges are relations with ``type``/``label``, the
evidence (``doc_id``, raw ``start``/``end``, ``evidence`` text), ``rule``,
``confidence`` and attributes (``title``, ``amount``). Every edge has a
globally unique key, so GraphML edge ids never collide.

GraphML and GEXF take only scalar attribute values (networkx refuses
``None``, lists and dates and may leave a 0-byte file): both are written from
a converted copy, to a temporary file renamed into place.

>>> g = build_graph(
...     [{"entity_id": "a", "type": "PARK", "name": "青岛蓝谷", "aliases": "蓝谷", "n_mentions": 3, "n_docs": 1}],
...     [], {})
>>> g.nodes["a"]["label"], g.nodes["a"]["type"]
('青岛蓝谷', 'PARK')
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.codes import CODE_COLUMNS
from kg.export.outputs import atomic_open
# the rules' confidences are knowledge-base data (kg.kb.confidence), re-exported where callers have always found them
from kg.kb.confidence import confidence_of, rule_confidences  # noqa: F401

#: Node colours in GEXF (and the HTML view): one per entity type.
TYPE_COLORS = {
    "PARK": (46, 134, 193), "COMPANY": (230, 126, 34), "ORG": (142, 68, 173),
    "PERSON": (39, 174, 96), "INDUSTRY": (192, 57, 43), "FUND": (241, 196, 15),
}
#: Edge attributes GEXF reserves (``type`` is the edge direction, ``start``/``end`` a time interval that makes
#: Gephi treat the graph as dynamic), written under these names in GEXF only.
GEXF_EDGE_RENAMES = {"type": "relation", "start": "evidence_start", "end": "evidence_end"}


def edge_key(row: Mapping[str, Any]) -> str:
    """A globally unique, stable key of one relation row."""
    raw = "\t".join(str(row.get(k, "")) for k in ("head_id", "relation", "tail_id", "doc_id", "start", "end"))
    return "r-" + hashlib.sha1(raw.encode()).hexdigest()[:12]


def build_graph(
    entities: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    doc_dates: Mapping[str, str],
    mentions: Iterable[Mapping[str, Any]] = (),
) -> nx.MultiDiGraph:
    """The graph of an output folder's tables (rows as in the CSV files)."""
    g = nx.MultiDiGraph()
    dates: dict[str, list[str]] = {}
    for m in mentions:
        d = doc_dates.get(m["doc_id"], "")
        if d:
            dates.setdefault(m["entity_id"], []).append(d[:10])
    for e in entities:
        ds = sorted(dates.get(e["entity_id"], []))
        g.add_node(
            e["entity_id"], type=e["type"], label=e["name"], name=e["name"],
            aliases=[a for a in str(e.get("aliases") or "").split("|") if a],
            n_mentions=int(e.get("n_mentions") or 0), n_docs=int(e.get("n_docs") or 0),
            titles=e.get("titles") or None, size=e.get("size") or None,
            size_yuan=float(e["size_yuan"]) if e.get("size_yuan") else None,
            first_date=ds[0] if ds else None, last_date=ds[-1] if ds else None,
            **{c: e.get(c) or None for c in CODE_COLUMNS},  # industry code and parent, division (kg.export.codes)
        )
    for r in relations:
        if r["head_id"] not in g or r["tail_id"] not in g:
            continue
        attrs = json.loads(r["attrs"]) if r.get("attrs") else {}
        g.add_edge(
            r["head_id"], r["tail_id"], key=edge_key(r),
            type=r["relation"], label=r["relation"], doc_id=r["doc_id"], start=int(r["start"]), end=int(r["end"]),
            evidence=r["evidence"], rule=r.get("rule", ""), confidence=confidence_of(str(r.get("rule", ""))), weight=1.0,
            **{k: str(v) for k, v in attrs.items()},
        )
    return g


# Characters XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF): raw text can
# hold them (a stray form feed in an evidence sentence), and one of them makes the GraphML writer fail or the GEXF
# unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    r"""``text`` with characters XML cannot carry replaced by U+FFFD, same length (raw offsets still hold).

    >>> xml_safe("甲\x0b乙\n")
    '甲\ufffd乙\n'
    """
    return _NOT_XML.sub("\ufffd", text)


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple, set)):
        return xml_safe("|".join(map(str, value)))
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, (int, float, bool)):
        return value
    return xml_safe(str(value))


def gephi_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (None dropped), one Python type per attribute name."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None})
    for u, v, k, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: x for a, x in ((a, _scalar(x)) for a, x in data.items()) if x is not None})
    # one type per attribute: GraphML declares a key per (name, type)
    for items in (list(out.nodes(data=True)), [(k, d) for _, _, k, d in out.edges(keys=True, data=True)]):
        types: dict[str, set[type]] = {}
        for _, d in items:
            for a, x in d.items():
                types.setdefault(a, set()).add(type(x))
        for _, d in items:
            for a, ts in types.items():
                if len(ts) > 1 and a in d:
                    d[a] = str(d[a])
    return out


def write_graphml(g: nx.MultiDiGraph, path: str | Path, copy: nx.MultiDiGraph | None = None) -> None:
    """GraphML for Gephi and igraph, written atomically (from ``copy``, ``gephi_copy(g)``, when the caller made it)."""
    copy = gephi_copy(g) if copy is None else copy
    with atomic_open(path, "wb") as fh:
        nx.write_graphml(copy, fh, encoding="utf-8", prettyprint=True, named_key_ids=False, edge_id_from_attribute=None)


def write_gexf(g: nx.MultiDiGraph, path: str | Path, copy: nx.MultiDiGraph | None = None) -> None:
    """GEXF 1.2 for Gephi with nodes coloured by type, written atomically (a static graph: see GEXF_EDGE_RENAMES).

    The file is valid against the GEXF 1.2draft XML Schema (tested with the schema
    files JGraphT ships). networkx's writer needs two corrections for that:

    * it writes ``<graph name="">``; the schema has no ``name`` on ``graph``, so
      the attribute is dropped;
    * the schema declares the colour element in the GEXF namespace (``<color r g b a>``
      of the viz types), not the ``viz:color`` networkx and Gephi write, so the colour
      goes in as ``<color>``. Gephi and sigma.js read either by its local name;
      networkx's reader reads only ``viz:color`` and so ignores it (the ``type``
      attribute, which the colour stands for, is there for every node).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(build_graph([{"entity_id": "a", "type": "PARK", "name": "蓝谷"}], [], {}), f)
    >>> text = f.read_text(encoding="utf-8")
    >>> '<color r="46" g="134" b="193" a="1.0" />' in text, 'name=""' in text, "viz:color" in text
    (True, False, False)

    ``copy`` (``gephi_copy(g)``, which this changes) saves making it again after :func:`write_graphml`.
    """
    copy = gephi_copy(g) if copy is None else copy
    for _, _, data in copy.edges(data=True):
        for old, new in GEXF_EDGE_RENAMES.items():
            if old in data:
                data[new] = data.pop(old)
    from xml.etree.ElementTree import Element

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(copy)
    # networkx stamps today's date in <meta>: drop it, so the same input gives the same bytes on any day
    writer.xml.find("meta").attrib.pop("lastmodifieddate", None)
    writer.xml.find("graph").attrib.pop("name", None)
    types = {str(n): d.get("type", "") for n, d in copy.nodes(data=True)}
    for node in writer.xml.iter("node"):
        r, gg, b = TYPE_COLORS.get(types[node.get("id")], (127, 127, 127))
        node.insert(0, Element("color", r=str(r), g=str(gg), b=str(b), a="1.0"))
    with atomic_open(path, "wb") as fh:
        writer.write(fh)
