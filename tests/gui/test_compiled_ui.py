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


def test_a_compiled_module_names_no_uic_version():
    """The check must not depend on the installed Qt: uic's banner, with its version, is replaced."""
    code = compile_ui.compile_ui(compile_ui.UI / "new_unit.ui")
    assert code.startswith("# Compiled from ui/new_unit.ui by scripts/compile_ui.py")
    assert "version" not in code.split("class Ui_", 1)[0].lower()
    assert code.endswith('WIDGET_CLASS = "QDialog"\nFORM = Ui_NewUnitDialog\n')
