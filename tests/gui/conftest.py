import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings  # noqa: E402

from dtdesk.gui import i18n  # noqa: E402
from dtdesk.store.reports import resolve  # noqa: E402
from dtdesk.store.session import ReportSession  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402


@pytest.fixture(autouse=True)
def said(monkeypatch):
    """What the window said in message boxes, as (kind, text); no box blocks a test (as pytest-qt advises)."""
    from PySide6.QtWidgets import QMessageBox

    messages = []
    for kind, answer in (("warning", QMessageBox.StandardButton.Ok), ("information", QMessageBox.StandardButton.Ok),
                         ("critical", QMessageBox.StandardButton.Ok)):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, _k=kind, _r=answer, **k: messages.append((_k, a[2])) or _r)
    return messages


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def places(tmp_path, monkeypatch):
    """The user's standard folders (documents, the app's data) as folders of tmp_path named after them."""
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(tmp_path / location.name))
    return tmp_path


@pytest.fixture
def main(qtbot, demo_path, settings):
    from dtdesk.gui.main_window import MainWindow

    i18n.set_language("vi")
    window = MainWindow(settings)
    qtbot.addWidget(window.window)
    assert window.open_workspace(demo_path)
    window.window.show()
    qtbot.waitExposed(window.window)
    qtbot.waitUntil(lambda: not window.checks_pending)  # the rules run just after the first paint
    yield window
    window.close_workspace()
    i18n.set_language("vi")


@pytest.fixture
def session(demo_path):
    ws = Workspace.open(demo_path)
    yield ReportSession(ws, resolve(ws))
    ws.close()


def stored(path, unit, key, row="", period="2022-Q1"):
    """The value as a fresh connection reads it from disk."""
    with Workspace.open(path) as ws:
        return ws.value(unit, period, key, row)
