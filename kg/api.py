"""The Python API: open a build and ask it questions; every answer is a DataFrame with evidence.

Example (after ``kg build 'seeds/*.txt' --out out``; tested in ``tests/test_api.py``)::

    import kg
    g = kg.open("out")
    g.posts("徐一冰")[["organization", "title"]]   # 青岛蓝谷管理局, 副局长
    g.funds()                                      # funds by size in yuan, with their operators
    g.sparql("SELECT ?n WHERE { ?e rdfs:label ?n ; kg:entityType 'PARK' }")

Names are matched on the canonical name or any alias, in either script
(`青島藍谷` finds 青岛蓝谷). Every relation answer carries ``doc_id``,
``sentence`` (the evidence text) and ``start``/``end`` (raw offsets).
``sparql()`` runs any SPARQL 1.1 query on the graph (vocabulary in
``schemas/kg.ttl``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from kg.errors import KgUsageError

PREFIXES = """PREFIX kg: <https://w3id.org/kg-regional/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# A statement of one relation type between ?head and ?tail, with its evidence.
_STATEMENT = """
?st kg:relationType "{rel}" ; kg:subject ?head ; kg:object ?tail ;
    prov:wasDerivedFrom ?article ; prov:qualifiedDerivation/prov:entity ?s .
?s kg:text ?sentence ; kg:startOffset ?start ; kg:endOffset ?end .
?article dcterms:identifier ?doc_id .
?head rdfs:label ?head_name . ?tail rdfs:label ?tail_name .
"""


def _name_filter(var: str, name: str | None) -> str:
    """Match an entity by canonical name or alias, whatever the script."""
    if not name:
        return ""
    from kg.normalize import to_simplified

    forms = ", ".join(_literal(f) for f in sorted({name, to_simplified(name)}))
    label = f"?_label_{var[1:]}"
    return f"{{ {var} rdfs:label {label} }} UNION {{ {var} skos:altLabel {label} }} FILTER(str({label}) IN ({forms}))"


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class KnowledgeGraph:
    """A built graph, queryable with SPARQL and with one call per common question."""

    def __init__(self, out_dir: str | Path) -> None:
        import pyoxigraph

        self.out_dir = Path(out_dir)
        ttl = self.out_dir / "graph.ttl"
        if not ttl.is_file():
            raise KgUsageError(f"{out_dir} has no graph.ttl; run `kg build INPUT --out {out_dir}` first")
        self.store = pyoxigraph.Store()
        self.store.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
        self._mentions: pd.DataFrame | None = None

    # -- SPARQL

    def sparql(self, query: str) -> pd.DataFrame:
        """Run a SPARQL SELECT (the kg prefixes are added when missing); one column per variable.

        IRIs come back as strings, literals as their Python value (numbers as numbers).
        """
        if "PREFIX kg:" not in query:
            query = PREFIXES + query
        try:
            result = self.store.query(query)
        except (SyntaxError, ValueError, OSError) as exc:
            raise KgUsageError(f"SPARQL error: {exc}") from None
        names = [v.value for v in result.variables]
        rows = [{n: _value(row[n]) for n in names} for row in result]
        return pd.DataFrame(rows, columns=names)

    def _relation(self, rel: str, head: str | None = None, tail: str | None = None, extra: str = "",
                  select: str = "") -> pd.DataFrame:
        query = (f"SELECT DISTINCT ?head_name ?tail_name {select} ?doc_id ?sentence ?start ?end WHERE {{"
                 f"{_STATEMENT.format(rel=rel)} {extra} {_name_filter('?head', head)} {_name_filter('?tail', tail)} }}"
                 f" ORDER BY ?head_name ?tail_name ?doc_id ?start")
        return self.sparql(query)

    # -- questions analysts ask

    def posts(self, person: str | None = None) -> pd.DataFrame:
        """Posts of a person (or of everyone): person, organization, title, evidence."""
        df = self._relation("HOLDS_POST", head=person, extra="OPTIONAL { ?st kg:title ?title }", select="?title")
        return df.rename(columns={"head_name": "person", "tail_name": "organization"})

    def people(self, org: str) -> pd.DataFrame:
        """People holding posts at an organization, company or park, with their titles and evidence."""
        df = self._relation("HOLDS_POST", tail=org, extra="OPTIONAL { ?st kg:title ?title }", select="?title")
        return df.rename(columns={"head_name": "person", "tail_name": "organization"})

    def companies_in(self, park: str) -> pd.DataFrame:
        """Companies and organizations located in a park."""
        return self._relation("LOCATED_IN", tail=park).rename(columns={"head_name": "company", "tail_name": "park"})

    def parks_focusing_on(self, industry: str) -> pd.DataFrame:
        """Parks (and organizations) that focus on an industry."""
        return self._relation("FOCUSES_ON", tail=industry).rename(columns={"head_name": "park", "tail_name": "industry"})

    def industries_of(self, park: str) -> pd.DataFrame:
        """Industries a park focuses on."""
        return self._relation("FOCUSES_ON", head=park).rename(columns={"head_name": "park", "tail_name": "industry"})

    def chain_leaders(self, industry: str | None = None) -> pd.DataFrame:
        """Chain-leader companies (链主) and chain chiefs (链长), per industry."""
        return self._relation("LEADS_CHAIN", tail=industry).rename(columns={"head_name": "leader", "tail_name": "industry"})

    def funds(self) -> pd.DataFrame:
        """Funds with their size in yuan (as written and as a number) and who operates them."""
        query = """SELECT ?fund ?size ?size_yuan ?operator ?doc_id ?sentence WHERE {
            ?f a kg:Fund ; rdfs:label ?fund .
            OPTIONAL { ?f kg:size ?size_yuan ; kg:amountText ?size }
            OPTIONAL { ?st kg:relationType "OPERATES" ; kg:subject ?o ; kg:object ?f ;
                           prov:wasDerivedFrom/dcterms:identifier ?doc_id ; prov:qualifiedDerivation/prov:entity/kg:text ?sentence .
                       ?o rdfs:label ?operator }
        } ORDER BY DESC(?size_yuan) ?fund"""
        return self.sparql(query)

    def partnerships(self, entity: str | None = None) -> pd.DataFrame:
        """Who partners with whom (both directions when ``entity`` is given)."""
        if entity is None:
            return self._relation("PARTNERS_WITH").rename(columns={"head_name": "party", "tail_name": "partner"})
        a = self._relation("PARTNERS_WITH", head=entity).rename(columns={"head_name": "party", "tail_name": "partner"})
        b = self._relation("PARTNERS_WITH", tail=entity).rename(columns={"tail_name": "party", "head_name": "partner"})
        return pd.concat([a, b[a.columns]], ignore_index=True)

    def mentions(self, name: str) -> pd.DataFrame:
        """Where an entity is mentioned: article, raw offsets and surface text of every mention."""
        ids = self.sparql(f"SELECT DISTINCT ?e WHERE {{ {_name_filter('?e', name)} }}")["e"].str.rsplit("/", n=1).str[-1]
        if self._mentions is None:
            self._mentions = pd.read_csv(self.out_dir / "mentions.csv", dtype=str, keep_default_na=False)
        df = self._mentions[self._mentions["entity_id"].isin(set(ids))].copy()
        df[["start", "end"]] = df[["start", "end"]].astype(int)
        return df.sort_values(["doc_id", "start"]).reset_index(drop=True)

    def entities(self, type: str | None = None) -> pd.DataFrame:  # noqa: A002 - the column is called type
        """The entity table (``entities.csv``), optionally of one type."""
        df = pd.read_csv(self.out_dir / "entities.csv", dtype=str, keep_default_na=False)
        return df[df["type"] == type].reset_index(drop=True) if type else df


#: Named questions for `kg query OUT_DIR NAME --option value`.
NAMED_QUERIES = {
    "posts": ("posts", "person"), "people": ("people", "org"), "companies": ("companies_in", "park"),
    "parks": ("parks_focusing_on", "industry"), "industries": ("industries_of", "park"),
    "chain-leaders": ("chain_leaders", "industry"), "funds": ("funds", None),
    "partnerships": ("partnerships", "entity"), "mentions": ("mentions", "entity"),
}


def _value(term: Any) -> Any:
    if term is None:
        return None
    value = getattr(term, "value", str(term))
    datatype = getattr(getattr(term, "datatype", None), "value", "")
    if datatype.endswith(("#integer", "#int", "#long")):
        return int(value)
    if datatype.endswith(("#decimal", "#double", "#float")):
        return float(value)
    return value


def open_graph(out_dir: str | Path) -> KnowledgeGraph:
    """Open the outputs of ``kg build`` (the folder with graph.ttl)."""
    return KnowledgeGraph(out_dir)
