"""A ward's row typed in the district's report is the ward's figures keyed from its paper report."""

from __future__ import annotations

from dtdesk.store.reports import resolve
from dtdesk.store.session import Cell, ReportSession


def _source(ws, unit: str, key: str) -> str:
    return next(a["source"] for a in reversed(ws.audit(unit, "2022-Q1", key)))


def test_a_wards_row_typed_at_the_district_is_keyed_and_a_bodys_is_local(demo_ws):
    session = ReportSession(demo_ws, resolve(demo_ws, "HA", "2022-Q1"))
    session.edit(Cell("HA-CATBI", "chu_ky_so.total"), "41")
    session.edit(Cell("HA-TUPHAP", "chu_ky_so.total"), "67")
    assert demo_ws.value("HA-CATBI", "2022-Q1", "chu_ky_so.total") == 41
    assert _source(demo_ws, "HA-CATBI", "chu_ky_so.total") == "keyed"
    assert _source(demo_ws, "HA-TUPHAP", "chu_ky_so.total") == "local"
    assert "keyed" in demo_ws.sources("2022-Q1")["HA-CATBI"]


def test_a_pasted_block_over_ward_rows_is_keyed_too(demo_ws):
    session = ReportSession(demo_ws, resolve(demo_ws, "HA", "2022-Q1"))
    session.put_many({Cell("HA-CATBI", "chu_ky_so.signed"): 30, Cell("HA-THANHTO", "chu_ky_so.signed"): 31})
    assert {_source(demo_ws, u, "chu_ky_so.signed") for u in ("HA-CATBI", "HA-THANHTO")} == {"keyed"}


def test_a_wards_own_report_is_typed_as_its_own(demo_ws):
    session = ReportSession(demo_ws, resolve(demo_ws, "HA-CATBI", "2022-Q1"))
    session.edit(Cell("HA-CATBI", "chu_ky_so.total"), "42")
    assert _source(demo_ws, "HA-CATBI", "chu_ky_so.total") == "local"
