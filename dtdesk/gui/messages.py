"""The sentences the window says to the clerk: a warning or a notice in a message box, mirrored in the status bar.

Every part of the window speaks through these two functions, so a failure is
always shown, never only printed on the terminal; tests patch
``QMessageBox.warning`` and ``QMessageBox.information`` as pytest-qt advises.
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from dtdesk.gui.i18n import said, tr


def read_only_notice(ws) -> str:
    """Why a read-only workspace takes no writes: its own notice (another window has it), else the plain fact."""
    return said(ws.notice) or tr("Tệp đang mở ở chế độ chỉ đọc.")


def warn(window: QMainWindow, message: str) -> None:
    """Something the clerk asked for did not happen: say why."""
    window.statusBar().showMessage(message, 10000)
    QMessageBox.warning(window, tr("Báo cáo chuyển đổi số"), message)


def inform(window: QMainWindow, message: str) -> None:
    """Something worth a moment's attention happened (a file was written, and where)."""
    window.statusBar().showMessage(message, 15000)
    QMessageBox.information(window, tr("Báo cáo chuyển đổi số"), message)


def show_failure(kind: type[BaseException], error: BaseException, trace) -> None:
    """The hook for an error no code expected: one sentence in a box (the details go to the terminal for support).

    Installed as ``sys.excepthook`` by :func:`dtdesk.gui.app.application`, so
    a failure in a slot is said to the clerk instead of only printed.
    """
    traceback.print_exception(kind, error, trace, file=sys.stderr)
    if issubclass(kind, KeyboardInterrupt):
        return
    reason = said(error).splitlines()[0] if str(error) else kind.__name__
    QMessageBox.critical(QApplication.activeWindow(), tr("Báo cáo chuyển đổi số"),
                         tr("Thao tác vừa rồi không thực hiện được: {reason}", reason=reason))
