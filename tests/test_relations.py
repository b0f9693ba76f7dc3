"""Relations: per-type rules on real seed sentences and hand-written hard cases, and evidence on every row."""

from __future__ import annotations

import csv
import json


from kg.extract.nlp import mentions_of
from kg.text.normalize import normalize_text
from kg.extract.relations import find_relations


def found(nlp, text: str):
    """Relations as the build finds them (titles and city names from the lexicons)."""
    norm = normalize_text(text).text
    lex = nlp.get_pipe("kg_entity_rules").lexicons
    return find_relations(norm, mentions_of(nlp(norm)), lex.titles, lex.cities)


def rels(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(r.head.text, r.type, r.tail.text) for r in found(nlp, text)}


def of_type(got: set[tuple[str, str, str]], rtype: str) -> set[tuple[str, str]]:
    return {(h, t) for h, r, t in got if r == rtype}


def test_holds_post_title_chain_with_two_organizations(nlp):
    got = rels(nlp, "会上,青岛市科技局局长、青岛高新区管委会主任王建国介绍了情况。")
    assert of_type(got, "HOLDS_POST") == {("王建国", "青岛高新区管委会"), ("王建国", "青岛市科技局")}
    posts = {r.tail.text: r.attrs["title"] for r in found(nlp, "会上,苏州工业园区管委会主任、苏州市科技局局长张明华介绍了情况。")}
    assert posts == {"苏州工业园区管委会": "主任", "苏州市科技局": "局长"}


def test_holds_post_chain_of_seed_003_two_bodies_one_person(nlp):
    got = rels(nlp, "正如中關村科技企業家協會會長、北京大北農科技股份有限公司董事長邵根伙所說,青島是“金色大地”。")
    assert of_type(got, "HOLDS_POST") == {("邵根伙", "中关村科技企业家协会"), ("邵根伙", "北京大北农科技股份有限公司")}


def test_holds_post_bare_titles_in_the_chain_stay_attributes(nlp):
    """`市委常委,…工委书记、区委书记孙永红` (seed 002) and the same shape elsewhere: only the named body."""
    for text, body in (("“我们将精准发力。”市委常委,青岛西海岸新区工委书记、区委书记孙永红说。", "青岛西海岸新区工委"),
                       ("省委常委,武汉东湖新技术开发区党工委书记、区委书记王伟主持会议。", "武汉东湖新技术开发区党工委")):
        posts = [(r.tail.text, r.attrs["title"]) for r in found(nlp, text) if r.type == "HOLDS_POST"]
        assert posts == [(body, "书记")]


def test_holds_post_title_with_modifier_and_combined_title(nlp):
    (r,) = found(nlp, "深圳市大疆创新科技有限公司执行总裁王磊表示,将加大研发投入。")
    assert (r.head.text, r.tail.text, r.attrs) == ("王磊", "深圳市大疆创新科技有限公司", {"title": "执行总裁"})
    (r,) = [r for r in found(nlp, "对此,上海矽昌通信技术有限公司创始人兼董事长李兴仁深有感触。") if r.type == "HOLDS_POST"]
    assert r.attrs == {"title": "创始人兼董事长"}


def test_holds_post_list_of_people_each_with_their_own_body(nlp):
    got = rels(nlp, "座谈会上,比亚迪股份有限公司董事长、党委书记王传福,宁德时代新能源科技股份有限公司董事长曾毓群先后发言。")
    assert of_type(got, "HOLDS_POST") == {("王传福", "比亚迪股份有限公司"), ("曾毓群", "宁德时代新能源科技股份有限公司")}


def test_holds_post_pronoun_refers_to_the_company_before(nlp):
    got = rels(nlp, "杭州海康威视数字技术股份有限公司在杭州召开发布会。其副总裁刘强表示,公司将持续创新。")
    assert ("刘强", "HOLDS_POST", "杭州海康威视数字技术股份有限公司") in got


def test_holds_post_pronoun_is_not_the_end_of_a_country_name(nlp):
    # 土耳其总统: 其 ends the country's name, it refers back to no firm (the judged unseen sample's commonest error)
    got = rels(nlp, "星岚科技有限公司发布了新产品。土耳其总统埃尔多安表示欢迎。")
    assert not of_type(got, "HOLDS_POST")


def test_holds_post_after_that_hospital_or_university(nlp):
    got = rels(nlp, "星岚市第一人民医院举行会议。该医院副院长王海表示,将加强管理。")
    assert ("王海", "HOLDS_POST", "星岚市第一人民医院") in got


def test_holds_post_in_a_department_of_that_company(nlp):
    got = rels(nlp, "星岚轮胎有限公司发布公告。该公司企划财务部部长王海在工厂办公室对记者证实。")
    assert ("王海", "HOLDS_POST", "星岚轮胎有限公司") in got


def test_holds_post_founder_in_the_active_voice(nlp):
    got = rels(nlp, "星岚集团董事长王海表示,王海在2005年跟大学同学创办了星岚物流有限公司。")
    assert ("王海", "HOLDS_POST", "星岚物流有限公司") in got
    near = rels(nlp, "星岚集团董事长王海表示,王海创办了星岚物流有限公司的子公司。")
    assert ("王海", "HOLDS_POST", "星岚物流有限公司") not in near  # the daughter he founded is not named


def test_holds_post_seed_000_and_title_attribute(nlp):
    norm = normalize_text("近日,青岛蓝谷管理局副局长徐一冰在接受《人民邮电》报专访时表示。").text
    doc = nlp(norm)
    (r,) = [r for r in find_relations(norm, mentions_of(doc), nlp.get_pipe("kg_entity_rules").lexicons.titles) if r.type == "HOLDS_POST"]
    assert (r.head.text, r.tail.text, r.attrs) == ("徐一冰", "青岛蓝谷管理局", {"title": "副局长"})


def test_focuses_on_distributes_over_a_list_of_ten(nlp):
    got = rels(nlp, "合肥高新区聚焦集成电路、人工智能、生物医药、新能源汽车、新材料、高端装备、虚拟现实、工业互联网、航空航天和氢能十大产业。")
    focus = {t for h, r, t in got if r == "FOCUSES_ON" and h == "合肥高新区"}
    assert len(focus) == 10


def test_focuses_on_subject_carried_to_a_sentence_without_one(nlp):
    got = rels(nlp, "成都高新区是西部地区的科技高地。近年来,聚焦电子信息、生物医药和数字经济三大主导产业,加快建设产业集群。")
    assert {"电子信息", "生物医药", "数字经济"} <= {t for h, t in of_type(got, "FOCUSES_ON") if h == "成都高新区"}


def test_focuses_on_subject_at_the_end_and_carriers(nlp):
    """`以A等为载体重点发展X,…,<zone>正…`: each carrier focuses on its own clause's industries and is part of the zone."""
    got = rels(nlp, "以张江科学城等为载体重点发展集成电路产业,以临港新片区等为载体重点发展人工智能、新能源汽车等产业,浦东新区正加快打造现代产业体系。")
    focus = of_type(got, "FOCUSES_ON")
    assert ("张江科学城", "集成电路产业") in focus and ("临港新片区", "人工智能") in focus
    assert ("张江科学城", "人工智能") not in focus
    assert {("浦东新区", "集成电路产业"), ("浦东新区", "新能源汽车")} <= focus
    assert {("张江科学城", "浦东新区"), ("临港新片区", "浦东新区")} <= of_type(got, "PART_OF")


def test_focuses_on_seed_002_carriers(nlp):
    """Seed 002 with its spun words restored (`相助` → `合作`, `生长` → `发展`, `工业` → `产业`), as extraction reads it."""
    got = rels(nlp, "“以国际经济合作区等为载体重点发展工业互联网产业,以中电光谷产业园等为载体重点发展人工智能、大数据等产业,"
                    "以青岛跨境电商产业园等为载体重点发展跨境电商产业,青岛西海岸新区正载体式推进新经济发展。")
    focus = of_type(got, "FOCUSES_ON")
    assert {("中电光谷产业园", "人工智能"), ("中电光谷产业园", "大数据"), ("青岛跨境电商产业园", "跨境电商产业")} <= focus
    assert ("中电光谷产业园", "跨境电商产业") not in focus
    assert ("青岛跨境电商产业园", "PART_OF", "青岛西海岸新区") in got


def test_no_focus_for_a_city_a_plan_or_a_noun_subject(nlp):
    """Cities are no entities; a plan's content and an event's themes are no park's focus."""
    got = rels(nlp, "武汉东湖高新区聚焦光电子信息产业。武汉市大力发展汽车产业。")
    assert of_type(got, "FOCUSES_ON") == {("武汉东湖高新区", "光电子信息产业")}
    assert not rels(nlp, "合肥高新区举办推介会。《安徽省“十四五”规划》提出,加快合肥高新区建设,推动集成电路、新型显示等产业发展。")
    assert not of_type(rels(nlp, "雄安新区举行签约仪式。2024世界制造业大会在合肥开幕。大会聚焦人形机器人、高端装备等核心展示板块。"),
                       "FOCUSES_ON")


def test_organizations_need_a_strong_focus_cue(nlp):
    got = rels(nlp, "之江实验室聚焦人工智能、生物医药等领域,打造创新高地。")
    assert of_type(got, "FOCUSES_ON") == {("之江实验室", "人工智能"), ("之江实验室", "生物医药")}
    assert not rels(nlp, "国家能源局发布促进光伏产业健康发展的通知。")


def test_stories_separated_by_spaces_carry_no_subject(nlp):
    """A transcript runs stories together, each after its headline: nothing carries over."""
    got = rels(nlp, "雄安新区举办交流活动 2024世界制造业大会开幕 聚焦人形机器人、高端装备等核心展示板块。")
    assert not of_type(got, "FOCUSES_ON")


def test_heading_line_over_bullets(nlp):
    got = rels(nlp, "杭州未来科技城\n●聚焦人工智能、生物医药等产业\n●阿里巴巴、之江实验室等在此集聚")
    assert of_type(got, "FOCUSES_ON") == {("杭州未来科技城", "人工智能"), ("杭州未来科技城", "生物医药")}
    assert of_type(got, "LOCATED_IN") == {("阿里巴巴", "杭州未来科技城"), ("之江实验室", "杭州未来科技城")}
    got = rels(nlp, "宁波甬江科创大走廊\n●汇聚全球新材料创新中心、宁波鲲鹏生态产业园等科创平台")
    assert ("宁波鲲鹏生态产业园", "PART_OF", "宁波甬江科创大走廊") in got


def test_partners_with_signing_seed_003(nlp):
    got = rels(nlp, "座談會上,中關村科技企業家協會和青島市企業聯合會簽署戰略合作框架協議。")
    assert ("中关村科技企业家协会", "PARTNERS_WITH", "青岛市企业联合会") in got


def test_signing_with_three_parties_pairs_every_party(nlp):
    got = rels(nlp, "苏州市科技局与华为技术有限公司、中国移动通信集团有限公司签署战略合作协议。")
    pairs = {frozenset(p) for p in of_type(got, "PARTNERS_WITH")}
    assert pairs == {frozenset(p) for p in (("苏州市科技局", "华为技术有限公司"), ("苏州市科技局", "中国移动通信集团有限公司"),
                                            ("华为技术有限公司", "中国移动通信集团有限公司"))}


def test_joint_venture_in_both_sentence_orders(nlp):
    for text in ("宁德时代与宝马集团共同出资成立合资公司。", "合资公司由宁德时代和宝马集团共同出资成立,总部设在上海。"):
        assert {frozenset(p) for p in of_type(rels(nlp, text), "PARTNERS_WITH")} == {frozenset(("宁德时代", "宝马集团"))}


def test_partners_by_joint_work_and_a_joint_body(nlp):
    got = rels(nlp, "依托浙江大学和西湖大学,杭州未来科技城组建了创新联合体。")
    assert of_type(got, "PARTNERS_WITH") == {("杭州未来科技城", "浙江大学"), ("杭州未来科技城", "西湖大学")}
    got = rels(nlp, "在新能源方面,长沙经开区加快布局。联合三一集团对配套企业进行梳理,打造产业引领示范园区。")
    assert ("长沙经开区", "PARTNERS_WITH", "三一集团") in got


def test_located_in_host_list_with_an_item_the_entity_stage_missed(nlp):
    got = rels(nlp, "目前,中关村软件园已入驻联想、百度、甲乙丙科技、腾讯等企业。")
    assert {("百度", "中关村软件园"), ("腾讯", "中关村软件园")} <= of_type(got, "LOCATED_IN")


def test_located_in_projects_frames_and_here(nlp):
    got = rels(nlp, "据悉,长沙高新区已出台支持政策,中联重科、三一重工等重点项目进展顺利。")
    assert of_type(got, "LOCATED_IN") == {("中联重科", "长沙高新区"), ("三一重工", "长沙高新区")}
    got = rels(nlp, "在张江科学城内,上海微电子装备(集团)股份有限公司正在加紧研发。")
    assert of_type(got, "LOCATED_IN") == {("上海微电子装备(集团)股份有限公司", "张江科学城")}
    got = rels(nlp, "作为合肥高新区的核心区,中国声谷重点发展智能语音产业,科大讯飞等企业在此集聚。")
    assert ("科大讯飞", "LOCATED_IN", "中国声谷") in got and ("中国声谷", "PART_OF", "合肥高新区") in got
    got = rels(nlp, "华为仅是东莞松山湖高新区产业升级的一个缩影。")
    assert of_type(got, "LOCATED_IN") == {("华为", "东莞松山湖高新区")}


def test_located_in_seed_001_frame_and_here(nlp):
    got = rels(nlp, "在寧波,甬江科創大走廊內,總投資260億元的甬江實驗室正在打造世界級新材料創新策源地。")
    assert ("甬江实验室", "LOCATED_IN", "甬江科创大走廊") in got
    got = rels(nlp, "發揮軌道交通裝備這一國家先進制造集群核心優勢,青島軌道交通產業示范區入選了國家先進制造業集群。聚焦高鐵地鐵整車生產、"
                    "新材料、新能源汽車及關聯產業,示范區內集聚了以首個國家技術創新中心——國家高速列車技術創新中心為代表的十幾家國家級創新平臺。")
    assert ("国家高速列车技术创新中心", "LOCATED_IN", "青岛轨道交通产业示范区") in got
    assert {("青岛轨道交通产业示范区", "新材料"), ("青岛轨道交通产业示范区", "新能源汽车")} <= of_type(got, "FOCUSES_ON")


def test_walk_frame_places_what_is_shown(nlp):
    got = rels(nlp, "“这是宁波鲲鹏生态产业园,这是浙江大学宁波研究院……”漫步在宁波甬江科创大走廊内,当地负责人如数家珍。")
    assert ("宁波鲲鹏生态产业园", "PART_OF", "宁波甬江科创大走廊") in got
    assert ("浙江大学宁波研究院", "LOCATED_IN", "宁波甬江科创大走廊") in got


def test_part_of_members_of_a_heading_over_paragraphs(nlp):
    got = rels(nlp, "苏州高新区“一区多园”各有特色,各个园区围绕优势产业协同发展。\n苏州科技城聚焦新一代信息技术产业。\n"
                    "苏州医疗器械产业园推动了医疗器械企业集聚发展。\n通过聚焦产业,各个园区形成了特色。\n苏州工业园区位于苏州东部。")
    assert of_type(got, "PART_OF") == {("苏州科技城", "苏州高新区"), ("苏州医疗器械产业园", "苏州高新区")}


def test_part_of_one_city_many_parks_and_not_a_qualifier(nlp):
    got = rels(nlp, "2022年,国务院支持包括长沙高新区、株洲高新区在内的长株潭地区以“一区多园”模式建设湘江科学城。")
    assert of_type(got, "PART_OF") == {("长沙高新区", "湘江科学城"), ("株洲高新区", "湘江科学城")}
    got = rels(nlp, "苏州生物医药产业园地处苏州工业园区,已集聚生物企业2000余家。")
    assert of_type(got, "PART_OF") == {("苏州生物医药产业园", "苏州工业园区")}


def test_a_park_building_parks_operates_them(nlp):
    got = rels(nlp, "南京江北新区正在建设南京软件园。这个由江北新区管委会和南京扬子国资投资集团有限责任公司合作开发运营的园区里,一批新项目正在落地。")
    assert of_type(got, "OPERATES") == {("南京江北新区", "南京软件园"), ("江北新区管委会", "南京软件园"),
                                        ("南京扬子国资投资集团有限责任公司", "南京软件园")}
    assert ("南京软件园", "PART_OF", "南京江北新区") in got
    assert ("江北新区管委会", "PARTNERS_WITH", "南京扬子国资投资集团有限责任公司") in got
    got = rels(nlp, "合肥高新区设立总规模50亿元的天使投资基金,支持初创企业发展。")
    assert of_type(got, "OPERATES") == {("合肥高新区", "天使投资基金")}


def test_leads_chain_from_the_paragraph_frame(nlp):
    got = rels(nlp, "在新能源汽车方面,长沙经开区规划了“一主两翼”的布局。“一主”即链主企业三一集团。")
    assert ("三一集团", "LEADS_CHAIN", "新能源汽车") in got and ("长沙经开区", "FOCUSES_ON", "新能源汽车") in got


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
    from kg.run.build import build
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
    from kg.run.build import build

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


# ---------------------------------------------------------------- rules that carry to unseen wording
# Sentences written for these tests in the general style of the news; where the entity stage would not find
# a name out of its article's context, the mentions are given (`given`), so the test is of the relation rule.


def given(text: str, lexicon_titles, *spans: tuple[str, str], occurrence: int = 0):
    """Relations of ``text`` over the mentions named by ``(surface, type)``, each at its first occurrence."""
    from kg.extract.entities import Mention

    ms, taken = [], 0
    for surface, etype in spans:
        k = text.find(surface)
        assert k >= 0, surface
        ms.append(Mention(k, k + len(surface), etype, surface, "test"))
    return {(r.head.text, r.type, r.tail.text) for r in find_relations(text, ms, lexicon_titles)}


def titles_of(nlp):
    return nlp.get_pipe("kg_entity_rules").lexicons.titles


def test_holds_post_over_a_unit_a_field_word_and_a_former_post(nlp):
    got = rels(nlp, "杭州恒远科技有限公司市场部总监李华表示,新品将于下月上市。")
    assert of_type(got, "HOLDS_POST") == {("李华", "杭州恒远科技有限公司")}
    (r,) = [r for r in found(nlp, "宁波港集团有限公司品牌总监周敏介绍了情况。") if r.type == "HOLDS_POST"]
    assert r.attrs == {"title": "品牌总监"}
    got = rels(nlp, "国家电网有限公司原党组成员、副总经理、安全总监赵强等人受到处理。")
    assert of_type(got, "HOLDS_POST") == {("赵强", "国家电网有限公司")}


def test_holds_post_office_head_and_parenthesis(nlp):
    assert ("雷伊", "HOLDS_POST", "美国商务部") in rels(nlp, "美国商务部长雷伊表示,将加大投入。")
    text = "西门子(Siemens)总裁博乐仁表示,将加大投入。"
    got = given(text, titles_of(nlp), ("西门子", "COMPANY"), ("博乐仁", "PERSON"))
    assert got == {("博乐仁", "HOLDS_POST", "西门子")}


def test_holds_post_names_listed_after_a_titled_name(nlp):
    got = rels(nlp, "深圳华瑞科技有限公司董事长李明、总经理王芳出席仪式。")
    assert of_type(got, "HOLDS_POST") == {("李明", "深圳华瑞科技有限公司"), ("王芳", "深圳华瑞科技有限公司")}
    # a post of another kind after a party secretary is in another body (the government)
    assert of_type(rels(nlp, "杭州市委书记刘捷、市长姚高员出席仪式。"), "HOLDS_POST") == {("刘捷", "杭州市委")}


def test_holds_post_roster_of_an_organization(nlp):
    got = rels(nlp, "深圳华瑞科技有限公司的董事包括董事长李明,副董事长王芳,以及副总裁陈刚。")
    assert of_type(got, "HOLDS_POST") == {(p, "深圳华瑞科技有限公司") for p in ("李明", "王芳", "陈刚")}
    assert not of_type(rels(nlp, "深圳华瑞科技有限公司董事长李明为员工颁奖。"), "HOLDS_POST") - {("李明", "深圳华瑞科技有限公司")}


def test_holds_post_appointed_with_own_and_shared_titles(nlp):
    got = rels(nlp, "董事刘洋同时是华峰集团、东方电气集团等多家公司董事。")
    assert of_type(got, "HOLDS_POST") == {("刘洋", "华峰集团"), ("刘洋", "东方电气集团")}
    text = "陈立毕业于浙江大学,之后曾任苏州星辰科技有限公司(Star Tech, Inc.)项目经理、宁波海通投资有限公司总经理。"
    got = given(text, titles_of(nlp), ("陈立", "PERSON"), ("浙江大学", "ORG"), ("苏州星辰科技有限公司", "COMPANY"),
                ("宁波海通投资有限公司", "COMPANY"))
    assert got == {("陈立", "HOLDS_POST", "苏州星辰科技有限公司"), ("陈立", "HOLDS_POST", "宁波海通投资有限公司")}
    # a person who only meets an organization holds no post in it
    got = given("陈立是浙江大学的校友。", titles_of(nlp), ("陈立", "PERSON"), ("浙江大学", "ORG"))
    assert not got


def test_subsidiary_cues_statements_and_lists(nlp):
    assert ("华峰化学股份有限公司", "SUBSIDIARY_OF", "华峰集团") in rels(nlp, "华峰集团旗下子公司华峰化学股份有限公司发布公告。")
    assert ("恒远新材料有限公司", "SUBSIDIARY_OF", "恒远集团") in rels(nlp, "恒远集团控股的恒远新材料有限公司上市。")
    assert ("浙大资产经营有限公司", "SUBSIDIARY_OF", "浙江大学") in rels(nlp, "浙江大学名下的浙大资产经营有限公司出资5000万元。")
    got = rels(nlp, "南瑞科技有限公司是国家电网公司下属的高科技企业。")
    assert of_type(got, "SUBSIDIARY_OF") == {("南瑞科技有限公司", "国家电网公司")}
    got = rels(nlp, "宁波海通电子有限公司是由韩国海通集团于2010年在宁波经济技术开发区注册成立的外商独资企业。")
    assert ("宁波海通电子有限公司", "SUBSIDIARY_OF", "海通集团") in got
    assert ("宁波海通电子有限公司", "LOCATED_IN", "宁波经济技术开发区") in got
    got = rels(nlp, "海通集团旗下有三家子公司,分别是海通电子有限公司、海通物流有限公司和海通科技有限公司。")
    assert of_type(got, "SUBSIDIARY_OF") == {(c, "海通集团") for c in ("海通电子有限公司", "海通物流有限公司", "海通科技有限公司")}
    # a company that only partners is no unit
    assert not of_type(rels(nlp, "南瑞科技有限公司是国家电网公司的重要合作伙伴。"), "SUBSIDIARY_OF")


def test_subsidiary_founded_implicit_and_branch(nlp):
    assert ("宁波研究院", "SUBSIDIARY_OF", "浙江大学") in rels(nlp, "该中心由浙江大学设立的宁波研究院负责运营。")
    got = rels(nlp, "据介绍,恒远科技有限公司的中游环节放在江苏子公司恒远光电有限公司。")
    assert of_type(got, "SUBSIDIARY_OF") == {("恒远光电有限公司", "恒远科技有限公司")}
    got = rels(nlp, "宁波海通电子有限公司在宁波设有分支机构。宁波海通电子有限公司北仑分公司今年开业。")
    assert of_type(got, "SUBSIDIARY_OF") == {("宁波海通电子有限公司北仑分公司", "宁波海通电子有限公司")}


def test_located_in_visit_list_join_region_gap_and_site(nlp):
    assert ("华为技术有限公司", "LOCATED_IN", "苏州工业园区") in rels(nlp, "在苏州工业园区,李强来到华为技术有限公司,听取企业介绍。")
    got = rels(nlp, "中国中化、中国华能将在今年下半年迁驻雄安新区。")
    assert of_type(got, "LOCATED_IN") == {("中国中化", "雄安新区"), ("中国华能", "雄安新区")}
    assert ("光明产业园", "PART_OF", "武汉市东湖高新区") in rels(nlp, "光明产业园坐落在武汉市东湖高新区大学园路。")  # the city is in the name
    assert ("浙江大学", "LOCATED_IN", "宁波高新区") in rels(nlp, "浙江大学宁波高新区校区今年启用。")
    assert not of_type(rels(nlp, "浙江大学与宁波高新区签署合作协议。"), "LOCATED_IN")


def test_operates_in_predicate_form_stakes_and_partners_after_an_adverb(nlp):
    got = rels(nlp, "光明科技园由武汉光明科技开发有限公司、华中理工大学研究院共同打造。")
    assert of_type(got, "OPERATES") == {("武汉光明科技开发有限公司", "光明科技园"), ("华中理工大学研究院", "光明科技园")}
    assert len(of_type(got, "PARTNERS_WITH")) == 1
    assert ("恒远集团", "INVESTS_IN", "恒远新材料有限公司") in rels(nlp, "恒远集团将增资恒远新材料有限公司。")
    assert ("恒远集团", "INVESTS_IN", "恒远新材料有限公司") in rels(nlp, "恒远集团向恒远新材料有限公司注资5亿元。")
    (r,) = [r for r in found(nlp, "恒远集团投资50亿元建设恒远新材料产业园。") if r.type == "INVESTS_IN"]
    assert r.attrs == {"amount": "50亿元"}
    assert ("恒远集团", "PARTNERS_WITH", "华峰集团") in rels(nlp, "恒远集团曾经与华峰集团有过合作。")
    assert not of_type(rels(nlp, "恒远集团与华峰集团的产品都在展会上亮相。"), "PARTNERS_WITH")


def test_focus_gloss_in_brackets_goes_to_the_park_before_them(nlp):
    got = rels(nlp, "园区周边聚集多个科技园,分别是:东山科技园(国家级产业化基地)、西山科技园(依托学科优势,重点发展生物医药等产业)。")
    assert of_type(got, "FOCUSES_ON") == {("西山科技园", "生物医药")}
    assert {r.rule for r in found(nlp, "西山科技园(依托学科优势,重点发展生物医药等产业)")} == {"focus:gloss"}


def test_focus_not_from_a_park_that_is_the_goal_of_a_goal_verb(nlp):
    got = rels(nlp, "公司计划投资50亿元,将基地建设成为全国最具规模的光电子产业基地。2009年起,公司对规划进行了调整,"
                    "“这是考虑到我们对集成电路产业发展趋势的评估”。")
    assert of_type(got, "FOCUSES_ON") == set()
    got = rels(nlp, "预计到2030年全面建成全省最大的物联网产业孵化基地和综合服务平台、国内一流的集成电路产业发展集聚区。")
    assert of_type(got, "FOCUSES_ON") == set()


def test_focus_here_anaphor_means_the_park_named_earlier_in_the_sentence(nlp):
    got = rels(nlp, "苏南新区建设加快推进。在江苏常州,龙城数智创新园不断升级迭代,这里的大带宽网络可直达上海,"
                    "传输时延小于1毫秒,以海量算力服务科技金融、人工智能等产业发展。")
    # both items of the list governed by 产业 are the park's focus
    assert of_type(got, "FOCUSES_ON") == {("龙城数智创新园", "科技金融"), ("龙城数智创新园", "人工智能")}


def test_focus_not_from_the_organization_of_a_person_title():
    from kg.extract.entities import Mention

    text = "全国政协委员、民盟中央常委李明,围绕加强集成电路产业链合作作了汇报。"
    ms = [Mention(text.index(w), text.index(w) + len(w), t, w, "test")
          for w, t in (("全国政协", "ORG"), ("民盟中央常委", "ORG"), ("李明", "PERSON"), ("集成电路产业链", "INDUSTRY"))]
    assert [r for r in find_relations(text, ms, {}, frozenset()) if r.type == "FOCUSES_ON"] == []
    ms2 = [Mention(0, 6, "ORG", "中国电子学会", "test"), Mention(8, 12, "INDUSTRY", "集成电路", "test")]
    assert [(r.head.text, r.tail.text) for r in find_relations("中国电子学会聚焦集成电路产业。", ms2, {}, frozenset())
            if r.type == "FOCUSES_ON"] == [("中国电子学会", "集成电路")]


def test_located_host_after_region_prefixed_park_and_attribute_clauses(nlp):
    # (the park is one the suffix grammar finds: `合肥声谷`, whose body is one character, only the tagger may propose)
    got = rels(nlp, "合肥光电谷目前整个区域面积约50平方公里,常住人口约20万,拥有中国科学技术大学、合肥工业大学等8所高等院校。")
    assert of_type(got, "LOCATED_IN") == {("中国科学技术大学", "光电谷"), ("合肥工业大学", "光电谷")} or \
        of_type(got, "LOCATED_IN") == {("中国科学技术大学", "合肥光电谷"), ("合肥工业大学", "合肥光电谷")}


def test_part_of_gloss_opening_with_a_zone_name(nlp):
    got = rels(nlp, "周边聚集多家园区:南湖大学科技园(武汉东湖高新区,大学科技园重点工程)等。")
    assert ("南湖大学科技园", "武汉东湖高新区") in of_type(got, "PART_OF")
    got = rels(nlp, "青岛蓝谷(蓝色硅谷核心区)启动建设。")
    assert of_type(got, "PART_OF") == set()


def test_operates_gloss_names_the_builders_of_the_park_before_it(nlp):
    got = rels(nlp, "园区周边聚集多个科技园,分别是:东山科技园(科技部和省政府共建的“国家级产业园”)、西山软件园(中部规模最大的软件园)等。")
    assert of_type(got, "OPERATES") == {("科技部", "东山科技园")}


def test_a_city_before_a_park_name_is_the_parks_not_a_region_subject():
    from kg.extract.entities import Mention

    text = "合肥声谷目前面积约50平方公里,常住人口约20万,拥有中国科学技术大学等8所高校。"
    ms = [Mention(text.index(w), text.index(w) + len(w), t, w, "test") for w, t in (("声谷", "PARK"), ("中国科学技术大学", "ORG"))]
    got = {(r.head.text, r.type, r.tail.text) for r in find_relations(text, ms, {}, frozenset({"合肥"}))}
    assert got == {("中国科学技术大学", "LOCATED_IN", "声谷")}


def test_part_build_with_the_verb_dajian_and_a_class_word_anaphor(nlp):
    got = rels(nlp, "今天的滨海新区正加速迈进。新区还积极搭建中关村科技园、创新工场等10余个创新平台。")
    assert ("滨海新区", "中关村科技园") in of_type(got, "OPERATES")
    assert ("中关村科技园", "滨海新区") in of_type(got, "PART_OF")


def test_names_listed_after_a_title_hold_it_in_the_firm_the_sentence_is_about(nlp):
    got = rels(nlp, "凯普生物科技有限公司位于上环宝恒商业中心27楼,在2005年11月成立,董事包括黄伟雄、管秩生及童小旋。")
    assert of_type(got, "HOLDS_POST") == {("黄伟雄", "凯普生物科技有限公司"), ("管秩生", "凯普生物科技有限公司"),
                                          ("童小旋", "凯普生物科技有限公司")}


def test_a_clause_opening_with_yu_partners_the_organization_the_sentence_is_about(nlp):
    got = rels(nlp, "海外业务方面,彩讯科技股份有限公司为客户管理电邮系统;与中兴通讯股份有限公司合作,取得电信的项目。")
    assert of_type(got, "PARTNERS_WITH") == {("彩讯科技股份有限公司", "中兴通讯股份有限公司")}


def test_a_post_in_brackets_after_a_copula(nlp):
    got = rels(nlp, "查毅超的兄长查逸超(同样是福田集团控股有限公司董事总经理),是科技园公司成员。")
    assert ("查逸超", "福田集团控股有限公司") in of_type(got, "HOLDS_POST")


def test_lists_of_people_and_of_firms_step_over_a_name_the_entity_stage_missed(nlp):
    titles = titles_of(nlp)
    # `董事包括A、<missed>及B`: both found names hold the post
    got = given("宏信电子有限公司于2015年成立,董事包括邝家伦、司徒某及韦子谦。", titles,
                ("宏信电子有限公司", "COMPANY"), ("邝家伦", "PERSON"), ("韦子谦", "PERSON"))
    assert got == {("邝家伦", "HOLDS_POST", "宏信电子有限公司"), ("韦子谦", "HOLDS_POST", "宏信电子有限公司")}
    # `副总裁A、<missed>及B`: B takes A's organization through the chain
    got = given("宏信电子有限公司的高管包括副总裁邝家伦、司徒某及韦子谦。", titles,
                ("宏信电子有限公司", "COMPANY"), ("邝家伦", "PERSON"), ("韦子谦", "PERSON"))
    assert ("韦子谦", "HOLDS_POST", "宏信电子有限公司") in got
    # `A同时是B、<missed>、C、<missed>等多间公司董事`: the found firms share the title
    got = given("邝家伦同时是宏信电子有限公司、远航物流、泰和生物科技有限公司、利丰投资等20多间公司董事。", titles,
                ("邝家伦", "PERSON"), ("宏信电子有限公司", "COMPANY"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("邝家伦", "HOLDS_POST", "宏信电子有限公司"), ("邝家伦", "HOLDS_POST", "泰和生物科技有限公司")}
    # near miss: a missed item with no `等` before the title is no list
    got = given("邝家伦同时是宏信电子有限公司、远航物流的客户。", titles, ("邝家伦", "PERSON"), ("宏信电子有限公司", "COMPANY"))
    assert not got


def test_holds_post_then_title_and_serves_at(nlp):
    titles = titles_of(nlp)
    got = given("时任江西省委副书记的邝家伦,多次到园区调研。", titles, ("江西省委", "ORG"), ("邝家伦", "PERSON"))
    assert got == {("邝家伦", "HOLDS_POST", "江西省委")}
    # near miss: a title's relative is not its holder
    got = given("宏信电子有限公司董事长的儿子邝家伦也在场。", titles, ("宏信电子有限公司", "COMPANY"), ("邝家伦", "PERSON"))
    assert not got
    got = given("报道指,韦子谦目前在泰和生物科技有限公司担任董事长。", titles,
                ("韦子谦", "PERSON"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("韦子谦", "HOLDS_POST", "泰和生物科技有限公司")}
    (r,) = [r for r in found_given(titles, "报道指,韦子谦目前在泰和生物科技有限公司担任董事长。",
                                   ("韦子谦", "PERSON"), ("泰和生物科技有限公司", "COMPANY"))]
    assert r.attrs == {"title": "董事长"} and r.rule == "post:serves-at"
    # near miss: a person who only speaks at an organization holds no post in it
    got = given("韦子谦在泰和生物科技有限公司发布会上表示,新品将上市。", titles,
                ("韦子谦", "PERSON"), ("泰和生物科技有限公司", "COMPANY"))
    assert not got


def found_given(lexicon_titles, text: str, *spans: tuple[str, str], regions=frozenset()):
    from kg.extract.entities import Mention

    ms = [Mention(text.find(s), text.find(s) + len(s), t, s, "test") for s, t in spans]
    return find_relations(text, ms, lexicon_titles, regions)


def test_located_in_a_park_given_with_its_province_and_city(nlp):
    lex = nlp.get_pipe("kg_entity_rules").lexicons

    def given(text, _titles, *spans):
        return {(r.head.text, r.type, r.tail.text) for r in found_given(lex.titles, text, *spans, regions=lex.cities)}

    titles = lex.titles
    got = given("位于江西省南昌经济技术开发区的泰和生物科技有限公司,去年营收增长三成。", titles,
                ("南昌经济技术开发区", "PARK"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("泰和生物科技有限公司", "LOCATED_IN", "南昌经济技术开发区")}
    got = given("泰和生物科技有限公司于2012年在江西省南昌市南昌经济技术开发区注册成立。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("南昌经济技术开发区", "PARK"))
    assert got == {("泰和生物科技有限公司", "LOCATED_IN", "南昌经济技术开发区")}
    # near miss: a word that is no place between `在` and the park
    got = given("泰和生物科技有限公司在参观南昌经济技术开发区建设成果时表示满意。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("南昌经济技术开发区", "PARK"))
    assert not got


def test_holds_post_chain_over_an_office_named_without_its_city(nlp):
    titles = titles_of(nlp)
    got = given("会议由南昌市委书记、市人大常委会主任邝家伦主持。", titles, ("南昌市委", "ORG"), ("邝家伦", "PERSON"))
    assert got == {("邝家伦", "HOLDS_POST", "南昌市委")}
    # near miss: an organization that is named (an entity) between ends the chain at its own title
    got = given("南昌市委书记、泰和生物科技有限公司董事长邝家伦出席。", titles,
                ("南昌市委", "ORG"), ("泰和生物科技有限公司", "COMPANY"), ("邝家伦", "PERSON"))
    assert ("邝家伦", "HOLDS_POST", "泰和生物科技有限公司") in got


def test_holds_post_a_city_head_is_not_passed_on_to_the_body_named_before(nlp):
    titles = titles_of(nlp)
    got = given("赣江新区建设指挥部总指挥邝家伦,副市长韦子谦等参加考察。", titles,
                ("赣江新区建设指挥部", "ORG"), ("邝家伦", "PERSON"), ("韦子谦", "PERSON"))
    assert got == {("邝家伦", "HOLDS_POST", "赣江新区建设指挥部")}


def test_partners_with_its_opening_and_a_modified_partner(nlp):
    titles = titles_of(nlp)
    text = "去年5月,泰和生物科技有限公司在海外市场迈出第一步,其和瑞典的药企诺林制药公司签署合作协议。"
    got = given(text, titles, ("泰和生物科技有限公司", "COMPANY"), ("诺林制药公司", "COMPANY"))
    assert got == {("泰和生物科技有限公司", "PARTNERS_WITH", "诺林制药公司")}
    # near miss: `其` with no partner verb after the partner
    text = "去年5月,泰和生物科技有限公司在海外市场迈出第一步,其和瑞典的药企诺林制药公司都在争夺客户。"
    assert not given(text, titles, ("泰和生物科技有限公司", "COMPANY"), ("诺林制药公司", "COMPANY"))


def test_subsidiary_implicit_over_the_opening_quote_of_the_unit(nlp):
    titles = titles_of(nlp)
    text = "诺林矿业公司已经为澳洲项目注册了全资子公司“西澳铁矿公司”,该公司拥有铁矿权益。"
    got = given(text, titles, ("诺林矿业公司", "COMPANY"), ("西澳铁矿公司", "COMPANY"))
    assert got == {("西澳铁矿公司", "SUBSIDIARY_OF", "诺林矿业公司")}
    # near miss: a quoted name after a noun that is no unit
    text = "诺林矿业公司已经为澳洲项目找到了合作伙伴“西澳铁矿公司”。"
    assert not given(text, titles, ("诺林矿业公司", "COMPANY"), ("西澳铁矿公司", "COMPANY"))


def test_partners_named_by_the_partner_noun(nlp):
    titles = titles_of(nlp)
    got = given("泰和生物科技有限公司此次的合作伙伴“诺林制药公司”,是一家上市药企。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("诺林制药公司", "COMPANY"))
    assert got == {("泰和生物科技有限公司", "PARTNERS_WITH", "诺林制药公司")}
    got = given("诺林制药公司已经成为泰和生物科技有限公司的战略合作伙伴。", titles,
                ("诺林制药公司", "COMPANY"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("泰和生物科技有限公司", "PARTNERS_WITH", "诺林制药公司")}
    # near misses: a competitor is no partner; a partner of a partner is not named by the noun
    assert not given("诺林制药公司是泰和生物科技有限公司的竞争对手。", titles,
                     ("诺林制药公司", "COMPANY"), ("泰和生物科技有限公司", "COMPANY"))
    got = given("去年,其和澳大利亚诺林矿业公司签署框架协议。", titles, ("诺林矿业公司", "COMPANY"))
    assert not got  # `其` with nothing before it to refer to


def test_holds_post_re_elected_and_a_titled_subject_before_de(nlp):
    titles = titles_of(nlp)
    got = given("会上,邝家伦会长连任江西省光电行业协会会长。", titles, ("邝家伦", "PERSON"), ("江西省光电行业协会", "ORG"))
    assert got == {("邝家伦", "HOLDS_POST", "江西省光电行业协会")}
    got = given("时任江西省委副书记的邝家伦,担任赣江新区建设领导小组组长。", titles,
                ("江西省委", "ORG"), ("邝家伦", "PERSON"), ("赣江新区建设领导小组", "ORG"))
    assert got == {("邝家伦", "HOLDS_POST", "江西省委"), ("邝家伦", "HOLDS_POST", "赣江新区建设领导小组")}


def test_holds_post_appointed_as_a_title_in_the_company_named_before(nlp):
    titles = titles_of(nlp)
    got = given("泰和生物科技有限公司于去年成立,今年3月才委任邝家伦为董事。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("邝家伦", "PERSON"))
    assert got == {("邝家伦", "HOLDS_POST", "泰和生物科技有限公司")}
    # near miss: a government title is a post of another body than the firm named before
    got = given("泰和生物科技有限公司落户当地后,市政府任命邝家伦为副局长。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("邝家伦", "PERSON"))
    assert not got


def test_operates_an_organization_that_manages_parks(nlp):
    titles = titles_of(nlp)
    got = given("除此以外,赣江投资公司同样管理瑶湖、昌东、桑海工业园等园区。", titles,
                ("赣江投资公司", "COMPANY"), ("桑海工业园", "PARK"))
    assert got == {("赣江投资公司", "OPERATES", "桑海工业园")}
    got = given("负责运营瑶湖科技园的赣江投资公司是一家国企。", titles, ("瑶湖科技园", "PARK"), ("赣江投资公司", "COMPANY"))
    assert got == {("赣江投资公司", "OPERATES", "瑶湖科技园")}
    # near misses: the management of a company is no park it runs; a park that a firm only visits
    assert not given("赣江投资公司管理层参观了瑶湖科技园。", titles, ("赣江投资公司", "COMPANY"), ("瑶湖科技园", "PARK"))
    assert not given("参观瑶湖科技园的赣江投资公司代表团。", titles, ("瑶湖科技园", "PARK"), ("赣江投资公司", "COMPANY"))


def test_subsidiary_a_parent_that_wholly_owns_the_unit(nlp):
    titles = titles_of(nlp)
    got = given("须知道,南昌市政府全资拥有 [赣江投资有限公司](https://example.org) 。", titles,
                ("南昌市政府", "ORG"), ("赣江投资有限公司", "COMPANY"))
    assert got == {("赣江投资有限公司", "SUBSIDIARY_OF", "南昌市政府")}
    # near miss: owning a stake is an investment, not a unit
    got = given("南昌市政府拥有赣江投资有限公司两成股份。", titles, ("南昌市政府", "ORG"), ("赣江投资有限公司", "COMPANY"))
    assert ("赣江投资有限公司", "SUBSIDIARY_OF", "南昌市政府") not in got


def test_holds_post_a_person_acting_on_behalf_of_an_organization(nlp):
    titles = titles_of(nlp)
    got = given("邝家伦代表南昌市政府,向获奖企业表示祝贺。", titles, ("邝家伦", "PERSON"), ("南昌市政府", "ORG"))
    assert got == {("邝家伦", "HOLDS_POST", "南昌市政府")}
    (r,) = found_given(titles, "邝家伦主席代表江西省光电行业协会致辞。", ("邝家伦", "PERSON"), ("江西省光电行业协会", "ORG"))
    assert r.attrs == {"title": "主席"} and r.rule == "post:on-behalf"
    # near miss: a delegation the person leads is no organization named after `代表`
    assert not given("邝家伦代表团参观了泰和生物科技有限公司。", titles,
                     ("邝家伦", "PERSON"), ("泰和生物科技有限公司", "COMPANY"))


def test_partners_that_run_a_carrier_jointly(nlp):
    got = given("创业中心现由赣江投资有限公司与江西设计中心联营。", titles_of(nlp),
                ("赣江投资有限公司", "COMPANY"), ("江西设计中心", "ORG"))
    assert got == {("赣江投资有限公司", "PARTNERS_WITH", "江西设计中心")}


def test_holds_post_respectively_pairs_people_and_posts_in_order(nlp):
    titles = titles_of(nlp)
    text = "董事长邝家伦和董事韦子谦,分别是前任江西省科技厅厅长,以及现任南昌市工信局副局长。"
    got = given(text, titles, ("邝家伦", "PERSON"), ("韦子谦", "PERSON"), ("江西省科技厅", "ORG"), ("南昌市工信局", "ORG"))
    assert got == {("邝家伦", "HOLDS_POST", "江西省科技厅"), ("韦子谦", "HOLDS_POST", "南昌市工信局")}
    # near miss: one post for two people does not say whose it is
    text = "邝家伦和韦子谦,分别是前任江西省科技厅厅长。"
    assert not given(text, titles, ("邝家伦", "PERSON"), ("韦子谦", "PERSON"), ("江西省科技厅", "ORG"))


def test_holds_post_a_person_after_an_age_and_a_he_that_refers_to_them(nlp):
    titles = titles_of(nlp)
    text = "52岁的邝家伦持有该公司两成股份,他毕业于南昌大学,曾任泰和生物科技有限公司总经理。"
    got = given(text, titles, ("邝家伦", "PERSON"), ("南昌大学", "ORG"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("邝家伦", "HOLDS_POST", "泰和生物科技有限公司")}
    # near miss: `他` is the person named last, not the sentence's first
    text = "邝家伦会见了韦子谦,他曾任泰和生物科技有限公司总经理。"
    got = given(text, titles, ("邝家伦", "PERSON"), ("韦子谦", "PERSON"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("韦子谦", "HOLDS_POST", "泰和生物科技有限公司")}


def test_located_in_a_body_that_opens_in_the_park_the_text_is_about(nlp):
    titles = titles_of(nlp)
    text = "赣江新区近年发展迅速,集聚了一批创新企业。江西光电技术创新中心挂牌运营,高质量发展动能强劲。"
    got = given(text, titles, ("赣江新区", "PARK"), ("江西光电技术创新中心", "ORG"))
    assert got == {("江西光电技术创新中心", "LOCATED_IN", "赣江新区")}
    # near miss: a body that opens somewhere the sentence names is not placed in the park of the text
    text = "赣江新区近年发展迅速,集聚了一批创新企业。江西光电技术创新中心在九江挂牌运营。"
    assert not given(text, titles, ("赣江新区", "PARK"), ("江西光电技术创新中心", "ORG"))


def test_holds_post_a_former_title_a_board_unit_and_the_subject_named_last(nlp):
    titles = titles_of(nlp)
    (r,) = found_given(titles, "据透露,南昌港务局前主席邝家伦出任该公司董事。", ("南昌港务局", "ORG"), ("邝家伦", "PERSON"))
    assert (r.tail.text, r.attrs) == ("南昌港务局", {"title": "前主席"})
    text = "邝家伦今年当选,韦子谦具有律师资历,2012年曾任泰和生物科技有限公司董事,现为南昌大学校董会副主席。"
    got = given(text, titles, ("邝家伦", "PERSON"), ("韦子谦", "PERSON"), ("泰和生物科技有限公司", "COMPANY"),
                ("南昌大学", "ORG"))
    # the posts are those of the subject named last, not of the sentence's first name
    assert got == {("韦子谦", "HOLDS_POST", "泰和生物科技有限公司"), ("韦子谦", "HOLDS_POST", "南昌大学")}


def test_located_in_a_park_over_a_relative_clause(nlp):
    titles = titles_of(nlp)
    got = given("去年她到访瑶湖科技园内由南昌大学设立的光电研究中心。", titles,
                ("瑶湖科技园", "PARK"), ("南昌大学", "ORG"), ("光电研究中心", "ORG"))
    assert ("光电研究中心", "LOCATED_IN", "瑶湖科技园") in got
    assert ("南昌大学", "LOCATED_IN", "瑶湖科技园") not in got
    # near miss: a relative clause that is not inside the park
    got = given("去年她到访瑶湖科技园,参观由南昌大学设立的光电研究中心。", titles,
                ("瑶湖科技园", "PARK"), ("南昌大学", "ORG"), ("光电研究中心", "ORG"))
    assert ("光电研究中心", "LOCATED_IN", "瑶湖科技园") not in got


def test_holds_post_over_a_count_between_the_organization_and_the_title(nlp):
    titles = titles_of(nlp)
    got = given("泰和生物科技有限公司另一名执行董事韦子谦则是现任协会董事。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("韦子谦", "PERSON"))
    assert got == {("韦子谦", "HOLDS_POST", "泰和生物科技有限公司")}
    # near miss: a count after `和` is not the organization's
    got = given("他约见了泰和生物科技有限公司和另一名董事韦子谦。", titles,
                ("泰和生物科技有限公司", "COMPANY"), ("韦子谦", "PERSON"))
    assert not got


def test_names_listed_after_a_board_are_its_members(nlp):
    titles = titles_of(nlp)
    # `加入<org>董事局,包括:A、B及C`: the members of the board of the body right before it
    text = "市政府宣布,局长周明委任3名新成员加入宏信电子有限公司董事局,包括:邝家伦、韦子谦及司徒明。"
    got = given(text, titles, ("市政府", "ORG"), ("宏信电子有限公司", "COMPANY"), ("周明", "PERSON"),
                ("邝家伦", "PERSON"), ("韦子谦", "PERSON"), ("司徒明", "PERSON"))
    assert {(h, t) for h, r, t in got if r == "HOLDS_POST" and h != "周明"} == {
        ("邝家伦", "宏信电子有限公司"), ("韦子谦", "宏信电子有限公司"), ("司徒明", "宏信电子有限公司")}
    # near miss: a board not right after a body gives no post
    assert not given("委任3名新成员加入董事局,包括:邝家伦、韦子谦。", titles, ("邝家伦", "PERSON"), ("韦子谦", "PERSON"))


def test_vice_minister_title_and_a_council_seat_after_it(nlp):
    got = rels(nlp, "会上,教育部次长林明华说明了计划。")
    assert of_type(got, "HOLDS_POST") == {("林明华", "教育部")}
    # near miss: `A部次长B、政务委员C`: a seat on a council is no post in the ministry named before
    titles = titles_of(nlp)
    got = given("出席者为教育部次长林明华、政务委员吴志成。", titles, ("教育部", "ORG"), ("林明华", "PERSON"),
                ("吴志成", "PERSON"))
    assert got == {("林明华", "HOLDS_POST", "教育部")}


def test_a_post_in_brackets_after_the_persons_own_title(nlp):
    titles = titles_of(nlp)
    got = given("他向王建华关长(青岛海关关长)了解通关情况。", titles, ("王建华", "PERSON"), ("青岛海关", "ORG"))
    assert got == {("王建华", "HOLDS_POST", "青岛海关")}


def test_a_central_committee_is_a_unit_between_a_body_and_a_title(nlp):
    titles = titles_of(nlp)
    got = given("全国政协委员、民盟中央常委李明发言。", titles, ("全国政协", "ORG"), ("民盟", "ORG"), ("李明", "PERSON"))
    assert got == {("李明", "HOLDS_POST", "全国政协"), ("李明", "HOLDS_POST", "民盟")}


def test_people_named_after_a_title_and_a_copula_hold_it(nlp):
    got = rels(nlp, "泰和生物科技有限公司的创始人是新加坡籍华人王志明和他的妻子李美玲。")
    assert of_type(got, "HOLDS_POST") == {("王志明", "泰和生物科技有限公司"), ("李美玲", "泰和生物科技有限公司")}
    # near miss: a title that is not the organization's (`的客户是`) gives no post
    titles = titles_of(nlp)
    assert not given("泰和生物科技有限公司的客户是王志明。", titles, ("泰和生物科技有限公司", "COMPANY"), ("王志明", "PERSON"))


def test_founders_of_the_organization_the_sentence_opens_with(nlp):
    got = rels(nlp, "星河大学由谷歌工程总监张伟明及企业家李志强于2008年创办,总部设于硅谷。")
    assert {("张伟明", "星河大学"), ("李志强", "星河大学")} <= of_type(got, "HOLDS_POST")
    # near miss: a person who only chairs the meeting of the organization founded nothing
    assert not [r for r in found(nlp, "星河大学年会由谷歌工程总监张伟明主持。") if r.rule == "post:founded-by"]


def test_a_year_range_opens_a_clause_before_a_past_post(nlp):
    titles = titles_of(nlp)
    got = given("王志明具有律师资历,2008至2014年曾任泰和生物科技有限公司董事。", titles, ("王志明", "PERSON"),
                ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("王志明", "HOLDS_POST", "泰和生物科技有限公司")}


def test_a_park_merged_into_or_forming_a_larger_one(nlp):
    titles = titles_of(nlp)
    text = "规划将东湖软件园与周边一带整合为光谷软件新城,并会联同花山生态新城组成约40平方公里的「光谷东部科创走廊」。"
    got = given(text, titles, ("东湖软件园", "PARK"), ("光谷软件新城", "PARK"), ("花山生态新城", "PARK"),
                ("光谷东部科创走廊", "PARK"))
    assert got == {("东湖软件园", "PART_OF", "光谷软件新城"), ("花山生态新城", "PART_OF", "光谷东部科创走廊"),
                   ("光谷软件新城", "PART_OF", "光谷东部科创走廊")}
    # near miss: a park that only meets another is not merged into it
    assert not given("东湖软件园与光谷软件新城举行座谈。", titles, ("东湖软件园", "PARK"), ("光谷软件新城", "PARK"))


def test_parties_that_build_an_alliance_are_partners(nlp):
    titles = titles_of(nlp)
    got = given("恒远集团将和泰和生物科技有限公司建立战略联盟。", titles, ("恒远集团", "COMPANY"), ("泰和生物科技有限公司", "COMPANY"))
    assert got == {("恒远集团", "PARTNERS_WITH", "泰和生物科技有限公司")}


def test_holds_post_hong_kong_titles_in_a_list_after_one_company(nlp):
    # HK titles (营运总裁, 行政总监, 党魁) are posts: every titled name of the list holds one at the company
    got = rels(nlp, "明遠傳媒集團創辦人王大文、營運總裁李小東及行政總監陳一明被控欺詐罪。公民黨黨魁楊三橋認為預算案無新意。")
    assert {("李小东", "明远传媒集团"), ("陈一明", "明远传媒集团"), ("杨三桥", "公民党")} <= of_type(got, "HOLDS_POST")


def test_holds_post_a_person_who_founded_the_body_after_de(nlp):
    got = rels(nlp, "律師會前會長陳大強成立的全球華語工商聯盟、教授李小然成立的明德基金會都有一票。政府成立的數碼港管理公司負責管理。")
    assert {("陈大强", "全球华语工商联盟"), ("李小然", "明德基金会")} <= of_type(got, "HOLDS_POST")
    assert not {h for h, t in of_type(got, "HOLDS_POST") if t.startswith("数码港")}


def test_holds_post_two_titles_joined_by_ji_before_a_name(nlp):
    got = rels(nlp, "王大文與明遠傳媒集團總裁及財務總裁李小東、行政總監陳一明,在本案被控一項欺詐罪。")
    assert {("李小东", "明远传媒集团"), ("陈一明", "明远传媒集团")} <= of_type(got, "HOLDS_POST")


def test_an_organization_with_a_title_after_it_is_no_focus_actor_later():
    """`X委员会常委张三…。他表示,要聚焦…`: the body of a post, carried as the topic, acts in no focus clause."""
    from kg.extract.entities import Mention
    from kg.extract.relations import focus
    from kg.extract.relations.reader import Reader

    text = "星湖委员会常委张立明到园区考察。他表示,要聚焦文化旅游业。"

    def at(s: str, t: str) -> Mention:
        i = text.index(s)
        return Mention(i, i + len(s), t, s, "t")

    org = at("星湖委员会", "ORG")
    r = Reader(text, [org, at("张立明", "PERSON"), at("文化旅游业", "INDUSTRY")], {"常委": "party"}, set())
    sents = []
    for s in r.sentences():
        sents.append(s)
        r.carry(s)
    assert not focus.acts(r, sents[1], org)


def test_weiyu_over_a_position_word_places_in_the_park_after_it(nlp):
    # `位于X新城北侧Y工业园`: the new town only says where the park lies (names invented)
    got = rels(nlp, "青禾物流园位于晋阳县梅岭新城北侧北环工业园。")
    assert ("青禾物流园", "PART_OF", "北环工业园") in got
    assert not any(t.endswith("新城") for _, rel, t in got if rel == "PART_OF")


def test_a_bare_part_area_of_a_named_new_zone_is_part_of_it(nlp):
    got = rels(nlp, "代表团来到两江新区考察。要集中力量推进启动区、起步区等建设。")
    assert {("启动区", "两江新区"), ("起步区", "两江新区")} <= of_type(got, "PART_OF")
    # near miss: no new zone named before, no part
    assert not of_type(rels(nlp, "要集中力量推进启动区、起步区等建设。"), "PART_OF")


def test_a_firm_site_seen_in_a_walk_frame_is_in_the_park(nlp):
    got = rels(nlp, "走进梅溪新区，眼前这座大楼是青禾星网科技有限公司的总部。")
    assert ("青禾星网科技有限公司", "LOCATED_IN", "梅溪新区") in got
    # near miss: a firm named as a partner of the site's owner is not placed
    got = rels(nlp, "走进梅溪新区，眼前这座大楼与青禾星网科技有限公司合作建设。")
    assert ("青禾星网科技有限公司", "LOCATED_IN", "梅溪新区") not in got


def test_holds_post_copula_with_a_word_of_its_time(nlp):
    titles = titles_of(nlp)
    text = "罗正亮,现为泰和国际行政总裁,曾任星海大学校董;另一名执董韦子谦,更是现任华通纺织协会董事。"
    got = given(text, titles, ("罗正亮", "PERSON"), ("泰和国际", "COMPANY"), ("华通纺织协会", "ORG"), ("韦子谦", "PERSON"))
    assert ("韦子谦", "HOLDS_POST", "华通纺织协会") in got
    # near miss: a member is no post
    text = "罗正亮,现为泰和国际行政总裁,曾任星海大学校董;另一名执董韦子谦,更是现任华通纺织协会会员。"
    got = given(text, titles, ("罗正亮", "PERSON"), ("泰和国际", "COMPANY"), ("华通纺织协会", "ORG"), ("韦子谦", "PERSON"))
    assert ("韦子谦", "HOLDS_POST", "华通纺织协会") not in got


def test_holds_post_in_the_body_of_the_post_named_before_a_count_or_a_side(nlp):
    titles = titles_of(nlp)
    text = "星海科技有限公司董事长李明,曾任华通协会会长;另一名董事王强则负责销售。"
    got = given(text, titles, ("星海科技有限公司", "COMPANY"), ("李明", "PERSON"), ("华通协会", "ORG"), ("王强", "PERSON"))
    assert ("王强", "HOLDS_POST", "星海科技有限公司") in got and ("王强", "HOLDS_POST", "华通协会") not in got
    text = "据称,该公司韩籍总经理朴志勋失踪,而中方财务部长林小英则带走公章。"
    got = given("泰和电子有限公司管理人员称," + text, titles, ("泰和电子有限公司", "COMPANY"), ("朴志勋", "PERSON"),
                ("林小英", "PERSON"))
    assert ("林小英", "HOLDS_POST", "泰和电子有限公司") in got
    # near miss: a side word with no post named before it in the sentence
    got = given("泰和电子有限公司停产。而中方财务部长林小英则带走公章。", titles, ("泰和电子有限公司", "COMPANY"),
                ("林小英", "PERSON"))
    assert not got


def test_holds_post_named_before_the_person_who_holds_it(nlp):
    titles = titles_of(nlp)
    got = given("华通协会港澳事务顾问由前局长韦子谦出任。", titles, ("华通协会", "ORG"), ("韦子谦", "PERSON"))
    assert got == {("韦子谦", "HOLDS_POST", "华通协会")}
    # near miss: the post is named after the verb, and another body stands between
    got = given("华通协会与星海大学合作的项目由韦子谦担任负责人。", titles, ("华通协会", "ORG"), ("星海大学", "ORG"),
                ("韦子谦", "PERSON"))
    assert not {(h, t) for h, r, t in got if r == "HOLDS_POST"}


def test_operates_the_parks_under_an_organization(nlp):
    titles = titles_of(nlp)
    got = given("由政府全资拥有的滨海科技园公司,在辖下的滨海工业邨鼓励数据中心落户。", titles,
                ("滨海科技园公司", "ORG"), ("滨海工业邨", "PARK"))
    assert got == {("滨海科技园公司", "OPERATES", "滨海工业邨")}
    got = given("星海区管委会下辖的星海软件园、星海生物园发展迅速。", titles,
                ("星海区管委会", "ORG"), ("星海软件园", "PARK"), ("星海生物园", "PARK"))
    assert of_type(got, "OPERATES") == {("星海区管委会", "星海软件园"), ("星海区管委会", "星海生物园")}
    # near miss: the park is not what the word puts under the body
    got = given("滨海科技园公司旗下企业众多,滨海工业邨发展迅速。", titles, ("滨海科技园公司", "ORG"), ("滨海工业邨", "PARK"))
    assert not got


def test_operates_a_park_managed_in_a_clause_that_opens_with_the_verb(nlp):
    titles = titles_of(nlp)
    got = given("滨海科技园公司是政府成立的法定机构,管理自行兴建的滨海科学园。", titles,
                ("滨海科技园公司", "ORG"), ("滨海科学园", "PARK"))
    assert got == {("滨海科技园公司", "OPERATES", "滨海科学园")}
    # near miss: `管理B的C` is a relative clause about C
    got = given("这是因为滨海科技园公司是法定机构,管理滨海科学园的星海管理有限公司则不然。", titles,
                ("滨海科技园公司", "ORG"), ("滨海科学园", "PARK"), ("星海管理有限公司", "COMPANY"))
    assert ("滨海科技园公司", "OPERATES", "滨海科学园") not in got


def test_a_share_gained_as_a_fraction_or_of_the_company_the_sentence_names(nlp):
    titles = titles_of(nlp)
    got = given("星海矿业公司宣布,同意华岳钢铁公司获得公司三分之一股权。", titles,
                ("星海矿业公司", "COMPANY"), ("华岳钢铁公司", "COMPANY"))
    assert got == {("华岳钢铁公司", "INVESTS_IN", "星海矿业公司")}
    got = given("华岳控股集团有限公司获得星辰智能科技有限公司6成股权。", titles,
                ("华岳控股集团有限公司", "COMPANY"), ("星辰智能科技有限公司", "COMPANY"))
    assert got == {("星辰智能科技有限公司", "SUBSIDIARY_OF", "华岳控股集团有限公司")}
    # near miss: a gain that is no share
    got = given("星海矿业公司宣布,同意华岳钢铁公司获得公司三分之一订单。", titles,
                ("星海矿业公司", "COMPANY"), ("华岳钢铁公司", "COMPANY"))
    assert not got


def test_no_focus_for_an_organization_acting_on_the_firms_or_consumers_of_fields(nlp):
    """A regulator's or ministry's action on the firms, workers or consumers of some fields (a protection list,
    credit support, a consumption fair) develops none of them; one that pushes the fields' development does."""
    for text in ("国家市场监督管理总局将聚焦集成电路、人工智能等领域,建立重点企业商业秘密保护清单。",
                 "工业和信息化部、商务部将聚焦家电、家居等行业领域,举办促消费专场巡展。",
                 "国家金融监督管理总局将加大对先进制造业、新能源等主导产业的信贷支持力度。",
                 "全国总工会将聚焦交通、物流、电力等行业,关爱货车司机等从业人员。"):
        assert not of_type(rels(nlp, text), "FOCUSES_ON"), text
    got = rels(nlp, "工业和信息化部将聚焦生物制造、智能家居等前沿领域,推动轻工业高质量发展。")
    assert of_type(got, "FOCUSES_ON") == {("工业和信息化部", "生物制造"), ("工业和信息化部", "智能家居"),
                                          ("工业和信息化部", "轻工业")}


def test_no_focus_for_the_host_of_a_press_conference(nlp):
    got = rels(nlp, "国务院新闻办公室今天(5月8日)上午举行新闻发布会,相关负责人介绍,自南州市获批建设服务业扩大开放综合示范区"
                    "两年多来,聚焦科技、电信、文化等现代服务业,已实施80多项试点举措。")
    assert not of_type(got, "FOCUSES_ON")


def test_organization_pushing_an_industry_s_development_focuses_on_it(nlp):
    assert ("农业农村部", "FOCUSES_ON", "大豆产业") in rels(nlp, "农业农村部将推动大豆产业高质量发展。")
    assert not rels(nlp, "国家能源局发布促进光伏产业健康发展的通知。")


def test_focus_not_from_a_park_that_a_focus_verb_governs(nlp):
    """`X重点聚焦<park>建设,…优势产业升级`: the park is the object of the focus, not its holder."""
    got = of_type(rels(nlp, "市发改委重点聚焦滨海经济技术开发区建设,石化、钢铁等优势产业升级。"), "FOCUSES_ON")
    assert not {h for h, _ in got} & {"滨海经济技术开发区"}


def test_no_focus_from_the_fields_of_a_park_s_new_firms(nlp):
    """`新增注册A、B等领域企业`: the tenants' fields (guidelines), unless a strong cue governs the list."""
    got = rels(nlp, "今年以来,南湖科创园聚力打造创新生态,新增注册人工智能、生物医药、新能源新材料等领域企业1200余家。")
    assert not of_type(got, "FOCUSES_ON")
    got = rels(nlp, "南湖科创园聚焦引进人工智能、生物医药等领域企业。")
    assert of_type(got, "FOCUSES_ON") == {("南湖科创园", "人工智能"), ("南湖科创园", "生物医药")}


def test_frame_with_regions_before_the_park(nlp):
    """`在<province><park>,…`: the regions only locate the park, which still frames the clauses after it."""
    got = rels(nlp, "在辽宁沈阳中德产业园,高端装备制造、新能源等新兴产业集群正加速形成;在内蒙古,当地加速布局氢能产业。")
    assert of_type(got, "FOCUSES_ON") == {("沈阳中德产业园", "高端装备制造"), ("沈阳中德产业园", "新能源")}


def test_clusters_forming_under_a_park_frame_are_its_focus(nlp):
    got = rels(nlp, "在南湖高新区,智能装备、新材料等产业集群正加速形成。")
    assert of_type(got, "FOCUSES_ON") == {("南湖高新区", "智能装备"), ("南湖高新区", "新材料")}
