"""File → "Tệp dữ liệu gần đây": the workspaces opened last, newest first, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu

RECENT_MAX = 8


class RecentFiles(QObject):
    chosen = Signal(str)  # the path of the workspace picked from the menu

    def __init__(self, settings: QSettings, menu: QMenu, parent: QObject | None = None):
        super().__init__(parent)
        self.settings, self.menu = settings, menu

    def remember(self, path: Path) -> None:
        path = str(path.resolve())
        self.settings.setValue("recent", [path, *(p for p in self.paths() if p != path)][:RECENT_MAX])

    def paths(self) -> list[str]:
        return self.stored(self.settings)

    @staticmethod
    def stored(settings: QSettings) -> list[str]:
        """The recent workspaces kept in ``settings``, newest first (read at start-up before any menu exists)."""
        value = settings.value("recent", [])
        if isinstance(value, str):  # QSettings gives back a one-item list as a string
            value = [value]
        return [str(v) for v in value or []]

    def fill_menu(self) -> None:
        """Fill the menu as its parent menu opens, so it is always current and costs nothing at start-up."""
        self.menu.clear()
        recent = self.paths()
        for number, path in enumerate(recent, start=1):
            action = self.menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.chosen.emit(p))
        self.menu.setEnabled(bool(recent))
