"""Completeness: which subunits have submitted a period's report (``dtdesk status``).

For each administrative subunit of the workspace's own unit: the latest
imported revision and when it was exported (the sender's clock, recorded in
the manifest) and imported, whether that was on time, and how many hard-rule
errors its data has. A unit without an import whose values were keyed here
(a ward that sent paper) is shown as keyed; one whose values came only from a
filled Excel workbook (no submission file, no revision) says so.

Deadline: the workspace's own report cut-off for the period (or the period's
last day when there is no such report) plus the template's ``deadline_days``;
a submission is on time when its export date, in Vietnam time (UTC+7), is on
or before the deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dtdesk.core.formats import date_short
from dtdesk.core.i18n import Phrase
from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.report import ReportData
from dtdesk.core.rules import check
from dtdesk.core.template import load_template
from dtdesk.core.units import Unit
from dtdesk.exchange.sources import WORKBOOK, kind
from dtdesk.store.status import ACCEPTED, RETURNED, StatusEntry, shown_status
from dtdesk.store.workspace import Workspace, WorkspaceError

VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class UnitStatus:
    unit: Unit
    submitted: bool
    keyed: bool = False  # values keyed here for a unit that sent paper
    has_values: bool = False
    revision: int = 0
    exported_at: dt.datetime | None = None
    imported_at: dt.datetime | None = None
    on_time: bool | None = None
    errors: int | None = None
    key_ratio: float | None = None  # the template's key ratio from the unit's own figures (3.1: % handled online)
    state: StatusEntry | None = None  # the report's latest step here: sent (received), accepted or returned
    workbook: bool = False  # values read from a filled Excel workbook (which is no submission file)


@dataclass(frozen=True)
class Completeness:
    unit: Unit
    period: str
    deadline: dt.date
    rows: list[UnitStatus]
    key_ratio_label: str = ""

    @property
    def submitted(self) -> int:
        return sum(r.submitted for r in self.rows)

    @property
    def late(self) -> int:
        return sum(r.on_time is False for r in self.rows)


def moment(text: str | None) -> dt.datetime | None:
    """A moment as the workspace stores it (ISO 8601, UTC), in Vietnam's time; None when absent or unreadable."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(VIETNAM)


def shown_moment(value: dt.datetime | None) -> str:
    """A moment as the command line prints it in every language, day first as in Vietnam: "31/03/2022 09:15"."""
    return value.strftime("%d/%m/%Y %H:%M") if value else "?"


def _key_ratio(data: ReportData) -> float | None:
    """The template's key ratio ("section.field") from the unit's own figures, or None when not entered."""
    if not data.template.key_ratio:
        return None
    section_id, _, field_id = data.template.key_ratio.partition(".")
    value = data.figures(data.template.section(section_id), "self").get(field_id)
    return float(value) if isinstance(value, (int, float)) else None


def completeness(ws: Workspace, period: str) -> Completeness:
    try:
        span = parse_period(period)
    except PeriodError as exc:
        raise WorkspaceError.of(exc) from None
    period = span.code
    own = ws.own_unit
    units = ws.hierarchy(as_of=span.start)
    if not own or own not in units:
        raise WorkspaceError("Tệp dữ liệu chưa có đơn vị báo cáo; không biết đơn vị cấp dưới là ai.")
    own_report = ws.report(own, period)
    template = load_template(own_report.template_id, own_report.template_version) if own_report else load_template()
    base = own_report.cutoff if own_report else span.end
    deadline = base + dt.timedelta(days=template.deadline_days)
    values = ws.values(period)
    latest = ws.latest_imports(period)
    sources = ws.sources(period)
    rows = []
    for sub in units.subunits(own):
        info = ws.report(sub.code, period)
        errors = key = None
        has_values = sub.code in sources
        if info is not None and (sub.code in latest or has_values):
            data = ReportData(load_template(info.template_id, info.template_version), units, info, values)
            errors = sum(p.is_error for p in check(data))
            key = _key_ratio(data)
        if sub.code in latest:
            sent = latest[sub.code]
            exported_at = moment(sent.exported_at)
            on_time = exported_at.date() <= deadline if exported_at else None
            rows.append(UnitStatus(sub, True, False, has_values, sent.revision, exported_at, moment(sent.imported_at),
                                   on_time, errors, key, ws.current_status(sub.code, period)))
        else:
            kinds = {kind(source) for source in sources.get(sub.code, ())}
            rows.append(UnitStatus(sub, False, "keyed" in kinds, has_values, errors=errors, key_ratio=key,
                                   workbook=WORKBOOK in kinds))
    return Completeness(units[own], period, deadline, rows, template.key_ratio_label)


def format_status(c: Completeness) -> list[Phrase]:
    """The submissions' table as ``dtdesk status`` prints it: a line per subunit, then the totals."""
    lines = [Phrase("Tình hình nộp báo cáo kỳ {period} của {unit} (hạn nộp {deadline}):", period=c.period,
                    unit=c.unit.name, deadline=date_short(c.deadline))]
    width = max((len(r.unit.name) for r in c.rows), default=0)
    for r in c.rows:
        head = f"{r.unit.code:<14} {r.unit.name:<{width}}"
        if r.submitted:
            lines.append(Phrase("{head}  đã nộp   r{revision}  xuất lúc {when}  {timing}  {errors} lỗi{answer}",
                                head=head, revision=r.revision, when=shown_moment(r.exported_at),
                                timing=_timing(r.on_time),
                                errors=r.errors, answer=answer_note(r.state)))
        elif r.keyed:
            lines.append(Phrase("{head}  chưa nộp tệp, số liệu nhập tay từ bản giấy  {errors} lỗi", head=head,
                                errors=r.errors or 0))
        elif r.workbook:
            lines.append(Phrase("{head}  chưa nộp tệp, số liệu nhập từ biểu Excel  {errors} lỗi", head=head,
                                errors=r.errors or 0))
        elif r.has_values:
            lines.append(Phrase("{head}  chưa nộp tệp, đã có số liệu trong tệp dữ liệu  {errors} lỗi", head=head,
                                errors=r.errors or 0))
        else:
            lines.append(Phrase("{head}  chưa nộp", head=head))
    lines.append(Phrase("Tổng: {done}/{total} đơn vị đã nộp, {on_time} đúng hạn, {late} nộp muộn, {missing} chưa nộp.",
                        done=c.submitted, total=len(c.rows), on_time=c.submitted - c.late, late=c.late,
                        missing=len(c.rows) - c.submitted))
    return lines


def _timing(on_time: bool | None) -> Phrase:
    if on_time is None:
        return Phrase("không rõ thời điểm")
    return Phrase("đúng hạn") if on_time else Phrase("nộp muộn")


def answer_note(state: StatusEntry | None) -> Phrase | str:
    """What the level above answered the revision it holds: nothing yet, accepted, or returned (a newer one awaited)."""
    if state is None or state.status not in (ACCEPTED, RETURNED):
        return ""
    if state.status == RETURNED:
        return Phrase("  trả lại r{revision}, chờ lần nộp r{next}", revision=state.revision, next=state.revision + 1)
    return Phrase("  đã tiếp nhận r{revision}", revision=state.revision)


def history_lines(ws: Workspace, unit: str, period: str) -> list[Phrase]:
    """A report's status and every step that led there, oldest first (``dtdesk status``)."""
    history = ws.status_history(unit, period)
    name = ws.hierarchy()[unit].name
    lines = [Phrase("Báo cáo của {name} ({unit}) kỳ {period}: {status}.", name=name, unit=unit, period=period,
                    status=shown_status(history[-1] if history else None))]
    for step in history:
        words = {"stamp": shown_moment(moment(step.at)), "status": step.label, "who": step.who,
                 "file": Phrase("  tệp {file}", file=step.file) if step.file else ""}
        if step.reason:  # last, and not inside a phrase of its own: its full stop is the clerk's
            lines.append(Phrase("  {stamp}  {status}{file}  ({who})  lý do: {reason}", reason=step.reason, **words))
        else:
            lines.append(Phrase("  {stamp}  {status}{file}  ({who})", **words))
    return lines
