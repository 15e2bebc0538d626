"""Report periods: "2022-Q1", "2022-M03", "2022-H1", "2022", and their names.

The code ("2022-Q1") is what is stored and written in files; a clerk may type
either it or the name as the report itself says it: "Quý I/2022", "I/2022",
"Tháng 9/2026", "6 tháng đầu năm 2026", "Năm 2026", or as the English
interface names it: "Q1 2022", "H1 2026", "Month 9/2026", "Year 2026". A name is a
:class:`~dtdesk.core.i18n.Phrase`, said in the language it is shown in ("Quý
I/2022" is "Q1 2022" in English); the Vietnamese is its text. A period fixes the calendar
span; each report also carries its own cut-off date (the seed's Q1 report counts
to 30/3/2022, not 31/3), so the span here is only the default.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from dtdesk.core.errors import Failure
from dtdesk.core.i18n import N_, Phrase

FIRST_YEAR, LAST_YEAR = 1990, 2100  # outside this no report exists, and 9999-Q4 would overflow date

_ROMAN = ("I", "II", "III", "IV")
_CODE = re.compile(r"(\d{4})(?:-(Q[1-4]|M(?:0[1-9]|1[0-2])|H[12]))?", re.ASCII)  # "２０２２" is no code
# Names as typed, matched after NFC, lower case and single spaces
_NAMED = re.compile(
    r"(?:quý |q|(?=i))(?P<q>iv|i{1,3}|[1-4]) ?/ ?(?P<qy>\d{4})"  # a bare digit could be a month
    r"|(?P<cy>\d{4}) ?- ?q(?P<cq>[1-4])"
    r"|(?:tháng|month) (?P<m>0?[1-9]|1[0-2]) ?/ ?(?P<my>\d{4})"
    r"|6 tháng (?P<h>đầu|cuối) năm (?P<hy>\d{4})"
    r"|(?:năm|(?:the )?year) (?P<y>\d{4})"
    r"|q(?P<eq>[1-4]) (?P<eqy>\d{4})|h(?P<eh>[12]) (?P<ehy>\d{4})",  # as the English interface names them
    re.ASCII,  # digits are ASCII digits: a year in other scripts would make a period code no file name should hold
)
EXAMPLES = "Quý I/2022, I/2022, 2022-Q1, Tháng 3/2022, 6 tháng đầu năm 2022, Năm 2022"


class PeriodError(Failure, ValueError):
    """A period that cannot be read."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: its code ("2022-Q1") and its first and last days."""

    code: str
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def label(self) -> Phrase:
        """As in running text: "quý I/2022", "tháng 3/2022", "6 tháng đầu năm 2022", "năm 2022"."""
        return self._named(_LABELS)

    @property
    def title(self) -> Phrase:
        """As in a list to choose from, or a message's "{period}": "Quý III/2026", "6 tháng đầu năm 2026"."""
        return self._named(_TITLES)

    def _named(self, names: dict[str, str]) -> Phrase:
        part = self.code[5:]
        if part.startswith("M"):
            return Phrase(names["M"], month=int(part[1:]), year=self.year)
        return Phrase(names[part], year=self.year)


# A quarter's name is a message of its own: English numbers it ("Q3 2026") where Vietnamese writes "Quý III/2026".
_LABELS = {"Q1": N_("quý I/{year}"), "Q2": N_("quý II/{year}"), "Q3": N_("quý III/{year}"),
           "Q4": N_("quý IV/{year}"), "M": N_("tháng {month}/{year}"), "H1": N_("6 tháng đầu năm {year}"),
           "H2": N_("6 tháng cuối năm {year}"), "": N_("năm {year}")}
_TITLES = {"Q1": N_("Quý I/{year}"), "Q2": N_("Quý II/{year}"), "Q3": N_("Quý III/{year}"),
           "Q4": N_("Quý IV/{year}"), "M": N_("Tháng {month}/{year}"), "H1": N_("6 tháng đầu năm {year}"),
           "H2": N_("6 tháng cuối năm {year}"), "": N_("Năm {year}")}


def _code_of(text: str) -> str | None:
    """The period code a typed text names, or None."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if _CODE.fullmatch(text.upper()):
        return text.upper()
    match = _NAMED.fullmatch(text.lower())
    if not match:
        return None
    g = match.groupdict()
    if g["q"]:
        quarter = int(g["q"]) if g["q"].isdigit() else _ROMAN.index(g["q"].upper()) + 1
        return f"{g['qy']}-Q{quarter}"
    if g["cq"]:
        return f"{g['cy']}-Q{g['cq']}"
    if g["m"]:
        return f"{g['my']}-M{int(g['m']):02d}"
    if g["h"]:
        return f"{g['hy']}-{'H1' if g['h'] == 'đầu' else 'H2'}"
    if g["eq"]:
        return f"{g['eqy']}-Q{g['eq']}"
    if g["eh"]:
        return f"{g['ehy']}-H{g['eh']}"
    return g["y"]


def parse_period(text: str) -> Period:
    """The period a code or a typed name gives ("2022-Q1", "Quý I/2022", "I/2022"…), or PeriodError."""
    code = _code_of(text) if isinstance(text, str) else None
    if code is None:
        shown = "".join(c if c.isprintable() else "?" for c in str(text))[:40]
        raise PeriodError("Kỳ báo cáo «{shown}» không đúng dạng; ví dụ: Quý I/2022, I/2022, 2022-Q1, Tháng 3/2022, 6 "
                          "tháng đầu năm 2022, Năm 2022.", shown=shown)
    year, _, part = code.partition("-")
    year = int(year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError("Kỳ báo cáo «{code}» nằm ngoài các năm {first}–{last}.", code=code,
                          first=FIRST_YEAR, last=LAST_YEAR)
    if not part:
        first, last = 1, 12
    elif part[0] == "Q":
        first = 3 * (int(part[1]) - 1) + 1
        last = first + 2
    elif part[0] == "M":
        first = last = int(part[1:])
    else:
        first, last = (1, 6) if part == "H1" else (7, 12)
    end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)  # the day before the next month
    return Period(code, dt.date(year, first, 1), end)


def shifted(period: str, step: int) -> Period:
    """The period ``step`` periods of the same kind after ``period`` (before it if negative).

    The next quarter after "2022-Q4" is "2023-Q1"; a month, a half or a year moves the same way.
    """
    code = parse_period(period).code
    year, _, part = code.partition("-")
    if not part:
        return parse_period(str(int(year) + step))
    kind, number = part[0], int(part[1:])
    count = {"Q": 4, "M": 12, "H": 2}[kind]
    index = int(year) * count + number - 1 + step
    width = 2 if kind == "M" else 1
    return parse_period(f"{index // count}-{kind}{index % count + 1:0{width}d}")


def next_period(period: str) -> Period:
    return shifted(period, 1)


def previous_period(period: str) -> Period:
    return shifted(period, -1)


def quarter_of(day: dt.date) -> Period:
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


# A quarter's report is written in its last weeks and sent in the first days of
# the next (the seed's Q1 report is dated 31/3, the template's deadline is 5
# days): until this many days into a quarter, the previous one is still due.
GRACE_DAYS = 15


def default_period(today: dt.date | None = None) -> Period:
    """The quarter being reported on ``today``: the current one, or the previous one in its first days."""
    today = today or dt.date.today()
    current = quarter_of(today)
    if (today - current.start).days < GRACE_DAYS:
        return quarter_of(current.start - dt.timedelta(days=1))
    return current


def period_choices(today: dt.date | None = None, years: int = 2) -> list[Period]:
    """Periods to choose from, newest first: this year's and the previous years' quarters, halves, years, months.

    The default (:func:`default_period`) comes first; then, per year, the
    quarters, the two halves, the year, and the months.
    """
    today = today or dt.date.today()
    default = default_period(today)
    out = [default]
    for year in range(today.year, today.year - years, -1):
        parts = [f"Q{q}" for q in range(4, 0, -1)] + ["H2", "H1", ""] + [f"M{m:02d}" for m in range(12, 0, -1)]
        for part in parts:
            period = parse_period(f"{year}-{part}" if part else str(year))
            if period.start <= today and period != default:
                out.append(period)
    return out
