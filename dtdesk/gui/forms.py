"""Form views, one per section kind, generated from the template.

Each page shows what the session holds and hands what the clerk typed to the
controller; none of them computes anything.

The header form is the first page a clerk sees, so the code it runs before
the first paint does not name PySide6's ``Qt`` namespace (see
:mod:`dtdesk.gui.main_window`); the other pages import ``Qt`` where they use it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QSyntaxHighlighter
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from dtdesk.core.drafts import TOKEN, drafts_for
from dtdesk.core.formats import date_short
from dtdesk.core.report import fill
from dtdesk.core.rules import Problem
from dtdesk.core.show import show
from dtdesk.core.template import Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import bind, tr
from dtdesk.store.session import Cell, ParseError, parse

IDLE_MS = 1200  # a narrative is committed after this much quiet typing
FIGURE_IDLE_MS = 600
INVALID_STYLE = "background: #f8c6c6;"
WARNING_STYLE = "background: #fff1b8;"


def section_label(section: Section, data=None) -> str:
    title = section.outline_title
    if data is not None:
        title = fill(title, data.words)
    if any(ch.isdigit() for ch in section.number):
        return f"{section.number}. {title}"
    return title


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("font-size: 13pt; font-weight: bold;")
    return label


def _hint(source: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    bind(label, "text", source)
    return label


class TextCommitter(QObject):
    """Commits a QPlainTextEdit on focus-out and after a short idle pause (each commit one undo step)."""

    def __init__(self, editor: QPlainTextEdit, controller: Controller, cell: Cell, label: str, idle_ms: int = IDLE_MS):
        super().__init__(editor)
        self.editor, self.controller, self.cell, self.label = editor, controller, cell, label
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.commit)
        editor.textChanged.connect(self._typed)
        editor.installEventFilter(self)
        editor.setUndoRedoEnabled(False)  # one undo history: the app's

    def _typed(self) -> None:
        if not self._loading:
            self.timer.start()

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        elif event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QKeySequence

            # Ctrl+Z / Ctrl+Y here mean the app's one history: commit what was typed, then step it.
            stack = self.controller.undo_stack
            if event.matches(QKeySequence.StandardKey.Undo):
                self.commit()
                stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) or (
                    event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                self.commit()
                stack.redo()
                return True
        return False

    def pending(self) -> bool:
        return self.timer.isActive()

    def commit(self) -> None:
        self.timer.stop()
        stored = self.controller.session.value(self.cell)
        text = self.editor.toPlainText()
        if text != ("" if stored is None else str(stored)):
            self.controller.edit(self.cell, text, self.label)

    def load(self) -> None:
        if self.pending():
            return  # never overwrite what the clerk is typing
        stored = self.controller.session.value(self.cell)
        text = "" if stored is None else str(stored)
        if text != self.editor.toPlainText():
            self._loading = True
            cursor = self.editor.textCursor().position()
            self.editor.setPlainText(text)
            c = self.editor.textCursor()
            c.setPosition(min(cursor, len(text)))
            self.editor.setTextCursor(c)
            self._loading = False


class TokenHighlighter(QSyntaxHighlighter):
    """Shows ``{{draft}}`` placeholders as live sentences (printed from the data), not as typed text."""

    def __init__(self, document):
        super().__init__(document)
        from PySide6.QtGui import QColor, QTextCharFormat  # text formats are not needed before the first narrative

        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#dbe8ff"))
        self.format.setForeground(QColor("#1a4d99"))

    def highlightBlock(self, text: str) -> None:
        for match in TOKEN.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.format)


class Page(QWidget):
    """A section's form; ``refresh`` re-reads the session, ``focus_problem`` shows a cell."""

    section_id = ""

    def __init__(self, controller: Controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.committers: list[TextCommitter] = []

    def refresh(self) -> None:
        for committer in self.committers:
            committer.load()

    def flush(self) -> None:
        for committer in self.committers:
            if committer.pending():
                committer.commit()

    def focus_problem(self, problem: Problem) -> None:
        pass

    def retranslate(self) -> None:
        pass


class HeaderPage(Page):
    section_id = "header"

    def __init__(self, controller: Controller, form: QWidget, parent=None):
        super().__init__(controller, parent)
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        layout.addWidget(scroll)
        self.fields = {f.id: f for f in controller.session.template.header}
        self.edits: dict[str, QWidget] = {}
        for field_id, field in self.fields.items():
            widget = form.findChild(QWidget, field_id)
            if widget is None:
                continue
            self.edits[field_id] = widget
            cell = Cell(controller.data.unit.code, f"header.{field_id}")
            if isinstance(widget, QPlainTextEdit):
                self.committers.append(TextCommitter(widget, controller, cell, field.label))
            else:
                if field.hint:
                    widget.setPlaceholderText(field.hint)
                widget.editingFinished.connect(lambda w=widget, c=cell, f=field: self._commit(w, c, f))
        self.cutoff = form.findChild(QLineEdit, "cutoff")
        if self.cutoff is not None:
            self.cutoff.setPlaceholderText("30/3/2022")
            self.cutoff.editingFinished.connect(self._commit_cutoff)
        self.refresh()

    def _commit_cutoff(self) -> None:
        if self.cutoff.text() == date_short(self.controller.data.info.cutoff):
            return
        ok = self.controller.set_cutoff(self.cutoff.text())
        self.cutoff.setStyleSheet("" if ok else INVALID_STYLE)
        self.cutoff.setToolTip("" if ok else self.controller.last_refusal)

    def _display(self, field_id: str) -> str:
        value = self.controller.data.header(field_id)
        if field_id == "date" and value:
            try:
                return date_short(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return value

    def _commit(self, widget: QLineEdit, cell: Cell, field) -> None:
        if widget.text() == self._display(field.id):
            return
        ok = self.controller.edit(cell, widget.text(), field.label)
        widget.setStyleSheet("" if ok else INVALID_STYLE)
        widget.setToolTip("" if ok else self.controller.last_refusal)

    def refresh(self) -> None:
        super().refresh()
        for field_id, widget in self.edits.items():
            if isinstance(widget, QLineEdit):
                text = self._display(field_id)
                if widget.text() != text and not (widget.hasFocus() and widget.isModified()):
                    widget.setText(text)
        info = self.controller.data.info
        if self.cutoff is not None:
            text = date_short(info.cutoff)
            if self.cutoff.text() != text and not (self.cutoff.hasFocus() and self.cutoff.isModified()):
                self.cutoff.setText(text)
        problems = {p.field: p.message for p in self.controller.problems_of("header")}
        for field_id, widget in self.edits.items():
            if isinstance(widget, QLineEdit) and widget.styleSheet() == INVALID_STYLE:
                continue
            widget.setStyleSheet(WARNING_STYLE if field_id in problems else "")
            widget.setToolTip(problems.get(field_id, ""))

    def focus_problem(self, problem: Problem) -> None:
        widget = self.edits.get(problem.field)
        if widget is not None:
            widget.setFocus()

    def retranslate(self) -> None:
        self.refresh()


class NarrativePage(Page):
    def __init__(self, controller: Controller, section: Section, parent=None):
        from PySide6.QtCore import Qt

        super().__init__(controller, parent)
        self.section = section
        self.section_id = section.id
        layout = QVBoxLayout(self)
        layout.addWidget(_title(section_label(section, controller.data)))
        layout.addWidget(_hint("Mỗi dòng là một đoạn văn; dòng bắt đầu bằng «- » là một gạch đầu dòng. "
                               "Nội dung được lưu ngay khi bạn ngừng gõ."))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"editor_{section.id}")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(160)
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        self.editor.setFont(font)
        self.highlighter = TokenHighlighter(self.editor.document())
        layout.addWidget(self.editor, 3)
        self.committers.append(TextCommitter(self.editor, controller, Cell(controller.data.unit.code, section.key("text")),
                                             section.outline_title))
        self.draft_labels: dict[str, QLabel] = {}
        if section.drafts:
            box = QGroupBox()
            bind(box, "title", "Câu tự động từ số liệu")
            box_layout = QVBoxLayout(box)
            for draft_id in section.drafts:
                draft = controller.session.template.drafts[draft_id]
                name = QLabel(f"<b>{draft.label}</b>")
                text = QLabel()
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setStyleSheet("background: #f4f6fa; padding: 4px;")
                self.draft_labels[draft_id] = text
                buttons = QHBoxLayout()
                live = QPushButton()
                bind(live, "text", "Chèn câu tự động")
                bind(live, "toolTip", "Chèn một chỗ giữ chỗ; khi in, câu được viết lại theo số liệu mới nhất.")
                live.clicked.connect(lambda _=False, d=draft_id: self.insert("{{" + d + "}}"))
                plain = QPushButton()
                bind(plain, "text", "Chèn thành chữ")
                bind(plain, "toolTip", "Chèn câu hiện tại thành chữ để bạn sửa lại.")
                plain.clicked.connect(lambda _=False, d=draft_id: self.insert(self.draft_labels[d].text()))
                buttons.addWidget(live)
                buttons.addWidget(plain)
                buttons.addStretch(1)
                box_layout.addWidget(name)
                box_layout.addWidget(text)
                box_layout.addLayout(buttons)
            layout.addWidget(box, 0)
        self.refresh()

    def insert(self, text: str) -> None:
        cursor = self.editor.textCursor()
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.committers[0].commit()
        self.editor.setFocus()

    def refresh(self) -> None:
        super().refresh()
        if self.draft_labels:
            drafts = drafts_for(self.controller.data)
            for draft_id, label in self.draft_labels.items():
                label.setText(drafts.get(draft_id, "") or tr("(không có đơn vị cấp dưới)"))
        problems = self.controller.problems_of(self.section.id)
        self.editor.setToolTip("\n".join(p.message for p in problems))

    def focus_problem(self, problem: Problem) -> None:
        self.editor.setFocus()


class TablePage(Page):
    def __init__(self, controller: Controller, section: Section, parent=None):
        super().__init__(controller, parent)
        self.section = section
        self.section_id = section.id
        layout = QVBoxLayout(self)
        title = section_label(section, controller.data)
        layout.addWidget(_title(title))
        checklist = all(f.type == "bool" for f in section.inputs)
        if checklist:
            layout.addWidget(_hint("Đánh dấu các việc mỗi đơn vị đã làm (bấm vào ô hoặc nhấn phím cách). "
                                   "Bảng này không in ra; các câu tự động và các cột đánh dấu của bảng in lấy từ đây."))
        else:
            layout.addWidget(_hint("Gõ số rồi nhấn Enter (xuống dòng) hoặc Tab (sang phải). Được gõ «1.671». "
                                   "Dán một khối ô từ Excel bằng Ctrl+V. Ô xám tự tính; ô đỏ có lỗi (rê chuột để xem)."))
        from dtdesk.gui.table_model import ReportTableModel  # loaded with the first table shown, not at start-up
        from dtdesk.gui.table_view import ReportTableView

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


class FiguresPage(Page):
    """Figures of the unit (editable), of its subunits (summed, read-only), the free point, the sentences."""

    def __init__(self, controller: Controller, section: Section, parent=None):
        from PySide6.QtCore import Qt

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
        layout.addWidget(_title(section_label(section, data)))
        layout.addWidget(_hint("Nhập số liệu của đơn vị mình; cột cấp dưới là tổng các báo cáo của đơn vị cấp dưới "
                               "(không sửa ở đây). Câu in trong báo cáo hiện bên phải và thay đổi ngay khi gõ."))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.own_point = next((p for p in section.points if p.figures == "self"), None)
        self.sub_point = next((p for p in section.points if p.figures == "subunits"), None)
        self.has_subunits = data.figures(section, "subunits") is not None
        grid.addWidget(self._bold(tr("Chỉ tiêu")), 0, 0)
        grid.addWidget(self._bold(fill(self.own_point.label, data.words) if self.own_point else data.unit.name), 0, 1)
        if self.has_subunits and self.sub_point:
            grid.addWidget(self._bold(fill(self.sub_point.label, data.words) + " " + tr("(tổng)")), 0, 2)
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
        for point in section.points:
            if point.text:
                box = QGroupBox(point.label)
                box_layout = QVBoxLayout(box)
                editor = QPlainTextEdit()
                editor.setObjectName(f"note_{section.id}")
                editor.setTabChangesFocus(True)
                editor.setMaximumHeight(110)
                box_layout.addWidget(editor)
                self.committers.append(TextCommitter(editor, controller, Cell(data.unit.code, section.key(point.text)),
                                                     point.label))
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
        if edit.text().strip() == show(field, values.get(field.id)):
            edit.setStyleSheet("")
            return
        if quiet:  # while typing: commit only what parses, say nothing yet
            try:
                parse(field, edit.text())
            except ParseError:
                return
        ok = self.controller.edit(self._cell(field), edit.text(), field.label)
        edit.setStyleSheet("" if ok else INVALID_STYLE)
        edit.setToolTip("" if ok else self.controller.last_refusal)

    def flush(self) -> None:
        super().flush()
        for field_id, timer in self.timers.items():
            if timer.isActive():
                self._commit(self.section.field(field_id), quiet=True)

    def refresh(self) -> None:
        super().refresh()
        data = self.controller.data
        own = data.figures(self.section, "self")
        subs = data.figures(self.section, "subunits") if self.has_subunits else None
        problems = {p.field: p for p in self.controller.problems_of(self.section.id)}
        for field in self.section.fields:
            edit = self.edits[field.id]
            text = show(field, own.get(field.id))
            if edit.text() != text and not (edit.hasFocus() and edit.isModified()) and not (
                    field.id in self.timers and self.timers[field.id].isActive()):
                edit.setText(text)
            if not field.computed and edit.styleSheet() != INVALID_STYLE:
                problem = problems.get(field.id)
                edit.setStyleSheet("" if problem is None else (INVALID_STYLE if problem.is_error else WARNING_STYLE))
                edit.setToolTip("" if problem is None else problem.message)
            if subs is not None and field.id in self.sums:
                self.sums[field.id].setText(show(field, subs.get(field.id), "…"))
        from dtdesk.core.compose import compose_section  # loaded with the first figures page, not at start-up
        from dtdesk.core.document import Paragraph

        paragraphs = [b.text for b in compose_section(self.section, data) if isinstance(b, Paragraph)]
        self.preview.setText("\n\n".join(paragraphs[1:] if len(paragraphs) > 1 else paragraphs))

    def focus_problem(self, problem: Problem) -> None:
        edit = self.edits.get(problem.field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()


def make_page(controller: Controller, section: Section) -> Page | None:
    if section.kind == "text":
        return NarrativePage(controller, section)
    if section.kind in ("unit_table", "fixed_table"):
        return TablePage(controller, section)
    if section.kind == "figures":
        return FiguresPage(controller, section)
    return None
