"""The reporting cycle in the window: a sent report is locked with a banner until reopened; the level above
returns a subunit's report from the window and the completeness view says so."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QFileDialog, QLineEdit

from dtdesk.core.values import Cell
from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import import_files
from dtdesk.store.workspace import Workspace
from tests.english import vietnamese_left
from tests.gui.conftest import stored


def test_a_sent_report_is_locked_until_reopened(main, demo_path, tmp_path, monkeypatch, said):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    status = main.report_status
    assert not status.cycle_banner.isVisible() and "Nháp" in status.state_label.text()
    sent = main.exchange.export_submission()
    assert sent is not None and sent.parent == tmp_path
    revision = int(sent.name.split("_r")[1].split(".")[0])
    assert status.cycle_banner.isVisible() and f"r{revision}" in status.cycle_banner.text()
    assert f"Đã gửi (r{revision})" in status.state_label.text()
    header = main.page("header")
    assert all(w.isReadOnly() for w in header.edits.values() if isinstance(w, QLineEdit))
    before = stored(demo_path, "HA", "dvc.received")
    assert not main.controller.edit(Cell("HA", "dvc.received"), "5")
    assert "mở lại" in main.controller.last_refusal and stored(demo_path, "HA", "dvc.received") == before
    main.set_language("en")  # the store's sentence why, said in the window's language
    assert not main.controller.edit(Cell("HA", "dvc.received"), "5")
    assert "reopen it" in main.controller.last_refusal and vietnamese_left(main.controller.last_refusal) == []
    main.set_language("vi")
    assert main.actions["actionReopenReport"].isEnabled()
    status.cycle_banner.linkActivated.emit("reopen")  # "Mở lại để sửa" in the banner
    assert not status.cycle_banner.isVisible() and f"Nháp (r{revision + 1})" in status.state_label.text()
    assert main.controller.edit(Cell("HA", "dvc.received"), "5") and stored(demo_path, "HA", "dvc.received") == 5
    assert not main.actions["actionReopenReport"].isEnabled()


def test_a_subunits_report_exported_here_stays_editable_without_a_banner(main, demo_path, tmp_path):
    """The district exports a ward's report (as the demo's wards are, for testing): only the own report is locked,
    so the ward's form says it was sent but no banner claims it cannot be edited."""
    export_report(main.ws, "HA-CATBI", "2022-Q1", f"{tmp_path}/out/")
    main.load_report(main.ws.report("HA-CATBI", "2022-Q1"))
    status = main.report_status
    assert "Đã gửi (r" in status.state_label.text()
    assert not status.cycle_banner.isVisible() and status.cycle_banner.text() == ""
    assert main.controller.edit(Cell("HA-CATBI", "dvc.received"), "5") and stored(demo_path, "HA-CATBI",
                                                                                  "dvc.received") == 5


def test_the_level_above_returns_a_report_from_the_window(main, demo_path, tmp_path, said):
    ward = tmp_path / "ward.sqlite"
    shutil.copyfile(demo_path, ward)
    with Workspace.open(ward, backup=False) as ws:
        file = export_report(ws, "HA-CATBI", "2022-Q1", f"{tmp_path}/up/").path
    assert import_files(main.ws, [file])[0].status == "imported"
    main.actions["actionCompleteness"].setChecked(True)
    reply = main.cycle.answer("returned", unit="HA-CATBI", reason="Thiếu số liệu mục 3.2.", folder=str(tmp_path))
    assert reply is not None and reply.exists() and reply.with_suffix(".eml").exists()
    view = main.status_dock.view()
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i).payload == "HA-CATBI")
    assert "trả lại" in view.model.text(row, 2)
    assert said[-1][0] == "information" and reply.name in said[-1][1]
    main.set_language("en")
    assert main.cycle.answer("accepted", unit="HA-CATBI", folder=str(tmp_path)) is None  # answered already
    assert said[-1][0] == "warning" and "(Returned)" in said[-1][1] and vietnamese_left(said[-1][1]) == []


def test_the_import_dialog_takes_a_reply_in_and_says_what_it_is(main, demo_path, tmp_path, qtbot):
    from dtdesk.gui.exchange_import import ImportDialog

    bad = tmp_path / "HA_2022-Q1_r1.dtreply"
    bad.write_bytes(b"{}")
    dialog = ImportDialog(main.ws, [str(bad)])
    qtbot.addWidget(dialog)
    assert dialog.reply_note.text().startswith("Tệp «HA_2022-Q1_r1.dtreply» không phải là tệp trả lời")
    assert dialog.paths == []  # a reply is not planned as a submission
