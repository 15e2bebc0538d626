"""Starting the next period's report from the previous one ("Báo cáo kỳ mới", ``dtdesk next``).

What carries over is the template's to say (:mod:`dtdesk.core.carry`); this
module finds the reports to roll and writes their first values in one
transaction, with the source ``carried`` (see :mod:`dtdesk.store.values`).

At the level above, the subunits' and bodies' own reports of the period roll
forward too, so each ward's "tồn trước" is its own "đang giải quyết" before
its report arrives; being carried, they do not count as the ward having
reported, and its submission file replaces them. A report that already exists
for the next period is left as it is; the unit's own is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dtdesk.core.carry import carried_values
from dtdesk.core.periods import PeriodError, next_period
from dtdesk.core.report import ReportInfo
from dtdesk.core.template import load_template
from dtdesk.store.base import WorkspaceError
from dtdesk.store.reports import report_data, resolve, word_header
from dtdesk.store.values import CARRIED

if TYPE_CHECKING:
    from dtdesk.store.workspace import Workspace


def roll_forward(ws: Workspace, unit: str | None = None, period: str | None = None,
                 today: dt.date | None = None) -> list[ReportInfo]:
    """The next period's report of ``unit`` (default: the workspace's own), started from its report of ``period``
    (default: its latest), with those of the units below it; returns the new reports, the unit's first."""
    source = resolve(ws, unit, period)
    try:
        target = next_period(source.period)
    except PeriodError as exc:
        raise WorkspaceError.of(exc) from None
    units = ws.hierarchy(as_of=target.start)
    name = units[source.unit].name if source.unit in units else source.unit
    if ws.report(source.unit, target.code) is not None:
        raise WorkspaceError("{name} đã có báo cáo {title}; mở báo cáo đó thay vì lập lại từ kỳ trước.", name=name,
                             title=target.title)
    if source.unit not in units:
        raise WorkspaceError("{name} đã thôi dùng trước {title}; không lập báo cáo kỳ này.", name=name,
                             title=target.title)
    today = today or dt.date.today()
    rolled = [source] + [info for u in units.walk(source.unit)
                         if (info := ws.report(u.code, source.period)) and ws.report(u.code, target.code) is None]
    with ws.transaction():
        for info in rolled:
            ws.put_report(ReportInfo(info.unit, target.code, info.template_id, info.template_version,
                                     target.start, target.end))
            values = carried_values(report_data(ws, info, previous=False), info.unit, today)
            ws.write_changes(target.code, [(info.unit, key, row, None, value) for (key, row), value in values.items()],
                             CARRIED)
    new = [ws.report(info.unit, target.code) for info in rolled]
    # what the last report left blank is worded as in a new report
    word_header(ws, source.unit, target.code, load_template(new[0].template_id, new[0].template_version))
    return new
