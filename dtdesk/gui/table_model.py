"""One generic table model for every table section (unit rows or fixed rows).

Rows are exactly :meth:`ReportData.table_rows` (what is printed); columns are
"TT", the row label, then the section's fields. Computed columns, group and
total rows are read-only; bool fields are checkboxes (the checklist).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from dtdesk.core.template import Field, Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import tr
from dtdesk.core.values import Cell, show

COMPUTED_BG = QColor("#ececec")
GROUP_BG = QColor("#f4f6fa")
ERROR_BG = QColor("#f8c6c6")
WARNING_BG = QColor("#fff1b8")
FIXED = 2  # columns before the fields: TT, label


class ReportTableModel(QAbstractTableModel):
    def __init__(self, controller: Controller, section: Section, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.section = section
        self.fields: tuple[Field, ...] = section.fields
        self._bold = QFont()
        self._bold.setBold(True)
        self._rows = []
        self._shown: dict[tuple[int, int], str] = {}  # display texts, cleared on reload
        self._problems: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.reload(reset=True)

    # -- data from the session ---------------------------------------------------
    def reload(self, reset: bool = False) -> None:
        rows = self.controller.data.table_rows(self.section)
        self._shown = {}
        problems: dict[tuple[str, str, str], tuple[str, str]] = {}
        for p in self.controller.problems_of(self.section.id):
            for field_id in dict.fromkeys((p.field, *p.fields)):  # every cell the rule reads is marked
                key = (p.unit, p.row, field_id)
                level, message = problems.get(key, ("warning", ""))
                level = "error" if p.is_error or level == "error" else "warning"
                problems[key] = (level, f"{message}\n{p.message}".strip())
        if reset or len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows, self._problems = rows, problems
            self.endResetModel()
        else:
            self._rows, self._problems = rows, problems
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))

    def table_row(self, row: int):
        return self._rows[row]

    def field_at(self, column: int) -> Field | None:
        return self.fields[column - FIXED] if column >= FIXED else None

    def cell(self, index: QModelIndex) -> Cell | None:
        """Where the value of an editable index is stored, or None."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        field = self.field_at(index.column())
        if field is None or field.computed or row.kind != "data":
            return None
        return Cell(row.unit, self.section.key(field.id), row.row)

    def locate(self, unit: str, row_id: str, field_id: str) -> QModelIndex:
        for r, row in enumerate(self._rows):
            if row.kind == "data" and row.unit == unit and row.row == row_id:
                column = next((FIXED + i for i, f in enumerate(self.fields) if f.id == field_id), FIXED)
                return self.index(r, column)
        return QModelIndex()

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else FIXED + len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.section.index_label
            if section == 1:
                return self.section.name_label or ""
            field = self.fields[section - FIXED]
            return f"{field.label}\n{field.number}" if field.number else field.label
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED:
            field = self.fields[section - FIXED]
            return field.hint or field.label
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell(index) is not None and not self.controller.read_only:
            field = self.field_at(index.column())
            flags |= Qt.ItemFlag.ItemIsUserCheckable if field.type == "bool" else Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        field = self.field_at(column)
        value = row.values.get(field.id) if field else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.number
            if column == 1:
                return row.label
            if field.type == "bool" and not field.computed:
                return None
            key = (index.row(), column)
            text = self._shown.get(key)
            if text is None:
                text = self._shown[key] = show(field, value)
            return text
        if role == Qt.ItemDataRole.EditRole:
            if field is None:
                return None
            text = "" if value is None else show(field, value)
            # the editor holds the number alone ("33", not "33 tin, bài/tuần")
            return text[: -len(field.suffix)] if field.suffix and text.endswith(field.suffix) else text
        if role == Qt.ItemDataRole.CheckStateRole:
            if field is not None and field.type == "bool" and not field.computed and row.kind == "data":
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 1:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if column == 0 or (field is not None and field.format == "mark"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.kind != "data":
            return self._bold
        problem = self._problems.get((row.unit, row.row, field.id)) if field and row.kind == "data" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if problem:
                return QBrush(ERROR_BG if problem[0] == "error" else WARNING_BG)
            if row.kind != "data":
                return QBrush(GROUP_BG)
            if field is not None and field.computed:
                return QBrush(COMPUTED_BG)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem[1]
            if column == 1:
                return row.label
            if field is not None and field.computed:
                return tr("Cột tự tính, không sửa được.")
            return None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if cell is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return self.controller.edit(cell, bool(checked))
        if role != Qt.ItemDataRole.EditRole:
            return False
        return self.controller.edit(cell, "" if value is None else str(value))
