"""Backups from the File menu: the backup dialog on the open workspace; ``restored`` after a restore."""

from __future__ import annotations

from PySide6.QtCore import Signal

from dtdesk.gui.backup_dialog import BackupDialog
from dtdesk.gui.window_part import WindowPart



class BackupActions(WindowPart):
    restored = Signal()  # the workspace file was replaced by a backup: reopen it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions["actionBackup"].triggered.connect(self.backup)

    def update_actions(self) -> None:
        self.actions["actionBackup"].setEnabled(self.ws is not None)

    def backup(self) -> BackupDialog | None:
        if not self.writable():
            return None
        self.flush()
        dialog = BackupDialog(self.ws, self.window)
        dialog.exec()
        dialog.deleteLater()
        if dialog.restored:
            self.restored.emit()
        return dialog
