"""Entity rules: grammars, triggers and lexicons that find the six entity types.

Pure functions over the normalized text (Simplified, half-width, de-spun);
the spaCy component in :mod:`kg.extract.nlp` is a thin wrapper. The rules,
one module each:

* **known names** from the lexicons (well-known enterprises, national parks,
  central organizations), longest first (:mod:`.known`);
* **suffix grammars**: a legal form (``有限公司``), organization type
  (``管理局``) or fund head (``引导基金``) extended to the left over name
  characters until a boundary word (``位于``, ``的``, ``企业``…), punctuation
  or another name (:mod:`.suffixes`); park or carrier types (``高新区``,
  ``产业园``) and ``X谷`` (:mod:`.parks`);
* **titles** before a name for people (``副局长徐一冰``, title chains), or after
  it (:mod:`.persons`);
* **industries**: ``X产业链``/``X产业``, enumerations governed by one
  suffix (``A、B、C等九大产业链`` → A, B, C) and lists after focus triggers
  (``聚焦``, ``重点发展``) (:mod:`.industries`, item boundaries in
  :mod:`.industry_spans`);
* **context triggers** for companies without a legal form (``链主企业X``,
  ``A、B等企业``, ``入驻A、B``) and lists typed by their head (:mod:`.lists`);
* **what only firms have**: a stock code or a stake after a name (``星岚稀土(600999.SH)``,
  ``临海精密制品90%股权``), or, for a name written twice, its shares and accounts (``星岚科技管理层``)
  (:mod:`.predicates`);
* **short forms** of names found in the same document (``聚大洋`` for
  ``青岛聚大洋藻业集团有限公司``, ``蓝谷`` for ``青岛蓝谷``) (:mod:`.short_forms`).

Candidates are resolved longest-first without overlaps (:mod:`.resolve`).
``tokens`` (words from the segmenter, tagged with their part of speech in
jieba's dictionary) let a name extend only over noun-like words, make
boundary words count only where they are whole words, and choose between
two- and three-character person names. What the rules share (the records,
the context, the trie, boundary helpers) is in :mod:`.context`; their word
lists are data files in ``kg/data/rules/`` (:mod:`kg.kb.rules`).

Imports run one way: ``context`` ← ``known`` ← ``industry_spans`` ← ``lists``
← ``suffixes`` ← ``parks``; ``persons``, ``industries``, ``short_forms``
and ``predicates`` sit on those; ``resolve`` imports the rules, and this package re-exports its API.

>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> [(m.text, m.type) for m in find_mentions("青岛蓝谷管理局副局长徐一冰表示,蓝谷将聚焦海洋生物医药产业链。", lex)]
[('青岛蓝谷管理局', 'ORG'), ('徐一冰', 'PERSON'), ('蓝谷', 'PARK'), ('海洋生物医药产业链', 'INDUSTRY')]
"""

from __future__ import annotations

from kg.extract.entities.context import STOP_POS, Mention, Token
from kg.extract.entities.resolve import find_mentions

__all__ = ["STOP_POS", "Mention", "Token", "find_mentions"]
