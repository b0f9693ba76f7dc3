"""Triple stores: the embedded pyoxigraph store and the real `oxigraph` server on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEEDS

POSTS_OF_XU = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kg: <https://w3id.org/kg-regional/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?org ?title ?sentence WHERE {
  ?m a org:Membership ; org:member ?p ; org:organization ?o ; kg:title ?title ;
     prov:qualifiedDerivation/prov:entity ?s .
  ?p rdfs:label ?name . FILTER(str(?name) = "徐一冰")
  ?o rdfs:label ?org . ?s kg:text ?sentence .
}"""


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    from kg.run.build import build

    out = tmp_path_factory.mktemp("seed-store")
    assert build([str(SEEDS / "*.txt")], out, progress=False).exit_code == 0
    return out


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def test_kg_load_embedded_store_and_query(seed_out, tmp_path):
    import pyoxigraph

    proc = _cli("load", str(seed_out), "--store", str(tmp_path / "store"))
    assert proc.returncode == 0, proc.stderr
    again = _cli("load", str(seed_out), "--store", str(tmp_path / "store"))  # reloading replaces, not duplicates
    assert again.returncode == 0 and again.stderr == proc.stderr
    store = pyoxigraph.Store(str(tmp_path / "store"))
    rows = [(r["org"].value, r["title"].value) for r in store.query(POSTS_OF_XU)]
    assert rows == [("青岛蓝谷管理局", "副局长")]


def test_kg_load_errors_are_clean(tmp_path):
    proc = _cli("load", str(tmp_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = _cli("load", str(tmp_path), "--store", str(tmp_path / "s"))
    assert proc.returncode == 2 and "no graph.ttl" in proc.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_push_to_real_oxigraph_server_and_query_over_http(seed_out, tmp_path):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = _free_port()
    server = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        proc = _cli("load", str(seed_out), "--endpoint", f"{base}/store")
        assert proc.returncode == 0, proc.stderr
        request = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": POSTS_OF_XU}).encode(),
                                         headers={"Accept": "application/sparql-results+json",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        result = json.loads(urllib.request.urlopen(request, timeout=30).read())
        rows = [(b["org"]["value"], b["title"]["value"], b["sentence"]["value"]) for b in result["results"]["bindings"]]
        assert [(o, t) for o, t, _ in rows] == [("青岛蓝谷管理局", "副局长")]
        assert "徐一冰" in rows[0][2]
    finally:
        server.terminate()
        server.wait(timeout=30)
