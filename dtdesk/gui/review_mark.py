"""The mark over a narrative rolled forward from the previous period: "từ kỳ trước, cần xem lại".

The mark is the store's (the value is still as carried over, see
:mod:`dtdesk.store.values`): it shows until someone writes the text, in this
window or any other, or reads it and finds it still right ("Giữ nguyên nội
dung này": :meth:`Controller.keep_carried`, audited); the printed report
never shows it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from dtdesk.core.values import Cell
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import bind


class ReviewMark(QFrame):
    def __init__(self, controller: Controller, cell: Cell, parent=None):
        super().__init__(parent)
        self.controller, self.cell = controller, cell
        self.setObjectName(f"review_{cell.key}")
        palette = self.palette()  # the frame's own background, not its button's (a style sheet would cascade)
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff4cc"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #6b4e00;")
        bind(self.label, "text", "Từ kỳ trước, cần xem lại: nội dung chép từ báo cáo kỳ trước. Sửa lại cho kỳ này, "
                                 "hoặc nếu vẫn đúng thì bấm «Giữ nguyên nội dung này».")
        self.keep = QPushButton()
        self.keep.setObjectName("keepCarried")
        bind(self.keep, "text", "Giữ nguyên nội dung này")
        bind(self.keep, "toolTip", "Nội dung vẫn đúng cho kỳ này: bỏ dấu «cần xem lại», giữ nguyên chữ.")
        self.keep.clicked.connect(lambda: self.controller.keep_carried(self.cell))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.keep)
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self.cell in self.controller.data.carried)
