"""Reports in a workspace: the ``reports`` table, and finding, starting and defining reports and units."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dtdesk.core.formats import ParseError, date_short, nfc, parse_date
from dtdesk.core.i18n import Phrase
from dtdesk.core.levels import header_defaults
from dtdesk.core.periods import FIRST_YEAR, PeriodError, parse_period, previous_period
from dtdesk.core.report import ReportData, ReportInfo
from dtdesk.core.retirement import Retirement, plan_retirement
from dtdesk.core.template import load_template, with_settings
from dtdesk.core.units import (CODE_RULE, KINDS, Hierarchy, Unit, UnitError, check_merge, check_placement, check_tree,
                               is_code, shown_code)
from dtdesk.store.backup import own_files
from dtdesk.store.base import Tables, WorkspaceError, marks, now

if TYPE_CHECKING:
    from dtdesk.store.workspace import Workspace

REPORT_COLUMNS = ("unit", "period", "template_id", "template_version", "start", "cutoff", "revision", "illustrative")


class Reports(Tables):
    """The ``reports`` table: one row per (unit, period) with its template, dates and revision."""

    @staticmethod
    def _info_row(info: ReportInfo) -> dict:
        return {"unit": info.unit, "period": info.period, "template_id": info.template_id,
                "template_version": info.template_version, "start": info.start.isoformat(),
                "cutoff": info.cutoff.isoformat(), "revision": info.revision, "illustrative": int(info.illustrative)}

    def ensure_report(self, info: ReportInfo) -> None:
        self._writable()
        with self.conn:
            self.db["reports"].upsert(self._info_row(info), pk=("unit", "period"))

    def put_report(self, info: ReportInfo) -> None:
        """Insert or replace a report's row inside the caller's transaction."""
        self._put_report_row(self._info_row(info))

    def set_report_dates(self, unit: str, period: str, start: dt.date, cutoff: dt.date) -> None:
        """Change a report's start and cut-off dates, audited like a value."""
        self._writable()
        old = self.report(unit, period)
        if old is None or start > cutoff:
            raise WorkspaceError("Ngày bắt đầu phải trước ngày chốt số liệu.")
        with self.transaction():
            self.refuse_if_locked(unit, period)
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
        raise WorkspaceError("Tệp chưa ghi đơn vị báo cáo của mình; hãy chọn đơn vị cần xem.")
    if unit not in ws.hierarchy():
        raise WorkspaceError("Không có đơn vị mã «{unit}» trong tệp.", unit=shown_code(unit))
    if period:
        try:
            period = parse_period(period).code
        except PeriodError as exc:
            raise WorkspaceError.of(exc) from None
    else:
        period = ws.latest_period(unit)
        if not period:
            raise WorkspaceError("Đơn vị «{unit}» chưa có báo cáo nào trong tệp.", unit=unit)
    info = ws.report(unit, period)
    if info is None:
        raise WorkspaceError("Đơn vị «{unit}» chưa có báo cáo kỳ {period}.", unit=unit, period=period)
    return info


def report_data(ws: Workspace, info: ReportInfo, previous: bool = True) -> ReportData:
    """A report with its values; with ``previous``, its unit's report of the previous period if its rules read it."""
    template = with_settings(load_template(info.template_id, info.template_version), ws.settings())
    units = ws.hierarchy(as_of=info.start)
    prior = None
    if previous and any(s.reads_previous for s in template.sections) and info.start.year > FIRST_YEAR:
        prior = ws.report(info.unit, previous_period(info.period).code)
    before = ReportData(template, units, prior, ws.values(prior.period)) if prior else None
    return ReportData(template, units, info, ws.values(info.period), ws.carried(info.period), before)


DEFAULT_TEMPLATE = ("cds-quarterly", 1)


def start_report(ws: Workspace, unit: str, period: str, cutoff: str = "") -> ReportInfo:
    """The unit's report for a period, created if new (cut-off: typed "30/6/2022", or the period's end).

    A new report takes the template version of the unit's latest report (or
    the workspace's, or the built-in one), so next year's outline is chosen
    once and then followed. In a workspace that has not recorded its own unit
    yet, the unit whose report the clerk starts is recorded as its own.
    """
    if unit not in ws.hierarchy():
        raise WorkspaceError("Không có đơn vị mã «{unit}» trong tệp.", unit=unit)
    try:
        span = parse_period(period)
        end = parse_date(cutoff) if cutoff.strip() else span.end
    except (PeriodError, ParseError) as exc:
        raise WorkspaceError.of(exc) from None
    if end < span.start:
        raise WorkspaceError("Ngày chốt số liệu phải từ ngày đầu kỳ ({start}) trở đi.", start=date_short(span.start))
    retired = ws.retired().get(unit)
    if retired is not None and retired <= span.start:
        into = ws.merged().get(unit)
        whither = Phrase(" (đã gộp vào {name})", name=ws.hierarchy()[into].name) if into else ""
        raise WorkspaceError("Đơn vị «{unit}» đã thôi dùng từ ngày {retired}{whither}; không lập báo cáo kỳ này.",
                             unit=unit, retired=date_short(retired), whither=whither)
    formed = ws.formed().get(unit)
    if formed is not None and span.start < formed:
        raise WorkspaceError("Đơn vị «{unit}» được thành lập từ ngày {formed}; không lập báo cáo kỳ này.", unit=unit,
                             formed=date_short(formed))
    if not ws.own_unit:
        ws.set_own_unit(unit)
    existing = ws.report(unit, span.code)
    if existing is not None:
        return existing
    latest = ws.reports(unit) or ws.reports()
    template_id, version = (latest[-1].template_id, latest[-1].template_version) if latest else DEFAULT_TEMPLATE
    ws.ensure_report(ReportInfo(unit, span.code, template_id, version, span.start, end))
    word_header(ws, unit, span.code, load_template(template_id, version))
    return ws.report(unit, span.code)


def create_office(path: str | Path, units: list[Unit], own: str, period: str) -> ReportInfo:
    """A new workspace at ``path`` holding an office's units, ``own`` recorded as its own, and own's first report.

    The file is made here, so a failure leaves none behind (never one the
    clerk did not ask for, half set up). An existing file is refused.
    """
    from dtdesk.store.workspace import Workspace

    ws = Workspace.create(path)
    try:
        ws.set_up_office(units, own)
        info = start_report(ws, own, period)
    except BaseException:
        ws.close()
        for leftover in own_files(path):  # the new file, its side files and lock (it has no backups yet)
            leftover.unlink(missing_ok=True)
        raise
    ws.close()
    return info


def word_header(ws: Workspace, unit: str, period: str, template) -> None:
    """A new report's header starts worded for its unit's level (dtdesk.core.levels); the clerk changes what differs."""
    defaults = header_defaults(template, ws.hierarchy(), unit)
    changes = {(f"header.{k}", ""): v for k, v in defaults.items() if ws.value(unit, period, f"header.{k}") is None}
    if changes:
        ws.set_values(unit, period, changes)


def define_unit(ws: Workspace, code: str, name: str, kind: str, parent: str = "", short: str = "") -> Unit:
    """Add a unit the clerk typed (their own ward, its parent, or a body of theirs); checks it first.

    Defining a unit never makes it the workspace's own: a clerk may enter the
    level above first (see :func:`start_report`).
    """
    code, name, short, parent = (nfc(x).strip() for x in (code, name, short, parent))
    hierarchy = ws.hierarchy()
    if not is_code(code):
        raise WorkspaceError(CODE_RULE)
    if code in hierarchy:
        raise WorkspaceError("Đã có đơn vị mã «{code}».", code=code)
    if not name:
        raise WorkspaceError("Hãy nhập tên đơn vị, ví dụ «Phường Cát Bi».")
    if kind not in KINDS:
        raise WorkspaceError("Loại đơn vị «{kind}» không được hỗ trợ.", kind=kind)
    if parent and parent not in hierarchy:
        raise WorkspaceError("Không có đơn vị cấp trên mã «{parent}».", parent=parent)
    siblings = hierarchy.children(parent or None)
    unit = Unit(code, name, kind, parent or None, short, position=len(siblings) + 1)
    try:
        check_placement(unit, hierarchy[parent] if parent else None)
    except UnitError as exc:
        raise WorkspaceError.of(exc) from None
    ws.add_units([unit])
    return unit


def rename_unit(ws: Workspace, code: str, name: str, short: str | None = None) -> Unit:
    """Give a unit a new name (and short name); its reports print the new one from now on."""
    unit = _existing(ws, code)
    name = nfc(name).strip()
    if not name:
        raise WorkspaceError("Hãy nhập tên đơn vị, ví dụ «Phường Cát Bi».")
    renamed = replace(unit, name=name, short=unit.short if short is None else nfc(short).strip())
    ws.add_units([renamed])
    return renamed


def move_unit(ws: Workspace, code: str, parent: str | None) -> Unit:
    """Place a unit under another parent (or none), refused where its kind may not sit or parents would loop."""
    hierarchy = ws.hierarchy()
    unit = _existing(ws, code)
    if parent and parent not in hierarchy:
        raise WorkspaceError("Không có đơn vị cấp trên mã «{parent}».", parent=shown_code(parent))
    moved = replace(unit, parent=parent or None, position=len(hierarchy.children(parent or None)) + 1)
    try:
        check_tree([moved if u.code == code else u for u in hierarchy.units.values()])
    except UnitError as exc:
        raise WorkspaceError.of(exc) from None
    ws.add_units([moved])
    return moved


def retire_unit(ws: Workspace, code: str, period: str) -> Retirement:
    """Leave a unit out of reports from ``period`` on, dissolved without a merger: its bodies with it, its subunits
    under its parent from then on (:mod:`dtdesk.core.retirement`); refused for the workspace's own unit."""
    unit = _existing(ws, code)
    try:
        span = parse_period(period)
    except PeriodError as exc:
        raise WorkspaceError.of(exc) from None
    _refuse_retired(ws, unit, span.start)
    retirement = plan_retirement(ws.hierarchy(as_of=span.start), code, span.code)
    if ws.own_unit in retirement.codes:
        raise WorkspaceError("«{name}» là đơn vị của chính tệp này; không thể thôi dùng.",
                             name=ws.hierarchy()[ws.own_unit].name)
    ws.retire_units(retirement.codes, span.start)
    return retirement


def _refuse_retired(ws: Workspace, unit: Unit, since: dt.date) -> None:
    """One sentence when the unit has left the reports by ``since`` already."""
    retired = ws.retired().get(unit.code)
    if retired is not None and retired <= since:
        raise WorkspaceError("«{name}» ({code}) đã thôi dùng từ ngày {retired}.", name=unit.name, code=unit.code,
                             retired=date_short(retired))


def merge_units(ws: Workspace, into: str, sources, period: str) -> tuple[Unit, list[Unit]]:
    """Merge units into one from ``period`` on (the 2025 mergers: several wards became one ward).

    The units merged away are retired as merged into ``into``: their reports
    of earlier periods keep them and print as before; from ``period`` on only
    ``into`` is listed, rolled up and expected. An ``into`` with no report or
    value before ``period`` is one the merger formed: earlier reports never
    list it. Returns the unit and those merged.
    """
    try:
        since = parse_period(period).start
    except PeriodError as exc:
        raise WorkspaceError.of(exc) from None  # said in the user's language
    for code in (into, *sources):
        unit = _existing(ws, code)
        _refuse_retired(ws, unit, since)
        if code == ws.own_unit and code != into:
            raise WorkspaceError("«{name}» là đơn vị của chính tệp này; không thể gộp vào đơn vị khác.",
                                 name=unit.name)
    try:
        target, merged = check_merge(ws.hierarchy(as_of=since), into, sources)
    except UnitError as exc:
        raise WorkspaceError.of(exc) from None  # said in the user's language
    first = ws.first_used(into)
    ws.merge_units(into, [u.code for u in merged], since, formed=first is None or first >= since)
    return target, merged


def _existing(ws: Workspace, code: str) -> Unit:
    hierarchy = ws.hierarchy()
    if code not in hierarchy:
        raise WorkspaceError("Không có đơn vị mã «{code}» trong tệp.", code=shown_code(code))
    return hierarchy[code]


def is_keyed_here(units: Hierarchy, report_unit: str, unit: str) -> bool:
    """Whether a value of ``unit`` typed in ``report_unit``'s report is a subunit's, keyed from its paper report."""
    return unit != report_unit and unit in units and units[unit].admin and units.is_descendant(unit, report_unit)


def key_for_unit(ws: Workspace, unit: str, period: str, changes: dict[tuple[str, str], object]) -> dict:
    """Values keyed at the upper level for a subunit that sent paper.

    They are stored as that unit's own data (``source = 'keyed'``), so tables
    and sums use them, ``dtdesk status`` shows the unit as keyed from paper, and
    a later import of the unit's file lists them as conflicts (kept with
    ``--keep-local``). The unit's report row is created from the workspace's own
    report of the period when missing. Returns the old values.
    """
    own = ws.own_unit
    if not is_keyed_here(ws.hierarchy(), own, unit):
        raise WorkspaceError("«{unit}» không phải là đơn vị cấp dưới của «{own}».", unit=shown_code(unit), own=own)
    if ws.report(unit, period) is None:
        base = ws.report(own, period)
        if base is None:
            raise WorkspaceError("Đơn vị «{own}» chưa có báo cáo kỳ {period}.", own=own, period=period)
        ws.ensure_report(replace(base, unit=unit, revision=0, illustrative=False))
    return ws.set_values(unit, period, changes, source="keyed")
