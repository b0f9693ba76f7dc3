"""Linking across documents: what must merge, what must stay apart, and stable ids."""

from __future__ import annotations

import csv
import json

import pytest

from benchmarks.bench_link import synthetic_docs
from kg.run.build import build
from kg.link.keys import BUCKET_CAP, CrossLinker, DocKeys, kind_suffixes, link_across, typo_apart
from tests.conftest import SEEDS


def _entities(out) -> list[dict[str, str]]:
    with open(out / "entities.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _build(tmp_path, docs: dict[str, str]):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in docs.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build([str(src)], out, progress=False).exit_code == 0
    return _entities(out)


def test_merges_scripts_and_region_prefixed_company_names(tmp_path):
    rows = _build(tmp_path, {
        "a": "深圳极视角科技有限公司总部落户青岛西海岸新区,成为新区人工智能企业的新成员。",
        "b": "極視角科技有限公司聯合創始人陳碩表示,青島西海岸新區有許多應用場景。",
    })
    companies = [r for r in rows if r["type"] == "COMPANY"]
    assert len(companies) == 1 and companies[0]["n_docs"] == "2"
    assert companies[0]["name"] == "深圳极视角科技有限公司"
    parks = [r for r in rows if r["type"] == "PARK" and r["name"] == "青岛西海岸新区"]
    assert len(parks) == 1 and parks[0]["n_docs"] == "2"


def test_a_country_and_a_line_of_business_name_no_one_firm(tmp_path):
    # `中国银行` and `中国农业银行`: the stem left after the trade words is a country, not a firm's own name
    rows = _build(tmp_path, {"a": "中国农业银行和中国银行分别发布年报。中国银行的净利润增长。"})
    companies = {r["name"] for r in rows if r["type"] == "COMPANY"}
    assert len(companies) == 2


def test_a_park_named_by_its_company_is_one_park_with_its_own_name_alone(tmp_path):
    rows = _build(tmp_path, {"a": "星湖电器股份有限公司宣布投资30亿元,开建星湖电器华南产业基地。"
                                  "此次开建的华南产业基地占地约800亩。"})
    parks = [r for r in rows if r["type"] == "PARK"]
    assert [(r["name"], r["aliases"]) for r in parks] == [("星湖电器华南产业基地", "华南产业基地")]


def test_keeps_apart_parks_of_two_cities_and_funds_of_two_owners(tmp_path):
    rows = _build(tmp_path, {
        "a": "西安高新区聚焦光电子信息产业。西安高新区设立了总规模50亿元的产业基金。",
        "b": "青岛高新区聚焦生物医药产业。青岛高新区设立了总规模20亿元的产业基金。",
    })
    parks = {r["name"] for r in rows if r["type"] == "PARK"}
    assert {"西安高新区", "青岛高新区"} <= parks
    funds = sorted(r["name"] for r in rows if r["type"] == "FUND")
    assert funds == ["西安高新区产业基金", "青岛高新区产业基金"]


def test_people_are_not_linked_by_name_alone(tmp_path):
    rows = _build(tmp_path, {
        "a": "青岛蓝谷管理局副局长王伟表示,蓝谷将聚焦海洋产业。",
        "b": "海尔集团董事长王伟说,公司将加快发展。",
        "c": "青岛蓝谷管理局副局长王伟介绍,园区已入驻企业200余家。",
    })
    people = [r for r in rows if r["type"] == "PERSON" and r["name"] == "王伟"]
    assert sorted(int(p["n_docs"]) for p in people) == [1, 2]  # same post: one person; another company: another


def test_holder_of_a_central_post_is_one_person_across_documents(tmp_path):
    # a post of the central leadership has one holder: the name next to it is the same person everywhere,
    # while a local post keeps the name apart (two 王伟 above)
    rows = _build(tmp_path, {
        "a": "中共中央总书记、国家主席郑国栋在北京会见了来访的代表团。",
        "b": "郑国栋总书记指出,要加快发展新质生产力。",
        "c": "会上,海尔集团董事长郑国栋表示,公司将加快发展。",
    })
    people = sorted(int(r["n_docs"]) for r in rows if r["type"] == "PERSON" and r["name"] == "郑国栋")
    assert people == [1, 2]


def test_adding_a_document_keeps_existing_ids(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    four = build([str(p) for p in seeds[:4]], tmp_path / "four", progress=False)
    five = build([str(p) for p in seeds], tmp_path / "five", progress=False)
    assert four.exit_code == five.exit_code == 0
    ids4 = {(r["entity_id"], r["type"]) for r in _entities(tmp_path / "four")}
    ids5 = {(r["entity_id"], r["type"]) for r in _entities(tmp_path / "five")}
    assert ids4 <= ids5
    # every mention of the four articles names the same entity in both builds
    def mentions(out):
        with open(out / "mentions.csv", encoding="utf-8", newline="") as fh:
            return {(r["doc_id"], r["start"], r["end"], r["type"]): r["entity_id"] for r in csv.DictReader(fh)}

    m4, m5 = mentions(tmp_path / "four"), mentions(tmp_path / "five")
    assert m4 and all(m5[k] == v for k, v in m4.items())


# -- one-character typos across articles (kg.link.keys.link_across)

TYPO_A = "深圳极视角科技有限公司联合创始人陈硕表示,公司总部已落户青岛西海岸新区。"
TYPO_B = "極視覺科技有限公司聯合創始人陳碩介紹,公司已落戶青島西海岸新區。"  # another article, Traditional, one slip


def test_typo_across_articles_is_one_company_and_its_people_follow(tmp_path):
    rows = _build(tmp_path, {"a": TYPO_A, "b": TYPO_B, "c": "极视镜科技有限公司落户成都高新区。"})
    companies = {r["name"]: r for r in rows if r["type"] == "COMPANY"}
    assert companies["深圳极视角科技有限公司"]["n_docs"] == "2"
    assert "極視覺科技有限公司" in companies["深圳极视角科技有限公司"]["aliases"].split("|")
    assert companies["极视镜科技有限公司"]["n_docs"] == "1"  # one character off too, but nothing in common: apart
    people = [r for r in rows if r["type"] == "PERSON"]
    assert [(p["name"], p["n_docs"]) for p in people] == [("陈硕", "2")]  # his company's key, linked: one person
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["typo_links"] == [["COMPANY", "极视觉科技", "极视角科技", "b"]]
    relations = list(csv.DictReader(open(tmp_path / "out" / "relations.csv", encoding="utf-8")))
    ids = {r["entity_id"] for r in rows}
    assert all(r["head_id"] in ids and r["tail_id"] in ids for r in relations)


def test_typo_links_keep_the_first_id_when_articles_are_added(tmp_path):
    """The variant seen first keeps its id: a typo first, then the right name, then more articles."""
    src = tmp_path / "in"
    src.mkdir()
    for name, text in {"1": TYPO_B, "2": TYPO_A, "3": "青岛西海岸新区聚焦人工智能产业。"}.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    ids = []
    for n in (1, 2, 3):
        out = tmp_path / f"out{n}"
        assert build([str(src / f"{i}.txt") for i in range(1, n + 1)], out, progress=False).exit_code == 0
        ids.append({(r["type"], r["entity_id"]) for r in _entities(out)})
    assert ids[0] <= ids[1] <= ids[2]
    assert len([t for t, _ in ids[1] if t == "COMPANY"]) == 1


def _doc(doc_id, name, park="青岛西海岸新区", etype="COMPANY", relation="LOCATED_IN", tail_type="PARK", also=()):
    keys = ((etype, name), (tail_type, park), *also)
    return DocKeys(doc_id, keys, (((etype, name), relation, (tail_type, park)),))


@pytest.mark.parametrize("first,second,etype,why", [
    ("南京江北科技园", "南宁江北科技园", "PARK", "region"),  # two places
    ("中新生态城一期", "中新生态城二期", "PARK", "number"),  # 一期 / 二期
    ("青岛东部新区", "青岛西部新区", "PARK", "direction"),  # 东区 / 西区
    ("市第一人民医院", "市第二人民医院", "ORG", "number"),  # 第一 / 第二
    ("崂山区科技局", "崂山区科技厅", "ORG", "kind"),  # another kind of body
    ("山东省人民政府", "山东省人民政协", "ORG", "kind"),
    ("哈尔滨工程大学", "哈尔滨工业大学", "ORG", "short core"),  # 工程 / 工业: too little name to tell a slip
    ("中国华能集团", "中国华电集团", "COMPANY", "short core"),
    ("中巴企业家委员会", "中哈企业家委员会", "ORG", "country"),
    ("青岛蓝谷产业基金", "青岛兰谷产业基金", "FUND", "type"),  # funds: an owner and a kind
    ("王伟@青岛蓝谷管理局", "王纬@青岛蓝谷管理局", "PERSON", "type"),  # never a person by name
])
def test_typo_guards_keep_apart_what_differs(first, second, etype, why):
    from kg.kb.lexicons import Lexicons

    lex = Lexicons.load()
    assert typo_apart(etype, first, second, lex.regions, kind_suffixes(etype, lex)) == why
    links = link_across([_doc("a", first, etype=etype), _doc("b", second, etype=etype)])
    assert links.merges == []


def test_typo_needs_one_candidate_a_shared_relation_and_two_articles():
    linked = link_across([_doc("a", "青岛聚大洋藻业集团"), _doc("b", "青岛聚大羊藻业集团")])
    assert linked.merges == [("COMPANY", "青岛聚大羊藻业集团", "青岛聚大洋藻业集团", "b")]
    other_park = link_across([_doc("a", "青岛聚大洋藻业集团"), _doc("b", "青岛聚大羊藻业集团", park="成都高新区")])
    assert other_park.merges == []  # the name alone is not enough
    other_relation = link_across([_doc("a", "青岛聚大洋藻业集团"),
                                  _doc("b", "青岛聚大羊藻业集团", relation="OPERATES")])
    assert other_relation.merges == []
    same_article = link_across([_doc("a", "青岛聚大洋藻业集团"),
                                _doc("b", "青岛聚大羊藻业集团", also=(("COMPANY", "青岛聚大洋藻业集团"),))])
    assert same_article.merges == []  # both in one article: two companies
    third = ("COMPANY", "青岛聚大羊藻业集团")
    in_both = DocKeys("c", (third, ("PARK", "青岛西海岸新区"), ("PARK", "成都高新区")),
                      ((third, "LOCATED_IN", ("PARK", "青岛西海岸新区")), (third, "LOCATED_IN", ("PARK", "成都高新区"))))
    ambiguous = link_across([_doc("a", "青岛聚大洋藻业集团"), _doc("b", "青岛聚大海藻业集团", park="成都高新区"), in_both])
    assert ambiguous.merges == []  # one slip from two companies, each with a relation in common: left alone
    by_person = link_across([_doc("a", "青岛聚大洋藻业集团", "王伟@青岛聚大洋藻业集团", relation="HOLDS_POST", tail_type="PERSON"),
                             _doc("b", "青岛聚大羊藻业集团", "王伟@青岛聚大羊藻业集团", relation="HOLDS_POST", tail_type="PERSON")])
    assert len(by_person.merges) == 1  # the same person (by name) in the same post
    assert by_person.key("PERSON", "王伟@青岛聚大羊藻业集团") == "王伟@青岛聚大洋藻业集团"


def test_typo_links_are_the_same_for_one_pass_and_for_documents_added_later():
    docs = [_doc("a", "青岛聚大洋藻业集团"), _doc("b", "青岛聚大羊藻业集团"), _doc("c", "北京极视角科技"),
            _doc("d", "北京极视觉科技"), _doc("e", "青岛聚大洋藻业集团")]
    assert link_across(docs).kept == link_across(docs).kept
    linker = CrossLinker()
    for d in docs[:4]:
        linker.add(d)
    before = dict(linker.links.kept)
    linker.add(docs[4])
    assert linker.links.kept == before == link_across(docs).kept
    assert len(before) == 2


def test_typo_linking_compares_a_bounded_number_of_candidates_per_key():
    """Blocking (benchmarks/bench_link.py): comparisons grow linearly with the corpus (all pairs would grow 16-fold from 10k to 40k names),
    and even a corpus crowded with near names never compares a key with more than its buckets hold."""
    counts = {n: link_across(synthetic_docs(n)).comparisons for n in (10_000, 20_000, 40_000)}
    assert counts[10_000] > 500  # the slips do meet their originals
    assert counts[20_000] / counts[10_000] < 2.3 and counts[40_000] / counts[20_000] < 2.3
    crowded = link_across(synthetic_docs(40_000, alphabet=30)).comparisons
    assert crowded > 4 * counts[40_000]
    assert crowded <= 7 * BUCKET_CAP * 40_000  # a key and its six deletions, each bucket compared up to the cap


# ---------------------------------------------------------------- parents and their units stay apart


def _entity_forms(*texts: str) -> dict[str, set[str]]:
    """entity name -> its mention texts, after a whole build of ``texts`` (one document each)."""
    from kg.run.assemble import assemble
    from kg.run.work import WorkSettings, work
    from kg.text.ingest import Document

    tables = assemble(work(Document(f"d{i}", t, f"d{i}.txt"), WorkSettings()) for i, t in enumerate(texts))
    names = {e["entity_id"]: e["name"] for e in tables.entities}
    out: dict[str, set[str]] = {}
    for m in tables.mentions:
        out.setdefault(names[m["entity_id"]], set()).add(m["text"])
    return out


def test_a_group_and_its_subsidiary_with_the_groups_short_name_are_two_companies():
    one_sentence = _entity_forms("海尔集团旗下子公司海尔智家股份有限公司发布年报。海尔集团表示将继续投资。")
    assert one_sentence["海尔智家股份有限公司"] == {"海尔智家股份有限公司"}
    assert "海尔集团" not in one_sentence["海尔智家股份有限公司"]
    assert any("海尔集团" in forms for name, forms in one_sentence.items() if name != "海尔智家股份有限公司")
    two_documents = _entity_forms("海尔集团在青岛发布年报。", "海尔智家股份有限公司在青岛发布年报。")
    assert len([n for n in two_documents if n.startswith("海尔")]) == 2


def test_a_known_firm_and_its_group_firm_named_by_a_trade_word_are_two_companies():
    forms = _entity_forms("西门子股份公司与西门子能源签约。西门子能源表示将在海南扩产,西门子也将参与。")
    assert forms["西门子能源"] == {"西门子能源"}
    assert "西门子能源" not in forms["西门子股份公司"]


def test_variants_of_one_firm_still_join_when_only_trade_words_differ():
    from types import SimpleNamespace

    from kg.kb.lexicons import Lexicons
    from kg.link.within import fuller_names

    found = [(SimpleNamespace(type="COMPANY"), n) for n in ("大北农科技集团股份有限公司", "北京大北农科技股份有限公司")]
    assert fuller_names(found, Lexicons.load()) == {("COMPANY", "北京大北农科技股份有限公司"): "大北农科技集团股份有限公司"}


def test_a_group_named_with_and_without_its_holding_word_and_region_is_one_firm():
    forms = _entity_forms("浙江星岚控股集团与冰岛公司签约。星岚集团旗下的星岚汽车成为首家制造商。")
    assert any({"浙江星岚控股集团", "星岚集团"} <= f for f in forms.values())  # one firm, two names
    assert not any({"星岚汽车", "星岚集团"} <= f for f in forms.values())  # its daughter with a line of business stays apart


def test_a_name_in_brackets_after_a_name_is_its_other_name():
    forms = _entity_forms("香港星岚生物科技有限公司(Hong Kong Xinglan Limited)于2013年注册,董事只有张立明及王建新。")
    assert forms["香港星岚生物科技有限公司"] == {"香港星岚生物科技有限公司", "Hong Kong Xinglan Limited"}


def test_the_short_names_of_a_national_development_zone_are_the_zone():
    # 义乌经济技术开发区 is national (parks.tsv); news calls it 义乌市经济开发区 or 义乌开发区 as well
    forms = _entity_forms("星辰公司在义乌市经济开发区注册成立。义乌经济开发区将提供服务,义乌开发区已集聚百家企业。")
    assert {"义乌市经济开发区", "义乌开发区", "义乌经济开发区"} <= forms["义乌经济技术开发区"]


def test_a_firm_named_by_the_initials_of_its_words_is_the_firm():
    from types import SimpleNamespace

    from kg.kb.lexicons import Lexicons
    from kg.link.within import fuller_names

    found = [(SimpleNamespace(type="COMPANY"), n) for n in ("中国检验有限公司", "中检", "中粮")]
    assert fuller_names(found, Lexicons.load()) == {("COMPANY", "中检"): "中国检验有限公司"}


@pytest.mark.parametrize("etype, outer, inner", [
    ("PARK", "西安高新区", "西安高新区集贤产业园"),            # a park inside a park
    ("ORG", "青岛市科技局", "青岛市科技局高新技术处"),          # an office and its department
    ("ORG", "中国科学院", "中国科学院青岛生物能源与过程研究所"),  # an academy and its institute
    ("COMPANY", "海尔集团公司", "海尔智家股份有限公司"),        # a group and its daughter firm
])
def test_linking_never_merges_a_body_with_a_unit_inside_it(etype, outer, inner):
    from types import SimpleNamespace

    from kg.extract.document import entity_id
    from kg.kb.lexicons import Lexicons
    from kg.link.keys import company_key
    from kg.link.within import fuller_names

    lex = Lexicons.load()
    assert fuller_names([(SimpleNamespace(type=etype), n) for n in (outer, inner)], lex) == {}
    key = (lambda n: company_key(n, lex.regions)) if etype == "COMPANY" else (lambda n: n)
    assert entity_id(etype, key(outer)) != entity_id(etype, key(inner))


def test_a_married_womans_two_surnames_are_her_short_form():
    from types import SimpleNamespace

    from kg.kb.lexicons import Lexicons
    from kg.link.within import fuller_names

    found = [(SimpleNamespace(type="PERSON"), n) for n in ("周何美玲", "周何", "陈明")]
    assert fuller_names(found, Lexicons.load()) == {("PERSON", "周何"): "周何美玲"}
    # near miss: two four-character names that open with the same pair leave the pair alone
    found = [(SimpleNamespace(type="PERSON"), n) for n in ("周何美玲", "周何美华", "周何")]
    assert fuller_names(found, Lexicons.load()) == {}


def test_an_office_named_again_without_its_owner_is_the_office():
    from types import SimpleNamespace

    from kg.kb.lexicons import Lexicons
    from kg.link.within import fuller_names

    lex = Lexicons.load()
    found = [(SimpleNamespace(type="ORG"), n) for n in ("滨江市国土房管局", "房管局", "星海大学管理学院顾问委员会", "顾问委员会")]
    assert fuller_names(found, lex) == {("ORG", "房管局"): "滨江市国土房管局", ("ORG", "顾问委员会"): "星海大学管理学院顾问委员会"}
    # the end of two bodies' names is neither of them
    found = [(SimpleNamespace(type="ORG"), n) for n in ("滨江大学顾问委员会", "临海学院顾问委员会", "顾问委员会")]
    assert ("ORG", "顾问委员会") not in fuller_names(found, lex)


def test_firms_whose_place_is_their_trade_name_stay_apart():
    # after the place comes only a line of business: the place is what names the firm
    # (names invented: places and a line of business)
    forms = _entity_forms("青禾矿业有限公司与温州钢铁有限公司签约。青禾矿业已和洛阳钢铁、常德钢铁、江西星钢等多家钢企建立起"
                          "合作关系。温州钢铁表示满意。")
    assert forms["温州钢铁有限公司"] == {"温州钢铁有限公司", "温州钢铁"}
    assert {"洛阳钢铁", "常德钢铁"} <= set(forms)
    # a trade name after the place still joins the firm with and without its place
    assert len(_entity_forms("深圳星岚科技有限公司发布新品。星岚科技有限公司表示满意。")) == 1


def test_two_departments_of_one_government_are_not_a_typo_of_each_other():
    forms = _entity_forms("香港特區政府財政司司長陳大文表示將加大投資。前律政司司長梁小詩亦出席。")
    assert "律政司" not in forms["香港特别行政区政府财政司"]
    assert forms["香港特别行政区政府律政司"] == {"律政司"}


def test_a_known_park_a_new_area_of_another_province_builds_is_its_branch(tmp_path):
    # the new area builds Zhongguancun (Beijing's park) as a platform of its own: the branch, named by the area
    rows = _build(tmp_path, {
        "a": "雄安新区建设有序推进。新区还积极搭建中关村科技园等创新平台。",
        "b": "要高水平建设雄安中关村科技园。",
    })
    parks = {r["name"]: r["n_docs"] for r in rows if r["type"] == "PARK"}
    assert parks.get("雄安中关村科技园") == "2" and "中关村科技园区" not in parks


def test_a_surname_with_a_form_of_address_is_the_one_person_of_that_surname():
    from types import SimpleNamespace

    from kg.kb.lexicons import Lexicons
    from kg.link.within import fuller_names

    lex = Lexicons.load()
    found = [(SimpleNamespace(type="PERSON"), n) for n in ("韦子谦", "韦先生", "陈明", "欧阳小英", "欧阳女士")]
    assert fuller_names(found, lex) == {("PERSON", "韦先生"): "韦子谦", ("PERSON", "欧阳女士"): "欧阳小英"}
    # near miss: two people of that surname leave the form of address alone
    found = [(SimpleNamespace(type="PERSON"), n) for n in ("韦子谦", "韦明", "韦先生")]
    assert fuller_names(found, lex) == {}
