"""What every group of the main window's actions shares: the window, its actions, the open workspace and report.

The main window tells each part about the open workspace and report through
:meth:`WindowPart.set_report` whenever they change; a part enables its own
actions from them and never reaches into the window's other parts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from dtdesk.gui import messages


class WindowPart(QObject):
    def __init__(self, window: QMainWindow, actions: dict[str, QAction], flush: Callable[[], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.actions, self.flush = window, actions, flush
        self.ws = None  # the open Workspace
        self.controller = None  # the open report's Controller

    def set_report(self, ws, controller) -> None:
        """The workspace and the report now open (either may be None)."""
        self.ws, self.controller = ws, controller
        self.update_actions()

    def update_actions(self) -> None:
        """Enable this part's actions for what is open."""

    def writable(self) -> bool:
        """A workspace is open and this window may write to it; if not, the action is refused with the reason."""
        if self.ws is not None and self.ws.read_only:
            self.warn(messages.read_only_notice(self.ws))
            return False
        return self.ws is not None

    def warn(self, message: str) -> None:
        messages.warn(self.window, message)

    def status(self, message: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(message, ms)
