"""Loading Qt Designer files from ``ui/`` (found by :func:`dtdesk.paths.ui_file`)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import QWidget

from dtdesk.paths import ui_file


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget tree of ``ui/<name>``, its texts bound for translation (see :func:`i18n.bind_tree`)."""
    from PySide6.QtUiTools import QUiLoader

    from dtdesk.gui.i18n import bind_tree

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
    bind_tree(widget)
    return widget
