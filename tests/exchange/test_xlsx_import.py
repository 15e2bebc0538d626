"""dtdesk import of a filled .xlsx: the submission's plan, rules and conflicts; hostile workbooks refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dtdesk.cli import main
from dtdesk.exchange import xlsx_layout as layout
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, PLANNED, REJECTED, import_files, plan_import
from dtdesk.exchange.summary import format_plans
from dtdesk.exchange.verification import report_code
from dtdesk.exchange.xlsx_export import export_xlsx
from dtdesk.core.errors import say
from tests.english import vietnamese_left
from tests.exchange.conftest import PERIOD, open_ws, ws_hash


def exported(demo: Path, unit: str, path: Path) -> Path:
    """``unit``'s tables exported from the demo as a workbook."""
    with open_ws(demo) as ws:
        export_xlsx(ws, unit, PERIOD, path)
    return path


@pytest.fixture
def catbi_xlsx(demo, tmp_path) -> Path:
    """Phường Cát Bi's tables exported from the demo, where the district holds its values."""
    return exported(demo, "HA-CATBI", tmp_path / "catbi.xlsx")


def _edited(source: Path, target: Path, sheet: str, cell: str, value) -> Path:
    book = openpyxl.load_workbook(source)
    book[sheet][cell] = value
    book.save(target)
    return target


def _cell_of(book_path: Path, key: str, row: str = "", unit: str = "") -> tuple[str, str]:
    """(sheet, cell) of ``unit``'s value ``key`` (the workbook's own unit's if none) as the hidden sheet maps it."""
    meta = list(openpyxl.load_workbook(book_path)[layout.META_SHEET].iter_rows(values_only=True))
    unit = unit or next(r[2] for r in meta if r[0] == layout.META_ENTRY and r[1] == "unit")
    return next((r[1], r[2]) for r in meta
                if r[0] == layout.META_CELL and r[3] == unit and r[4] == key and (r[5] or "") == row)


def test_reimporting_an_exported_workbook_changes_nothing(demo, catbi_xlsx):
    before = ws_hash(demo)
    with open_ws(demo) as ws:
        code = report_code(ws, "HA-CATBI", PERIOD)
        (plan,) = import_files(ws, [catbi_xlsx])
        assert report_code(ws, "HA-CATBI", PERIOD) == code
    assert plan.status == DUPLICATE and plan.changes == []
    assert ws_hash(demo) == before


def test_a_ward_that_answered_in_excel_is_imported_as_its_submission(district, demo, tmp_path):
    path = tmp_path / "catbi.xlsx"
    with open_ws(demo) as ws:
        export_xlsx(ws, "HA-CATBI", PERIOD, path)
    sheet, cell = _cell_of(path, "chu_ky_so.total")
    _edited(path, path, sheet, cell, "1.430")  # typed as text the Vietnamese way
    with open_ws(district) as ws:
        (plan,) = plan_import(ws, [path])
        assert plan.status == PLANNED and plan.conflicts == []
        assert ("HA-CATBI", "chu_ky_so.total", "", None, 1430) in [c[:5] for c in plan.changes]
        assert {c.key.split(".")[0] for c in plan.changes} == {"dvc", "chu_ky_so", "buu_chinh", "cong_ttdt"}
        (done,) = import_files(ws, [path])
        assert done.status == IMPORTED
        assert ws.value("HA-CATBI", PERIOD, "chu_ky_so.total") == 1430
        assert ws.latest_import("HA-CATBI", PERIOD) is None  # a workbook is no revision of the ward's files
        (step,) = ws.status_history("HA-CATBI", PERIOD)
        assert (step.label, step.file) == ("Đã gửi (biểu Excel)", "catbi.xlsx")


def test_a_changed_cell_is_a_conflict_with_a_value_held_here_and_only_mapped_cells_change(demo, catbi_xlsx, tmp_path):
    sheet, cell = _cell_of(catbi_xlsx, "chu_ky_so.signed")
    edited = _edited(catbi_xlsx, tmp_path / "edited.xlsx", sheet, cell, 38)
    with open_ws(demo) as ws:
        header = ws.value("HA-CATBI", PERIOD, "header.number")
        (plan,) = plan_import(ws, [edited])
        assert [(c.key, c.old, c.new) for c in plan.changes] == [("chu_ky_so.signed", 39, 38)]
        assert plan.conflicts == plan.changes  # the demo's values were loaded here, not imported
        (kept,) = import_files(ws, [edited], keep_local=True)
        assert kept.status == IMPORTED and ws.value("HA-CATBI", PERIOD, "chu_ky_so.signed") == 39
        assert ws.value("HA-CATBI", PERIOD, "header.number") == header


def test_an_emptied_cell_removes_the_value(demo, catbi_xlsx, tmp_path):
    sheet, cell = _cell_of(catbi_xlsx, "buu_chinh.returned", "tai_chinh")
    edited = _edited(catbi_xlsx, tmp_path / "emptied.xlsx", sheet, cell, None)
    with open_ws(demo) as ws:
        old = ws.value("HA-CATBI", PERIOD, "buu_chinh.returned", "tai_chinh")
        (plan,) = plan_import(ws, [edited])
    assert [(c.row, c.old, c.new) for c in plan.changes] == [("tai_chinh", old, None)]


@pytest.mark.parametrize("unit, typed, old, new", [("HA-CATBI", "x", 0, 1), ("HA-DONGHAI1", None, 1, 0)])
def test_the_borrowed_portal_column_is_read_into_the_section_it_comes_from(unit, typed, old, new, demo, tmp_path):
    """3.5's "Đã xây dựng chuyên mục" shows «Triển khai tại các đơn vị»: an x typed or taken away there is kept."""
    source = exported(demo, unit, tmp_path / "source.xlsx")
    sheet, cell = _cell_of(source, "trien_khai.portal_section")
    assert sheet == "3.5"
    edited = _edited(source, tmp_path / "portal.xlsx", sheet, cell, typed)
    with open_ws(demo) as ws:
        (plan,) = plan_import(ws, [edited])
        assert [c[:5] for c in plan.changes] == [(unit, "trien_khai.portal_section", "", old, new)]
        said = {1: "x", 0: "(chưa làm)"}  # the preview shows the mark as the workbook does; the demo was loaded
        assert f"Đã xây dựng chuyên mục \"Chuyển đổi số\" trên cổng thông tin: {said[old]} (nhập từ tệp JSON) → {said[new]}" \
            in format_plans([plan])[0][1]
        (done,) = import_files(ws, [edited])
        assert done.status == IMPORTED and ws.value(unit, PERIOD, "trien_khai.portal_section") == new
        (again,) = import_files(ws, [exported(demo, unit, tmp_path / "again.xlsx")])
    assert again.status == DUPLICATE, again.message  # the mark as it now is, exported and read back: no change


def test_a_mark_that_is_no_mark_is_refused_naming_its_cell(demo, catbi_xlsx, tmp_path):
    sheet, cell = _cell_of(catbi_xlsx, "trien_khai.portal_section")
    edited = _edited(catbi_xlsx, tmp_path / "mark.xlsx", sheet, cell, "rồi")
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [edited])
    assert plan.status == REJECTED and f"trang «{sheet}» ô {cell}" in plan.message and "«rồi»" in plan.message


# -- hostile workbooks: one sentence each, nothing changed ------------------------------------------------------


def _zip_bomb(path: Path, _source: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (40 * 1024 * 1024))
    return path


def _not_a_zip(path: Path, _source: Path) -> Path:
    path.write_bytes(b"TT;Ten don vi;Tong so\n1;Phuong Cat Bi;40\n")
    return path


def _formula(path: Path, source: Path) -> Path:
    sheet, cell = _cell_of(source, "chu_ky_so.total")
    return _edited(source, path, sheet, cell, "=1+1")


def _text(path: Path, source: Path) -> Path:
    sheet, cell = _cell_of(source, "chu_ky_so.total")
    return _edited(source, path, sheet, cell, "bốn mươi")


def _extra_sheet(path: Path, source: Path) -> Path:
    book = openpyxl.load_workbook(source)
    book.create_sheet("Ghi chú")["A1"] = "ghi chú thêm"
    book.save(path)
    return path


def _macro(path: Path, source: Path) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            out.writestr(item, original.read(item))
        out.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    return path


def _entities(path: Path, source: Path) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + data
            out.writestr(item, data)
    return path


def _computed_cell(path: Path, source: Path) -> Path:
    book = openpyxl.load_workbook(source)
    for row in book[layout.META_SHEET].iter_rows():
        if row[0].value == layout.META_CELL and row[4].value == "chu_ky_so.total":
            row[4].value = "chu_ky_so.ratio"  # a computed column is never read from a file
    book.save(path)
    return path


def _foreign_template(path: Path, source: Path) -> Path:
    book = openpyxl.load_workbook(source)
    for row in book[layout.META_SHEET].iter_rows():
        if row[1].value == "template_id":
            row[2].value = "../../etc/passwd"
    book.save(path)
    return path


HOSTILE = {"not a zip": _not_a_zip, "zip bomb": _zip_bomb, "formula": _formula, "extra sheet": _extra_sheet,
           "text in a number cell": _text, "macro": _macro, "DTD": _entities, "computed cell": _computed_cell,
           "foreign template": _foreign_template}
SAYS = {"not a zip": "không phải là tệp Excel", "zip bomb": "bom zip", "formula": "có công thức",
        "extra sheet": "trang «Ghi chú» không thuộc biểu chi tiết", "text in a number cell": "«bốn mươi»",
        "macro": "macro", "DTD": "DTD", "computed cell": "không có trong mẫu báo cáo",
        "foreign template": "mà dtdesk không có"}


@pytest.mark.parametrize("unit", ["HA-CATBI", "HA"])  # a ward's workbook; the district's own, filled in by a body
@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_workbook_gets_one_sentence_and_changes_nothing(case, unit, demo, tmp_path):
    source = exported(demo, unit, tmp_path / "source.xlsx")
    path = HOSTILE[case](tmp_path / f"{case.replace(' ', '_')}.xlsx", source)
    before = ws_hash(demo)
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [path])
    assert plan.status == REJECTED, plan.message
    assert SAYS[case] in plan.message
    assert "\n" not in plan.message and plan.message.count(". ") == 0 and plan.message.endswith(".")
    assert vietnamese_left(say(plan.message, "en")) == []
    assert ws_hash(demo) == before


def test_text_in_a_number_cell_names_sheet_and_cell(demo, catbi_xlsx, tmp_path):
    sheet, cell = _cell_of(catbi_xlsx, "chu_ky_so.total")
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [_text(tmp_path / "t.xlsx", catbi_xlsx)])
    assert f"trang «{sheet}» ô {cell}" in plan.message


def test_the_cli_imports_a_workbook_and_refuses_a_hostile_one(demo, catbi_xlsx, tmp_path, capsys):
    assert main(["import", str(demo), str(catbi_xlsx)]) == 0
    bomb = _zip_bomb(tmp_path / "bomb.xlsx", catbi_xlsx)
    before = ws_hash(demo)
    assert main(["import", str(demo), str(bomb)]) == 1
    assert "bom zip" in capsys.readouterr().out
    assert ws_hash(demo) == before


def _central_entry(data: bytes, name: bytes) -> int:
    """Offset of the zip's central directory entry of the part ``name``."""
    at = data.find(b"PK\x01\x02")
    while data[at + 46:at + 46 + int.from_bytes(data[at + 28:at + 30], "little")] != name:
        at = data.find(b"PK\x01\x02", at + 4)
    return at


def test_a_part_inflating_past_its_declared_size_is_refused(demo, catbi_xlsx, tmp_path):
    """zipfile stops at the declared size and the checksum then fails: a lying size cannot pass the bounds."""
    data = bytearray(catbi_xlsx.read_bytes())
    at = _central_entry(bytes(data), b"xl/worksheets/sheet2.xml") + 24  # its uncompressed size
    data[at:at + 4] = (10).to_bytes(4, "little")
    path = tmp_path / "lying.xlsx"
    path.write_bytes(bytes(data))
    before = ws_hash(demo)
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [path])
    assert plan.status == REJECTED and "không phải là tệp Excel" in plan.message
    assert ws_hash(demo) == before
