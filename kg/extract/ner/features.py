"""Character features for the CRF: one list of feature strings per character.

Three groups, each switchable so its worth can be measured (``FeatureSpec``):

* **chars** (always): the character and its neighbours at -2..+2, the four
  bigrams around it, and the class pattern of the three characters
  (``d`` digit, ``a`` Latin, ``p`` punctuation, ``h`` CJK, ``o`` other).
* **words**: the position of the character in its jieba word (``B``/``M``/``E``/``S``)
  with the word's length (capped at 4), and the same for the next character.
* **lex**: the project lexicons (:class:`kg.kb.lexicons.Lexicons`): the character is
  a surname (or starts a compound one); a title ends just before it or starts just
  after it; it lies in a region name; it ends a company / organization / park suffix.

The features of a text are computed once per chunk with column-wise list
comprehensions (no per-feature Python calls), which is what keeps the tagger fast.

>>> spec = FeatureSpec(words=False, lex=False)
>>> f = Featurizer(spec).features("王五在A1")
>>> f[0][:3]
['u0:王', 'u-1:<s>', 'u1:五']
>>> f[3][-1]
'k:had'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.kb.lexicons import Lexicons

#: Bumped whenever the features a model file expects change.
FEATURES_VERSION = 1


@dataclass(frozen=True)
class FeatureSpec:
    words: bool = False  # the shipped model uses characters only (model card: as good in the pipeline, faster)
    lex: bool = False

    @property
    def name(self) -> str:
        return f"chars-v{FEATURES_VERSION}" + ("+words" if self.words else "") + ("+lex" if self.lex else "")

    @classmethod
    def from_name(cls, name: str) -> FeatureSpec:
        return cls(words="+words" in name, lex="+lex" in name)


_CLASS_CACHE: dict[str, str] = {}


def _char_class(ch: str) -> str:
    k = _CLASS_CACHE.get(ch)
    if k is None:
        if ch.isdigit():
            k = "d"
        elif ch.isascii() and ch.isalpha():
            k = "a"
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            k = "h"
        elif unicodedata.category(ch)[0] in "PSZ":
            k = "p"
        else:
            k = "o"
        if len(_CLASS_CACHE) < 100_000:
            _CLASS_CACHE[ch] = k
    return k


class _ClassTable(dict):
    """``str.translate``'s table of :func:`_char_class`: code point → class letter, filled as characters come."""

    def __missing__(self, code: int) -> str:
        k = _char_class(chr(code))
        if len(self) < 100_000:
            self[code] = k
        return k


_CLASSES = _ClassTable()


class _Matcher:
    """Exact matches of a word list in a text, indexed by first character."""

    def __init__(self, words) -> None:
        self.words = frozenset(w for w in words if w)
        by_first: dict[str, set[int]] = {}
        for w in self.words:
            by_first.setdefault(w[0], set()).add(len(w))
        self.by_first = {c: tuple(sorted(ls, reverse=True)) for c, ls in by_first.items()}

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Every (start, end) of a listed word, longest at each start."""
        out = []
        words, by_first = self.words, self.by_first
        size = len(text)
        for i, ch in enumerate(text):
            lens = by_first.get(ch)
            if lens:
                for n in lens:
                    if i + n <= size and text[i:i + n] in words:
                        out.append((i, i + n))
                        break
        return out


@dataclass(frozen=True)
class _LexIndex:
    single_surnames: frozenset[str]
    compound: _Matcher
    titles: _Matcher
    regions: _Matcher
    suffixes: tuple[tuple[str, _Matcher], ...]


@lru_cache(maxsize=4)
def _lex_index(lex: Lexicons) -> _LexIndex:
    sur = {s for s in lex.surnames}
    titles = [t for t in lex.titles if len(t) >= 2]
    regions = [r for r in lex.regions if len(r) >= 2]
    return _LexIndex(
        single_surnames=frozenset(s for s in sur if len(s) == 1),
        compound=_Matcher(s for s in sur if len(s) >= 2),
        titles=_Matcher(titles),
        regions=_Matcher(regions),
        suffixes=(("co", _Matcher(lex.company_suffixes)), ("org", _Matcher(lex.org_suffixes)),
                  ("park", _Matcher(lex.park_suffixes))),
    )


class Featurizer:
    """Turns a (normalized) text into CRF feature lists, one per character."""

    def __init__(self, spec: FeatureSpec = FeatureSpec(), lexicons: Lexicons | None = None) -> None:
        self.spec = spec
        self._lex = _lex_index(lexicons or Lexicons.load()) if spec.lex else None
        if spec.words:
            import jieba

            jieba.setLogLevel(60)
            jieba.initialize()
            self._cut = jieba.cut

    def features(self, text: str) -> list[list[str]]:
        out = [list(f) for f in zip(*self._columns(text))]
        if self._lex is not None:
            self._add_lex(text, out)
        return out

    def items(self, text: str) -> Sequence[Sequence[str]]:
        """:meth:`features` for the tagger: crfsuite takes any sequence of strings per character, so without
        lexicon features (which are appended to lists) each character's are a tuple, not copied into a list."""
        if self._lex is not None:
            return self.features(text)
        return list(zip(*self._columns(text)))

    def _columns(self, text: str) -> list[list[str]]:
        """One list per feature, one string per character."""
        n = len(text)
        if n == 0:
            return []
        c = ["<s>", "<s>", *text, "</s>", "</s>"]
        cols = [
            ["u0:" + x for x in text],
            ["u-1:" + x for x in c[1:n + 1]],
            ["u1:" + x for x in c[3:n + 3]],
            ["u-2:" + x for x in c[0:n]],
            ["u2:" + x for x in c[4:n + 4]],
        ]
        # the bigrams of the padded text, made once: pairs[j] is c[j] + c[j + 1] (each bigram column is a shift)
        pairs = ["<s><s>", "<s>" + text[0], *[text[i:i + 2] for i in range(n - 1)], text[-1] + "</s>", "</s></s>"]
        cols += [
            ["b-1:" + x for x in pairs[1:n + 1]],
            ["b0:" + x for x in pairs[2:n + 2]],
            ["b-2:" + x for x in pairs[0:n]],
            ["b1:" + x for x in pairs[3:n + 3]],
        ]
        k = "^" + text.translate(_CLASSES) + "$"  # one class letter per character
        cols.append(["k:" + k[i:i + 3] for i in range(n)])
        if self.spec.words:
            w = self._word_tags(text)
            cols.append(["w:" + x for x in w])
            cols.append(["w1:" + x for x in w[1:] + ["$"]])
        return cols

    def _word_tags(self, text: str) -> list[str]:
        tags: list[str] = []
        for word in self._cut(text):
            m = len(word)
            if m == 1:
                tags.append("S")
            else:
                ln = str(min(m, 4))
                tags.append("B" + ln)
                tags.extend(["M" + ln] * (m - 2))
                tags.append("E" + ln)
        return tags

    def _add_lex(self, text: str, out: list[list[str]]) -> None:
        lx = self._lex
        n = len(text)
        sur = lx.single_surnames
        for i, ch in enumerate(text):
            if ch in sur:
                out[i].append("sur")
        for s, _e in lx.compound.matches(text):
            out[s].append("sur2")
        for s, e in lx.titles.matches(text):
            if e < n:
                out[e].append("ttl-1")
            if s > 0:
                out[s - 1].append("ttl+1")
        for s, e in lx.regions.matches(text):
            out[s].append("reg:B")
            for i in range(s + 1, e):
                out[i].append("reg:I")
        for kind, matcher in lx.suffixes:
            first: dict[int, int] = {}  # end -> start of the longest suffix ending there
            for s, e in matcher.matches(text):
                if e not in first:
                    first[e] = s
            for e, s in first.items():
                out[e - 1].append("sfx:" + kind)
                if s > 0:
                    out[s - 1].append("sfx+1:" + kind)
