"""The annex after the report: inside the Decree 30 margins, page numbers continuing, the report's fonts."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from dtdesk.core.document import Annex, Bar, Row, Table
from dtdesk.render import render_bytes
from dtdesk.render.annex import one_line
from dtdesk.render import fonts
from tests import pdftext
from tests.render.sample import sample_document

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.27, 841.89
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM
LONG_NAME = "Phường " + "Rất Dài Tên " * 12
COMMUNES = 114


def _annex(count: int) -> Annex:
    names = [LONG_NAME if i == 7 else f"Xã Thử Nghiệm {i + 1}" for i in range(count)]
    values = [None if i % 10 == 3 else (i * 7.3) % 100 for i in range(count)]
    bars = tuple(Bar(n, v, "chưa có số liệu" if v is None else f"{v:.1f}".replace(".", ","))
                 for n, v in zip(names, values))
    rows = tuple(Row((str(i + 1), n, "Chưa gửi" if v is None else "Đã gửi tệp (lần 1)", "", b.text))
                 for i, (n, v, b) in enumerate(zip(names, values, bars)))
    table = Table((Row(("TT", "Tên xã", "Tình hình gửi báo cáo", "Ngày gửi", "Tỷ lệ (%)")),), rows,
                  (0.6, 3.2, 2.6, 1.3, 1.1), ("center", "left", "left", "center", "right"))
    return Annex("PHỤ LỤC", "Tỷ lệ chủ chốt và tình hình gửi báo cáo của các xã", "(Kèm theo Báo cáo số 05/BC-VP)",
                 "Biểu đồ 1. Tỷ lệ hồ sơ giải quyết trực tuyến của các xã (%)", bars,
                 "Biểu 2. Tình hình gửi báo cáo của các xã", table)


@pytest.fixture(scope="module")
def rendered():
    """(pages of the report alone, the PDF with a province's annex)."""
    alone = render_bytes(sample_document(), code="7KQ2-M9XD-4HTB")
    with pdfplumber.open(io.BytesIO(alone)) as doc:
        report_pages = len(doc.pages)
    return report_pages, render_bytes(sample_document(annex=_annex(COMMUNES)), code="7KQ2-M9XD-4HTB")


@pytest.fixture(scope="module")
def pages(rendered):
    return pdftext.page_chars(rendered[1])


def _annex_pages(rendered, pages):
    return list(enumerate(pages))[rendered[0]:]


def test_the_annex_starts_on_a_page_of_its_own_after_the_signed_page(rendered, pages):
    report_pages = rendered[0]
    assert pdftext.find(pages[report_pages], "PHỤ LỤC")
    assert not any(pdftext.find(chars, "PHỤ LỤC") for chars in pages[:report_pages])
    assert pdftext.find(pages[report_pages - 1], "Mã xác thực: 7KQ2-M9XD-4HTB")  # the code stays on the signed page
    assert not any(pdftext.find(chars, "Mã xác thực") for chars in pages[report_pages:])


def test_a_provinces_chart_and_table_wrap_to_more_pages_with_every_commune(rendered):
    texts = pdftext.page_texts(rendered[1])[rendered[0]:]
    assert len(texts) >= 4  # 114 bars and 114 rows fit neither one page nor two
    annex = "\n".join(texts)
    for i in range(COMMUNES):
        if i != 7:  # each name twice: by its bar and in its row
            assert len(re.findall(rf"Xã Thử Nghiệm {i + 1}(?!\d)", annex)) == 2, i + 1
    assert annex.count("Phường Rất Dài Tên") == 2 and "…" in annex


def test_page_numbers_continue_through_the_annex(pages):
    for n, chars in enumerate(pages[1:], start=2):
        number = [c for c in chars if c["bottom"] < TOP]
        assert "".join(c["text"] for c in number) == str(n)


def test_the_annex_stays_inside_the_margins(rendered, pages):
    with pdfplumber.open(io.BytesIO(rendered[1])) as doc:
        for n, chars in _annex_pages(rendered, pages):
            content = [c for c in chars if c["bottom"] >= TOP]
            assert min(c["x0"] for c in content) >= LEFT - 0.5
            assert max(c["x1"] for c in content) <= PAGE_W - RIGHT + 0.5
            assert min(c["top"] for c in content) >= TOP - 0.5
            assert max(c["bottom"] for c in content) <= PAGE_H - BOTTOM + 0.5
            page = doc.pages[n]
            shapes = page.rects + page.lines
            assert shapes
            assert min(s["x0"] for s in shapes) >= LEFT - 0.5
            assert max(s["x1"] for s in shapes) <= PAGE_W - RIGHT + 0.5
            assert min(s["top"] for s in shapes) >= TOP - 0.5
            assert max(s["bottom"] for s in shapes) <= PAGE_H - BOTTOM + 0.5


def test_the_annex_is_in_the_reports_fonts(rendered, pages):
    def family(chars):
        return {c["fontname"].split("+")[-1] for c in chars}

    report = set().union(*(family(chars) for chars in pages[:rendered[0]]))
    annex = set().union(*(family(chars) for _, chars in _annex_pages(rendered, pages)))
    assert annex and annex <= report


def test_one_bar_per_figure_and_a_name_too_long_is_cut(rendered):
    with pdfplumber.open(io.BytesIO(rendered[1])) as doc:
        filled = [r for page in doc.pages[rendered[0]:] for r in page.rects if r.get("fill") and r["height"] < 12]
    assert len(filled) == sum(i % 10 != 3 for i in range(COMMUNES))  # none for a commune without the figure
    cut = one_line(LONG_NAME, fonts.NORMAL, 12, 150)
    assert cut.endswith("…") and LONG_NAME.startswith(cut[:-1])
