"""A small dialog listing a workspace's backups, with "Sao lưu ngay" and "Khôi phục".

Self-contained: ``BackupDialog(ws, parent).exec()``; ``restored`` is True after
a restore, and the caller then refreshes its session (``session.refresh()``).
Restoring goes through :func:`dtdesk.store.backup.restore` on the open
workspace's own connection, after backing up the current state.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout)

from dtdesk.gui.i18n import said, tr
from dtdesk.gui.messages import read_only_notice
from dtdesk.store import backup as bk
from dtdesk.store.workspace import Workspace, WorkspaceError


class BackupDialog(QDialog):
    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.restored = False
        self.setWindowTitle(tr("Bản sao lưu"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        self.info = QLabel(tr("Các bản sao lưu của «{name}» trong thư mục {folder}, mới nhất trước:",
                              name=ws.path.name, folder=str(bk.backup_dir(ws.path))))
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.list = QListWidget()
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(tr("Sao lưu ngay"))
        self.restore_button = QPushButton(tr("Khôi phục bản đã chọn…"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.currentRowChanged.connect(self._update_buttons)
        if ws.read_only:
            self.restore_button.setToolTip(read_only_notice(ws))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for b in bk.list_backups(self.ws.path):
            item = QListWidgetItem(said(b.label))
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            item.setToolTip(b.path.name)
            self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(not self.ws.read_only and self.list.currentItem() is not None)

    def selected(self):
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def backup_now(self) -> None:
        try:
            bk.make_backup(self.ws.conn, self.ws.path, kind="manual")
        except Exception as exc:  # OSError, sqlite3.Error: shown, never a crash
            QMessageBox.warning(self, tr("Bản sao lưu"), tr("Không sao lưu được: {error}", error=said(exc)))
        self.reload()

    def restore_selected(self, confirm: bool = True) -> bool:
        path = self.selected()
        if path is None:
            return False
        label = self.list.currentItem().text()
        if confirm and QMessageBox.question(
            self, tr("Khôi phục"),
            tr("Thay toàn bộ số liệu hiện tại bằng bản sao lưu {label}? Trạng thái hiện tại sẽ được sao lưu trước.",
               label=label),
        ) != QMessageBox.StandardButton.Yes:
            return False
        try:
            bk.restore(self.ws, path)
        except WorkspaceError as exc:
            QMessageBox.warning(self, tr("Khôi phục"), said(exc))
            return False
        self.restored = True
        self.reload()
        return True
