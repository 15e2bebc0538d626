"""File › Xuất Excel…: the open report's tables as a workbook; the import dialog takes a workbook too."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

import openpyxl  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from dtdesk.exchange.importer import DUPLICATE  # noqa: E402
from dtdesk.gui.exchange_import import ImportDialog  # noqa: E402


def test_the_action_writes_the_open_reports_workbook(main, tmp_path, monkeypatch):
    target = tmp_path / "bieu.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert "actionExportXlsx" in [a.objectName() for a in main.menus["menuFile"].actions()]
    main.actions["actionExportXlsx"].trigger()
    assert "3.2" in openpyxl.load_workbook(target).sheetnames
    assert "bieu.xlsx" in main.window.statusBar().currentMessage()
    main.close_workspace()
    assert not main.actions["actionExportXlsx"].isEnabled()


def test_writing_over_the_workspace_is_one_sentence(main, demo_path, said):
    assert main.exchange.export_xlsx(str(demo_path)) is None
    (kind, message), = said
    assert kind == "warning" and "\n" not in message


def test_the_import_dialog_previews_a_workbook(main, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "catbi.xlsx"
    from dtdesk.exchange.xlsx_export import export_xlsx

    export_xlsx(main.ws, "HA-CATBI", "2022-Q1", target)
    dialog = ImportDialog(main.ws, [str(target)], main.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.plans) == 1)
    assert dialog.plans[0].status == DUPLICATE  # the workbook says what the workspace holds
