"""docs/rules.md is generated from the relation rule table (kg/extract/relations/rule_table.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _gen_rules_doc():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "scripts" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_rules_doc", module)
    spec.loader.exec_module(module)
    return module


def test_rules_doc_is_in_sync_with_the_rule_table():
    """Rendering the rule table gives the committed page (else: run scripts/gen_rules_doc.py)."""
    gen = _gen_rules_doc()
    assert gen.render() == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), \
        "docs/rules.md is out of date: run .venv/bin/python scripts/gen_rules_doc.py"
    assert gen.main(["--check"]) == 0


def test_rules_doc_has_a_table_per_relation_type_and_every_rule():
    from kg.extract.relations import RELATION_TYPES
    from kg.extract.relations.rule_table import RULES

    text = _gen_rules_doc().render()
    for rtype in RELATION_TYPES:
        assert f"\n## {rtype}\n" in text
    for rule in RULES:
        assert f"| `{rule.name}` |" in text
