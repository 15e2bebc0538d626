"""One generic table model for every table section (unit rows or fixed rows).

Rows are exactly :meth:`ReportData.table_rows` (what is printed); columns are
"TT", the row label, then the section's fields. Computed columns, group and
total rows are read-only; bool fields are checkboxes (the checklist).

A heading says what its numbers count (the template's ``unit``: "tin,
bài/tuần") and that they are whole numbers; a column showing another
section's values (``ref``) says which, and :meth:`ReportTableModel.source`
is where a double-click on it leads. Cells show numbers as typed (9, not the
printed 09). A typed entry the controller refuses stays in its cell, marked,
with the reason as the cell's tooltip, until the clerk retypes or clears it
(or the stored value changes under it, an undo): nothing typed vanishes.
``MARK_ROLE`` says which mark a cell carries ("error", "warning"), so the view
can keep it visible under the selection colour.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from dtdesk.core.report import fill
from dtdesk.core.template import Field, Section
from dtdesk.gui.controller import Controller
from dtdesk.gui.i18n import said, tr
from dtdesk.core.values import Cell, show, typed

COMPUTED_BG = QColor("#ececec")
GROUP_BG = QColor("#f4f6fa")
ERROR_BG = QColor("#f8c6c6")
WARNING_BG = QColor("#fff1b8")
FIXED = 2  # columns before the fields: TT, label
MARK_ROLE = Qt.ItemDataRole.UserRole + 1  # "error" or "warning" for a marked cell, else None


class Place(NamedTuple):
    """A cell to show, as the window's ``jump_to`` takes it (like a Problem's section, unit, row, field)."""

    section: str
    unit: str
    row: str = ""
    field: str = ""


class Rejected(NamedTuple):
    """What a clerk typed into a cell and why it was refused, with the value stored under it then."""

    text: str
    reason: str
    stored: object


class ReportTableModel(QAbstractTableModel):
    rejected = Signal(QModelIndex, str)  # a cell's entry was refused: the index and the sentence why

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
        self._rejected: dict[Cell, Rejected] = {}
        self.reload(reset=True)

    # -- data from the session ---------------------------------------------------
    def reload(self, reset: bool = False) -> None:
        rows = self.controller.data.table_rows(self.section)
        self._shown = {}
        session = self.controller.session
        self._rejected = {c: r for c, r in self._rejected.items() if session.value(c) == r.stored}
        problems: dict[tuple[str, str, str], tuple[str, str]] = {}
        for p in self.controller.problems_of(self.section.id):
            for field_id in dict.fromkeys((p.field, *p.fields)):  # every cell the rule reads is marked
                key = (p.unit, p.row, field_id)
                level, message = problems.get(key, ("warning", ""))
                level = "error" if p.is_error or level == "error" else "warning"
                problems[key] = (level, f"{message}\n{said(p.message)}".strip())
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
            return "\n".join(filter(None, (field.label, field.number, self.measure(field))))
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED:
            field = self.fields[section - FIXED]
            return "\n".join(filter(None, (field.hint or field.label, self.measure_tip(field))))
        return None

    # -- what a column holds ---------------------------------------------------------
    def source(self, field: Field) -> Section | None:
        """The section a ``ref`` column's values are typed in, or None for a column of its own."""
        return self.controller.data.template.section(field.ref_section) if field.ref else None

    def source_title(self, field: Field) -> str:
        source = self.source(field)
        return fill(source.label, self.controller.data.words) if source is not None else ""

    def measure(self, field: Field) -> str:
        """The heading's last line: the unit, whole numbers, or where the values come from."""
        if field.ref:
            return tr("(từ «{section}»)", section=self.source_title(field))
        if field.unit and field.type == "int" and not field.computed:
            return tr("({unit}, số nguyên)", unit=field.unit)
        return f"({field.unit})" if field.unit else ""

    def measure_tip(self, field: Field) -> str:
        if field.ref:
            return tr("Lấy từ bảng «{section}»; bấm đúp vào ô để sửa ở đó.", section=self.source_title(field))
        if field.type == "int" and not field.computed:
            example = f"28{field.suffix}" if field.suffix else "1.671"
            return tr("Chỉ nhập số nguyên, không có phần thập phân (ví dụ {example}).", example=example)
        return ""

    def place_of_source(self, index: QModelIndex) -> Place | None:
        """Where the value of a ``ref`` column's cell is typed (its section, same unit), or None."""
        field = self.field_at(index.column()) if index.isValid() else None
        if field is None or not field.ref:
            return None
        row = self._rows[index.row()]
        return Place(field.ref_section, row.unit if row.kind == "data" else "", "", field.ref_field)

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
            if rejected := self.rejected_at(index):
                return rejected.text
            key = (index.row(), column)
            text = self._shown.get(key)
            if text is None:
                text = self._shown[key] = show(field, value, padded=False)
            return text
        if role == Qt.ItemDataRole.EditRole:
            if field is None:
                return None
            if rejected := self.rejected_at(index):
                return rejected.text  # back in the editor, to be corrected
            return typed(field, value)  # the number alone ("33", not "33 tin, bài/tuần")
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
        rejected = self.rejected_at(index)
        if rejected is not None:  # the refused entry comes before the stored value's problems
            problem = ("error", tr("Chưa lưu «{entry}»: {reason}", entry=rejected.text, reason=rejected.reason))
        if role == MARK_ROLE:
            return problem[0] if problem else None
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
            if field is not None and field.ref:
                return self.measure_tip(field)
            if field is not None and field.computed:
                return tr("Cột tự tính, không sửa được.")
            return None
        return None

    # -- refused entries -------------------------------------------------------------
    def rejected_at(self, index: QModelIndex) -> Rejected | None:
        cell = self.cell(index) if self._rejected else None
        return self._rejected.get(cell) if cell is not None else None

    def reject(self, index: QModelIndex, text: str, reason: str) -> None:
        """Keep a refused entry in its cell with the reason, and say so at the cell (``rejected``)."""
        cell = self.cell(index)
        self._rejected[cell] = Rejected(text, reason, self.controller.session.value(cell))
        self.dataChanged.emit(index, index)
        self.rejected.emit(index, reason)

    def forget(self, cells) -> None:
        """Written over (a paste, a clear): these cells' refused entries go."""
        dropped = [c for c in cells if self._rejected.pop(c, None) is not None]
        if dropped:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if cell is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            return self.controller.edit(cell, bool(checked))
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        if self.controller.edit(cell, text):
            self.forget([cell])
            return True
        if not self.controller.read_only:
            self.reject(index, text, self.controller.last_refusal)
        return False
