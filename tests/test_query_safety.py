"""`kg query` and `KnowledgeGraph.sparql` are read-only and local unless --allow-service says otherwise.

Every endpoint here is a tiny HTTP server on 127.0.0.1 (port 0) started by the test, which records
what it receives; nothing leaves the loopback interface.
"""

from __future__ import annotations

import http.server
import json
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest

import kg
from kg.errors import KgUsageError

NAME_OF_XU = 'SELECT ?n WHERE { ?e rdfs:label ?n FILTER(str(?n) = "徐一冰") }'


@contextmanager
def loopback_endpoint(status: int = 500, body: bytes = b"endpoint failure", content_type: str = "text/plain"):
    """An HTTP server on 127.0.0.1 answering every request with ``status``; yields (url, requests received)."""
    received: list[tuple[str, str, bytes]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            received.append((self.command, self.path, self.rfile.read(length)))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args) -> None:  # quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def closed_port_url() -> str:
    """A loopback URL nothing listens on (the port was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/sparql"


def kg_query(out, query: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", "query", str(out), query, *options],
                          capture_output=True, text=True, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], proc.stderr
    assert proc.stdout == ""


@pytest.fixture(scope="module")
def g(seed_build):
    return kg.open(seed_build)


# -- SERVICE is refused before anything is sent

SERVICE_FORMS = {
    "plain": ("SELECT ?n WHERE {{ SERVICE <{url}> {{ ?e rdfs:label ?n }} }}", "SERVICE <{url}>"),
    "lower case": ("select ?n where {{ service <{url}> {{ ?e rdfs:label ?n }} }}", "service <{url}>"),
    "silent, nested in OPTIONAL / sub-select / FILTER EXISTS": (
        "SELECT ?n WHERE {{ ?e rdfs:label ?n OPTIONAL {{ {{ SELECT ?e WHERE {{ FILTER EXISTS "
        "{{ SERVICE SILENT <{url}> {{ ?e ?p ?o }} }} }} }} }} }}", "SERVICE SILENT <{url}>"),
    "in a projected expression": ("SELECT ?n (EXISTS {{ SERVICE <{url}> {{ ?e ?p ?o }} }} AS ?x) "
                                  "WHERE {{ ?e rdfs:label ?n }}", "SERVICE <{url}>"),
    "endpoint in a variable": ("SELECT ?n WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?e rdfs:label ?n }} }}",
                                 "SERVICE ?u"),
    # a lone CR ends a comment for pyoxigraph: the SERVICE after it is real and must be seen
    "after a comment ended by CR": ("SELECT ?n WHERE {{ ?e rdfs:label ?n # note\rSERVICE <{url}> {{ ?e ?p ?o }}\n}}",
                                    "SERVICE <{url}>"),
}


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_service_is_refused_and_the_endpoint_receives_nothing(seed_build, form):
    template, clause = SERVICE_FORMS[form]
    with loopback_endpoint() as (url, received):
        proc = kg_query(seed_build, template.format(url=url))
        time.sleep(0.2)  # a request in flight would have arrived by now
    assert_one_line_error(proc, f"refused {clause.format(url=url)}", "--allow-service")
    assert received == []


def test_service_in_a_comment_or_a_string_literal_is_not_refused(seed_build, g):
    with loopback_endpoint() as (url, received):
        query = (f"# not run: SERVICE <{url}> {{ ?e ?p ?o }}\n"
                 f'SELECT ?n WHERE {{ ?e rdfs:label ?n FILTER(str(?n) = "徐一冰" && ?n != "SERVICE <{url}> {{ }}") }}')
        proc = kg_query(seed_build, query, "--format", "csv")
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines() == ["n", "徐一冰"]
        for literal in (f'"a\\" SERVICE <{url}> {{ ?e ?p ?o }}"', f"'''x'' SERVICE <{url}> {{ ?e ?p ?o }}'''"):
            df = g.sparql(f"SELECT ?n WHERE {{ ?e rdfs:label ?n FILTER(str(?n) = \"徐一冰\" && ?n != {literal}) }}",
                          allow_service=False)
            assert list(df["n"]) == ["徐一冰"]
        time.sleep(0.2)
    assert received == []


def test_python_api_refuses_service_with_a_usage_error(g):
    with loopback_endpoint() as (url, received):
        with pytest.raises(kg.query.api.QueryRefusedError, match=r"refused SERVICE <.*allow_service=True") as info:
            g.sparql(f"SELECT ?n WHERE {{ SERVICE <{url}> {{ ?e rdfs:label ?n }} }}")
        assert isinstance(info.value, KgUsageError)
        with pytest.raises(kg.query.api.QueryRefusedError, match=r"\\u escapes"):  # the checker and the store disagree on them
            g.sparql(f"SELECT ?n WHERE {{ \\u0053ERVICE <{url}> {{ ?e rdfs:label ?n }} }}")
        time.sleep(0.2)
    assert received == []


# -- updates, dataset clauses and other query forms

UPDATES = {
    "INSERT DATA": "INSERT DATA { <urn:kg:a> <urn:kg:b> <urn:kg:c> }",
    "DELETE DATA": "DELETE DATA { <urn:kg:a> <urn:kg:b> <urn:kg:c> }",
    "DELETE WHERE": "DELETE WHERE { ?s ?p ?o }",
    "DELETE/INSERT … WHERE": "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "INSERT … WHERE": "PREFIX x: <urn:x:> INSERT { ?s x:p 1 } WHERE { ?s ?p ?o }",
    "LOAD": "LOAD <{url}>",
    "CLEAR": "CLEAR ALL",
    "DROP": "DROP DEFAULT",
    "CREATE": "CREATE GRAPH <urn:kg:g>",
    "ADD": "ADD DEFAULT TO <urn:kg:g>",
    "MOVE": "MOVE DEFAULT TO <urn:kg:g>",
    "COPY": "COPY DEFAULT TO <urn:kg:g>",
}


@pytest.mark.parametrize("operation", UPDATES, ids=lambda op: op.replace(" … ", " "))
def test_every_update_form_is_refused(seed_build, operation):
    with loopback_endpoint(status=200, body=b"<urn:kg:x> <urn:kg:y> <urn:kg:z> .", content_type="text/turtle") as (url, received):
        proc = kg_query(seed_build, UPDATES[operation].replace("{url}", url))
        time.sleep(0.2)
    assert_one_line_error(proc, f"refused {operation}:", "updates never run")
    assert received == []


def test_updates_are_refused_by_the_python_api_and_the_graph_is_unchanged(g):
    before = len(g.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))
    with pytest.raises(kg.query.api.QueryRefusedError, match="refused DELETE WHERE, INSERT DATA: .*no option allows them"):
        g.sparql("DELETE WHERE { ?s ?p ?o } ; INSERT DATA { <urn:kg:a> <urn:kg:b> <urn:kg:c> }", allow_service=True)
    assert len(g.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")) == before


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_dataset_clauses_are_refused_not_silently_empty(seed_build, clause):
    # pyoxigraph fetches nothing for FROM: it would read a named graph the build does not have and give no rows
    with loopback_endpoint() as (url, received):
        proc = kg_query(seed_build, f"SELECT ?n {clause} <{url}> WHERE {{ ?e rdfs:label ?n }}")
        time.sleep(0.2)
    assert_one_line_error(proc, f"refused {clause} <{url}>", "remove the clause")
    assert received == []


def test_non_select_forms_are_refused_cleanly(g):
    for query, form in (("ASK { ?s ?p ?o }", "ASK"), ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
                        ("DESCRIBE <urn:kg:a>", "DESCRIBE")):
        with pytest.raises(kg.query.api.QueryRefusedError, match=f"refused {form}: .*SELECT queries only"):
            g.sparql(query)


# -- --allow-service: remote endpoints are called, and their failures are one line


def test_allow_service_calls_the_endpoint_and_returns_its_rows(seed_build):
    answer = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "远端"}}]}}
    with loopback_endpoint(status=200, body=json.dumps(answer).encode(),
                           content_type="application/sparql-results+json") as (url, received):
        proc = kg_query(seed_build, f"SELECT ?n WHERE {{ SERVICE <{url}> {{ ?e rdfs:label ?n }} }}",
                        "--allow-service", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["n", "远端"]
    assert [(method, path) for method, path, _ in received] == [("POST", "/sparql")]


def test_allow_service_with_an_endpoint_answering_500_is_one_line(seed_build):
    with loopback_endpoint(status=500, body=b"boom\nsecond line") as (url, received):
        proc = kg_query(seed_build, f"SELECT ?n WHERE {{ SERVICE <{url}> {{ ?e rdfs:label ?n }} }}", "--allow-service")
    assert_one_line_error(proc, f"SERVICE <{url}> failed", "500")
    assert len(received) == 1  # the call was made: --allow-service allowed it


def test_allow_service_with_a_closed_endpoint_is_one_line(seed_build):
    url = closed_port_url()
    proc = kg_query(seed_build, f"SELECT ?n WHERE {{ ?e rdfs:label ?n SERVICE <{url}> {{ ?e ?p ?o }} }}", "--allow-service")
    assert_one_line_error(proc, f"SERVICE <{url}> failed", "refused")  # "Connection refused"


def test_allow_service_with_an_endpoint_that_never_answers_times_out(g):
    with socket.socket() as silent:  # accepts connections (kernel backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        started = time.monotonic()
        with pytest.raises(KgUsageError, match=r"SERVICE <.*>: no answer within 1 s"):
            g.sparql(f"SELECT ?n WHERE {{ SERVICE <{url}> {{ ?e rdfs:label ?n }} }}", allow_service=True, service_timeout=1)
        assert time.monotonic() - started < 10


def test_local_queries_still_work_with_and_without_the_option(seed_build, g):
    assert list(g.sparql(NAME_OF_XU)["n"]) == list(g.sparql(NAME_OF_XU, allow_service=True)["n"]) == ["徐一冰"]
    proc = kg_query(seed_build, "# a comment first\n" + NAME_OF_XU, "--format", "csv")
    assert proc.returncode == 0 and proc.stdout.splitlines() == ["n", "徐一冰"], proc.stderr
    bad = kg_query(seed_build, "SELECT ?n WHERE {")
    assert_one_line_error(bad, "SPARQL error at line 1")
    unknown = kg_query(seed_build, "posts-of")
    assert_one_line_error(unknown, "unknown query 'posts-of'")
