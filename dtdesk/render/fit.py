"""Text that must stay inside a box: cut with a visible "…" rather than break the page.

ReportLab cannot carry a table row or a header cell over to the next page: one
taller than the page raises ``LayoutError`` and no PDF is written at all. A
clerk can type 100 KB into the number or recipients field and a unit can carry
a 1,000-character name, so every text that sits in such a box goes through
:func:`bounded`. It keeps as much of the text as fits in the allowed number of
lines and ends it with "…", so the printed copy shows that something was cut;
the stored data is never touched.

Text is normalised to NFC (ReportLab does not shape combining marks) and
XML-escaped (its mini-markup would otherwise eat a typed "<b>" or "&").
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

ELLIPSIS = "…"
_FUZZ = 0.01
# No printing glyph of the report's fonts is narrower than this share of the font size, so a line of
# `width` points never holds more than width / (_NARROWEST * size) characters. It bounds the search below.
_NARROWEST = 0.2
# C0/C1 controls other than tab and newline (NUL, ESC, …): they have no glyph and ReportLab's
# parser rejects some of them; a hostile file can put them in any name.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(s: str) -> str:
    """NFC, with controls dropped and lone surrogates shown as "?": the text as it can be printed."""
    s = _CONTROLS.sub("", s)
    if s.isascii():
        return s
    s = s.encode("utf-8", "replace").decode("utf-8")
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def markup(s: str) -> str:
    """Plain text -> Paragraph markup that prints exactly the text.

    A newline (a clerk's manual break in a header field, "ỦY BAN NHÂN DÂN⏎QUẬN HẢI AN")
    becomes a line break.
    """
    return escape(clean(s)).replace("\n", "<br/>")


def _height(text: str, style: ParagraphStyle, width: float) -> float:
    return Paragraph(markup(text), style).wrap(width, 1e9)[1]


def _cut(text: str, style: ParagraphStyle, width: float, limit: float, longest: int) -> str:
    """The longest beginning of ``text`` that, ended with "…", is at most ``limit`` high."""
    lo, hi = 0, min(len(text), longest)  # text[:lo] + "…" fits; text[:hi + 1] + "…" does not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _height(text[:mid].rstrip() + ELLIPSIS, style, width) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def _fitted(text: str, style: ParagraphStyle, width: float, max_lines: int) -> tuple[str, Paragraph]:
    text = clean(text)
    limit = max_lines * style.leading + _FUZZ
    longest = int(max_lines * width / (_NARROWEST * style.fontSize)) + 1
    if len(text) <= longest:
        para = Paragraph(markup(text), style)
        if para.wrap(width, 1e9)[1] <= limit:
            return text, para
    text = _cut(text, style, width, limit, longest)
    para = Paragraph(markup(text), style)
    para.wrap(width, 1e9)
    return text, para


def fit(text: str, style: ParagraphStyle, width: float, max_lines: int) -> str:
    """``text``, or its longest beginning + "…" that wraps to at most ``max_lines`` lines of ``width``."""
    return _fitted(text, style, width, max_lines)[0]


def bounded(text: str, style: ParagraphStyle, width: float, max_lines: int) -> Paragraph:
    """A Paragraph of ``text`` at most ``max_lines`` lines high at ``width``, already wrapped there (``.height``)."""
    return _fitted(text, style, width, max_lines)[1]
