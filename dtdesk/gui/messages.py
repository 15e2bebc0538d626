"""The sentences the window says to the clerk: a warning or a notice in a message box, mirrored in the status bar.

Every part of the window speaks through these two functions, so a failure is
always shown, never only printed on the terminal; tests patch
``QMessageBox.warning`` and ``QMessageBox.information`` as pytest-qt advises.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox

from dtdesk.gui.i18n import tr


def warn(window: QMainWindow, message: str) -> None:
    """Something the clerk asked for did not happen: say why."""
    window.statusBar().showMessage(message, 10000)
    QMessageBox.warning(window, tr("Báo cáo chuyển đổi số"), message)


def inform(window: QMainWindow, message: str) -> None:
    """Something worth a moment's attention happened (a file was written, and where)."""
    window.statusBar().showMessage(message, 15000)
    QMessageBox.information(window, tr("Báo cáo chuyển đổi số"), message)
