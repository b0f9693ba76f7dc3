"""The package's shape: its import graph runs one way (no module imports, even for types only,
a module that imports it back)."""

import ast
from pathlib import Path

import networkx as nx

KG = Path(__file__).resolve().parent.parent / "kg"


def _module(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level_imports(tree: ast.Module) -> set[str]:
    """Imports a module makes when it is loaded or type-checked (not those inside functions)."""
    found: set[str] = set()
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        else:
            stack.extend(ast.iter_child_nodes(node))
    return found


def test_no_import_cycle_in_kg():
    modules = {_module(p): p for p in KG.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for imported in _module_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if imported in modules and imported != name:
                graph.add_edge(name, imported)
    assert len(graph) > 20 and graph.number_of_edges() > 30  # the walk found the package's imports
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, f"import cycles: {cycles[:5]}"


def test_a_missing_lexicon_file_is_an_error_not_an_empty_list(tmp_path):
    import shutil

    import pytest

    from kg.errors import KgUsageError
    from kg.lexicons import Lexicons

    data = tmp_path / "data"
    shutil.copytree(KG / "data", data)
    assert Lexicons.load(data).titles  # a complete copy loads
    (data / "lexicons" / "titles.tsv").unlink()
    with pytest.raises(KgUsageError, match="titles.tsv is missing"):
        Lexicons.load(data)
