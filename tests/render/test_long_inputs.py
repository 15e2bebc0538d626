"""Issue: 100 KB in the number or recipients field, a 100 KB unit name or a 1,000-character body name with
no spaces stopped the render with ReportLab's LayoutError. The PDF still prints, cut with a visible "…"."""

from __future__ import annotations

import dataclasses

import pytest

from dtdesk.cli import main
from dtdesk.core.document import Row, Table
from dtdesk.render import render_bytes
from tests import pdftext
from tests.render.sample import HEADER, sample_document

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.27, 841.89
RIGHT_EDGE = PAGE_W - 15 * MM
HUNDRED_KB = "Nội dung rất dài " * 6000
NO_SPACES = "Z" * 100_000
BODY_NAME = "Trung-tâm-" * 100  # 1,000 characters, no space


def _unit_table(name: str) -> Table:
    return Table(header=(Row(("TT", "Tên đơn vị", "Tổng số")),),
                 rows=(Row(("1", name, "40")), Row(("2", "Phòng Tư pháp", "66"))),
                 widths=(8, 40, 20), align=("center", "left", "center"))


def _document(case: str):
    doc = sample_document()
    closing = doc.closing
    if case == "number":
        return dataclasses.replace(doc, header=dataclasses.replace(HEADER, number="Số: " + HUNDRED_KB))
    if case == "number without spaces":
        return dataclasses.replace(doc, header=dataclasses.replace(HEADER, number="Số: " + NO_SPACES))
    if case == "recipients":
        return dataclasses.replace(doc, closing=dataclasses.replace(closing, recipients=(HUNDRED_KB,)))
    if case == "many recipients":
        lines = tuple(f"- Đơn vị nhận số {i};" for i in range(5000))
        return dataclasses.replace(doc, closing=dataclasses.replace(closing, recipients=lines))
    if case == "unit name in the header":
        header = dataclasses.replace(HEADER, parent_body=HUNDRED_KB.upper(), issuing_body=HUNDRED_KB.upper(),
                                     place_date=HUNDRED_KB, abstract=HUNDRED_KB)
        return dataclasses.replace(doc, header=header)
    if case == "unit name in a table":
        return dataclasses.replace(doc, blocks=doc.blocks[:-1] + (_unit_table(HUNDRED_KB),) + doc.blocks[-1:])
    if case == "body name without spaces":
        return dataclasses.replace(doc, blocks=doc.blocks[:-1] + (_unit_table(BODY_NAME),) + doc.blocks[-1:])
    if case == "signer":
        return dataclasses.replace(doc, closing=dataclasses.replace(closing, authority=NO_SPACES,
                                                                    title=HUNDRED_KB, name=HUNDRED_KB))
    raise AssertionError(case)


CASES = ["number", "number without spaces", "recipients", "many recipients", "unit name in the header",
         "unit name in a table", "body name without spaces", "signer"]


@pytest.mark.parametrize("case", CASES)
def test_overlong_text_prints_cut_with_a_mark(case):
    pdf = render_bytes(_document(case))
    pages = pdftext.page_chars(pdf)
    assert len(pages) <= 8  # cut, not printed over dozens of pages
    chars = [c for page in pages for c in page]
    assert "…" in "".join(c["text"] for c in chars)
    assert max(c["x1"] for c in chars) <= RIGHT_EDGE + 0.5
    assert max(c["bottom"] for c in chars) <= PAGE_H
    signer_page = [text for text in pdftext.page_texts(pdf) if "Nơi nhận:" in text]
    assert len(signer_page) == 1 and "kính báo cáo./." in signer_page[0]  # the report's end is all there


def test_a_long_name_that_fits_is_not_cut():
    name = "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên quận Hải An"
    text = pdftext.text(render_bytes(dataclasses.replace(sample_document(), blocks=(_unit_table(name),))))
    assert "…" not in text
    assert name in " ".join(text.split())


def test_control_characters_from_a_hostile_file_do_not_stop_the_render():
    name = "Phường\x00 Cát\x1b[2J Bi\x7f\ud800"
    text = pdftext.text(render_bytes(dataclasses.replace(sample_document(), blocks=(_unit_table(name),))))
    assert "Phường Cát[2J Bi?" in text


def test_demo_with_100_kb_number_and_recipients_renders(demo_ws, tmp_path):
    demo_ws.set_value("HA", "2022-Q1", "header.number", HUNDRED_KB)
    demo_ws.set_value("HA", "2022-Q1", "header.recipients", "\n".join([HUNDRED_KB, NO_SPACES]))
    demo_ws.close()
    out = tmp_path / "r.pdf"
    assert main(["render", str(demo_ws.path), "-o", str(out)]) == 0
    text = pdftext.text(out.read_bytes())
    assert "Số: Nội dung rất dài" in text and "…" in text and "Lê Long Hưng" in text
