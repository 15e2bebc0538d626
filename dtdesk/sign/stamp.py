"""The visible signature: who signed and when, drawn with ReportLab in the report's own fonts.

pyHanko's text stamps set Vietnamese poorly (its own shaping spaces the
letters out), so the stamp is a one-page PDF the size of the box, drawn like
the report itself (text cleaned as the renderer cleans it, the same serif
family), and pyHanko places that page as the signature's appearance.
"""

from __future__ import annotations

import io
from datetime import datetime

from dtdesk.core.i18n import Phrase
from dtdesk.render import fonts
from dtdesk.render.fit import clean

_SIZE = 10  # points
_LEADING = 13
_BORDER = 0.5


def when_text(moment: datetime) -> Phrase:
    """A moment in this computer's time zone, the Vietnamese way: "09:15:02 ngày 31/03/2022 (UTC+07:00)".

    The stamp prints it so; ``dtdesk verify`` says it in the user's language.
    """
    local = moment.astimezone()
    offset = local.strftime("%z")
    time, date, zone = local.strftime("%H:%M:%S"), local.strftime("%d/%m/%Y"), offset[:3] + ":" + offset[3:]
    return Phrase("{time} ngày {date} (UTC{offset})", time=time, date=date, offset=zone)


def stamp_pdf(width: float, height: float, signer: str, when: str) -> bytes:
    """A page of ``width`` × ``height`` points: a thin frame, the signer's name and the signing time, centred."""
    from reportlab.pdfgen.canvas import Canvas

    fonts.register()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.setLineWidth(_BORDER)
    canvas.rect(_BORDER, _BORDER, width - 2 * _BORDER, height - 2 * _BORDER)
    lines = [(fonts.NORMAL, "Ký số bởi"), (fonts.BOLD, signer), (fonts.NORMAL, when)]
    top = (height + _LEADING * len(lines)) / 2 - _SIZE
    for i, (font, text) in enumerate(lines):
        canvas.setFont(font, _SIZE)
        canvas.drawCentredString(width / 2, top - i * _LEADING, clean(text))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def stamp_style(page: bytes):
    """A pyHanko stamp style whose appearance is ``page`` (a PDF), filling the signature box."""
    from pyhanko.pdf_utils import content, layout
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class _Page(content.PdfContent):
        """The first page of an in-memory PDF as a form XObject (pyHanko's own import reads a file by name)."""

        def render(self) -> bytes:
            xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(page)))
            self.resources.xobject["/Stamp"] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
            return b"/Stamp Do"

    fill = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                      margins=layout.Margins.uniform(0))
    return StaticStampStyle(background=_Page(), background_layout=fill, background_opacity=1.0, border_width=0)
