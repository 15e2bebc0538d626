"""Compile the Qt Designer files ``ui/*.ui`` into ``dtdesk/gui/uic/*.py``.

    python scripts/compile_ui.py          # rewrite the modules
    python scripts/compile_ui.py --check  # exit 1 if a module is not the compiled form of its .ui

The ``.ui`` files stay the source: edit them in Qt Designer, then run this.
Each module is Qt's ``uic -g python`` output as it is (what ``pyside6-uic``
writes), except for two things that keep the files stable and easy to load:

- uic's banner, which names uic's version, is replaced by a line saying where
  the module comes from, so the check does not depend on the installed Qt;
- ``WIDGET_CLASS`` names the top widget's class and ``FORM`` the class that
  builds the tree on it (what :mod:`dtdesk.gui.uiload` needs).

tests/gui/test_compiled_ui.py runs ``--check``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import PySide6

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "ui"
OUT = ROOT / "dtdesk" / "gui" / "uic"


def uic_binary() -> Path:
    """Qt's uic as PySide6 ships it (where ``pyside6-uic`` finds it: libexec, or beside the package on Windows)."""
    package = Path(PySide6.__file__).parent
    return package / "uic.exe" if sys.platform == "win32" else package / "Qt" / "libexec" / "uic"


def compile_ui(path: Path) -> str:
    """The module for ``path``: uic's Python output under our own first line, and the two names uiload reads."""
    raw = subprocess.run([str(uic_binary()), "-g", "python", str(path)], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    code = raw[raw.index("\nfrom ") + 1:]  # after uic's banner
    top = ElementTree.parse(path).getroot().find("widget")
    head = (f"# Compiled from ui/{path.name} by scripts/compile_ui.py (Qt's uic); edit the .ui file, not this one.\n"
            f"# ruff: noqa\n\n")
    tail = f'\n\n\nWIDGET_CLASS = "{top.get("class")}"\nFORM = Ui_{top.get("name")}\n'
    return head + code.rstrip() + tail


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
