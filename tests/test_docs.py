"""The Python examples of the documentation run: docs/usage.md's `>>>` lines are doctests."""

from __future__ import annotations

import doctest
import re

from tests.conftest import ROOT


def test_the_python_examples_of_usage_md_run():
    path = ROOT / "docs" / "usage.md"
    # a code fence ends an example's expected output, as a blank line does in a docstring
    text = re.sub(r"(?m)^```.*$", "", path.read_text(encoding="utf-8"))
    test = doctest.DocTestParser().get_doctest(text, {}, "usage.md", str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 15, result  # the examples were found
    assert result.failed == 0, result


def test_querying_md_names_every_question_as_api_and_cli():
    from kg.query.api import QUESTIONS

    text = (ROOT / "docs" / "querying.md").read_text(encoding="utf-8")
    for command, q in QUESTIONS.items():
        assert f"`{command}`" in text and f"{q.method}(" in text, command
