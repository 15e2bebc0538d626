import datetime as dt

import pytest

from dtdesk.core.periods import PeriodError, parse_period


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
