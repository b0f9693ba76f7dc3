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
    from kg.kb.lexicons import Lexicons

    data = tmp_path / "data"
    shutil.copytree(KG / "data", data)
    assert Lexicons.load(data).titles  # a complete copy loads
    (data / "lexicons" / "titles.tsv").unlink()
    with pytest.raises(KgUsageError, match="titles.tsv is missing"):
        Lexicons.load(data)


#: The stages in data-flow order (docs/architecture.md): a module imports only from its own layer or
#: one before it. `query` reads a finished build, so it comes before `run` and may not import it.
LAYERS = ("base", "text", "kb", "extract", "link", "export", "query", "run", "eval", "cli", "facade")


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    # kg itself is the façade (`kg.open`) over everything; kg.errors, kg.options, kg.version are the base
    return {"kg": "facade", "kg.cli": "cli"}.get(module, "base")


def _import_edges() -> list[tuple[str, str]]:
    modules = {_module(p): p for p in KG.rglob("*.py")}
    edges = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # every import counts here, function-level ones too: a lazy import is still a dependency
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            edges += [(name, t) for t in targets if t in modules and t != name]
    return edges


def test_imports_run_one_way_through_the_stages():
    edges = _import_edges()
    assert len(edges) > 50  # the walk found the package's imports
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    backwards = [(a, b) for a, b in edges if rank[_layer(b)] > rank[_layer(a)]]
    assert not backwards, f"imports against the data flow: {backwards}"


def test_every_layer_is_a_package_with_a_docstring():
    import importlib

    for layer in LAYERS:
        if layer in ("base", "cli", "facade"):
            continue
        module = importlib.import_module(f"kg.{layer}")
        assert module.__doc__ and "Depends on" in module.__doc__ or "Reads" in module.__doc__, layer


def test_the_version_is_the_distributions():
    import tomllib

    from kg import __version__

    meta = tomllib.loads((KG.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["version"] == __version__


#: The extraction core: the code that decides what is an entity or a relation, and links them.
CORE = ("extract", "link")
MAX_FUNCTION_LINES = 80


def test_no_function_in_the_extraction_core_is_longer_than_80_lines():
    long = []
    for package in CORE:
        for path in sorted((KG / package).rglob("*.py")):
            for f in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(KG.parent)}:{f.lineno} {f.name} ({f.end_lineno - f.lineno + 1} lines)")
    assert len(list((KG / "extract").rglob("*.py"))) > 20  # the walk found the packages
    assert not long, long
