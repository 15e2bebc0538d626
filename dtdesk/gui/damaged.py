"""Opening a damaged workspace: say what is wrong and offer its newest good backup.

:class:`dtdesk.store.workspace.DamagedWorkspace` is raised when the file
opens but fails SQLite's ``quick_check`` (a units or values page overwritten,
a disk that lost a write). Reading on would fail at random, so the window
does not open it; this question offers the restore that ``dtdesk restore``
would do, which keeps the damaged file in ``backups/`` as ``…-damaged``.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from dtdesk.gui.i18n import said, tr
from dtdesk.store.backup import backup_dir, failure_reason, restore
from dtdesk.store.workspace import DamagedWorkspace, WorkspaceError


def offer_restore(parent, error: DamagedWorkspace) -> bool:
    """Ask to restore the newest good backup; True once it is restored (the caller opens the file again)."""
    title = tr("Tệp dữ liệu bị hỏng")
    name = error.path.name
    if error.backup is None:
        QMessageBox.warning(parent, title, tr("Tệp «{name}» đã bị hỏng và không có bản sao lưu nào còn tốt để "
                                              "khôi phục.", name=name))
        return False
    question = tr("Tệp «{name}» đã bị hỏng nên không mở được. Khôi phục bản sao lưu còn tốt gần nhất ({label})? "
                  "Tệp hỏng được giữ lại trong thư mục {folder}.",
                  name=name, label=error.backup.label, folder=str(backup_dir(error.path)))
    if QMessageBox.question(parent, title, question) != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore(error.path, error.backup.path)
    except WorkspaceError as exc:
        QMessageBox.warning(parent, title, said(exc))
        return False
    except (OSError, sqlite3.Error) as exc:
        QMessageBox.warning(parent, title, tr("Không khôi phục được: {reason}.", reason=failure_reason(exc)))
        return False
    return True
