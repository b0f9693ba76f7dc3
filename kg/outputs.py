"""Atomic writers for the output contract (``documents.csv``, ``report.json``, …).

Every file is written to a temporary file in the output folder and renamed
over the target only when complete, so an interrupted build leaves either
the previous file or the new one, never a half-written one.

Writers accept a path; CSV rows are written with the contract's column order
and ``\\n`` line ends, so the same rows give the same bytes.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_csv(out, ["a", "b"], [{"a": 1, "b": "x,y"}])
>>> out.read_text(encoding="utf-8")
'a,b\\n1,"x,y"\\n'
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

#: Column order of documents.csv (the contract, then extras).
DOCUMENT_COLUMNS = [
    "doc_id", "path", "title", "source", "date", "author", "n_chars", "status", "error",
    "encoding", "format", "n_body_chars", "spun",
]
#: Column order of mentions.csv: offsets into the raw document text.
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "type", "entity_id", "rule"]
#: Column order of relations.csv: evidence offsets are the raw sentence that states the fact.
RELATION_COLUMNS = ["head_id", "relation", "tail_id", "doc_id", "start", "end", "evidence", "attrs", "rule", "head", "tail"]
#: Column order of entities.csv.
ENTITY_COLUMNS = ["entity_id", "type", "name", "aliases", "n_mentions", "n_docs", "titles", "size", "size_yuan"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = "") -> Iterator[IO[Any]]:
    """Open a temporary sibling of ``path`` and move it into place on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_csv(path: str | Path, columns: list[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write ``rows`` (dicts) with ``columns`` in order; missing values are empty."""
    with atomic_open(path) as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({k: _cell(row.get(k)) for k in columns})


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_json(path: str | Path, data: Any) -> None:
    """Pretty, key-sorted UTF-8 JSON (Chinese stays readable)."""
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=True)
        fh.write("\n")
