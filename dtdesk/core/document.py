"""The printable report as plain data: what the core decides, the renderer draws.

The core turns a template plus stored values into a :class:`Document` whose
strings are final (numbers and dates already formatted, NFC, *not* escaped).
The renderer only lays it out, so layout can be tested without a database and
business rules can be tested without ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphStyle = Literal["heading", "body", "italic", "point"]
RowKind = Literal["data", "group", "total"]
Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Header:
    """The Decree 30 header block and title (Phụ lục I, mẫu 1.4)."""

    parent_body: str  # "ỦY BAN NHÂN DÂN QUẬN HẢI AN" (may be empty)
    issuing_body: str  # "VĂN PHÒNG HĐND - UBND"
    number: str  # "Số: 05/BC-VP"
    place_date: str  # "Hải An, ngày 31 tháng 3 năm 2022"
    doc_type: str  # "BÁO CÁO"
    abstract: str  # "Tình hình, kết quả thực hiện chuyển đổi số ..."
    cutoff_line: str = ""  # "(Tính đến ngày 30/3/2022)"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph.

    heading: bold ("I. TÌNH HÌNH, KẾT QUẢ", "1. …", "3.2. …");
    body: justified, first-line indent; italic: body in italics (căn cứ);
    point: like body, used for "a) …" points (kept separate so tests can find them).
    """

    text: str
    style: ParagraphStyle = "body"


@dataclass(frozen=True)
class Row:
    """A table row. ``None`` in ``cells`` means "merged into the cell on its left"."""

    cells: tuple[str | None, ...]
    kind: RowKind = "data"


@dataclass(frozen=True)
class Table:
    """A bordered table; ``header`` rows repeat when the table breaks across pages."""

    header: tuple[Row, ...]
    rows: tuple[Row, ...]
    widths: tuple[float, ...]  # relative column widths, summing to anything
    align: tuple[Align, ...]  # alignment of data cells per column


@dataclass(frozen=True)
class Closing:
    """Nơi nhận and the signature block; it is kept on one page."""

    recipients: tuple[str, ...]  # each line as printed: "- TTQU, TT HĐND quận;"
    authority: str  # "KT. CHỦ TỊCH" or "" when the signer signs in their own name
    title: str  # "CHÁNH VĂN PHÒNG"
    name: str  # "Lê Long Hưng"


@dataclass(frozen=True)
class Bar:
    """One bar of the annex's chart: a subunit's key ratio."""

    label: str  # "Phường Cát Bi"
    value: float | None  # a percentage; None draws no bar (no data)
    text: str  # printed at the bar's end: "59,2", or "chưa có số liệu"


@dataclass(frozen=True)
class Annex:
    """The page after the report (``render --annex``): the key ratio per subunit as a chart, and who reported."""

    title: str  # "PHỤ LỤC"
    subtitle: str  # what it holds
    reference: str  # "(Kèm theo Báo cáo số 05/BC-VP ngày 31/3/2022)"
    chart_title: str
    bars: tuple[Bar, ...]
    table_title: str
    table: Table


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    header: Header
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    closing: Closing | None = None
    title: str = ""  # PDF metadata title
    annex: Annex | None = None  # printed after the closing, page numbers continuing
