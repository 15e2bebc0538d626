"""Building the widget trees designed in ``ui/*.ui``.

The ``.ui`` files are the source; ``scripts/compile_ui.py`` compiles each into
``dtdesk/gui/uic/<name>.py`` with Qt's uic (a test keeps the two in sync).
Compiled code is used rather than ``QUiLoader`` because it starts faster: the
loader wraps every named child for Python, which makes PySide6 build every
widget class of QtWidgets and their enums, and needs the QtUiTools module.
"""

from __future__ import annotations

import importlib

from PySide6 import QtWidgets

from dtdesk.gui.i18n import bind_tree


def load_ui(name: str, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    """The widget tree of ``ui/<name>``, its texts bound for translation (see :func:`i18n.bind_tree`)."""
    return load_form(name, parent)[0]


def load_form(name: str, parent: QtWidgets.QWidget | None = None) -> tuple[QtWidgets.QWidget, dict[str, object]]:
    """The widget tree of ``ui/<name>`` and its named objects by name.

    The names come from the compiled form itself, which holds every named
    object; asking Qt instead (``findChildren``) wraps each child for Python,
    about 5 ms for the main window's actions.
    """
    module = importlib.import_module(f"dtdesk.gui.uic.{name.removesuffix('.ui')}")
    widget = getattr(QtWidgets, module.WIDGET_CLASS)(parent)
    form = module.FORM()
    form.setupUi(widget)
    bind_tree(widget)
    return widget, vars(form)
