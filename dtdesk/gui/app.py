"""Starting the desktop app: ``dtdesk`` and ``dtdesk open WORKSPACE``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from dtdesk.gui import i18n
from dtdesk.gui.file_actions import LAST_REPORT
from dtdesk.gui.main_window import MainWindow
from dtdesk.gui.messages import show_failure
from dtdesk.gui.recent_files import RecentFiles

DEFAULT_NAME = "dtdesk.sqlite"


def default_workspace() -> Path:
    """The clerk's workspace in the user's data folder (created with the folder if needed)."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_NAME


def workspaces_to_reopen(settings: QSettings) -> list[tuple[Path, str | None, str | None]]:
    """Where a launch without a workspace named starts, best first: (workspace, unit, period).

    The report the clerk had open last; else the workspaces opened lately;
    else the workspace earlier versions kept in the user's data folder. Only
    files that still exist are listed.
    """
    found = []
    last = settings.value(LAST_REPORT)
    if isinstance(last, list) and len(last) == 3:
        found.append((Path(last[0]), str(last[1]), str(last[2])))
    found += [(Path(p), None, None) for p in RecentFiles.stored(settings)]
    found.append((default_workspace(), None, None))
    return [entry for entry in found if entry[0].is_file()]


def start(window: MainWindow, workspace: str | os.PathLike | None, section: str = "header") -> None:
    """Open the workspace named, else reopen the last report (or, if it is gone, its workspace's list of reports);
    the first run sets up the office. The window shows with its report, or behind the set-up dialog."""
    places = [(Path(workspace), None, None)] if workspace else workspaces_to_reopen(window.settings)
    if places:
        path, unit, period = places[0]
        window.open_workspace(path, unit, period, section)
        window.show()
    else:
        window.show()
        window.files.new_workspace()


def application() -> QApplication:
    sys.excepthook = show_failure  # a failure is said in the window, not only on the terminal
    QCoreApplication.setOrganizationName("dtdesk")
    QCoreApplication.setApplicationName("dtdesk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    language = QSettings().value("language", "vi")
    i18n.set_language(str(language))
    return app


def build(workspace: str | os.PathLike | None, section: str = "header", settings: QSettings | None = None):
    """The application and a shown main window on ``workspace`` (or where the clerk left off), on ``section``'s form."""
    app = application()
    window = MainWindow(settings)
    start(window, workspace, section)
    return app, window


def run(workspace: str | os.PathLike | None = None, section: str = "header") -> int:
    """The window until it closes; ``dtdesk open`` has already said, in the user's language, a file that is missing."""
    app, window = build(workspace, section=section)
    return app.exec()
