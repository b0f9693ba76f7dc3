"""The Python API: open a build and ask it questions; every answer is a DataFrame with evidence.

Example (after ``kg build 'seeds/*.txt' --out out``; tested in ``tests/test_api.py``)::

    import kg
    g = kg.open("out")
    g.posts("徐一冰")[["organization", "title"]]   # 青岛蓝谷管理局, 副局长
    g.funds()                                      # funds by size in yuan, with their operators
    g.sparql("SELECT ?n WHERE { ?e rdfs:label ?n ; kg:entityType 'PARK' }")

``kg.build(texts).query`` is the same class over a build kept in memory (:meth:`KnowledgeGraph.from_memory`).

The named questions are the methods marked :func:`question`; :data:`QUESTIONS` lists them, and
``kg query`` takes each under the method's name with ``-`` for ``_`` and its one parameter as an
option: ``kg query OUT companies-in --park X`` is ``kg.open(OUT).companies_in(park=X)``.

Names are matched on the canonical name or any alias, in either script
(`青島藍谷` finds 青岛蓝谷). Every relation answer carries ``doc_id``,
``sentence`` (the evidence text) and ``start``/``end`` (raw offsets).
``sparql()`` runs a SPARQL 1.1 SELECT on the graph (vocabulary in
``schemas/kg.ttl``). It is read-only and local: updates, ``FROM`` clauses and
``SERVICE`` calls are refused before anything runs (:func:`check_sparql`);
``sparql(query, allow_service=True)`` lets ``SERVICE`` reach remote endpoints.
"""

from __future__ import annotations

import inspect
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kg.errors import KgUsageError
from kg.export.frames import read_table
from kg.export.vocab import NAMESPACE as KG_NAMESPACE

if TYPE_CHECKING:  # pandas is imported where a frame is made: `kg --help` reads QUESTIONS without loading it
    import pandas as pd


#: The entity types (``entities(type=...)``, ``kg query OUT entities --type``).
ENTITY_TYPES = ("PARK", "COMPANY", "ORG", "PERSON", "INDUSTRY", "FUND")


class QueryRefusedError(KgUsageError):
    """A SPARQL request that `kg query` / :meth:`KnowledgeGraph.sparql` does not run (an update, FROM, SERVICE)."""


# The kg: terms in the query texts below are checked against schemas/kg.ttl by tests/test_vocab.py.
PREFIXES = f"""PREFIX kg: <{KG_NAMESPACE}>
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
    from kg.text.normalize import to_simplified

    forms = ", ".join(_literal(f) for f in sorted({name, to_simplified(name)}))
    label = f"?_label_{var[1:]}"
    return f"{{ {var} rdfs:label {label} }} UNION {{ {var} skos:altLabel {label} }} FILTER(str({label}) IN ({forms}))"


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# Why SPARQL from users is checked before it runs (pyoxigraph 0.5.13; tests/test_query_safety.py):
# ``Store.query`` evaluates ``SERVICE <iri> {…}`` with oxigraph's built-in HTTP client: it POSTs the
# inner pattern to that IRI (any host; ``User-Agent: Oxigraph/0.5.13``) during evaluation, and
# ``SERVICE ?var`` calls IRIs taken from the data. The Python binding builds its evaluator with the
# default options, so the service handler cannot be switched off or replaced and the HTTP client has
# no timeout; ``SERVICE SILENT`` turns a failing call into an empty row. ``FROM``/``FROM NAMED`` fetch
# nothing: they select named graphs of the store, and a build has only the default graph, so such a
# query silently returns no rows. ``LOAD`` fetches too, but only ``Store.update`` runs updates
# (``Store.query`` calls them a syntax error); they are refused here with a message that says why.
# The check parses (rdflib's SPARQL 1.1 grammar) the very text pyoxigraph then runs and refuses what
# it cannot parse, so a SERVICE in a string literal or a comment is no SERVICE, and no unparsed
# construct is run. Two places where the parsers read text differently are closed first: a lone CR
# ends a comment for oxigraph but not for rdflib (line ends are normalized to LF), and rdflib expands
# \uXXXX escapes before parsing while oxigraph does not (queries with them are refused).

_UNICODE_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
            "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE"}
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_ALLOW_SERVICE_HINT = "allow it with `kg query --allow-service` (Python: `sparql(query, allow_service=True)`)"


def normalize_sparql(query: str) -> str:
    """The text that is both checked and run: CRLF and lone CR become LF (see the comment above)."""
    return query.replace("\r\n", "\n").replace("\r", "\n")


def check_sparql(query: str, allow_service: bool = False, line_offset: int = 0) -> list[str]:
    """Refuse, before anything runs, a SPARQL request that is not a local read-only SELECT.

    Raises :class:`QueryRefusedError` for an update (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD,
    MOVE, COPY), a ``FROM``/``FROM NAMED`` dataset clause, an ASK/CONSTRUCT/DESCRIBE, or a ``SERVICE``
    anywhere in the query (unless ``allow_service``), and :class:`KgUsageError` for text that does not
    parse. Returns the SERVICE clauses found (as written, e.g. ``SERVICE SILENT <http://…>``).
    ``line_offset`` is subtracted from the line of a syntax error (for prepended prefixes).
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    if match := _UNICODE_ESCAPE.search(query):
        raise QueryRefusedError(f"refused the escape {match.group()}: \\u escapes are read differently by the "
                                "checker and the store, so kg query does not run them; write the character itself")
    try:
        parsed = parseQuery(query)
    except ParseException as exc:
        try:
            update = parseUpdate(query)
        except ParseException:
            update = None
        operations = [_update_name(op) for op in dict.get(update, "request", [])] if update is not None else []
        if operations:
            raise QueryRefusedError(f"refused {', '.join(dict.fromkeys(operations))}: SPARQL updates never run in "
                                    "kg query, which only reads the graph (no option allows them); give a SELECT") from None
        found = str(exc).split("  (at char", 1)[0]
        raise KgUsageError(f"SPARQL error at line {max(exc.lineno - line_offset, 1)}, column {exc.col}: {found}") from None
    form = next((_FORMS.get(n.name, n.name) for n in parsed if isinstance(n, CompValue)), "?")
    if form != "SELECT":
        raise QueryRefusedError(f"refused {form}: kg query answers SELECT queries only (one column per variable); "
                                "rewrite it as a SELECT")
    nodes = list(_parse_nodes(parsed))
    for node in nodes:
        if node.name == "DatasetClause":
            clause = "FROM NAMED" if "named" in node else "FROM"
            iri = _term_text(dict.get(node, "named", dict.get(node, "default")))
            raise QueryRefusedError(f"refused {clause} {iri}: kg query reads the build's graph only and fetches "
                                    "no FROM graph (the store would look for a named graph it does not have and "
                                    "return no rows); remove the clause, or use SERVICE with --allow-service")
    services = [" ".join(str(dict.get(n, "service_string", "SERVICE")).split("{", 1)[0].split())
                for n in nodes if n.name == "ServiceGraphPattern"]
    if services and not allow_service:
        raise QueryRefusedError(f"refused {services[0]}: SERVICE sends the query to a remote endpoint and kg "
                                f"query is local by default; {_ALLOW_SERVICE_HINT}")
    return services


def _parse_nodes(tree: Any):  # noqa: ANN202 - an iterator of rdflib CompValue
    """Every rdflib ``CompValue`` of a parse tree, in document order, at any depth.

    (A ``CompValue`` is a dict whose ``get`` returns the key itself when it is missing,
    hence ``in`` and ``dict.get`` below.)
    """
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(reversed(list(node)))


def _update_name(op: Any) -> str:
    if op.name == "Modify":
        return "/".join(k for k in ("DELETE", "INSERT") if k.lower() in op) + " … WHERE"
    return _UPDATES.get(op.name, op.name)


def _term_text(term: Any) -> str:
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef

    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, CompValue) and term.name == "pname":
        return f"{dict.get(term, 'prefix') or ''}:{dict.get(term, 'localname') or ''}"
    return str(term)


_F = TypeVar("_F", bound=Callable[..., Any])


def question(method: _F) -> _F:
    """Mark a :class:`KnowledgeGraph` method as a named question (listed in :data:`QUESTIONS`, asked by ``kg query``).

    A question takes at most one parameter, a name (``kg query`` gives it as ``--<parameter>``);
    its docstring's first line is its one-line help.
    """
    method.kg_question = True  # type: ignore[attr-defined]
    return method


class KnowledgeGraph:
    """A built graph, queryable with SPARQL and with one call per common question."""

    def __init__(self, out_dir: str | Path) -> None:
        import pyoxigraph

        ttl = Path(out_dir) / "graph.ttl"
        if not ttl.is_file():
            raise KgUsageError(f"{out_dir} has no graph.ttl; run `kg build INPUT --out {out_dir}` first")
        store = pyoxigraph.Store()
        store.bulk_load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
        self._setup(store, Path(out_dir), {})

    @classmethod
    def from_memory(cls, turtle: str, tables: Mapping[str, pd.DataFrame]) -> KnowledgeGraph:
        """The graph of a build kept in memory: ``turtle`` is the text ``graph.ttl`` would hold, ``tables`` the
        frames of ``entities.csv`` and ``mentions.csv`` as :func:`kg.export.frames.read_table` reads them."""
        import pyoxigraph

        store = pyoxigraph.Store()
        store.bulk_load(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        graph = cls.__new__(cls)
        graph._setup(store, None, dict(tables))
        return graph

    def _setup(self, store: Any, out_dir: Path | None, tables: dict[str, pd.DataFrame]) -> None:
        self.store = store
        self.out_dir = out_dir  # None for a build kept in memory
        self._tables = tables

    def _table(self, name: str) -> pd.DataFrame:
        """``entities`` or ``mentions``: given in memory, or read once from the build's CSV file."""
        if name not in self._tables:
            assert self.out_dir is not None
            self._tables[name] = read_table(name, self.out_dir / f"{name}.csv")
        return self._tables[name]

    # -- SPARQL

    def sparql(self, query: str, *, allow_service: bool = False, service_timeout: float | None = 60.0) -> pd.DataFrame:
        """Run a SPARQL SELECT (the kg prefixes are added when missing); one column per variable.

        IRIs come back as strings, literals as their Python value (numbers as numbers).
        Read-only and local: updates, ``FROM`` clauses and ``SERVICE`` raise
        :class:`QueryRefusedError` before anything runs (:func:`check_sparql`).
        ``allow_service=True`` runs ``SERVICE`` calls; a failing endpoint, or one
        silent for ``service_timeout`` seconds, raises :class:`KgUsageError`.
        """
        query = normalize_sparql(query)
        offset = 0
        if "PREFIX kg:" not in query:
            query, offset = PREFIXES + query, PREFIXES.count("\n")
        services = check_sparql(query, allow_service=allow_service, line_offset=offset)
        return self._select(query, services, service_timeout if services else None)

    def _select(self, query: str, services: list[str] | None = None, timeout: float | None = None) -> pd.DataFrame:
        """Run a SELECT the caller has checked (or written); errors of the store or of SERVICE calls are one line."""
        import pandas as pd

        def evaluate() -> tuple[list[str], list[dict[str, Any]]]:
            result = self.store.query(query)
            names = [v.value for v in result.variables]
            return names, [{n: _value(row[n]) for n in names} for row in result]  # SERVICE errors come while iterating

        try:
            names, rows = evaluate() if timeout is None else _with_timeout(evaluate, timeout)
        except _NoAnswer:
            raise KgUsageError(f"{'; '.join(services or ['SERVICE'])}: no answer within {timeout:g} s") from None
        except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
            message = " ".join(str(exc).split())[:300] or type(exc).__name__
            if services:
                raise KgUsageError(f"{'; '.join(services)} failed: {message}") from None
            raise KgUsageError(f"SPARQL error: {message}") from None
        return pd.DataFrame(rows, columns=names)

    def _relation(self, rel: str, head: str | None = None, tail: str | None = None, extra: str = "",
                  select: str = "") -> pd.DataFrame:
        query = (f"SELECT DISTINCT ?head_name ?tail_name {select} ?doc_id ?sentence ?start ?end WHERE {{"
                 f"{_STATEMENT.format(rel=rel)} {extra} {_name_filter('?head', head)} {_name_filter('?tail', tail)} }}"
                 f" ORDER BY ?head_name ?tail_name ?doc_id ?start")
        return self._select(PREFIXES + query)

    # -- questions analysts ask

    @question
    def posts(self, person: str | None = None) -> pd.DataFrame:
        """Posts of a person (or of everyone): person, organization, title, evidence."""
        df = self._relation("HOLDS_POST", head=person, extra="OPTIONAL { ?st kg:title ?title }", select="?title")
        return df.rename(columns={"head_name": "person", "tail_name": "organization"})

    @question
    def people(self, org: str) -> pd.DataFrame:
        """People holding posts at an organization, company or park, with their titles and evidence."""
        df = self._relation("HOLDS_POST", tail=org, extra="OPTIONAL { ?st kg:title ?title }", select="?title")
        return df.rename(columns={"head_name": "person", "tail_name": "organization"})

    @question
    def companies_in(self, park: str) -> pd.DataFrame:
        """Companies and organizations located in a park."""
        return self._relation("LOCATED_IN", tail=park).rename(columns={"head_name": "company", "tail_name": "park"})

    @question
    def parks_focusing_on(self, industry: str) -> pd.DataFrame:
        """Parks (and organizations) that focus on an industry."""
        return self._relation("FOCUSES_ON", tail=industry).rename(columns={"head_name": "park", "tail_name": "industry"})

    @question
    def industries_of(self, park: str) -> pd.DataFrame:
        """Industries a park focuses on."""
        return self._relation("FOCUSES_ON", head=park).rename(columns={"head_name": "park", "tail_name": "industry"})

    @question
    def chain_leaders(self, industry: str | None = None) -> pd.DataFrame:
        """Chain-leader companies (链主) and chain chiefs (链长), per industry."""
        return self._relation("LEADS_CHAIN", tail=industry).rename(columns={"head_name": "leader", "tail_name": "industry"})

    @question
    def funds(self) -> pd.DataFrame:
        """Funds with their size in yuan (as written and as a number) and who operates them."""
        query = """SELECT ?fund ?size ?size_yuan ?operator ?doc_id ?sentence WHERE {
            ?f a kg:Fund ; rdfs:label ?fund .
            OPTIONAL { ?f kg:size ?size_yuan ; kg:amountText ?size }
            OPTIONAL { ?st kg:relationType "OPERATES" ; kg:subject ?o ; kg:object ?f ;
                           prov:wasDerivedFrom/dcterms:identifier ?doc_id ; prov:qualifiedDerivation/prov:entity/kg:text ?sentence .
                       ?o rdfs:label ?operator }
        } ORDER BY DESC(?size_yuan) ?fund"""
        return self._select(PREFIXES + query)

    @question
    def partnerships(self, entity: str | None = None) -> pd.DataFrame:
        """Who partners with whom (both directions when ``entity`` is given)."""
        import pandas as pd

        if entity is None:
            return self._relation("PARTNERS_WITH").rename(columns={"head_name": "party", "tail_name": "partner"})
        a = self._relation("PARTNERS_WITH", head=entity).rename(columns={"head_name": "party", "tail_name": "partner"})
        b = self._relation("PARTNERS_WITH", tail=entity).rename(columns={"tail_name": "party", "head_name": "partner"})
        return pd.concat([a, b[a.columns]], ignore_index=True)

    @question
    def mentions(self, entity: str) -> pd.DataFrame:
        """Where an entity is mentioned: article, raw offsets and surface text of every mention."""
        ids = self._select(PREFIXES + f"SELECT DISTINCT ?e WHERE {{ {_name_filter('?e', entity)} }}")["e"].str.rsplit("/", n=1).str[-1]
        df = self._table("mentions")
        return df[df["entity_id"].isin(set(ids))].sort_values(["doc_id", "start"]).reset_index(drop=True)

    # -- standard codes (kg.export.codes): industries in the classification, parks in divisions

    @question
    def parks_by_province(self) -> pd.DataFrame:
        """Parks per province (from their administrative division): ``province``, ``province_code``
        (GB/T 2260), ``n_parks`` and ``parks`` (names, ``|``-separated), most parks first; a last row
        with an empty province counts the parks whose division is not known."""
        import pandas as pd

        from kg.export.rdf import DIVISION_SCHEME  # here, not at the top: `kg --help` reads QUESTIONS without networkx

        query = f"""SELECT ?park ?province ?province_code WHERE {{
            ?p kg:entityType "PARK" ; rdfs:label ?park .
            OPTIONAL {{ ?p kg:division/skos:broader* ?top . ?top skos:topConceptOf <{DIVISION_SCHEME}> ;
                           skos:prefLabel ?province ; skos:notation ?province_code }}
        }}"""
        rows = self._select(PREFIXES + query).fillna("")
        groups = rows.groupby(["province", "province_code"], sort=False)["park"]
        df = pd.DataFrame([{"province": prov, "province_code": code, "n_parks": parks.nunique(),
                            "parks": "|".join(sorted(set(parks)))} for (prov, code), parks in groups],
                          columns=["province", "province_code", "n_parks", "parks"])
        order = df.assign(_unknown=df["province_code"] == "").sort_values(
            ["_unknown", "n_parks", "province_code"], ascending=[True, False, True])
        return order.drop(columns="_unknown").reset_index(drop=True)

    @question
    def industries_under(self, industry: str) -> pd.DataFrame:
        """Industries whose ``skos:broader`` chain reaches ``industry``.

        ``industry`` is an industry (of the build or of the lexicon; name or alias, either script): the
        industries below it in the industry tree (``海洋生物医药`` under ``生物医药``); or a category of the
        classification by code (``4.1``, ``4``) or name (``生物医药产业``): the industries coded in it or
        in a narrower category. Columns ``industry``, ``industry_code``, ``industry_class``, ``parent``,
        ``n_docs``; an unknown name gives no rows, a code the classification lacks is an error.
        """
        from kg.export.rdf import SEI_SCHEME

        nodes = self._industry_nodes(industry)
        query = f"""SELECT DISTINCT ?industry ?industry_code ?industry_class ?parent ?n_docs WHERE {{
            ?e kg:entityType "INDUSTRY" ; rdfs:label ?industry ; kg:industryCode ?industry_code ;
               kg:documentCount ?n_docs .
            {{ ?e skos:broader+ ?top . ?top a kg:Industry }}
            UNION {{ ?e skos:broader ?category . ?category skos:inScheme <{SEI_SCHEME}> ; skos:broader* ?top }}
            VALUES ?top {{ {" ".join(nodes)} }}
            OPTIONAL {{ ?e skos:broader ?c . ?c skos:inScheme <{SEI_SCHEME}> ; skos:prefLabel ?industry_class }}
            OPTIONAL {{ ?e skos:broader ?up . ?up a kg:Industry ; skos:prefLabel ?parent }}
        }} ORDER BY ?industry_code ?industry"""
        return self._select(PREFIXES + query).fillna("")

    def _industry_nodes(self, industry: str) -> list[str]:
        """The nodes ``industry`` names: a category by code or name, industries by name or alias."""
        from kg.export.rdf import SEI_SCHEME
        from kg.kb.codes import IndustryCodes
        from kg.text.normalize import to_simplified

        codes = IndustryCodes.load()
        text = to_simplified(industry.strip())
        if re.fullmatch(r"[0-9]+(?:\.[0-9]+)*", text):
            if text not in codes.concepts:
                raise KgUsageError(f"{industry!r} is no code of the classification of strategic emerging industries "
                                   "(codes 1 to 9 and their second level, e.g. 4.1; list: kg/data/lexicons/sei_2018.tsv)")
            return [f"<{SEI_SCHEME}/{text}>"]
        forms = ", ".join(_literal(n) for n in sorted({text, codes.surfaces.get(text, text)}))
        for kind in ("?n a kg:Industry", f"?n skos:inScheme <{SEI_SCHEME}>"):  # an industry before a category (人工智能)
            query = f"""SELECT DISTINCT ?n WHERE {{ {kind} .
                {{ ?n skos:prefLabel ?l }} UNION {{ ?n skos:altLabel ?l }} FILTER(str(?l) IN ({forms}))
            }} ORDER BY ?n"""
            if nodes := [f"<{iri}>" for iri in self._select(PREFIXES + query)["n"]]:
                return nodes
        return []

    @question
    def entities(self, type: str | None = None) -> pd.DataFrame:  # noqa: A002 - the column is called type
        """The entity table (``entities.csv``), optionally of one type (``PARK``, ``park``: either case).

        With a type, only the columns that type fills (``titles`` of persons, the industry codes of
        industries, the divisions of parks, organizations and companies)."""
        df = self._table("entities")
        if not type:
            return df.copy()
        wanted = type.strip().upper()
        if wanted not in ENTITY_TYPES:
            raise KgUsageError(f"unknown entity type {type!r}; choose one of: {', '.join(ENTITY_TYPES)}")
        rows = df[df["type"] == wanted].reset_index(drop=True)
        base = ["entity_id", "type", "name", "aliases", "n_mentions", "n_docs"]
        return rows[[c for c in rows.columns if c in base or (rows[c] != "").any()]]


@dataclass(frozen=True)
class Question:
    """A named question: a :class:`KnowledgeGraph` method and how ``kg query`` asks it."""

    method: str  # kg.open(OUT).<method>(...)
    option: str | None  # its one parameter: `kg query OUT <command> --<option> VALUE`
    required: bool
    summary: str  # the first paragraph of its docstring

    @property
    def command(self) -> str:
        """The name ``kg query`` takes: the method's, with ``-`` for ``_``."""
        return self.method.replace("_", "-")


def _questions(cls: type) -> dict[str, Question]:
    out = {}
    for name, func in vars(cls).items():  # in the order of the class
        if not getattr(func, "kg_question", False):
            continue
        params = [p for p in inspect.signature(func).parameters.values() if p.name != "self"]
        if len(params) > 1:
            raise TypeError(f"the question {name} takes {len(params)} parameters; kg query gives at most one")
        p = params[0] if params else None
        q = Question(name, p.name if p else None, p is not None and p.default is inspect.Parameter.empty,
                     " ".join(inspect.getdoc(func).split("\n\n", 1)[0].split()))
        out[q.command] = q
    return out


#: The named questions by their ``kg query`` name (``companies-in``), in the order of the class.
QUESTIONS: dict[str, Question] = _questions(KnowledgeGraph)

#: What each question's parameter names: ``kg query``'s metavar and the start of the option's help.
OPTIONS: dict[str, tuple[str, str]] = {
    "person": ("NAME", "Person (name or alias)"),
    "org": ("NAME", "Organization, company or park (name or alias)"),
    "park": ("NAME", "Park (name or alias)"),
    "industry": ("NAME", "Industry (name or alias; for `industries-under` also a category code such as 4.1)"),
    "entity": ("NAME", "Entity (name or alias)"),
    "type": ("TYPE", "Entity type (PARK, COMPANY, ORG, PERSON, INDUSTRY, FUND)"),
}


class _NoAnswer(Exception):
    """The SERVICE calls of a query did not finish in time."""


def _with_timeout(func: Any, timeout: float) -> Any:
    """``func()`` in a daemon thread; :class:`_NoAnswer` if it has not returned after ``timeout`` seconds.

    pyoxigraph's HTTP client has no timeout, so a SERVICE endpoint that accepts and never answers
    would block forever; the abandoned call stays in its thread until the endpoint gives up.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = func()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            # without its traceback: its frames hold pyoxigraph's result iterator, which must be freed
            # in this thread (PyO3 reports an "unsendable" object dropped on another thread otherwise)
            box["error"] = exc.with_traceback(None)

    thread = threading.Thread(target=run, name="kg-sparql-service", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _NoAnswer
    if "error" in box:
        raise box["error"]
    return box["value"]


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
