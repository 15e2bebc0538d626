"""The mark over a narrative rolled forward from the previous period: "từ kỳ trước, cần xem lại".

The mark is the store's (the value is still as carried over, see
:mod:`dtdesk.store.values`): it shows until someone writes the text, in this
window or any other, and the printed report never shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from dtdesk.core.values import Cell
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import bind


class ReviewMark(QLabel):
    def __init__(self, controller: Controller, cell: Cell, parent=None):
        super().__init__(parent)
        self.controller, self.cell = controller, cell
        self.setObjectName(f"review_{cell.key}")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff4cc; color: #6b4e00; padding: 4px;")
        bind(self, "text", "Từ kỳ trước, cần xem lại: nội dung chép từ báo cáo kỳ trước; "
                           "sửa lại cho kỳ này (dấu này mất khi nội dung được sửa).")
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self.cell in self.controller.data.carried)
