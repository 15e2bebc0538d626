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
