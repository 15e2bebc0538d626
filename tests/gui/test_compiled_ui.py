"""The modules in dtdesk/gui/uic are the compiled form of ui/*.ui (scripts/compile_ui.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import compile_ui  # noqa: E402


def test_every_ui_file_has_its_compiled_module_and_it_is_current(capsys):
    assert compile_ui.main(["--check"]) == 0, capsys.readouterr().out
    compiled = {p.stem for p in compile_ui.OUT.glob("*.py")} - {"__init__"}
    assert compiled == {p.stem for p in compile_ui.UI.glob("*.ui")}


def test_a_changed_ui_file_is_reported_stale(tmp_path, monkeypatch, capsys):
    source = (compile_ui.UI / "new_unit.ui").read_text(encoding="utf-8")
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "new_unit.ui").write_text(source.replace("Đơn vị mới", "Đơn vị khác", 1), encoding="utf-8")
    (tmp_path / "uic").mkdir()
    (tmp_path / "uic" / "new_unit.py").write_text((compile_ui.OUT / "new_unit.py").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    monkeypatch.setattr(compile_ui, "UI", tmp_path / "ui")
    monkeypatch.setattr(compile_ui, "OUT", tmp_path / "uic")
    assert compile_ui.main(["--check"]) == 1
    assert "new_unit.py" in capsys.readouterr().out


def test_imports_keep_only_the_names_used():
    code = "from PySide6.QtGui import (QBrush, QColor,\n    QFont)\nfrom PySide6.QtCore import Qt\n\nx = QColor()\n"
    assert compile_ui._prune_imports(code) == "from PySide6.QtGui import QColor\n\nx = QColor()\n"


@pytest.mark.parametrize("name", sorted(p.stem for p in compile_ui.UI.glob("*.ui")))
def test_the_compiled_form_looks_exactly_like_the_ui_file(qtbot, name):
    """What the clerk sees is what Qt Designer shows: same pixels as Qt's own loader builds from the .ui."""
    from PySide6.QtUiTools import QUiLoader

    from dtdesk.gui.uiload import load_ui

    designed, compiled = QUiLoader().load(str(compile_ui.UI / f"{name}.ui")), load_ui(f"{name}.ui")
    for widget in (designed, compiled):
        qtbot.addWidget(widget)
        widget.resize(900, 600)
    assert compiled.grab().toImage() == designed.grab().toImage()


def test_the_compiled_code_never_names_the_qt_namespace():
    """uic's uses of ``Qt`` go through Qt's property system by name (why: scripts/compile_ui.py)."""
    code = ("        self.split = QSplitter(self.central)\n"
            "        self.split.setOrientation(Qt.Orientation.Vertical)\n"
            "        self.label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)\n"
            "        self.actionOpen.setShortcut(QCoreApplication.translate(\"MainWindow\", u\"Ctrl+O\", None))\n"
            "        self.layout = QVBoxLayout(self.central)\n")
    assert compile_ui._spare_qt_namespace(code) == (
        "        self.split = QSplitter(parent=self.central)\n"
        "        self.split.setProperty(\"orientation\", \"Vertical\")\n"
        "        self.label.setProperty(\"alignment\", \"AlignRight|AlignVCenter\")\n"
        "        self.actionOpen.setProperty(\"shortcut\", QCoreApplication.translate(\"MainWindow\", u\"Ctrl+O\", None))\n"
        "        self.layout = QVBoxLayout(self.central)\n")
    for module in compile_ui.OUT.glob("*.py"):
        assert "Qt." not in module.read_text(encoding="utf-8"), module.name
