"""The problems panel: the open report's rule errors and warnings as a list model, and the view that shows it.

:class:`ProblemsModel` holds exactly the problems the rules gave last, errors
first (a clerk fixes what blocks the report before what may be a slip); the
panel replaces them whole after every check, so a line never outlives its
problem. Lines wrap: a message is never cut short. Choosing a line emits
``chosen`` with its problem; the window jumps to the cell. The list fills
when the rules first run, after the window's first paint (see
:mod:`dtdesk.gui.main_window`).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QListView, QWidget

from dtdesk.core.rules import Problem
from dtdesk.gui.i18n import said, tr

def problem_icons(widget: QWidget) -> dict[str, QIcon]:
    """The platform style's error and warning marks, made with the first problems (after the first paint).

    ``QStyle`` is imported here, not with the module: its Python class builds some 570 enum members, about a
    tenth of what a bare window costs to start, and nothing before the first paint needs it.
    """
    from PySide6.QtWidgets import QStyle

    style = widget.style()
    return {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}


def counts_text(problems: list[Problem]) -> str:
    """"2 lỗi, 1 cảnh báo": how the panel's title and the outline's tooltips count problems."""
    errors = sum(p.is_error for p in problems)
    return tr("{errors} lỗi, {warnings} cảnh báo", errors=errors, warnings=len(problems) - errors)


class ProblemsModel(QAbstractListModel):
    """One line per problem, errors then warnings, each in the rules' order; one unselectable line when there is none."""

    def __init__(self, widget: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.checked = False  # no line at all until the rules have run once
        self.widget = widget  # whose style draws the marks
        self.icons: dict[str, QIcon] = {}

    def set_problems(self, problems: list[Problem] | None) -> None:
        """The problems to show; None before the rules have run (an empty list: they found nothing)."""
        if problems is not None and not self.icons:
            self.icons = problem_icons(self.widget)
        self.beginResetModel()
        self.problems = sorted(problems or [], key=lambda p: not p.is_error)  # stable: the rules' order within each
        self.checked = problems is not None
        self.endResetModel()

    def problem(self, row: int) -> Problem | None:
        return self.problems[row] if 0 <= row < len(self.problems) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or not self.checked:
            return 0
        return max(1, len(self.problems))

    def flags(self, index):
        if self.problem(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role):
        if not index.isValid():
            return None
        problem = self.problem(index.row())
        if problem is None:
            return tr("Không có lỗi hay cảnh báo nào.") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = tr("Lỗi") if problem.is_error else tr("Cảnh báo")
            return f"{prefix}: {said(problem.message)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return said(problem.message)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons[problem.level]
        return None

    def retranslate(self) -> None:
        """The prefixes and the "no problems" line in the current language."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))


class ProblemsPanel(QObject):
    """The list of problems under the form and its title with the counts."""

    chosen = Signal(object)  # the Problem of the line clicked or activated

    def __init__(self, view: QListView, title: QLabel, parent: QObject | None = None):
        super().__init__(parent)
        self.view, self.title = view, title
        self.model = ProblemsModel(view, self)
        view.setModel(self.model)
        # whole messages: wrapped to the panel's width and re-laid when it changes, never elided
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.clicked.connect(self._chosen)
        view.activated.connect(self._chosen)

    def show_problems(self, problems: list[Problem] | None) -> None:
        self.model.set_problems(problems)
        self.retranslate()

    def retranslate(self) -> None:
        problems = self.model.problems
        self.title.setText(tr("Lỗi và cảnh báo") + (f" ({counts_text(problems)})" if problems else ""))
        self.model.retranslate()

    def lines(self) -> list[str]:
        """The texts of the lines as shown (what a reader of the panel sees)."""
        return [self.model.index(row).data() for row in range(self.model.rowCount())]

    def _chosen(self, index) -> None:
        problem = self.model.problem(index.row())
        if problem is not None:
            self.chosen.emit(problem)
