"""Property: every normalized span maps back to the raw characters it came from.

Random texts are built from tokens whose normalization is known: Traditional
words, full-width characters, spun words (restored always or only in spun
documents), protected real terms, plain text, and two synthetic entries that
change length (the shipped lexicon has none, but the map must handle them).
Tokens are joined by non-empty separators so no rule can match across two
tokens; each token's normalized span must map exactly onto its raw span.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text.normalize import DespinEntry, DespinLexicon, normalize_segments, script_view

# (raw, normalized in an ordinary document, normalized in a spun document)
TOKENS = [
    ("園區", "园区", "园区"), ("青島", "青岛", "青岛"), ("發展", "发展", "发展"), ("產業鏈", "产业链", "产业链"),
    ("國際創新園", "国际创新园", "国际创新园"), ("ＡＩ", "AI", "AI"), ("１２３", "123", "123"),
    ("（", "(", "("), ("）", ")", ")"), ("５Ｇ", "5G", "5G"),
    ("工业链", "产业链", "产业链"), ("立异", "创新", "创新"), ("效劳", "服务", "服务"), ("盘算机", "计算机", "计算机"),
    ("生长", "生长", "发展"), ("工业园", "工业园", "产业园"), ("相助", "相助", "合作"),
    ("工业互联网", "工业互联网", "工业互联网"), ("标新立异", "标新立异", "标新立异"), ("皮影戏", "皮影戏", "皮影戏"),
    ("青岛蓝谷管理局", "青岛蓝谷管理局", "青岛蓝谷管理局"), ("副局长", "副局长", "副局长"), ("徐一冰", "徐一冰", "徐一冰"),
    ("AI", "AI", "AI"), ("2024", "2024", "2024"),
    ("甲乙", "甲乙丙丁", "甲乙丙丁"), ("戊己庚", "辛", "辛"),  # synthetic length-changing entries
]
SEPARATORS = [("，", ","), ("。", "。"), (" ", " "), ("、", "、"), ("　", " "), ("\n", "\n")]

LEXICON = DespinLexicon(
    DespinLexicon.default().entries
    + [DespinEntry("甲乙", "甲乙丙丁", "always", False), DespinEntry("戊己庚", "辛", "always", False)]
)

tokens = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40)


def _compose(items, spun):
    raw_parts, spans = [], []
    pos = 0
    for (raw, plain, spun_form), (sep_raw, sep_norm) in items:
        spans.append((pos, pos + len(raw), spun_form if spun else plain))
        raw_parts.append(raw + sep_raw)
        pos += len(raw) + len(sep_raw)
    return "".join(raw_parts), spans


@settings(max_examples=300, deadline=None)
@given(items=tokens, spun=st.booleans())
def test_whole_text_tokens_map_back(items, spun):
    raw, spans = _compose(items, spun)
    text, offsets, _ = normalize_segments(script_view(raw), [(0, len(raw))], LEXICON, spun)
    expected = "".join(norm + sep_norm for (_, _, norm), (_, (_, sep_norm)) in zip(spans, items))
    assert text == expected
    npos = 0
    for (rs, re_, norm), (_, (sep_raw, sep_norm)) in zip(spans, items):
        assert offsets.to_raw(npos, npos + len(norm)) == (rs, re_)
        for i in range(npos, npos + len(norm)):  # each character stays inside its token
            cs, ce = offsets.char_to_raw(i)
            assert rs <= cs < ce <= re_
        npos += len(norm) + len(sep_norm)


@settings(max_examples=200, deadline=None)
@given(items=tokens, spun=st.booleans(), data=st.data())
def test_body_segments_map_back(items, spun, data):
    """Only some tokens are body (the rest removed as boilerplate): segments joined by line breaks."""
    raw, spans = _compose(items, spun)
    keep = data.draw(st.lists(st.booleans(), min_size=len(spans), max_size=len(spans)))
    chosen = [s for s, k in zip(spans, keep) if k]
    segments = [(rs, re_) for rs, re_, _ in chosen]
    text, offsets, _ = normalize_segments(script_view(raw), segments, LEXICON, spun)
    assert text == "\n".join(norm for _, _, norm in chosen)
    npos = 0
    for rs, re_, norm in chosen:
        assert offsets.to_raw(npos, npos + len(norm)) == (rs, re_)
        npos += len(norm) + 1


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_unicode_maps_into_raw_bounds(text):
    """Random Unicode (surrogates, controls, emoji): offsets stay valid and monotone."""
    view = script_view(text)
    assert len(view) == len(text)
    out, offsets, _ = normalize_segments(view, [(0, len(text))], LEXICON, spun=True)
    last = 0
    for i in range(len(out)):
        s, e = offsets.char_to_raw(i)
        assert 0 <= s <= e <= len(text)
        assert s >= last
        last = s
