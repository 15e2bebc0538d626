"""Acceptance: a province sets up its workspace with its communes and takes in a ward's submission file."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from dtdesk.cli import main as cli
from dtdesk.core.official import office_units
from dtdesk.exchange.export import export_report
from dtdesk.exchange.status import completeness
from dtdesk.gui.exchange_import import ImportDialog
from dtdesk.store.reports import create_office
from dtdesk.store.workspace import Workspace
from tests.gui.acceptance import launch, set_up


@pytest.fixture
def ward_file(tmp_path):
    """Phường Hải An's submission for Quý III/2026, made as `dtdesk new` and an export make it."""
    create_office(tmp_path / "hai-an.sqlite", office_units("11413"), "11413", "2026-Q3")
    with Workspace.open(tmp_path / "hai-an.sqlite") as ws:
        ws.set_values("11413", "2026-Q3", {("dvc.received", ""): 120, ("chu_ky_so.total", ""): 40})
        (tmp_path / "sent").mkdir()
        return export_report(ws, "11413", "2026-Q3", tmp_path / "sent").path


def test_the_province_sets_up_with_its_114_communes_and_imports_a_wards_file(qtbot, settings, places, monkeypatch,
                                                                           ward_file, capsys):
    set_up(qtbot, monkeypatch, "hai phong", None, None, "Quý III/2026")
    window = launch(qtbot, settings, monkeypatch)
    assert window.window.windowTitle() == "Thành phố Hải Phòng — Quý III/2026 — hai-phong.sqlite"
    assert len(window.ws.hierarchy().subunits("31")) == 114

    def import_as_the_clerk(dialog):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(ward_file)], ""))
        qtbot.mouseClick(dialog.add_files_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.planning, timeout=10000)
        assert dialog.files_model.column_texts(3) == ["Sẽ nhập"]
        with qtbot.waitSignal(dialog.importedFiles):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(ImportDialog, "exec", import_as_the_clerk)
    window.actions["actionImportSubmissions"].trigger()
    status = completeness(window.ws, "2026-Q3")
    assert (status.submitted, len(status.rows)) == (1, 114)
    window.actions["actionCompleteness"].setChecked(True)  # the completeness view says the same
    assert window.status_dock.view().summary.text().startswith("1/114 đơn vị đã nộp")
    path = window.ws.path
    window.close_workspace()
    assert cli(["status", str(path), "--period", "Quý III/2026"]) == 0
    assert "Tổng: 1/114 đơn vị đã nộp" in capsys.readouterr().out
