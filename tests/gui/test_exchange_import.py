"""The import dialog: preview, conflicts shown, import, duplicates."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6.QtWidgets")

from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.importer import key_for_unit  # noqa: E402
from dtdesk.gui.exchange_import import ImportDialog  # noqa: E402
from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.jsonio import dump_document, load_document  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with create_demo(tmp_path / "demo.sqlite") as ws:
        for code in ("HA-CATBI", "HA-THANHTO"):
            export_report(ws, code, "2022-Q1", folder)
        doc = dump_document(ws, "HA", "2022-Q1")
    bad = folder / "hong.dtdesk.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    return folder, doc


@pytest.fixture
def district(tmp_path, files):
    ws = Workspace.create(tmp_path / "district.sqlite")
    load_document(ws, files[1])
    yield ws
    ws.close()


def test_preview_lists_files_and_writes_nothing(qtbot, district, files):
    dialog = ImportDialog(district, [files[0]])
    qtbot.addWidget(dialog)
    rows = {dialog.files.item(r, 0).text(): dialog.files.item(r, 3).text() for r in range(dialog.files.rowCount())}
    assert rows == {"HA-CATBI_2022-Q1_r2.dtdesk.sqlite": "Sẽ nhập", "HA-THANHTO_2022-Q1_r2.dtdesk.sqlite": "Sẽ nhập",
                    "hong.dtdesk.sqlite": "Từ chối"}
    assert dialog.import_button.isEnabled()
    assert district.values("2022-Q1", ["HA-CATBI"]) == {}
    dialog.files.selectRow(0)
    assert dialog.changes.rowCount() == 67
    assert "1 bị từ chối" in dialog.summary.text()


def test_conflicts_are_marked_and_import_commits(qtbot, district, files):
    key_for_unit(district, "HA-CATBI", "2022-Q1", {("chu_ky_so.total", ""): 41})
    dialog = ImportDialog(district, [files[0]])
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.files.rowCount()) if dialog.files.item(r, 1).text() == "HA-CATBI")
    assert dialog.files.item(row, 5).text() == "1"
    dialog.files.selectRow(row)
    marked = [r for r in range(dialog.changes.rowCount()) if "(keyed)" in dialog.changes.item(r, 3).text()]
    assert [dialog.changes.item(r, 1).text() for r in marked] == ["chu_ky_so.total"]
    dialog.keep_local.setChecked(True)
    with qtbot.waitSignal(dialog.importedFiles) as blocker:
        assert dialog.do_import() == 2
    assert blocker.args == [2]
    assert district.value("HA-CATBI", "2022-Q1", "chu_ky_so.total") == 41  # kept, as asked
    assert district.value("HA-THANHTO", "2022-Q1", "chu_ky_so.total") is not None
    assert not dialog.import_button.isEnabled()
    dialog.replan()  # the same files again: already imported
    assert {dialog.files.item(r, 3).text() for r in range(dialog.files.rowCount())} == {"Đã nhập trước đó", "Từ chối"}
