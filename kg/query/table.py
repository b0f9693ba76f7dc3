"""`kg query`'s table format: aligned columns that fit the terminal, Chinese counted as two cells.

pandas' ``to_string`` prints every cell in full (an evidence sentence makes
rows hundreds of characters wide) and counts a Chinese character as one cell,
so columns of names drift apart on a terminal. :func:`format_table` measures
text as a terminal shows it (East Asian wide and fullwidth characters take two
cells) and, given a width, shortens the widest columns until the table fits,
cutting their cells with ``…``; short columns (ids, numbers, names) keep their
full width as long as the long ones can give way. Numbers are right-aligned,
text left-aligned; line breaks inside a cell are shown as ``⏎``.

Only the table format is cut: ``kg query --format csv`` and ``--format json``
print every value in full, and ``--wide`` prints the table uncut.

>>> import pandas as pd
>>> df = pd.DataFrame({"person": ["徐一冰"], "title": ["副局长"],
...                    "sentence": ["青岛蓝谷管理局副局长徐一冰在接受专访时表示,青岛蓝谷聚焦实体经济"], "start": [3]})
>>> print(format_table(df, width=50))
person  title   sentence                     start
徐一冰  副局长  青岛蓝谷管理局副局长徐一冰…      3
>>> print(format_table(df))
person  title   sentence                                                         start
徐一冰  副局长  青岛蓝谷管理局副局长徐一冰在接受专访时表示,青岛蓝谷聚焦实体经济      3
"""

from __future__ import annotations

import unicodedata

import pandas as pd

#: Between two columns.
GAP = "  "
#: A cut cell ends with this (one cell wide).
ELLIPSIS = "…"
#: A column is never cut below this many cells (or its full width, if less); a narrower terminal wraps lines.
MIN_COLUMN = 6
#: A column wider than this is long text (a sentence, a list): it is cut first, down to LONG_FLOOR.
LONG, LONG_FLOOR = 24, 12


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: two for wide and fullwidth characters, none for combining marks.

    >>> cell_width("abc"), cell_width("青岛"), cell_width("ｋｇ"), cell_width("é")
    (3, 4, 4, 1)
    """
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def cut(text: str, width: int) -> str:
    """``text`` shortened to at most ``width`` cells, ending in ``…`` when something was cut.

    >>> cut("青岛蓝谷管理局", 7), cut("青岛蓝谷", 8), cut("abcdef", 4)
    ('青岛蓝…', '青岛蓝谷', 'abc…')
    """
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - cell_width(text))
    return space + text if right else text + space


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", " ")


def fit_widths(natural: list[int], width: int, floors: list[int]) -> list[int]:
    """Column widths within ``width`` (gaps included): the widest columns give way first, none below its floor.

    Long columns (wider than :data:`LONG` cells: evidence sentences, lists of names) give way first, down
    to :data:`LONG_FLOOR`, so the short ones (ids, names) stay whole whenever that is enough; only then are
    all columns cut, down to their floors.

    >>> fit_widths([6, 6, 60, 5], 40, [6, 6, 6, 5])
    [6, 6, 17, 5]
    >>> fit_widths([30, 30], 40, [6, 6])
    [19, 19]
    >>> fit_widths([6, 14, 6, 20, 300, 5, 3], 80, [6, 6, 6, 6, 6, 5, 3])   # doc_id (20) stays whole
    [6, 14, 6, 20, 14, 5, 3]
    """
    widths = list(natural)
    room = width - len(GAP) * (len(widths) - 1)
    first = [max(f, min(n, LONG_FLOOR)) if n > LONG else n for n, f in zip(natural, floors)]
    for stage in (first, floors):
        while sum(widths) > room:
            shrinkable = [i for i in range(len(widths)) if widths[i] > stage[i]]
            if not shrinkable:
                break  # every column at this stage's floor
            widest = max(shrinkable, key=lambda i: (widths[i], -i))
            widths[widest] -= 1
    return widths


def format_table(df: pd.DataFrame, width: int | None = None) -> str:
    """The rows of ``df`` as aligned columns, cut to ``width`` terminal cells (``None``: nothing cut)."""
    if not len(df.columns):
        return "(no columns)"
    if not len(df):
        return "(no rows)"
    headers = [str(c) for c in df.columns]
    cells = [[_text(v) for v in df[c]] for c in df.columns]
    right = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]) for c in df.columns]
    natural = [max(cell_width(x) for x in (h, *col)) for h, col in zip(headers, cells)]
    widths = natural
    if width is not None:
        # a number is never cut (a cut number reads as another number)
        widths = fit_widths(natural, width, [n if r else min(n, MIN_COLUMN) for n, r in zip(natural, right)])
    lines = []
    for row in [headers, *zip(*cells)]:
        parts = [_pad(cut(x, w), w, r) for x, w, r in zip(row, widths, right)]
        lines.append(GAP.join(parts).rstrip())
    return "\n".join(lines)
