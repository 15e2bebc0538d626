"""The verification code and its QR code, in the footer of the report's last page.

The level above types or scans the code (``dtdesk verify-code``) to see
whether the paper it holds matches a revision of the data it imported (see
:mod:`dtdesk.exchange.verification` for what the code covers). The QR code is
drawn as vector squares by segno's matrix, so it prints sharp at any
resolution and the PDF stays reproducible. Both sit in the bottom margin,
right-aligned under the signer's block, clear of the page's text.
"""

from __future__ import annotations

import segno
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from dtdesk.render import fonts
from dtdesk.render import styles as st

LABEL = "Mã xác thực:"
QR_SIZE = 13 * mm
QR_BOTTOM = 5 * mm  # above the strip that many printers leave blank
TEXT_SIZE = 9
GAP = 2.5 * mm  # between the text and the QR code


def qr_modules(code: str) -> list[list[bool]]:
    """The QR code's modules, row by row from the top, dark = True, without the quiet zone."""
    qr = segno.make(code, micro=False)
    return [[bool(m) for m in row] for row in qr.matrix_iter(border=0)]


def footer_text(code: str) -> str:
    return f"{LABEL} {code}"


def draw_footer(canvas, code: str) -> None:
    """Draw the code and its QR code in the bottom margin (page coordinates)."""
    rows = qr_modules(code)
    module = QR_SIZE / len(rows)
    right = st.PAGE_WIDTH - st.MARGIN_RIGHT
    left = right - QR_SIZE
    canvas.saveState()
    canvas.setFillColor(black)
    for r, row in enumerate(rows):
        y = QR_BOTTOM + QR_SIZE - (r + 1) * module
        c = 0
        while c < len(row):  # one rectangle per run of dark modules
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            canvas.rect(left + start * module, y, (c - start) * module, module, stroke=0, fill=1)
    text = footer_text(code)
    canvas.setFont(fonts.NORMAL, TEXT_SIZE)
    baseline = QR_BOTTOM + QR_SIZE / 2 - TEXT_SIZE / 3
    canvas.drawString(left - GAP - stringWidth(text, fonts.NORMAL, TEXT_SIZE), baseline, text)
    canvas.restoreState()


class Stamp(Flowable):
    """Takes no room; drawn after the closing, so on the last page, it draws that page's footer."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - ReportLab's name
        draw_footer(canvas, self.code)
