import datetime as dt

import pytest

from dtdesk.core import formats
from dtdesk.core.formats import ParseError


@pytest.mark.parametrize("value, text", [(1671, "1.671"), (0, "0"), (239, "239"), (1282, "1.282"), (1234567, "1.234.567")])
def test_number_groups_with_dots(value, text):
    assert formats.number(value) == text


@pytest.mark.parametrize("value, text", [(9, "09"), (5, "05"), (1, "01"), (0, "0"), (10, "10"), (1432, "1.432")])
def test_count_pads_one_to_nine(value, text):
    assert formats.count(value) == text


@pytest.mark.parametrize(
    "part, whole, text",
    [(65, 66, "98,5"), (23, 29, "79,3"), (9, 11, "81,8"), (39, 40, "97,5"), (47, 48, "97,9"), (53, 54, "98,1"),
     (990, 1671, "59,2"), (700, 914, "76,6"), (37, 37, "100"), (0, 0, "0"), (0, 1, "0")],
)
def test_ratios_match_the_seed(part, whole, text):
    assert formats.ratio(formats.percent(part, whole)) == text


def test_ratio_rounds_half_up_not_half_even():
    # Babel alone gives "0,2" for 0.25 (half-even); the report rounds half up.
    assert formats.ratio(0.25) == "0,3"
    assert formats.ratio(12.35) == "12,4"
    assert formats.ratio(99.95) == "100"


@pytest.mark.parametrize("text, value", [("1.671", 1671), ("1671", 1671), (" 1 671 ", 1671), ("0", 0), ("", None), ("  ", None), (None, None), (12, 12)])
def test_parse_int_accepts_what_a_clerk_types(text, value):
    assert formats.parse_int(text) == value


@pytest.mark.parametrize("text, fragment", [("abc", "không phải là số nguyên"), ("-5", "số âm"), ("12,5", "không phải là số nguyên"),
                                             ("99999999999", "quá lớn"), ("1.67", "không phải là số nguyên"), ("١٢", "không phải")])
def test_parse_int_refuses_with_a_sentence(text, fragment):
    with pytest.raises(ParseError, match=fragment):
        formats.parse_int(text)


@pytest.mark.parametrize("text, value", [(" 59,2 ", 59.2), ("59.2", 59.2), ("1.671", 1671.0), ("1.671,5", 1671.5), ("", None),
                                         ("1 671,5", 1671.5)])
def test_parse_decimal(text, value):
    assert formats.parse_decimal(text) == value


@pytest.mark.parametrize("text", ["1 23", "1 2 3", "١٢", "1_0", "1e3", "NaN", "Infinity", "1,2,3", "1.67,5", "-", "5,"])
def test_parse_decimal_refuses_what_is_not_one_number(text):
    with pytest.raises(ParseError, match="không phải là số|khoảng trắng"):
        formats.parse_decimal(text)


@pytest.mark.parametrize("text", ["1 23", "1 2 3", "12 3456", "1\u00a023"])
def test_spaces_inside_a_number_are_not_removed(text):
    """Only groups of three may be spaced: "1 23" is not 123."""
    with pytest.raises(ParseError, match="khoảng trắng xen giữa các chữ số"):
        formats.parse_int(text)


@pytest.mark.parametrize("text", ["1_0", "١٢٣", "１２", "0x10", "+5", "1e3"])
def test_only_ascii_digits_make_a_number(text):
    with pytest.raises(ParseError, match="không phải là số nguyên"):
        formats.parse_int(text)


def test_a_refusal_quotes_the_input_short_and_printable():
    with pytest.raises(ParseError) as caught:
        formats.parse_int("x\ud800" + "9" * 100_000)
    message = str(caught.value)
    assert len(message) < 200
    message.encode("utf-8")  # a lone surrogate would raise here, and in print()


def test_text_is_stored_as_nfc():
    assert formats.parse_text("Phu\u031bo\u031b\u0300ng") == "Phường"
    assert formats.parse_text(None) == ""


@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "ok \ud83d"])
def test_a_lone_surrogate_in_text_is_refused(text):
    with pytest.raises(ParseError, match="ký tự không hợp lệ"):
        formats.parse_text(text)


@pytest.mark.parametrize(
    "date, long, short",
    [(dt.date(2022, 1, 5), "ngày 05 tháng 01 năm 2022", "05/01/2022"),
     (dt.date(2022, 3, 31), "ngày 31 tháng 3 năm 2022", "31/3/2022"),
     (dt.date(2021, 10, 26), "ngày 26 tháng 10 năm 2021", "26/10/2021"),
     (dt.date(2022, 2, 8), "ngày 08 tháng 02 năm 2022", "08/02/2022"),
     (dt.date(2022, 3, 10), "ngày 10 tháng 3 năm 2022", "10/3/2022")],
)
def test_dates_follow_the_decree(date, long, short):
    assert formats.date_long(date) == long
    assert formats.date_short(date) == short


def test_parse_date_both_ways():
    assert formats.parse_date("30/3/2022") == formats.parse_date("2022-03-30") == dt.date(2022, 3, 30)
    assert formats.parse_date(" 05/01/2022 ") == dt.date(2022, 1, 5)


@pytest.mark.parametrize("text", ["31/2/2022", "0/1/2022", "1/13/2022", "1/1/0000", "2022-02-30"])
def test_a_date_not_in_the_calendar_is_refused(text):
    with pytest.raises(ParseError, match="không phải là ngày hợp lệ: lịch không có"):
        formats.parse_date(text)


@pytest.mark.parametrize("text", ["١٢/٣/٢٠٢٢", "1_0/1/2022", "1/1/99999999999999999999", "1/1/22", "30/3/2022/1",
                                  "20220330", "2022-W13-1", "", "3 0/3/2022", "+1/1/2022"])
def test_what_is_not_shaped_as_a_date_is_refused(text):
    with pytest.raises(ParseError, match="không phải là ngày; gõ ngày/tháng/năm"):
        formats.parse_date(text)


def test_nfc_composes_unikey_decomposed_text():
    decomposed = "Phu\u031bo\u031b\u0300ng"  # "Phường" typed as base letters + combining marks
    assert formats.nfc(decomposed) == "Phường"


@pytest.mark.parametrize("value", [0, 7, 1671, 1234567, 98.5, 0.3, 12.25, 1671.5, 100.0, 999999999])
def test_our_grouping_agrees_with_babel(value):
    from babel.numbers import format_decimal

    assert formats.number(value) == format_decimal(value, format="#,##0.##########", locale="vi")
