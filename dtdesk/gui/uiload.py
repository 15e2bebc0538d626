"""Loading Qt Designer files from ``ui/`` (found by :func:`dtdesk.paths.ui_file`)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import QWidget

from dtdesk.paths import ui_file


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    from PySide6.QtUiTools import QUiLoader

    path = ui_file(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot read {path.name}")
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"{path.name} is not a valid Qt Designer file")
    return widget
