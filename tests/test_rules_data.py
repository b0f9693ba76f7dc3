"""The rules' word lists are data (kg/data/rules/*.txt, read by kg.kb.rules): each documented, each
used, none kept twice, and none left as a literal table in the extraction code."""

import ast
import re
from pathlib import Path

import pytest

from kg.errors import KgUsageError
from kg.kb import rules

KG = Path(__file__).resolve().parent.parent / "kg"
LISTS = sorted(rules.rules_dir().glob(f"*{rules.SUFFIX}"))
# The extraction core: code that decides what is an entity or a relation, and links them.
CORE = sorted([*(KG / "extract").rglob("*.py"), *(KG / "link").rglob("*.py")])
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{1,12}")
# A literal table of this many words or more belongs in a list file; fewer are grammar (`以及|和|及|与`).
MAX_WORDS_IN_CODE = 6


def test_every_list_says_what_it_is_for_and_has_entries():
    assert len(LISTS) >= 1
    for path in LISTS:
        comment, entries = rules.read_list(path)
        assert len(comment) >= 15, f"{path.name}: the first line should say what the list is for"
        assert len(entries) == len(set(entries)), f"{path.name}: an entry is listed twice"


def test_every_list_is_used_by_the_code_and_none_is_kept_twice():
    code = "\n".join(p.read_text(encoding="utf-8") for p in KG.rglob("*.py"))
    seen: dict[frozenset[str], str] = {}
    for path in LISTS:
        name = path.name.removesuffix(rules.SUFFIX)
        assert re.search(rf"""["']{re.escape(name)}["']""", code), f"{path.name} is not read by any module"
        entries = frozenset(rules.read_list(path)[1])
        assert entries not in seen, f"{path.name} and {seen[entries]} hold the same entries"
        seen[entries] = path.name


def _tables_in(path: Path) -> list[str]:
    """Literal word tables in a module: a tuple/list/set of CJK strings, or a regex alternation of CJK words."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if sum(bool(_CJK_WORD.fullmatch(s)) for s in strings) >= MAX_WORDS_IN_CODE:
                found.append(f"{path.relative_to(KG.parent)}:{node.lineno} {strings[:4]}…")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            alternatives = re.split(r"[|()]|\?:", node.value)
            if sum(bool(_CJK_WORD.fullmatch(a)) for a in alternatives) >= MAX_WORDS_IN_CODE:
                found.append(f"{path.relative_to(KG.parent)}:{node.lineno} {node.value[:40]}…")
    return found


def test_no_word_table_is_left_in_the_extraction_code():
    tables = [t for path in CORE for t in _tables_in(path)]
    assert not tables, f"{len(tables)} word tables in code (move them to kg/data/rules/): " + "; ".join(tables[:8])


def test_a_missing_or_undocumented_list_is_an_error(tmp_path):
    with pytest.raises(KgUsageError, match="missing"):
        rules.read_list(tmp_path / "nothing.txt")
    bare = tmp_path / "bare.txt"
    bare.write_text("表示\n说\n", encoding="utf-8")
    with pytest.raises(KgUsageError, match="must start with a '#' line"):
        rules.read_list(bare)
    empty = tmp_path / "empty.txt"
    empty.write_text("# a list with a comment and no entry\n\n", encoding="utf-8")
    with pytest.raises(KgUsageError, match="no entries"):
        rules.read_list(empty)
