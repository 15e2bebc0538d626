"""The outline: the report's sections as a tree, each marked with its problems.

The tree is the template's own outline (each section's ``parent`` and
``label``, see :func:`dtdesk.core.template._outline`): every section with a
form is an item, under the headings that group them. Choosing a section
emits ``section_chosen``; choosing a heading changes nothing. The panel knows which item is which section itself
(``items``), so the tree needs no item data roles.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from dtdesk.core.rules import Problem
from dtdesk.gui.i18n import tr
from dtdesk.gui.page import section_label
from dtdesk.gui.problems_panel import counts_text, problem_icons

FORM_KINDS = ("text", "figures", "unit_table", "fixed_table")


class OutlinePanel(QObject):
    section_chosen = Signal(str)

    def __init__(self, tree: QTreeWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.tree = tree
        self.items: dict[str, QTreeWidgetItem] = {}  # section id → item, for sections with a form
        self.sections: dict[QTreeWidgetItem, str] = {}  # the other way round
        self.marks: dict[str, str] = {}  # section id → "error", "warning" or "" once the rules have run
        self.icons: dict[str, QIcon] = {}  # made with the first marks
        tree.currentItemChanged.connect(self._current_changed)

    def build(self, data) -> None:
        """The outline of the open report (``data``: its :class:`~dtdesk.core.report.ReportData`)."""
        current = self.current_section()
        self.tree.blockSignals(True)
        self.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        header = QTreeWidgetItem([tr("Phần đầu")])
        self.tree.addTopLevelItem(header)
        self.items["header"], self.sections[header] = header, "header"
        headings: dict[str, QTreeWidgetItem] = {}
        for section in data.template.sections:
            if section.kind != "heading" and section.kind not in FORM_KINDS:
                continue
            label = section_label(section, data)
            item = QTreeWidgetItem([label])
            if section.kind == "heading":
                item.setFont(0, bold)
                headings[section.id] = item
            else:
                if not section.printed:
                    label += " " + tr("(không in)")
                    item.setText(0, label)
                item.setToolTip(0, label)
                self.items[section.id], self.sections[item] = item, section.id
            parent = headings.get(section.parent)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
        self.tree.expandAll()
        if current in self.items:
            self.tree.setCurrentItem(self.items[current])
        self.tree.blockSignals(False)

    def clear(self) -> None:
        self.items, self.sections, self.marks = {}, {}, {}
        self.tree.clear()

    def mark(self, problems: list[Problem]) -> None:
        """Each section's mark and tooltip from the current problems (a section without any is cleared)."""
        if not self.icons:
            blank = QPixmap(16, 16)
            blank.fill(QColor(0, 0, 0, 0))
            self.icons = {**problem_icons(self.tree), "": QIcon(blank)}  # a blank keeps titles aligned
        found: dict[str, list[Problem]] = {}
        for problem in problems:
            found.setdefault(problem.section, []).append(problem)
        for section_id, item in self.items.items():
            own = found.get(section_id, [])
            level = "error" if any(p.is_error for p in own) else ("warning" if own else "")
            item.setIcon(0, self.icons[level])
            self.marks[section_id] = level
            tip = item.text(0)
            item.setToolTip(0, f"{tip}\n{counts_text(own)}" if own else tip)

    def select(self, section_id: str) -> bool:
        item = self.items.get(section_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def current_section(self) -> str | None:
        return self.sections.get(self.tree.currentItem())

    def _current_changed(self, current, _previous) -> None:
        if current in self.sections:  # a heading only groups: the form on screen stays
            self.section_chosen.emit(self.sections[current])
