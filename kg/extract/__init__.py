"""Stage 3, extraction: entity mentions (:mod:`.entities`), relations between them (:mod:`.relations`,
amounts in :mod:`.amounts`), the spaCy components that run them (:mod:`.nlp`), and one document's
results with its link keys (:mod:`.document`).

Depends on :mod:`kg.kb`, :mod:`kg.text` and below.
"""
