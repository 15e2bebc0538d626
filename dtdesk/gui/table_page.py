"""The form of a table section: the stored values in a table view (see table_model and table_view)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from dtdesk.core.rules import Problem
from dtdesk.core.template import Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.page import Page, hint_label, section_label, title_label
from dtdesk.gui.table_model import ReportTableModel
from dtdesk.gui.table_view import ReportTableView


class TablePage(Page):
    def __init__(self, controller: Controller, section: Section, parent=None):
        super().__init__(controller, parent)
        self.section = section
        self.section_id = section.id
        layout = QVBoxLayout(self)
        title = section_label(section, controller.data)
        layout.addWidget(title_label(title))
        checklist = all(f.type == "bool" for f in section.inputs)
        if checklist:
            layout.addWidget(hint_label("Đánh dấu các việc mỗi đơn vị đã làm (bấm vào ô hoặc nhấn phím cách). "
                                   "Bảng này không in ra; các câu tự động và các cột đánh dấu của bảng in lấy từ đây."))
        else:
            layout.addWidget(hint_label("Gõ số rồi nhấn Enter (xuống dòng) hoặc Tab (sang phải). Được gõ «1.671». "
                                   "Dán một khối ô từ Excel bằng Ctrl+V. Ô xám tự tính; ô đỏ có lỗi (rê chuột để xem)."))
        self.model = ReportTableModel(controller, section, self)
        self.view = ReportTableView(self.model)
        self.view.setObjectName(f"table_{section.id}")
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        rows = self.model.rowCount()
        self.model.reload()
        if self.model.rowCount() != rows:
            self.view.resizeRowsToContents()

    def focus_problem(self, problem: Problem) -> None:
        self.view.focus_cell(problem.unit, problem.row, problem.field)

    def retranslate(self) -> None:
        """The headings' units are worded in the new language ("whole number"): fit the columns and header anew."""
        self.view.layout_columns()
