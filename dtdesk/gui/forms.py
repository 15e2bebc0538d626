"""Form views: what every section's page shares, the header form, and :func:`make_page`.

Each page shows what the session holds and hands what the clerk typed to the
controller; none of them computes anything. The other kinds have a module
each (``narrative_page``, ``table_page``, ``figures_page``), loaded with the
first page of their kind.

The header form is the first page a clerk sees, so the code it runs before
the first paint does not name PySide6's ``Qt`` namespace (see
:mod:`dtdesk.gui.main_window`); the other pages import ``Qt`` where they use it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from dtdesk.core.formats import date_short
from dtdesk.core.report import fill
from dtdesk.core.rules import Problem
from dtdesk.core.template import Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import bind
from dtdesk.store.session import Cell

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


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("font-size: 13pt; font-weight: bold;")
    return label


def hint_label(source: str) -> QLabel:
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
            keep = self.editor.hasFocus()  # the clerk's place (undo, redo); a page being built has none
            cursor = self.editor.textCursor().position() if keep else 0
            self.editor.setPlainText(text)
            if keep:
                c = self.editor.textCursor()
                c.setPosition(min(cursor, len(text)))
                self.editor.setTextCursor(c)
            self._loading = False


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


def make_page(controller: Controller, section: Section) -> Page | None:
    """The form of a section; each kind's module loads with its first page (only the header's is needed at start)."""
    if section.kind == "text":
        from dtdesk.gui.narrative_page import NarrativePage

        return NarrativePage(controller, section)
    if section.kind in ("unit_table", "fixed_table"):
        from dtdesk.gui.table_page import TablePage

        return TablePage(controller, section)
    if section.kind == "figures":
        from dtdesk.gui.figures_page import FiguresPage

        return FiguresPage(controller, section)
    return None
