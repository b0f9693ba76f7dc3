"""The work of kg's pipeline components on plain text, without spaCy.

* :class:`NameProposer` — the names the character CRF (:mod:`kg.extract.ner`) proposes: the work of
  the ``kg_ner`` component;
* :class:`EntityRuleSet` — the entity rules (:func:`kg.extract.entities.find_mentions`) with their
  lexicons: the work of ``kg_entity_rules``;
* :class:`JiebaPipeline` — both on jieba's words, the same words and offsets as the tokens of a spaCy
  ``Doc`` (:func:`doc_tokens`), so the same mentions as the pipeline of
  :func:`kg.extract.nlp.make_nlp`: what a build runs (``kg.run.work.pipeline``), without importing
  spaCy (0.7 s of every build's start).

:mod:`kg.extract.nlp` makes spaCy components of the first two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Any

from kg.extract.entities import Mention, find_mentions
from kg.extract.entities.proposals import Proposal, proposals_from
from kg.extract.fast_jieba import Cut, quiet_fast_jieba
from kg.extract.jieba_dict import pos_dictionary
from kg.kb.lexicons import Lexicons


class NameProposer:
    """Proposes names with the character CRF (:mod:`kg.extract.ner`); the entity rules decide which to take."""

    def __init__(self, name: str = "kg_ner") -> None:
        self.name = name
        self.tagger: Any = None

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, model: str | None = None) -> None:
        """Load the shipped model (checked against its pinned hash), or a model file trained by ``kg.extract.ner.train``."""
        from kg.extract.ner.tagger import NerTagger

        self.tagger = NerTagger.default() if model is None else NerTagger.from_file(model)

    def proposals(self, text: str) -> list[list[Any]]:
        """The names proposed in ``text`` as plain data: ``[start, end, label, prob]``."""
        if self.tagger is None:
            self.initialize()
        return [[s.start + a, s.end + a, s.label, s.prob]
                for a, b in self._worth_tagging(text)
                for s in self.tagger.tag_chunk(text[a:b])]

    def _worth_tagging(self, text: str) -> list[tuple[int, int]]:
        """The tagger's chunks (sentences) in which the rules could take a proposal: one that names a post
        (a person needs one) or holds an organization, park or fund suffix (an organization needs one).
        The rest is not tagged: about half the text, at no cost in what the rules accept."""
        from kg.extract.entities.proposals import worth_tagging
        from kg.extract.ner.tagger import chunks

        return worth_tagging(text, chunks(text), shipped_lexicons())


class EntityRuleSet:
    """The entity grammars (:mod:`kg.extract.entities`) with their lexicons."""

    def __init__(self, name: str = "kg_entity_rules", use_token_boundaries: bool = True) -> None:
        self.name = name
        self.use_token_boundaries = use_token_boundaries
        self.lexicons: Lexicons | None = None
        self._leave_out: dict[tuple[str, frozenset[str]], Lexicons] = {}

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, lexicon_dir: str | None = None) -> None:
        """Load the lexicons (the shipped ones unless ``lexicon_dir`` is given)."""
        self.lexicons = Lexicons.load(lexicon_dir)

    def lexicons_for(self, leave_out: str | None = None, forms: Iterable[str] = ()) -> Lexicons:
        """The lexicons, without the entries learned only from document ``leave_out`` (and those matching
        ``forms``) when it is given (leave-one-out evaluation)."""
        if self.lexicons is None:
            self.initialize()
        assert self.lexicons is not None
        if not leave_out:
            return self.lexicons
        key = (leave_out, frozenset(forms))
        if key not in self._leave_out:
            self._leave_out[key] = self.lexicons.without_sources_of(leave_out, key[1])
        return self._leave_out[key]

    def mentions(self, text: str, lex: Lexicons, words: Sequence[tuple[int, str]],
                 proposals: Sequence[Proposal] = ()) -> list[Mention]:
        """The mentions in ``text``, given its words as (start, word) in order (the tokens of the Doc)."""
        tags = pos_dictionary()
        tokens = None
        if self.use_token_boundaries and any(len(w) > 1 for _, w in words):
            tokens = [(a, a + len(w), tags.get(w)) for a, w in words]
        return find_mentions(text, lex, tokens, words=tags, proposals=proposals)


def words_mentions(cut: Cut, tagger: NameProposer | None, rules: EntityRuleSet, text: str,
                   leave_out: str | None = None, forms: Iterable[str] = ()) -> list[Mention]:
    """The mentions of ``text``: jieba's words (as spaCy's ChineseTokenizer makes tokens of them), the
    tagger's proposals (if any), then the entity rules; ``leave_out`` and ``forms`` as
    :meth:`EntityRuleSet.lexicons_for` takes them."""
    tokens = doc_tokens([w for w in cut.words(text) if w], text)  # spaCy's tokenizer drops empty words
    proposals = tagger.proposals(text) if tagger is not None else []
    lex = rules.lexicons_for(leave_out, sorted(forms) if leave_out else ())
    return rules.mentions(text, lex, tokens, proposals_from(proposals))


#: How many short blocks the build's cut remembers (about 15 MB; :class:`kg.extract.fast_jieba.Cut`).
MEMO_BLOCKS = 50_000


class JiebaPipeline:
    """kg's pipeline on jieba without spaCy: the tagger (unless ``model`` is false: the rules alone) and
    the entity rules, on the words of jieba's accurate cut (:class:`kg.extract.fast_jieba.Cut`, remembering
    the words of short blocks that come again)."""

    def __init__(self, model: bool = True) -> None:
        import jieba

        quiet_fast_jieba()
        self.cut = Cut(jieba.dt, memo=MEMO_BLOCKS)
        self.tagger = NameProposer() if model else None
        if self.tagger is not None:
            self.tagger.initialize()
        self.rules = EntityRuleSet()
        self.rules.initialize()

    @property
    def lexicons(self) -> Lexicons:
        assert self.rules.lexicons is not None
        return self.rules.lexicons

    def mentions(self, text: str, leave_out: str | None = None, forms: Iterable[str] = ()) -> list[Mention]:
        """The mentions of ``text`` (:func:`words_mentions`)."""
        return words_mentions(self.cut, self.tagger, self.rules, text, leave_out, forms)


def doc_tokens(words: list[str], text: str) -> list[tuple[int, str]]:
    """(start, text) of the tokens of ``Doc(vocab, *spacy.util.get_words_and_spaces(words, text))``.

    spaCy drops the words that are white space, finds each other word in the text from where the last
    one ended (``text[pos:].index(word)``: a copy of the rest of the text per word), makes a token of
    the white space skipped, and gives a single space after a word to that word. jieba's words cover
    the text exactly, so each word is where the last one ended: the tokens are the words at their
    offsets, except that each run of white space (whole words of it) becomes one token, less the space
    a word before it takes. Words that do not cover the text go to spaCy's function.
    """
    if "".join(words) == text:
        starts = list(accumulate(map(len, words), initial=0))
        tokens = _spaced_tokens(words, text, starts)
        if tokens is not None:
            return tokens
    from spacy.util import get_words_and_spaces

    tokens, i = [], 0
    for w, space in zip(*get_words_and_spaces(words, text)):
        tokens.append((i, w))
        i += len(w) + space
    return tokens


def _spaced_tokens(words: list[str], text: str, starts: list[int]) -> list[tuple[int, str]] | None:
    """:func:`doc_tokens` for words that cover ``text`` (``starts``: their offsets, and the text's end), or None
    when a run of white space does not consist of whole words (spaCy's own search decides then)."""
    tokens: list[tuple[int, str]] = []
    k = 0  # the first word not yet placed
    for run in _WHITE_SPACE.finditer(text):
        p, q = run.span()
        i, j = bisect_left(starts, p), bisect_left(starts, q)
        if starts[i] != p or starts[j] != q:
            return None  # a word holds white space and more: not jieba's words
        tokens += zip(starts[k:i], words[k:i])
        gap = p + 1 if p > 0 and text[p] == " " else p  # the word before takes one space
        if gap < q:
            tokens.append((gap, text[gap:q]))
        k = j
    tokens += zip(starts[k:-1], words[k:])
    return tokens


_WHITE_SPACE = re.compile(r"\s+")  # the characters str.isspace() takes (both are Py_UNICODE_ISSPACE)


@lru_cache(maxsize=1)
def shipped_lexicons() -> Lexicons:
    """The shipped lexicons (the tagger's chunk filter asks them for titles and suffixes)."""
    return Lexicons.load()
