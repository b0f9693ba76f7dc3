"""Graph and exports: round trips, hostile names, SHACL shapes, evidence in plain SPARQL."""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib
from rdflib.namespace import RDFS

from kg.graph import build_graph, write_gexf, write_graphml
from kg.rdf import KG, triples, write_ntriples, write_turtle
from tests.conftest import ROOT

SHAPES = ROOT / "schemas" / "shapes.ttl"


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    from kg.build import build
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


def test_hostile_names_survive_all_four_formats(tmp_path):
    name = 'A"B<C>&D\n甲’乙 😀 \\ 終'
    entities = [{"entity_id": "company-x", "type": "COMPANY", "name": name, "aliases": "x&y|<z>", "n_mentions": 2, "n_docs": 1},
                {"entity_id": "park-y", "type": "PARK", "name": "园<区>", "aliases": "", "n_mentions": 1, "n_docs": 1}]
    relations = [{"head_id": "company-x", "relation": "LOCATED_IN", "tail_id": "park-y", "doc_id": "d&1", "start": 0,
                  "end": 5, "evidence": 'x "入驻" <y> & 😀', "attrs": "", "rule": "located:join"}]
    documents = [{"doc_id": "d&1", "status": "ok", "title": "标题<&>", "date": "2024-10-21T09:59:10"}]
    g = build_graph(entities, relations, {"d&1": "2024-10-21"})
    write_graphml(g, tmp_path / "g.graphml")
    write_gexf(g, tmp_path / "g.gexf")
    rdf = triples(entities, relations, documents)
    write_turtle(rdf, tmp_path / "g.ttl")
    write_ntriples(rdf, tmp_path / "g.nt")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["company-x"]["label"] == name
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["company-x"]["label"] == name
    for path, fmt in ((tmp_path / "g.ttl", "turtle"), (tmp_path / "g.nt", "nt")):
        back = rdflib.Graph().parse(path, format=fmt)
        assert rdflib.Literal(name, lang="zh-Hans") in set(back.objects(None, RDFS.label))
        assert len(back) == len(rdf)
    ok, text = _validate(rdflib.Graph().parse(tmp_path / "g.ttl"))
    assert ok, text
