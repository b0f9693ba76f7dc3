"""Stage 4, linking: the key that decides which mentions are one entity (:mod:`.keys`), computed from one
document only so ids are stable as documents are added.

Depends on :mod:`kg.extract` and below.
"""
