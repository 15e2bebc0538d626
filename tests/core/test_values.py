"""Cell, parse and show: what a cell shows can be typed back and means the same value."""

from __future__ import annotations

import pytest

from dtdesk.core.template import Field
from dtdesk.core.values import Cell, ParseError, parse, show, typed

COUNT = Field("total", "Tổng số")
MARK = Field("plan", "Đã ban hành kế hoạch", type="bool", format="mark")
TEXT = Field("text", "Nội dung", type="text")


@pytest.mark.parametrize("field, value, shown", [
    (COUNT, 1671, "1.671"),
    (COUNT, 5, "05"),
    (COUNT, 0, "0"),
    (MARK, 1, "x"),
    (TEXT, "Phường Cát Bi", "Phường Cát Bi"),
])
def test_what_is_shown_parses_back_to_the_value(field, value, shown):
    assert show(field, value) == shown
    assert parse(field, shown) == value


RATE = Field("per_week", "Tỷ lệ", format="plain", suffix=" tin, bài/tuần")


@pytest.mark.parametrize("field, value, printed, entered", [
    (COUNT, 9, "09", "9"),
    (COUNT, 1, "01", "1"),
    (COUNT, 1430, "1.430", "1.430"),
    (RATE, 28, "28 tin, bài/tuần", "28"),
    (MARK, 1, "x", "x"),
])
def test_the_print_pads_small_counts_and_a_clerk_types_them_plain(field, value, printed, entered):
    assert show(field, value) == printed
    assert typed(field, value) == entered
    assert parse(field, entered) == value


def test_nothing_shows_as_the_missing_text_and_parses_to_nothing():
    assert show(COUNT, None, missing="…") == "…"
    assert parse(MARK, show(MARK, None)) is None


def test_a_refusal_is_one_sentence():
    with pytest.raises(ParseError, match="dấu đánh"):
        parse(MARK, "có lẽ")


def test_a_cell_is_the_plain_unit_key_row_tuple():
    values = {("HA", "dvc.received", ""): 1671}
    assert values[Cell("HA", "dvc.received")] == 1671
    assert Cell("HA", "buu_chinh.sent", "buu_chinh") == ("HA", "buu_chinh.sent", "buu_chinh")
