"""File → "Mở báo cáo…": the workspace's reports (unit, period, status), to open one (ui/report_list.ui).

The workspace's own unit comes first, newest period first; then the units
below it. The status is what the workspace records: a draft, a report
exported as a submission file (its revision), or a subunit's file received,
accepted or returned by the level above, or reopened to be sent again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from dtdesk.core.periods import parse_period
from dtdesk.core.report import ReportInfo
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.uiload import load_form
from dtdesk.store.status import SENT
from dtdesk.store.workspace import Workspace


def report_status(ws: Workspace, info: ReportInfo) -> str:
    """A report's state in a few words, from what the workspace records about it: an answer of the level above,
    or a report reopened after sending, as its history says (dtdesk.store.status)."""
    step = ws.current_status(info.unit, info.period)
    if step is not None and step.status != SENT:
        return said(step.label)
    received = ws.latest_import(info.unit, info.period)
    if received is not None:
        return tr("Đã nhận tệp nộp (lần r{revision})", revision=received.revision)
    if info.revision and info.unit == ws.own_unit:
        return tr("Đã xuất tệp nộp (lần r{revision})", revision=info.revision)
    if info.revision:  # a unit below whose report came in another way (a loaded JSON, the demo)
        return tr("Đã nộp (lần r{revision})", revision=info.revision)
    return tr("Nháp")


def listed_reports(ws: Workspace) -> list[ReportInfo]:
    """The reports in the order the list shows them: own unit first, then by unit; newest period first."""
    own = ws.own_unit
    newest_first = sorted(ws.reports(), key=lambda r: parse_period(r.period).start, reverse=True)
    return sorted(newest_first, key=lambda r: (r.unit != own, r.unit))


class ReportListDialog(QObject):
    def __init__(self, ws: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.info: ReportInfo | None = None
        self.dialog, named = load_form("report_list.ui", parent)
        self.table: QTableWidget = named["reports"]
        buttons: QDialogButtonBox = named["buttons"]
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.dialog.reject)
        self.table.doubleClicked.connect(self.accept)
        self.reports = listed_reports(ws)
        self._fill()

    def _fill(self) -> None:
        units = self.ws.hierarchy().units  # retired units too: their old reports are listed
        self.table.setRowCount(len(self.reports))
        for row, info in enumerate(self.reports):
            unit = units.get(info.unit)
            period = said(parse_period(info.period).title)
            texts = (unit.name if unit else info.unit, period, report_status(self.ws, info))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        if self.reports:
            self.table.selectRow(0)

    def exec(self) -> int:
        return self.dialog.exec()

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.info = self.reports[rows[0].row()]
        self.dialog.accept()
