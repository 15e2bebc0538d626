"""The table forms speak plainly: units in the headings, where borrowed columns come from, refusals at the cell."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QToolTip

from dtdesk.gui.table_model import ERROR_BG
from tests.gui.conftest import stored


def _column(model, field_id):
    return next(c for c in range(model.columnCount()) if (f := model.field_at(c)) is not None and f.id == field_id)


def _heading(model, field_id, role=Qt.ItemDataRole.DisplayRole):
    return model.headerData(_column(model, field_id), Qt.Orientation.Horizontal, role)


def test_a_heading_carries_its_unit_and_says_whole_numbers(main):
    main.select_section("cong_ttdt")
    page = main.pages["cong_ttdt"]
    assert _heading(page.model, "per_week").splitlines() == ["Tỷ lệ", "(tin, bài/tuần, số nguyên)"]
    assert _heading(page.model, "articles").endswith("(tin, bài, số nguyên)")
    assert "số nguyên" in _heading(page.model, "per_week", Qt.ItemDataRole.ToolTipRole)
    main.select_section("chu_ky_so")
    ratio = _heading(main.pages["chu_ky_so"].model, "ratio")
    assert "số nguyên" not in ratio  # a computed ratio is neither typed nor whole


def test_the_rate_column_is_wide_enough_for_a_number_and_its_unit(main):
    main.select_section("cong_ttdt")
    view = main.pages["cong_ttdt"].view
    column = _column(view.table_model(), "per_week")
    assert view.columnWidth(column) > view.fontMetrics().horizontalAdvance("28 tin, bài/tuần")


def test_a_borrowed_column_says_where_from_and_a_double_click_goes_there(main, qtbot):
    main.select_section("cong_ttdt")
    page = main.pages["cong_ttdt"]
    assert "(từ «Triển khai tại các đơn vị»)" in _heading(page.model, "portal_section")
    index = page.model.locate("HA-CATBI", "", "portal_section")
    assert "Triển khai tại các đơn vị" in index.data(Qt.ItemDataRole.ToolTipRole)
    page.view.doubleClicked.emit(index)
    assert main.outline.current_section() == "trien_khai"
    checklist = main.pages["trien_khai"]
    assert main.forms.current_page() is checklist
    assert checklist.view.currentIndex() == checklist.model.locate("HA-CATBI", "", "portal_section")


def test_a_double_click_on_a_column_of_its_own_stays(main):
    main.select_section("cong_ttdt")
    page = main.pages["cong_ttdt"]
    page.view.doubleClicked.emit(page.model.locate("HA-CATBI", "", "articles"))
    assert main.outline.current_section() == "cong_ttdt"


def test_a_refused_entry_stays_in_its_cell_marked_with_the_reason(main, demo_path):
    main.select_section("chu_ky_so")
    page = main.pages["chu_ky_so"]
    index = page.model.locate("HA-TUPHAP", "", "total")
    assert not page.model.setData(index, "1,671")
    assert index.data() == "1,671" and index.data(Qt.ItemDataRole.EditRole) == "1,671"  # kept for correcting
    brush = index.data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == ERROR_BG
    reason = main.controller.last_refusal
    assert "1,671" in reason and reason in index.data(Qt.ItemDataRole.ToolTipRole)
    assert QToolTip.text() == reason  # said at the cell, not only in the status bar
    assert stored(demo_path, "HA-TUPHAP", "chu_ky_so.total") == 66
    assert page.model.setData(index, "1.671")
    assert index.data() == "1.671" and reason not in (index.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert stored(demo_path, "HA-TUPHAP", "chu_ky_so.total") == 1671


def test_a_decimal_in_the_whole_number_rate_is_refused_at_the_cell(main, demo_path):
    main.select_section("cong_ttdt")
    page = main.pages["cong_ttdt"]
    index = page.model.locate("HA", "", "per_week")
    before = stored(demo_path, "HA", "cong_ttdt.per_week")
    assert not page.model.setData(index, "59,2")
    assert index.data() == "59,2" and "số nguyên" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert stored(demo_path, "HA", "cong_ttdt.per_week") == before


def test_a_refused_entry_gives_way_when_the_value_under_it_changes(main):
    main.select_section("chu_ky_so")
    page = main.pages["chu_ky_so"]
    index = page.model.locate("HA-TUPHAP", "", "total")
    assert page.model.setData(index, "70")
    assert not page.model.setData(index, "abc")
    main.undo()  # 70 → 66 under the refused text: the cell shows the value again
    assert index.data() == "66" and index.data(Qt.ItemDataRole.BackgroundRole) is None


def test_clearing_a_refused_entry_clears_its_mark(main):
    main.select_section("chu_ky_so")
    page = main.pages["chu_ky_so"]
    index = page.model.locate("HA-TUPHAP", "", "total")
    assert not page.model.setData(index, "abc")
    page.view.setCurrentIndex(index)
    page.view.clear_selection()
    assert index.data() == ""
    assert "abc" not in (index.data(Qt.ItemDataRole.ToolTipRole) or "")  # only "not entered yet" remains


def test_a_refused_paste_marks_the_cell_that_refused_it(main, demo_path):
    main.select_section("chu_ky_so")
    page = main.pages["chu_ky_so"]
    start = page.model.locate("HA-TUPHAP", "", "total")
    page.view.setCurrentIndex(start)
    assert not page.view.paste("10\t59,2")
    bad = page.model.index(start.row(), start.column() + 1)
    assert bad.data() == "59,2" and "59,2" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert start.data() == "66"  # nothing of the block was written
    assert stored(demo_path, "HA-TUPHAP", "chu_ky_so.total") == 66


def test_entry_cells_show_small_counts_as_typed(main, demo_path):
    main.select_section("chu_ky_so")
    page = main.pages["chu_ky_so"]
    index = page.model.locate("HA-TUPHAP", "", "leader")
    assert page.model.setData(index, "9")
    assert index.data() == "9" and index.data(Qt.ItemDataRole.EditRole) == "9"  # the print's 09 is the print's
    assert stored(demo_path, "HA-TUPHAP", "chu_ky_so.leader") == 9


def test_a_refused_entry_stays_red_when_its_cell_is_selected(main, qtbot):
    from PySide6.QtGui import QColor

    from dtdesk.gui.table_view import MARK_BORDER

    main.select_section("chu_ky_so")
    page = main.pages["chu_ky_so"]
    index = page.model.locate("HA-TUPHAP", "", "total")
    assert not page.model.setData(index, "abc")
    page.view.setFocus()
    page.view.setCurrentIndex(index)  # selected: the selection colour paints over the red background
    qtbot.waitUntil(lambda: page.view.selectionModel().isSelected(index))
    rect = page.view.visualRect(index)
    image = page.view.viewport().grab(rect).toImage()
    edge = QColor(image.pixel(2, image.height() // 2))  # just inside the cell's left edge
    assert edge == MARK_BORDER["error"], edge.name()


def _wrapped_height(view, column):
    """How tall the column's heading is once wrapped at the column's width, as the header draws it."""
    header = view.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    text = view.model().headerData(column, Qt.Orientation.Horizontal)
    area = QRect(0, 0, view.columnWidth(column) - 2 * margin, 10_000)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    return header.fontMetrics().boundingRect(area, flags, text).height() + 2 * margin


@pytest.mark.parametrize("document_system", ["", "HP-eOffice"])
def test_every_heading_shows_whole_at_its_columns_width(main, document_system):
    """3.2's first heading, worded without the office's document system, wraps over five lines with its number and
    unit: the header is as tall as its tallest heading, so no line is cut off at the top or the bottom."""
    main.controller.session.ws.set_setting("document_system", document_system)
    main.load_report(main.controller.data.info)
    for section in ("chu_ky_so", "buu_chinh", "cong_ttdt", "trien_khai"):
        main.select_section(section)
        view = main.pages[section].view
        tallest = max(_wrapped_height(view, column) for column in range(2, view.model().columnCount()))
        assert view.horizontalHeader().height() >= tallest, section


def test_the_headings_fit_again_in_the_other_language(main):
    """Chosen from the Language menu, the headings are worded anew ("(hồ sơ, whole number)") and the columns and
    the header are fitted to those words, not left at the Vietnamese ones' size."""
    main.select_section("buu_chinh")
    view = main.pages["buu_chinh"].view
    main.set_language("en")
    try:
        assert "whole number" in view.model().headerData(2, Qt.Orientation.Horizontal)
        tallest = max(_wrapped_height(view, column) for column in range(2, view.model().columnCount()))
        assert view.horizontalHeader().height() >= tallest
    finally:
        main.set_language("vi")
