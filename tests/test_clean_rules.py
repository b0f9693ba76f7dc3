"""Cleaner rules on hand-written pages: each rule on text no seed contains."""

from __future__ import annotations

from kg.text.clean import clean, garbage_runs
from kg.text.ingest import Document

PARA = "合肥高新区管委会主任张三表示,园区将聚焦集成电路和人工智能产业,加快建设量子科技产业园。"
PARA2 = "苏州工业园区今年新引进生物医药企业120家,其中信达生物制药(苏州)有限公司扩建项目已开工。"


def _clean(raw: str):
    return clean(Document("t", raw, "t.txt"))


def test_related_news_list_without_marker_is_cut():
    raw = "\n".join([
        PARA, PARA2,
        "杭州举办数字经济大会",
        "日前,杭州市举办数字经济大会,来自各地的企业代表参加...[详细]",
        "杭州网 2024-05-01",
        "成都发布科创新政",
        "成都市近日发布支持科技创新的若干政策措施,涉及人才、资金...[详细]",
        "成都日报 2024-05-01",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA + "\n" + PARA2


def test_listed_headlines_with_dates_or_comment_counts_are_cut():
    # a portal's list of its other stories: dash, headline, then a date or a comment count
    raw = "\n".join([
        PARA, PARA2,
        "- 某某控股集团投资组建文化智库 2012/02/17",
        "- 某某集团向灾区提供价值2000万元援助 2013/04/20",
        "- 券商赴监管部门开会 消息称达成四项决议 评论9488条",
    ])
    assert _clean(raw).body_text() == PARA + "\n" + PARA2


def test_dash_item_inside_the_article_is_kept():
    item = "- 2025年园区新增企业120家,产值增长15%。"
    assert _clean(PARA + "\n" + item + "\n" + PARA2).body_text() == PARA + "\n" + item + "\n" + PARA2


def test_reader_comment_section_ends_the_article():
    raw = "\n".join([
        PARA, PARA2,
        "网友评论仅供其表达个人看法，并不表明网易立场。",
        "这家公司早该整顿了，某某集团也不是没关系。",
        "目前没有跟贴，欢迎你发表观点",
    ])
    assert _clean(raw).body_text() == PARA + "\n" + PARA2


def test_one_related_link_between_paragraphs_does_not_end_the_article():
    raw = "\n\n".join([
        PARA,
        "相關新聞： [特首辦：某人任兩間公司董事](https://example.org/article/6863/特首辦：某人任兩間公司董事　通知政府)",
        PARA2,
        "相关新闻",
        "杭州举办数字经济大会",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA + "\n" + PARA2  # the link line goes, the article goes on, the list heading ends it
    assert [r.reason for r in c.removed][:1] == ["related"]


def test_breadcrumb_nav_and_date_source_header():
    raw = "\n".join([
        "当前位置:首页 > 新闻中心 > 本地要闻",
        "首页 | 分享 | 打印",
        "发布时间:2023年7月5日 10:30",
        "稿源:合肥日报",
        PARA,
        "责任编辑:李四",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA
    assert (c.meta.date, c.meta.source) == ("2023-07-05T10:30:00", "合肥日报")


def test_traditional_metadata_lines_keep_their_script():
    raw = "來源:經濟日報\n原標題:臺積電擴建園區\n2022/03/09\n" + "新竹科學園區管理局局長王五表示,園區將擴建。"
    c = _clean(raw)
    assert (c.meta.title, c.meta.source, c.meta.date) == ("臺積電擴建園區", "經濟日報", "2022-03-09")
    assert c.body_text() == "新竹科學園區管理局局長王五表示,園區將擴建。"


def test_lead_and_closing_bylines_and_photo_credit():
    raw = "\n".join([
        "本报讯(记者 王小明 通讯员 赵六)" + PARA,
        "合肥高新区量子科技产业园一角。记者 孙七 摄",
        PARA2 + "(安徽日报记者 钱八)",
    ])
    c = _clean(raw)
    assert c.body_text() == "\n".join([PARA, "合肥高新区量子科技产业园一角。", PARA2])
    assert {r.reason for r in c.removed} == {"byline", "credit"}


def test_garbage_head_tail_and_middle_lines():
    raw = "\n".join([
        "3 _6 R* R\" l( ^1 T4 j3 O4",
        "6 d* M J: \\, J( H m- w " + PARA,
        PARA2 + "7 a7 W; |- A) l4 a5 j6 }",
        "; F, y: k( Z: e",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA + "\n" + PARA2
    assert all(r.reason == "garbage" for r in c.removed)


def test_real_ascii_runs_are_not_garbage():
    for text in ("发展AI + 5G + VR等新业态", "占比 1 2 3 4", "A B C D 四轮融资", "采用 GPU x 8 服务器",
                 "AI+城市管理、AI+工业互联网", "COSMOPlat获批全国首家"):
        assert garbage_runs(text) == [], text


def test_spam_line_and_injected_spam_clause():
    raw = "\n".join([
        "免费高清在线观看,欧美日韩精品",
        PARA[:-1] + ",欧美日韩无砖专区," + "投资总额达50亿元。",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA[:-1] + ",投资总额达50亿元。"
    assert [r.reason for r in c.removed] == ["spam", "spam"]


def test_footer_lines_and_hotline_block():
    raw = "\n".join([
        PARA, PARA2,
        "想爆料?请拨打新闻热线0551-0000000",
        "某某网 版权所有 All Rights Reserved",
        "皖ICP备00000000号",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA + "\n" + PARA2


def test_body_sentence_with_licence_word_is_kept():
    """`许可证` ends a footer line only in a short line without sentences."""
    line = "西安联创生物医药孵化器获得技术经理人公司执业许可证,其全体工作人员获得技术经理人从业资格证。"
    assert _clean(PARA + "\n" + line).body_text() == PARA + "\n" + line


def test_only_boilerplate_gives_no_body():
    c = _clean("来源:某某网\n2024-01-01\n版权所有 某某网")
    assert c.segments == ()


def test_interview_lines_are_body_not_bylines():
    raw = "\n".join([PARA, "记者：这两天园区在招商上有什么进展吗?", "编辑：调查持续一年，发现了什么?", PARA2])
    assert _clean(raw).body_text() == raw


def test_news_about_gambling_or_streaming_is_not_spam():
    raw = "\n".join(["稳妥处理澳门博彩法律修订和新一轮博彩经营权竞投，加强对博彩业依法管理。",
                     "直播带岗累计超2000万人次在线观看求职。", "自拍杆还可以“隐形”；"])
    assert _clean(raw).body_text() == raw


def test_yaml_front_matter_is_metadata_not_body():
    # a Markdown file's front matter: its tags name bodies the article need not mention
    raw = "\n".join([
        "---", 'title: "合肥高新区加快建设量子产业园"', 'date: "2023-05-09"', 'author: "记者李四"', "tags:",
        '  - "科技部"', '  - "量子科技"', 'url: "https://example.org/article/1/合肥"', "---", "", PARA,
    ])
    c = _clean(raw)
    assert c.body_text() == PARA
    assert (c.meta.title, c.meta.date, c.meta.author) == ("合肥高新区加快建设量子产业园", "2023-05-09", "记者李四")
    assert {r.reason for r in c.removed} == {"metadata"}


def test_a_dash_rule_without_fields_is_not_front_matter():
    raw = "\n".join(["---", PARA, "---", PARA2])
    body = _clean(raw).body_text()
    assert PARA in body and PARA2 in body


def test_markup_inside_lines_is_cut_and_its_text_kept():
    raw = "\n".join([
        PARA,
        "<figure>",
        '<img src="https://example.org/news_新聞/2017/06/科技局-20170609_large.jpg" alt="">',
        "<figcaption>园区展厅内的量子计算机模型。</figcaption>",
        "</figure>",
        "市民可到 [网上](https://example.org/booking/) 预约参观,详情见 http://example.org/a?b=1。",
    ])
    c = _clean(raw)
    assert c.body_text() == PARA + "\n园区展厅内的量子计算机模型。\n市民可到 [网上]预约参观,详情见。"
    assert "markup" in {r.reason for r in c.removed} and "科技局" not in c.body_text()


def test_related_heading_inside_the_link_or_over_links_does_not_end_the_article():
    inline = "[相關新聞：某市成立創新聯盟　多家公司參與](https://example.org/article/1555/某市成立創新聯盟)"
    c = _clean("\n\n".join([PARA, inline, PARA2]))
    assert c.body_text() == PARA + "\n" + PARA2  # the heading sits inside the link's text
    over = "\n".join(["相關新聞：", "[甲公司獲資助](https://example.org/a/1)", "[乙公司上市](https://example.org/a/2)"])
    assert _clean("\n\n".join([PARA, over, PARA2])).body_text() == PARA + "\n" + PARA2


def test_related_heading_over_links_at_the_end_still_ends_the_article():
    over = "\n".join(["相關新聞：", "[甲公司獲資助](https://example.org/a/1)", "[乙公司上市](https://example.org/a/2)"])
    assert _clean("\n\n".join([PARA, over])).body_text() == PARA
    assert _clean("\n\n".join([PARA, "相關新聞：", PARA2])).body_text() == PARA  # no links: the heading ends it


def test_subscription_appeal_and_blog_author_box_end_the_article():
    tail = "\n\n".join([
        "---",
        "請加入成為某某新聞的月費訂戶，長期支持我們的工作。",
        "月費訂戶 [網址：example.org/aboutus/#subscribe](https://example.org/aboutus/#subscribe)",
    ])
    assert _clean("\n\n".join([PARA, tail])).body_text() == PARA + "\n---"
    bio = "\n\n".join(["---", "**博客 | 陳某**", "【陳某專欄】陳某，某某科技有限公司創辦人，金融業從業員。"])
    assert _clean("\n\n".join([PARA, bio])).body_text() == PARA + "\n---"
    # a sentence about subscribers inside the article stays
    inside = "該報表示，三千名讀者已加入成為月費訂戶，網站將推出更多專題。"
    assert _clean("\n\n".join([PARA, inside, PARA2])).body_text() == "\n".join([PARA, inside, PARA2])
