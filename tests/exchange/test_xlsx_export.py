"""dtdesk xlsx: the report's tables as a workbook with the PDF's headings, Vietnamese formats and live formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from dtdesk.core.compose import compose, compose_section
from dtdesk.core.coverage import coverage
from dtdesk.exchange import xlsx_layout as layout
from dtdesk.exchange.xlsx_export import FIRST_COLUMN, export_xlsx, workbook_bytes
from dtdesk.render.pdf import render_bytes
from dtdesk.store.reports import report_data
from dtdesk.store.rollforward import roll_forward
from tests import pdftext
from tests.exchange.conftest import PERIOD, open_ws


def _book(ws, unit: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(ws, unit, PERIOD)))


def test_one_sheet_per_printed_table_and_the_subunits_figures_at_the_level_above(demo):
    with open_ws(demo) as ws:
        template = report_data(ws, ws.report("HA", PERIOD)).template
        district, ward = _book(ws, "HA"), _book(ws, "HA-CATBI")
    shown = [layout.sheet_name(s) for s in layout.table_sections(template)]
    figures = [layout.subunits_sheet(s) for s in layout.table_sections(template) if s.kind == "figures"]
    assert sorted(district.sheetnames) == sorted([*shown, *figures, layout.META_SHEET])
    assert sorted(ward.sheetnames) == sorted([*shown, layout.META_SHEET])  # a ward has no subunits
    assert district[layout.META_SHEET].sheet_state == "veryHidden"


def test_headings_are_the_pdfs(demo):
    with open_ws(demo) as ws:
        data = report_data(ws, ws.report("HA", PERIOD))
        book = _book(ws, "HA")
    for section in layout.table_sections(data.template):
        printed = compose_section(section, data)[0].text
        assert book[layout.sheet_name(section)]["A2"].value == printed


def test_computed_columns_are_formulas_and_numbers_have_vietnamese_formats(demo):
    with open_ws(demo) as ws:
        book = _book(ws, "HA")
    sheet = book["3.2"]
    row = next(r for r in sheet.iter_rows() if r[1].value == "Phòng Tư pháp")
    total, signed, _leader, ratio = row[2:6]
    assert (total.value, signed.value) == (66, 65)
    assert ratio.value == f"=ROUND(IF(({total.coordinate})=0,0,(({signed.coordinate})*100)/({total.coordinate})),1)"
    assert total.number_format.startswith("[$-42A]") and "#,##0" in total.number_format
    total_row = next(r for r in book["3.3"].iter_rows() if r[0].value == "Tổng")
    assert total_row[2].value.startswith("=SUM(C")


def test_written_whole_over_the_named_file_and_nothing_left_beside_it(demo, tmp_path):
    target = tmp_path / "out" / "bieu.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    with open_ws(demo) as ws:
        export_xlsx(ws, "HA-CATBI", PERIOD, target)
    assert target.read_bytes().startswith(b"PK")
    assert [p.name for p in target.parent.iterdir()] == ["bieu.xlsx"]


def _libreoffice_csv(xlsx: Path) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice shows it (cell text as formatted), by sheet name."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = xlsx.parent / "csv"
    profile = xlsx.parent / "lo-profile"
    # 44 ",", 34 '"', 76 UTF-8, formatted as shown (true), every sheet (-1)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                    "--outdir", str(out), str(xlsx)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for path in out.glob("*.csv"):
        sheet = path.stem[len(xlsx.stem) + 1:]
        sheets[sheet] = list(csv.reader(path.open(encoding="utf-8")))
    return sheets


def test_libreoffice_opens_it_with_the_numbers_the_pdf_prints(demo, tmp_path):
    xlsx = tmp_path / "ha.xlsx"
    with open_ws(demo) as ws:
        export_xlsx(ws, "HA", PERIOD, xlsx)
        data = report_data(ws, ws.report("HA", PERIOD))
    sheets = _libreoffice_csv(xlsx)
    pdf_lines = pdftext.lines(render_bytes(compose(data)))
    flat = " ".join(pdf_lines)
    rows = 0
    for name in ("3.2", "3.3", "3.5"):
        for row in sheets[name]:
            numbers = [c for c in row[2:] if c]
            if not row[1] or not numbers or not row[0][:1].isdigit():
                continue
            # the PDF prints the row's number, name and cells on one line (names short enough not to wrap)
            if len(row[1]) < 30:
                assert f"{row[0]} {row[1]} {' '.join(numbers)}" in pdf_lines, row
                rows += 1
    assert rows >= 30
    figures = [r for r in sheets["3.1"] if r[1][:2] in ("a)", "b)")]
    assert len(figures) == 2
    for row in figures:  # the point's sentence says each figure as the cell shows it (a wording without zeros)
        point = next(line for line in pdf_lines if line.startswith(row[1][:2]))
        sentence = flat[flat.index(point):][:600]
        said = re.findall(r"\d[\d.,]*\d|\d", sentence)
        assert all(cell in said for cell in row[2:] if cell not in ("", "0")), row


def test_the_cli_writes_the_workbook_and_refuses_with_one_sentence(demo, tmp_path, capsys):
    from dtdesk.cli import main

    out = tmp_path / "catbi.xlsx"
    assert main(["xlsx", str(demo), "--unit", "HA-CATBI", "--period", "Quý I/2022", "-o", str(out)]) == 0
    assert "catbi.xlsx" in capsys.readouterr().out
    assert openpyxl.load_workbook(out)["3.2"]["B7"].value == "Phường Cát Bi"
    for bad in (["--unit", "HA-NOWHERE", "-o", str(tmp_path / "x.xlsx")], ["-o", str(demo)]):
        assert main(["xlsx", str(demo), *bad]) == 2
        err = capsys.readouterr().err.strip()
        assert err and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()


def test_ratios_show_as_the_report_prints_them_whole_numbers_without_a_decimal(demo, tmp_path):
    with open_ws(demo) as ws:
        book = _book(ws, "HA")
    sheet = book["3.2"]
    rows = [r for r in sheet.iter_rows() if r[0].value in ("2", "3", "4")][:3]  # the district's bodies
    for row, (total, signed) in zip(rows, ((40, 20), (15, 11), (3, 0))):  # 50 %, 73,33… %, 0 %
        row[2].value, row[3].value = total, signed
    xlsx = tmp_path / "ratios.xlsx"
    book.save(xlsx)
    shown = {r[1]: r[5] for r in _libreoffice_csv(xlsx)["3.2"] if len(r) > 5}
    assert [shown[r[1].value] for r in rows] == ["50", "73,3", "0"]


def test_the_title_names_the_period_as_the_report_does_in_the_language_chosen(demo):
    with open_ws(demo) as ws:
        vietnamese = _book(ws, "HA-CATBI")
        english = openpyxl.load_workbook(io.BytesIO(workbook_bytes(ws, "HA-CATBI", PERIOD, "en")))
    assert vietnamese["3.2"]["A1"].value == "BIỂU CHI TIẾT - PHƯỜNG CÁT BI - Quý I/2022"
    assert english["3.2"]["A1"].value == "DETAILED TABLES - PHƯỜNG CÁT BI - Q1 2022"


def _summed(book: openpyxl.Workbook, formula: str) -> int:
    """What a "=SUM('sheet'!C6:C13)" of the workbook adds up (blank cells as Excel reads them: nothing)."""
    sheet, first, last = re.fullmatch(r"=SUM\('(.+)'!([A-Z]+\d+):([A-Z]+\d+)\)", formula).groups()
    return sum(cell.value or 0 for (cell,) in book[sheet][first:last])


def test_after_a_roll_forward_the_subunits_sheet_sums_what_the_form_does_not_the_carried_values(demo):
    """Wards' "tồn trước" carried from the last period is no report of this one: the form's 3.1 total of the wards
    leaves it out until a ward sends its figures, and so does the workbook's "Cấp phường" row."""
    with open_ws(demo) as ws:
        roll_forward(ws, today=dt.date(2022, 6, 28))
        ws.set_value("HA-CATBI", "2022-Q2", "dvc.new", 30, source="keyed")  # one ward of eight has reported
        data = report_data(ws, ws.report("HA", "2022-Q2"))
        book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(ws, "HA", "2022-Q2")))
    section = data.template.section("dvc")
    assert {u.code for u in coverage(data, section).reported} == {"HA-CATBI"}
    assert data.raw("HA-THANHTO", "dvc.carried") is not None  # carried, not yet sent
    form = data.figures(section, "subunits")
    row = next(r for r in book["3.1"].iter_rows() if str(r[1].value).startswith("b)"))
    assert row[1].value.endswith("(1/8 phường đã báo cáo)")
    sums = {f.id: _summed(book, row[FIRST_COLUMN - 1 + i].value) for i, f in enumerate(section.fields)
            if f in section.inputs}
    assert sums == {f.id: form[f.id] or 0 for f in section.inputs}
    assert sums["carried"] == data.raw("HA-CATBI", "dvc.carried")
    wards = {r[1].value: [c.value for c in r[2:]] for r in book["3.1 cấp dưới"].iter_rows(min_row=6)}
    assert wards["Phường Thành Tô (chưa có số liệu)"] == [None] * len(section.fields)  # no 0 % online either


def test_with_no_ward_reported_the_subunits_row_says_so_as_the_form_does(demo):
    with open_ws(demo) as ws:
        roll_forward(ws, today=dt.date(2022, 6, 28))
        book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(ws, "HA", "2022-Q2")))
    row = next(r for r in book["3.1"].iter_rows() if str(r[1].value).startswith("b)"))
    assert row[1].value == "b) Cấp phường (chưa có số liệu của phường nào)"
    assert all(_summed(book, cell.value) == 0 for cell in row[2:] if cell.value.startswith("=SUM"))


def test_a_table_row_of_a_ward_without_data_has_no_computed_zero(demo):
    """3.2's "Tỷ lệ" of a ward that has not reported is blank, as the PDF prints it, not a formula showing 0 %."""
    with open_ws(demo) as ws:
        roll_forward(ws, today=dt.date(2022, 6, 28))
        book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(ws, "HA", "2022-Q2")))
    row = next(r for r in book["3.2"].iter_rows() if r[1].value == "Phường Cát Bi (chưa có số liệu)")
    assert [c.value for c in row[2:6]] == [None, None, None, None]
    body = next(r for r in book["3.2"].iter_rows() if r[1].value == "Phòng Tư pháp")
    assert str(body[5].value).startswith("=ROUND(")  # a unit with its figures keeps its live formula
