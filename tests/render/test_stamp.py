"""The verification code and its QR code in the footer of the last page."""

from __future__ import annotations

import pypdfium2
import pytest
import zxingcpp

from dtdesk.render import render_bytes
from dtdesk.render.stamp import LABEL, QR_BOTTOM, QR_SIZE, footer_text, qr_modules
from tests import pdftext
from tests.render.sample import sample_document

CODE = "7KQ2-M9XD-4HTB"
MM = 72 / 25.4
PAGE_W, PAGE_H = 595.27, 841.89
BOTTOM, RIGHT = 20 * MM, 15 * MM


@pytest.fixture(scope="module")
def stamped():
    return render_bytes(sample_document(), code=CODE)


def _decoded(pdf: bytes, page: int, scale: float = 200 / 72) -> list[str]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[page % len(doc)].render(scale=scale).to_pil()
    finally:
        doc.close()
    return [b.text for b in zxingcpp.read_barcodes(image)]


def test_the_qr_code_decodes_to_the_code(stamped):
    assert _decoded(stamped, -1) == [CODE]
    assert _decoded(stamped, -1, scale=100 / 72) == [CODE]  # also from a coarse scan


def test_only_the_last_page_carries_it(stamped):
    texts = pdftext.page_texts(stamped)
    assert len(texts) >= 2
    assert footer_text(CODE) in texts[-1].splitlines()
    assert not any(LABEL in text for text in texts[:-1])
    assert _decoded(stamped, 0) == []


def test_footer_lies_in_the_bottom_margin_right_of_the_text(stamped):
    chars = pdftext.page_chars(stamped)[-1]
    footer = pdftext.find(chars, footer_text(CODE))
    assert footer and round(footer[0]["size"]) == 9
    assert min(c["top"] for c in footer) > PAGE_H - BOTTOM  # below the text area
    assert max(c["x1"] for c in footer) < PAGE_W - RIGHT - QR_SIZE  # left of the QR code
    body = [c for c in chars if round(c["size"]) != 9]
    assert max(c["bottom"] for c in body) <= PAGE_H - BOTTOM + 0.5
    assert QR_BOTTOM + QR_SIZE < BOTTOM  # the QR code itself stays in the margin


def test_qr_modules_follow_the_code():
    rows = qr_modules(CODE)
    assert len(rows) == 21 and all(len(r) == 21 for r in rows)  # version 1: the code fits the smallest symbol
    assert rows != qr_modules("7KQ2-M9XD-4HTC")
    assert rows[0][:7] == [True] * 7  # a finder pattern in the corner


def test_without_a_code_nothing_is_added():
    pdf = render_bytes(sample_document())
    assert LABEL not in pdftext.text(pdf)
    assert _decoded(pdf, -1) == []


def test_same_code_same_bytes(stamped):
    assert render_bytes(sample_document(), code=CODE) == stamped
    assert render_bytes(sample_document(), code="7KQ2-M9XD-4HTC") != stamped
