"""Menu actions for submissions: export, import, backups, completeness dock."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: E402

from dtdesk.exchange.export import export_report  # noqa: E402
from dtdesk.exchange.validate import read_submission  # noqa: E402
from dtdesk.gui.backup_dialog import BackupDialog  # noqa: E402
from dtdesk.gui.exchange_import import ImportDialog  # noqa: E402
from dtdesk.store.demo import create_demo  # noqa: E402
from dtdesk.store.workspace import Workspace  # noqa: E402

ACTIONS = ("actionExportSubmission", "actionExportSubmissionEml", "actionImportSubmissions", "actionBackup",
           "actionCompleteness")


def test_actions_are_in_the_menus_and_follow_the_workspace(main):
    file_menu = [a.objectName() for a in main.menus["menuFile"].actions()]
    assert {"actionExportSubmission", "actionExportSubmissionEml", "actionImportSubmissions",
            "actionBackup"} <= set(file_menu)
    assert "actionCompleteness" in [a.objectName() for a in main.menus["menuView"].actions()]
    assert main.actions["actionImportSubmissions"].text() == "N&hập tệp nộp của đơn vị cấp dưới…"
    assert all(main.actions[name].isEnabled() for name in ACTIONS)
    main.close_workspace()
    assert not any(main.actions[name].isEnabled() for name in ACTIONS)


def test_export_writes_a_submission_file(main, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    main.actions["actionExportSubmission"].trigger()
    files = list(out.glob("*.dtdesk.sqlite"))
    assert [f.name for f in files] == ["HA_2022-Q1_r2.dtdesk.sqlite"]
    assert read_submission(files[0]).unit == "HA"
    assert "HA_2022-Q1_r2.dtdesk.sqlite" in main.window.statusBar().currentMessage()
    main.actions["actionExportSubmissionEml"].trigger()  # the next revision, with its e-mail draft
    assert sorted(f.name for f in out.iterdir()) == ["HA_2022-Q1_r2.dtdesk.sqlite", "HA_2022-Q1_r3.dtdesk.eml",
                                                     "HA_2022-Q1_r3.dtdesk.sqlite"]
    assert "Thành phố Hải Phòng chưa có địa chỉ thư điện tử" in main.window.statusBar().currentMessage()


def test_export_error_is_one_sentence(main, tmp_path, monkeypatch, said):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "missing"))
    assert main.exchange.export_submission() is None
    (kind, message), = said
    assert kind == "warning" and message.startswith("Không có thư mục") and "\n" not in message


def test_import_action_opens_the_dialog_and_refreshes(main, qtbot, tmp_path, monkeypatch, demo_path):
    with create_demo(tmp_path / "ward.sqlite") as ward:
        ward.conn.execute("UPDATE vals SET value = 99 WHERE unit = 'HA-CATBI' AND key = 'dvc.online'")
        ward.conn.commit()
        path = export_report(ward, "HA-CATBI", "2022-Q1", tmp_path).path
    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        qtbot.waitUntil(lambda: not dialog.planning, timeout=10000)
        assert dialog.files_model.column_texts(3) == ["Sẽ nhập"]
        dialog.do_import()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    main.actions["actionCompleteness"].setChecked(True)
    assert main.status_dock.dock.isVisible()
    view = main.status_dock.view()
    assert view.model.rowCount() == 8 and view.model.text(0, 2) != "Đã nộp"
    main.exchange.import_submissions([str(path)])
    assert len(opened) == 1 and opened[0].imported == 1
    assert main.controller.data.raw("HA-CATBI", "dvc.online", "") == 99  # the session was refreshed
    assert view.model.text(0, 2) == "Đã nộp"  # … and the dock reloaded
    assert view.chart.bars[0].text == "82,5%"  # 99 of 120 dossiers online
    assert "Đã nhập 1 tệp" in main.window.statusBar().currentMessage()
    with Workspace.open(demo_path) as ws:
        assert ws.value("HA-CATBI", "2022-Q1", "dvc.online") == 99


def test_import_menu_action_opens_a_dialog(main, monkeypatch):
    opened = []
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    main.actions["actionImportSubmissions"].trigger()
    assert len(opened) == 1 and opened[0].ws is main.ws


def test_backup_restore_reopens_the_workspace(main, monkeypatch):
    main.select_section("dvc")

    def fake_exec(dialog):
        dialog.backup_now()
        dialog.list.setCurrentRow(0)
        assert dialog.restore_selected(confirm=False)
        return 0

    monkeypatch.setattr(BackupDialog, "exec", fake_exec)
    old = main.ws
    main.actions["actionBackup"].trigger()
    assert main.ws is not None and main.ws is not old and main.controller is not None  # reopened …
    assert main.outline.current_section() == "dvc"  # … on the same section
    assert main.window.statusBar().currentMessage() == "Đã khôi phục bản sao lưu."


def test_dock_toggles_and_follows_language(main):
    action = main.actions["actionCompleteness"]
    action.setChecked(True)
    dock = main.status_dock.dock
    assert dock.isVisible() and dock.windowTitle() == "Tình hình nộp báo cáo"
    main.set_language("en")
    assert dock.windowTitle() == "Submission status"
    assert main.status_dock.view().model.headerData(1, Qt.Orientation.Horizontal) == "Unit"
    action.setChecked(False)
    assert not dock.isVisible()


def test_a_printed_code_is_checked_from_the_window(main, tmp_path, monkeypatch, said):
    """Tệp › Kiểm tra mã xác thực: the code at the foot of a printed copy against the revisions sent from here."""
    from PySide6.QtWidgets import QInputDialog

    from dtdesk.exchange.verification import report_code

    code = report_code(main.ws, "HA", "2022-Q1")
    export_report(main.ws, "HA", "2022-Q1", tmp_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (code.lower().replace("-", " "), True))
    main.actions["actionVerifyCode"].trigger()  # typed loosely, as a person would
    assert said[-1][0] == "information" and code in said[-1][1]
    assert not main.exchange.verify_code("AAAA-AAAA-AAAA")  # well formed, but no copy sent from here has it
    assert said[-1][0] == "warning" and "không khớp" in said[-1][1]
    assert not main.exchange.verify_code("1234")
    assert said[-1][0] == "warning" and "không phải là mã xác thực" in said[-1][1]
    main.close_workspace()
    assert not main.actions["actionVerifyCode"].isEnabled()
