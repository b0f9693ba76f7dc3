"""Stage 3, extraction: entity mentions (:mod:`.entities`), relations between them (:mod:`.relations`,
amounts in :mod:`.amounts`), the components' work on plain text that a build runs (:mod:`.components`, on
jieba's cut of :mod:`.fast_jieba` with the dictionary of :mod:`.jieba_dict`), the same as spaCy components
(:mod:`.nlp`), and one document's results with its link keys (:mod:`.document`).

Depends on :mod:`kg.kb`, :mod:`kg.text` and below.
"""
