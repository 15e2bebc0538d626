"""Acceptance: a new ward clerk sets up her office, types her report, comes back to it and sends it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from dtdesk.exchange.validate import read_submission
from tests.gui.acceptance import launch, set_up


def _type(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_new_clerk_sets_up_her_ward_types_quits_comes_back_and_exports(qtbot, settings, places, monkeypatch,
                                                                        tmp_path, said):
    dialogs = set_up(qtbot, monkeypatch, "hai phong", "hai an", "Phường Hải An (", "Quý III/2026")
    window = launch(qtbot, settings, monkeypatch)
    assert dialogs == [""]  # the first run asked who she is, and that was enough
    info = window.controller.data.info
    assert (info.unit, info.period) == ("11413", "2026-Q3")
    assert window.window.windowTitle() == "Phường Hải An — Quý III/2026 — hai-an.sqlite"
    header = window.pages["header"]
    assert header.edits["issuing_body"].toPlainText() == "ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI AN"  # worded for a ward
    _type(qtbot, header.edits["number"], "12/BC-UBND")
    window.select_section("dvc")  # 3.1
    figures = window.pages["dvc"]
    _type(qtbot, figures.edits["received"], "120")
    _type(qtbot, figures.edits["resolved"], "98")
    window.select_section("chu_ky_so")  # a table: the ward's own row
    table = window.pages["chu_ky_so"]
    total = table.model.locate("11413", "", "total")
    assert total.isValid()
    table.view.setCurrentIndex(total)
    table.view.setFocus()
    qtbot.keyClicks(table.view, "4")  # typing starts the cell's editor, like a spreadsheet
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.session.ws.value("11413", "2026-Q3", "chu_ky_so.total") == 40)
    window.window.close()  # quits

    again = launch(qtbot, settings, monkeypatch)  # no dialog this time: set_up's answers are not asked for
    info = again.controller.data.info
    assert (info.unit, info.period) == ("11413", "2026-Q3")
    assert again.pages["header"].edits["number"].text() == "12/BC-UBND"
    again.select_section("dvc")
    assert again.pages["dvc"].edits["received"].text() == "120"
    again.select_section("chu_ky_so")
    assert again.pages["chu_ky_so"].model.locate("11413", "", "total").data() == "40"

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    again.actions["actionExportSubmission"].trigger()
    (sent,) = out.iterdir()
    assert sent.name == "11413_2026-Q3_r1.dtdesk.sqlite"
    assert said[-1][0] == "information" and sent.name in said[-1][1]
    submission = read_submission(sent)
    assert submission.manifest["unit"] == "11413" and submission.manifest["parent"] == "31"
    again.close_workspace()
