"""Reading a build: the Python API and named questions (:mod:`.api`), triple stores (:mod:`.store`),
the HTML view (:mod:`.view`) and the notebook's CJK font (:mod:`.fonts`).

Reads the output folder; depends on :mod:`kg.export` and below, never on :mod:`kg.run`.
"""
