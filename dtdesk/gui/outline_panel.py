"""The outline: the report's sections as a tree, each marked with its problems.

The tree is the template's own outline (each section's ``parent`` and
``label``, see :func:`dtdesk.core.template._outline`): headings group, every
other section opens its form. Choosing a section emits ``section_chosen``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from dtdesk.core.rules import Problem
from dtdesk.gui.i18n import tr
from dtdesk.gui.page import section_label
from dtdesk.gui.problems_panel import counts_text

SECTION_ROLE = Qt.ItemDataRole.UserRole  # the section id of an item that opens a form
MARK_ROLE = Qt.ItemDataRole.UserRole + 1  # "error", "warning" or "": its problem mark (tests, screen readers)
FORM_KINDS = ("text", "figures", "unit_table", "fixed_table")


class OutlinePanel(QObject):
    section_chosen = Signal(str)

    def __init__(self, tree: QTreeWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.tree = tree
        self.items: dict[str, QTreeWidgetItem] = {}  # section id → item, for sections with a form
        style = tree.style()
        blank = QPixmap(16, 16)
        blank.fill(Qt.GlobalColor.transparent)
        self.icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                      "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                      "": QIcon(blank)}  # a blank mark keeps titles aligned with marked ones
        tree.currentItemChanged.connect(self._current_changed)

    def build(self, data) -> None:
        """The outline of the open report (``data``: its :class:`~dtdesk.core.report.ReportData`)."""
        current = self.current_section()
        self.tree.blockSignals(True)
        self.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        header = QTreeWidgetItem([tr("Phần đầu")])
        header.setData(0, SECTION_ROLE, "header")
        self.tree.addTopLevelItem(header)
        self.items["header"] = header
        headings: dict[str, QTreeWidgetItem] = {}
        for section in data.template.sections:
            if section.kind != "heading" and section.kind not in FORM_KINDS:
                continue
            label = section_label(section, data)
            item = QTreeWidgetItem([label])
            if section.kind == "heading":
                item.setFont(0, bold)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # groups, never opens a form
                headings[section.id] = item
            else:
                if not section.printed:
                    label += " " + tr("(không in)")
                    item.setText(0, label)
                item.setData(0, SECTION_ROLE, section.id)
                item.setToolTip(0, label)
                self.items[section.id] = item
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
        self.items = {}
        self.tree.clear()

    def mark(self, problems: list[Problem]) -> None:
        """Each section's mark and tooltip from the current problems (a section without any is cleared)."""
        found: dict[str, list[Problem]] = {}
        for problem in problems:
            found.setdefault(problem.section, []).append(problem)
        for section_id, item in self.items.items():
            own = found.get(section_id, [])
            level = "error" if any(p.is_error for p in own) else ("warning" if own else "")
            item.setIcon(0, self.icons[level])
            item.setData(0, MARK_ROLE, level)
            tip = item.text(0)
            item.setToolTip(0, f"{tip}\n{counts_text(own)}" if own else tip)

    def select(self, section_id: str) -> bool:
        item = self.items.get(section_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def current_section(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, SECTION_ROLE) if item is not None else None

    def _current_changed(self, current, _previous) -> None:
        section_id = current.data(0, SECTION_ROLE) if current is not None else None
        if section_id:
            self.section_chosen.emit(section_id)
