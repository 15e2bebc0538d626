"""Starting the desktop app: ``dtdesk`` and ``dtdesk open WORKSPACE``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from dtdesk.gui import i18n
from dtdesk.gui.i18n import tr
from dtdesk.gui.main_window import MainWindow
from dtdesk.gui.messages import show_failure
from dtdesk.store.demo import create_demo
from dtdesk.store.workspace import Workspace

DEFAULT_NAME = "dtdesk.sqlite"


def default_workspace() -> Path:
    """The clerk's workspace in the user's data folder (created with the folder if needed)."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_NAME


def ask_demo_dialog() -> bool:
    answer = QMessageBox.question(
        None, tr("Báo cáo chuyển đổi số"),
        tr("Đây là lần đầu bạn mở dtdesk. Có muốn mở báo cáo mẫu của quận Hải An (quý I/2022) để xem thử không?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def first_run(path: Path, ask_demo: Callable[[], bool]) -> Path:
    """Create the workspace at ``path`` if missing; the Hải An demo goes in if the clerk says yes."""
    if path.exists():
        return path
    if ask_demo():
        create_demo(path).close()
    else:
        Workspace.create(path).close()
    return path


def application() -> QApplication:
    sys.excepthook = show_failure  # a failure is said in the window, not only on the terminal
    QCoreApplication.setOrganizationName("dtdesk")
    QCoreApplication.setApplicationName("dtdesk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    language = QSettings().value("language", "vi")
    i18n.set_language(str(language))
    return app


def build(workspace: str | os.PathLike | None, ask_demo: Callable[[], bool] | None = None, section: str = "header"):
    """The application and a shown main window on ``workspace`` (or the default one), on ``section``'s form."""
    app = application()
    path = Path(workspace) if workspace else first_run(default_workspace(), ask_demo or ask_demo_dialog)
    window = MainWindow()
    window.open_workspace(path, section=section)
    window.show()
    return app, window


def run(workspace: str | os.PathLike | None = None, section: str = "header") -> int:
    if workspace is not None and not Path(workspace).is_file():
        print(f"dtdesk: Không tìm thấy tệp «{workspace}».", file=sys.stderr)
        return 2
    app, window = build(workspace, section=section)
    return app.exec()
