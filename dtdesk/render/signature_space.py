"""The blank between the signer's title and name, where the signature goes, marked in the PDF itself.

Under Decree 30 the signer signs (and the office seals) between the title
("CHÁNH VĂN PHÒNG") and the printed name. A digital signature belongs in the
same place, but the PDF is signed later, by ``dtdesk sign``, which has only the
file. So the renderer records where that space is: a named destination
:data:`SIGNATURE_DEST` whose ``/FitR`` rectangle is the space on its page. A
named destination is invisible, standard and survives any PDF reader; it does
not change a word of the text.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

SIGNATURE_DEST = "dtdesk.signature"


class SignatureSpace(Spacer):
    """A spacer as wide as its column that marks its own rectangle as :data:`SIGNATURE_DEST`."""

    def __init__(self, height: float):
        super().__init__(1, height)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return self.width, self.height

    def draw(self):
        canv = self.canv
        left, bottom = canv.absolutePosition(0, 0)
        right, top = canv.absolutePosition(self.width, self.height)
        dest = canv.bookmarkPage(SIGNATURE_DEST, fit="FitR", left=round(left, 2), bottom=round(bottom, 2),
                                 right=round(right, 2), top=round(top, 2))
        canv.setCatalogEntry("Dests", {SIGNATURE_DEST: dest})  # ReportLab writes only referenced names
