"""The output tables as pandas DataFrames: the same frame from a build's rows in memory and from its CSV file.

``kg.build()`` hands back the tables it computed (:func:`table_frame`); ``kg.open(OUT)`` reads the
files a build wrote (:func:`read_table`). Both give one frame per table with the columns of the
output contract (:mod:`kg.export.outputs`), in order: counts and offsets as integers (the columns
of :data:`INTEGER_COLUMNS`), every other cell as the text the CSV file holds (an empty string
where a row has no value; ``attrs`` stays its JSON text), in pandas' string type (``str`` from pandas 3). So a frame built in memory equals the
frame read from the file that a build writes from the same rows.

>>> import tempfile, pathlib
>>> from kg.export.outputs import write_csv
>>> rows = [{"doc_id": "a", "start": 0, "end": 4, "text": "青岛蓝谷", "type": "PARK", "entity_id": "park-1", "rule": "known"}]
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mentions.csv"
>>> write_csv(path, TABLE_COLUMNS["mentions"], rows)
>>> table_frame("mentions", rows).equals(read_table("mentions", path))
True
>>> read_table("mentions", path).dtypes["start"]
dtype('int64')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.export.outputs import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, RELATION_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

#: The four tables of a build and their columns (``<name>.csv`` in the output folder).
TABLE_COLUMNS: dict[str, list[str]] = {
    "entities": ENTITY_COLUMNS, "relations": RELATION_COLUMNS, "mentions": MENTION_COLUMNS, "documents": DOCUMENT_COLUMNS,
}
#: Columns read as integers: every row has them (``n_chars`` is 0 for a rejected document).
INTEGER_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("n_mentions", "n_docs"), "relations": ("start", "end"), "mentions": ("start", "end"),
    "documents": ("n_chars",),
}


def _text(value: Any) -> str:
    """A cell as the CSV writer writes it (:func:`kg.export.outputs.write_csv`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


#: Typed columns a row may leave empty (as in the Parquet files, :mod:`kg.export.parquet`): pandas' nullable types.
NULLABLE_COLUMNS: dict[str, dict[str, str]] = {
    "entities": {"size_yuan": "Float64"}, "documents": {"n_body_chars": "Int64", "spun": "boolean"},
    "relations": {}, "mentions": {},
}


def _typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    for col in INTEGER_COLUMNS[name]:
        df[col] = df[col].astype("int64")
    for col, kind in NULLABLE_COLUMNS[name].items():
        if col in df:
            cells = df[col].replace("", None)
            if kind == "boolean":
                cells = cells.map({"true": True, "false": False, None: None})
            df[col] = pd.array(cells.tolist(), dtype=kind) if kind == "boolean" else pd.to_numeric(cells).astype(kind)
    return df


def table_frame(name: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The table ``name`` (``entities``, ``relations``, ``mentions``, ``documents``) of a build's rows."""
    import pandas as pd

    columns = TABLE_COLUMNS[name]
    data = [[_text(row.get(c)) for c in columns] for row in rows]
    return _typed(name, pd.DataFrame(data, columns=columns, dtype=object).astype(str))


def read_table(name: str, path: str | Path) -> pd.DataFrame:
    """The table ``name`` from its CSV file, typed as :func:`table_frame` types it."""
    import pandas as pd

    return _typed(name, pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False))
