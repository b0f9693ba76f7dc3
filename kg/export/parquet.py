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

import array
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
    table = pa.Table.from_arrays([arrow_array(v, k) for v, k in zip(data, kinds)], schema=schema)
    with atomic_open(path, "wb") as fh:
        pq.write_table(table, fh, compression=COMPRESSION)


#: The fixed-width value buffers of the typed columns (``array`` codes); bools are packed as bits.
_WIDTH = {"int64": "q", "double": "d"}


def arrow_array(values: list[Any], kind: str) -> Any:
    """One column as an Arrow array, assembled from its buffers.

    ``pa.array`` would do the same, but its first call in a process imports pandas (to check for pandas
    objects), which costs a ``kg build`` about 0.4 s; pyarrow's own buffers do not.

    >>> arrow_array(["青岛", None, ""], "string").to_pylist()
    ['青岛', None, '']
    >>> arrow_array([3, None], "int64").to_pylist(), arrow_array([True, None, False], "bool").to_pylist()
    ([3, None], [True, None, False])
    """
    import pyarrow as pa

    n = len(values)
    valid = None
    if any(v is None for v in values):
        valid = pa.py_buffer(_bits([v is not None for v in values]))
    if kind == "string":
        encoded = [b"" if v is None else v.encode("utf-8") for v in values]
        offsets = array.array("q", [0])
        total = 0
        for b in encoded:
            total += len(b)
            offsets.append(total)
        if total < 2**31:  # Arrow's `string` has 32-bit offsets
            buffers = [valid, pa.py_buffer(array.array("i", offsets).tobytes()), pa.py_buffer(b"".join(encoded))]
            return pa.Array.from_buffers(pa.string(), n, buffers)
        return pa.array(values, type=pa.string())  # over 2 GiB of text: pyarrow chunks it or says why not
    if kind == "bool":
        return pa.Array.from_buffers(pa.bool_(), n, [valid, pa.py_buffer(_bits([bool(v) for v in values]))])
    code = _WIDTH[kind]
    data = array.array(code, [0 if v is None else v for v in values])
    return pa.Array.from_buffers(pa.int64() if kind == "int64" else pa.float64(), n, [valid, pa.py_buffer(data.tobytes())])


def _bits(flags: list[bool]) -> bytes:
    """Flags packed least-significant bit first, as Arrow's validity and boolean buffers are."""
    out = bytearray((len(flags) + 7) // 8)
    for i, f in enumerate(flags):
        if f:
            out[i >> 3] |= 1 << (i & 7)
    return bytes(out)
