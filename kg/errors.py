"""One catalog of the errors `kg` reports, each with a code and the fix.

Input problems never raise out of a batch: they become a ``status=rejected``
row in ``documents.csv`` whose ``error`` column starts with the code, e.g.
``E101 empty input: the file has no text``. A document that is processed but
was damaged on the way in keeps ``status=ok`` and says so in the same column
with a warning code (:class:`Warn`, ``W2xx``). User errors on the command line
(bad options, missing output folder) are :class:`KgUsageError` and are shown
as one clean message without a traceback.

>>> str(InputError(Err.EMPTY, "seeds/x.txt"))
'E101 empty input: the file has no text (seeds/x.txt)'
>>> Warn.TRUNCATED.code, Warn.TRUNCATED.with_detail("2 bytes of UTF-8").endswith("dropped (2 bytes of UTF-8)")
('W201', True)
"""

from __future__ import annotations

from enum import Enum


class Err(str, Enum):
    """Error codes with their message. The value is ``"<code> <message>"``."""

    NOT_FOUND = "E100 input not found: no file, folder or glob match at this path"
    EMPTY = "E101 empty input: the file has no text"
    BINARY = "E102 binary input: the bytes are not text (NUL bytes or a known binary signature)"
    UNDECODABLE = "E103 undecodable input: no text encoding fits these bytes; convert the file to UTF-8"
    UNREADABLE = "E104 unreadable input: the file could not be read (permissions or I/O error)"
    BAD_JSONL = "E105 malformed JSONL record: each line must be a JSON object with a string 'text' field"
    DUPLICATE_ID = "E106 duplicate doc_id: another input already has this doc_id; rename one of the files"
    NO_BODY = "E107 no article text: nothing was left after removing boilerplate"
    HTML_NO_TEXT = "E108 HTML page without main text: the boilerplate remover found no article body"
    INTERNAL = "E199 internal error while processing this input; please report it with the file"

    @property
    def code(self) -> str:
        return self.value.split(" ", 1)[0]


class Warn(str, Enum):
    """Warning codes for documents that are processed (``status=ok``) but were damaged; same form as :class:`Err`."""

    TRUNCATED = ("W201 truncated input: the file ends inside a multi-byte character; "
                 "the incomplete bytes at the end were dropped")

    @property
    def code(self) -> str:
        return self.value.split(" ", 1)[0]

    def with_detail(self, detail: str) -> str:
        """The text of this warning as ``documents.csv`` shows it, like :class:`InputError`'s."""
        return f"{self.value} ({detail})"


class KgError(Exception):
    """Base class of the errors `kg` raises on purpose."""


class InputError(KgError):
    """One input cannot be processed; the batch goes on without it."""

    def __init__(self, err: Err, detail: str = "") -> None:
        self.err = err
        self.detail = detail
        super().__init__(f"{err.value} ({detail})" if detail else err.value)


class KgUsageError(KgError):
    """The command was called wrongly; shown to the user as one line."""
