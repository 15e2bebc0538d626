"""The completeness view: who has submitted a period's report, when, on time, with how many errors.

Self-contained: ``CompletenessView(ws, period, parent=None)`` is a ``QWidget``
(put it in a dock, a tab or a dialog); call ``reload()`` after an import, or
``set_period(code)``. The data comes from
:func:`dtdesk.exchange.status.completeness`, the same as ``dtdesk status``.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from dtdesk.core.formats import date_short
from dtdesk.exchange.status import Completeness, UnitStatus, completeness
from dtdesk.gui.i18n import tr
from dtdesk.store.workspace import Workspace, WorkspaceError

LATE = QColor("#fff1c2")
MISSING = QColor("#fde2e1")
DONE = QColor("#e3f4e1")


class CompletenessView(QWidget):
    COLUMNS = ("Mã", "Đơn vị", "Tình trạng", "Lần nộp", "Xuất lúc", "Hạn nộp", "Lỗi")

    def __init__(self, ws: Workspace, period: str, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.period = period
        self.data: Completeness | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.reload()

    def set_period(self, period: str) -> None:
        self.period = period
        self.reload()

    @staticmethod
    def _state(r: UnitStatus) -> str:
        if r.submitted:
            return tr("Đã nộp")
        if r.keyed:
            return tr("Chưa nộp tệp (nhập tay từ bản giấy)")
        if r.has_values:
            return tr("Chưa nộp tệp (đã có số liệu)")
        return tr("Chưa nộp")

    def reload(self) -> None:
        try:
            self.data = completeness(self.ws, self.period)
        except WorkspaceError as exc:
            self.data = None
            self.title.setText(str(exc))
            self.table.setRowCount(0)
            self.summary.setText("")
            return
        c = self.data
        self.title.setText(tr("Tình hình nộp báo cáo kỳ {period} của {unit} (hạn nộp {deadline})",
                              period=c.period, unit=c.unit.name, deadline=date_short(c.deadline)))
        self.table.setRowCount(len(c.rows))
        for row, r in enumerate(c.rows):
            timing = ""
            if r.submitted:
                timing = tr("Đúng hạn") if r.on_time else (tr("Nộp muộn") if r.on_time is False else "")
            cells = [r.unit.code, r.unit.name, self._state(r), f"r{r.revision}" if r.submitted else "",
                     r.exported_at.strftime("%d/%m/%Y %H:%M") if r.exported_at else "", timing,
                     "" if r.errors is None else str(r.errors)]
            colour = MISSING if not r.submitted else (LATE if r.on_time is False else DONE)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(colour))
                self.table.setItem(row, col, item)
        missing = len(c.rows) - c.submitted
        self.summary.setText(tr("{done}/{total} đơn vị đã nộp, {late} nộp muộn, {missing} chưa nộp.",
                                done=c.submitted, total=len(c.rows), late=c.late, missing=missing))
