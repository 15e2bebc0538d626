"""File → "Tạo tệp dữ liệu mới…", "Mở tệp dữ liệu…", the recent workspaces, "Lưu bản sao…", "Mở báo cáo…",
"Báo cáo mới…", and Edit → undo and redo.

These ask the window for what they need by signal: ``open_requested`` with a
workspace's path, ``report_created`` with the info of a report to show (new
or picked from the list). The report shown is remembered in the settings
(``lastReport``), so the next launch reopens it (:mod:`dtdesk.gui.app`).
Each dialog's module is imported when the dialog first opens: a launch shows none of them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from dtdesk.gui import messages
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.recent_files import RecentFiles
from dtdesk.gui.window_part import WindowPart
from dtdesk.store.backup import failure_reason, save_copy
from dtdesk.store.workspace import WorkspaceError


LAST_REPORT = "lastReport"  # [workspace path, unit, period] of the report shown last


class FileActions(WindowPart):
    open_requested = Signal(str)
    report_created = Signal(object)  # the ReportInfo of the report to show: just created, or picked from the list

    def __init__(self, window, actions, flush, settings: QSettings, menus: dict, parent=None):
        super().__init__(window, actions, flush, parent)
        self.recent = RecentFiles(settings, menus["menuRecent"], self)
        menus["menuFile"].aboutToShow.connect(self.recent.fill_menu)
        self.recent.chosen.connect(self.open_requested)
        self.settings = settings
        actions["actionNewReport"].triggered.connect(self.new_report)
        actions["actionNewWorkspace"].triggered.connect(self.new_workspace)
        actions["actionOpen"].triggered.connect(self.choose_workspace)
        actions["actionOpenReport"].triggered.connect(lambda: self.choose_report())
        actions["actionSaveCopy"].triggered.connect(lambda: self.save_copy())
        actions["actionUndo"].triggered.connect(self.undo)
        actions["actionRedo"].triggered.connect(self.redo)
        actions["actionRedo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])

    def set_report(self, ws, controller) -> None:
        super().set_report(ws, controller)
        if controller is not None:
            info = controller.data.info
            self.settings.setValue(LAST_REPORT, [str(Path(ws.path).resolve()), info.unit, info.period])
            controller.undo_stack.canUndoChanged.connect(self.actions["actionUndo"].setEnabled)
            controller.undo_stack.canRedoChanged.connect(self.actions["actionRedo"].setEnabled)

    def update_actions(self) -> None:
        """A new report needs a workspace this window may write; a report just opened has nothing to undo."""
        self.actions["actionNewReport"].setEnabled(self.ws is not None and not self.ws.read_only)
        self.actions["actionOpenReport"].setEnabled(self.ws is not None)
        self.actions["actionSaveCopy"].setEnabled(self.ws is not None)
        self.actions["actionUndo"].setEnabled(False)
        self.actions["actionRedo"].setEnabled(False)

    def choose_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Mở tệp dữ liệu"), "",
                                              tr("Tệp dữ liệu dtdesk (*.sqlite);;Mọi tệp (*)"))
        if path:
            self.open_requested.emit(path)

    def new_workspace(self) -> None:
        """Set up another office (or open the demo) and open its workspace in this window."""
        from dtdesk.gui.office_setup import OfficeSetupDialog

        dialog = OfficeSetupDialog(self.window)
        if dialog.exec() and dialog.path is not None:
            self.open_requested.emit(str(dialog.path))

    def choose_report(self) -> bool:
        """The workspace's reports in a list; the one picked is shown."""
        if self.ws is None:
            self.warn(tr("Hãy mở một tệp dữ liệu trước."))
            return False
        self.flush()
        from dtdesk.gui.report_list import ReportListDialog

        dialog = ReportListDialog(self.ws, self.window)
        if not dialog.reports:
            self.warn(tr("Tệp chưa có báo cáo nào; bấm «Báo cáo mới…» để lập báo cáo."))
            return False
        if dialog.exec() and dialog.info is not None:
            self.report_created.emit(dialog.info)
            return True
        return False

    def save_copy(self) -> Path | None:
        """A consistent copy of the open workspace at a file the clerk names (never the open file itself)."""
        if self.ws is None:
            return None
        self.flush()
        current = Path(self.ws.path)
        suggested = current.with_name(f"{current.stem}-ban-sao{current.suffix}")
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Lưu bản sao tệp dữ liệu"), str(suggested),
                                              tr("Tệp dữ liệu dtdesk (*.sqlite)"))
        if not path:
            return None
        try:
            made = save_copy(self.ws.conn, current, path)
        except WorkspaceError as exc:
            self.warn(said(exc))
            return None
        except (OSError, sqlite3.Error) as exc:
            self.warn(tr("Không lưu được bản sao: {reason}.", reason=failure_reason(exc)))
            return None
        messages.inform(self.window, tr("Đã lưu bản sao «{name}»; tệp đang mở vẫn là «{open}».",
                                        name=made.name, open=current.name))
        return made

    def new_report(self) -> None:
        if self.ws is None:
            self.warn(tr("Hãy mở một tệp dữ liệu trước."))
            return
        if not self.writable():
            return
        from dtdesk.gui.new_report import NewReportDialog

        dialog = NewReportDialog(self.ws, self.window)
        if dialog.exec() and dialog.info is not None:
            self.report_created.emit(dialog.info)

    def undo(self) -> None:
        if self.controller is not None:
            self.flush()  # what is being typed is the last step: it is undone first
            self.controller.undo_stack.undo()

    def redo(self) -> None:
        if self.controller is not None:
            self.controller.undo_stack.redo()
