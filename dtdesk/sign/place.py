"""Where the visible signature goes: the signer's block the renderer marked in the PDF itself.

``dtdesk render`` records the blank between the signer's title and printed
name as the named destination ``dtdesk.signature`` (see
:mod:`dtdesk.render.signature_space`). Reading it back needs only the PDF: the
report is signed as it was printed, never rendered again.
"""

from __future__ import annotations

from typing import NamedTuple

from dtdesk.render.signature_space import SIGNATURE_DEST
from dtdesk.sign.errors import SignError

_STAMP_WIDTH = 220.0  # points: the stamp is centred under the title, narrower than the column
_INSET = 4.0  # points kept free above and below the stamp


class Place(NamedTuple):
    page: int  # from 0
    box: tuple[float, float, float, float]  # left, bottom, right, top in PDF points


def _page_index(reader, page_ref) -> int | None:
    """The page's place in the document, or None when the reference is not one of its pages."""
    wanted = getattr(page_ref, "idnum", None)
    for index in range(int(reader.root["/Pages"]["/Count"])):
        ref, _ = reader.find_page_for_modification(index)
        if ref.idnum == wanted:
            return index
    return None


def signature_place(reader, name: str) -> Place:
    """The stamp's page and box, inside the marked space; ``name`` (the file's) is for the error."""
    try:
        dest = reader.root["/Dests"]["/" + SIGNATURE_DEST]  # a PDF name
        page_ref, fit = dest.raw_get(0), dest[1]  # the reference, not the page it points to
        left, bottom, right, top = (float(dest[i]) for i in range(2, 6))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):  # absent, or not what we wrote
        dest = None
    page = _page_index(reader, page_ref) if dest is not None and fit == "/FitR" else None
    if page is None:
        raise SignError("place", "Không tìm thấy chỗ ký trong «{name}»: hãy ký tệp PDF do dtdesk in ra.",
                        name=name, path=name)
    middle = (left + right) / 2
    half = min(_STAMP_WIDTH, right - left) / 2
    return Place(page, (middle - half, bottom + _INSET, middle + half, top - _INSET))
