"""What every section's form shares: the base :class:`Page`, the text committer, labels and marks.

A page shows what the session holds and hands what the clerk typed to the
controller; none of them computes anything. The page modules (``forms`` for
the header, ``narrative_page``, ``table_page``, ``figures_page``) build on
this module and never on each other.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QWidget

from dtdesk.core.report import fill
from dtdesk.core.rules import Problem
from dtdesk.core.template import Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import bind, said
from dtdesk.core.values import Cell

IDLE_MS = 1200  # a narrative is committed after this much quiet typing
FIGURE_IDLE_MS = 600
CTRL_Y = QKeySequence("Ctrl+Y")  # Redo as most Windows programs spell it, beside the platform's own
INVALID_STYLE = "background: #f8c6c6;"
WARNING_STYLE = "background: #fff1b8;"


def section_label(section: Section, data) -> str:
    """The section's numbered title as the outline shows it, its placeholders filled for the open report."""
    return fill(section.label, data.words)


def mark(widget: QWidget, problem: Problem | None, refusal: str = "") -> None:
    """Colour and tooltip of an input: a refused entry still shown first, then the current problem, else plain.

    Called on every refresh, so a mark never outlives the problem or the
    refused text it stands for (a fix, an undo, a retype clear it).
    """
    if refusal:
        style, tip = INVALID_STYLE, refusal
    elif problem is not None:
        style, tip = (INVALID_STYLE if problem.is_error else WARNING_STYLE), said(problem.message)
    else:
        style, tip = "", ""
    widget.setStyleSheet(style)
    widget.setToolTip(tip)


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
            # Ctrl+Z / Ctrl+Y here mean the app's one history: commit what was typed, then step it.
            stack = self.controller.undo_stack
            if event.matches(QKeySequence.StandardKey.Undo):
                self.commit()
                stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination()) == CTRL_Y:
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
        self.refusals: dict[str, str] = {}  # field id → why the text its input still shows was refused

    def set_read_only(self) -> None:
        """No input takes typing and no button acts: the file is open in another window (the window says so)."""
        for kind in (QLineEdit, QPlainTextEdit, QAbstractItemView):
            for editor in self.findChildren(kind):
                if not isinstance(editor, QAbstractItemView):
                    editor.setReadOnly(True)
                palette = editor.palette()  # the window's grey where typing would go: visibly not for typing
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                editor.setPalette(palette)
        for button in self.findChildren(QAbstractButton):
            button.setEnabled(False)

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


