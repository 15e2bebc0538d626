"""The problems panel and the cell marks follow the current problems exactly."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from dtdesk.core.rules import Problem
from dtdesk.gui.problems_panel import ProblemsModel


def test_the_model_lists_problems_then_says_there_are_none(qtbot, main):
    model = ProblemsModel(main.window)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0  # the rules have not run
    model.set_problems([Problem("error", "dvc", "Sai."), Problem("warning", "dvc", "Thiếu.")])
    assert [model.index(r).data() for r in range(2)] == ["Lỗi: Sai.", "Cảnh báo: Thiếu."]
    assert model.index(1).data(Qt.ItemDataRole.ToolTipRole) == "Thiếu."
    assert model.index(0).data(Qt.ItemDataRole.DecorationRole).cacheKey() == model.icons["error"].cacheKey()
    model.set_problems([])
    assert model.rowCount() == 1 and model.index(0).data() == "Không có lỗi hay cảnh báo nào."
    assert model.flags(model.index(0)) == Qt.ItemFlag.NoItemFlags


def test_errors_come_before_warnings_each_in_the_rules_order(qtbot, main):
    model = ProblemsModel(main.window)
    model.set_problems([Problem("warning", "dvc", "W1."), Problem("error", "dvc", "E1."),
                        Problem("warning", "dvc", "W2."), Problem("error", "dvc", "E2.")])
    assert [model.index(r).data() for r in range(4)] == ["Lỗi: E1.", "Lỗi: E2.", "Cảnh báo: W1.", "Cảnh báo: W2."]
    assert model.problem(0).message == "E1."  # a click jumps to the line's own problem


def test_a_long_message_wraps_over_lines_instead_of_being_cut(qtbot, main):
    view, panel = main.problems.view, main.problems
    long = "Mục 3.2 «Về ứng dụng chữ ký số», dòng «Phường Cát Bi», cột (2): " + "quá dài " * 40 + "CUỐI."
    panel.show_problems([Problem("error", "chu_ky_so", long), Problem("warning", "dvc", "Ngắn.")])
    qtbot.wait(50)
    main.window.resize(700, 600)  # narrower after the lines were laid out: they are laid out again
    qtbot.wait(50)
    tall, short = (view.visualRect(panel.model.index(r)) for r in range(2))
    assert tall.height() >= 3 * view.fontMetrics().lineSpacing() > short.height()  # several lines: all of it shown
    assert tall.width() <= view.viewport().width()
    assert panel.lines()[0].endswith("CUỐI.")


def _mark(index):
    return index.data(Qt.ItemDataRole.BackgroundRole), index.data(Qt.ItemDataRole.ToolTipRole)


def test_both_cells_of_a_rule_are_marked_and_cleared_by_undo(main):
    main.select_section("chu_ky_so")
    model = main.pages["chu_ky_so"].model
    signed, total = model.locate("HA-TUPHAP", "", "signed"), model.locate("HA-TUPHAP", "", "total")
    assert _mark(signed) == (None, None)
    assert model.setData(signed, "999")
    assert all(_mark(i)[0] is not None and "không được lớn hơn" in _mark(i)[1] for i in (signed, total))
    assert any("Phòng Tư pháp" in line for line in main.problems.lines())
    main.undo()
    assert _mark(signed) == (None, None) and _mark(total) == (None, None)
    assert main.problems.lines() == ["Không có lỗi hay cảnh báo nào."]
    assert main.outline.marks["chu_ky_so"] == ""


def test_a_refused_figure_is_unmarked_when_the_value_shows_again(main):
    main.select_section("dvc")
    page = main.pages["dvc"]
    edit = page.edits["online"]
    edit.setText("abc")
    edit.editingFinished.emit()
    assert edit.styleSheet() and "abc" in edit.toolTip()
    edit.setText("7")
    edit.editingFinished.emit()
    assert edit.styleSheet() == "" and edit.toolTip() == ""
    edit.setText("abc")
    edit.editingFinished.emit()
    main.undo()  # back to the value before 7: the refused text is replaced, and its mark with it
    assert edit.text() != "abc" and edit.styleSheet() == "" and edit.toolTip() == ""
