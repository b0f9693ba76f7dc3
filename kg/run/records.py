"""Records that stages hand to later ones, kept apart so that a stage can name them without a cycle.

``extract`` reads a :class:`ProcessedDocument` that ``work`` makes; with the
record here, both import it from upstream and the import graph of ``kg``
stays one-directional (``tests/test_layout.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text.clean import CleanedDocument
from kg.text.ingest import Document
from kg.text.normalize import Normalized


@dataclass(frozen=True)
class ProcessedDocument:
    """A document after ingest, clean and normalize: what extraction reads."""

    doc: Document
    cleaned: CleanedDocument
    normalized: Normalized
