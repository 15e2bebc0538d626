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


def test_a_text_still_right_is_kept_as_it_is_and_its_mark_goes(main, monkeypatch, demo_path):
    _roll(main, monkeypatch)
    main.select_section("ton_tai")
    page = main.pages["ton_tai"]
    text = page.editor.toPlainText()
    assert page.review.isVisible() and page.review.keep.isVisible()
    page.review.keep.click()  # "Giữ nguyên nội dung này"
    assert not page.review.isVisible() and page.editor.toPlainText() == text
    assert stored(demo_path, "HA", "ton_tai.text", period="2022-Q2") == text  # the text is as it was
    assert not main.ws.is_carried(page.review.cell, "2022-Q2")  # the mark is the store's: it stays gone
    step = main.ws.audit("HA", "2022-Q2", "ton_tai.text")[-1]
    assert step["old"] == step["new"] == text and step["source"] == "local"
    main.select_section("dvc")
    assert main.pages["dvc"].reviews[0].isVisible()  # only that text was kept


def test_a_sent_report_keeps_its_marks(main, monkeypatch, tmp_path, said):
    from PySide6.QtWidgets import QFileDialog

    _roll(main, monkeypatch)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    assert main.exchange.export_submission() is not None
    main.select_section("ton_tai")
    page = main.pages["ton_tai"]
    assert page.review.isVisible() and not page.review.keep.isEnabled()
    assert not main.controller.keep_carried(page.review.cell)
    assert "mở lại" in main.controller.last_refusal and main.ws.is_carried(page.review.cell, "2022-Q2")


def test_the_wards_column_sums_reports_only_as_the_printed_sentence_does(main, monkeypatch):
    from dtdesk.core.values import Cell

    _roll(main, monkeypatch)  # every ward's "tồn trước" is carried (11 in all): no ward has reported yet
    main.select_section("dvc")
    page = main.pages["dvc"]
    assert page.sums["carried"].text() == "…"
    assert "chưa có số liệu của phường nào" in page.sub_heading.text()
    assert "Cấp phường: chưa có số liệu của phường nào" in page.preview.text()
    ward = next(c for c in main.controller.data.values if c[0] != "HA" and c[1] == "dvc.carried")[0]
    carried = main.controller.data.raw(ward, "dvc.carried")
    assert main.controller.edit(Cell(ward, "dvc.received"), "4")  # the ward's paper report, keyed here
    assert page.sums["carried"].text() == str(carried) and page.sums["received"].text() == "4"
    assert "(1/8 phường đã báo cáo)" in page.sub_heading.text()
    assert "(1/8 phường đã báo cáo)" in page.preview.text()


def test_keeping_a_text_is_undone_and_redone_like_an_edit(main, monkeypatch):
    _roll(main, monkeypatch)
    main.select_section("ton_tai")
    page = main.pages["ton_tai"]
    cell = page.review.cell
    page.review.keep.click()  # "Giữ nguyên nội dung này"
    assert not page.review.isVisible()
    assert main.actions["actionUndo"].isEnabled()
    main.actions["actionUndo"].trigger()  # Ctrl+Z
    assert page.review.isVisible() and main.ws.is_carried(cell, "2022-Q2")  # the mark is back, in the store too
    step = main.ws.audit("HA", "2022-Q2", "ton_tai.text")[-1]
    assert step["old"] == step["new"] and step["source"] == "carried"  # the audit says it was taken back
    main.actions["actionRedo"].trigger()
    assert not page.review.isVisible() and not main.ws.is_carried(cell, "2022-Q2")


def test_undoing_an_edit_of_a_carried_text_brings_its_mark_back(main, monkeypatch):
    from dtdesk.core.values import Cell

    _roll(main, monkeypatch)
    cell = Cell("HA", "ton_tai.text")
    carried = main.controller.data.raw(*cell)
    assert main.controller.edit(cell, "- Quý II đã khắc phục.")
    assert cell not in main.controller.data.carried
    main.actions["actionUndo"].trigger()
    assert main.controller.data.raw(*cell) == carried
    assert cell in main.controller.data.carried and main.ws.is_carried(cell, "2022-Q2")
