"""Reports in a workspace: the ``reports`` table, and finding, starting and defining reports and units."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from dtdesk.core.formats import nfc
from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.report import ReportData, ReportInfo
from dtdesk.core.template import load_template
from dtdesk.core.units import KINDS, Unit
from dtdesk.store.base import Tables, WorkspaceError, marks, now

if TYPE_CHECKING:
    from dtdesk.store.workspace import Workspace

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
REPORT_COLUMNS = ("unit", "period", "template_id", "template_version", "start", "cutoff", "revision", "illustrative")


class Reports(Tables):
    """The ``reports`` table: one row per (unit, period) with its template, dates and revision."""

    def ensure_report(self, info: ReportInfo) -> None:
        row = {"unit": info.unit, "period": info.period, "template_id": info.template_id,
               "template_version": info.template_version, "start": info.start.isoformat(),
               "cutoff": info.cutoff.isoformat(), "revision": info.revision, "illustrative": int(info.illustrative)}
        self._writable()
        with self.conn:
            self.db["reports"].upsert(row, pk=("unit", "period"))

    def set_report_dates(self, unit: str, period: str, start: dt.date, cutoff: dt.date) -> None:
        """Change a report's start and cut-off dates, audited like a value."""
        self._writable()
        old = self.report(unit, period)
        if old is None or start > cutoff:
            raise WorkspaceError("Ngày bắt đầu phải trước ngày chốt số liệu.")
        with self.transaction():
            self.conn.execute("UPDATE reports SET start = ?, cutoff = ? WHERE unit = ? AND period = ?",
                              (start.isoformat(), cutoff.isoformat(), unit, period))
            at = now()
            self._audit([(at, self.user, unit, period, key, "", before.isoformat(), after.isoformat(), "local")
                         for key, before, after in (("report.start", old.start, start),
                                                    ("report.cutoff", old.cutoff, cutoff))
                         if before != after])

    @staticmethod
    def _report(row: dict) -> ReportInfo:
        return ReportInfo(row["unit"], row["period"], row["template_id"], row["template_version"],
                          dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["cutoff"]),
                          row["revision"], bool(row["illustrative"]))

    def reports(self, unit: str | None = None) -> list[ReportInfo]:
        where, args = ("unit = ?", [unit]) if unit else (None, None)
        sql = "SELECT * FROM reports" + (f" WHERE {where}" if where else "") + " ORDER BY unit, period"
        return [self._report(r) for r in self._rows(sql, args or ())]

    def report(self, unit: str, period: str) -> ReportInfo | None:
        rows = self.report_row(unit, period)
        return self._report(rows) if rows else None

    def report_row(self, unit: str, period: str) -> dict | None:
        """The report's row as stored (dates as ISO text), as a submission file carries it."""
        rows = self._rows(f"SELECT {', '.join(REPORT_COLUMNS)} FROM reports WHERE unit = ? AND period = ?",
                          (unit, period))
        return rows[0] if rows else None

    def latest_period(self, unit: str) -> str | None:
        row = self.conn.execute("SELECT max(period) FROM reports WHERE unit = ?", (unit,)).fetchone()
        return row[0]

    def _put_report_row(self, row: dict) -> None:
        """Insert or replace a report's row as a submission file carries it (inside the caller's transaction)."""
        self.conn.execute(f"INSERT OR REPLACE INTO reports ({', '.join(REPORT_COLUMNS)})"
                          f" VALUES ({marks(len(REPORT_COLUMNS))})", tuple(row[c] for c in REPORT_COLUMNS))


def resolve(ws: Workspace, unit: str | None = None, period: str | None = None) -> ReportInfo:
    """The report named, defaulting to the workspace's own unit and its latest period."""
    unit = unit or ws.own_unit
    if not unit:
        raise WorkspaceError("Tệp chưa có đơn vị báo cáo; hãy chỉ rõ --unit.")
    if unit not in ws.hierarchy():
        raise WorkspaceError(f"Không có đơn vị mã «{unit}» trong tệp; xem danh sách bằng lệnh «dtdesk units».")
    if period:
        try:
            period = parse_period(period).code
        except PeriodError as exc:
            raise WorkspaceError(str(exc)) from None
    else:
        period = ws.latest_period(unit)
        if not period:
            raise WorkspaceError(f"Đơn vị «{unit}» chưa có báo cáo nào trong tệp.")
    info = ws.report(unit, period)
    if info is None:
        raise WorkspaceError(f"Đơn vị «{unit}» chưa có báo cáo kỳ {period}.")
    return info


def report_data(ws: Workspace, info: ReportInfo) -> ReportData:
    template = load_template(info.template_id, info.template_version)
    return ReportData(template, ws.hierarchy(), info, ws.values(info.period))


DEFAULT_TEMPLATE = ("cds-quarterly", 1)


def start_report(ws: Workspace, unit: str, period: str, cutoff: str = "") -> ReportInfo:
    """The unit's report for a period, created if new (cut-off: typed "30/6/2022", or the period's end).

    A new report takes the template version of the unit's latest report (or
    the workspace's, or the built-in one), so next year's outline is chosen
    once and then followed.
    """
    from dtdesk.core.formats import ParseError, date_short, parse_date

    if unit not in ws.hierarchy():
        raise WorkspaceError(f"Không có đơn vị mã «{unit}» trong tệp.")
    try:
        span = parse_period(period)
        end = parse_date(cutoff) if cutoff.strip() else span.end
    except (PeriodError, ParseError) as exc:
        raise WorkspaceError(str(exc)) from None
    if end < span.start:
        raise WorkspaceError(f"Ngày chốt số liệu phải từ ngày đầu kỳ ({date_short(span.start)}) trở đi.")
    existing = ws.report(unit, span.code)
    if existing is not None:
        return existing
    latest = ws.reports(unit) or ws.reports()
    template_id, version = (latest[-1].template_id, latest[-1].template_version) if latest else DEFAULT_TEMPLATE
    ws.ensure_report(ReportInfo(unit, span.code, template_id, version, span.start, end))
    return ws.report(unit, span.code)


def define_unit(ws: Workspace, code: str, name: str, kind: str, parent: str = "", short: str = "") -> Unit:
    """Add a unit the clerk typed (their own ward, or a body of theirs); checks it first.

    The first unit defined in an empty workspace becomes the workspace's own
    unit: the one whose report opens by default and whose files go upward.
    """
    code, name, short, parent = (nfc(x).strip() for x in (code, name, short, parent))
    hierarchy = ws.hierarchy()
    if not _CODE.match(code):
        raise WorkspaceError("Mã đơn vị chỉ gồm chữ không dấu, chữ số và dấu gạch ngang, ví dụ HA-CATBI.")
    if code in hierarchy:
        raise WorkspaceError(f"Đã có đơn vị mã «{code}».")
    if not name:
        raise WorkspaceError("Hãy nhập tên đơn vị, ví dụ «Phường Cát Bi».")
    if kind not in KINDS:
        raise WorkspaceError(f"Loại đơn vị «{kind}» không được hỗ trợ.")
    if parent and parent not in hierarchy:
        raise WorkspaceError(f"Không có đơn vị cấp trên mã «{parent}».")
    siblings = hierarchy.children(parent or None)
    unit = Unit(code, name, kind, parent or None, short, position=len(siblings) + 1)
    ws.add_units([unit])
    if not ws.own_unit:
        ws.set_own_unit(code)
    return unit
