"""PDF-level properties: reproducible bytes, escaping, NFC, fonts, edge cases."""

from __future__ import annotations

import dataclasses
import io
import unicodedata

import pdfplumber

from dtdesk.core.document import Document, Paragraph, Row, Table
from dtdesk.render import render_bytes, render_pdf
from tests import pdftext
from tests.render.sample import HEADER, sample_document

MM = 72 / 25.4
RIGHT_EDGE = 595.27 - 15 * MM


def _doc(*blocks, **changes) -> Document:
    return dataclasses.replace(sample_document(), blocks=tuple(blocks), **changes)


def test_same_document_same_bytes():
    doc = sample_document()
    first, second = render_bytes(doc), render_bytes(doc)
    assert first.startswith(b"%PDF-")
    assert first == second


def test_render_pdf_to_path_and_file(tmp_path):
    doc = sample_document()
    path = tmp_path / "out.pdf"
    n = render_pdf(doc, path)
    buf = io.BytesIO()
    assert render_pdf(doc, buf) == n
    assert path.read_bytes() == buf.getvalue() == render_bytes(doc)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == n


def test_markup_prints_literally():
    typed = "<b>Tên & số</b>"
    table = Table(header=(Row(("TT", "Tên")),),
                  rows=(Row(("1", typed)), Row(("2", typed + " " + "rất dài " * 30))),
                  widths=(1, 5), align=("center", "left"))
    pdf = render_bytes(_doc(Paragraph(typed), table,
                            header=dataclasses.replace(HEADER, issuing_body="A & B <i>")))
    text = pdftext.text(pdf)
    assert text.count(typed) >= 3  # paragraph, short cell, wrapping cell
    assert "A & B <i>" in text
    assert "&amp;" not in text


def test_nfd_prints_as_nfc():
    nfc = "Ủy ban nhân dân quận đã tổ chức Hội nghị quán triệt."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    table = Table(header=(Row(("TT", "Tên")),), rows=(Row(("1", nfd)),),
                  widths=(1, 5), align=("center", "left"))
    lines = pdftext.lines(render_bytes(_doc(Paragraph(nfd), table)))
    assert nfc in lines
    assert "1 " + nfc in lines
    assert not any(unicodedata.combining(ch) for line in lines for ch in line)


def test_fonts_embedded_not_base14():
    pdf = render_bytes(sample_document())
    names = {c["fontname"] for page in pdftext.page_chars(pdf) for c in page}
    assert names and all(("Liberation" in n or "Times" in n) for n in names), names
    assert not any("Helvetica" in n or "DejaVu" in n for n in names)
    assert pdf.count(b"/FontFile2") >= 4  # regular, bold, italic, bold italic embedded
    assert b"/Helvetica" not in pdf


def test_empty_document_one_page():
    pdf = render_bytes(Document(header=HEADER))
    pages = pdftext.page_texts(pdf)
    assert len(pages) == 1
    assert "BÁO CÁO" in pages[0] and "Nơi nhận" not in pages[0]


def test_no_parent_body_starts_with_issuing_body():
    header = dataclasses.replace(HEADER, parent_body="")
    pdf = render_bytes(Document(header=header))
    assert pdftext.lines(pdf)[0].startswith(HEADER.issuing_body)
    chars = pdftext.page_chars(pdf)[0]
    issuing = pdftext.find(chars, HEADER.issuing_body)
    nation = pdftext.find(chars, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert issuing[0]["bottom"] == nation[0]["bottom"]
    assert not pdftext.find(chars, "ỦY BAN NHÂN DÂN")


def test_long_label_wraps_inside_its_column():
    label = "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên " * 8
    table = Table(header=(Row(("TT", "Tên đơn vị", "Số")),), rows=(Row(("1", label, "1.282")),),
                  widths=(1, 4, 2), align=("center", "left", "right"))
    pages = pdftext.page_chars(render_bytes(_doc(table)))
    chars = [c for c in pages[0] if c["size"] == 12 and not c["fontname"].endswith("Bold")]
    label_chars = [c for c in chars if c["text"] not in "1.282" or c["x0"] < 400]
    assert max(c["x1"] for c in chars) <= RIGHT_EDGE
    baselines = {round(c["bottom"]) for c in label_chars if c["text"].isalpha()}
    assert len(baselines) >= 4
    # the label stays in its column: left of the number column
    number = pdftext.find(pages[0], "1.282")
    assert max(c["x1"] for c in label_chars if c["text"].isalpha()) < number[0]["x0"]


def test_table_rows_extract_as_lines():
    lines = pdftext.lines(render_bytes(sample_document()))
    assert "2 Phòng Tư pháp 66 65 63 98,5" in lines
    assert "Tổng 435 140" in lines
    assert "(1) (2) (3) (4=2/1)" in lines
    assert pdftext.words("2 Phòng  Tư pháp\n66") == ["2", "Phòng", "Tư", "pháp", "66"]


def test_a_heading_goes_to_the_next_page_with_its_table_when_the_table_cannot_start_below_it():
    """A ward's 3.2: a five-line header, its group row and its one row are more than the room kept below a heading
    (HEADING_KEEP), so the table went over and left "3.2. Về ứng dụng chữ ký số:" alone at the foot of the page.
    Wherever the heading falls, no page ends with it, nor with the table's header and group row
    alone."""
    from tests.render.sample import UNIT_ALIGN, UNIT_HEADER, UNIT_WIDTHS

    table = Table(header=UNIT_HEADER, rows=(Row(("I. KHỐI PHƯỜNG", None, "", "", "", ""), kind="group"),
                                            Row(("1", "Phường Hải An", "40", "39", "04", "97,5"))),
                  widths=UNIT_WIDTHS, align=UNIT_ALIGN)
    heading = "3.2. Về ứng dụng chữ ký số:"
    after = [Paragraph(f"Đoạn sau bảng {n}.") for n in range(6)]  # 3.3 and on: the table is not the last block
    for filler in range(12, 30):
        doc = _doc(*[Paragraph(f"Dòng {n}.") for n in range(filler)], Paragraph(heading, "heading"), table, *after)
        pages = pdftext.page_texts(render_bytes(doc))
        ends = [page.rstrip().splitlines()[-1] for page in pages[:-1]]
        assert heading not in ends and "I. KHỐI PHƯỜNG" not in ends, filler  # nor a table begun with no row
