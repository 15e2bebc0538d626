"""Wards export, the district imports, the district's report is the seed's."""

from __future__ import annotations

import re

import pytest

from dtdesk.core.compose import compose
from dtdesk.core.drafts import drafts_for
from dtdesk.exchange.importer import IMPORTED, import_files
from dtdesk.render.pdf import render_bytes
from dtdesk.store.reports import report_data, resolve
from tests import golden, pdftext
from tests.exchange.conftest import PERIOD, WARDS, open_ws

PORTAL = ("Có 1/8 phường (phường Đông Hải 1) đã xây dựng chuyên mục \"Chuyển đổi số\" trên Cổng thông tin "
          "điện tử phường, 07 phường còn lại chưa thực hiện.")
OVERDUE = "các phường còn để hồ sơ quá hạn gồm: Cát Bi, Đằng Hải, Đông Hải 1, Đông Hải 2, Tràng Cát"


@pytest.fixture(scope="module")
def imported_pdf(tmp_path_factory, district_template, ward_files):
    from tests.exchange.conftest import copy_ws

    path = copy_ws(district_template, tmp_path_factory.mktemp("e2e") / "district.sqlite")
    with open_ws(path) as ws:
        assert ws.values(PERIOD, WARDS) == {}  # the district alone: no ward data yet
        assert all(ws.report(code, PERIOD) is None for code in WARDS)
        plans = import_files(ws, list(ward_files.values()))
        assert [p.status for p in plans] == [IMPORTED] * 8, [p.message for p in plans]
        data = report_data(ws, resolve(ws, "HA", PERIOD))
        drafts = drafts_for(data)
        pdf = render_bytes(compose(data))
    return path, drafts, pdf


def test_ward_values_land_under_the_ward_codes(imported_pdf):
    path, _, _ = imported_pdf
    with open_ws(path) as ws:
        assert [u.code for u in ws.hierarchy().subunits("HA")] == WARDS
        assert ws.value("HA-CATBI", PERIOD, "chu_ky_so.total") == 40
        assert ws.conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 8
        sources = {s for (s,) in ws.conn.execute("SELECT DISTINCT source FROM vals WHERE unit LIKE 'HA-%' "
                                                 "AND unit IN (SELECT unit FROM imports)")}
        assert all(s.startswith("import:") for s in sources)


def test_drafted_sentences_match_the_seed(imported_pdf):
    _, drafts, pdf = imported_pdf
    assert drafts["portal_subunits"] == PORTAL
    assert drafts["overdue_subunits"] == OVERDUE
    flat = " ".join(pdftext.words(pdftext.text(pdf)))
    assert PORTAL in flat
    assert OVERDUE in flat


def test_rendered_district_report_has_the_seed_rows(imported_pdf):
    _, _, pdf = imported_pdf
    lines = {" ".join(line.split()) for line in pdftext.lines(pdf)}
    for row in ["1 Phường Cát Bi 40 39 04 97,5", "2 Phòng Tư pháp 66 65 63 98,5", "Tổng 435 140"]:
        assert row in lines
    flat = " ".join(pdftext.words(pdftext.text(pdf)))
    assert "b) Cấp phường: Tổng số hồ sơ tiếp nhận là 914 hồ sơ" in flat


def test_rendered_district_report_is_the_seed_word_for_word(imported_pdf):
    _, _, pdf = imported_pdf
    header = ["ỦY BAN NHÂN DÂN QUẬN HẢI AN", "VĂN PHÒNG HĐND - UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Số: 05/BC-VP", "Hải An, ngày 31 tháng 3 năm 2022"]
    problems = golden.missing_words(golden.seed_words(), pdftext.words(pdftext.text(pdf)),
                                    golden.allowed_extras(header))
    assert problems == []
    text = (golden.FIXTURES / "seed_report.txt").read_text(encoding="utf-8")
    row = re.compile(r"^(\d+(\.\d)?|Tổng) \D+ (\d[\d.,]*)( |$)")
    seed_rows = [" ".join(line.split()) for line in text.splitlines() if row.match(line.strip())]
    lines = {" ".join(line.split()) for line in pdftext.lines(pdf)}
    assert [r for r in seed_rows if r not in lines] == []
