"""Relations: per-type rules on real seed sentences and hand-written hard cases, and evidence on every row."""

from __future__ import annotations

import csv
import json

import pytest

from kg.nlp import make_nlp, mentions_of
from kg.normalize import normalize_text
from kg.relations import find_relations


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def rels(nlp, text: str) -> set[tuple[str, str, str]]:
    norm = normalize_text(text).text
    doc = nlp(norm)
    titles = nlp.get_pipe("kg_entity_rules").lexicons.titles
    return {(r.head.text, r.type, r.tail.text) for r in find_relations(norm, mentions_of(doc), titles)}


def test_holds_post_title_chain_with_two_organizations(nlp):
    got = rels(nlp, "会上,青岛市科技局局长、青岛高新区管委会主任王建国介绍了情况。")
    assert ("王建国", "HOLDS_POST", "青岛高新区管委会") in got


def test_holds_post_seed_000_and_title_attribute(nlp):
    norm = normalize_text("近日,青岛蓝谷管理局副局长徐一冰在接受《人民邮电》报专访时表示。").text
    doc = nlp(norm)
    (r,) = [r for r in find_relations(norm, mentions_of(doc), nlp.get_pipe("kg_entity_rules").lexicons.titles) if r.type == "HOLDS_POST"]
    assert (r.head.text, r.tail.text, r.attrs) == ("徐一冰", "青岛蓝谷管理局", {"title": "副局长"})


def test_focuses_on_distributes_over_a_list_of_ten(nlp):
    got = rels(nlp, "合肥高新区聚焦集成电路、人工智能、生物医药、新能源汽车、新材料、高端装备、虚拟现实、工业互联网、航空航天和氢能十大产业。")
    focus = {t for h, r, t in got if r == "FOCUSES_ON" and h == "合肥高新区"}
    assert len(focus) == 10


def test_partners_with_signing_seed_003(nlp):
    got = rels(nlp, "座談會上,中關村科技企業家協會和青島市企業聯合會簽署戰略合作框架協議。")
    assert ("中关村科技企业家协会", "PARTNERS_WITH", "青岛市企业联合会") in got


def test_signing_with_three_parties_pairs_neighbours(nlp):
    got = rels(nlp, "青岛市科技局与海尔集团、海信集团签署战略合作协议。")
    assert ("青岛市科技局", "PARTNERS_WITH", "海尔集团") in got


def test_located_in_join_and_weiyu(nlp):
    got = rels(nlp, "2022年末,上市公司鹏博士集团迁址青岛蓝谷。位于西安高新区的天津鹏翎集团股份有限公司投产。")
    assert ("鹏博士集团", "LOCATED_IN", "青岛蓝谷") in got
    assert ("天津鹏翎集团股份有限公司", "LOCATED_IN", "西安高新区") in got


def test_subsidiary_and_invests(nlp):
    got = rels(nlp, "青岛蓝谷管理局直属企业青岛海洋科技投资发展集团有限公司与鹏博士集团成立了合资公司。")
    assert ("青岛海洋科技投资发展集团有限公司", "SUBSIDIARY_OF", "青岛蓝谷管理局") in got
    got = rels(nlp, "立足于原有的海藻生产加工,青岛聚大洋藻业集团有限公司投资12亿元,建设海洋生物医药科技园。")
    assert ("青岛聚大洋藻业集团有限公司", "INVESTS_IN", "海洋生物医药科技园") in got
    assert ("青岛聚大洋藻业集团有限公司", "OPERATES", "海洋生物医药科技园") in got


def test_operates_fund_with_carried_subject(nlp):
    got = rels(nlp, "青岛蓝谷管理局表示,将加快发展。在此基础上,设立总规模20亿元的引导基金。")
    assert ("青岛蓝谷管理局", "OPERATES", "引导基金") in got


def test_every_relation_row_has_evidence_with_both_ends(tmp_path, seed_glob):
    """All rows on the seeds: evidence offsets are a raw sentence holding a mention of each end."""
    from kg.build import build
    from tests.conftest import SEEDS

    out = tmp_path / "out"
    assert build([seed_glob], out, progress=False).exit_code == 0
    raw = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    with open(out / "mentions.csv", encoding="utf-8", newline="") as fh:
        mentions = list(csv.DictReader(fh))
    with open(out / "relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 50
    for r in rows:
        s, e = int(r["start"]), int(r["end"])
        assert r["evidence"].strip() and raw[r["doc_id"]][s:e] == r["evidence"]
        for end in (r["head_id"], r["tail_id"]):
            assert any(m["doc_id"] == r["doc_id"] and m["entity_id"] == end and s <= int(m["start"]) and int(m["end"]) <= e
                       for m in mentions), (r["relation"], r["head"], r["tail"], r["evidence"])
        if r["relation"] == "HOLDS_POST":
            assert json.loads(r["attrs"])["title"]
        if r["relation"] == "INVESTS_IN":
            assert json.loads(r["attrs"])["amount"]


def _entity_rows(tmp_path, text: str) -> dict[str, dict[str, str]]:
    from kg.build import build

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert build([str(tmp_path / "a.txt")], tmp_path / "out", progress=False).exit_code == 0
    with open(tmp_path / "out" / "entities.csv", encoding="utf-8", newline="") as fh:
        return {r["name"]: r for r in csv.DictReader(fh)}


def test_fund_sizes_in_yuan_from_their_own_clause(tmp_path):
    rows = _entity_rows(tmp_path, "青岛蓝谷在参股成立总规模96亿元的产业基金的基础上,设立总规模20亿元的引导基金和1亿元的成果转化基金,投资项目21个。")
    sizes = {n: (r["size"], r["size_yuan"]) for n, r in rows.items() if r["type"] == "FUND"}
    assert sizes == {"青岛蓝谷产业基金": ("96亿元", "9600000000"), "青岛蓝谷引导基金": ("20亿元", "2000000000"),
                     "青岛蓝谷成果转化基金": ("1亿元", "100000000")}


def test_every_title_of_a_person(tmp_path):
    rows = _entity_rows(tmp_path, "会上,青岛市科技局局长、青岛高新区管委会主任王建国介绍了情况。王建国说,将加快发展。")
    assert set(rows["王建国"]["titles"].split("|")) == {"主任", "局长"}


def test_part_of_sub_area_and_one_zone_many_parks(nlp):
    # hard case written for the test: a park named right after its parent, and a 一区多园 member list
    got = rels(nlp, "成都高新区天府软件园入驻企业超过500家。苏州工业园区下设独墅湖科教创新区、苏州纳米城等多个功能园区。")
    assert ("天府软件园", "PART_OF", "成都高新区") in got


def test_leads_chain_company_and_person(nlp):
    # seed 000's cue (`链主企业`) and a person who is 链长 of a chain, with other names
    got = rels(nlp, "在新能源汽车产业链方面,合肥高新区明确链主企业蔚来汽车,由区委书记张明担任产业链链长。")
    assert any(r == "LEADS_CHAIN" and h == "蔚来汽车" for h, r, _ in got)
