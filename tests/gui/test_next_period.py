from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import stored


def _roll(main, monkeypatch, answer=QMessageBox.StandardButton.Yes):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    main.actions["actionNextPeriod"].trigger()
    return asked


def test_the_next_period_opens_with_its_texts_marked_until_edited(main, monkeypatch, qtbot, demo_path):
    (question,) = _roll(main, monkeypatch)
    assert "Quý II/2022" in question and "Quý I/2022" in question
    assert main.controller.data.info.period == "2022-Q2"
    assert stored(demo_path, "HA", "dvc.carried", period="2022-Q2") == 195
    main.select_section("ton_tai")
    page = main.pages["ton_tai"]
    assert page.editor.toPlainText() == stored(demo_path, "HA", "ton_tai.text")
    assert page.review.isVisible()
    page.editor.setFocus()
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    page.editor.insertPlainText(" Quý II đã khắc phục.")
    main.select_section("header")  # leaving the section commits
    main.select_section("ton_tai")
    assert not page.review.isVisible()
    main.select_section("dvc")
    assert main.pages["dvc"].reviews[0].isVisible()  # "Nội dung khác" is still as carried


def test_a_second_roll_is_refused_with_one_sentence(main, monkeypatch, said):
    _roll(main, monkeypatch)
    main.load_report(main.ws.report("HA", "2022-Q1"))
    _roll(main, monkeypatch)
    assert said[-1][0] == "warning" and "đã có báo cáo Quý II/2022" in said[-1][1]
    assert main.controller.data.info.period == "2022-Q1"


def test_saying_no_changes_nothing(main, monkeypatch):
    _roll(main, monkeypatch, QMessageBox.StandardButton.No)
    assert main.ws.report("HA", "2022-Q2") is None and main.controller.data.info.period == "2022-Q1"
