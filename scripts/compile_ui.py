"""Compile the Qt Designer files ``ui/*.ui`` into ``dtdesk/gui/uic/*.py``.

    python scripts/compile_ui.py          # rewrite the modules
    python scripts/compile_ui.py --check  # exit 1 if a module is not the compiled form of its .ui

The ``.ui`` files stay the source: edit them in Qt Designer, then run this.
Compiled code starts faster than ``QUiLoader``, which wraps every named child
for Python (PySide6 then resolves every widget class of QtWidgets, with all
their enums) and needs the QtUiTools module. These changes are made to Qt's
``uic -g python`` output, for start-up time and stable output:

- the imports keep only the names the code uses (each PySide6 class named in
  an import is built, with its enums, when the module loads);
- the code never touches PySide6's ``Qt`` namespace. PySide6 builds that
  namespace whole, about a hundred Python enums (some 45 ms), the first time
  anything names it or a call is matched against one of its enums. uic's code
  does both, so a property uic sets to a ``Qt`` enum is set by name through
  Qt's property system (``setProperty("orientation", "Vertical")``), a
  shortcut too (``setShortcut(str)`` is matched against ``Qt.Key``), and a
  splitter's parent is passed by keyword (``QSplitter(parent)`` is first
  tried as ``QSplitter(Qt.Orientation)``; only for widgets, whose ``parent``
  is a keyword argument: a layout given ``parent=`` is not installed on its
  widget). ``QUiLoader`` sets properties by name the same way;
- the banner with uic's version is replaced by a line saying where the module
  comes from; ``WIDGET_CLASS`` names the top widget's class and ``FORM`` the
  class that builds the tree on it.

tests/gui/test_compiled_ui.py runs ``--check``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
OUT = ROOT / "dtdesk" / "gui" / "uic"
QT_SETTER = re.compile(r"^(\s+\S+)\.set(\w)(\w*)\(((?:Qt\.\w+\.\w+\|?)+)\)$", re.MULTILINE)
SHORTCUT = re.compile(r"^(\s+\S+)\.setShortcut\((.*)\)$", re.MULTILINE)
SPLITTER = re.compile(r"= QSplitter\(((?:self\.)?\w+)\)$", re.MULTILINE)
IMPORT = re.compile(r"^from (\S+) import \(?([^)]*?)\)?\n(?=\S|\n)", re.MULTILINE | re.DOTALL)


def uic_binary() -> Path:
    """Qt's uic as PySide6 ships it (where ``pyside6-uic`` finds it: libexec, or beside the package on Windows)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    return package / "uic.exe" if sys.platform == "win32" else package / "Qt" / "libexec" / "uic"


def _prune_imports(code: str) -> str:
    """Keep only the imported names the code uses; drop an import left empty."""
    body = IMPORT.sub("", code)

    def kept(match: re.Match) -> str:
        names = [n.strip() for n in match[2].replace("\n", " ").split(",") if n.strip()]
        used = [n for n in names if re.search(rf"\b{re.escape(n)}\b", body)]
        return f"from {match[1]} import {', '.join(used)}\n" if used else ""

    return IMPORT.sub(kept, code)


def _spare_qt_namespace(code: str) -> str:
    """Write uic's uses of the ``Qt`` namespace through Qt's property system (see the module's docstring)."""
    def by_name(match: re.Match) -> str:
        keys = "|".join(value.rsplit(".", 1)[1] for value in match[4].split("|"))
        return f'{match[1]}.setProperty("{match[2].lower()}{match[3]}", "{keys}")'

    code = QT_SETTER.sub(by_name, code)
    code = SHORTCUT.sub(r'\1.setProperty("shortcut", \2)', code)
    return SPLITTER.sub(r"= QSplitter(parent=\1)", code)


def compile_ui(path: Path) -> str:
    """The module for ``path``: uic's Python output, pruned and headed."""
    raw = subprocess.run([str(uic_binary()), "-g", "python", str(path)], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    code = raw[raw.index("\nfrom ") + 1:]  # after uic's banner
    top = ElementTree.parse(path).getroot().find("widget")
    head = (f"# Compiled from ui/{path.name} by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.\n"
            f"# ruff: noqa\n\n")
    tail = f'\n\n\nWIDGET_CLASS = "{top.get("class")}"\nFORM = Ui_{top.get("name")}\n'
    return head + _prune_imports(_spare_qt_namespace(code)).rstrip() + tail


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    OUT.mkdir(exist_ok=True)
    init = OUT / "__init__.py"
    if not init.exists() and not check:
        init.write_text('"""Python modules compiled from ui/*.ui by scripts/compile_ui.py."""\n', encoding="utf-8")
    for path in sorted(UI.glob("*.ui")):
        target = OUT / f"{path.stem}.py"
        code = compile_ui(path)
        if target.is_file() and target.read_text(encoding="utf-8") == code:
            continue
        stale.append(target.name)
        if not check:
            target.write_text(code, encoding="utf-8")
    if check and stale:
        print("Out of date (run python scripts/compile_ui.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
