"""The shape of kg/extract/relations/: the rule table names exactly the rules the code emits, every rule
finds its example, and the table names the word lists the package reads. (Function length and word
lists as data are checked for the whole extraction core: tests/test_layout.py, tests/test_rules_data.py.)"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kg.extract.relations.rule_table import BY_NAME, RULES, SHARED_LISTS

KG = Path(__file__).resolve().parent.parent / "kg"
PACKAGE = KG / "extract" / "relations"
#: A rule name: `<family>:<name>`, lower case, words joined by `-`.
RULE_NAME = re.compile(r"[a-z]+:[a-z]+(?:-[a-z]+)*")
_LIST_READERS = ("words", "alternation", "pattern", "table")


def _trees() -> dict[str, ast.Module]:
    """Module name (`locations`) → syntax tree, for every module of the package."""
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.glob("*.py"))}


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _calls(tree: ast.Module, name: str) -> list[ast.Call]:
    """Calls of a method or function called ``name`` (`r.rel(...)`, `self.rel(...)`)."""
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and (isinstance(n.func, ast.Attribute) and n.func.attr == name or isinstance(n.func, ast.Name) and n.func.id == name)]


def _literal_names(node: ast.expr) -> list[str] | None:
    """The rule names a rule argument can take: a literal, or a conditional between literals; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literal_names(node.body), _literal_names(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _emitting_calls() -> list[tuple[str, str | None, list[str]]]:
    """(module, relation type or None for `place`, rule names) of every call that records a relation."""
    out = []
    for module, tree in _trees().items():
        for call in _calls(tree, "rel"):
            if module == "reader" and isinstance(call.args[4], ast.Name):
                continue  # `place` passes its own rule argument on
            names = _literal_names(call.args[4])
            assert names is not None, f"{module}.py:{call.lineno}: a rule name must be a literal"
            rtype = call.args[1]
            assert isinstance(rtype, ast.Constant), f"{module}.py:{call.lineno}: a relation type must be a literal"
            out.append((module, rtype.value, names))
        for call in _calls(tree, "place"):
            names = _literal_names(call.args[3])
            assert names is not None, f"{module}.py:{call.lineno}: a rule name must be a literal"
            out.append((module, None, names))
    return out


# ---------------------------------------------------------------- the rule table


def test_the_rule_table_names_every_rule_the_code_emits_and_no_other():
    in_code = {s for name, tree in _trees().items() if name != "rule_table" for s in _strings(tree) if RULE_NAME.fullmatch(s)}
    assert in_code == set(BY_NAME), (f"not in the table: {sorted(in_code - set(BY_NAME))}; "
                                     f"never emitted: {sorted(set(BY_NAME) - in_code)}")
    assert len(BY_NAME) == len(RULES)


def test_each_rule_emits_its_relation_types_from_its_modules():
    from kg.extract.relations import RELATION_TYPES

    seen: dict[str, set[str]] = {}
    for module, rtype, names in _emitting_calls():
        for name in names:
            rule = BY_NAME[name]
            assert module in rule.modules, (name, module)
            if rtype is None:  # `place`: LOCATED_IN or PART_OF by the kind of entity
                assert set(rule.relations) <= {"LOCATED_IN", "PART_OF"}, name
            else:
                assert rtype in rule.relations, (name, rtype)
            seen.setdefault(name, set()).add(module)
    for rule in RULES:
        assert set(rule.relations) <= set(RELATION_TYPES) and rule.relations, rule.name
        if rule.family == "model":  # the learned pair classifier records its relations itself
            assert rule.modules == ("pairs",) and rule.name not in seen, rule.name
            continue
        assert seen[rule.name] == set(rule.modules), rule.name
        assert rule.description.endswith(".") and rule.example, rule.name


def test_every_rule_finds_a_relation_in_its_example(nlp):
    from kg.extract.nlp import mentions_of
    from kg.extract.relations import find_relations
    from kg.extract.relations.pairs import default_model
    from kg.text.normalize import normalize_text

    lex = nlp.get_pipe("kg_entity_rules").lexicons
    for rule in RULES:
        norm = normalize_text(rule.example).text
        model = default_model() if rule.family == "model" else None  # the learned classifier, switched on
        found = find_relations(norm, mentions_of(nlp(norm)), lex.titles, lex.cities, model)
        assert any(r.rule == rule.name for r in found), (rule.name, rule.example, [r.rule for r in found])


def test_every_rule_has_a_calibrated_confidence():
    from kg.export.graph import rule_confidences

    table = rule_confidences()
    assert {r.name for r in RULES} <= set(table), "run benchmarks/calibrate_relations.py --update"
    assert all(0 < c <= 1 for c in table.values()) and "*" in table


def test_the_families_are_modules_of_the_package():
    from kg.extract.relations import FAMILIES

    modules = {f.__module__.rsplit(".", 1)[1] for f in FAMILIES}
    assert {m for r in RULES if r.family != "model" for m in r.modules} <= modules


# ---------------------------------------------------------------- code shape


def test_every_module_and_public_function_has_a_docstring():
    for name, tree in _trees().items():
        assert ast.get_docstring(tree), name
        for f in tree.body:
            if isinstance(f, ast.FunctionDef) and not f.name.startswith("_"):
                assert ast.get_docstring(f), f"{name}.{f.name}"


# ---------------------------------------------------------------- word lists


def _lists_read(tree: ast.Module) -> set[str]:
    """Names of the word lists a module reads (`rules.alternation("join_verbs")`)."""
    return {c.args[0].value for reader in _LIST_READERS for c in _calls(tree, reader)
            if c.args and isinstance(c.args[0], ast.Constant)}


def test_the_lists_of_the_table_are_those_the_package_reads():
    trees = _trees()
    read = {name: _lists_read(tree) for name, tree in trees.items()}
    everything = set().union(*read.values())
    named = set(SHARED_LISTS) | {n for r in RULES for n in r.lists}
    assert named == everything, (sorted(everything - named), sorted(named - everything))
    for rule in RULES:
        for name in rule.lists:  # read by the rule's own modules or by the shared reader
            assert any(name in read[m] for m in (*rule.modules, "reader")), (rule.name, name)


def test_titles_are_found_back_and_forth_as_by_trying_every_length():
    # the look-ups skip positions no title can end or start at; they must answer as the plain search does
    from kg.extract.relations.reader import TitleLexicon

    titles = TitleLexicon({"局长": "gov", "副局长": "gov", "董事长": "company", "院长": "", "主任": "gov"})
    text = "星湖区科技局副局长陈立元兼星湖研究院院长、主任,原董事长"
    for j in range(len(text) + 2):
        for floor in (0, 3, j - 2):
            plain = next((text[j - n:j] for n in range(min(titles.maxlen, j - floor), 0, -1) if text[j - n:j] in titles.titles), None)
            got = titles.ending_at(text, j, floor)
            assert (got is None) == (plain is None) and (got is None or got.endswith(plain)), (j, floor)
        for limit in (len(text), j + 2):
            plain = next((text[j:j + n] for n in range(min(titles.maxlen, limit - j), 0, -1) if text[j:j + n] in titles.titles), None)
            assert titles._title_at(text, j, limit) == plain, (j, limit)
