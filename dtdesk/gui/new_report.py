"""File → "Báo cáo mới…": the unit and period of a new report (ui/new_report.ui).

The period is picked from a list (:class:`~dtdesk.gui.period_picker.PeriodPicker`);
an existing report opens from File → "Mở báo cáo…" (:mod:`dtdesk.gui.report_list`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from dtdesk.core.periods import PeriodError
from dtdesk.core.template import TemplateError
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.period_picker import PeriodPicker
from dtdesk.gui.uiload import load_ui
from dtdesk.gui.unit_dialog import NewUnitDialog
from dtdesk.store.reports import start_report
from dtdesk.store.workspace import Workspace, WorkspaceError


class NewReportDialog(QObject):
    """Unit and period of a new report (ui/new_report.ui)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.info = None
        self.dialog = load_ui("new_report.ui", parent)
        d = self.dialog
        self.unit = d.findChild(QWidget, "unit")
        self.period = PeriodPicker(d.findChild(QComboBox, "period"))
        self.cutoff = d.findChild(QWidget, "cutoff")
        self.message = d.findChild(QLabel, "message")
        self._fill_units(ws.own_unit)
        d.findChild(QWidget, "newUnit").clicked.connect(self.new_unit)
        buttons = d.findChild(QWidget, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(d.reject)

    def exec(self) -> int:
        return self.dialog.exec()

    def _fill_units(self, current: str) -> None:
        self.unit.clear()
        for unit in self.ws.hierarchy().walk():
            self.unit.addItem(unit.name, unit.code)
        found = self.unit.findData(current)
        if found >= 0:
            self.unit.setCurrentIndex(found)

    def new_unit(self) -> None:
        dialog = NewUnitDialog(self.ws, self.dialog)
        if dialog.exec() and dialog.unit is not None:
            self._fill_units(dialog.unit.code)

    def accept(self) -> None:
        code = self.unit.currentData()
        if not code:
            self.message.setText(tr("Tệp chưa có đơn vị nào; bấm «Đơn vị mới…» để thêm đơn vị của mình."))
            return
        try:
            self.info = start_report(self.ws, code, self.period.period().code, self.cutoff.text())
        except (PeriodError, WorkspaceError, TemplateError) as exc:  # e.g. the report's template is missing or broken
            self.message.setText(said(exc))
            return
        self.dialog.accept()
