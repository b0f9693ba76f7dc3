"""Stage 1, text: read inputs (:mod:`.ingest`), remove what is not the article (:mod:`.clean`),
make one normalized view for matching with a map back to raw offsets (:mod:`.normalize`, :mod:`.offsets`).

Depends on nothing in kg but :mod:`kg.errors` and :mod:`kg.options`.
"""
