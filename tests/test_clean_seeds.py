"""Cleaning and metadata on the real seed articles."""

from __future__ import annotations

import re

import pytest

from kg.text.clean import garbage_runs

# A line of anti-scraping garbage as it appears in scraped pages: >= 4 short
# ASCII tokens with symbols. Used to check no such run is left in a body.
GARBAGE_LIKE = re.compile(r"(?<![!-~])[!-~]{1,3}(?: [!-~]{1,3}){3,}(?![!-~])")


def test_seed_ids_are_the_five_files(processed_seeds):
    assert sorted(processed_seeds) == [
        "000_2922254e8fabd16a", "001_e1396a31a0e51d86", "002_ecabde74cec7053b",
        "003_bbc57c0f6fe69939", "004_4e21875027cd29b8",
    ]


class TestSeed001:
    """Traditional page from a portal: spam header, metadata, related news, footer."""

    def test_no_spam_first_line(self, processed_seeds):
        body = processed_seeds["001_e1396a31a0e51d86"].cleaned.body_text()
        first = body.splitlines()[0]
        assert "免费高清" not in body and "自拍" not in body
        assert first == "對標“頭部”園區,青島怎樣打造“科創高地”"

    def test_body_ends_before_hotline_block(self, processed_seeds):
        item = processed_seeds["001_e1396a31a0e51d86"]
        raw = item.doc.raw_text
        body = item.cleaned.body_text()
        assert body.rstrip().endswith("總投資260億元的甬江實驗室正在打造世界級新材料創新策源地")
        hotline = raw.index("想爆料")
        assert max(e for _, e in item.cleaned.segments) < hotline
        for junk in ("想爆料", "[詳細]", "版權所有", "ICP備", "大小新聞客戶端", "煙臺馬拉松"):
            assert junk not in body

    def test_photo_credits_removed_captions_kept(self, processed_seeds):
        body = processed_seeds["001_e1396a31a0e51d86"].cleaned.body_text()
        assert "寧波甬江科創大走廊。" in body
        assert "張凱" not in body and "耿婷婷" not in body

    def test_metadata(self, processed_seeds):
        meta = processed_seeds["001_e1396a31a0e51d86"].cleaned.meta
        assert meta.title == "對標“頭部”園區 青島怎樣打造“科創高地”"
        assert meta.source == "青島新聞網"
        assert meta.date == "2024-10-21T09:59:10"
        assert meta.author == ""

    def test_metadata_lines_not_in_body(self, processed_seeds):
        body = processed_seeds["001_e1396a31a0e51d86"].cleaned.body_text()
        assert "來源:" not in body and "原標題" not in body and "2024-10-21 09:59:10" not in body


class TestSeed003:
    def test_metadata(self, processed_seeds):
        meta = processed_seeds["003_bbc57c0f6fe69939"].cleaned.meta
        assert meta.title == "市委書記熱情邀約!中關村科技企業家“組團”來青,看青島與北京如何“雙向奔赴”"
        assert meta.source == "青島新聞網"
        assert meta.date == "2024-04-28T08:47:04"
        assert meta.author == "耿耿"

    def test_byline_and_hotline_removed(self, processed_seeds):
        body = processed_seeds["003_bbc57c0f6fe69939"].cleaned.body_text()
        assert body.startswith("闊步春風里")
        assert "耿耿" not in body and "想爆料" not in body and "0531" not in body


class TestSeed000:
    """Discuz-style anti-scraping garbage: whole lines and runs glued to real lines."""

    def test_no_garbage_left(self, processed_seeds):
        body = processed_seeds["000_2922254e8fabd16a"].cleaned.body_text()
        for line in body.splitlines():
            assert not GARBAGE_LIKE.search(line), line
            assert not garbage_runs(line), line
            assert re.search(r"[\u4e00-\u9fff]", line), f"line without Chinese text left: {line!r}"

    def test_garbage_tails_cut_real_text_kept(self, processed_seeds):
        body = processed_seeds["000_2922254e8fabd16a"].cleaned.body_text()
        lines = body.splitlines()
        assert "促创新,构建海洋科技数字底座" in lines
        assert "强聚集,加速海洋产业高质量发展" in lines
        assert any(line.startswith("徐一冰表示:“青岛蓝谷作为") for line in lines)
        assert any(line.startswith("一是加快推进海洋信息产业园规划建设") for line in lines)

    def test_footer_removed(self, processed_seeds):
        item = processed_seeds["000_2922254e8fabd16a"]
        body = item.cleaned.body_text()
        assert body.rstrip().endswith("打造海洋科研成果转化服务生态。")
        for junk in ("人民邮电报", "排版", "侵权", "52ocean"):
            assert junk not in body
        assert item.cleaned.meta.source == "人民邮电报"


class TestSeed002:
    """Machine-spun article: restored in the normalized text, raw untouched."""

    def test_detected_as_spun_and_restored(self, processed_seeds):
        norm = processed_seeds["002_ecabde74cec7053b"].normalized
        assert norm.spun
        text = norm.text
        for spun in ("工业链", "立异", "效劳", "质料", "生长偏向", "首创人"):
            assert spun not in text, spun
        for restored in ("九大重点产业链", "海洋创新药物", "海洋生物医用材料", "新材料",
                         "产业发展方向", "联合创始人", "青岛电影学院", "计算机视觉"):
            assert restored in text, restored

    def test_real_terms_unchanged(self, processed_seeds):
        item = processed_seeds["002_ecabde74cec7053b"]
        raw_count = item.doc.raw_text.count("工业互联网")
        assert raw_count >= 1
        assert item.normalized.text.count("工业互联网") == raw_count

    def test_restored_words_map_to_spun_raw_words(self, processed_seeds):
        item = processed_seeds["002_ecabde74cec7053b"]
        norm, raw = item.normalized, item.doc.raw_text
        for m in re.finditer("产业链", norm.text):
            s, e = norm.raw_span(m.start(), m.end())
            assert raw[s:e] in ("工业链", "产业链")

    def test_metadata(self, processed_seeds):
        meta = processed_seeds["002_ecabde74cec7053b"].cleaned.meta
        assert (meta.date, meta.source, meta.author) == ("2021-06-06", "青岛日报", "王凯")


@pytest.mark.parametrize("doc_id", ["000_2922254e8fabd16a", "001_e1396a31a0e51d86", "003_bbc57c0f6fe69939", "004_4e21875027cd29b8"])
def test_unspun_articles_keep_their_words(processed_seeds, doc_id):
    """Spun-only rules (工业→产业, 生长→发展) never fire on ordinary articles."""
    item = processed_seeds[doc_id]
    assert not item.normalized.spun
    assert item.normalized.n_restored == 0
    body_view = "\n".join(item.cleaned.view[s:e] for s, e in item.cleaned.segments)
    assert item.normalized.text.replace("\n", "") == body_view.replace("\n", "")


def test_004_photo_credit_removed(processed_seeds):
    body = processed_seeds["004_4e21875027cd29b8"].cleaned.body_text()
    assert "受访者提供" not in body
    assert "图为歌尔科研人员正在青岛市先进封装测试中心工作。" in body


def test_normalized_text_is_simplified_and_halfwidth(processed_seeds):
    text = processed_seeds["001_e1396a31a0e51d86"].normalized.text
    assert "青岛高新区" in text and "青島" not in text
    assert not re.search("[\uff01-\uff5e]", text)


@pytest.mark.parametrize("doc_id", ["000_2922254e8fabd16a", "001_e1396a31a0e51d86", "002_ecabde74cec7053b"])
def test_every_normalized_line_maps_back_to_raw(processed_seeds, doc_id):
    """Each normalized body line maps to a raw span whose kept characters are that line (modulo de-spinning)."""
    item = processed_seeds[doc_id]
    norm, view = item.normalized, item.cleaned.view
    removed = {i for r in item.cleaned.removed for i in range(r.start, r.end)}
    pos = 0
    for line in norm.text.split("\n"):
        s, e = norm.raw_span(pos, pos + len(line))
        kept = "".join(view[i] for i in range(s, e) if i not in removed)
        if not norm.spun:
            assert kept == line
        else:
            assert len(kept) == len(line)  # spun restorations here keep length
        pos += len(line) + 1
