"""Stage 5, export: the output files and their atomic publication (:mod:`.outputs`), their Parquet
copies (:mod:`.parquet`), the networkx graph with GraphML/GEXF (:mod:`.graph`), RDF (:mod:`.rdf`) in
the project vocabulary (:mod:`.vocab`), the property graph for Neo4j (:mod:`.neo4j`).

Depends on :mod:`kg.link` and below.
"""
