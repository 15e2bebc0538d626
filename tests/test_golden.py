"""The demo renders the seed report, word for word (docs/testing.md)."""

import re

import pytest

from dtdesk.cli import main
from tests import golden, pdftext


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    ws, pdf = folder / "ws.sqlite", folder / "r.pdf"
    assert main(["demo", str(ws)]) == 0
    assert main(["render", str(ws), "-o", str(pdf)]) == 0
    return ws, pdf


@pytest.fixture(scope="module")
def demo_pdf(demo_files):
    return demo_files[1].read_bytes()


@pytest.fixture(scope="module")
def footer(demo_files):
    """The verification code's line at the foot of the last page: the one text the seed has not (golden.py)."""
    from dtdesk.exchange.verification import report_code
    from dtdesk.render.stamp import footer_text
    from dtdesk.store.workspace import Workspace

    with Workspace.open(demo_files[0], read_only=True) as ws:
        return footer_text(report_code(ws, "HA", "2022-Q1"))


OCR_HEADER = [
    "ỦY BAN NHÂN DÂN QUẬN HẢI AN",
    "VĂN PHÒNG HĐND - UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 05/BC-VP",
    "Hải An, ngày 31 tháng 3 năm 2022",
]


def test_pdf_text_contains_the_seed_word_for_word(demo_pdf):
    pdf_words = pdftext.words(pdftext.text(demo_pdf))
    problems = golden.missing_words(golden.seed_words(), pdf_words, golden.allowed_extras(OCR_HEADER))
    assert problems == []


def test_the_verification_code_is_the_last_line_of_the_last_page_only(demo_pdf, footer):
    pages = pdftext.page_texts(demo_pdf)
    assert pages[-1].splitlines()[-1] == footer
    assert not any(footer in page for page in pages[:-1])


def test_header_block_of_the_scanned_original(demo_pdf):
    flat = " ".join(pdftext.words(pdftext.text(demo_pdf)))
    for item in OCR_HEADER + ["BÁO CÁO", "CHÁNH VĂN PHÒNG", "Lê Long Hưng", "Nơi nhận:"]:
        assert item in flat


def _seed_rows():
    """Seed lines that are whole table rows: "2 Phòng Tư pháp 66 65 63 98,5"."""
    text = (golden.FIXTURES / "seed_report.txt").read_text(encoding="utf-8")
    row = re.compile(r"^(\d+(\.\d)?|Tổng) \D+ (\d[\d.,]*)( |$)")
    return [" ".join(line.split()) for line in text.splitlines() if row.match(line.strip())]


def test_every_seed_table_row_is_one_line(demo_pdf):
    seed_rows = _seed_rows()
    assert len(seed_rows) >= 40  # the 3.2, 3.3 and 3.5 rows that the seed keeps on one line
    lines = {" ".join(line.split()) for line in pdftext.lines(demo_pdf)}
    missing = [row for row in seed_rows if row not in lines]
    assert missing == []
    for row in ["2 Phòng Tư pháp 66 65 63 98,5", "1 Phường Cát Bi 40 39 04 97,5", "Tổng 435 140"]:
        assert row in lines


def test_changing_a_stored_value_changes_the_printed_figures(tmp_path):
    """Numbers come from the data, not from the template."""
    from dtdesk.store.demo import create_demo

    ws = create_demo(tmp_path / "ws.sqlite")
    ws.set_value("HA-TUPHAP", "2022-Q1", "chu_ky_so.signed", 60)
    ws.set_value("HA-CATBI", "2022-Q1", "dvc.carried", 3)
    ws.close()
    pdf = tmp_path / "r.pdf"
    assert main(["render", str(tmp_path / "ws.sqlite"), "-o", str(pdf)]) == 0
    flat = " ".join(pdftext.words(pdftext.text(pdf.read_bytes())))
    assert "2 Phòng Tư pháp 66 60 63 90,9" in flat
    assert "tồn trước 10 hồ sơ" in flat
