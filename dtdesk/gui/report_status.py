"""What the window says about the open report: its title, the status bar's unit, period, status and saved state,
the banner of a read-only window and the banner of a sent, accepted or returned report.

A read-only window (the file is open in another window) says so above the
form and in the status bar, and never "Đã lưu"; nor does a locked report,
whose status bar says what it is ("Đã gửi r2 — chỉ xem"). A report sent or accepted
(:mod:`dtdesk.store.status`) says above the form that it is locked, with a
link to reopen it ("Mở lại để sửa": ``reopen_requested``); a returned one
shows the level above's reason on top until it is sent again.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QMainWindow

from dtdesk.core.periods import parse_period
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.messages import read_only_notice
from dtdesk.store.status import ACCEPTED, LABELS, OUT, RETURNED, SENT, shown_status

BANNER_STYLE = "background: #fff1b8; padding: 4px 8px;"
class ReportStatus(QObject):
    reopen_requested = Signal()  # the banner's "Mở lại để sửa" link

    def __init__(self, window: QMainWindow, banner_layout: QBoxLayout, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.ws = self.controller = None
        self.saved_at: str | None = None  # when the last edit was saved ("14:02:31"), since the report was opened
        bar = window.statusBar()
        self.unit_label, self.period_label, self.state_label, self.saved_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.state_label.setObjectName("reportStateLabel")
        for label in (self.unit_label, self.period_label, self.state_label, self.saved_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self.banner = QLabel()  # says, above the form, why nothing can be typed
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        banner_layout.insertWidget(0, self.banner)
        self.cycle_banner = QLabel()  # sent, accepted or returned: what the level above has, and what to do
        self.cycle_banner.setObjectName("reportStatusBanner")
        self.cycle_banner.setStyleSheet(BANNER_STYLE)
        self.cycle_banner.setWordWrap(True)
        self.cycle_banner.setTextFormat(Qt.TextFormat.RichText)
        self.cycle_banner.linkActivated.connect(lambda _link: self.reopen_requested.emit())
        self.cycle_banner.hide()
        banner_layout.insertWidget(1, self.cycle_banner)

    @property
    def read_only(self) -> bool:
        return self.ws is not None and self.ws.read_only

    def set_report(self, ws, controller) -> None:
        self.ws, self.controller = ws, controller
        self.saved_at = None
        self.show()

    def saved(self) -> None:
        self.saved_at = dt.datetime.now().strftime("%H:%M:%S")
        self._show_saved()

    def _show_saved(self) -> None:
        """What is true of what the clerk typed: saved (when), or nothing can be typed here, and why in short."""
        locked = self.ws.is_locked(*self._report()) if self.controller is not None else None
        if self.controller is None:
            text = ""
        elif self.read_only:
            text = tr("Chỉ đọc")
        elif locked is not None:
            text = tr("{state} r{revision} — chỉ xem", state=said(LABELS[locked.status]), revision=locked.revision)
        elif self.saved_at is not None:
            text = tr("Đã lưu lúc {time}", time=self.saved_at)
        else:
            text = tr("Đã lưu")
        self.saved_label.setText(text)

    def _report(self) -> tuple[str, str]:
        info = self.controller.data.info
        return info.unit, info.period

    def show(self) -> None:
        """Title, unit, period and banner in the current language."""
        notice = read_only_notice(self.ws) if self.read_only else ""
        self.banner.setText(notice)
        self.banner.setVisible(bool(notice))
        self._show_saved()
        self._show_cycle()
        suffix = f" — {tr('Chỉ đọc')}" if self.read_only else ""
        if self.controller is None:  # a workspace without a report open still says which file and whose it is
            own = self.ws.hierarchy().units.get(self.ws.own_unit) if self.ws is not None else None
            parts = [own.name if own else tr("Báo cáo chuyển đổi số")]
            parts += [Path(self.ws.path).name] if self.ws is not None else []
            self.window.setWindowTitle(" — ".join(parts) + (suffix if self.ws is not None else ""))
            self.unit_label.setText("")
            self.period_label.setText("")
            return
        data = self.controller.data
        period = parse_period(data.info.period)
        self.unit_label.setText(tr("Đơn vị: {name}", name=data.unit.name))
        self.period_label.setText(tr("Kỳ báo cáo: {label}", label=period.title))
        self.window.setWindowTitle(f"{data.unit.name} — {said(period.title)} — {Path(self.ws.path).name}{suffix}")

    def _show_cycle(self) -> None:
        """The report's status in the status bar and, when sent, accepted or returned, the banner above the form."""
        step = None
        if self.controller is not None:
            step = self.ws.current_status(*self._report())
        state = said(shown_status(step))
        self.state_label.setText(tr("Trạng thái: {state}", state=state) if self.controller is not None else "")
        # only the own report is locked by its sending and answered by the level above: a subunit's report held
        # here (the demo's wards, exported for testing) stays editable and gets no banner
        own = self.controller is not None and self._report()[0] == self.ws.own_unit
        text = self._cycle_text(step) if own and step is not None and step.side == OUT else ""
        self.cycle_banner.setText(text)
        self.cycle_banner.setVisible(bool(text))

    @staticmethod
    def _cycle_text(step) -> str:
        reopen = f'<a href="reopen">{html.escape(tr("Mở lại để sửa"))}</a>'
        if step.status == SENT:
            return html.escape(tr("Báo cáo đã gửi cấp trên (lần nộp r{revision}) nên không sửa được.",
                                  revision=step.revision)) + " " + reopen
        if step.status == ACCEPTED:
            return html.escape(tr("Cấp trên đã tiếp nhận báo cáo (lần nộp r{revision}) nên không sửa được.",
                                  revision=step.revision)) + " " + reopen
        if step.status == RETURNED:
            return html.escape(tr("Cấp trên trả lại báo cáo (lần nộp r{revision}): {reason} Hãy sửa rồi gửi lần nộp "
                                  "r{next}.", revision=step.revision, reason=step.reason, next=step.revision + 1))
        return ""
