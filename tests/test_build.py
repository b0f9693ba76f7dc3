"""Build-level guarantees: same input, same bytes; interrupted writes leave the old file."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.outputs import atomic_open, write_csv


def test_same_input_gives_byte_identical_outputs(tmp_path, seed_glob):
    a = build([seed_glob], tmp_path / "a", progress=False)
    b = build([seed_glob], tmp_path / "b", progress=False)
    assert a.exit_code == b.exit_code == 0
    for name in ("documents.csv", "mentions.csv", "entities.csv", "relations.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert a.report["entities"] == b.report["entities"]


def test_failed_write_keeps_previous_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "entities.csv"
    write_csv(target, ["a"], [{"a": "old"}])
    before = target.read_bytes()

    def rows():
        yield {"a": "new"}
        raise KeyboardInterrupt  # interrupted half-way through the rows

    with pytest.raises(KeyboardInterrupt):
        write_csv(target, ["a"], rows())
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["entities.csv"]


def test_atomic_open_creates_parent_and_replaces(tmp_path):
    target = tmp_path / "sub" / "report.json"
    with atomic_open(target) as fh:
        fh.write("{}\n")
    assert target.read_text() == "{}\n"
