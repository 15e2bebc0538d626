"""One translation mechanism for every visible string of the app.

Source strings are the Vietnamese ones (the clerk's language and the default).
Other languages are Babel message catalogs,
``resources/i18n/<lang>/LC_MESSAGES/dtdesk.po``, compiled to the ``.mo`` beside
them by ``scripts/catalogs.py``; :mod:`dtdesk.core.i18n` reads the ``.mo``
with the standard library's :mod:`gettext` (the command line reads the same
catalog), and a failure is said with :func:`said`. A widget's text
is *bound* to its source string (stored as a dynamic property), so switching
language re-applies :func:`tr` to every bound text of a window, live.
Template wording (section titles, column labels) is report content, printed in
Vietnamese, and is not translated.

Qt's own texts (the standard buttons: OK, Cancel, Yes, No…) come with no
Vietnamese catalog in Qt: ``resources/i18n/qtbase_vi.qm`` (compiled from the
``.ts`` beside it by ``scripts/catalogs.py``) is installed on the application
while the language is Vietnamese. A Python ``QTranslator`` would do the same
but be called for every text Qt translates, some 20 ms at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QMenu, QWidget

from dtdesk.core.errors import say
from dtdesk.core.i18n import LANGUAGES, N_, translate
from dtdesk.paths import resource

__all__ = ["LANGUAGES", "N_", "bind", "bind_tree", "language", "retranslate", "said", "set_language", "tr"]
PROPS = ("text", "title", "windowTitle", "placeholderText", "toolTip")
_language = "vi"
_qt_texts = None  # (language, its installed QTranslator or None) of Qt's own texts


def language() -> str:
    return _language


_unbound: dict[int, QObject] = {}  # trees loaded while showing the source language, bound on the first switch


def set_language(code: str) -> None:
    global _language
    if _language == "vi":
        _bind_pending()  # their texts are still the Vietnamese sources: record them before they change
    _language = code if code in LANGUAGES else "vi"
    _install_qt_texts()


def _install_qt_texts() -> None:
    """Qt's own texts in the current language, from ``resources/i18n/qtbase_<language>.qm`` when there is one."""
    global _qt_texts
    app = QCoreApplication.instance()
    if app is None or (_qt_texts is not None and _qt_texts[0] == _language):
        return
    if _qt_texts is not None and _qt_texts[1] is not None:
        app.removeTranslator(_qt_texts[1])
    translator = QTranslator()  # kept alive by _qt_texts while installed
    if translator.load(str(resource("i18n", f"qtbase_{_language}.qm"))):
        app.installTranslator(translator)
        _qt_texts = (_language, translator)
    else:
        _qt_texts = (_language, None)  # Qt's own English: nothing to install, nor to look for again


def tr(text: str, **words) -> str:
    """The text in the current language; ``{name}`` placeholders are filled from ``words``."""
    return translate(_language, text, **words)


def said(exc: BaseException) -> str:
    """A failure raised by core, store or exchange, in the current language (``str(exc)`` is the Vietnamese)."""
    return say(exc, _language)


def bind(obj: QObject, prop: str, source: str) -> None:
    """Show ``tr(source)`` in ``obj.prop`` now and after every language switch."""
    obj.setProperty(f"_i18n_{prop}", source)
    obj.setProperty(prop, tr(source))


def _texts(obj) -> dict[str, str]:
    found = {}
    if isinstance(obj, (QLabel, QAbstractButton, QAction)):
        found["text"] = obj.text()
    elif isinstance(obj, (QGroupBox, QMenu)):
        found["title"] = obj.title()
    elif isinstance(obj, QLineEdit):
        found["placeholderText"] = obj.placeholderText()
    if isinstance(obj, (QWidget, QAction)):
        found["toolTip"] = obj.toolTip()
    if isinstance(obj, QWidget) and obj.isWindow() or type(obj).__name__ == "QDockWidget":
        found["windowTitle"] = obj.windowTitle()
    return found


def bind_tree(root: QObject) -> None:
    """Bind every non-empty static text of a tree loaded from a .ui file.

    In Vietnamese (the .ui files' own language) nothing needs translating yet,
    so the walk over every child waits for the first language switch; walking
    a window's children wraps each one for Python, a good part of start-up.
    """
    if _language == "vi":
        _unbound[id(root)] = root
        root.destroyed.connect(lambda _=None, key=id(root): _unbound.pop(key, None))  # a tree gone is not bound
    else:
        _bind_now(root)


def _bind_pending() -> None:
    while _unbound:
        _bind_now(_unbound.popitem()[1])


def _bind_now(root: QObject) -> None:
    for obj in [root, *root.findChildren(QObject)]:
        for prop, value in _texts(obj).items():
            if value and obj.property(f"_i18n_{prop}") is None:
                bind(obj, prop, value)


def retranslate(root: QObject) -> None:
    """Re-apply the current language to every bound text under ``root``."""
    for obj in [root, *root.findChildren(QObject)]:
        for prop in PROPS:
            source = obj.property(f"_i18n_{prop}")
            if isinstance(source, str):
                obj.setProperty(prop, tr(source))
