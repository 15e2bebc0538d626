"""The rendered PDF marks the blank between the signer's title and name, for `dtdesk sign` to find."""

from __future__ import annotations

import dataclasses
import io

import pdfplumber
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from dtdesk.core.document import Closing
from dtdesk.render import render_bytes
from dtdesk.render.signature_space import SIGNATURE_DEST
from tests import pdftext
from tests.render.sample import CLOSING, sample_document


def _marked(pdf: bytes):
    """(page index, left, bottom, right, top) of the destination, in PDF points."""
    reader = PdfFileReader(io.BytesIO(pdf))
    dest = reader.root["/Dests"]["/" + SIGNATURE_DEST]
    assert dest[1] == "/FitR"
    pages = [reader.find_page_for_modification(i)[0].idnum for i in range(int(reader.root["/Pages"]["/Count"]))]
    return pages.index(dest.raw_get(0).idnum), *(float(dest[i]) for i in range(2, 6))


@pytest.mark.parametrize("closing", [CLOSING, dataclasses.replace(CLOSING, authority="KT. CHÁNH VĂN PHÒNG",
                                                                  title="PHÓ CHÁNH VĂN PHÒNG", name="Trần Thị Bình")])
def test_the_space_between_title_and_name_is_marked_on_the_signers_page(closing: Closing):
    pdf = render_bytes(dataclasses.replace(sample_document(), closing=closing))
    page, left, bottom, right, top = _marked(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        height = float(doc.pages[page].height)
        assert page == len(doc.pages) - 1
        chars = doc.pages[page].chars
    title, name = pdftext.find(chars, closing.title), pdftext.find(chars, closing.name)
    assert title and name
    # pdfplumber measures from the top of the page, PDF points from the bottom
    assert max(c["bottom"] for c in title) <= height - top + 1
    assert height - bottom <= min(c["top"] for c in name)
    assert left <= min(c["x0"] for c in title + name) and max(c["x1"] for c in title + name) <= right


def test_only_a_report_with_a_signer_is_marked():
    document = sample_document()
    without = dataclasses.replace(document, closing=None)
    assert SIGNATURE_DEST.encode() in render_bytes(document)
    assert SIGNATURE_DEST.encode() not in render_bytes(without)
