"""A clerk with an empty workspace adds their unit, then starts a report."""

from PySide6.QtWidgets import QComboBox, QLineEdit

from dtdesk.gui.new_report import NewReportDialog
from dtdesk.gui.unit_dialog import NewUnitDialog
from dtdesk.store.workspace import Workspace


def test_empty_workspace_to_first_report(qtbot, tmp_path):
    ws = Workspace.create(tmp_path / "new.sqlite")
    try:
        report = NewReportDialog(ws)
        qtbot.addWidget(report.dialog)
        report.period.select("2023-Q2")
        report.accept()
        assert report.info is None and "Đơn vị mới" in report.message.text()

        unit = NewUnitDialog(ws, report.dialog)
        unit.name.setText("Phường Cát Bi")
        unit.short.setText("Cát Bi")
        unit.code.setText("HA CATBI")  # a space: refused, nothing stored
        unit.accept()
        assert "Mã đơn vị" in unit.message.text() and ws.hierarchy().units == {}
        unit.code.setText("HA-CATBI")
        unit.accept()
        assert unit.unit is not None and ws.own_unit == ""

        report._fill_units(unit.unit.code)
        report.cutoff.setText("31/6/2023")  # no such day
        report.accept()
        assert report.info is None and "không phải là ngày hợp lệ" in report.message.text()
        report.cutoff.setText("")
        report.accept()
        assert report.info is not None and report.info.cutoff.isoformat() == "2023-06-30"
        assert ws.report("HA-CATBI", "2023-Q2") is not None and ws.own_unit == "HA-CATBI"
    finally:
        ws.close()


def test_kinds_are_offered_in_vietnamese(qtbot, tmp_path):
    ws = Workspace.create(tmp_path / "new.sqlite")
    try:
        dialog = NewUnitDialog(ws)
        qtbot.addWidget(dialog.dialog)
        kinds = dialog.dialog.findChild(QComboBox, "kind")
        assert kinds.currentText() == "phường"
        assert dialog.dialog.findChild(QLineEdit, "code").placeholderText().startswith("mã do cấp trên")
    finally:
        ws.close()
