"""File → "Báo cáo mới…", "Mở tệp dữ liệu…", the recent workspaces, and Edit → undo and redo.

These ask the window for what they need by signal: ``open_requested`` with a
workspace's path, ``report_created`` with a new report's info.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence

from dtdesk.gui.i18n import tr
from dtdesk.gui.recent_files import RecentFiles
from dtdesk.gui.window_part import WindowPart


class FileActions(WindowPart):
    open_requested = Signal(str)
    report_created = Signal(object)  # the ReportInfo of the report just created

    def __init__(self, window, actions, flush, settings: QSettings, menus: dict, parent=None):
        super().__init__(window, actions, flush, parent)
        self.recent = RecentFiles(settings, menus["menuRecent"], self)
        menus["menuFile"].aboutToShow.connect(self.recent.fill_menu)
        self.recent.chosen.connect(self.open_requested)
        actions["actionNewReport"].triggered.connect(self.new_report)
        actions["actionOpen"].triggered.connect(self.choose_workspace)
        actions["actionUndo"].triggered.connect(self.undo)
        actions["actionRedo"].triggered.connect(self.redo)
        actions["actionRedo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])

    def set_report(self, ws, controller) -> None:
        super().set_report(ws, controller)
        if controller is not None:
            controller.undo_stack.canUndoChanged.connect(self.actions["actionUndo"].setEnabled)
            controller.undo_stack.canRedoChanged.connect(self.actions["actionRedo"].setEnabled)

    def update_actions(self) -> None:
        """A new report needs a workspace this window may write; a report just opened has nothing to undo."""
        self.actions["actionNewReport"].setEnabled(self.ws is not None and not self.ws.read_only)
        self.actions["actionUndo"].setEnabled(False)
        self.actions["actionRedo"].setEnabled(False)

    def choose_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # file dialogs load when first opened

        path, _ = QFileDialog.getOpenFileName(self.window, tr("Mở tệp dữ liệu"), "",
                                              tr("Tệp dữ liệu dtdesk (*.sqlite);;Mọi tệp (*)"))
        if path:
            self.open_requested.emit(path)

    def new_report(self) -> None:
        if self.ws is None:
            self.warn(tr("Hãy mở một tệp dữ liệu trước."))
            return
        if not self.writable():
            return
        from dtdesk.gui.new_report import NewReportDialog  # a dialog's module loads when it is first opened

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
