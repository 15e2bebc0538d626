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


@pytest.mark.parametrize("text, value", [(" 59,2 ", 59.2), ("59.2", 59.2), ("1.671", 1671.0), ("1.671,5", 1671.5), ("", None)])
def test_parse_decimal(text, value):
    assert formats.parse_decimal(text) == value


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
    with pytest.raises(ParseError):
        formats.parse_date("31/2/2022")


def test_nfc_composes_unikey_decomposed_text():
    decomposed = "Phu\u031bo\u031b\u0300ng"  # "Phường" typed as base letters + combining marks
    assert formats.nfc(decomposed) == "Phường"


@pytest.mark.parametrize("value", [0, 7, 1671, 1234567, 98.5, 0.3, 12.25, 1671.5, 100.0, 999999999])
def test_our_grouping_agrees_with_babel(value):
    from babel.numbers import format_decimal

    assert formats.number(value) == format_decimal(value, format="#,##0.##########", locale="vi")
