"""Stage 2, the knowledge base: lexicons of names, titles and legal forms (:mod:`.lexicons`), the standard
classifications of industries and administrative divisions (:mod:`.codes`), and the pinned files the
pipeline needs (:mod:`.pinned`, :mod:`.models`). Loaded once; a missing file is an error.

Depends on :mod:`kg.text` and below.
"""
