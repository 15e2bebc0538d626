"""A small read-only table model: rows of display strings, with optional colours and tooltips.

Used by the import dialog (files, changes) and the completeness view. Header
labels are source strings passed through :func:`~dtdesk.gui.i18n.tr` when
shown, so a language switch only needs ``headerDataChanged``
(:meth:`RowsModel.retranslate`). ``set_rows`` replaces everything (a model
reset); each :class:`Row` may carry a background, a foreground and a tooltip
for the whole row, per-cell overrides, and any Python object as ``payload``
(returned for ``Qt.UserRole``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from dtdesk.gui.i18n import tr


@dataclass
class Row:
    cells: Sequence[str]
    background: QColor | None = None
    foreground: QColor | None = None
    tooltip: str | None = None
    cell_background: dict[int, QColor] = field(default_factory=dict)
    cell_tooltip: dict[int, str] = field(default_factory=dict)
    align: dict[int, Qt.AlignmentFlag] = field(default_factory=dict)
    payload: object = None


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[Row] = []

    # -- content ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, r: int) -> Row:
        return self._rows[r]

    def text(self, r: int, column: int) -> str:
        """The display text of a cell ("" past the row's cells)."""
        cells = self._rows[r].cells
        return str(cells[column]) if column < len(cells) else ""

    def column_texts(self, column: int) -> list[str]:
        return [self.text(r, column) for r in range(len(self._rows))]

    def retranslate(self) -> None:
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return tr(self.headers[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.cell_tooltip.get(column, row.tooltip)
            return tip or None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = row.cell_background.get(column, row.background)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(row.foreground) if row.foreground is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = row.align.get(column)
            return int(align) if align is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return row.payload
        return None


def table_defaults(view) -> None:
    """The look every read-only list table of the exchange widgets shares."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
