"""Offset maps: every position of a derived text points back into the raw text.

The normalized text the extractor reads is built from pieces of the raw
text (body segments, converted characters, restored spun words, inserted
line breaks). :class:`OffsetMapBuilder` records each piece as it is
appended; :meth:`OffsetMap.to_raw` turns a span of the derived text into the
raw span it came from, so mentions and evidence are reported in raw offsets.

A piece is either *aligned* (derived and raw have the same length and map
character by character: OpenCC ``t2s``, full-width→half-width, same-length
spun-word restorations) or a *block* (lengths differ, or an inserted
separator with an empty raw span): any character inside a block maps to the
whole raw block.

>>> b = OffsetMapBuilder()
>>> b.aligned("青岛", 10)         # raw[10:12]
>>> b.block("\\n", 12, 12)        # inserted separator
>>> b.block("产业链", 20, 22)     # a 2-char raw word restored as 3 chars
>>> text, m = b.build()
>>> text
'青岛\\n产业链'
>>> m.to_raw(0, 2), m.to_raw(3, 6), m.to_raw(4, 5), m.to_raw(1, 4)
((10, 12), (20, 22), (20, 22), (11, 22))
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    """Sorted pieces ``(derived_start, raw_start, raw_end, aligned)`` of a derived text."""

    starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    aligned: tuple[bool, ...]
    length: int

    def _piece(self, pos: int) -> int:
        if not 0 <= pos < self.length:
            raise IndexError(f"position {pos} outside derived text of length {self.length}")
        return bisect_right(self.starts, pos) - 1

    def char_to_raw(self, pos: int) -> tuple[int, int]:
        """Raw span of the derived character at ``pos``."""
        i = self._piece(pos)
        if self.aligned[i]:
            r = self.raw_starts[i] + pos - self.starts[i]
            return r, r + 1
        return self.raw_starts[i], self.raw_ends[i]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span ``(start, end)`` covering the derived span ``[start, end)``."""
        if start >= end:
            raw = self.char_to_raw(start)[0] if start < self.length else self.raw_end_of_text()
            return raw, raw
        return self.char_to_raw(start)[0], self.char_to_raw(end - 1)[1]

    def raw_end_of_text(self) -> int:
        return self.raw_ends[-1] if self.raw_ends else 0


class OffsetMapBuilder:
    """Append derived text piece by piece, remembering where each came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []
        self._aligned: list[bool] = []
        self._length = 0

    def _add(self, text: str, raw_start: int, raw_end: int, aligned: bool) -> None:
        if not text:
            return
        # Merge with the previous aligned piece when contiguous: keeps maps small.
        if (aligned and self._aligned and self._aligned[-1] and self._raw_ends[-1] == raw_start):
            self._raw_ends[-1] = raw_end
        else:
            self._starts.append(self._length)
            self._raw_starts.append(raw_start)
            self._raw_ends.append(raw_end)
            self._aligned.append(aligned)
        self._parts.append(text)
        self._length += len(text)

    def aligned(self, text: str, raw_start: int) -> None:
        """Append ``text`` that maps 1:1 onto ``raw[raw_start:raw_start+len(text)]``."""
        self._add(text, raw_start, raw_start + len(text), True)

    def block(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append ``text`` that stands for the whole of ``raw[raw_start:raw_end]``."""
        if len(text) == raw_end - raw_start:
            self.aligned(text, raw_start)
        else:
            self._add(text, raw_start, raw_end, False)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(
            tuple(self._starts), tuple(self._raw_starts), tuple(self._raw_ends), tuple(self._aligned), self._length
        )
