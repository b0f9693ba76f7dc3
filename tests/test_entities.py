"""Entity rules per type: real seed sentences (as normalized) and hand-written hard cases.

The same cases run with each segmenter where the rule does not depend on
word boundaries (class per backend, as networkx tests its readers).
"""

from __future__ import annotations

import dataclasses

import pytest

from kg.extract.nlp import Segmenter, make_nlp, mentions_of
from kg.text.normalize import normalize_text


def found(nlp, text: str) -> set[tuple[str, str]]:
    """Entities of a raw sentence: normalized first, as the pipeline does."""
    norm = normalize_text(text)
    return {(m.text, m.type) for m in mentions_of(nlp(norm.text))}


class TestPerson:
    def test_title_before_name_seed_000(self, nlp):
        got = found(nlp, "近日,青岛蓝谷管理局副局长徐一冰在接受《人民邮电》报专访时表示")
        assert ("徐一冰", "PERSON") in got and ("青岛蓝谷管理局", "ORG") in got
        assert not any(t == "PERSON" and "局长" in s for s, t in got)

    def test_title_chain_seed_002(self, nlp):
        got = found(nlp, "“我们将精准发力船舶海工。”市委常委,青岛西海岸新区工委书记、区委书记孙永红说。")
        assert ("孙永红", "PERSON") in got

    def test_two_character_name(self, nlp):
        got = found(nlp, "崂山区科学技术局局长赵敏告诉记者,园区聚焦微电子产业。")
        assert ("赵敏", "PERSON") in got and ("赵敏告", "PERSON") not in got

    def test_title_after_name(self, nlp):
        assert ("陈硕", "PERSON") in found(nlp, "陈硕,深圳极视角科技有限公司联合创始人,表示希望合作。")
        assert ("王建国", "PERSON") in found(nlp, "会上,王建国(青岛市科技局局长)介绍了情况。")

    def test_traditional_input(self, nlp):
        got = found(nlp, "3月初,市委書記曾贊榮,市委副書記、市長趙豪志在北京走訪時便走進了展示中心;")
        assert {("曾赞荣", "PERSON"), ("赵豪志", "PERSON")} <= got

    def test_repeat_without_title(self, nlp):
        got = [m.text for m in mentions_of(nlp(normalize_text("青岛蓝谷管理局副局长徐一冰表示。徐一冰说,蓝谷将加快发展。").text))]
        assert got.count("徐一冰") == 2

    def test_no_person_without_a_name(self, nlp):
        got = found(nlp, "当地负责人介绍,由工委牵头,局长表示支持。")
        assert not any(t == "PERSON" for _, t in got)


class TestCompany:
    def test_legal_form_with_region_seed_002(self, nlp):
        got = found(nlp, "立足于原有的海藻生产加工,青岛聚大洋藻业集团有限公司投资12亿元,建设海洋生物医药科技园。建立于2000年的聚大洋,即将在这里重新起航。")
        assert ("青岛聚大洋藻业集团有限公司", "COMPANY") in got
        assert ("聚大洋", "COMPANY") in got  # the later short form

    def test_region_in_brackets_traditional_seed_003(self, nlp):
        got = found(nlp, "奇點數聯(北京)科技有限公司專注于醫療健康大數據和人工智能技術的應用。")
        assert ("奇点数联(北京)科技有限公司", "COMPANY") in got

    def test_locating_park_is_separate_seed_001(self, nlp):
        got = found(nlp, "位于西安高新區集賢產業園的天津鵬翎集團股份有限公司西安基地內")
        assert ("天津鹏翎集团股份有限公司", "COMPANY") in got
        assert not any(t == "PARK" and "公司" in s for s, t in got)

    def test_context_word_before_name(self, nlp):
        got = found(nlp, "青岛蓝谷管理局直属企业青岛海洋科技投资发展集团有限公司与鹏博士成立了合资公司")
        assert ("青岛海洋科技投资发展集团有限公司", "COMPANY") in got
        assert ("合资公司", "COMPANY") not in got

    def test_enumeration_before_deng_qiye(self, nlp):
        got = found(nlp, "强化产业链招商,依托国实集团、海检集团、鹏博士等龙头链主企业,带动配套企业集聚。")
        assert {("国实集团", "COMPANY"), ("海检集团", "COMPANY"), ("鹏博士", "COMPANY")} <= got

    def test_unknown_brands_in_a_list_with_known_firms(self, nlp):
        got = found(nlp, "光谷软件园集聚华为、小米等领军企业以及云帆智造、和光同创等相关企业500余家。")
        assert {("云帆智造", "COMPANY"), ("和光同创", "COMPANY")} <= got
        got = found(nlp, "科大讯飞、微纳星空、商汤科技等重点项目进展顺利。")
        assert ("微纳星空", "COMPANY") in got

    def test_short_form_is_never_an_ordinary_word(self, nlp):
        got = found(nlp, "合肥产业投资控股集团有限公司揭牌。产业投资是关键,合肥产业发展加快。")
        assert ("产业", "COMPANY") not in got and not any(t == "COMPANY" and s in ("产业", "合肥") for s, t in got)

    def test_generic_enterprise_words_are_not_companies(self, nlp):
        got = found(nlp, "园区集聚了一批重点企业、上下游配套企业和高新技术企业,还有多家上市公司。")
        assert not any(t == "COMPANY" for _, t in got)


class TestPark:
    def test_named_zones_seed_001(self, nlp):
        got = found(nlp, "近年来,以杭州未來科技城、南京秦淮硅巷、西安高新區等國內“第一陣營”的園區為目標")
        assert {("南京秦淮硅巷", "PARK"), ("西安高新区", "PARK")} <= got

    def test_status_qualifier_kept_in_span(self, nlp):
        assert ("青岛国际创新园", "PARK") in found(nlp, "青岛国际创新园是崂山区创新创业载体的重要组成部分。")

    def test_list_head_gives_the_type(self, nlp):
        got = found(nlp, "园区建成了苏州纳米创新中心、星海产业园、金鸡湖创客汇等众创空间与孵化器。")
        assert {("苏州纳米创新中心", "PARK"), ("星海产业园", "PARK")} <= got
        assert ("苏州纳米创新中心", "ORG") not in got

    def test_generic_carriers_are_not_parks(self, nlp):
        got = found(nlp, "规划建设海洋生物、海洋高端装备、海洋新能源、海洋信息四大千亩产业园。")
        assert not any(t == "PARK" for _, t in got)

    def test_valley_style_name_and_short_form(self, nlp):
        got = [m.text for m in mentions_of(nlp(normalize_text("青岛蓝谷乘势而上。在海洋数字经济方面,蓝谷规划了发展布局。").text))]
        assert got[:1] == ["青岛蓝谷"] and "蓝谷" in got


class TestOrg:
    def test_department_with_region(self, nlp):
        assert ("青岛市科技局", "ORG") in found(nlp, "这是记者日前跟随青岛市科技局一行前往西安调研时看到的场景。")

    def test_development_verbs_are_not_part_of_names(self, nlp):
        got = found(nlp, "做强企业联盟,壮大院所联盟;引进培育合肥先进计算研究院、中科大苏州研究院等6家新型研发机构。")
        assert {("院所联盟", "ORG"), ("合肥先进计算研究院", "ORG"), ("中科大苏州研究院", "ORG")} <= got
        assert not any(s.startswith(("壮大", "培育")) for s, _ in got)

    def test_region_makes_a_centre_a_name(self, nlp):
        got = found(nlp, "目前,武汉市先进制造测试中心已投入使用,公共资源服务中心同步启用。")
        assert ("武汉市先进制造测试中心", "ORG") in got and ("公共资源服务中心", "ORG") not in got

    def test_common_words_ending_like_offices_are_not_orgs(self, nlp):
        got = found(nlp, "服务和融入新发展格局,坚持党建统领全局,抽调挂职干部,全部到位。")
        assert not any(t == "ORG" for _, t in got)

    def test_known_central_body_traditional(self, nlp):
        assert ("国务院", "ORG") in found(nlp, "2021年10月,國務院發文支持包括成都高新區在內的成渝地區")

    def test_university_and_association(self, nlp):
        got = found(nlp, "中關村科技企業家協會與青島市企業聯合會簽訂戰略合作協議。")
        assert ("中关村科技企业家协会", "ORG") in got


class TestFund:
    def test_fund_heads_seed_000(self, nlp):
        got = found(nlp, "在参股成立总规模96亿元的产业基金的基础上,设立总规模20亿元的引导基金和1亿元的成果转化基金。")
        assert {("产业基金", "FUND"), ("引导基金", "FUND"), ("成果转化基金", "FUND")} <= got

    def test_fund_counts_and_alliances_are_not_funds(self, nlp):
        got = found(nlp, "蓝谷成立了企业联盟、院所联盟、基金联盟3个子联盟,连接基金50余只。")
        assert not any(t == "FUND" for _, t in got)


class TestIndustry:
    def test_enumeration_governed_by_one_suffix_spun_seed_002(self, nlp):
        text = "今年以来,青岛西海岸新区优选梳理出新一代半导体、高端化工及新质料、海洋生物医药、船舶海工、智能家电、汽车、海洋冷链、影视文化和新经济九大重点工业链,加速提升。"
        got = {s for s, t in found(nlp, text) if t == "INDUSTRY"}
        assert {"高端化工及新材料", "海洋生物医药", "船舶海工", "智能家电", "汽车", "海洋冷链", "影视文化", "新经济"} <= got

    def test_list_of_ten_industries(self, nlp):
        text = "该区聚焦集成电路、人工智能、生物医药、新能源汽车、新材料、高端装备、虚拟现实、工业互联网、航空航天和氢能十大产业,打造产业高地。"
        got = {s for s, t in found(nlp, text) if t == "INDUSTRY"}
        assert len(got) == 10

    def test_single_phrase_keeps_suffix(self, nlp):
        got = found(nlp, "更深地嵌入海洋生物医药产业链。")
        assert ("海洋生物医药产业链", "INDUSTRY") in got

    def test_framing_words_and_fragments_are_not_industries(self, nlp):
        got = found(nlp, "聚焦数字经济发展主题,构建以文旅和康养为特色方向的现代产业体系,推动高校科技成果向产业转化。")
        assert ("数字经济", "INDUSTRY") in got
        assert not any(t == "INDUSTRY" and ("主题" in s or "方向" in s or "向" in s) for s, t in got)

    def test_generic_industry_words_are_not_industries(self, nlp):
        got = found(nlp, "做强主导产业,壮大优势产业,培育新兴产业。")
        assert not any(t == "INDUSTRY" for _, t in got)


def test_no_entities_in_boilerplate_only_page(tmp_path):
    """A footer-only page gives no entity: the cleaner removes it before extraction."""
    from kg.run.build import build

    (tmp_path / "footer.txt").write_text("版权所有: 齐鲁网 All Rights Reserved\n技术支持:山东广电信通网络运营有限公司\n", encoding="utf-8")
    result = build([str(tmp_path / "footer.txt")], tmp_path / "out", progress=False)
    assert result.exit_code == 4
    assert (tmp_path / "out" / "mentions.csv").read_text(encoding="utf-8").count("\n") == 1


@pytest.mark.parametrize("segmenter", list(Segmenter))
def test_every_segmenter_finds_names_and_people(segmenter):
    nlp = make_nlp(segmenter)
    got = {(m.text, m.type) for m in mentions_of(nlp("青岛聚大洋藻业集团有限公司董事长吴仕鹏说。"))}
    assert got == {("青岛聚大洋藻业集团有限公司", "COMPANY"), ("吴仕鹏", "PERSON")}


def test_unknown_segmenter_names_the_choices():
    with pytest.raises(ValueError, match="char, jieba, pkuseg"):
        make_nlp("thulac")


def test_pipeline_round_trip_keeps_lexicons_and_results(tmp_path):
    """Saved with to_disk, loaded with spacy.load: the lexicon files travel with it."""
    import spacy

    nlp = make_nlp("char")
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "kg_entity_rules" / "lexicons" / "titles.tsv").exists()
    loaded = spacy.load(tmp_path / "pipe")
    text = "青岛蓝谷管理局副局长徐一冰表示"
    assert [(e.text, e.label_) for e in loaded(text).ents] == [(e.text, e.label_) for e in nlp(text).ents]


def test_leave_one_out_drops_entries_only_that_document_names():
    from kg.kb.lexicons import KnownEntity, Lexicons

    lex = Lexicons.load()
    seeded = KnownEntity("某某科技", "COMPANY", (), frozenset({"doc-a"}))
    lex2 = dataclasses.replace(lex, known=lex.known + (seeded,))
    assert seeded in lex2.without_sources_of("doc-b").known
    assert seeded not in lex2.without_sources_of("doc-a").known
    strict = lex.without_sources_of("doc-x", frozenset({"国务院", "集成电路"}))
    assert not any("国务院" in k.forms for k in strict.known)
    assert "集成电路" not in strict.industries and "集成电路" in lex.industries


def test_cli_leave_one_out_build_scores_lower_or_equal(tmp_path, seed_glob):
    from kg.run.build import build
    from kg.eval.evaluate import exclusive_gold_forms, load_gold, load_predicted, score
    from tests.conftest import GOLD_SEEDS, SEEDS

    gold = load_gold(GOLD_SEEDS)
    full = build([seed_glob], tmp_path / "full", progress=False)
    lodo = build([seed_glob], tmp_path / "lodo", progress=False, leave_one_out=exclusive_gold_forms(GOLD_SEEDS))
    assert full.exit_code == lodo.exit_code == 0
    f_full = score(gold, load_predicted(tmp_path / "full")).entities["overall"]["f1"]
    f_lodo = score(gold, load_predicted(tmp_path / "lodo")).entities["overall"]["f1"]
    assert 0 < f_lodo <= f_full


def test_the_title_ending_at_a_position_is_the_one_every_length_would_find():
    # Lexicons.title_ending_at skips positions no title ends at; it must answer as the plain search does
    from kg.kb.lexicons import Lexicons

    lex = Lexicons.load()
    text = "星湖市科技局副局长陈立元、星湖研究院院长王思远和原董事长出席。"
    for j in range(len(text) + 2):
        for floor in (0, 4, j - 3):
            plain = next((text[k:j] for k in range(max(floor, j - lex.longest_title), j) if text[k:j] in lex.titles), None)
            assert lex.title_ending_at(text, j, floor) == plain, (j, floor)


def test_lists_are_found_from_their_separators_as_by_a_scan_of_every_position():
    # industries._enumerations starts its search only shortly before each `、`; it must find what finditer finds
    from kg.extract.entities.industries import _ENUMERATION, _ITEM_MAX, _enumerations

    long_item = "甲" * _ITEM_MAX
    texts = ["", "没有列表的句子。", "星湖区发展智能制造、新材料和生物医药等产业。", f"{long_item}、乙丙、丁戊",
             f"前言{long_item}{long_item}、乙丙与丁戊。又有AB、CD及EF,还有{'子' * 30}、丑寅、卯辰、", "、、甲乙、丙丁"]
    for text in texts:
        assert [m.span() for m in _enumerations(text)] == [m.span() for m in _ENUMERATION.finditer(text)], text
