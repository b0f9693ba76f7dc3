"""Measuring a build against gold: scoring (:mod:`.evaluate`), the gold sets (:mod:`.goldsets`) and the
jieba.posseg peer (:mod:`.baseline`).

Depends on :mod:`kg.run` (it builds a set's articles) and below.
"""
