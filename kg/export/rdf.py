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

Triples are plain tuples of terms already in N-Triples syntax (``<iri>``,
``"text"@zh-Hans``, ``"3"^^<…#integer>``), and both files are written from
them directly in sorted order. Going through rdflib's serializers took 85% of
the time of the whole graph step (the longturtle serializer grows faster than
the graph); rdflib is only used to read the files back (:func:`build_rdf`).

>>> ts = triples([{"entity_id": "park-1", "type": "PARK", "name": "青岛蓝谷", "aliases": "青島藍谷|蓝谷"}], [], [])
>>> sorted(o for s, p, o in ts if p == term("skos:altLabel"))
['"蓝谷"@zh-Hans', '"青島藍谷"@zh-Hant']
>>> for line in turtle_lines(ts)[10:]:
...     print(line)
<https://example.org/kg/entity/park-1>
    a kg:Park ;
    kg:entityType "PARK" ;
    rdfs:label "青岛蓝谷"@zh-Hans ;
    skos:altLabel
        "蓝谷"@zh-Hans ,
        "青島藍谷"@zh-Hant ;
    skos:prefLabel "青岛蓝谷"@zh-Hans ;
.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kg.errors import KgUsageError
from kg.export.graph import edge_key
from kg.extract.document import entity_id
from kg.kb.codes import UNCLASSIFIED, Divisions, IndustryCodes
from kg.text.normalize import encodable, to_simplified
from kg.export.outputs import atomic_open
from kg.export.vocab import KG as kg  # noqa: N813 - the checked kg: names read as CURIEs: kg.Park == "kg:Park"
from kg.export.vocab import NAMESPACE as KG_NAMESPACE
from kg.export.vocab import TERMS as KG_TERMS

if TYPE_CHECKING:
    from rdflib import Graph

#: Prefixes of the Turtle file (also the namespaces of :func:`term`).
PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/",
    "kg": KG_NAMESPACE,
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DEFAULT_BASE = "https://example.org/kg/"
#: The concept schemes of the standard codes (the same IRIs in every build, whatever its base).
SEI_SCHEME = "https://w3id.org/kg-regional/sei-2018"
DIVISION_SCHEME = "https://w3id.org/kg-regional/gbt-2260"

Triple = tuple[str, str, str]


def term(curie: str) -> str:
    """The N-Triples IRI of a prefixed vocabulary name (a ``kg:`` name must be defined in ``schemas/kg.ttl``).

    >>> term(kg.Park)
    '<https://w3id.org/kg-regional/ns#Park>'
    """
    prefix, local = curie.split(":", 1)
    if prefix == "kg" and local not in KG_TERMS:
        raise ValueError(f"{curie} is not defined in schemas/kg.ttl")
    return f"<{PREFIXES[prefix]}{local}>"


A = term("rdf:type")
ENTITY_CLASSES = {
    "PARK": (kg.Park,), "COMPANY": ("schema:Corporation", "org:Organization"),
    "ORG": ("org:Organization", "schema:Organization"), "PERSON": ("schema:Person",), "INDUSTRY": (kg.Industry,),
    "FUND": (kg.Fund,),
}
RELATION_PROPERTIES = {
    "HOLDS_POST": kg.holdsPostAt, "LOCATED_IN": kg.locatedIn, "PART_OF": kg.partOf, "FOCUSES_ON": kg.focusesOn,
    "LEADS_CHAIN": kg.leadsChain, "INVESTS_IN": kg.investsIn, "OPERATES": kg.operates,
    "PARTNERS_WITH": kg.partnersWith, "SUBSIDIARY_OF": "org:subOrganizationOf",
}

# Inside a quoted literal N-Triples and Turtle forbid raw `"`, `\`, LF and CR; other control characters
# are escaped too (some parsers refuse them), lone surrogates (possible in JSON input) become U+FFFD.
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES |= {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES}
# Characters an IRIREF may not hold (the base IRI is the one part a user gives).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples syntax (``datatype`` a prefixed name such as ``xsd:date``).

    >>> literal('他说"好"\\n', lang="zh-Hans")
    '"他说\\\\"好\\\\"\\\\n"@zh-Hans'
    >>> literal("3", datatype="xsd:integer")
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    quoted = '"' + encodable(text).translate(_ESCAPES) + '"'
    if lang:
        return f"{quoted}@{lang}"
    return f"{quoted}^^{term(datatype)}" if datatype else quoted


def zh(text: str) -> str:
    """A Chinese literal tagged by its script: ``zh-Hant`` if it has Traditional characters."""
    return literal(text, lang="zh-Hans" if to_simplified(text) == text else "zh-Hant")


def integer(value: Any) -> str:
    return literal(str(int(value)), datatype="xsd:integer")


def decimal(value: Any) -> str | None:
    """An ``xsd:decimal`` literal in plain notation (``1E+10`` is no valid decimal lexical form)."""
    try:
        return literal(format(Decimal(str(value)), "f"), datatype="xsd:decimal")
    except InvalidOperation:
        return None


def _date_literal(value: str) -> str | None:
    if len(value) == 10:
        return literal(value, datatype="xsd:date")
    if len(value) >= 19 and value[10] == "T":
        return literal(value[:19], datatype="xsd:dateTime")
    return None


class Iris:
    """Stable IRIs under one base (checked: a bad base is a usage error, not a broken file).

    >>> Iris("https://example.org/x").entity("park-1")
    '<https://example.org/x/entity/park-1>'
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if _BAD_IRI.search(base) or not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", base):
            raise KgUsageError(f"--base {base!r} is not an absolute IRI without spaces or <>\"{{}}|^`\\ "
                               "(e.g. https://example.org/kg/)")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, entity_id: str) -> str:
        return f"<{self.base}entity/{quote(entity_id)}>"

    def article(self, doc_id: str) -> str:
        return f"<{self.base}article/{quote(doc_id, safe='')}>"

    def sentence(self, doc_id: str, start: int, end: int) -> str:
        return f"<{self.base}sentence/{quote(doc_id, safe='')}/{start}-{end}>"

    def statement(self, key: str) -> str:
        return f"<{self.base}statement/{key}>"


def triples(
    entities: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    documents: Iterable[Mapping[str, Any]],
    mentions: Iterable[Mapping[str, Any]] = (),
    base: str = DEFAULT_BASE,
) -> set[Triple]:
    """The triples of an output folder's tables (rows as in the CSV files)."""
    iris = Iris(base)
    out: set[Triple] = set()
    add = out.add
    codes = _CodeTriples(add, iris)
    t = {c: term(c) for c in ("rdfs:label", "skos:prefLabel", "skos:altLabel", kg.entityType, kg.mentionCount,
                              kg.documentCount, kg.size, kg.amountText, "schema:jobTitle")}
    for e in entities:
        node = iris.entity(e["entity_id"])
        for cls in ENTITY_CLASSES[e["type"]]:
            add((node, A, term(cls)))
        name = literal(e["name"], lang="zh-Hans")
        add((node, t["rdfs:label"], name))
        add((node, t["skos:prefLabel"], name))
        add((node, t[kg.entityType], literal(e["type"])))
        for alias in filter(None, str(e.get("aliases") or "").split("|")):
            add((node, t["skos:altLabel"], zh(alias)))
        if e.get("n_mentions") not in (None, ""):
            add((node, t[kg.mentionCount], integer(e["n_mentions"])))
        if e.get("n_docs") not in (None, ""):
            add((node, t[kg.documentCount], integer(e["n_docs"])))
        if e.get("size_yuan") not in (None, "") and (size := decimal(e["size_yuan"])) is not None:
            add((node, t[kg.size], size))
            add((node, t[kg.amountText], literal(e.get("size") or "")))
        for title in filter(None, str(e.get("titles") or "").split("|")):
            add((node, t["schema:jobTitle"], literal(title, lang="zh-Hans")))
        codes.entity(node, e)
    for d in documents:
        if d.get("status", "ok") != "ok":
            continue
        art = iris.article(d["doc_id"])
        add((art, A, term("schema:NewsArticle")))
        add((art, term("dcterms:identifier"), literal(d["doc_id"])))
        if d.get("title"):
            add((art, term("dcterms:title"), zh(d["title"])))
        if d.get("source"):
            add((art, term("dcterms:source"), zh(d["source"])))
        if d.get("author"):
            add((art, term("schema:author"), literal(d["author"])))
        if d.get("date") and (lit := _date_literal(d["date"])) is not None:
            add((art, term("dcterms:date"), lit))
    mentions_p = term("schema:mentions")
    for m in mentions:
        add((iris.article(m["doc_id"]), mentions_p, iris.entity(m["entity_id"])))
    for r in relations:
        _add_relation(add, iris, r)
    codes.finish()
    return out


def sei_concept(code: str) -> str:
    """The IRI of a category of the strategic-emerging-industry classification.

    >>> sei_concept("4.1")
    '<https://w3id.org/kg-regional/sei-2018/4.1>'
    """
    return f"<{SEI_SCHEME}/{code}>"


def division_concept(code: str) -> str:
    """The IRI of an administrative division by its GB/T 2260 code."""
    return f"<{DIVISION_SCHEME}/{code}>"


class _CodeTriples:
    """The standard codes of the entity rows (columns of :mod:`kg.export.codes`) as SKOS.

    An INDUSTRY entity gets ``kg:industryCode`` and ``skos:broader`` its parent industry and its category
    of the classification; a parent industry that is no entity of the build is a ``kg:Industry`` with
    ``skos:prefLabel`` and the same links, but no ``kg:entityType`` and no ``rdfs:label`` (its IRI is the
    one it would have as an entity). A PARK, ORG or COMPANY with a division gets ``kg:division`` (the
    division's concept) and ``kg:divisionCode``. The classification is written whole once there is an
    industry; divisions only those in use, with their provinces.
    """

    def __init__(self, add: Any, iris: Iris) -> None:
        self.add, self.iris = add, iris
        self.industries: dict[str, str] = {}  # name of an INDUSTRY entity -> its node
        self.parents: list[tuple[str, str]] = []  # (node, parent industry)
        self.divisions: set[str] = set()
        self.broader = term("skos:broader")

    def entity(self, node: str, e: Mapping[str, Any]) -> None:
        add = self.add
        if e["type"] == "INDUSTRY":
            self.industries[e["name"]] = node
            self._industry(node, e.get("industry_code") or "")
            if e.get("industry_parent"):
                self.parents.append((node, e["industry_parent"]))
        if code := e.get("division_code"):
            add((node, term(kg.division), division_concept(code)))
            add((node, term(kg.divisionCode), literal(code)))
            self.divisions.add(code)

    def _industry(self, node: str, code: str) -> None:
        if code:
            self.add((node, term(kg.industryCode), literal(code)))
        if code and code != UNCLASSIFIED:
            self.add((node, self.broader, sei_concept(code)))

    def _node(self, industry: str) -> str:
        return self.industries.get(industry) or self.iris.entity(entity_id("INDUSTRY", industry))

    def finish(self) -> None:
        if self.industries:
            self._finish_industries()
        divisions = Divisions.load()
        used = {d for code in self.divisions for d in divisions.chain(divisions.by_code[code])}
        if used:  # also in a build without industries: parks_by_province follows these concepts
            self._scheme(DIVISION_SCHEME, "中华人民共和国行政区划代码（GB/T 2260）",
                         [(division_concept(d.code), d.code, d.name, division_concept(d.parent) if d.parent else "")
                          for d in used])

    def _finish_industries(self) -> None:
        add, codes = self.add, IndustryCodes.load()
        for node, parent in self.parents:
            add((node, self.broader, self._node(parent)))
            chain = [parent, *codes.ancestors(parent)]
            for child, above in zip(chain, [*chain[1:], ""]):
                if child in self.industries:
                    break  # an entity of the build: its own row gives its links
                cnode = self._node(child)
                add((cnode, A, term(kg.Industry)))
                add((cnode, term("skos:prefLabel"), literal(child, lang="zh-Hans")))
                self._industry(cnode, codes.code_of(child))
                if above:
                    add((cnode, self.broader, self._node(above)))
        self._scheme(SEI_SCHEME, "战略性新兴产业分类（2018）",
                     [(sei_concept(c.code), c.code, c.name, sei_concept(c.broader) if c.broader else "")
                      for c in codes.concepts.values()])

    def _scheme(self, scheme: str, label: str, concepts: list[tuple[str, str, str, str]]) -> None:
        """A skos:ConceptScheme and its concepts (node, notation, label, broader node or "")."""
        add, s = self.add, f"<{scheme}>"
        add((s, A, term("skos:ConceptScheme")))
        add((s, term("skos:prefLabel"), literal(label, lang="zh-Hans")))
        for node, notation, name, broader in concepts:
            add((node, A, term("skos:Concept")))
            add((node, term("skos:inScheme"), s))
            add((node, term("skos:notation"), literal(notation)))
            add((node, term("skos:prefLabel"), literal(name, lang="zh-Hans")))
            if broader:
                add((node, self.broader, broader))
            else:
                add((node, term("skos:topConceptOf"), s))
                add((s, term("skos:hasTopConcept"), node))


def _add_relation(add: Any, iris: Iris, r: Mapping[str, Any]) -> None:
    head, tail = iris.entity(r["head_id"]), iris.entity(r["tail_id"])
    prop = term(RELATION_PROPERTIES[r["relation"]])
    add((head, prop, tail))
    st = iris.statement(edge_key(r))
    start, end = int(r["start"]), int(r["end"])
    sent = iris.sentence(r["doc_id"], start, end)
    art = iris.article(r["doc_id"])
    add((st, A, term(kg.Statement)))
    add((st, A, term("prov:Entity")))
    add((st, term(kg.subject), head))
    add((st, term(kg.predicate), prop))
    add((st, term(kg.object), tail))
    add((st, term(kg.relationType), literal(r["relation"])))
    if r.get("rule"):
        add((st, term(kg.rule), literal(r["rule"])))
    add((st, term("prov:wasDerivedFrom"), art))
    deriv = st[:-1] + "/derivation>"
    add((st, term("prov:qualifiedDerivation"), deriv))
    add((deriv, A, term("prov:Derivation")))
    add((deriv, term("prov:entity"), sent))
    add((sent, A, term(kg.Sentence)))
    add((sent, term("dcterms:isPartOf"), art))
    add((sent, term(kg.startOffset), integer(start)))
    add((sent, term(kg.endOffset), integer(end)))
    add((sent, term(kg.text), literal(r["evidence"])))
    attrs = json.loads(r["attrs"]) if r.get("attrs") else {}
    if r["relation"] == "HOLDS_POST":
        add((st, A, term("org:Membership")))
        add((st, term("org:member"), head))
        add((st, term("org:organization"), tail))
        if attrs.get("title"):
            add((st, term(kg.title), literal(attrs["title"], lang="zh-Hans")))
    if date := attrs.get("date"):
        lit = _date_literal(date) if len(date) == 10 else literal(date, datatype="xsd:gYearMonth")
        if lit is not None:
            add((st, term("dcterms:date"), lit))
    if attrs.get("amount"):
        from kg.extract.amounts import parse_amount

        add((st, term(kg.amountText), literal(attrs["amount"])))
        parsed = parse_amount(attrs["amount"])
        if parsed is not None and (amount := decimal(parsed.yuan)) is not None:
            add((st, term(kg.amount), amount))


def ntriples_lines(ts: Iterable[Triple]) -> list[str]:
    """Sorted N-Triples lines (diff-stable: the same triples give the same bytes)."""
    return sorted(f"{s} {p} {o} ." for s, p, o in ts)


_LOCAL = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_INTEGER = re.compile(r'"(-?[0-9]+)"\^\^<http://www\.w3\.org/2001/XMLSchema#integer>')


class _Compactor:
    """N-Triples terms → Turtle: vocabulary IRIs as prefixed names, integers bare, other datatypes prefixed."""

    def __init__(self) -> None:
        self._by_ns = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
        self._cache: dict[str, str] = {A: "a"}

    def __call__(self, t: str) -> str:
        hit = self._cache.get(t)
        if hit is not None:
            return hit
        out = t
        if t[0] == "<":
            out = self._iri(t)
        elif (m := _INTEGER.fullmatch(t)) is not None:
            out = m.group(1)
        elif t.endswith(">") and "^^<" in t:
            lex, dt = t.rsplit("^^", 1)
            out = f"{lex}^^{self._iri(dt)}"
        if len(self._cache) < 100_000:  # vocabulary and repeated values; not every sentence text
            self._cache[t] = out
        return out

    def _iri(self, t: str) -> str:
        value = t[1:-1]
        for ns, prefix in self._by_ns:
            if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
        return t


def turtle_lines(ts: Iterable[Triple]) -> list[str]:
    """Diff-stable Turtle: subjects sorted, ``a`` first, then predicates and objects sorted."""
    short = _Compactor()
    by_subject: dict[str, dict[str, list[str]]] = {}
    for s, p, o in ts:
        by_subject.setdefault(s, {}).setdefault(short(p), []).append(short(o))
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()]
    for s in sorted(by_subject):
        lines += ["", short(s)]
        preds = by_subject[s]
        for p in sorted(preds, key=lambda p: (p != "a", p)):
            objs = sorted(preds[p])
            if len(objs) == 1:
                lines.append(f"    {p} {objs[0]} ;")
            else:
                lines.append(f"    {p}")
                lines += [f"        {o} ," for o in objs[:-1]]
                lines.append(f"        {objs[-1]} ;")
        lines.append(".")
    return lines


def write_ntriples(ts: Iterable[Triple], path: str | Path) -> None:
    """N-Triples with sorted lines, written atomically."""
    with atomic_open(path) as fh:
        fh.writelines(line + "\n" for line in ntriples_lines(ts))


def write_turtle(ts: Iterable[Triple], path: str | Path) -> None:
    """Diff-stable Turtle (sorted, prefixed), written atomically."""
    with atomic_open(path) as fh:
        fh.writelines(line + "\n" for line in turtle_lines(ts))


def build_rdf(
    entities: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    documents: Iterable[Mapping[str, Any]],
    mentions: Iterable[Mapping[str, Any]] = (),
    base: str = DEFAULT_BASE,
) -> Graph:
    """The same triples as an rdflib ``Graph`` (for tests and notebooks; builds write the files directly)."""
    from rdflib import Graph

    g = Graph()
    g.parse(data="\n".join(ntriples_lines(triples(entities, relations, documents, mentions, base))), format="nt")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def __getattr__(name: str) -> Any:
    """``KG`` as an rdflib ``DefinedNamespace`` (closed: ``KG.Prak`` raises), imported only when asked for."""
    if name == "KG":
        from kg.export.vocab import rdflib_namespace

        return rdflib_namespace()
    raise AttributeError(name)
