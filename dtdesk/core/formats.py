"""Vietnamese number and date formats of the printed report (docs/printed-report.md).

Numbers go through Babel's ``vi`` locale: "." groups thousands, "," is the
decimal mark. Ratios are rounded **half up** to one decimal (the seed's ratios
follow ordinary school rounding, e.g. 65/66 = 98,48… → "98,5"); Babel alone
would round half-even, so we quantize with :mod:`decimal` first. Dates follow
the decree: days below 10 and months 1–2 take a leading zero.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from dtdesk.core.errors import Failure
from dtdesk.core.i18n import N_, Phrase

LOCALE = "vi"


@cache
def _symbols() -> dict[int, str]:
    """The ``vi`` locale's grouping and decimal marks, from Babel's CLDR data.

    Babel's own ``format_decimal`` parses its pattern on every call (about a
    millisecond); a table of a hundred cells would stall the window, so we ask
    Babel once for the symbols and group with Python's formatter.
    tests/core/test_formats.py checks we agree with ``format_decimal``.
    """
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return str.maketrans({",": get_group_symbol(LOCALE), ".": get_decimal_symbol(LOCALE)})


def _localize(text: str) -> str:
    return text.translate(_symbols())


def nfc(text: str | None) -> str:
    """Every string we store or print is NFC: ReportLab cannot shape combining marks."""
    return unicodedata.normalize("NFC", text or "")


def number(value: int | float | Decimal) -> str:
    """1671 → "1.671"; 98.5 → "98,5"."""
    if isinstance(value, int) or float(value).is_integer():
        return _localize(f"{int(value):,}")
    return _localize(f"{Decimal(str(value)):,.10f}".rstrip("0"))


def count(value: int) -> str:
    """A count as the seed prints it: 1–9 zero-padded ("09"), 0 as "0", else grouped."""
    if 0 < value < 10:
        return f"{value:02d}"
    return number(value)


def ratio(value: float | Decimal | None) -> str:
    """A percentage with one decimal, half-up, and no ",0": 98.48 → "98,5", 100.0 → "100"."""
    if value is None:
        return ""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return number(rounded)


def percent(part: float, whole: float) -> float:
    """part/whole × 100, with 0 when the whole is 0 (the seed prints "0" for 0/0)."""
    return 0.0 if not whole else part * 100.0 / whole


_OS_REASONS = {
    errno.ENOENT: N_("không tìm thấy tệp hoặc thư mục"),
    errno.EACCES: N_("không có quyền truy cập"),
    errno.EPERM: N_("không có quyền truy cập"),
    errno.ENOSPC: N_("ổ đĩa đã đầy"),
    errno.EROFS: N_("ổ đĩa chỉ cho phép đọc"),
    errno.EISDIR: N_("đây là một thư mục"),
    errno.ENOTDIR: N_("đường dẫn không phải là thư mục"),
}


def os_reason(exc: OSError) -> Phrase:
    """Why a file operation failed, said in the user's language when we know the case (else the system's words).

    Given as the ``reason`` of another failure or sentence, it is said in the
    same language; ``str()`` of it is the Vietnamese.
    """
    return Phrase(_OS_REASONS.get(exc.errno, exc.strerror or str(exc)))


class ParseError(Failure, ValueError):
    """Raised with a Vietnamese sentence a clerk can act on."""


def shown(text: object, limit: int = 40) -> str:
    """What a clerk typed, fit to quote in a message: no lone surrogate (a terminal
    cannot print one), no control character, and cut with "…" when long."""
    raw = str(text)
    cut = raw[:limit] + ("…" if len(raw) > limit else "")
    return "".join("\ufffd" if _unprintable(c) else c for c in cut)


def printable(value: object, limit: int = 40) -> str:
    """Text from a file or its name as it may be quoted: cut short, and no control, format or undecodable
    character (escape sequences, a right-to-left override, a lone surrogate) reaches the terminal."""
    text = str(value)
    if len(text) <= limit and text.isprintable():  # the usual name or code, quoted as it is
        return text
    cut = text[:limit] + ("…" if len(text) > limit else "")
    return "".join(c if c.isprintable() else "\ufffd" for c in cut)


def _unprintable(char: str) -> bool:
    return "\ud800" <= char <= "\udfff" or unicodedata.category(char) == "Cc"


def parse_text(text: object) -> str:
    """Typed text as stored: NFC. A lone surrogate (half of a pasted emoji, or bytes
    that were never text) cannot be stored or printed, so it is refused, not dropped."""
    value = nfc("" if text is None else str(text))
    if any("\ud800" <= c <= "\udfff" for c in value):
        raise ParseError("Văn bản có ký tự không hợp lệ (ký tự bị cắt đôi khi dán); hãy gõ lại đoạn vừa dán.")
    return value


_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")  # space, no-break space, narrow no-break space, thin space
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_SPACED = re.compile(r"^\d{1,3}( \d{3})+$")
_DIGITS = re.compile(r"^\d+$", re.ASCII)


def _digits_only(text: str) -> str:
    """A typed whole number without its thousands separators ("1.671", "1 671" → "1671").

    Separators count only between groups of three digits: "1 23" and "1 2 3"
    are two or three numbers, not 123. Only ASCII digits are digits here
    (Python's int() also reads "١٢" and "1_0").
    """
    spaced = _SPACES.sub(" ", text)
    if _SPACED.match(spaced):
        return spaced.replace(" ", "")
    if " " in spaced:
        raise ParseError("«{text}» có khoảng trắng xen giữa các chữ số; gõ liền (1671) hoặc nhóm từng ba chữ số "
                         "(1.671).", text=shown(text))
    if _GROUPED.match(text):
        return text.replace(".", "")
    return text


def parse_int(text: str | int | None) -> int | None:
    """Read a whole number the way a clerk types it: "1.671", "1671", " 1 671 ".

    Empty means "not entered" (None). Anything else that is not a whole
    number ≥ 0 raises :class:`ParseError` with the reason.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ParseError("Giá trị phải là số nguyên.")
    if isinstance(text, int):
        value = text
    else:
        stripped = nfc(str(text)).strip()
        if not stripped:
            return None
        cleaned = _digits_only(stripped)
        if cleaned.startswith("-") and _DIGITS.match(cleaned[1:]):
            raise ParseError("«{text}» là số âm; chỉ nhập số từ 0 trở lên.", text=shown(text))
        if not _DIGITS.match(cleaned):
            raise ParseError("«{text}» không phải là số nguyên; chỉ nhập chữ số, ví dụ 1.671.", text=shown(text))
        value = int(cleaned)
    if value < 0:
        raise ParseError("«{text}» là số âm; chỉ nhập số từ 0 trở lên.", text=shown(text))
    if value > MAX_INT:
        raise ParseError("«{text}» quá lớn; số lớn nhất được nhập là {largest}.", text=shown(text),
                         largest=number(MAX_INT))
    return value


MAX_INT = 999_999_999
_DECIMAL = re.compile(r"^\d+(\.\d+)?$", re.ASCII)


def parse_decimal(text: str | float | None) -> float | None:
    """Read " 59,2 " or "59.2" or "1.671,5" as a number; empty is None."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    stripped = nfc(str(text)).strip()
    if not stripped:
        return None
    whole, comma, fraction = stripped.partition(",")
    if comma:
        cleaned = _digits_only(whole).replace(".", "x") + "." + fraction  # a "." left in the whole part is an error
    else:
        cleaned = _digits_only(stripped)  # "1.671" is grouped, "59.2" is a decimal point
    if not _DECIMAL.match(cleaned):
        raise ParseError("«{text}» không phải là số; ví dụ hợp lệ: 59,2.", text=shown(text))
    return float(cleaned)


def _day(d: dt.date) -> str:
    return f"{d.day:02d}"


def _month(d: dt.date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def date_long(d: dt.date) -> str:
    """"ngày 05 tháng 01 năm 2022", "ngày 31 tháng 3 năm 2022"."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"


def date_short(d: dt.date) -> str:
    """"26/10/2021", "08/01/2022", "10/3/2022"."""
    return f"{_day(d)}/{_month(d)}/{d.year}"


def day_month(d: dt.date) -> str:
    """"01/01": a date inside the report's own year."""
    return f"{_day(d)}/{_month(d)}"


_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)


def parse_date(text: str) -> dt.date:
    """ISO "2022-03-30" or the Vietnamese "30/3/2022": ASCII digits, a four-digit year.

    Python's int() would also read "١٢" and "1_0", and a 20-digit year makes
    ``date`` overflow, so the shape is checked before any number is made.
    """
    typed = nfc(text).strip()
    if short := _SHORT_DATE.match(typed):
        day, month, year = (int(part) for part in short.groups())
    elif iso := _ISO_DATE.match(typed):
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise ParseError("«{text}» không phải là ngày; gõ ngày/tháng/năm bằng chữ số, ví dụ: 30/3/2022.",
                         text=shown(text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError("«{text}» không phải là ngày hợp lệ: lịch không có ngày {day} tháng {month} năm {year}.",
                         text=shown(text), day=day, month=month, year=year) from None
