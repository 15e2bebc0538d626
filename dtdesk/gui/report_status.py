"""What the window says about the open report: its title, the status bar's unit, period and saved state, and the
banner of a read-only window.

A read-only window (the file is open in another window) says so above the
form and in the status bar, and never "Đã lưu".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QMainWindow

from dtdesk.core.periods import parse_period
from dtdesk.gui.i18n import tr
from dtdesk.gui.messages import read_only_notice

BANNER_STYLE = "background: #fff1b8; padding: 4px 8px;"


class ReportStatus(QObject):
    def __init__(self, window: QMainWindow, banner_layout: QBoxLayout, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.ws = self.controller = None
        bar = window.statusBar()
        self.unit_label, self.period_label, self.saved_label = QLabel(), QLabel(), QLabel()
        self.saved_label.setObjectName("savedLabel")
        for label in (self.unit_label, self.period_label, self.saved_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self.banner = QLabel()  # says, above the form, why nothing can be typed
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        banner_layout.insertWidget(0, self.banner)

    @property
    def read_only(self) -> bool:
        return self.ws is not None and self.ws.read_only

    def set_report(self, ws, controller) -> None:
        self.ws, self.controller = ws, controller
        self.show()
        self.saved_label.setText("" if controller is None else (tr("Chỉ đọc") if self.read_only else tr("Đã lưu")))

    def saved(self) -> None:
        self.saved_label.setText(tr("Đã lưu lúc {time}", time=dt.datetime.now().strftime("%H:%M:%S")))

    def show(self) -> None:
        """Title, unit, period and banner in the current language."""
        notice = read_only_notice(self.ws) if self.read_only else ""
        self.banner.setText(notice)
        self.banner.setVisible(bool(notice))
        if self.read_only:
            self.saved_label.setText(tr("Chỉ đọc"))
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
        self.window.setWindowTitle(f"{data.unit.name} — {period.title} — {Path(self.ws.path).name}{suffix}")
