"""The import dialog: pick submission files, see what each would change, import.

Self-contained: ``ImportDialog(ws, paths=None, parent=None).exec()``. The
dialog plans the files (:func:`dtdesk.exchange.importer.plan_file`, nothing
written), lists one row per file (unit, revision, outcome, number of changes
and conflicts) and, for the selected file, every change old → new with the
conflicts marked. "Nhập" commits the accepted files in one transaction
(:func:`dtdesk.exchange.importer.commit`); ``imported`` then holds how many
were imported and the ``importedFiles`` signal carries that number, so the
caller can refresh its session (``session.refresh()``).

Planning runs one file per tick of a zero-interval ``QTimer`` on the GUI
thread, with a progress bar: the workspace's SQLite connection belongs to
this thread (planning reads it to diff and to spot duplicates), each file
takes milliseconds to validate, and the event loop runs between files, so
the dialog stays responsive and can be closed or stopped mid-way. The list
fills in as files are planned; ``planned`` is emitted when all are done.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QProgressBar, QPushButton, QSplitter, QTableView, QVBoxLayout)

from dtdesk.exchange import manifest as mf
from dtdesk.exchange.xlsx_layout import SUFFIX as XLSX
from dtdesk.exchange import reply as rf
from dtdesk.exchange.decision import IMPORTED as REPLY_IMPORTED, import_reply, reply_paths
from dtdesk.exchange.importer import (DUPLICATE, IMPORTED, PLANNED, REJECTED, FilePlan, ImportContext, commit,
                                      expand_paths, plan_file, unknown_unit_message)
from dtdesk.gui.i18n import N_, said, tr
from dtdesk.gui.import_rows import REJECTED_COLOUR, change_rows, file_row
from dtdesk.gui.messages import read_only_notice
from dtdesk.gui.rows_model import Row, RowsModel, table_defaults
from dtdesk.store.workspace import Workspace, WorkspaceError

FILE_COLUMNS = (N_("Tệp"), N_("Đơn vị"), N_("Lần nộp"), N_("Kết quả"), N_("Thay đổi"), N_("Xung đột"))
CHANGE_COLUMNS = (N_("Đơn vị"), N_("Số liệu"), N_("Dòng"), N_("Hiện có"), N_("Trong tệp"))


class ImportDialog(QDialog):
    importedFiles = Signal(int)
    repliesImported = Signal()  # a reply of the level above was taken in (dtdesk.exchange.decision)
    planned = Signal()  # every file added so far has been planned

    def __init__(self, ws: Workspace, paths: list[str | Path] | None = None, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.paths: list[Path] = []
        self.plans: list[FilePlan] = []
        self.imported = 0
        self._queue: list[Path] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._plan_next)
        self.setWindowTitle(tr("Nhập tệp nộp báo cáo"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.info = QLabel(tr("Chọn các tệp nộp (*.dtdesk.sqlite) hoặc biểu chi tiết Excel (*.xlsx) của đơn vị cấp "
                              "dưới, hoặc tệp trả lời (*.dtreply) của cấp trên. Xem trước thay đổi rồi bấm «Nhập»; "
                              "tệp bị từ chối không làm thay đổi gì."))
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.reply_note = QLabel()  # what the level above answered, from the reply files added
        self.reply_note.setWordWrap(True)
        self.reply_note.setVisible(False)
        layout.addWidget(self.reply_note)
        picks = QHBoxLayout()
        self.add_files_button = QPushButton(tr("Thêm tệp…"))
        self.add_folder_button = QPushButton(tr("Thêm thư mục…"))
        picks.addWidget(self.add_files_button)
        picks.addWidget(self.add_folder_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        picks.addWidget(self.progress, 1)
        self.stop_button = QPushButton(tr("Dừng"))
        self.stop_button.setVisible(False)
        picks.addWidget(self.stop_button)
        picks.addStretch(0)
        layout.addLayout(picks)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.files_model = RowsModel(FILE_COLUMNS, self)
        self.files = QTableView()
        self.files.setModel(self.files_model)
        table_defaults(self.files)
        self.changes_model = RowsModel(CHANGE_COLUMNS, self)
        self.changes = QTableView()
        self.changes.setModel(self.changes_model)
        table_defaults(self.changes)
        splitter.addWidget(self.files)
        splitter.addWidget(self.changes)
        layout.addWidget(splitter, 1)

        # which values it keeps is dtdesk.exchange.sources.entered_here's rule; these words say that rule
        self.keep_local = QCheckBox(tr("Khi xung đột, giữ số liệu nhập tay tại đây (số liệu từ tệp nộp hay biểu "
                                       "Excel nhận trước đó vẫn được thay)"))
        self.keep_local.setToolTip(tr("Xung đột là số liệu được gõ vào biểu mẫu, nhập tay từ bản giấy hoặc nạp từ "
                                      "tệp JSON tại đây mà tệp có giá trị khác. Đánh dấu ô này thì các số liệu đó "
                                      "được giữ nguyên; bỏ đánh dấu thì số liệu trong tệp thay chúng. Số liệu do tệp "
                                      "nộp báo cáo hay biểu Excel của đơn vị mang đến trước đó không phải xung đột: "
                                      "tệp hay biểu mới hơn của đơn vị luôn thay chúng."))
        layout.addWidget(self.keep_local)
        self.add_units = QCheckBox(tr("Chấp nhận đơn vị gửi tệp chưa có trong danh sách đơn vị (đã kiểm tra mã và tên)"))
        self.add_units.setVisible(False)  # shown only when a file comes from such a unit
        layout.addWidget(self.add_units)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(tr("Nhập"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.add_files_button.clicked.connect(self._pick_files)
        self.add_folder_button.clicked.connect(self._pick_folder)
        self.stop_button.clicked.connect(self.stop_planning)
        self.import_button.clicked.connect(self.do_import)
        self.files.selectionModel().currentRowChanged.connect(lambda current, _: self._show_changes(current.row()))
        if ws.read_only:
            self.import_button.setToolTip(read_only_notice(ws))
        if paths:
            self.add_paths(paths)
        else:
            self._refresh()

    # -- choosing files ----------------------------------------------------------
    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("Chọn tệp nộp"), "",
                                                tr("Tệp nộp dtdesk hoặc biểu chi tiết Excel")
                                                + f" (*{mf.SUFFIX} *.sqlite *{XLSX} *{rf.SUFFIX});;"
                                                + tr("Biểu chi tiết Excel") + f" (*{XLSX})")
        if names:
            self.add_paths(names)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Chọn thư mục chứa tệp nộp"))
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: list[str | Path]) -> None:
        """Add files or folders and plan them all again (nothing is written); replies are taken in at once."""
        replies, paths = reply_paths(paths)
        if replies:
            self.take_replies(replies)
        for p in map(Path, paths):
            if p not in self.paths:
                self.paths.append(p)
        self.replan()

    def take_replies(self, replies: list[Path]) -> None:
        """The level above's answers: each recorded or refused with its sentence, shown above the list."""
        try:
            outcomes = [import_reply(self.ws, path) for path in replies]
        except (WorkspaceError, sqlite3.Error) as exc:  # the workspace itself takes nothing (read-only, full)
            self.reply_note.setText(said(exc))
            self.reply_note.setVisible(True)
            return
        self.reply_note.setText("\n".join(said(o.message) for o in outcomes))
        self.reply_note.setVisible(True)
        if any(o.status == REPLY_IMPORTED for o in outcomes):
            self.repliesImported.emit()

    # -- planning, one file per timer tick ---------------------------------------------
    @property
    def planning(self) -> bool:
        return self._timer.isActive()

    def replan(self) -> None:
        """Plan every added file again, one per event-loop turn; ``planned`` is emitted at the end."""
        self._timer.stop()
        self.plans = []
        self._queue = expand_paths(self.paths) if self.paths else []
        try:
            self._context = ImportContext(self.ws) if self._queue else None  # read once, not per file
        except WorkspaceError as exc:  # the workspace itself cannot take imports
            self._queue = []
            self._finish(said(exc))
            return
        self.progress.setRange(0, max(1, len(self._queue)))
        self.progress.setValue(0)
        self.progress.setFormat(tr("Đang kiểm tra tệp %v/%m"))
        if not self._queue:
            self._finish()
            return
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.summary.setText(tr("Đang kiểm tra các tệp…"))
        self._set_busy(True)
        self._refresh()
        self._timer.start()

    def _plan_next(self) -> None:
        if not self._queue:
            self._finish()
            return
        self.plans.append(plan_file(self.ws, self._context, self._queue.pop(0)))
        self.progress.setValue(len(self.plans))
        self._refresh(select=False)
        if not self._queue:
            self._finish()

    def stop_planning(self) -> None:
        """Stop after the file being planned; files not yet checked are left out of this import."""
        if self.planning:
            left = len(self._queue)
            self._queue = []
            self._finish(tr("Đã dừng; {n} tệp chưa được kiểm tra nên không nằm trong lần nhập này.", n=left)
                         if left else "")

    def _finish(self, message: str = "") -> None:
        self._timer.stop()
        self._set_busy(False)
        self.stop_button.setVisible(False)
        if self.plans:
            self.progress.setFormat(tr("Đã kiểm tra %v/%m tệp"))
        else:
            self.progress.setVisible(False)
        self._refresh(select=False)
        if self.plans:  # open on what needs a decision: a file to import, conflicts first
            first = min(range(len(self.plans)), key=lambda i: (self.plans[i].status != PLANNED,
                                                               not self.plans[i].conflicts, i))
            self.files.selectRow(first)
            self._show_changes(first)
        if message:
            self.summary.setText(message)
        self.planned.emit()

    def _set_busy(self, busy: bool) -> None:
        self.add_files_button.setEnabled(not busy)
        self.add_folder_button.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)

    def reject(self) -> None:
        self._timer.stop()
        super().reject()

    # -- showing plans -------------------------------------------------------------
    def _refresh(self, select: bool = True) -> None:
        current = self.files.currentIndex().row()
        self.files_model.set_rows([file_row(plan) for plan in self.plans])
        counts = {s: sum(p.status == s for p in self.plans) for s in (PLANNED, IMPORTED, DUPLICATE, REJECTED)}
        if self.plans:
            self.summary.setText(tr("{n} tệp: {planned} sẽ nhập, {imported} đã nhập, {dup} đã nhập trước đó, "
                                    "{rej} bị từ chối.", n=len(self.plans), planned=counts[PLANNED],
                                    imported=counts[IMPORTED], dup=counts[DUPLICATE], rej=counts[REJECTED]))
        elif not self.planning:
            self.summary.setText(tr("Chưa chọn tệp nào."))
        self.import_button.setEnabled(counts[PLANNED] > 0 and not self.planning
                                      and not self.ws.read_only)
        self.add_units.setVisible(any(plan.unknown_unit for plan in self.plans))
        if self.plans and select:
            self.files.selectRow(max(0, current))
            self._show_changes(max(0, current))
        elif not self.plans:
            self._show_changes(-1)

    def _show_changes(self, row: int) -> None:
        self.changes.clearSpans()
        if not 0 <= row < len(self.plans):
            self.changes_model.set_rows([])
            return
        plan = self.plans[row]
        if plan.status in (REJECTED, DUPLICATE):
            self.changes_model.set_rows([Row([said(plan.message)], tooltip=said(plan.message),
                                             foreground=REJECTED_COLOUR if plan.status == REJECTED else None)])
            self.changes.setSpan(0, 0, 1, len(CHANGE_COLUMNS))
            return
        if not plan.changes:
            text = tr("Số liệu trong tệp giống hệt số liệu đang có; nhập tệp chỉ để ghi nhận đơn vị đã nộp.")
            self.changes_model.set_rows([Row([text], tooltip=text)])
            self.changes.setSpan(0, 0, 1, len(CHANGE_COLUMNS))
            return
        warning = [Row([said(unknown_unit_message(plan))], foreground=REJECTED_COLOUR)] if plan.unknown_unit else []
        self.changes_model.set_rows(warning + change_rows(plan, self.ws.settings()))
        if warning:
            self.changes.setSpan(0, 0, 1, len(CHANGE_COLUMNS))

    # -- importing -------------------------------------------------------------------
    def do_import(self) -> int:
        """Commit the planned files; returns how many were imported."""
        if self.planning:
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            commit(self.ws, self.plans, keep_local=self.keep_local.isChecked(), add_units=self.add_units.isChecked())
        except WorkspaceError as exc:
            self.summary.setText(said(exc))
            return 0
        except sqlite3.Error as exc:  # e.g. the workspace is locked by another program
            self.summary.setText(tr("Chưa nhập được tệp nào: {error}.", error=said(exc)))
            return 0
        finally:
            QApplication.restoreOverrideCursor()
        done = sum(p.status == IMPORTED for p in self.plans)
        self.imported += done
        self._refresh()
        if done:
            self.importedFiles.emit(done)
        return done
