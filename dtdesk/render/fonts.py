"""Font registration for the printed report.

Decree 30 asks for Times New Roman. Windows machines have it installed, so we
use it when present; elsewhere we fall back to the bundled Liberation Serif 2.x,
which is metric-compatible (same advance widths, so line breaks match) and
covers Vietnamese. The PDF base-14 fonts cannot print Vietnamese and DejaVu has
different widths, so neither is ever used. TrueType fonts are embedded (and
subset) by ReportLab automatically.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dtdesk.paths import resource

FAMILY = "dtdesk-serif"
NORMAL = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_TIMES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_TIMES_ALT = ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf",
              "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf")
_LIBERATION = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
               "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")


def _times_dirs() -> list[Path]:
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    dirs.append(Path("/usr/share/fonts/truetype/msttcorefonts"))
    return dirs


def font_files() -> tuple[Path, Path, Path, Path]:
    """The four TTFs (regular, bold, italic, bold-italic) that will be used."""
    for folder in _times_dirs():
        for names in (_TIMES, _TIMES_ALT):
            paths = tuple(folder / n for n in names)
            if all(p.is_file() for p in paths):
                return paths  # type: ignore[return-value]
            # msttcorefonts and some Windows installs use other letter case
            if folder.is_dir():
                lower = {p.name.lower(): p for p in folder.iterdir()}
                found = tuple(lower.get(n.lower()) for n in names)
                if all(found):
                    return found  # type: ignore[return-value]
    return tuple(resource("fonts", n) for n in _LIBERATION)  # type: ignore[return-value]


@cache
def register() -> str:
    """Register the family once per process and return its name."""
    for name, path in zip((NORMAL, BOLD, ITALIC, BOLD_ITALIC), font_files()):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=NORMAL, bold=BOLD,
                                  italic=ITALIC, boldItalic=BOLD_ITALIC)
    return FAMILY
