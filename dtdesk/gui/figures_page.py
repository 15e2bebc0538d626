"""The form of a figures section: a block of numbers whose sentence preview updates as the clerk types."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from dtdesk.core.compose import compose_section
from dtdesk.core.coverage import coverage, scope_note
from dtdesk.core.document import Paragraph
from dtdesk.core.report import fill
from dtdesk.core.rules import Problem
from dtdesk.core.template import Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.page import FIGURE_IDLE_MS, Page, TextCommitter, hint_label, mark, section_label, title_label
from dtdesk.gui.i18n import bind, tr
from dtdesk.gui.review_mark import ReviewMark
from dtdesk.core.values import Cell, ParseError, parse, show, typed


class FiguresPage(Page):
    """Figures of the unit (editable), of its subunits (summed, read-only), the free point, the sentences."""

    def __init__(self, controller: Controller, section: Section, parent=None):
        super().__init__(controller, parent)
        self.section = section
        self.section_id = section.id
        data = controller.data
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.addWidget(title_label(section_label(section, data)))
        layout.addWidget(hint_label("Nhập số liệu của đơn vị mình; cột cấp dưới là tổng các báo cáo của đơn vị cấp dưới "
                               "(không sửa ở đây). Câu in trong báo cáo hiện bên phải và thay đổi ngay khi gõ."))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.own_point = next((p for p in section.points if p.figures == "self"), None)
        self.sub_point = next((p for p in section.points if p.figures == "subunits"), None)
        self.has_subunits = data.figures(section, "subunits") is not None
        grid.addWidget(self._bold(tr("Chỉ tiêu")), 0, 0)
        grid.addWidget(self._bold(fill(self.own_point.label, data.words) if self.own_point else data.unit.name), 0, 1)
        self.sub_heading: QLabel | None = None
        if self.has_subunits and self.sub_point:
            self.sub_heading = QLabel()
            self.sub_heading.setObjectName(f"subunits_{section.id}")
            self.sub_heading.setWordWrap(True)  # the coverage note under the title, not one long line
            self.sub_heading.setMaximumWidth(220)
            grid.addWidget(self.sub_heading, 0, 2)
        self.edits: dict[str, QLineEdit] = {}
        self.sums: dict[str, QLabel] = {}
        self.timers: dict[str, QTimer] = {}
        for r, field in enumerate(section.fields, start=1):
            grid.addWidget(QLabel(field.label), r, 0)
            edit = QLineEdit()
            edit.setObjectName(f"figure_{field.id}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(160)
            if field.computed:
                edit.setReadOnly(True)
                edit.setStyleSheet("background: #ececec;")
                edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            else:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.setInterval(FIGURE_IDLE_MS)
                timer.timeout.connect(lambda f=field: self._commit(f, quiet=True))
                self.timers[field.id] = timer
                edit.textEdited.connect(lambda _t, t=timer: t.start())
                edit.editingFinished.connect(lambda f=field: self._commit(f))
            self.edits[field.id] = edit
            grid.addWidget(edit, r, 1)
            if self.has_subunits and self.sub_point:
                total = QLabel()
                total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                total.setMinimumWidth(100)
                total.setStyleSheet("background: #ececec; padding: 2px 6px;")
                self.sums[field.id] = total
                grid.addWidget(total, r, 2)
        top = QHBoxLayout()
        top.addLayout(grid, 0)
        layout.addLayout(top)
        self.note_editor = None
        self.reviews: list[ReviewMark] = []
        for point in section.points:
            if point.text:
                box = QGroupBox(point.label)
                box_layout = QVBoxLayout(box)
                cell = Cell(data.unit.code, section.key(point.text))
                self.reviews.append(ReviewMark(controller, cell))
                box_layout.addWidget(self.reviews[-1])
                editor = QPlainTextEdit()
                editor.setObjectName(f"note_{section.id}")
                editor.setTabChangesFocus(True)
                editor.setMaximumHeight(110)
                box_layout.addWidget(editor)
                self.committers.append(TextCommitter(editor, controller, cell, point.label))
                self.note_editor = editor
                layout.addWidget(box)
        preview_box = QGroupBox()
        bind(preview_box, "title", "Câu in trong báo cáo")
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QLabel()
        self.preview.setObjectName(f"sentence_{section.id}")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        preview_layout.addWidget(self.preview)
        preview_layout.addStretch(1)
        top.addSpacing(16)
        top.addWidget(preview_box, 1)  # beside the figures: the sentence changes where the clerk looks
        layout.addStretch(1)
        self.refresh()

    def _sub_heading(self) -> str:
        """The subunits' column says whose reports its sums hold, as the printed sentence does: "(6/8 phường đã báo
        cáo)", or that none has reported (their values carried from the last period are no report)."""
        data = self.controller.data
        covered = coverage(data, self.section)
        title = html.escape(fill(self.sub_point.label, data.words) + " " + tr("(tổng)"))
        said = scope_note(data, covered)
        if not said:
            return f"<b>{title}</b>"
        return f"<b>{title}</b><br><span style='color: #8a5a00;'>{html.escape(said)}</span>"

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(f"<b>{text}</b>")
        return label

    def _cell(self, field) -> Cell:
        return Cell(self.controller.data.unit.code, self.section.key(field.id))

    def _commit(self, field, quiet: bool = False) -> None:
        self.timers[field.id].stop()
        edit = self.edits[field.id]
        values = self.controller.data.figures(self.section, "self")
        if edit.text().strip() == typed(field, values.get(field.id)):
            self.refusals.pop(field.id, None)
        else:
            if quiet:  # while typing: commit only what parses, say nothing yet
                try:
                    parse(field, edit.text())
                except ParseError:
                    return
            if self.controller.edit(self._cell(field), edit.text(), field.label):
                self.refusals.pop(field.id, None)
            else:
                self.refusals[field.id] = self.controller.last_refusal
        problems = {p.field: p for p in self.controller.problems_of(self.section.id)}
        mark(edit, problems.get(field.id), self.refusals.get(field.id, ""))

    def flush(self) -> None:
        super().flush()
        for field_id, timer in self.timers.items():
            if timer.isActive():
                self._commit(self.section.field(field_id), quiet=True)

    def refresh(self) -> None:
        super().refresh()
        for review in self.reviews:
            review.refresh()
        data = self.controller.data
        own = data.figures(self.section, "self")
        subs = data.figures(self.section, "subunits") if self.has_subunits else None
        problems = {p.field: p for p in self.controller.problems_of(self.section.id)}
        for field in self.section.fields:
            edit = self.edits[field.id]
            text = typed(field, own.get(field.id))  # 9 as typed, not the printed 09
            if edit.text() != text and not (edit.hasFocus() and edit.isModified()) and not (
                    field.id in self.timers and self.timers[field.id].isActive()):
                edit.setText(text)
            if edit.text() == text:  # what is shown is stored: no refusal stands
                self.refusals.pop(field.id, None)
            if not field.computed:
                mark(edit, problems.get(field.id), self.refusals.get(field.id, ""))
            if subs is not None and field.id in self.sums:
                self.sums[field.id].setText(show(field, subs.get(field.id), "…", padded=False))
        if self.sub_heading is not None:
            self.sub_heading.setText(self._sub_heading())

        paragraphs = [b.text for b in compose_section(self.section, data) if isinstance(b, Paragraph)]
        self.preview.setText("\n\n".join(paragraphs[1:] if len(paragraphs) > 1 else paragraphs))

    def focus_problem(self, problem: Problem) -> None:
        edit = self.edits.get(problem.field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()
