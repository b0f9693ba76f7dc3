"""Stage 6, running the stages: one document's work (:mod:`.work`) on an engine (:mod:`.engines`,
:mod:`.dask_engine`), everything after it once over all results (:mod:`.assemble`), the state file for
incremental builds (:mod:`.state`), and the build command itself (:mod:`.build`).

Depends on every stage below it.
"""
