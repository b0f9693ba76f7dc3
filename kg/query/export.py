"""`kg export`: a finished build's tables in the format of another tool (today: Neo4j).

It reads ``entities.csv``, ``relations.csv``, ``documents.csv`` and
``mentions.csv`` of a build and hands them to the writer of the format
(:mod:`kg.export.neo4j`); the build itself is not changed, apart from the
default destination ``OUT/neo4j/`` inside it (a rebuild drops it as stale,
as it drops ``graph.html``).

>>> import tempfile, pathlib
>>> export_build(pathlib.Path(tempfile.mkdtemp()))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.KgUsageError: ... is not a finished build (no entities.csv, relations.csv, documents.csv, mentions.csv, report.json); run `kg build INPUT... --out ...` first
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgUsageError
from kg.export.neo4j import write_neo4j

#: What `kg export --to` accepts.
FORMATS = ("neo4j",)
#: The files a finished build has: ``report.json`` is the last one written before a build is published.
BUILD_FILES = ("entities.csv", "relations.csv", "documents.csv", "mentions.csv", "report.json")
#: The columns the export reads from each table.
_NEEDED = {"entities.csv": ("entity_id", "type", "name"), "documents.csv": ("doc_id",),
           "relations.csv": ("head_id", "relation", "tail_id", "doc_id", "start", "end"),
           "mentions.csv": ("doc_id", "start", "end", "entity_id")}


@dataclass
class ExportResult:
    """Where the export went and how many rows each of its CSV files has."""

    dest: Path
    files: dict[str, int]

    @property
    def nodes(self) -> int:
        return sum(n for name, n in self.files.items() if name.startswith("nodes_"))

    @property
    def relationships(self) -> int:
        return sum(n for name, n in self.files.items() if name.startswith("relationships_"))


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _NEEDED.get(path.name, ()) if c not in (reader.fieldnames or [])]
        if missing:
            raise KgUsageError(f"{path} has no column {', '.join(missing)}: not a table kg wrote; rebuild the folder")
        return list(reader)


def check_build(out_dir: str | Path) -> Path:
    """``out_dir`` as a path, if it holds a finished build (else a usage error that says how to make one)."""
    out = Path(out_dir)
    if not out.is_dir():
        raise KgUsageError(f"{out} is no folder; build one with `kg build INPUT... --out {out}`")
    missing = [name for name in BUILD_FILES if not (out / name).is_file()]
    if missing:
        raise KgUsageError(f"{out} is not a finished build (no {', '.join(missing)}); "
                           f"run `kg build INPUT... --out {out}` first")
    return out


def export_build(out_dir: str | Path, to: str = "neo4j", dest: str | Path | None = None) -> ExportResult:
    """Export the build in ``out_dir`` as ``to`` into ``dest`` (default ``OUT_DIR/<to>/``)."""
    if to not in FORMATS:
        raise KgUsageError(f"unknown export format {to!r}; choose one of: {', '.join(FORMATS)}")
    out = check_build(out_dir)
    target = Path(dest) if dest is not None else out / to
    if target.resolve() == out.resolve() or target.resolve() in out.resolve().parents:
        raise KgUsageError(f"--dest {target} is the build folder or holds it; give a folder of its own")
    tables = {name: _read(out / name) for name in BUILD_FILES if name.endswith(".csv")}
    files = write_neo4j(target, tables["entities.csv"], tables["relations.csv"], tables["documents.csv"],
                        tables["mentions.csv"])
    return ExportResult(target, files)
