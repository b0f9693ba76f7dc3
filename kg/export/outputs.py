"""Atomic writers for the output contract (``documents.csv``, ``report.json``, …) and publication.

Every file is written to a temporary file and renamed over the target only
when complete, so an interrupted write leaves either the previous file or the
new one, never a half-written one.

A build is published as one unit (:func:`publish`): all its files are written
into a new folder beside the output folder, which then takes the output
folder's place in one step (Linux ``renameat2(RENAME_EXCHANGE)``), so a reader
of ``OUT/`` sees the previous build or the new one, never a mix, and a build
killed at any point leaves the previous one in place.

Writers accept a path; CSV rows are written with the contract's column order
and ``\\n`` line ends, so the same rows give the same bytes. A field is quoted
when it holds a comma, a quote, or a line break of any kind (CR alone too).

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_csv(out, ["a", "b"], [{"a": 1, "b": "x,y"}])
>>> out.read_text(encoding="utf-8")
'a,b\\n1,"x,y"\\n'
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from kg.export.codes import CODE_COLUMNS

#: Column order of documents.csv (the contract, then extras).
DOCUMENT_COLUMNS = [
    "doc_id", "path", "title", "source", "date", "author", "n_chars", "status", "error",
    "encoding", "format", "n_body_chars", "spun",
]
#: Column order of mentions.csv: offsets into the raw document text.
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "type", "entity_id", "rule"]
#: Column order of relations.csv: evidence offsets are the raw sentence that states the fact.
RELATION_COLUMNS = ["head_id", "relation", "tail_id", "doc_id", "start", "end", "evidence", "attrs", "rule", "head", "tail"]
#: Column order of entities.csv: then the standard codes (:mod:`kg.export.codes`).
ENTITY_COLUMNS = ["entity_id", "type", "name", "aliases", "n_mentions", "n_docs", "titles", "size", "size_yuan",
                  *CODE_COLUMNS]


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
        fault_point(f"wrote {path.name}")
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_csv(path: str | Path, columns: list[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write ``rows`` (dicts) with ``columns`` in order; missing values are empty.

    The standard ``csv`` writer with ``\\n`` line ends leaves a bare ``\\r``
    unquoted, and a reader then splits the row there; this writer quotes it.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_csv(out, ["a", "b"], [{"a": "x\\ry", "b": 'a "b" c'}])
    >>> out.read_bytes()
    b'a,b\\n"x\\ry","a ""b"" c"\\n'
    """
    with atomic_open(path) as fh:
        fh.write(_csv_line(columns))
        for row in rows:
            fh.write(_csv_line([_cell(row.get(k)) for k in columns]))


_NEEDS_QUOTES = re.compile(r'[",\r\n]')


def _csv_line(values: Iterable[Any]) -> str:
    """One CSV record as RFC 4180 writes it (quotes doubled inside quoted fields)."""
    cells = []
    for value in values:
        text = str(value)
        cells.append(f'"{text.replace(chr(34), chr(34) * 2)}"' if _NEEDS_QUOTES.search(text) else text)
    if cells == [""]:
        cells = ['""']  # a record of one empty field is not an empty line
    return ",".join(cells) + "\n"


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


# ---------------------------------------------------------------- publishing a build as one unit

#: Every name a build (or ``kg view``'s default page) writes into the output folder.
OUTPUT_NAMES = frozenset({
    "documents.csv", "mentions.csv", "relations.csv", "entities.csv", "report.json", "graph.ttl", "graph.nt",
    "graph.graphml", "graph.gexf", "kg-state.jsonl.gz", "graph.html",
})
_NEW, _OLD = ".kg-new-", ".kg-old-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def fault_point(name: str) -> None:
    """Die here, as ``kill -9`` would, when ``KG_FAULT_KILL`` names this point (the publication test's hook)."""
    if os.environ.get("KG_FAULT_KILL") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def staging_dir(out: Path) -> Path:
    """A new, empty folder beside ``out`` (same file system, so it can take ``out``'s place)."""
    path = Path(tempfile.mkdtemp(prefix=f".{out.name}{_NEW}", dir=out.parent))
    os.chmod(path, 0o777 & ~_umask())  # it becomes the output folder: an ordinary one, not mkdtemp's 0700
    return path


def foreign_entries(out: Path) -> list[str]:
    """Names in ``out`` that no build writes: a build would replace them with the folder, so it refuses."""
    if not out.is_dir():
        return []
    return sorted(p.name for p in out.iterdir() if p.name not in OUTPUT_NAMES and not p.name.startswith((".kg-staging-", ".")))


def clean_stale(out: Path) -> None:
    """Remove what a killed build left beside ``out``; put back a previous build a fallback switch had moved away."""
    olds = sorted(out.parent.glob(f".{out.name}{_OLD}*"))
    if not out.exists() and olds:
        os.rename(olds[-1], out)  # killed between the two renames of the fallback: the old build returns
        olds = olds[:-1]
    for stale in [*out.parent.glob(f".{out.name}{_NEW}*"), *olds, *out.glob(".kg-staging-*")]:
        shutil.rmtree(stale, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; ``False`` where the system cannot (not Linux, or a file system without it)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: fall back
        return False
    raise OSError(err, os.strerror(err), str(b))


def publish(staging: Path, out: Path) -> None:
    """Make the complete build in ``staging`` the output folder ``out``, in one step.

    ``out`` absent: one rename. ``out`` present: the two folders are exchanged
    atomically and the previous build, now in ``staging``, is removed. Where
    the system has no exchange, ``out`` is renamed aside and ``staging`` into
    its place; a kill between the two leaves ``out`` missing for an instant,
    and :func:`clean_stale` restores the previous build at the next start.
    """
    fault_point("staged")
    if not out.exists():
        os.rename(staging, out)
    elif _exchange(staging, out):
        fault_point("exchanged")
    else:
        aside = Path(tempfile.mkdtemp(prefix=f".{out.name}{_OLD}", dir=out.parent))
        os.rmdir(aside)
        os.rename(out, aside)
        fault_point("moved-aside")
        os.rename(staging, out)
        staging = aside
    shutil.rmtree(staging, ignore_errors=True)
    fault_point("published")
