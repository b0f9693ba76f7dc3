"""Ingest: turn files, folders, globs, JSONL and HTML into :class:`Document` records.

The first stage of the data flow. It decodes any encoding the corpus uses
(UTF-8 with or without BOM, UTF-16/32, GB18030/GBK, Big5), takes the main
text of HTML pages with trafilatura, and never loses a batch because of one
bad input: every problem becomes a :class:`Rejected` record with a coded
reason (see :mod:`kg.errors`), in input order with the documents.

``raw_text`` is what every later offset points into. For plain text and
JSONL it is the decoded text as given; for HTML it is the main text the
boilerplate remover extracted (positions in markup would help nobody).

Damage that still leaves a document (a file cut inside a multi-byte
character) is not a rejection: the document is read and a ``W2xx`` warning
(:class:`kg.errors.Warn`) in its ``meta["warning"]`` reaches the ``error``
column of ``documents.csv``.

>>> from pathlib import Path
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_bytes("青岛蓝谷管理局".encode("gb18030"))
>>> _ = (d / "empty.txt").write_bytes(b"")
>>> [(r.doc_id, r.status) for r in iter_inputs([str(d)])]
[('a', 'ok'), ('empty', 'rejected')]
>>> next(iter_inputs([str(d / "a.txt")])).raw_text
'青岛蓝谷管理局'
"""

from __future__ import annotations

import codecs
import glob
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from kg.errors import Err, InputError, Warn
from kg.text.normalize import encodable

#: File name endings read as JSONL (one JSON object a line).
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
#: File name endings read as HTML pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: The ``meta`` key of a document's warning (a :class:`~kg.errors.Warn` text), shown in documents.csv.
WARNING = "warning"
#: How deep arrays and objects may nest in a JSONL record. News needs a few
#: levels; a limit of our own, rather than the parser's recursion limit (which
#: depends on the stack in use), gives every engine the same answer.
MAX_JSON_DEPTH = 100
#: Bytes at the start of a file that decide whether it is binary (see :func:`looks_binary`).
SNIFF_BYTES = 4096

# Signatures of common binary formats; their bytes can decode as "text" in
# a legacy codepage, so we recognize them before any decoding attempt.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0",
    b"SQLite format 3",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names → the Python codec we decode with. GB2312 and GBK
# are subsets of GB18030; Big5-HKSCS is a superset of Big5 and CP950.
_CODEC_UPGRADE = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}


@dataclass(frozen=True)
class Document:
    """A decoded input, ready for cleaning.

    ``meta`` holds metadata the input itself supplied (JSONL fields such as
    ``title``/``date``, or what trafilatura read from an HTML page), and the
    warning of a damaged input (:data:`WARNING`); the cleaner adds what it
    finds in the text.

    Every string a record holds is valid Unicode: a lone surrogate (JSON can
    escape one, ``"\\udfff"``; a file name that is not UTF-8 brings one) is
    replaced by U+FFFD, one code point for one, so offsets into ``raw_text``
    do not move and every file written later can encode it. Nothing else is
    changed: control characters and line breaks in a ``doc_id`` stay, since
    the doc_id is data and the writers of CSV, RDF, GraphML and HTML quote or
    escape what their format needs.

    >>> Document("b" + chr(0xDFFF), "青" + chr(0xD800) + "岛", "x.jsonl:1").raw_text == "青\ufffd岛"
    True
    """

    doc_id: str
    raw_text: str
    path: str
    fmt: str = "text"  # text | jsonl | html
    encoding: str = "utf-8"
    meta: dict[str, str] = field(default_factory=dict)
    status: str = "ok"

    def __post_init__(self) -> None:
        _valid_unicode(self, ("doc_id", "raw_text", "path"))
        if any(encodable(v) is not v for v in self.meta.values()):
            object.__setattr__(self, "meta", {k: encodable(v) for k, v in self.meta.items()})


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as a document, with its coded reason (valid Unicode, as :class:`Document`)."""

    doc_id: str
    path: str
    error: str
    status: str = "rejected"

    def __post_init__(self) -> None:
        _valid_unicode(self, ("doc_id", "path", "error"))


def _valid_unicode(record: Document | Rejected, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(record, name)
        if (fixed := encodable(value)) is not value:
            object.__setattr__(record, name, fixed)


# ---------------------------------------------------------------- decoding


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
    True
    >>> looks_binary("青岛".encode("utf-16"))
    False
    """
    if data.startswith(_BINARY_MAGIC):
        return True
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in data[:SNIFF_BYTES]:
        # BOM-less UTF-16 is the one text form with NUL bytes: accept it only
        # when one of the two byte lanes is mostly NUL, as for ASCII/CJK text.
        return _bomless_utf16(data) is None
    return False


def _bomless_utf16(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and _control_ratio(text) < 0.01 and _plausible_ratio(text) > 0.9:
            return text
    return None


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) < 0xA0)
    return bad / max(len(text), 1)


def _plausible_ratio(text: str) -> float:
    """Share of characters that are ASCII printable, whitespace, CJK or CJK punctuation."""
    ok = 0
    for ch in text:
        o = ord(ch)
        if 32 <= o < 127 or ch in "\n\r\t" or 0x3000 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F:
            ok += 1
    return ok / max(len(text), 1)


class Decoded(NamedTuple):
    """Decoded bytes: the text, the codec, and a :class:`~kg.errors.Warn` text when the bytes were damaged."""

    text: str
    encoding: str
    warning: str = ""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return ``(text, encoding)`` (see :func:`decode`).

    >>> decode_bytes("園區".encode("big5"))
    ('園區', 'big5hkscs')
    >>> decode_bytes(b"\\xef\\xbb\\xbfok")
    ('ok', 'utf-8-sig')
    """
    text, encoding, _ = decode(data)
    return text, encoding


def decode(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding, saying what damage was repaired.

    BOMs decide first, then strict UTF-8 (most of the corpus), then
    charset-normalizer for legacy Chinese codepages. A file cut inside a
    multi-byte character (its last 1-3 bytes) is still that encoding: the
    incomplete character is dropped, with a ``W201`` warning, rather than the
    whole file rejected or read as another codepage.

    >>> text, encoding, warning = decode("青岛".encode("utf-8")[:-1])
    >>> text, encoding, warning[:5], warning.endswith("dropped (2 bytes of UTF-8)")
    ('青', 'utf-8', 'W201 ', True)

    Raises :class:`~kg.errors.InputError` for empty, binary or undecodable bytes.
    """
    if not data.strip():
        raise InputError(Err.EMPTY)
    if looks_binary(data):
        raise InputError(Err.BINARY)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # UTF-8 without its BOM: the utf-8-sig codec counts error positions after the BOM
            body, plain = (data[len(bom):], "utf-8") if codec == "utf-8-sig" else (data, codec)
            try:
                return Decoded(body.decode(plain), codec)
            except UnicodeDecodeError as exc:
                if _cut_at_end(exc, len(body)):
                    return _truncated(body, exc, plain, codec)
                raise InputError(Err.UNDECODABLE, f"{codec} BOM but invalid bytes at {exc.start}") from None
    if b"\x00" in data[:SNIFF_BYTES]:
        text = _bomless_utf16(data)
        if text is not None:
            return Decoded(text, "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if _cut_at_end(exc, len(data)):
            return _truncated(data, exc, "utf-8", "utf-8")
    return Decoded(*_decode_detected(data))


def _cut_at_end(exc: UnicodeDecodeError, size: int) -> bool:
    """True when the first fault of the bytes is a character the end cut off (so all before it is good)."""
    return exc.end == size and exc.reason in ("unexpected end of data", "truncated data")


def _truncated(data: bytes, exc: UnicodeDecodeError, codec: str, encoding: str) -> Decoded:
    """The text before the cut character, with the ``W201`` warning saying how many bytes were dropped.

    ``codec`` decodes ``data``; ``encoding`` is the name the document reports (``utf-8-sig`` for UTF-8 after a BOM).
    """
    text = data[:exc.start].decode(codec)
    damage = _dropped(len(data) - exc.start, codec)
    if not text.strip():
        raise InputError(Err.EMPTY, f"only {damage}, an incomplete character")
    return Decoded(text, encoding, Warn.TRUNCATED.with_detail(damage))


def _dropped(n: int, codec: str) -> str:
    return f"{n} byte{'s' if n > 1 else ''} of {codec.upper()}"


def _decode_detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # heavy-ish import, only for non-UTF-8 files

    # The corpus is Chinese news: ask about the Chinese codepages first. On
    # short texts an open detection prefers CP949 or Shift-JIS readings of GBK.
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "cp950"]).best()
    if best is None or best.chaos > 0.2:
        best = from_bytes(data).best()
    if best is None:
        raise InputError(Err.UNDECODABLE, "no candidate encoding")
    name = _CODEC_UPGRADE.get(best.encoding.lower(), best.encoding)
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
        name = best.encoding
    if _control_ratio(text) > 0.02 or _plausible_ratio(text) < 0.6:
        raise InputError(Err.UNDECODABLE, f"best guess {name} gives mostly non-text characters")
    return text, name


# ---------------------------------------------------------------- formats


def _html_document(doc_id: str, path: str, html: str, encoding: str, meta: dict[str, str] | None = None) -> Document:
    import trafilatura  # imported lazily: it pulls in lxml and friends

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        raise InputError(Err.HTML_NO_TEXT)
    found = dict(meta or {})
    for key, attr in (("title", "title"), ("date", "date"), ("author", "author"), ("source", "sitename")):
        value = getattr(extracted, attr, None)
        if value and key not in found:
            found[key] = str(value)
    return Document(doc_id, text, path, "html", encoding, found)


def _is_html(path: Path, text: str) -> bool:
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:512].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def read_file(path: Path, doc_id: str | None = None) -> Document:
    """Read one plain-text or HTML file. Raises :class:`InputError` on a bad file."""
    doc_id = doc_id or path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Err.UNREADABLE, exc.strerror or type(exc).__name__) from None
    text, encoding, warning = decode(data)
    meta = {WARNING: warning} if warning else {}
    if _is_html(path, text):
        return _html_document(doc_id, str(path), text, encoding, meta)
    if not text.strip():
        raise InputError(Err.EMPTY)
    return Document(doc_id, text, str(path), "text", encoding, meta)


_JSONL_META_KEYS = ("title", "date", "source", "author", "url")


def iter_jsonl(path: Path, start: int = 0, end: int | None = None, first_lineno: int = 1) -> Iterator[Document | Rejected]:
    """Yield one record per line of a JSONL file; a bad line is a :class:`Rejected`.

    A record needs a string ``text`` (or ``html``): another type is ``E105``,
    an empty one ``E101``; its arrays and objects may nest at most
    :data:`MAX_JSON_DEPTH` levels (``E105``). ``doc_id`` defaults to
    ``<file stem>-<line number>``; ``title``/``date``/``source``/``author``/``url``
    are kept as metadata.

    ``start``/``end`` read only the lines that *start* in that byte range, so
    ranges cut anywhere split a file into parts that together hold every line
    once (the Dask engine's partitions); ``first_lineno`` is then the number
    of the first such line (see :func:`line_starts`).

    A file whose first bytes are binary (gzip, zip, NUL bytes; the check of
    :func:`looks_binary`, as for every other file) is one ``E102`` record,
    given by the range that starts at byte 0, not one ``E105`` per "line";
    a file without a record (empty or blank) is one ``E101`` record, so that
    every input file has a row.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejected(path.stem, str(path), f"{Err.UNREADABLE.value} ({exc.strerror})")
        return
    with handle:
        if looks_binary(handle.read(SNIFF_BYTES)):
            if start == 0:
                yield Rejected(path.stem, str(path), Err.BINARY.value)
            return
        handle.seek(0)
        if start == 0 and not any(chunk.strip() for chunk in iter(lambda: handle.read(1 << 16), b"")):
            yield Rejected(path.stem, str(path), f"{Err.EMPTY.value} (a JSONL file without a record)")
            return  # stops at the first chunk with text: cheap for any real file
        handle.seek(0)
        pos = start
        if start > 0:
            handle.seek(start - 1)
            if handle.read(1) != b"\n":  # inside a line that starts in the previous range
                pos += len(handle.readline())
        lineno = first_lineno
        while end is None or pos < end:
            line = handle.readline()
            if not line:
                break
            pos += len(line)
            lineno += 1
            if line.strip():
                yield _jsonl_record(path, lineno - 1, line)


def line_starts(path: Path, start: int, end: int) -> int:
    """How many lines of the file start in the byte range ``[start, end)``.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.jsonl"
    >>> _ = p.write_bytes(b"{}\\n{}\\n{}\\n")
    >>> [line_starts(p, 0, 4), line_starts(p, 4, 9)]
    [2, 1]
    """
    with path.open("rb") as fh:
        fh.seek(max(start - 1, 0))
        data = fh.read(max(end - max(start - 1, 0) - 1, 0))
    size = path.stat().st_size
    return (1 if start == 0 and size > 0 else 0) + data.count(b"\n")


# A JSON string (escapes included) or one bracket: the tokens that decide how deep a line nests.
_JSON_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|([\[\]{}])', re.S)


def too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when arrays and objects in JSON ``text`` nest more than ``limit`` levels.

    Counted in one pass without recursion (the parser would recurse once per
    level, and 100,000 levels end the process's stack), brackets inside
    strings not counted.

    >>> too_deep('{"a": [[1]], "b": "[[[["}', limit=2), too_deep('{"a": [1], "b": "[[[["}', limit=2)
    (True, False)
    """
    if text.count("[") + text.count("{") <= limit:  # no deeper than it has brackets
        return False
    depth = 0
    for m in _JSON_NESTING.finditer(text):
        bracket = m.group(1)
        if bracket is None:
            continue
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


def _json_kind(value: object) -> str:
    """The JSON name of a parsed value's type, with its article: ``an array``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def _jsonl_record(path: Path, lineno: int, line: bytes) -> Document | Rejected:
    """One JSONL line as a record; every problem is the line's own ``Rejected``."""
    fallback_id = f"{path.stem}-{lineno}"
    where = f"{path}:{lineno}"
    warning = ""
    body = line[len(codecs.BOM_UTF8):] if line.startswith(codecs.BOM_UTF8) else line
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not _cut_at_end(exc, len(body)):
            return Rejected(fallback_id, where, f"{Err.BAD_JSONL.value} ({type(exc).__name__}: {exc})"[:500])
        # Only the last line of a file cut inside a character ends so (any other
        # line ends with its newline): read what is there, and say so.
        decoded = body[:exc.start].decode("utf-8")
        warning = Warn.TRUNCATED.with_detail(_dropped(len(body) - exc.start, "utf-8"))
    if too_deep(decoded):
        return Rejected(fallback_id, where, f"{Err.BAD_JSONL.value} (nesting too deep: arrays and objects more "
                                            f"than {MAX_JSON_DEPTH} levels deep)")
    try:
        record = json.loads(decoded)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = f"{type(exc).__name__}: {exc}" if isinstance(exc, json.JSONDecodeError) else "nesting too deep"
        if warning:
            reason = f"the line ends inside a UTF-8 character, the file is cut; {reason}"
        return Rejected(fallback_id, where, f"{Err.BAD_JSONL.value} ({reason})"[:500])
    if not isinstance(record, dict):
        return Rejected(fallback_id, where, f"{Err.BAD_JSONL.value} (line is a {type(record).__name__}, not an object)")
    return record_document(record, fallback_id, where, warning)


def record_document(record: Mapping[str, Any], fallback_id: str, where: str, warning: str = "") -> Document | Rejected:
    """A record as a JSONL line holds it (``{"doc_id"?, "text" or "html", "title"?, …}``) as a document.

    ``fallback_id`` names a record without ``doc_id`` (or ``id``), ``where`` is its ``path``
    (``file.jsonl:LINE``); ``warning`` is the damage ingest repaired on the way (:data:`WARNING`).

    >>> record_document({"text": "青岛蓝谷", "title": "蓝谷"}, "x-1", "x.jsonl:1").meta
    {'title': '蓝谷'}
    >>> record_document({"text": " "}, "x-2", "x.jsonl:2").error
    "E101 empty input: the file has no text ('text' is empty)"
    """
    doc_id = str(record.get("doc_id") or record.get("id") or fallback_id)
    meta = {k: str(record[k]) for k in _JSONL_META_KEYS if record.get(k) not in (None, "")}
    if warning:
        meta[WARNING] = warning
    text, html = record.get("text"), record.get("html")
    try:
        if isinstance(text, str) and text.strip():
            return Document(doc_id, text, where, "jsonl", "utf-8", meta)
        if isinstance(html, str) and html.strip():
            return _html_document(doc_id, where, html, "utf-8", meta)
        for key in ("text", "html"):
            value = record.get(key)
            if key in record and not isinstance(value, str):
                raise InputError(Err.BAD_JSONL, f"'{key}' must be a string, not {_json_kind(value)}")
        if "text" not in record and "html" not in record:
            raise InputError(Err.BAD_JSONL, "no 'text' field")
        raise InputError(Err.EMPTY, f"'{'text' if 'text' in record else 'html'}' is empty")
    except InputError as exc:
        return Rejected(doc_id, where, str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser's surprise must not end the batch
        return Rejected(doc_id, where, f"{Err.INTERNAL.value} ({type(exc).__name__}: {exc})"[:500])


# ---------------------------------------------------------------- inputs


def expand_inputs(inputs: Iterable[str], seen: set[Path] | None = None) -> Iterator[tuple[str, Path | None]]:
    """Expand files, folders (recursively) and glob patterns into file paths.

    Yields ``(given, path)``; ``path`` is ``None`` when nothing matched, so the
    caller can report the missing input. Folders list their files sorted, and
    hidden files (``.name``) are skipped; the same file is yielded once (once
    over several calls that share ``seen``, the resolved paths yielded so far).
    """
    seen = set() if seen is None else seen

    def emit(p: Path) -> Iterator[tuple[str, Path | None]]:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            yield str(p), p

    for given in inputs:
        p = Path(given)
        if p.is_dir():
            found = sorted(
                q for q in p.rglob("*")
                if q.is_file() and not any(part.startswith(".") for part in q.relative_to(p).parts)
            )
            for q in found:
                yield from emit(q)
        elif p.exists():
            yield from emit(p)
        elif glob.has_magic(given):
            matches = sorted(Path(m) for m in glob.glob(given, recursive=True) if os.path.isfile(m))
            if not matches:
                yield given, None
            for q in matches:
                yield from emit(q)
        else:
            yield given, None


def read_source(given: str, path: Path | None) -> Iterator[Document | Rejected]:
    """The records of one expanded input (see :func:`expand_inputs`), without the duplicate check."""
    if path is None:
        yield Rejected(Path(given).stem or given, given, Err.NOT_FOUND.value)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from iter_jsonl(path)
    else:
        try:
            yield read_file(path)
        except InputError as exc:
            yield Rejected(path.stem, str(path), str(exc))
        except Exception as exc:  # noqa: BLE001 - a parser's surprise must not end the batch
            yield Rejected(path.stem, str(path), f"{Err.INTERNAL.value} ({type(exc).__name__}: {exc})"[:500])


class DuplicateIds:
    """The ``E106`` rule: a record whose doc_id an earlier input had is rejected, not merged.

    Every record claims its doc_id, readable or not; only a readable record
    can be a duplicate (a second unreadable file keeps its own reason).

    >>> ids = DuplicateIds()
    >>> ids.check("a", "x.txt", True), ids.check("a", "y.txt", True)
    (None, 'E106 duplicate doc_id: another input already has this doc_id; rename one of the files (first: x.txt)')
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def check(self, doc_id: str, path: str, readable: bool) -> str | None:
        """The E106 reason if this record repeats an earlier doc_id, else ``None`` (and the id is claimed)."""
        if doc_id in self.first and readable:
            return f"{Err.DUPLICATE_ID.value} (first: {self.first[doc_id]})"
        self.first.setdefault(doc_id, path)
        return None


def iter_inputs(inputs: Iterable[str]) -> Iterator[Document | Rejected]:
    """Stream every input as a :class:`Document` or a :class:`Rejected`, in order.

    A doc_id seen before is rejected (``E106``) rather than silently merged.
    """
    ids = DuplicateIds()
    for given, path in expand_inputs(inputs):
        for rec in read_source(given, path):
            dup = ids.check(rec.doc_id, rec.path, rec.status == "ok")
            yield rec if dup is None else Rejected(rec.doc_id, rec.path, dup)


#: The ``path`` of the N-th text or record given in memory (:func:`iter_records`): ``<texts>:N``, as ``file.jsonl:N``.
TEXTS_PATH = "<texts>"


def iter_records(items: Iterable[str | os.PathLike[str] | Mapping[str, Any]]) -> Iterator[Document | Rejected]:
    """Stream inputs given in memory (``kg.build``) as :class:`Document` or :class:`Rejected`, in order.

    A ``str`` is always an article's text, never a path; a mapping is a record as a JSONL line
    holds it (``{"text", "doc_id"?, "title"?, "date"?, "source"?, "author"?}``, or ``"html"``); an
    ``os.PathLike`` (a :class:`pathlib.Path`) is a file, folder or glob pattern, read as ``kg build``
    reads its INPUT. The N-th item (from 1) without a ``doc_id`` is ``text-N``, its path
    ``<texts>:N``. A doc_id seen before is rejected (``E106``), as in :func:`iter_inputs`.

    >>> [(d.doc_id, d.path, d.status) for d in iter_records(["青岛蓝谷", {"doc_id": "b", "text": "蓝谷"}, ""])]
    [('text-1', '<texts>:1', 'ok'), ('b', '<texts>:2', 'ok'), ('text-3', '<texts>:3', 'rejected')]
    """
    ids = DuplicateIds()
    seen: set[Path] = set()  # a file named by two paths (a folder and a glob) is read once, as in iter_inputs
    for n, item in enumerate(items, 1):
        if isinstance(item, os.PathLike):
            records: Iterable[Document | Rejected] = (
                rec for given, path in expand_inputs([os.fspath(item)], seen) for rec in read_source(given, path))
        else:
            records = [record_document({"text": item} if isinstance(item, str) else item, f"text-{n}", f"{TEXTS_PATH}:{n}")]
        for rec in records:
            dup = ids.check(rec.doc_id, rec.path, rec.status == "ok")
            yield rec if dup is None else Rejected(rec.doc_id, rec.path, dup)
