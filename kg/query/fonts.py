"""A CJK font for matplotlib charts of Chinese names, and a guard that turns a missing glyph into an error.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: without a
CJK font every name is drawn as empty boxes and matplotlib only warns
(``Glyph 38738 (...) missing from font(s) DejaVu Sans``). :func:`use_cjk_font`
registers a CJK font file by path (``make setup`` installs Debian's
``fonts-wqy-microhei``; ``KG_CJK_FONT`` names any other file) and
:func:`strict_glyphs` makes that warning an exception, so a chart that would
show boxes fails instead.

>>> find_cjk_font(candidates=["/nonexistent/font.ttc"], env={})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.KgUsageError: no CJK font found (looked for /nonexistent/font.ttc); run `make setup` ...
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

from kg.errors import KgUsageError

#: Font files tried in order: the one `make setup` installs first, then other Debian CJK fonts.
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
#: The message of matplotlib's warning for a character the font cannot draw.
MISSING_GLYPH = r"Glyph \d+ .* missing from"


def find_cjk_font(candidates: Iterable[str] = CJK_FONT_FILES, env: Mapping[str, str] = os.environ) -> Path:
    """The CJK font file to use: ``$KG_CJK_FONT`` if set (it must exist), else the first candidate present."""
    if env.get("KG_CJK_FONT"):
        path = Path(env["KG_CJK_FONT"])
        if not path.is_file():
            raise KgUsageError(f"KG_CJK_FONT={path} is not a file")
        return path
    candidates = list(candidates)
    for name in candidates:
        if Path(name).is_file():
            return Path(name)
    raise KgUsageError(
        f"no CJK font found (looked for {', '.join(candidates)}); run `make setup` "
        "(it installs the Debian package fonts-wqy-microhei) or set KG_CJK_FONT to a .ttf/.ttc/.otf file"
    )


def use_cjk_font(path: str | Path | None = None) -> str:
    """Register the CJK font with matplotlib and make it the default family; returns the family name.

    Latin text still falls back to DejaVu Sans, so digits and English labels keep their usual look.
    """
    from matplotlib import font_manager, rcParams

    path = Path(path) if path else find_cjk_font()
    font_manager.fontManager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212 minus sign
    return family


def strict_glyphs() -> None:
    """Make matplotlib's missing-glyph warning an error (for the rest of the process).

    The warning is raised when a figure is drawn (``fig.canvas.draw()``,
    ``savefig``), so draw explicitly in the cell or script that should fail.
    """
    warnings.filterwarnings("error", message=MISSING_GLYPH, category=UserWarning)
