"""Starting the desktop app: ``dtdesk`` and ``dtdesk open WORKSPACE``.

Imports stay lean until the window is up: ReportLab and the PDF engine are
loaded the first time a preview or a print is asked for.

The core is imported *before* PySide6. Once ``PySide6.QtCore`` is loaded,
shiboken's import hook reads the source of every module imported after it (it
looks for ``from __feature__ import ...``), which costs about as much as
importing the modules themselves. The core never uses PySide6, so it has
nothing to gain from that check.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

DEFAULT_NAME = "dtdesk.sqlite"

# What the first window needs and does not import Qt; tests/gui/test_app.py checks the list is whole.
CORE_FIRST = ("dtdesk.store.session", "dtdesk.store.reports", "dtdesk.store.backup", "dtdesk.core.recheck",
              "dtdesk.core.drafts", "dtdesk.core.values", "dtdesk.paths")


def import_core_first() -> None:
    """Import the Qt-free modules of the first window before PySide6 (see the module's docstring)."""
    import importlib

    for name in CORE_FIRST:
        importlib.import_module(name)


def default_workspace() -> Path:
    """The clerk's workspace in the user's data folder (created with the folder if needed)."""
    from PySide6.QtCore import QStandardPaths

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_NAME


def ask_demo_dialog() -> bool:
    from PySide6.QtWidgets import QMessageBox

    from dtdesk.gui.i18n import tr

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
        from dtdesk.store.demo import create_demo

        create_demo(path).close()
    else:
        from dtdesk.store.workspace import Workspace

        Workspace.create(path).close()
    return path


def application():
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from dtdesk.gui import i18n
    from dtdesk.gui.messages import show_failure

    sys.excepthook = show_failure  # a failure is said in the window, not only on the terminal
    QCoreApplication.setOrganizationName("dtdesk")
    QCoreApplication.setApplicationName("dtdesk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    language = QSettings().value("language", "vi")
    i18n.set_language(str(language))
    return app


def build(workspace: str | os.PathLike | None, ask_demo: Callable[[], bool] | None = None, section: str = "header"):
    """The application and a shown main window on ``workspace`` (or the default one), on ``section``'s form."""
    import_core_first()
    app = application()
    from dtdesk.gui.main_window import MainWindow

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
