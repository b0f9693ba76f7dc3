"""Graph and exports: round trips, hostile names, SHACL shapes, evidence in plain SPARQL."""

from __future__ import annotations

import re

import networkx as nx
import pytest
import rdflib
from rdflib.namespace import RDFS

from kg.export.graph import build_graph, write_gexf, write_graphml
from kg.export.rdf import KG, triples, write_ntriples, write_turtle
from tests.conftest import ROOT

SHAPES = ROOT / "schemas" / "shapes.ttl"


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    from kg.run.build import build
    from tests.conftest import SEEDS

    out = tmp_path_factory.mktemp("seed-graph")
    assert build([str(SEEDS / "*.txt")], out, progress=False).exit_code == 0
    return out


def _validate(graph: rdflib.Graph) -> tuple[bool, str]:
    import pyshacl

    shapes = rdflib.Graph().parse(SHAPES)
    ok, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    return ok, text


def test_turtle_same_triples_in_rdflib_and_pyoxigraph(seed_out):
    import pyoxigraph

    g = rdflib.Graph().parse(seed_out / "graph.ttl")
    store = pyoxigraph.Store()
    store.load(path=str(seed_out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) > 1000
    nt = rdflib.Graph().parse(seed_out / "graph.nt", format="nt")
    assert len(nt) == len(g)


def test_graphml_and_gexf_read_back(seed_out):
    import igraph

    gml = nx.read_graphml(seed_out / "graph.graphml", force_multigraph=True)
    gexf = nx.read_gexf(seed_out / "graph.gexf")
    ig = igraph.Graph.Read_GraphML(str(seed_out / "graph.graphml"))
    assert gml.number_of_nodes() == gexf.number_of_nodes() == ig.vcount() > 100
    assert gml.number_of_edges() == ig.ecount() > 50
    for _, data in gml.nodes(data=True):
        assert data["label"] and data["type"] in ("PARK", "COMPANY", "FUND", "PERSON", "INDUSTRY", "ORG")
    for _, _, data in gml.edges(data=True):
        assert data["label"] and data["type"] and data["weight"] == 1.0 and data["evidence"]


def test_gexf_is_a_static_directed_graph_for_gephi(seed_out):
    """GEXF reserves edge `type` (direction) and `start`/`end` (time): relation types and offsets use other names."""
    text = (seed_out / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="static"' in text and 'defaultedgetype="directed"' in text and "timeformat" not in text
    assert "lastmodifieddate" not in text  # no date of writing: same input, same bytes on any day
    gexf = nx.read_gexf(seed_out / "graph.gexf")
    gml = nx.read_graphml(seed_out / "graph.graphml", force_multigraph=True)
    assert sorted(d["relation"] for *_, d in gexf.edges(data=True)) == sorted(d["type"] for *_, d in gml.edges(data=True))
    assert all(d["evidence_start"] < d["evidence_end"] and "start" not in d for *_, d in gexf.edges(data=True))


def test_seed_graph_passes_shapes_and_broken_graph_fails(seed_out):
    g = rdflib.Graph().parse(seed_out / "graph.ttl")
    ok, text = _validate(g)
    assert ok, text
    broken = rdflib.Graph().parse(seed_out / "graph.ttl")
    sentence = next(broken.subjects(rdflib.RDF.type, KG.Sentence))
    broken.remove((sentence, KG.startOffset, None))  # evidence without its offsets
    entity = next(broken.subjects(KG.entityType, None))
    broken.add((entity, RDFS.label, rdflib.Literal("second label", lang="en")))  # two labels, wrong language
    ok, text = _validate(broken)
    assert not ok
    assert "startOffset" in text and "label" in text


def test_posts_with_evidence_by_plain_sparql(seed_out):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(path=str(seed_out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    query = """
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX kg: <https://w3id.org/kg-regional/ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?orgName ?title ?text ?start WHERE {
            ?m a org:Membership ; org:member ?p ; org:organization ?o ; kg:title ?title ;
               prov:qualifiedDerivation/prov:entity ?s .
            ?p rdfs:label "徐一冰"@zh-Hans . ?o rdfs:label ?orgName .
            ?s kg:text ?text ; kg:startOffset ?start .
        }"""
    rows = list(store.query(query))
    assert [(r["orgName"].value, r["title"].value) for r in rows] == [("青岛蓝谷管理局", "副局长")]
    assert "徐一冰" in rows[0]["text"].value
    assert len(list(rdflib.Graph().parse(seed_out / "graph.ttl").query(query))) == 1


HOSTILE = 'A"B<C>&D\n甲’乙\r\n😀 \\ 終\u2028\x85'  # quotes, markup, line ends (also U+2028, NEL), emoji
NOT_XML = "\x0b\x1f"  # C0 controls XML 1.0 cannot carry (raw text can): U+FFFD in GraphML and GEXF, kept in RDF


def _hostile_tables():
    name = HOSTILE + NOT_XML
    entities = [{"entity_id": "company-x", "type": "COMPANY", "name": name, "aliases": "x&y|<z>|😀\n", "n_mentions": 2,
                 "n_docs": 1},
                {"entity_id": "park-y", "type": "PARK", "name": "园<区>", "aliases": "", "n_mentions": 1, "n_docs": 1}]
    relations = [{"head_id": "company-x", "relation": "LOCATED_IN", "tail_id": "park-y", "doc_id": "d&1", "start": 0,
                  "end": 5, "evidence": 'x "入驻"\n<y> & 😀' + NOT_XML, "attrs": "", "rule": "located:join"}]
    documents = [{"doc_id": "d&1", "status": "ok", "title": "标题<&>", "date": "2024-10-21T09:59:10"}]
    return entities, relations, documents


def test_hostile_names_survive_all_four_formats(tmp_path):
    import igraph

    entities, relations, documents = _hostile_tables()
    name, evidence = entities[0]["name"], relations[0]["evidence"]
    in_xml = lambda text: text.replace("\x0b", "\ufffd").replace("\x1f", "\ufffd")  # noqa: E731 - same length
    g = build_graph(entities, relations, {"d&1": "2024-10-21"})
    write_graphml(g, tmp_path / "g.graphml")
    write_gexf(g, tmp_path / "g.gexf")
    rdf = triples(entities, relations, documents)
    write_turtle(rdf, tmp_path / "g.ttl")
    write_ntriples(rdf, tmp_path / "g.nt")
    for back in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert back.nodes["company-x"]["label"] == in_xml(name)
        assert back.nodes["company-x"]["aliases"] == "x&y|<z>|😀\n"
        assert [d["evidence"] for *_, d in back.edges(data=True)] == [in_xml(evidence)]
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    assert in_xml(name) in ig.vs["label"] and ig.es["evidence"] == [in_xml(evidence)]
    for path, fmt in ((tmp_path / "g.ttl", "turtle"), (tmp_path / "g.nt", "nt")):
        back = rdflib.Graph().parse(path, format=fmt)
        assert rdflib.Literal(name, lang="zh-Hans") in set(back.objects(None, RDFS.label))
        assert rdflib.Literal(evidence) in set(back.objects(None, KG.text))
        assert len(back) == len(rdf)
    ok, text = _validate(rdflib.Graph().parse(tmp_path / "g.ttl"))
    assert ok, text


def test_control_characters_in_evidence_do_not_break_the_build(tmp_path):
    """A stray control character inside a sentence that states a fact: every output is still written and readable."""
    import pyoxigraph

    from kg.run.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("青岛蓝谷管理局副局长徐一冰\x0b表示,蓝谷聚焦\x1f海洋产业\u2028。"
                               "青岛聚大洋藻业集团有限公司落户青岛蓝谷。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build([str(src)], out, progress=False).exit_code == 0
    rdf = rdflib.Graph().parse(out / "graph.ttl")
    assert any("\x0b" in str(o) for o in rdf.objects(None, KG.text))  # RDF keeps the raw sentence
    assert len(rdflib.Graph().parse(out / "graph.nt", format="nt")) == len(rdf)
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(rdf)
    gml = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert gml.number_of_edges() == nx.read_gexf(out / "graph.gexf").number_of_edges() >= 1
    assert any("\ufffd" in d["evidence"] for *_, d in gml.edges(data=True))


# GraphML and GEXF against their XML Schemas (tests/support/xml_schemas.py: fetched by `make setup`, validated offline)


def test_seed_graphml_is_valid_against_the_graphml_schema(seed_out):
    from tests.support.xml_schemas import validate_graphml

    assert validate_graphml(seed_out / "graph.graphml") == []


def test_hostile_graphml_is_valid_against_the_graphml_schema(tmp_path):
    from tests.support.xml_schemas import validate_graphml

    entities, relations, _ = _hostile_tables()
    write_graphml(build_graph(entities, relations, {"d&1": "2024-10-21"}), tmp_path / "g.graphml")
    assert validate_graphml(tmp_path / "g.graphml") == []


def _assert_each_breaks(validate, text: str, breakages: dict, path) -> None:
    """Each breakage alone makes the file invalid, and the error names what is wrong."""
    for expected, change in breakages.items():
        broken = change(text)
        assert broken != text, expected
        path.write_text(broken, encoding="utf-8")
        errors = "\n".join(validate(path))
        assert expected in errors, (expected, errors)


def test_broken_graphml_fails_the_graphml_schema(seed_out, tmp_path):
    from tests.support.xml_schemas import validate_graphml

    _assert_each_breaks(validate_graphml, (seed_out / "graph.graphml").read_text(encoding="utf-8"), {
        "decimal": lambda t: t.replace('attr.type="double"', 'attr.type="decimal"', 1),  # not a GraphML type
        "'target'": lambda t: re.sub(r'(<edge source="[^"]*") target="[^"]*"', r"\1", t, count=1),  # no target
        "nodes": lambda t: t.replace('<graph edgedefault="directed">', '<graph edgedefault="directed"><nodes/>', 1),
    }, tmp_path / "broken.graphml")


def test_seed_gexf_is_valid_against_the_gexf_schema(seed_out):
    from tests.support.xml_schemas import validate_gexf

    assert validate_gexf(seed_out / "graph.gexf") == []


def test_hostile_gexf_is_valid_against_the_gexf_schema(tmp_path):
    from tests.support.xml_schemas import validate_gexf

    entities, relations, _ = _hostile_tables()
    write_gexf(build_graph(entities, relations, {"d&1": "2024-10-21"}), tmp_path / "g.gexf")
    assert validate_gexf(tmp_path / "g.gexf") == []


def test_networkx_gexf_as_written_fails_the_gexf_schema(seed_out, tmp_path):
    """What write_gexf corrects: networkx's own output of the same graph is invalid, on both counts."""
    from networkx.readwrite.gexf import GEXFWriter

    from kg.export.graph import TYPE_COLORS, gephi_copy
    from tests.support.xml_schemas import validate_gexf

    g = gephi_copy(nx.read_graphml(seed_out / "graph.graphml", force_multigraph=True))
    for _, d in g.nodes(data=True):
        r, gg, b = TYPE_COLORS[d["type"]]
        d["viz"] = {"color": {"r": r, "g": gg, "b": b, "a": 1.0}}
    for _, _, d in g.edges(data=True):
        d.pop("type"), d.pop("start"), d.pop("end")  # GEXF's own meanings: not what is checked here
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(g)
    with open(tmp_path / "nx.gexf", "wb") as fh:
        writer.write(fh)
    errors = "\n".join(validate_gexf(tmp_path / "nx.gexf"))
    assert "attribute 'name': The attribute 'name' is not allowed" in errors
    assert "{http://www.gexf.net/1.2draft/viz}color': This element is not expected" in errors


def test_broken_gexf_fails_the_gexf_schema(seed_out, tmp_path):
    from tests.support.xml_schemas import validate_gexf

    _assert_each_breaks(validate_gexf, (seed_out / "graph.gexf").read_text(encoding="utf-8"), {
        "'name'": lambda t: t.replace('<graph defaultedgetype="directed"', '<graph name="" defaultedgetype="directed"', 1),
        "'decimal'": lambda t: t.replace('type="double"', 'type="decimal"', 1),  # not a GEXF attribute type
        "'target'": lambda t: re.sub(r'(<edge [^>]*?) target="[^"]*"', r"\1", t, count=1),  # an edge without target
        "'256'": lambda t: re.sub(r'<color r="\d+"', '<color r="256"', t, count=1),  # a colour channel is 0..255
    }, tmp_path / "broken.gexf")


def test_gexf_colours_every_node_by_its_type(seed_out):
    """The colours Gephi shows: one ``<color>`` per node, the type's colour of TYPE_COLORS."""
    from lxml import etree

    from kg.export.graph import TYPE_COLORS

    ns = {"g": "http://www.gexf.net/1.2draft"}
    root = etree.parse(str(seed_out / "graph.gexf"))
    type_id = root.xpath("//g:attributes[@class='node']/g:attribute[@title='type']/@id", namespaces=ns)[0]
    nodes = root.xpath("//g:node", namespaces=ns)
    assert len(nodes) == nx.read_graphml(seed_out / "graph.graphml").number_of_nodes() > 100
    for node in nodes:
        (color,) = node.xpath("g:color", namespaces=ns)
        (node_type,) = node.xpath(f"g:attvalues/g:attvalue[@for='{type_id}']/@value", namespaces=ns)
        assert tuple(int(color.get(c)) for c in "rgb") == TYPE_COLORS[node_type], node.get("id")


@pytest.mark.parametrize("schema_name", ["GRAPHML", "GEXF"])
def test_the_schemas_never_reach_the_network(tmp_path, schema_name):
    """A schema location without a local copy fails instead of being fetched."""
    from lxml import etree

    from tests.support import xml_schemas

    schema = getattr(xml_schemas, schema_name)
    xsd = tmp_path / "remote.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x">'
                   '<xs:import namespace="urn:y" schemaLocation="http://127.0.0.1:9/other.xsd"/></xs:schema>')
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(schema.resolver(schema.directory()))
    with pytest.raises((xml_schemas.SchemaError, etree.XMLSchemaParseError)):
        etree.XMLSchema(etree.parse(str(xsd), parser))
