"""Reading a build: the Python API and named questions (:mod:`.api`), triple stores (:mod:`.store`),
the HTML view (:mod:`.view`), exports for other tools (:mod:`.export`) and the notebook's CJK font (:mod:`.fonts`).

Reads the output folder; depends on :mod:`kg.export` and below, never on :mod:`kg.run`.
"""
