"""Is a text a near-copy of a gold article? Archives hold duplicates under other ids (HKCNews stores
copies of gold articles under other article numbers), so leaving out the split's ids is not enough
when drawing unseen text.

Front matter, markup, links and the HKCNews footer are stripped from both sides first: every archive
file shares them with the gold copies. What remains is compared by 12-character shingles.

>>> is_gold_copy("星岚科技今天发布了一款新的机器人产品。")
False
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "articles"
K = 12  # shingle length in characters
_MARKUP = re.compile(r"<[^>]*>|!?\[[^\]]*\]\([^)]*\)|https?://\S+|www\.\S+")
_FOOTERS = ("請加入成為眾新聞", "请加入成为众新闻")


def _strip(t: str) -> str:
    if t.startswith("---"):
        end = t.find("\n---", 3)
        t = t[end + 4:] if end > 0 else t
    for f in _FOOTERS:
        if f in t:
            t = t[:t.index(f)]
    return _MARKUP.sub("", t)


def _norm(t: str) -> str:
    from kg.text.normalize import normalize_text

    return re.sub(r"\s+", "", normalize_text(_strip(t)).text)


@lru_cache(maxsize=2)
def _gold_shingles(exclude: frozenset[str] = frozenset()) -> frozenset[str]:
    out: set[str] = set()
    for p in ARTICLES.iterdir():
        if p.stem in exclude:
            continue
        t = _norm(p.read_bytes().decode("utf-8", "replace"))
        out.update(t[i:i + K] for i in range(0, max(0, len(t) - K), 3))
    return frozenset(out)


def is_gold_copy(text: str, min_shared: int = 5, exclude: frozenset[str] = frozenset()) -> bool:
    """True when ``text`` shares ``min_shared`` or more 12-character shingles with the gold articles
    (other than the doc ids in ``exclude``: a later batch's draw leaves itself out to stay reproducible)."""
    t = _norm(text)
    g = _gold_shingles(exclude)
    return sum(1 for i in range(0, max(0, len(t) - K)) if t[i:i + K] in g) >= min_shared
