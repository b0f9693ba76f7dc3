"""RDF: the graph as triples, with sentence-level provenance in plain SPARQL 1.1.

Vocabulary (``schemas/kg.ttl``): schema.org, W3C ORG, PROV-O, SKOS and Dublin
Core, plus a small ``kg:`` namespace for parks, industries, funds, chain
leadership and the relation shortcuts. Every relation is written twice:

* a shortcut triple for traversal (``<company> kg:locatedIn <park>``);
* a ``kg:Statement`` (a ``prov:Entity``) with ``kg:subject``/``kg:predicate``/
  ``kg:object``, ``prov:wasDerivedFrom`` the article and
  ``prov:qualifiedDerivation`` → ``prov:entity`` the ``kg:Sentence``
  (``dcterms:isPartOf`` the article, ``kg:startOffset``/``kg:endOffset``,
  ``kg:text``). A post is also an ``org:Membership``.

Labels are language-tagged: ``zh-Hans`` for canonical names, ``zh-Hant`` for
aliases written in Traditional characters. IRIs are stable under a
configurable base. RDF-star is not used (rdflib 7.6 and pyoxigraph 0.5 do not
agree on it).

>>> g = build_rdf([{"entity_id": "park-1", "type": "PARK", "name": "青岛蓝谷", "aliases": "青島藍谷|蓝谷"}], [], [])
>>> sorted(str(o) for o in g.objects(None, SKOS.altLabel))
['蓝谷', '青島藍谷']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, SKOS

from kg.graph import edge_key
from kg.normalize import to_simplified
from kg.outputs import atomic_open

KG = Namespace("https://w3id.org/kg-regional/ns#")
DEFAULT_BASE = "https://example.org/kg/"

ENTITY_CLASSES = {
    "PARK": (KG.Park,), "COMPANY": (SDO.Corporation, ORG.Organization), "ORG": (ORG.Organization, SDO.Organization),
    "PERSON": (SDO.Person,), "INDUSTRY": (KG.Industry,), "FUND": (KG.Fund,),
}
RELATION_PROPERTIES = {
    "HOLDS_POST": KG.holdsPostAt, "LOCATED_IN": KG.locatedIn, "PART_OF": KG.partOf, "FOCUSES_ON": KG.focusesOn,
    "LEADS_CHAIN": KG.leadsChain, "INVESTS_IN": KG.investsIn, "OPERATES": KG.operates,
    "PARTNERS_WITH": KG.partnersWith, "SUBSIDIARY_OF": ORG.subOrganizationOf,
}


class Iris:
    """Stable IRIs under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, entity_id: str) -> URIRef:
        return URIRef(f"{self.base}entity/{quote(entity_id)}")

    def article(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{quote(doc_id, safe='')}")

    def sentence(self, doc_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}sentence/{quote(doc_id, safe='')}/{start}-{end}")

    def statement(self, key: str) -> URIRef:
        return URIRef(f"{self.base}statement/{key}")


def zh(text: str) -> Literal:
    """A Chinese literal tagged by its script: ``zh-Hant`` if it has Traditional characters."""
    return Literal(text, lang="zh-Hans" if to_simplified(text) == text else "zh-Hant")


def _date_literal(value: str) -> Literal | None:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) >= 19 and value[10] == "T":
        return Literal(value[:19], datatype=XSD.dateTime)
    return None


def _bind(g: Graph) -> None:
    for prefix, ns in (("kg", KG), ("schema", SDO), ("org", ORG), ("prov", PROV), ("skos", SKOS), ("dcterms", DCTERMS)):
        g.bind(prefix, ns, override=True)


def build_rdf(
    entities: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    documents: Iterable[Mapping[str, Any]],
    mentions: Iterable[Mapping[str, Any]] = (),
    base: str = DEFAULT_BASE,
) -> Graph:
    """The RDF graph of an output folder's tables."""
    iris = Iris(base)
    g = Graph()
    _bind(g)
    for e in entities:
        node = iris.entity(e["entity_id"])
        for cls in ENTITY_CLASSES[e["type"]]:
            g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(e["name"], lang="zh-Hans")))
        g.add((node, SKOS.prefLabel, Literal(e["name"], lang="zh-Hans")))
        g.add((node, KG.entityType, Literal(e["type"])))
        for alias in filter(None, str(e.get("aliases") or "").split("|")):
            g.add((node, SKOS.altLabel, zh(alias)))
        if e.get("n_mentions") not in (None, ""):
            g.add((node, KG.mentionCount, Literal(int(e["n_mentions"]), datatype=XSD.integer)))
        if e.get("n_docs") not in (None, ""):
            g.add((node, KG.documentCount, Literal(int(e["n_docs"]), datatype=XSD.integer)))
        if e.get("size_yuan") not in (None, ""):
            g.add((node, KG.size, Literal(Decimal(str(e["size_yuan"])), datatype=XSD.decimal)))
            g.add((node, KG.amountText, Literal(e.get("size") or "")))
        for title in filter(None, str(e.get("titles") or "").split("|")):
            g.add((node, SDO.jobTitle, Literal(title, lang="zh-Hans")))
    for d in documents:
        if d.get("status", "ok") != "ok":
            continue
        art = iris.article(d["doc_id"])
        g.add((art, RDF.type, SDO.NewsArticle))
        g.add((art, DCTERMS.identifier, Literal(d["doc_id"])))
        if d.get("title"):
            g.add((art, DCTERMS.title, zh(d["title"])))
        if d.get("source"):
            g.add((art, DCTERMS.source, zh(d["source"])))
        if d.get("author"):
            g.add((art, SDO.author, Literal(d["author"])))
        if d.get("date") and (lit := _date_literal(d["date"])) is not None:
            g.add((art, DCTERMS.date, lit))
    for m in mentions:
        g.add((iris.article(m["doc_id"]), SDO.mentions, iris.entity(m["entity_id"])))
    for r in relations:
        _add_relation(g, iris, r)
    return g


def _add_relation(g: Graph, iris: Iris, r: Mapping[str, Any]) -> None:
    head, tail = iris.entity(r["head_id"]), iris.entity(r["tail_id"])
    prop = RELATION_PROPERTIES[r["relation"]]
    g.add((head, prop, tail))
    st = iris.statement(edge_key(r))
    start, end = int(r["start"]), int(r["end"])
    sent = iris.sentence(r["doc_id"], start, end)
    art = iris.article(r["doc_id"])
    g.add((st, RDF.type, KG.Statement))
    g.add((st, RDF.type, PROV.Entity))
    g.add((st, KG.subject, head))
    g.add((st, KG.predicate, prop))
    g.add((st, KG.object, tail))
    g.add((st, KG.relationType, Literal(r["relation"])))
    if r.get("rule"):
        g.add((st, KG.rule, Literal(r["rule"])))
    g.add((st, PROV.wasDerivedFrom, art))
    deriv = URIRef(f"{st}/derivation")
    g.add((st, PROV.qualifiedDerivation, deriv))
    g.add((deriv, RDF.type, PROV.Derivation))
    g.add((deriv, PROV.entity, sent))
    g.add((sent, RDF.type, KG.Sentence))
    g.add((sent, DCTERMS.isPartOf, art))
    g.add((sent, KG.startOffset, Literal(start, datatype=XSD.integer)))
    g.add((sent, KG.endOffset, Literal(end, datatype=XSD.integer)))
    g.add((sent, KG.text, Literal(r["evidence"])))
    attrs = json.loads(r["attrs"]) if r.get("attrs") else {}
    if r["relation"] == "HOLDS_POST":
        g.add((st, RDF.type, ORG.Membership))
        g.add((st, ORG.member, head))
        g.add((st, ORG.organization, tail))
        if attrs.get("title"):
            g.add((st, KG.title, Literal(attrs["title"], lang="zh-Hans")))
    if attrs.get("date") and (lit := _date_literal(attrs["date"]) if len(attrs["date"]) == 10 else Literal(attrs["date"], datatype=XSD.gYearMonth)) is not None:
        g.add((st, DCTERMS.date, lit))
    if attrs.get("amount"):
        from kg.amounts import parse_amount

        g.add((st, KG.amountText, Literal(attrs["amount"])))
        parsed = parse_amount(attrs["amount"])
        if parsed is not None:
            try:
                g.add((st, KG.amount, Literal(Decimal(parsed.yuan), datatype=XSD.decimal)))
            except InvalidOperation:  # pragma: no cover - parse_amount gives Decimals
                pass


def write_turtle(g: Graph, path: str | Path) -> None:
    """Diff-stable Turtle (sorted, canonical), written atomically."""
    data = g.serialize(format="longturtle")
    with atomic_open(path) as fh:
        fh.write(data)


def write_ntriples(g: Graph, path: str | Path) -> None:
    """N-Triples with sorted lines, written atomically."""
    # split on "\n" only: str.splitlines() also breaks at \x0b, \x85, U+2028…, which N-Triples literals may hold
    lines = sorted(line for line in g.serialize(format="nt").split("\n") if line.strip())
    with atomic_open(path) as fh:
        fh.write("\n".join(lines) + "\n")
