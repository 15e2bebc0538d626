"""The completeness view shows every ward and who has submitted."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6.QtWidgets")

from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.importer import import_files  # noqa: E402
from dtdesk.gui.exchange_status import CompletenessView  # noqa: E402
from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.jsonio import dump_document, load_document  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402


def test_view_lists_wards_and_reloads_after_an_import(qtbot, tmp_path):
    with create_demo(tmp_path / "demo.sqlite") as demo:
        path = export_report(demo, "HA-CATBI", "2022-Q1", tmp_path).path
        doc = dump_document(demo, "HA", "2022-Q1")
    with Workspace.create(tmp_path / "d.sqlite") as ws:
        load_document(ws, doc)
        view = CompletenessView(ws, "2022-Q1")
        qtbot.addWidget(view)
        assert view.table.rowCount() == 8
        assert "hạn nộp 04/4/2022" in view.title.text()
        assert view.summary.text() == "0/8 đơn vị đã nộp, 0 nộp muộn, 8 chưa nộp."
        import_files(ws, [path])
        view.reload()
        assert [view.table.item(0, c).text() for c in (0, 2, 3)] == ["HA-CATBI", "Đã nộp", "r2"]
        assert view.table.item(0, 6).text() == "0"
        assert view.summary.text() == "1/8 đơn vị đã nộp, 1 nộp muộn, 7 chưa nộp."
        view.set_period("2022-Q9")
        assert view.table.rowCount() == 0 and "2022-Q9" in view.title.text()
