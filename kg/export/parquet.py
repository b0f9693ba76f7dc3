"""Parquet copies of the CSV tables: the same rows and columns, typed, for pandas, DuckDB and Spark.

Every ``X.csv`` of a build has an ``X.parquet`` beside it with the same
columns in the same order and the same rows in the same order. A cell keeps
its CSV text except that counts and offsets are 64-bit integers, ``spun`` is a
boolean, ``size_yuan`` a double, and an empty CSV cell is a null (CSV cannot
tell an empty string from a missing value, and in every table an empty cell
means "none"). A column this module does not know (one added to a table
later) is a string column, so a new column needs no change here.

The bytes depend only on the rows and the pyarrow version (zstd, no
timestamps): the same input gives byte-identical files.

>>> import tempfile, pathlib, pyarrow.parquet as pq
>>> out = pathlib.Path(tempfile.mkdtemp()) / "mentions.parquet"
>>> write_parquet(out, ["doc_id", "start", "end", "text", "rule"],
...               [{"doc_id": "a", "start": 4, "end": 8, "text": "青岛蓝谷", "rule": ""}])
>>> pq.read_table(out).to_pylist()
[{'doc_id': 'a', 'start': 4, 'end': 8, 'text': '青岛蓝谷', 'rule': None}]
>>> str(pq.read_schema(out).field("start").type)
'int64'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.export.outputs import atomic_open, csv_cell

#: Columns that are not strings, by name (the same name has the same meaning in every table).
INT_COLUMNS = frozenset({"start", "end", "n_chars", "n_body_chars", "n_mentions", "n_docs"})
BOOL_COLUMNS = frozenset({"spun"})
FLOAT_COLUMNS = frozenset({"size_yuan"})
#: Compression of every file: zstd is read by pyarrow, DuckDB, Spark and polars, and deterministic.
COMPRESSION = "zstd"


def column_type(name: str) -> str:
    """The Parquet (Arrow) type of a column: ``int64``, ``bool``, ``double`` or ``string``.

    >>> column_type("start"), column_type("spun"), column_type("size_yuan"), column_type("name")
    ('int64', 'bool', 'double', 'string')
    """
    if name in INT_COLUMNS:
        return "int64"
    if name in BOOL_COLUMNS:
        return "bool"
    if name in FLOAT_COLUMNS:
        return "double"
    return "string"


def _typed(value: Any, kind: str) -> Any:
    """One cell as the CSV writer would write it, then typed; an empty cell is ``None``."""
    text = csv_cell(value)
    if text == "":
        return None
    if kind == "int64":
        return int(text)
    if kind == "double":
        return float(text)
    if kind == "bool":
        if text not in ("true", "false"):
            raise ValueError(f"not a boolean cell: {text!r}")
        return text == "true"
    return text


def write_parquet(path: str | Path, columns: list[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write ``rows`` (dicts, as for :func:`kg.export.outputs.write_csv`) as one Parquet file, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_types = {"int64": pa.int64(), "bool": pa.bool_(), "double": pa.float64(), "string": pa.string()}
    kinds = [column_type(c) for c in columns]
    data: list[list[Any]] = [[] for _ in columns]
    for row in rows:
        for values, column, kind in zip(data, columns, kinds):
            values.append(_typed(row.get(column), kind))
    schema = pa.schema([pa.field(c, arrow_types[k]) for c, k in zip(columns, kinds)])
    table = pa.Table.from_arrays([pa.array(v, type=f.type) for v, f in zip(data, schema)], schema=schema)
    with atomic_open(path, "wb") as fh:
        pq.write_table(table, fh, compression=COMPRESSION)
