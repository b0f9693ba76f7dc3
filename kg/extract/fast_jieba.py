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

from collections.abc import Iterator, Mapping
from math import log
from typing import Any

from jieba import finalseg, re_han_default, re_skip_default, strdecode

from kg.extract.jieba_dict import install


_NO_SCORE = float("-inf")
#: The longest block :class:`Cut` remembers (longer ones rarely come again).
MEMO_LEN = 16


class Cut:
    """``cut(text, cut_all=False)`` for spaCy's tokenizer, with the dictionary of a ``jieba.Tokenizer``.

    With ``memo``, the words of up to that many short blocks (runs of Chinese text between punctuation,
    at most :data:`MEMO_LEN` characters) are remembered: news repeats them (datelines, sources, the same
    names), an eighth of the text of 2,000 corpus articles. Only for a dictionary that does not change
    meanwhile (``jieba.add_word`` would not reach the remembered blocks): a build's.
    """

    def __init__(self, tokenizer: Any, memo: int = 0) -> None:
        self.tokenizer = tokenizer
        self.memo = memo
        self._blocks: dict[str, tuple[str, ...]] = {}

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
                if self.memo and len(blk) <= MEMO_LEN:
                    out.extend(self._memo_block(blk))
                else:
                    self._cut_block(blk, out)
            else:
                for x in re_skip_default.split(blk):
                    if re_skip_default.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _memo_block(self, blk: str) -> tuple[str, ...]:
        words = self._blocks.get(blk)
        if words is None:
            found: list[str] = []
            self._cut_block(blk, found)
            words = tuple(found)
            if len(self._blocks) >= self.memo:  # bounded memory: start again
                self._blocks.clear()
            self._blocks[blk] = words
        return words

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
            # log(freq) - logtotal + the best score after the word; on a tie the later (longer) word.
            # Every score is finite, so the first word always beats the start value -inf.
            best_p, best_x = _NO_SCORE, -1
            i = k
            f = get(sentence[k])  # None: not even a prefix of a word
            while f is not None:
                if f:
                    p = log(f) - logtotal + prob[i + 1]
                    if p >= best_p:
                        best_p, best_x = p, i
                i += 1
                if i == n:
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


def linear_viterbi(obs: str, states: str, start_p: Mapping[str, float], trans_p: Mapping[str, Mapping[str, float]],
                   emit_p: Mapping[str, Mapping[str, float]]) -> tuple[float, list[str]]:
    """jieba's HMM Viterbi (``jieba.finalseg.viterbi``) in linear time, with the same result.

    jieba's own copies the best path of each state at every character
    (``path[state] + [y]``), so a run of n characters its dictionary leaves
    as single characters costs O(n²): a line of 100,000 ``中`` took half a
    minute, one of 1,000,000 minutes. This one keeps back-pointers, as
    ``jieba.posseg``'s Viterbi does; the sums, their order and the tie-breaks
    are jieba's, so the segmentation is the same.

    >>> from jieba import finalseg
    >>> linear_viterbi("中国中", "BMES", finalseg.start_P, finalseg.trans_P, finalseg.emit_P)[1]
    ['B', 'E', 'S']
    """
    from jieba.finalseg import MIN_FLOAT, PrevStatus

    # per state: its emission table, and its predecessors with the log-probability of the transition
    steps = [(y, emit_p[y], [(y0, trans_p[y0].get(y, MIN_FLOAT)) for y0 in PrevStatus[y]]) for y in states]
    if len(obs) > 1 and all(len(froms) == 2 for _, _, froms in steps):  # jieba's BMES: two ways into each state
        return _viterbi_two(obs, states, start_p, steps, MIN_FLOAT)
    prev = {y: start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT) for y in states}
    back: list[dict[str, str]] = []
    for t in range(1, len(obs)):
        ch = obs[t]
        column: dict[str, float] = {}
        pointers: dict[str, str] = {}
        for y, emit, froms in steps:
            em_p = emit.get(ch, MIN_FLOAT)
            column[y], pointers[y] = max([(prev[y0] + tr + em_p, y0) for y0, tr in froms])
        back.append(pointers)
        prev = column
    prob, state = max((prev[y], y) for y in "ES")
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    path.reverse()
    return prob, path


def _viterbi_two(obs: str, states: str, start_p: Mapping[str, float],
                 steps: list[tuple[str, Mapping[str, float], list[tuple[str, float]]]], min_float: float) -> tuple[float, list[str]]:
    """:func:`linear_viterbi` when every state has two predecessors: states by index in lists, and the
    ``max`` of the two (score, state) pairs written out, with its tie-break (the greater state name)."""
    index = {y: i for i, y in enumerate(states)}
    plan = [(emit, index[a], ta, index[b], tb, a > b) for _, emit, ((a, ta), (b, tb)) in steps]
    prev = [start_p[y] + emit_p.get(obs[0], min_float) for y, emit_p, _ in steps]
    back: list[list[int]] = []
    for ch in obs[1:]:
        column: list[float] = []
        pointers: list[int] = []
        for emit, ia, ta, ib, tb, a_wins_tie in plan:
            em_p = emit.get(ch, min_float)
            pa = prev[ia] + ta + em_p
            pb = prev[ib] + tb + em_p
            if pa > pb or (pa == pb and a_wins_tie):
                column.append(pa)
                pointers.append(ia)
            else:
                column.append(pb)
                pointers.append(ib)
        back.append(pointers)
        prev = column
    prob, state = max((prev[index[y]], y) for y in "ES")
    at = index[state]
    path = [at]
    for pointers in reversed(back):
        at = pointers[at]
        path.append(at)
    path.reverse()
    return prob, [states[i] for i in path]


def quiet_fast_jieba() -> None:
    """jieba without its loading chatter, with its dictionary from kg's cache (:func:`kg.extract.jieba_dict.install`,
    the same table in less time) and with :func:`linear_viterbi` for new words (same words, faster).

    jieba looks the Viterbi function up at each call, so this holds for every later cut of the process;
    :func:`make_nlp` and the components' factories call it (a pipeline loaded with ``spacy.load`` too)."""
    import logging

    import jieba
    from jieba import finalseg

    jieba.setLogLevel(logging.WARNING)
    finalseg.viterbi = linear_viterbi
    install(jieba.dt)  # its dictionary from kg's cache, before anything makes jieba load its own
