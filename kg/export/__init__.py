"""Stage 5, export: the output files and their atomic publication (:mod:`.outputs`), the networkx graph
with GraphML/GEXF (:mod:`.graph`), RDF (:mod:`.rdf`) in the project vocabulary (:mod:`.vocab`).

Depends on :mod:`kg.link` and below.
"""
