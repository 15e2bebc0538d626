"""The import dialog: pick submission files, see what each would change, import.

Self-contained: ``ImportDialog(ws, paths=None, parent=None).exec()``. The
dialog plans the files (:func:`dtdesk.exchange.importer.plan_import`, nothing
written), lists one row per file (unit, revision, outcome, number of changes
and conflicts) and, for the selected file, every change old → new with the
conflicts marked. "Nhập" commits the accepted files in one transaction
(:func:`dtdesk.exchange.importer.commit`); ``imported`` then holds how many
were imported and the ``importedFiles`` signal carries that number, so the
caller can refresh its session (``session.refresh()``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from dtdesk.exchange import manifest as mf
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, PLANNED, REJECTED, FilePlan, commit, plan_import
from dtdesk.gui.i18n import tr
from dtdesk.store.workspace import Workspace, WorkspaceError

CONFLICT = QColor("#fde2e1")
REJECTED_COLOUR = QColor("#a61b1b")


def _shown(value) -> str:
    if value is None:
        return "—"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:79] + "…"


class ImportDialog(QDialog):
    importedFiles = Signal(int)

    def __init__(self, ws: Workspace, paths: list[str | Path] | None = None, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.paths: list[Path] = []
        self.plans: list[FilePlan] = []
        self.imported = 0
        self.setWindowTitle(tr("Nhập tệp nộp báo cáo"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.info = QLabel(tr("Chọn các tệp nộp (*.dtdesk.sqlite) của đơn vị cấp dưới. Xem trước thay đổi rồi bấm "
                              "«Nhập»; tệp bị từ chối không làm thay đổi gì."))
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        picks = QHBoxLayout()
        self.add_files_button = QPushButton(tr("Thêm tệp…"))
        self.add_folder_button = QPushButton(tr("Thêm thư mục…"))
        picks.addWidget(self.add_files_button)
        picks.addWidget(self.add_folder_button)
        picks.addStretch(1)
        layout.addLayout(picks)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.files = QTableWidget(0, 6)
        self.files.setHorizontalHeaderLabels([tr("Tệp"), tr("Đơn vị"), tr("Lần nộp"), tr("Kết quả"),
                                              tr("Thay đổi"), tr("Xung đột")])
        self._table_defaults(self.files)
        self.changes = QTableWidget(0, 5)
        self.changes.setHorizontalHeaderLabels([tr("Đơn vị"), tr("Số liệu"), tr("Dòng"), tr("Hiện có"),
                                                tr("Trong tệp")])
        self._table_defaults(self.changes)
        splitter.addWidget(self.files)
        splitter.addWidget(self.changes)
        layout.addWidget(splitter, 1)

        self.keep_local = QCheckBox(tr("Khi xung đột, giữ số liệu đã nhập tay tại đây"))
        layout.addWidget(self.keep_local)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(tr("Nhập"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.add_files_button.clicked.connect(self._pick_files)
        self.add_folder_button.clicked.connect(self._pick_folder)
        self.import_button.clicked.connect(self.do_import)
        self.files.currentCellChanged.connect(lambda row, *_: self._show_changes(row))
        if getattr(ws, "read_only", False):
            self.import_button.setToolTip(getattr(ws, "notice", "") or tr("Tệp đang mở ở chế độ chỉ đọc."))
        if paths:
            self.add_paths(paths)
        else:
            self._refresh()

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    # -- choosing files ----------------------------------------------------------
    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("Chọn tệp nộp"), "",
                                                tr("Tệp nộp dtdesk") + f" (*{mf.SUFFIX} *.sqlite)")
        if names:
            self.add_paths(names)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Chọn thư mục chứa tệp nộp"))
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: list[str | Path]) -> None:
        """Add files or folders and plan them all again (nothing is written)."""
        for p in map(Path, paths):
            if p not in self.paths:
                self.paths.append(p)
        self.replan()

    def replan(self) -> None:
        try:
            self.plans = plan_import(self.ws, self.paths) if self.paths else []
        except WorkspaceError as exc:
            self.plans = []
            self.summary.setText(str(exc))
        self._refresh()

    # -- showing plans -------------------------------------------------------------
    def _outcome(self, plan: FilePlan) -> str:
        return {PLANNED: tr("Sẽ nhập"), IMPORTED: tr("Đã nhập"), DUPLICATE: tr("Đã nhập trước đó"),
                REJECTED: tr("Từ chối")}[plan.status]

    def _refresh(self) -> None:
        self.files.setRowCount(len(self.plans))
        for row, plan in enumerate(self.plans):
            sub = plan.submission
            accepted = plan.status in (PLANNED, IMPORTED)
            cells = [plan.path.name, sub.unit if sub else "", f"r{sub.revision}" if sub else "",
                     self._outcome(plan), str(len(plan.changes)) if accepted else "",
                     str(len(plan.conflicts)) if accepted else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plan.message or text)
                if plan.status == REJECTED:
                    item.setForeground(QBrush(REJECTED_COLOUR))
                elif accepted and plan.conflicts and col == 5:
                    item.setBackground(QBrush(CONFLICT))
                self.files.setItem(row, col, item)
        counts = {s: sum(p.status == s for p in self.plans) for s in (PLANNED, IMPORTED, DUPLICATE, REJECTED)}
        if self.plans:
            self.summary.setText(tr("{n} tệp: {planned} sẽ nhập, {imported} đã nhập, {dup} đã nhập trước đó, "
                                    "{rej} bị từ chối.", n=len(self.plans), planned=counts[PLANNED],
                                    imported=counts[IMPORTED], dup=counts[DUPLICATE], rej=counts[REJECTED]))
        self.import_button.setEnabled(counts[PLANNED] > 0 and not getattr(self.ws, "read_only", False))
        if self.plans:
            self.files.selectRow(max(0, self.files.currentRow()))
            self._show_changes(max(0, self.files.currentRow()))
        else:
            self.changes.setRowCount(0)

    def _show_changes(self, row: int) -> None:
        if not 0 <= row < len(self.plans):
            self.changes.setRowCount(0)
            return
        plan = self.plans[row]
        if plan.status in (REJECTED, DUPLICATE):
            self.changes.setRowCount(1)
            self.changes.setSpan(0, 0, 1, 5)
            self.changes.setItem(0, 0, QTableWidgetItem(plan.message))
            return
        self.changes.clearSpans()
        self.changes.setRowCount(len(plan.changes))
        for r, change in enumerate(sorted(plan.changes, key=lambda c: not c.conflict)):  # conflicts first
            old = _shown(change.old) + (f" ({change.old_source})" if change.conflict else "")
            for col, text in enumerate([change.unit, change.key, change.row, old, _shown(change.new)]):
                item = QTableWidgetItem(text)
                if change.conflict:
                    item.setBackground(QBrush(CONFLICT))
                    item.setToolTip(tr("Xung đột: số liệu này được nhập tại đây, tệp có giá trị khác."))
                self.changes.setItem(r, col, item)

    # -- importing -------------------------------------------------------------------
    def do_import(self) -> int:
        """Commit the planned files; returns how many were imported."""
        try:
            commit(self.ws, self.plans, keep_local=self.keep_local.isChecked())
        except WorkspaceError as exc:
            self.summary.setText(str(exc))
            return 0
        done = sum(p.status == IMPORTED for p in self.plans)
        self.imported += done
        self._refresh()
        if done:
            self.importedFiles.emit(done)
        return done
