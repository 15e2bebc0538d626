"""File → "Báo cáo kỳ mới": the next period's report, started from the one open (what ``dtdesk next`` does).

What carries over is the template's to say; :mod:`dtdesk.store.rollforward`
writes it. The window then opens the new report, whose narratives show
"từ kỳ trước, cần xem lại" until edited.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from dtdesk.core.periods import PeriodError, next_period, parse_period
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.window_part import WindowPart
from dtdesk.store.workspace import WorkspaceError


class NextPeriodActions(WindowPart):
    report_created = Signal(object)  # the ReportInfo of the next period's report

    def __init__(self, window, actions, flush, parent=None):
        super().__init__(window, actions, flush, parent)
        actions["actionNextPeriod"].triggered.connect(self.roll_forward)

    def update_actions(self) -> None:
        self.actions["actionNextPeriod"].setEnabled(self.controller is not None and not self.ws.read_only)

    def roll_forward(self) -> None:
        if self.controller is None or not self.writable():
            return
        self.flush()
        info = self.controller.data.info
        try:
            target = next_period(info.period)
        except PeriodError as exc:
            self.warn(said(exc))
            return
        question = tr("Lập báo cáo {new} của {unit} từ báo cáo {old}? Phần đầu, nơi nhận, người ký, các đoạn văn "
                      "(đánh dấu «từ kỳ trước, cần xem lại») và các số chuyển sang kỳ sau được chép sang.",
                      new=target.title, unit=self.controller.data.unit.name, old=parse_period(info.period).title)
        answer = QMessageBox.question(self.window, tr("Báo cáo kỳ mới"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from dtdesk.store.rollforward import roll_forward

        try:
            created = roll_forward(self.ws, info.unit, info.period)[0]
        except WorkspaceError as exc:
            self.warn(said(exc))
            return
        self.report_created.emit(created)
        self.status(tr("Đã lập báo cáo {new}; các đoạn văn chép từ kỳ trước được đánh dấu cần xem lại.",
                       new=target.title))
