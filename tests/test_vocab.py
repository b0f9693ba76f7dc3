"""The kg: vocabulary: kg/export/vocab.py is generated from schemas/kg.ttl and every kg: term in use is defined there."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
import rdflib

from kg.export import vocab
from kg.export.vocab import KG

ROOT = Path(__file__).resolve().parent.parent
TTL = ROOT / "schemas" / "kg.ttl"
SHAPES = ROOT / "schemas" / "shapes.ttl"
# A prefixed kg: name, not the tail of a longer name (`PREFIX kg: <…>` and `kg: turn…` have no local part).
KG_TERM = re.compile(r"(?<![\w-])kg:([A-Za-z_][\w-]*)")


def _gen_vocab():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_vocab", module)
    spec.loader.exec_module(module)
    return module


def _defined_in_ttl() -> set[str]:
    g = rdflib.Graph().parse(TTL)
    defined = set()
    for s in g.subjects(rdflib.RDF.type, None):
        if isinstance(s, rdflib.URIRef) and str(s).startswith(vocab.NAMESPACE):
            defined.add(str(s)[len(vocab.NAMESPACE):])
    return defined


def _terms_in_files(files) -> dict[str, set[str]]:
    """kg: local name → files (relative to the repository) where it appears, anywhere in the text."""
    used: dict[str, set[str]] = {}
    for path in files:
        for name in KG_TERM.findall(path.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return used


def test_generated_vocab_is_in_sync_with_the_ttl():
    """Regenerating kg/export/vocab.py from schemas/kg.ttl gives the committed text (else: run scripts/gen_vocab.py)."""
    gen = _gen_vocab()
    assert gen.render(TTL) == (ROOT / "kg" / "export" / "vocab.py").read_text(encoding="utf-8"), \
        "kg/export/vocab.py is out of date: run .venv/bin/python scripts/gen_vocab.py"
    assert gen.main(["--check"]) == 0


def test_vocab_lists_every_class_and_property_of_the_ttl():
    assert _defined_in_ttl() == vocab.TERMS
    assert vocab.CLASSES == {"Park", "Industry", "Fund", "Statement", "Sentence"}
    assert not vocab.CLASSES & vocab.PROPERTIES
    assert {"holdsPostAt", "subject", "object", "text", "title", "entityType"} <= vocab.PROPERTIES
    assert vocab.NAMESPACE == "https://w3id.org/kg-regional/ns#"


def test_every_term_is_a_prefixed_name_and_an_rdflib_term():
    ns = vocab.rdflib_namespace()
    for name in vocab.TERMS:
        assert getattr(KG, name) == f"kg:{name}"
        assert getattr(ns, name) == rdflib.URIRef(vocab.NAMESPACE + name)
        assert ns[name] == rdflib.URIRef(vocab.NAMESPACE + name)
    assert {n for n in vars(KG) if not n.startswith("_")} == vocab.TERMS


@pytest.mark.parametrize("name", ["holdPostAt", "park", "Parks", "locatedin", "entitytype"])
def test_an_unknown_term_raises(name):
    from kg.export.rdf import KG as KG_RDFLIB
    from kg.export.rdf import term

    with pytest.raises(AttributeError, match=f"kg:{name} is not defined in schemas/kg.ttl"):
        getattr(KG, name)
    with pytest.raises(AttributeError):
        getattr(vocab.rdflib_namespace(), name)
    with pytest.raises(AttributeError):
        getattr(KG_RDFLIB, name)
    with pytest.raises(ValueError, match="not defined in schemas/kg.ttl"):
        term(f"kg:{name}")


def test_kg_rdf_terms_come_from_the_vocabulary():
    from kg.export.rdf import ENTITY_CLASSES, PREFIXES, RELATION_PROPERTIES, term

    assert PREFIXES["kg"] == vocab.NAMESPACE
    assert term(KG.holdsPostAt) == "<https://w3id.org/kg-regional/ns#holdsPostAt>"
    curies = [c for cs in ENTITY_CLASSES.values() for c in cs] + list(RELATION_PROPERTIES.values())
    assert {c.split(":", 1)[1] for c in curies if c.startswith("kg:")} <= vocab.TERMS


def test_every_kg_term_in_the_code_is_defined_in_the_ttl():
    """Regex over kg/ (code, docstrings, SPARQL strings, data files): a kg: name must be a defined term."""
    files = [p for p in sorted((ROOT / "kg").rglob("*")) if p.is_file() and "__pycache__" not in p.parts
             and p.suffix in {".py", ".md", ".txt", ".json", ".js", ".css", ".tsv", ".html"}]
    used = _terms_in_files(files)
    assert {"holdsPostAt", "relationType", "entityType", "Statement"} <= used.keys()  # the regex finds them
    undefined = {name: sorted(where) for name, where in used.items() if name not in _defined_in_ttl()}
    assert not undefined, f"kg: terms not defined in schemas/kg.ttl: {undefined}"


def test_every_kg_term_in_the_api_queries_is_defined():
    """The SPARQL texts kg/query/api.py runs (with their kg: prefix text) only use defined terms."""
    import kg.query.api

    texts = [v for v in vars(kg.query.api).values() if isinstance(v, str)]
    used = {name for text in texts for name in KG_TERM.findall(text)}
    assert {"relationType", "subject", "object", "text"} <= used
    assert used <= vocab.TERMS


def test_every_kg_term_in_the_shapes_is_defined():
    shapes = rdflib.Graph().parse(SHAPES)
    used = {str(t)[len(vocab.NAMESPACE):] for triple in shapes for t in triple
            if isinstance(t, rdflib.URIRef) and str(t).startswith(vocab.NAMESPACE)}
    assert {"entityType", "Statement", "Sentence", "startOffset"} <= used
    assert used <= _defined_in_ttl(), f"undefined in schemas/kg.ttl: {sorted(used - _defined_in_ttl())}"


def test_every_kg_term_in_the_docs_and_notebooks_is_defined():
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "notebooks").glob("*.ipynb"))]
    used = _terms_in_files(p for p in files if p.is_file())
    undefined = {name: sorted(where) for name, where in used.items() if name not in vocab.TERMS}
    assert not undefined, f"kg: terms not defined in schemas/kg.ttl: {undefined}"


def test_generator_refuses_an_undefined_or_unpythonic_term(tmp_path):
    gen = _gen_vocab()
    head = TTL.read_text(encoding="utf-8")
    typo = tmp_path / "typo.ttl"
    typo.write_text(head + "\nkg:newProp a owl:ObjectProperty ; rdfs:range kg:Prak .\n", encoding="utf-8")
    with pytest.raises(gen.VocabError, match="kg:Prak"):
        gen.render(typo)
    bad = tmp_path / "bad.ttl"
    bad.write_text(head + "\nkg:class a owl:Class .\n", encoding="utf-8")
    with pytest.raises(gen.VocabError, match="kg:class"):
        gen.render(bad)
    added = tmp_path / "added.ttl"
    added.write_text(head + '\nkg:newProp a owl:DatatypeProperty ; rdfs:label "new"@en .\n', encoding="utf-8")
    text = gen.render(added)
    assert '    newProp: Final = "kg:newProp"  # new\n' in text
    out = tmp_path / "vocab.py"
    assert gen.main(["--ttl", str(added), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == text
    assert gen.main(["--ttl", str(TTL), "--out", str(out), "--check"]) == 1
