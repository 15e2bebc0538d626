"""Report periods: "2022-Q1", "2022-M03", "2022-H1", "2022".

A period fixes the calendar span; each report also carries its own cut-off
date (the seed's Q1 report counts to 30/3/2022, not 31/3), so the span here is
only the default.
"""

import datetime as dt
import re
from typing import NamedTuple

_PATTERN = re.compile(r"^(\d{4})(?:-(Q[1-4]|M(?:0[1-9]|1[0-2])|H[12]))?$")


class PeriodError(ValueError):
    pass


class Period(NamedTuple):
    code: str
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def label(self) -> str:
        """Vietnamese name: "quý I/2022", "tháng 3/2022", "6 tháng đầu năm 2022", "năm 2022"."""
        part = self.code[5:]
        if not part:
            return f"năm {self.year}"
        if part[0] == "Q":
            return f"quý {'I II III IV'.split()[int(part[1]) - 1]}/{self.year}"
        if part[0] == "M":
            return f"tháng {int(part[1:])}/{self.year}"
        return f"6 tháng {'đầu' if part == 'H1' else 'cuối'} năm {self.year}"


def parse_period(code: str) -> Period:
    match = _PATTERN.match(code.strip().upper())
    if not match:
        raise PeriodError(f"Kỳ báo cáo «{code}» không đúng dạng; ví dụ: 2022-Q1, 2022-M03, 2022-H1, 2022.")
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        first, last = 1, 12
    elif part[0] == "Q":
        first = 3 * (int(part[1]) - 1) + 1
        last = first + 2
    elif part[0] == "M":
        first = last = int(part[1:])
    else:
        first, last = (1, 6) if part == "H1" else (7, 12)
    end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)  # the day before the next month
    return Period(match.group(0), dt.date(year, first, 1), end)
