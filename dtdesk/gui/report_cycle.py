"""The reporting cycle in the window: reopen a sent report, accept or return a subunit's.

"Mở lại để sửa" (File menu, or the link in the banner of a sent report)
starts the next revision of the open report (:meth:`dtdesk.store.status.ReportStatuses.reopen`).
"Tiếp nhận báo cáo…" and "Trả lại báo cáo…" (File menu, and the completeness
view's context menu) answer the latest revision received of the subunit
chosen in the completeness view (or picked from a list): a reason is asked for a
return, then a folder for the reply file and its e-mail draft
(:func:`dtdesk.exchange.decision.answer`). After each, ``status_changed``
is emitted and the window re-reads the report and the completeness view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Signal

from dtdesk.gui.i18n import said, tr
from dtdesk.gui.messages import inform
from dtdesk.gui.window_part import WindowPart
from dtdesk.store.status import ACCEPTED, RETURNED
from dtdesk.store.workspace import WorkspaceError


class ReportCycle(WindowPart):
    status_changed = Signal()  # a report's status changed here: re-read what shows it

    def __init__(self, window, actions, flush, settings: QSettings, chosen_unit: Callable[[], str | None],
                 parent=None):
        super().__init__(window, actions, flush, parent)
        self.settings, self.chosen_unit = settings, chosen_unit
        actions["actionReopenReport"].triggered.connect(lambda: self.reopen())
        actions["actionAcceptReport"].triggered.connect(lambda: self.answer(ACCEPTED))
        actions["actionReturnReport"].triggered.connect(lambda: self.answer(RETURNED))

    def update_actions(self) -> None:
        self.actions["actionReopenReport"].setEnabled(self.controller is not None and bool(self.controller.locked))
        for name in ("actionAcceptReport", "actionReturnReport"):
            self.actions[name].setEnabled(self.controller is not None)

    def reopen(self) -> int | None:
        """Start the next revision of the open report; returns its number."""
        if self.controller is None or not self.writable():
            return None
        info = self.controller.data.info
        try:
            revision = self.ws.reopen(info.unit, info.period)
        except WorkspaceError as exc:
            self.warn(said(exc))
            return None
        self.status(tr("Đã mở lại báo cáo để sửa; lần gửi tới là lần nộp r{revision}.", revision=revision))
        self.status_changed.emit()
        return revision

    def answer(self, decision: str, unit: str | None = None, reason: str | None = None,
               folder: str | None = None) -> Path | None:
        """Accept or return a subunit's latest revision received; returns the reply file written."""
        if self.controller is None or not self.writable():
            return None
        period = self.controller.data.info.period
        unit = unit or self.chosen_unit() or self._pick_unit(period)
        if not unit:
            return None
        if decision == RETURNED and reason is None:
            from PySide6.QtWidgets import QInputDialog

            reason, ok = QInputDialog.getMultiLineText(self.window, tr("Trả lại báo cáo"),
                                                       tr("Lý do trả lại (đơn vị sẽ thấy ở đầu báo cáo):"))
            if not ok:
                return None
        folder = folder or self._pick_folder()
        if not folder:
            return None
        from dtdesk.exchange.decision import answer

        self.flush()
        try:
            done = answer(self.ws, unit, period, decision, Path(folder), reason=reason or "", eml=True)
        except WorkspaceError as exc:
            self.warn(said(exc))
            return None
        what = tr("Đã tiếp nhận") if decision == ACCEPTED else tr("Đã trả lại")
        inform(self.window, tr("{what} lần nộp r{revision} của {unit}; tệp trả lời {name} và thư nháp đã ghi vào "
                               "thư mục {folder}.", what=what, revision=done.revision, unit=unit,
                               name=done.path.name, folder=folder))
        self.status_changed.emit()
        return done.path

    def _pick_unit(self, period: str) -> str | None:
        """A subunit whose file was imported for the period, chosen from a list."""
        from PySide6.QtWidgets import QInputDialog

        received = sorted(self.ws.latest_imports(period))
        if not received:
            self.warn(tr("Chưa nhận tệp nộp nào của đơn vị cấp dưới cho kỳ này."))
            return None
        names = self.ws.hierarchy()
        items = [f"{code} — {names[code].name}" if code in names else code for code in received]
        item, ok = QInputDialog.getItem(self.window, tr("Chọn đơn vị"), tr("Báo cáo của đơn vị:"), items, 0, False)
        return received[items.index(item)] if ok else None

    def _pick_folder(self) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.settings.value("replyFolder", "") or self.settings.value("exportFolder", "") or "")
        folder = QFileDialog.getExistingDirectory(self.window, tr("Chọn thư mục để lưu tệp trả lời"), start)
        if folder:
            self.settings.setValue("replyFolder", folder)
        return folder or None
