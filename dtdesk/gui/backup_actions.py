"""Backups from the File menu: the backup dialog on the open workspace; ``restored`` after a restore.

The dialog's module is imported when it first opens: a launch does not show it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from dtdesk.gui.window_part import WindowPart

if TYPE_CHECKING:
    from dtdesk.gui.backup_dialog import BackupDialog


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
        from dtdesk.gui.backup_dialog import BackupDialog

        dialog = BackupDialog(self.ws, self.window)
        dialog.exec()
        dialog.deleteLater()
        if dialog.restored:
            self.restored.emit()
        return dialog
