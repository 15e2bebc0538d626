"""Finding a report in a workspace and seeing it through its template."""

from __future__ import annotations

from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.report import ReportData, ReportInfo
from dtdesk.core.template import load_template
from dtdesk.store.workspace import Workspace, WorkspaceError


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
