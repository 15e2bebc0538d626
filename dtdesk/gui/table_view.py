"""A table view that moves like Excel: Enter goes down, Tab goes right, typing
replaces the cell, Ctrl+V pastes a tab-separated block, Delete clears.

A refused entry is explained where it was typed, in a tooltip at the cell
(the model keeps the text and the mark), and a marked cell keeps a border of
its mark's colour when selected, where the selection colour hides its
background; a double-click on a column that shows another section's values
asks the window to go there."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QKeySequence, QPen
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate,
                               QTableView, QToolTip)

from dtdesk.core.values import ParseError, parse
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.table_model import FIXED, MARK_ROLE, ReportTableModel

WIDEST_SAMPLE = "28"  # a typical number beside a unit printed in the cell: "28 tin, bài/tuần" must fit
MARK_BORDER = {"error": QColor("#c62828"), "warning": QColor("#b7791f")}  # darker than the backgrounds: seen on blue


class MarkDelegate(QStyledItemDelegate):
    """Paints a selected cell's error or warning mark as a border inside it: selected, a refused entry stays red."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        colour = MARK_BORDER.get(index.data(MARK_ROLE))
        if colour is None or not option.state & QStyle.StateFlag.State_Selected:
            return
        painter.save()
        painter.setPen(QPen(colour, 3))
        painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


class ReportTableView(QTableView):
    def __init__(self, model: ReportTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(MarkDelegate(self))
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setHighlightSections(False)
        self.layout_columns()
        model.rejected.connect(self.explain)
        self.doubleClicked.connect(self.follow_reference)
        header.sectionDoubleClicked.connect(lambda column: self.follow_reference(
            model.index(max(0, self.currentIndex().row()), column)))

    def table_model(self) -> ReportTableModel:
        return self.model()

    def layout_columns(self) -> None:
        model = self.table_model()
        metrics = QFontMetrics(self.font())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, metrics.horizontalAdvance("1.10") + 24)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in range(FIXED, model.columnCount()):
            field = model.field_at(column)
            advance = metrics.horizontalAdvance(field.label)
            # a short label on one line; a long one wrapped over about three lines
            width = advance + 24 if advance + 24 <= 180 else max(110, min(170, advance // 3 + 24))
            # never narrower than a number with its printed unit, nor than the heading's unit line
            fitted = max(metrics.horizontalAdvance(WIDEST_SAMPLE + field.suffix),
                         min(170, metrics.horizontalAdvance(model.measure(field)))) + 24
            self.setColumnWidth(column, max(width, fitted))
        header.setMinimumHeight(max([metrics.lineSpacing() + 10]
                                    + [self._heading_height(column) for column in range(FIXED, model.columnCount())]))
        # Row heights once (long unit names wrap), not on every edit: ResizeToContents re-measures all rows.
        self.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 8)
        QTimer.singleShot(0, self.resizeRowsToContents)

    def _heading_height(self, column: int) -> int:
        """The column's heading (label, number, unit) wrapped at the column's width as the header draws it: the
        header is as tall as its tallest heading, which an estimate from the label's length fell short of."""
        header = self.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        text = self.model().headerData(column, Qt.Orientation.Horizontal)
        area = QRect(0, 0, self.columnWidth(column) - 2 * margin, 10_000)
        wrapped = header.fontMetrics().boundingRect(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        return wrapped.height() + 2 * margin + 4

    # -- saying and going -----------------------------------------------------------
    def explain(self, index: QModelIndex, reason: str) -> None:
        """A refused entry's reason, at its cell (the status bar says it too, but far from the eye)."""
        rect = self.visualRect(index)
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), reason, self.viewport(), rect, 10000)

    def follow_reference(self, index: QModelIndex) -> None:
        """On a column showing another section's values: ask the window to show where they are typed."""
        model = self.table_model()
        place = model.place_of_source(index)
        if place is not None:
            model.controller.focus_requested.emit(place)

    # -- moving ------------------------------------------------------------------
    def _move(self, d_row: int, d_col: int) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid():
            self.setCurrentIndex(model.index(0, FIXED))
            return
        row, col = current.row(), current.column()
        if d_col:
            col += d_col
            if col >= model.columnCount():
                col, row = FIXED, row + 1
            elif col < FIXED:
                col, row = model.columnCount() - 1, row - 1
        row = max(0, min(model.rowCount() - 1, row + d_row))
        col = max(0, min(model.columnCount() - 1, col))
        self.setCurrentIndex(model.index(row, col))

    def closeEditor(self, editor, hint):
        move = {QAbstractItemDelegate.EndEditHint.EditNextItem: (0, 1),
                QAbstractItemDelegate.EndEditHint.EditPreviousItem: (0, -1),
                QAbstractItemDelegate.EndEditHint.SubmitModelCache: (1, 0)}.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move:
            self._move(*move)

    def keyPressEvent(self, event):
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                return
            if key == Qt.Key.Key_Tab:
                self._move(0, 1)
                return
            if key == Qt.Key.Key_Backtab:
                self._move(0, -1)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection()
                return
            if key == Qt.Key.Key_Space:
                index = self.currentIndex()
                field = self.table_model().field_at(index.column()) if index.isValid() else None
                if field is not None and field.type == "bool" and self.table_model().cell(index):
                    checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                    self.model().setData(index, not checked, Qt.ItemDataRole.CheckStateRole)
                    return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next_):
        # Tab stays inside the table, as in a spreadsheet.
        if self.state() != QAbstractItemView.State.EditingState and self.hasFocus():
            self._move(0, 1 if next_ else -1)
            return True
        return super().focusNextPrevChild(next_)

    # -- clipboard -----------------------------------------------------------------
    def paste(self, text: str) -> bool:
        """Fill cells from a tab-separated block starting at the current cell (one undo step)."""
        model = self.table_model()
        start = self.currentIndex()
        if not start.isValid() or not text:
            return False
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        cells = {}
        for r, line in enumerate(lines):
            for c, part in enumerate(line.split("\t")):
                index = model.index(start.row() + r, start.column() + c)
                cell = model.cell(index)
                if cell is not None:
                    field = model.field_at(index.column())
                    cells[cell] = part.strip() if field.type != "bool" else part.strip()
        if not cells:
            model.controller.refuse(tr("Không có ô nào nhập được ở chỗ dán."))
            return False
        values = model.controller.parse_block(cells)
        if values is None:
            self._mark_refused(cells)
            return False
        model.controller.put_many(values, tr("Dán {n} ô", n=len(values)))
        model.forget(values)
        return True

    def _mark_refused(self, cells: dict) -> None:
        """After a refused paste (nothing written): the first cell refused keeps its text, marked, and says why."""
        model = self.table_model()
        for cell, text in cells.items():
            try:
                parse(model.controller.session.field(cell.key), text)
            except ParseError as exc:
                index = model.locate(cell.unit, cell.row, cell.key.partition(".")[2])
                model.reject(index, text, said(exc))
                return

    def clear_selection(self) -> None:
        model = self.table_model()
        cells = {cell: None for index in self.selectedIndexes() if (cell := model.cell(index)) is not None}
        if cells:
            model.controller.put_many(cells, tr("Xóa {n} ô", n=len(cells)))
            model.forget(cells)

    def copy(self) -> None:
        indexes = sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return
        rows: dict[int, list[str]] = {}
        for index in indexes:
            rows.setdefault(index.row(), []).append(index.data(Qt.ItemDataRole.DisplayRole) or "")
        QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in rows.values()))

    def focus_cell(self, unit: str, row: str, field: str) -> None:
        index = self.table_model().locate(unit, row, field)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.setFocus()
