"""The import dialog: preview with progress, conflicts shown, import, duplicates."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402

from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.importer import key_for_unit  # noqa: E402
from dtdesk.gui.exchange_import import ImportDialog  # noqa: E402
from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.jsonio import dump_document, load_document  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402

WARDS = ("HA-CATBI", "HA-THANHTO", "HA-DANGLAM", "HA-DANGHAI", "HA-DONGHAI1")


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with create_demo(tmp_path / "demo.sqlite") as ws:
        for code in ("HA-CATBI", "HA-THANHTO"):
            export_report(ws, code, "2022-Q1", folder)
        doc = dump_document(ws, "HA", "2022-Q1")
    bad = folder / "hong.dtdesk.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    return folder, doc


@pytest.fixture
def district(tmp_path, files):
    ws = Workspace.create(tmp_path / "district.sqlite")
    load_document(ws, files[1])
    yield ws
    ws.close()


def planned(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.planning, timeout=10000)
    return dialog


def test_preview_lists_files_and_writes_nothing(qtbot, district, files):
    dialog = ImportDialog(district, [files[0]])
    qtbot.addWidget(dialog)
    assert dialog.planning and not dialog.import_button.isEnabled()  # planned file by file, not in the constructor
    planned(qtbot, dialog)
    model = dialog.files_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rows = dict(zip(model.column_texts(0), model.column_texts(3)))
    assert rows == {"HA-CATBI_2022-Q1_r2.dtdesk.sqlite": "Sẽ nhập", "HA-THANHTO_2022-Q1_r2.dtdesk.sqlite": "Sẽ nhập",
                    "hong.dtdesk.sqlite": "Từ chối"}
    assert model.column_texts(1)[:2] == ["Phường Cát Bi", "Phường Thành Tô"]
    assert dialog.import_button.isEnabled()
    assert district.values("2022-Q1", ["HA-CATBI"]) == {}
    dialog.files.selectRow(0)
    assert dialog.changes_model.rowCount() == 67
    rejected = model.column_texts(0).index("hong.dtdesk.sqlite")
    dialog.files.selectRow(rejected)
    assert dialog.changes_model.rowCount() == 1 and dialog.changes.columnSpan(0, 0) == 5
    assert "hong.dtdesk.sqlite" in dialog.changes_model.text(0, 0)
    assert "1 bị từ chối" in dialog.summary.text()


def test_progress_bar_reaches_every_file(qtbot, tmp_path, district):
    folder = tmp_path / "many"
    folder.mkdir()
    with create_demo(tmp_path / "demo2.sqlite") as ws:
        for code in WARDS:
            export_report(ws, code, "2022-Q1", folder)
    dialog = ImportDialog(district)
    qtbot.addWidget(dialog)
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.planned, timeout=10000):
        dialog.add_paths([folder])
    assert dialog.progress.maximum() == len(WARDS)
    assert dialog.progress.value() == dialog.progress.maximum()  # 100 %
    assert seen == list(range(1, len(WARDS) + 1))  # one step per file, through the event loop
    assert dialog.files_model.rowCount() == len(WARDS)
    assert set(dialog.files_model.column_texts(3)) == {"Sẽ nhập"}
    assert dialog.import_button.isEnabled() and dialog.add_files_button.isEnabled()


def test_stop_keeps_the_files_already_checked(qtbot, tmp_path, district, files):
    dialog = ImportDialog(district)
    qtbot.addWidget(dialog)
    dialog.add_paths([files[0]])
    dialog._plan_next()  # one file checked, then the clerk presses "Dừng"
    dialog.stop_planning()
    assert not dialog.planning
    assert dialog.files_model.rowCount() == 1
    assert "2 tệp chưa được kiểm tra" in dialog.summary.text()


def test_conflicts_are_marked_and_import_commits(qtbot, district, files):
    key_for_unit(district, "HA-CATBI", "2022-Q1", {("chu_ky_so.total", ""): 41})
    dialog = planned(qtbot, ImportDialog(district, [files[0]]))
    qtbot.addWidget(dialog)
    model = dialog.files_model
    row = next(r for r in range(model.rowCount()) if model.row(r).payload.submission
               and model.row(r).payload.submission.unit == "HA-CATBI")
    assert model.text(row, 5) == "1"
    dialog.files.selectRow(row)
    changes = dialog.changes_model
    QAbstractItemModelTester(changes, QAbstractItemModelTester.FailureReportingMode.Fatal)
    marked = [r for r in range(changes.rowCount()) if "(nhập tay từ bản giấy)" in changes.text(r, 3)]
    assert [changes.row(r).payload.key for r in marked] == ["chu_ky_so.total"]
    assert changes.text(0, 1) == "3.2 — Tổng số văn bản đi trên phần mềm HP-eOffice"  # what the clerk reads
    assert changes.text(0, 0) == "Phường Cát Bi" and "(chu_ky_so.total)" in changes.row(0).tooltip
    assert marked == [0]  # conflicts first
    assert changes.data(changes.index(0, 0), role=8) is not None  # a background marks the conflict
    dialog.keep_local.setChecked(True)
    with qtbot.waitSignal(dialog.importedFiles) as blocker:
        assert dialog.do_import() == 2
    assert blocker.args == [2]
    assert district.value("HA-CATBI", "2022-Q1", "chu_ky_so.total") == 41  # kept, as asked
    assert district.value("HA-THANHTO", "2022-Q1", "chu_ky_so.total") is not None
    assert not dialog.import_button.isEnabled()
    dialog.replan()  # the same files again: already imported
    planned(qtbot, dialog)
    assert set(model.column_texts(3)) == {"Đã nhập trước đó", "Từ chối"}


def test_a_file_changing_nothing_says_so(qtbot, demo_path, files):
    with Workspace.open(demo_path) as ws:  # the demo already holds every ward's figures
        dialog = planned(qtbot, ImportDialog(ws, [files[0] / "HA-CATBI_2022-Q1_r2.dtdesk.sqlite"]))
        qtbot.addWidget(dialog)
        assert dialog.files_model.column_texts(3) == ["Sẽ nhập"] and dialog.files_model.text(0, 4) == "0"
        assert dialog.changes_model.rowCount() == 1 and dialog.changes.columnSpan(0, 0) == 5
        assert dialog.changes_model.text(0, 0).startswith("Số liệu trong tệp giống hệt")


def test_the_keep_local_tick_keeps_figures_typed_here_and_lets_the_wards_file_replace_its_workbooks(
        qtbot, tmp_path, district, files):
    """Cát Bi answered in Excel (1.430 documents), the district then typed a figure of its own; Cát Bi's r2 file
    replaces the workbook's figure, ticked or not, and the tick keeps the typed one, as its words say."""
    from dtdesk.exchange.importer import import_files
    from dtdesk.exchange.xlsx_export import export_xlsx
    from tests.exchange.test_xlsx_import import _cell_of, _edited

    workbook = tmp_path / "catbi.xlsx"
    with Workspace.open(tmp_path / "demo.sqlite") as demo:
        export_xlsx(demo, "HA-CATBI", "2022-Q1", workbook)
    _edited(workbook, workbook, *_cell_of(workbook, "chu_ky_so.total"), 1430)
    assert import_files(district, [workbook])[0].status == "imported"
    district.set_value("HA-CATBI", "2022-Q1", "chu_ky_so.signed", 7)  # typed in the district's form
    dialog = planned(qtbot, ImportDialog(district, [files[0] / "HA-CATBI_2022-Q1_r2.dtdesk.sqlite"]))
    qtbot.addWidget(dialog)
    tick = dialog.keep_local
    assert "nhập tay" in tick.text() and "biểu Excel nhận trước đó vẫn được thay" in tick.text()
    assert "gõ vào biểu mẫu" in tick.toolTip() and "biểu Excel của đơn vị mang đến trước đó không phải xung đột" in \
        tick.toolTip()
    changes = dialog.changes_model
    old = {changes.row(r).payload.key: (changes.text(r, 3), changes.row(r).payload.conflict)
           for r in range(changes.rowCount())}
    assert old["chu_ky_so.total"] == ("1.430 (nhập từ Excel)", False)
    assert old["chu_ky_so.signed"] == ("7 (gõ tay)", True)
    assert dialog.files_model.text(0, 5) == "1"  # one conflict: the typed figure
    tick.setChecked(True)
    assert dialog.do_import() == 1
    assert district.value("HA-CATBI", "2022-Q1", "chu_ky_so.total") == 40  # the ward's file corrects its workbook
    assert district.value("HA-CATBI", "2022-Q1", "chu_ky_so.signed") == 7  # kept, as ticked
