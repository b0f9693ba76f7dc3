"""jieba's accurate mode with its new-word HMM (``jieba.cut(text)``), the same words in less time.

The spaCy tokenizer of the pipeline cuts every document with ``jieba.cut``: a fifth of a build's
time. jieba builds a dict of the word-graph (``get_DAG``), then scores it backwards with a
generator of tuples per character (``calc``). :func:`cut` does both in one backward pass over
plain lists, with jieba's sums in jieba's order and its tie-break (the longer word), so the route,
and the words, are jieba's; the rest (blocks, unknown runs through ``finalseg``) is jieba's code
path unchanged. The pipeline's tokenizer gets it (:func:`kg.extract.nlp.use_fast_jieba`);
jieba itself is not patched.

>>> import jieba
>>> text = "青岛蓝谷管理局副局长徐一冰表示, 蓝谷聚焦海洋产业。\\n2024年"
>>> list(Cut(jieba.dt).cut(text)) == list(jieba.cut(text))
True
"""

from __future__ import annotations

from collections.abc import Iterator
from math import log
from typing import Any

from jieba import finalseg, re_han_default, re_skip_default, strdecode


class Cut:
    """``cut(text, cut_all=False)`` for spaCy's tokenizer, with the dictionary of a ``jieba.Tokenizer``."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return _default_cut, ()  # jieba's tokenizer holds a lock: a copy cuts with jieba's default dictionary

    def cut(self, sentence: str, cut_all: bool = False, HMM: bool = True) -> Iterator[str]:  # noqa: N803 - jieba's name
        """jieba's ``Tokenizer.cut`` (accurate mode with HMM; other modes are handed to jieba)."""
        if cut_all or not HMM:
            yield from self.tokenizer.cut(sentence, cut_all=cut_all, HMM=HMM)
            return
        yield from self.words(strdecode(sentence))

    def words(self, sentence: str) -> list[str]:
        """The words of :meth:`cut` as a list (no generator resumed per word)."""
        out: list[str] = []
        for blk in re_han_default.split(sentence):
            if not blk:
                continue
            if re_han_default.match(blk):
                self._cut_block(blk, out)
            else:
                for x in re_skip_default.split(blk):
                    if re_skip_default.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _route(self, sentence: str) -> list[int]:
        """The end (exclusive) of the best word at each position: jieba's ``get_DAG`` and ``calc`` in one pass."""
        tok = self.tokenizer
        tok.check_initialized()
        get = tok.FREQ.get
        logtotal = log(tok.total)
        n = len(sentence)
        prob = [0.0] * (n + 1)
        end = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            # the words of the dictionary starting at k (the edges of jieba's DAG), scored as calc does:
            # log(freq) - logtotal + the best score after the word; on a tie the later (longer) word
            best_p, best_x = 0.0, -1
            i = k
            f = get(sentence[k])  # None: not even a prefix of a word
            while f is not None:
                if f:
                    p = log(f) - logtotal + prob[i + 1]
                    if best_x < 0 or p >= best_p:
                        best_p, best_x = p, i
                i += 1
                if i >= n:
                    break
                f = get(sentence[k:i + 1])
            if best_x < 0:  # no word: the character alone
                best_p, best_x = log(get(sentence[k]) or 1) - logtotal + prob[k + 1], k
            prob[k] = best_p
            end[k] = best_x + 1
        return end

    def _cut_block(self, sentence: str, out: list[str]) -> None:
        """jieba's ``__cut_DAG``: runs of single characters the dictionary lacks as a word go through the HMM."""
        freq = self.tokenizer.FREQ
        end = self._route(sentence)
        x = 0
        buf = ""
        n = len(sentence)
        while x < n:
            y = end[x]
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    out.extend(self._flush(buf, freq))
                    buf = ""
                out.append(sentence[x:y])
            x = y
        if buf:
            out.extend(self._flush(buf, freq))

    @staticmethod
    def _flush(buf: str, freq: dict[str, int]) -> Iterator[str]:
        if len(buf) == 1:
            yield buf
        elif not freq.get(buf):
            yield from finalseg.cut(buf)
        else:
            yield from buf


def _default_cut() -> Cut:
    import jieba

    return Cut(jieba.dt)
