"""The annex printed after the level above's report (``dtdesk render --annex``, the print tick).

It compares the subunits: the template's key ratio (``key_ratio``) of each as
a bar chart, and which of them reported and how (a file sent, on time or late,
a paper report keyed here, a filled Excel workbook, other figures held here,
or nothing) as a table. Both come from
:func:`dtdesk.exchange.status.completeness`, the same reading as ``dtdesk
status``; every word printed is the template's ``annex`` wording, so the annex
of another report is another template's business, not this module's.
"""

from __future__ import annotations

import datetime as dt

from dtdesk.core.document import Annex, Bar, Row, Table
from dtdesk.core.formats import date_short, ratio
from dtdesk.core.report import ReportData, fill
from dtdesk.core.template import AnnexWording
from dtdesk.exchange.status import UnitStatus, completeness
from dtdesk.store.status import ACCEPTED, RETURNED
from dtdesk.store.workspace import Workspace, WorkspaceError

_WIDTHS = (0.6, 3.2, 2.6, 1.3, 1.1)
_ALIGN = ("center", "left", "left", "center", "right")
_BLANK = "…"  # a header field not filled in yet, as the printed header leaves it


class NoAnnex(WorkspaceError):
    """The report has no subunits of this workspace to compare: it is not the workspace's ``own`` unit's, or that
    unit has none."""

    kind = "no_annex"

    def __init__(self, sentence: str, own: str, /, **values):
        super().__init__(sentence, **values)
        self.own = own


def _state(w: AnnexWording, r: UnitStatus) -> str:
    if r.submitted:
        sent = fill(w.late if r.on_time is False else w.submitted, {"revision": str(r.revision)})
        answer = {ACCEPTED: w.accepted, RETURNED: w.returned}.get(r.state.status if r.state else "")
        return fill(answer, {"sent": sent}) if answer else sent
    if r.keyed:
        return w.keyed
    if r.workbook:  # its figures came in a filled Excel workbook (values' source xlsx:), which is no file's revision
        return w.workbook
    return w.values if r.has_values else w.missing


def _reported(r: UnitStatus) -> bool:
    return r.submitted or r.keyed or r.has_values


def _issued(data: ReportData) -> dict[str, str]:
    """The report's number and date as the annex's reference line names them."""
    raw = data.header("date")
    try:
        date = date_short(dt.date.fromisoformat(raw)) if raw else _BLANK
    except ValueError:
        date = raw
    return {"number": data.header("number") or _BLANK, "date": date}


def compose_annex(ws: Workspace, data: ReportData) -> Annex:
    """The annex of the workspace's own report ``data``; :class:`NoAnnex` when there is nothing to compare."""
    own = ws.own_unit
    if data.unit.code != own:
        raise NoAnnex("Phụ lục biểu đồ chỉ in kèm báo cáo của chính đơn vị «{own}», nơi có số liệu các đơn vị cấp "
                      "dưới gửi lên.", own, own=own)
    status = completeness(ws, data.info.period)
    if not status.rows:
        raise NoAnnex("{name} không có đơn vị cấp dưới nên không có phụ lục biểu đồ.", own, name=data.unit.name)
    w = data.template.annex
    reported = sum(map(_reported, status.rows))
    words = {**data.words, **_issued(data), "key_ratio": data.template.key_ratio_label,
             "reported": str(reported), "all": str(len(status.rows))}
    shown = [ratio(r.key_ratio) if r.key_ratio is not None else "" for r in status.rows]
    rows = [Row((str(i), r.unit.name, _state(w, r), date_short(r.exported_at.date()) if r.exported_at else "", text))
            for i, (r, text) in enumerate(zip(status.rows, shown), 1)]
    table = Table(header=(Row(tuple(fill(c, words) for c in w.columns)),),
                  rows=(*rows, Row((fill(w.total, words), None, None, None, None), "total")),
                  widths=_WIDTHS, align=_ALIGN)
    bars = tuple(Bar(r.unit.name, r.key_ratio, text or w.no_value) for r, text in zip(status.rows, shown))
    chart = data.template.key_ratio != ""
    return Annex(title=w.title, subtitle=fill(w.subtitle, words), reference=fill(w.reference, words),
                 chart_title=fill(w.chart, words) if chart else "", bars=bars if chart else (),
                 table_title=fill(w.table, words), table=table)
