"""The rules' word lists, kept as data: one file per list under ``kg/data/rules/``.

A list file is UTF-8 text: its first line is a ``#`` comment saying what the list is for, then one
entry per line (blank lines and further ``#`` lines are ignored). The order of the entries is kept,
because a regular-expression alternation tries them in that order (``引进培育`` before ``引进``).

Extraction code names a list once, at import time, in the form it needs:

* :func:`words` — the entries as a tuple (for ``in``, ``startswith``, ``endswith``, sets);
* :func:`alternation` — the entries as one regular-expression alternation, each escaped;
* :func:`table` — for lists of tab-separated rows (``发改<TAB>发展改革``): the rows as tuples;
* :func:`pattern` — for lists whose entries are regular-expression alternatives themselves (their
  comment line says so): the entries joined with ``|`` unescaped.

A missing or empty list is an error, never an empty list: a silently empty list changes every result.

>>> words("speech_verbs")[:3]
('表示', '说', '介绍')
>>> import re
>>> bool(re.fullmatch(alternation("speech_verbs"), "指出"))
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KgUsageError

SUFFIX = ".txt"


def rules_dir() -> Path:
    """The folder of the shipped lists (``kg/data/rules``)."""
    with resources.as_file(resources.files("kg") / "data" / "rules") as p:
        return Path(p)


def read_list(path: Path) -> tuple[str, tuple[str, ...]]:
    """(the comment line, the entries) of one list file; an error when it is missing or has no entry."""
    if not path.is_file():
        raise KgUsageError(f"rule list {path} is missing; reinstall kg or restore the file (see kg/data/README.md)")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise KgUsageError(f"rule list {path} must start with a '#' line saying what the list is for")
    entries = tuple(line.strip() for line in lines[1:] if line.strip() and not line.lstrip().startswith("#"))
    if not entries:
        raise KgUsageError(f"rule list {path} has no entries")
    return lines[0].lstrip("#").strip(), entries


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The entries of ``kg/data/rules/<name>.txt``, in file order."""
    return read_list(rules_dir() / f"{name}{SUFFIX}")[1]


def alternation(name: str) -> str:
    """The entries of a word list as one regular-expression alternation (``a|b|c``), each escaped."""
    return "|".join(map(re.escape, words(name)))


def pattern(name: str) -> str:
    """The entries of a pattern list joined with ``|``: each entry is a regular-expression alternative."""
    return "|".join(words(name))


def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a list of tab-separated rows, each split into its columns."""
    return tuple(tuple(col.strip() for col in row.split("\t")) for row in words(name))
