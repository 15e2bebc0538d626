"""Page geometry and paragraph styles of the Decree 30 report, in one place.

Everything here is built once per process (styles are immutable in use), so
rendering a long document does no per-paragraph style work.
"""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from dtdesk.render import fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

BODY_SIZE = 14
LEADING = 1.2  # line height as a multiple of the font size ("single" in Word)
FIRST_LINE_INDENT = 1.27 * cm
PARA_SPACE_AFTER = 6

HEADER_SIZE = 13  # parent body, issuing body, "Số:", national name
MOTTO_SIZE = 14
TABLE_SIZE = 12
TABLE_PADDING = 3  # points, each side of a table cell
RULE_WIDTH = 0.5  # points: header rules and table grid
RECIPIENTS_TITLE_SIZE = 12
RECIPIENTS_SIZE = 11
SIGNATURE_SPACE = 2.5 * cm
HEADING_KEEP = 3.5 * cm  # a heading starts a new page when less than this is left below it
PAGE_NUMBER_SIZE = 13
PAGE_NUMBER_BASELINE = PAGE_HEIGHT - 12 * mm  # inside the top margin

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
TABLE_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}


def _style(name: str, font: str, size: float, *, align=TA_LEFT, indent=0.0,
           after=0.0, leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * LEADING, 2),
        alignment=align,
        firstLineIndent=indent,
        spaceAfter=after,
        splitLongWords=True,
    )


@cache
def styles() -> SimpleNamespace:
    """All paragraph styles, keyed by role; fonts are registered on first use."""
    fonts.register()
    n, b, i, bi = fonts.NORMAL, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC
    body = dict(indent=FIRST_LINE_INDENT, after=PARA_SPACE_AFTER, align=TA_JUSTIFY)
    s = SimpleNamespace(
        # header block
        parent=_style("parent", n, HEADER_SIZE, align=TA_CENTER),
        issuing=_style("issuing", b, HEADER_SIZE, align=TA_CENTER),
        number=_style("number", n, HEADER_SIZE, align=TA_CENTER),
        nation=_style("nation", b, HEADER_SIZE, align=TA_CENTER),
        motto=_style("motto", b, MOTTO_SIZE, align=TA_CENTER),
        place_date=_style("place_date", i, MOTTO_SIZE, align=TA_CENTER),
        doc_type=_style("doc_type", b, BODY_SIZE, align=TA_CENTER),
        abstract=_style("abstract", b, BODY_SIZE, align=TA_CENTER),
        cutoff=_style("cutoff", n, BODY_SIZE, align=TA_CENTER),
        # body
        heading=_style("heading", b, BODY_SIZE, **body),
        body=_style("body", n, BODY_SIZE, **body),
        italic=_style("italic", i, BODY_SIZE, **body),
        point=_style("point", n, BODY_SIZE, **body),
        # closing
        recipients_title=_style("recipients_title", bi, RECIPIENTS_TITLE_SIZE),
        recipient=_style("recipient", n, RECIPIENTS_SIZE),
        signer=_style("signer", b, BODY_SIZE, align=TA_CENTER),
        page_number=_style("page_number", n, PAGE_NUMBER_SIZE, align=TA_CENTER),
    )
    # table cells: one style per (weight, alignment), used only for cells that wrap
    s.cell = {
        (bold, align): _style(f"cell-{bold}-{align}", b if bold else n, TABLE_SIZE,
                              align=ALIGN[align])
        for bold in (False, True) for align in ALIGN
    }
    return s
