import datetime as dt

import pytest

from dtdesk.core.periods import PeriodError, default_period, next_period, parse_period, period_choices, previous_period


@pytest.mark.parametrize(
    "code, start, end, label",
    [("2022-Q1", dt.date(2022, 1, 1), dt.date(2022, 3, 31), "quý I/2022"),
     ("2022-M02", dt.date(2022, 2, 1), dt.date(2022, 2, 28), "tháng 2/2022"),
     ("2022-H2", dt.date(2022, 7, 1), dt.date(2022, 12, 31), "6 tháng cuối năm 2022"),
     ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "năm 2022"),
     ("2024-M02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "tháng 2/2024"),  # a leap year
     ("2100-M02", dt.date(2100, 2, 1), dt.date(2100, 2, 28), "tháng 2/2100"),  # a century is not
     ("2023-Q4", dt.date(2023, 10, 1), dt.date(2023, 12, 31), "quý IV/2023"),
     ("2023-M11", dt.date(2023, 11, 1), dt.date(2023, 11, 30), "tháng 11/2023")],
)
def test_periods(code, start, end, label):
    period = parse_period(code)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("code", ["2022-Q5", "Q1-2022", "2022-M13", "", "22-Q1"])
def test_bad_periods_say_so(code):
    with pytest.raises(PeriodError, match="không đúng dạng"):
        parse_period(code)


@pytest.mark.parametrize("typed, code", [
    ("Quý I/2022", "2022-Q1"), ("quý  iii / 2026", "2026-Q3"), ("I/2022", "2022-Q1"), ("IV/2023", "2023-Q4"),
    ("2022-q1", "2022-Q1"), (" 2022-Q1 ", "2022-Q1"), ("Q3/2026", "2026-Q3"), ("Quý 2/2026", "2026-Q2"),
    ("Tháng 9/2026", "2026-M09"), ("tháng 09/2026", "2026-M09"), ("6 tháng đầu năm 2026", "2026-H1"),
    ("6 tháng cuối năm 2026", "2026-H2"), ("Năm 2026", "2026"), ("Qu\u00fd I/2022", "2022-Q1"),
    ("Quy\u0301 I/2022", "2022-Q1"),  # decomposed "ý", as some keyboards type it
])
def test_periods_by_name(typed, code):
    assert parse_period(typed).code == code


@pytest.mark.parametrize("code, title", [("2026-Q3", "Quý III/2026"), ("2026-H1", "6 tháng đầu năm 2026"),
                                         ("2026", "Năm 2026"), ("2026-M09", "Tháng 9/2026")])
def test_titles_read_back_as_the_same_period(code, title):
    assert parse_period(code).title == title
    assert parse_period(title).code == code


@pytest.mark.parametrize("typed", ["1/2022", "Quý V/2022", "Tháng 13/2022", "Quý I/22", "abc", "A\x1b[2JB", "2022-Q1x"])
def test_unclear_names_are_refused(typed):
    with pytest.raises(PeriodError, match="không đúng dạng") as caught:
        parse_period(typed)
    assert str(caught.value).isprintable()


@pytest.mark.parametrize("code", ["0000-Q1", "9999-Q4", "1989", "2101-M01"])
def test_years_outside_any_report_are_refused(code):
    with pytest.raises(PeriodError, match="ngoài các năm"):
        parse_period(code)


@pytest.mark.parametrize("today, code", [
    (dt.date(2026, 11, 29), "2026-Q4"),  # late in a quarter: that quarter
    (dt.date(2026, 10, 3), "2026-Q3"),  # its first days: the previous one is still being sent
    (dt.date(2026, 1, 5), "2025-Q4"),
    (dt.date(2026, 9, 30), "2026-Q3"),
])
def test_the_default_is_the_quarter_being_reported(today, code):
    assert default_period(today).code == code
    choices = period_choices(today)
    assert choices[0].code == code
    assert len({p.code for p in choices}) == len(choices)
    assert all(p.start <= today for p in choices)


@pytest.mark.parametrize(
    "code, following",
    [("2022-Q1", "2022-Q2"), ("2022-Q4", "2023-Q1"), ("2022-M12", "2023-M01"), ("2022-M09", "2022-M10"),
     ("2022-H1", "2022-H2"), ("2022-H2", "2023-H1"), ("2022", "2023")],
)
def test_next_and_previous_periods_keep_the_kind(code, following):
    assert next_period(code).code == following
    assert previous_period(following).code == code


def test_no_period_after_the_last_year():
    with pytest.raises(PeriodError):
        next_period("2100-Q4")


@pytest.mark.parametrize("code, english, title", [
    ("2022-Q1", "Q1 2022", "Q1 2022"), ("2026-Q4", "Q4 2026", "Q4 2026"), ("2026-H1", "H1 2026", "H1 2026"),
    ("2026-M09", "month 9/2026", "Month 9/2026"), ("2026", "the year 2026", "Year 2026")])
def test_names_are_said_in_the_language_they_are_shown_in(code, english, title):
    """A period's name is worded per language (never the Vietnamese kept inside an English sentence), and every
    English name reads back as the same period (the period list shows them, and a clerk may edit one)."""
    period = parse_period(code)
    assert (period.label.say("en"), period.title.say("en")) == (english, title)
    assert str(period.title) == period.title.say("vi") != title
    assert parse_period(english).code == parse_period(title).code == code
