"""End-to-end fuzz: generated hostile inputs through `kg build`, every input accounted for.

A small instance of ``benchmarks/fuzz_build.py`` (the full run is 10,000
inputs); each batch checks no crash, no lost document, no wrong code, and
that every output reads back (CSV with ``csv`` and pandas, RDF, GraphML,
GEXF, the HTML view).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from fuzz_build import run  # noqa: E402


def test_generated_hostile_batches_lose_nothing_and_read_back():
    summary = run(n_inputs=500, batch_size=250, seed=11)
    assert summary.inputs >= 500
    assert summary.clean, "\n".join(summary.problems[:20])
    # every class of outcome was generated and reported with its own code
    assert {"ok", "E101", "E102", "E105", "E106"} <= set(summary.outcomes)
