"""File › "Mở báo cáo…": the workspace's reports (unit, period, status)."""

from dtdesk.exchange.export import export_report
from dtdesk.gui.report_list import ReportListDialog
from dtdesk.store.reports import start_report


def _rows(dialog):
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_the_list_shows_own_reports_first_newest_first_with_their_status(demo_ws, qtbot, tmp_path):
    start_report(demo_ws, "HA", "2022-Q2")
    revision = export_report(demo_ws, "HA", "2022-Q1", tmp_path).revision
    dialog = ReportListDialog(demo_ws)
    qtbot.addWidget(dialog.dialog)
    rows = _rows(dialog)
    assert rows[:2] == [("Quận Hải An", "Quý II/2022", "Nháp"),
                        ("Quận Hải An", "Quý I/2022", f"Đã xuất tệp nộp (lần r{revision})")]
    assert ("Phường Cát Bi", "Quý I/2022", "Đã nộp (lần r1)") in rows[2:]
    assert len(rows) == len(demo_ws.reports())
    dialog.table.selectRow(1)
    dialog.accept()
    assert (dialog.info.unit, dialog.info.period) == ("HA", "2022-Q1")


def test_open_report_from_the_file_menu(main, monkeypatch):
    def pick_a_ward(dialog):
        dialog.table.selectRow(next(i for i, r in enumerate(dialog.reports) if r.unit == "HA-CATBI"))
        dialog.accept()
        return 1

    monkeypatch.setattr(ReportListDialog, "exec", pick_a_ward)
    main.actions["actionOpenReport"].trigger()
    assert main.controller.data.info.unit == "HA-CATBI"
    assert main.window.windowTitle().startswith("Phường Cát Bi — Quý I/2022 — ")
    assert main.settings.value("lastReport")[1:] == ["HA-CATBI", "2022-Q1"]


def test_save_a_copy_from_the_file_menu(main, monkeypatch, tmp_path, said, demo_path):
    from PySide6.QtWidgets import QFileDialog

    from dtdesk.store.workspace import Workspace

    target = tmp_path / "copy.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main.actions["actionSaveCopy"].trigger()
    with Workspace.open(target, read_only=True) as copy:
        assert [(r.unit, r.period) for r in copy.reports()] == [(r.unit, r.period) for r in main.ws.reports()]
    assert said[-1][0] == "information" and "copy.sqlite" in said[-1][1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(demo_path), ""))
    main.actions["actionSaveCopy"].trigger()  # over the open file: refused
    assert said[-1][0] == "warning" and "Không ghi đè" in said[-1][1]
    assert main.ws.reports()  # the open workspace is intact


def test_the_list_says_a_report_was_reopened(demo_ws, qtbot, tmp_path):
    revision = export_report(demo_ws, "HA", "2022-Q1", tmp_path).revision
    demo_ws.reopen("HA", "2022-Q1")
    dialog = ReportListDialog(demo_ws)
    qtbot.addWidget(dialog.dialog)
    assert _rows(dialog)[0] == ("Quận Hải An", "Quý I/2022", f"Nháp (r{revision + 1})")
