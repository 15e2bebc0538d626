"""dtdesk import of the own report's workbook that a body filled in: its rows only, previewed and kept.

Hostile workbooks of the own unit are refused with the others (test_xlsx_import).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dtdesk.exchange import xlsx_layout as layout
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, PLANNED, REJECTED, import_files, plan_import
from tests.exchange.conftest import PERIOD, open_ws, ws_hash
from tests.exchange.test_xlsx_import import _cell_of, _edited, exported

BODY = "HA-TUPHAP"  # Phòng Tư pháp, a body of the demo district


@pytest.fixture
def district_xlsx(demo, tmp_path) -> Path:
    """The demo district's own tables, as it sends them to its bodies."""
    return exported(demo, "HA", tmp_path / "ha.xlsx")


def test_a_body_that_filled_in_the_districts_workbook_changes_its_row_only(demo, district_xlsx, tmp_path):
    sheet, cell = _cell_of(district_xlsx, "chu_ky_so.total", unit=BODY)
    with open_ws(demo) as ws:
        old = ws.value(BODY, PERIOD, "chu_ky_so.total")
        before, history = ws.values(PERIOD), ws.status_history("HA", PERIOD)
    filled = _edited(district_xlsx, tmp_path / "tuphap.xlsx", sheet, cell, old + 7)
    with open_ws(demo) as ws:
        (plan,) = plan_import(ws, [filled])
        assert plan.status == PLANNED, plan.message
        assert [c[:5] for c in plan.changes] == [(BODY, "chu_ky_so.total", "", old, old + 7)]
        assert plan.conflicts == plan.changes  # the demo's value was loaded here, not imported
        (done,) = import_files(ws, [filled])
        assert done.status == IMPORTED, done.message
        after = ws.values(PERIOD)
        assert {cell for cell in before.keys() | after.keys() if before.get(cell) != after.get(cell)} == {
            (BODY, "chu_ky_so.total", "")}
        assert after[BODY, "chu_ky_so.total", ""] == old + 7
        assert ws.status_history("HA", PERIOD) == history  # the district's own report stays as it was
        assert [f["original"] for f in ws.imported_files("HA", PERIOD)] == [filled.read_bytes()]
    imported = ws_hash(demo)
    with open_ws(demo) as ws:
        (again,) = import_files(ws, [filled])
    assert again.status == DUPLICATE and ws_hash(demo) == imported


def test_a_changed_figure_of_the_district_itself_refuses_the_workbook(demo, district_xlsx, tmp_path):
    """The district's own figures are keyed here: a workbook that changes one is refused whole, never half-read."""
    own_sheet, own_cell = _cell_of(district_xlsx, "chu_ky_so.total")
    body_sheet, body_cell = _cell_of(district_xlsx, "chu_ky_so.total", unit=BODY)
    with open_ws(demo) as ws:
        own, body = ws.value("HA", PERIOD, "chu_ky_so.total"), ws.value(BODY, PERIOD, "chu_ky_so.total")
    filled = _edited(district_xlsx, tmp_path / "both.xlsx", body_sheet, body_cell, body + 1)
    _edited(filled, filled, own_sheet, own_cell, own + 1)
    before = ws_hash(demo)
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [filled])
    assert plan.status == REJECTED
    assert "«3.2 — " in plan.message and "của «Quận Hải An»" in plan.message and plan.message.count(". ") == 0
    assert ws_hash(demo) == before


def test_a_district_workbook_naming_a_unit_not_listed_here_is_refused(demo, district_xlsx, tmp_path):
    book = openpyxl.load_workbook(district_xlsx)
    book[layout.META_SHEET].append([layout.META_UNIT, "HA-MOI", "Phòng Mới", "department", "HA", None, None, 99, None])
    book.save(path := tmp_path / "new_unit.xlsx")
    before = ws_hash(demo)
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [path])
    assert plan.status == REJECTED and "«HA-MOI» không có ở đây" in plan.message, plan.message
    assert ws_hash(demo) == before


def test_an_unchanged_district_workbook_changes_nothing(demo, district_xlsx):
    before = ws_hash(demo)
    with open_ws(demo) as ws:
        (plan,) = import_files(ws, [district_xlsx])
    assert plan.status == DUPLICATE and plan.changes == []
    assert ws_hash(demo) == before
