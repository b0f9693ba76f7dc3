"""Normalization: the text the extractor reads, with a map back to the raw text.

Three steps, applied to the article body only:

1. **Script**: Traditional → Simplified with OpenCC ``t2s`` (length-preserving).
2. **Width**: full-width ASCII forms and the ideographic space → half-width.
3. **De-spinning**: words a synonym spinner substituted are restored from the
   lexicon ``kg/data/despin.tsv`` (``工业链`` → ``产业链``, ``立异`` → ``创新``).

Steps 1–2 keep every character in place, so :func:`script_view` of a whole
raw text has the raw text's offsets; the cleaner runs its rules on it. Step 3
may change lengths; :class:`~kg.text.offsets.OffsetMap` keeps track.

The lexicon has three scopes. ``always`` entries are restored wherever they
occur (spinner output that is not standard Chinese); ``spun`` entries only in
a document detected as spun (``工业`` → ``产业`` would damage real text);
``keep`` entries are real terms that shield their characters (``工业互联网``,
``标新立异``). A document is spun when it contains at least
:data:`SPUN_MIN_SIGNALS` different signal entries.

>>> script_view("對標“頭部”園區，ＡＩ　產業")
'对标“头部”园区,AI 产业'
>>> lex = DespinLexicon.default()
>>> lex.is_spun("打造现代工业生长新高地")
False
>>> lex.is_spun("九大重点工业链，明晰工业生长偏向，海洋立异药物")
True
>>> text, m, n = normalize_segments("青岛工业链与工业互联网", [(0, 11)], lex, spun=True)
>>> text
'青岛产业链与工业互联网'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.text.offsets import OffsetMap, OffsetMapBuilder

#: A document is treated as machine-spun when this many different signal
#: entries of the lexicon occur in its body.
SPUN_MIN_SIGNALS = 2

_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({0x3000: 0x20, 0xFE62: ord("+"), 0xFE63: ord("-"), 0xFE64: ord("<"), 0xFE65: ord(">")})
# The other middle dots that join the parts of a transliterated name (`艾伦‧莫瑞`, Taiwan and Hong Kong
# write U+2027 or U+2022, Japanese U+30FB) become the one the rules read, `·` (U+00B7).
_WIDTH_TABLE.update({cp: 0xB7 for cp in (0x2022, 0x2027, 0x2219, 0x22C5, 0x30FB, 0xFF65)})
# A full-width full stop between two Chinese characters joins a name (`艾倫．莫瑞`), never ends a sentence (`。`).
_NAME_STOP = re.compile("(?<=[\u4e00-\u9fff])\uff0e(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _opencc():
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - installed with kg
        raise ImportError("OpenCC is missing: pip install opencc") from exc
    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional → Simplified, guaranteed to keep the length of ``text``.

    OpenCC ``t2s`` maps character for character on news text; where a phrase
    rule would change the length, that line is converted character by
    character instead, so offsets never drift.

    >>> to_simplified("青島高新區")
    '青岛高新区'
    >>> to_simplified("陝西省乾縣與吉林省乾安縣")
    '陕西省乾县与吉林省乾安县'
    """
    text = encodable(text)
    conv = _opencc().convert
    out = conv(text)
    if len(out) == len(text):
        return _keep_qian(text, out).translate(_HK_VARIANTS)
    lines = text.split("\n")
    fixed = []
    for line in lines:
        c = conv(line)
        if len(c) != len(line):
            c = "".join(ch2 if len(ch2 := conv(ch)) == 1 else ch for ch in line)
        fixed.append(c)
    return _keep_qian(text, "\n".join(fixed)).translate(_HK_VARIANTS)


# Hong Kong variant characters that OpenCC's `t2s` leaves as they are (its `hk2s` maps them):
# 衞 in 衞生署 and 食物及衞生局, 敍 (叙), 粧 (妆), 衹 (只), 糭 (粽). One character each, so offsets stay.
_HK_VARIANTS = str.maketrans({"衞": "卫", "敍": "叙", "粧": "妆", "衹": "只", "糭": "粽"})


# OpenCC maps 乾 to 干 outside a few phrases, but 乾 is also standard
# Simplified in place names (乾县, 乾安县) and words like 乾坤: keep it there.
_QIAN_KEEP = re.compile(r"乾(?=[县安陵坤元州])")


def _keep_qian(src: str, out: str) -> str:
    if "乾" not in src:
        return out
    chars = list(out)
    for m in _QIAN_KEEP.finditer(src):
        chars[m.start()] = "乾"
    return "".join(chars)


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with lone surrogates (possible in JSON input) replaced by U+FFFD, same length.

    >>> encodable("青" + chr(0xD800) + "岛") == "青\ufffd岛"
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms and the ideographic space → half-width, in place.

    >>> to_halfwidth("３＋２，（青岛）")
    '3+2,(青岛)'
    >>> to_halfwidth("艾伦．莫瑞、艾尔肯‧吐尼亚孜")
    '艾伦·莫瑞、艾尔肯·吐尼亚孜'
    """
    if "\uff0e" in text:
        text = _NAME_STOP.sub("\u00b7", text)
    return text.translate(_WIDTH_TABLE)


def script_view(text: str) -> str:
    """Simplified, half-width copy of ``text`` with the same length and offsets."""
    return to_halfwidth(to_simplified(text))


# ---------------------------------------------------------------- de-spinning


@dataclass(frozen=True)
class DespinEntry:
    spun: str
    standard: str
    scope: str  # always | spun | keep
    signal: bool
    note: str = ""


class DespinLexicon:
    """Spun word → standard word, loaded from a TSV file (see module docs)."""

    SCOPES = ("always", "spun", "keep")

    def __init__(self, entries: list[DespinEntry]) -> None:
        for e in entries:
            if e.scope not in self.SCOPES:
                raise ValueError(f"despin entry {e.spun!r}: unknown scope {e.scope!r}; use one of {self.SCOPES}")
        self.entries = entries
        self._by_spun = {e.spun: e for e in entries}
        self._patterns: dict[bool, re.Pattern[str]] = {}
        signals = sorted((e.spun for e in entries if e.signal), key=len, reverse=True)
        self._signal_re = re.compile("|".join(map(re.escape, signals))) if signals else None

    @classmethod
    def from_path(cls, path: str | Path) -> DespinLexicon:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        return cls([DespinEntry(r["spun"], r["standard"], r["scope"], r["signal"] == "1", r.get("note", "")) for r in rows])

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> DespinLexicon:
        """The lexicon shipped in ``kg/data/despin.tsv``."""
        with resources.as_file(resources.files("kg") / "data" / "despin.tsv") as p:
            return cls.from_path(p)

    def signals(self, text: str) -> set[str]:
        """Signal entries present in ``text``."""
        return set(self._signal_re.findall(text)) if self._signal_re else set()

    def is_spun(self, text: str) -> bool:
        return len(self.signals(text)) >= SPUN_MIN_SIGNALS

    def pattern(self, spun: bool) -> re.Pattern[str]:
        """One alternation of all applicable entries, longest first, so a
        ``keep`` term wins over a shorter spun word starting at the same place."""
        if spun not in self._patterns:
            keys = [e.spun for e in self.entries if e.scope in ("always", "keep") or spun]
            keys.sort(key=lambda k: (-len(k), k))
            self._patterns[spun] = re.compile("|".join(map(re.escape, keys))) if keys else re.compile(r"(?!)")
        return self._patterns[spun]

    def replacement(self, spun_word: str) -> str:
        return self._by_spun[spun_word].standard


@dataclass(frozen=True)
class Normalized:
    """The extractor's text and the map back to raw offsets."""

    text: str
    offsets: OffsetMap
    spun: bool
    n_restored: int

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_raw(start, end)


def normalize_segments(
    view: str,
    segments: list[tuple[int, int]],
    lexicon: DespinLexicon,
    spun: bool,
    separator_before: list[bool] | None = None,
) -> tuple[str, OffsetMap, int]:
    """Join body ``segments`` of the script ``view`` and restore spun words.

    ``separator_before[i]`` says whether a line break goes before segment ``i``
    (segments of one raw line, split by a removed garbage run, join directly).
    """
    b = OffsetMapBuilder()
    pat = lexicon.pattern(spun)
    restored = 0
    for i, (s, e) in enumerate(segments):
        if i and (separator_before is None or separator_before[i]):
            b.block("\n", s, s)
        pos = s
        for m in pat.finditer(view, s, e):
            standard = lexicon.replacement(m.group())
            if standard == m.group():
                continue
            b.aligned(view[pos:m.start()], pos)
            b.block(standard, m.start(), m.end())
            restored += 1
            pos = m.end()
        b.aligned(view[pos:e], pos)
    text, offsets = b.build()
    return text, offsets, restored


def normalize_text(raw_text: str, lexicon: DespinLexicon | None = None) -> Normalized:
    """Normalize a whole text (no cleaning): handy for tests and short strings.

    >>> n = normalize_text("九大重點工业链，海洋立異藥物")
    >>> n.text, n.spun
    ('九大重点产业链,海洋创新药物', True)
    >>> n.raw_span(4, 7)
    (4, 7)
    """
    return normalize_body(raw_text, [(0, len(raw_text))], None, lexicon)


def normalize_body(
    raw_text: str,
    segments: list[tuple[int, int]],
    separator_before: list[bool] | None = None,
    lexicon: DespinLexicon | None = None,
    view: str | None = None,
) -> Normalized:
    """Normalize the body ``segments`` of ``raw_text`` (see module docs)."""
    lexicon = lexicon or DespinLexicon.default()
    view = script_view(raw_text) if view is None else view
    body_view = "\n".join(view[s:e] for s, e in segments)
    spun = lexicon.is_spun(body_view)
    text, offsets, n_restored = normalize_segments(view, segments, lexicon, spun, separator_before)
    return Normalized(text, offsets, spun, n_restored)
