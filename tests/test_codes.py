"""Standard codes: industries in the classification of strategic emerging industries (SEI 2018) with
their SKOS hierarchy, parks, organizations and companies in their GB/T 2260 division; on the seeds'
real build, in the table, the RDF, GraphML, the query API and `kg query`."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import subprocess
import sys

import networkx as nx
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

import kg
from kg.export.codes import CODE_COLUMNS, with_codes
from kg.export.outputs import ENTITY_COLUMNS
from kg.export.rdf import DIVISION_SCHEME, SEI_SCHEME, KG
from kg.kb.codes import DIVISION_TYPES, UNCLASSIFIED, Divisions, IndustryCodes
from tests.conftest import ROOT

LEXICONS = ROOT / "kg" / "data" / "lexicons"


@pytest.fixture(scope="module")
def codes() -> IndustryCodes:
    return IndustryCodes.load()


@pytest.fixture(scope="module")
def divisions() -> Divisions:
    return Divisions.load()


@pytest.fixture(scope="module")
def rows(seed_build) -> list[dict[str, str]]:
    with open(seed_build / "entities.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def rdf(seed_build) -> rdflib.Graph:
    return rdflib.Graph().parse(seed_build / "graph.ttl")


@pytest.fixture(scope="module")
def g(seed_build):
    return kg.open(seed_build)


def _tsv(name: str) -> list[dict[str, str]]:
    with open(LEXICONS / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


# ---------------------------------------------------------------- the data files


def test_the_classification_has_nine_categories_and_their_second_level():
    rows = _tsv("sei_2018.tsv")
    top = [r["code"] for r in rows if not r["broader"]]
    assert top == [str(i) for i in range(1, 10)]
    codes = {r["code"] for r in rows}
    for r in rows:
        if r["broader"]:
            assert r["code"].startswith(r["broader"] + ".") and r["broader"] in codes, r
    assert len(rows) == 9 + 40  # 40 second-level categories in the 2018 edition
    assert len({r["name"] for r in rows}) == len(rows)


def test_explicit_industry_codes_name_lexicon_industries_and_codes(codes):
    lines = (LEXICONS / "industry_sei.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "industry\tcode" and lines[1:] == sorted(lines[1:])  # code-point order, like the others
    for r in _tsv("industry_sei.tsv"):
        assert r["industry"] in codes.parents and r["code"] in codes.concepts, r


def test_every_lexicon_industry_takes_its_own_code_or_its_nearest_coded_ancestors(codes):
    """The inheritance rule over the whole lexicon, walked independently of IndustryCodes.code_of."""
    for name, parent in codes.parents.items():
        if name in codes.explicit:
            expected = codes.explicit[name]
        else:
            expected = next((codes.explicit[a] for a in codes.ancestors(name) if a in codes.explicit), UNCLASSIFIED)
        assert codes.code_of(name) == expected, name
    roots = [n for n, p in codes.parents.items() if not p]
    assert {codes.code_of(r) for r in roots if r not in codes.explicit} == {UNCLASSIFIED}


def test_divisions_have_6_digit_codes_whose_parents_match_the_parent_column(divisions):
    rows = _tsv("admin_divisions.tsv")
    assert len(rows) == len(divisions.by_code) == len({r["code"] for r in rows}) > 3000
    for r in rows:
        assert re.fullmatch(r"[1-9][0-9]{5}", r["code"]), r
        d = divisions.by_code[r["code"]]
        parent = divisions.by_code[d.parent].name if d.parent else ""
        assert parent == r["parent"], r  # the code-derived parent is the one the source file names
        assert (d.level == "province") == (r["code"].endswith("0000") and not d.parent)


def test_the_generator_writes_the_gb_t_2260_code():
    spec = importlib.util.spec_from_file_location("build_admin_divisions", ROOT / "scripts" / "build_admin_divisions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = {"provinces": {"山东省": {"code": "370000000000", "cities": {
        "青岛市": {"code": "370200000000", "counties": {"崂山区": "370212000000"}}}}}}
    assert module.build(doc) == [("山东省", "province", "山东", "", "370000"),
                                 ("青岛市", "prefecture", "青岛", "山东省", "370200"),
                                 ("崂山区", "county", "崂山", "青岛市", "370212")]
    with pytest.raises(SystemExit):
        module.gbt2260("370212001000")  # a township code is no division of these levels


# ---------------------------------------------------------------- the rules


def test_names_outside_the_lexicon_fall_under_the_industry_that_ends_or_is_in_them(codes):
    assert codes.match("海洋生物医药产业链") == "海洋生物医药"  # the suffix dropped, then known
    assert codes.match("深海生物医药") == "生物医药"  # the longest lexicon industry that ends it
    assert codes.match("生物医药研发") == "生物医药"  # else the longest inside it
    assert codes.match("GAIN") == "" and codes.match("AI") == "人工智能"  # `AI` only as a whole Latin token
    found = codes.classify("深海生物医药")
    assert (found.code, found.parent) == (codes.code_of("生物医药"), "生物医药")
    assert codes.classify("无人知晓").code == UNCLASSIFIED and codes.classify("无人知晓").parent == ""


def test_division_at_the_start_of_a_name_followed_down(divisions):
    def code(name, etype="ORG"):
        d = divisions.of_name(name, etype)
        return d.code if d else None

    qingdao = divisions.by_name["青岛市"][0].code
    laoshan = divisions.by_name["崂山区"][0].code
    assert code("青岛市人民政府") == code("青岛蓝谷管理局") == qingdao
    assert code("青岛市崂山区科技局") == code("崂山区科技局") == laoshan
    assert code("西安高新区", "PARK") == divisions.by_name["西安市"][0].code
    assert len(divisions.by_name["朝阳区"]) == 2 and code("朝阳区科技局") is None  # shared by two cities
    assert code("北京市朝阳区科技局") == next(d.code for d in divisions.by_name["朝阳区"] if d.parent == "110000")
    assert code("东方电气集团", "COMPANY") is None  # 东方 is the short form of a county-level city only
    assert code("阿里巴巴集团控股有限公司", "COMPANY") is None  # not_division_prefixes
    assert code("山东大学(青岛)") == qingdao  # a bracket refines the province the name starts with
    assert code("春峰里·青岛数智都市产业园", "PARK") == qingdao
    assert code("中关村科技园区", "PARK") == "110000"  # parks.tsv: city 北京
    assert code("青岛聚大洋藻业集团有限公司", "PERSON") is None  # persons and industries sit nowhere


def test_relations_place_what_names_do_not_and_refine_but_never_override(divisions):
    def div(name):
        return divisions.by_name[name][0].code

    entities = [{"entity_id": i, "type": t, "name": n} for i, t, n in [
        ("a", "PARK", "青岛蓝谷"), ("b", "PARK", "西海岸某园"), ("c", "PARK", "西安高新区"),
        ("x", "COMPANY", "某甲公司"), ("y", "COMPANY", "某乙公司"), ("z", "ORG", "山东某研究院"),
        ("w", "COMPANY", "深圳某公司"), ("s", "PARK", "某分园")]]
    relations = [{"head_id": h, "relation": r, "tail_id": t} for h, r, t in [
        ("b", "PART_OF", "a"), ("s", "PART_OF", "b"),  # a chain of PART_OF: 某分园 → 西海岸某园 → 青岛蓝谷
        ("x", "LOCATED_IN", "a"), ("x", "LOCATED_IN", "s"),  # two parks of one city
        ("y", "LOCATED_IN", "a"), ("y", "LOCATED_IN", "c"),  # parks of two provinces: no common division
        ("z", "LOCATED_IN", "a"),  # 山东 refined to 青岛
        ("w", "LOCATED_IN", "a")]]  # 深圳 from the name is kept
    got = {r["entity_id"]: r["division_code"] for r in with_codes(entities, relations)}
    assert got == {"a": div("青岛市"), "b": div("青岛市"), "s": div("青岛市"), "c": div("西安市"), "x": div("青岛市"),
                   "y": "", "z": div("青岛市"), "w": div("深圳市")}


# ---------------------------------------------------------------- the seeds' build


def test_every_industry_of_the_build_has_a_code_or_is_explicitly_unclassified(rows, codes):
    assert list(rows[0]) == ENTITY_COLUMNS and ENTITY_COLUMNS[-len(CODE_COLUMNS):] == CODE_COLUMNS
    industries = [r for r in rows if r["type"] == "INDUSTRY"]
    assert len(industries) > 30
    for r in industries:
        assert r["industry_code"] == UNCLASSIFIED or r["industry_code"] in codes.concepts, r
        concept = codes.concepts.get(r["industry_code"])
        assert r["industry_class"] == (concept.name if concept else ""), r
        assert r["industry_code"] == codes.classify(r["name"]).code
    coded = [r for r in industries if r["industry_code"] != UNCLASSIFIED]
    assert len(coded) >= len(industries) / 2  # 44 of 76 when written
    assert all(not r["industry_code"] and not r["industry_parent"] for r in rows if r["type"] != "INDUSTRY")


def test_division_codes_are_6_digits_and_the_lexicons(rows, divisions):
    placed = [r for r in rows if r["division_code"]]
    assert {r["type"] for r in placed} <= set(DIVISION_TYPES)
    for r in placed:
        d = divisions.by_code[r["division_code"]]  # a code of the lexicon
        assert re.fullmatch(r"[0-9]{6}", r["division_code"])
        assert (r["division"], r["province"]) == (d.name, divisions.province(d).name), r
        from_name = divisions.of_name(r["name"], r["type"])
        assert from_name is None or divisions.is_within(d, from_name), r  # relations only ever refine the name
    parks = [r for r in rows if r["type"] == "PARK"]
    assert sum(1 for r in parks if r["division_code"]) >= 0.7 * len(parks)


def test_rdf_has_the_industry_hierarchy_and_the_classification_as_skos(rows, rdf, codes):
    sei = URIRef(SEI_SCHEME)
    assert (sei, rdflib.RDF.type, SKOS.ConceptScheme) in rdf
    notations = {str(n): c for c, n in rdf.subject_objects(SKOS.notation) if (c, SKOS.inScheme, sei) in rdf}
    assert set(notations) == set(codes.concepts)
    by_id = {URIRef(f"https://example.org/kg/entity/{r['entity_id']}"): r for r in rows}
    for node, r in by_id.items():
        if r["type"] != "INDUSTRY":
            continue
        assert rdf.value(node, KG.industryCode) == Literal(r["industry_code"])
        broader = set(rdf.objects(node, SKOS.broader))
        if r["industry_code"] != UNCLASSIFIED:
            assert notations[r["industry_code"]] in broader
        if r["industry_parent"]:
            assert any(rdf.value(b, SKOS.prefLabel) == Literal(r["industry_parent"], lang="zh-Hans") for b in broader)
        # the chain of parents goes up to a root of the lexicon, entity or not
        labels = {str(rdf.value(b, SKOS.prefLabel)) for b in rdf.transitive_objects(node, SKOS.broader)}
        if r["industry_parent"]:
            assert {r["industry_parent"], *codes.ancestors(r["industry_parent"])} <= labels


def test_rdf_places_parks_and_organizations_in_divisions(rows, rdf, divisions):
    for r in rows:
        node = URIRef(f"https://example.org/kg/entity/{r['entity_id']}")
        if not r["division_code"]:
            assert rdf.value(node, KG.division) is None
            continue
        d = rdf.value(node, KG.division)
        assert d == URIRef(f"{DIVISION_SCHEME}/{r['division_code']}")
        assert rdf.value(node, KG.divisionCode) == Literal(r["division_code"]) == rdf.value(d, SKOS.notation)
        top = [x for x in rdf.transitive_objects(d, SKOS.broader) if (x, SKOS.topConceptOf, URIRef(DIVISION_SCHEME)) in rdf]
        assert [str(rdf.value(x, SKOS.prefLabel)) for x in top] == [r["province"]]


def test_shapes_catch_a_code_that_disagrees_with_its_concept(rdf):
    import pyshacl

    shapes = rdflib.Graph().parse(ROOT / "schemas" / "shapes.ttl")
    broken = rdflib.Graph()
    for t in rdf:
        broken.add(t)
    industry = next(s for s, o in broken.subject_objects(KG.industryCode) if str(o) != UNCLASSIFIED)
    broken.set((industry, KG.industryCode, Literal("9.2")))
    placed = next(broken.subjects(KG.divisionCode, None))
    broken.set((placed, KG.divisionCode, Literal("12345")))
    ok, _, text = pyshacl.validate(broken, shacl_graph=shapes, inference="none", advanced=True)
    assert not ok and "industryCode" in text and "divisionCode" in text


def test_graphml_nodes_carry_the_codes(seed_build, rows):
    gml = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    for r in rows:
        for column in CODE_COLUMNS:
            assert str(gml.nodes[r["entity_id"]].get(column, "")) == r[column], (r["name"], column)


# ---------------------------------------------------------------- the questions


def _under_by_lexicon(rows, codes, target: str) -> set[str]:
    """INDUSTRY names below ``target`` from the table: an industry among its parents (the lexicon's tree), or a
    code among its category's (the classification)."""
    out = set()
    for r in rows:
        if r["type"] != "INDUSTRY":
            continue
        above = [r["industry_parent"], *codes.ancestors(r["industry_parent"])] if r["industry_parent"] else []
        if target in above or target in codes.concept_chain(r["industry_code"]):
            out.add(r["name"])
    return out


def test_industries_under_agrees_with_the_lexicon_and_with_plain_sparql(g, rows, rdf, codes):
    targets = sorted({a for r in rows if r["industry_parent"] for a in (r["industry_parent"], *codes.ancestors(r["industry_parent"]))}
                     | {c for r in rows for c in codes.concept_chain(r["industry_code"])})
    assert "生物医药" in targets and "4" in targets
    for target in targets:
        api = set(g.industries_under(target)["industry"])
        assert api == _under_by_lexicon(rows, codes, target), target
        if target[0].isdigit():  # a category: the industries coded in it or below it
            match = f"""?top <{SKOS.notation}> "{target}" ; <{SKOS.inScheme}> <{SEI_SCHEME}> .
                        ?e <{SKOS.broader}> ?c . ?c <{SKOS.inScheme}> <{SEI_SCHEME}> ; <{SKOS.broader}>* ?top ."""
        else:  # an industry: the industries below it
            match = f'?top a <{KG.Industry}> ; <{SKOS.prefLabel}> "{target}"@zh-Hans . ?e <{SKOS.broader}>+ ?top .'
        plain = rdf.query(f"""SELECT DISTINCT ?name WHERE {{ {match}
            ?e <{KG.entityType}> "INDUSTRY" ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }}""")
        assert {str(row[0]) for row in plain} == api, target  # rdflib's SPARQL engine, not the API's oxigraph
    assert set(g.industries_under("生物医药产业")["industry"]) == set(g.industries_under("4.1")["industry"])
    assert g.industries_under("不是产业").empty
    with pytest.raises(kg.errors.KgUsageError, match="no code of the classification"):
        g.industries_under("4.9")


def test_parks_by_province_aggregates_the_parks_by_their_division(g, rows, divisions):
    df = g.parks_by_province()
    expected: dict[str, set[str]] = {}
    for r in rows:
        if r["type"] == "PARK":
            prov = divisions.province(divisions.by_code[r["division_code"]]) if r["division_code"] else None
            expected.setdefault(prov.code if prov else "", set()).add(r["name"])
    got = {row.province_code: set(row.parks.split("|")) for row in df.itertuples()}
    assert got == expected
    assert list(df["n_parks"]) == [len(got[c]) for c in df["province_code"]]
    assert sum(df["n_parks"]) == sum(1 for r in rows if r["type"] == "PARK")
    assert df["province_code"].iloc[-1] == "" or "" not in set(df["province_code"])  # the unknown row comes last
    known = df[df["province_code"] != ""]
    assert list(known["n_parks"]) == sorted(known["n_parks"], reverse=True)
    assert all(divisions.by_code[c].name == p for c, p in zip(known["province_code"], known["province"]))


def test_kg_query_parks_by_province_and_industries_under(seed_build, g):
    run = [sys.executable, "-m", "kg.cli", "query", str(seed_build)]
    rows = json.loads(subprocess.run([*run, "parks-by-province", "--format", "json"], capture_output=True, text=True,
                                     check=True).stdout)
    assert [(r["province"], r["n_parks"]) for r in rows] == list(zip(*g.parks_by_province()[["province", "n_parks"]].T.values))
    under = subprocess.run([*run, "industries-under", "--industry", "生物医药", "--format", "csv"], capture_output=True,
                           text=True, check=True).stdout
    assert under.splitlines()[0] == "industry,industry_code,industry_class,parent,n_docs"
    assert {line.split(",")[0] for line in under.splitlines()[1:]} == set(g.industries_under("生物医药")["industry"])
    bad = subprocess.run([*run, "industries-under", "--industry", "4.9"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("Error: '4.9' is no code of the classification") and bad.stderr.count("\n") == 1


def test_a_build_without_industries_still_places_its_parks_in_provinces():
    # the division concepts were written only when the build had an industry: parks_by_province then lost them
    res = kg.build(["青岛聚大洋藻业集团有限公司董事长吴仕鹏说,公司已入驻青岛蓝谷。"])
    assert "INDUSTRY" not in set(res.entities["type"])
    parks = res.entities[res.entities["type"] == "PARK"]
    assert parks["province"].tolist() == ["山东省"]
    by_province = res.query.parks_by_province()
    assert by_province[["province", "n_parks", "parks"]].values.tolist() == [["山东省", 1, "青岛蓝谷"]]
