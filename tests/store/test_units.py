"""Merging units (the 2025 mergers): the merged are retired with a record of what they became part of."""

import datetime as dt

import pytest

from dtdesk.core.compose import compose
from dtdesk.exchange.status import completeness
from dtdesk.store.reports import define_unit, merge_units, report_data, resolve, start_report
from dtdesk.store.workspace import WorkspaceError


def _text(ws, unit="HA", period="2022-Q1") -> list:
    """Everything the report composes, as data (what render prints)."""
    return list(compose(report_data(ws, resolve(ws, unit, period))).blocks)


def _rows(ws, period, section="chu_ky_so"):
    data = report_data(ws, start_report(ws, "HA", period))
    return [row.label for row in data.table_rows(data.template.section(section))]


def test_merged_wards_leave_new_reports_for_the_new_ward_and_old_reports_print_as_before(demo_ws):
    before = _text(demo_ws)
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    target, merged = merge_units(demo_ws, "HA-MOI", ["HA-CATBI", "HA-THANHTO"], "Quý II/2022")
    assert target.code == "HA-MOI" and [u.code for u in merged] == ["HA-CATBI", "HA-THANHTO"]
    assert demo_ws.merged() == {"HA-CATBI": "HA-MOI", "HA-THANHTO": "HA-MOI"}
    assert _text(demo_ws) == before  # 2022-Q1 still has Cát Bi and Thành Tô, word for word
    rows = _rows(demo_ws, "2022-Q2")
    assert "Phường Hải An Mới" in rows and "Phường Cát Bi" not in rows and "Phường Thành Tô" not in rows
    assert "Phường Cát Bi" in _rows(demo_ws, "2022-Q1")


def test_the_completeness_of_a_new_period_expects_the_new_ward_only(demo_ws):
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    merge_units(demo_ws, "HA-MOI", ["HA-CATBI", "HA-THANHTO"], "2022-Q2")
    start_report(demo_ws, "HA", "2022-Q2")
    expected = {row.unit.code for row in completeness(demo_ws, "2022-Q2").rows}
    assert "HA-MOI" in expected and not expected & {"HA-CATBI", "HA-THANHTO"}
    assert {"HA-CATBI", "HA-THANHTO"} <= {row.unit.code for row in completeness(demo_ws, "2022-Q1").rows}


def test_a_merged_wards_office_belongs_to_the_new_ward_from_the_merger_on(demo_ws):
    define_unit(demo_ws, "HA-CATBI-VP", "Văn phòng phường Cát Bi", "office", "HA-CATBI")
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    merge_units(demo_ws, "HA-MOI", ["HA-CATBI", "HA-THANHTO"], "2022-Q2")
    later = demo_ws.hierarchy(as_of=dt.date(2022, 4, 1))
    assert later["HA-CATBI-VP"].parent == "HA-MOI" and "HA-CATBI-VP" in {u.code for u in later.bodies("HA-MOI")}
    assert demo_ws.hierarchy(as_of=dt.date(2022, 1, 1))["HA-CATBI-VP"].parent == "HA-CATBI"  # as it was
    assert demo_ws.hierarchy()["HA-CATBI-VP"].parent == "HA-CATBI"  # the table keeps what was typed


def test_a_merged_unit_starts_no_new_report_and_says_what_it_became(demo_ws):
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    merge_units(demo_ws, "HA-MOI", ["HA-CATBI"], "2022-Q2")
    with pytest.raises(WorkspaceError, match="gộp vào Phường Hải An Mới"):
        start_report(demo_ws, "HA-CATBI", "2022-Q3")


@pytest.mark.parametrize("into, sources, words", [
    ("HA-MOI", ["HA"], "đơn vị của chính tệp"),
    ("HA-MOI", ["HA-TUPHAP"], "cùng cấp"),
    ("HA-NOPE", ["HA-CATBI"], "Không có đơn vị"),
    ("HA-MOI", ["HA-CATBI", "HA-NOPE"], "Không có đơn vị"),
])
def test_a_merger_that_cannot_be_changes_nothing(demo_ws, into, sources, words):
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    with pytest.raises(WorkspaceError, match=words):
        merge_units(demo_ws, into, sources, "2022-Q2")
    assert demo_ws.retired() == {} and demo_ws.merged() == {}


def test_a_unit_already_merged_away_cannot_be_merged_again_nor_receive_others(demo_ws):
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    merge_units(demo_ws, "HA-MOI", ["HA-CATBI"], "2022-Q2")
    with pytest.raises(WorkspaceError, match="thôi dùng"):
        merge_units(demo_ws, "HA-MOI", ["HA-CATBI"], "2022-Q3")
    with pytest.raises(WorkspaceError, match="thôi dùng"):
        merge_units(demo_ws, "HA-CATBI", ["HA-THANHTO"], "2022-Q3")
    assert demo_ws.merged() == {"HA-CATBI": "HA-MOI"}


def test_a_ward_merged_into_an_existing_one_keeps_it_in_old_reports(demo_ws):
    before = _text(demo_ws)
    merge_units(demo_ws, "HA-CATBI", ["HA-THANHTO"], "2022-Q2")  # Cát Bi has a 2022-Q1 report: it goes on
    assert demo_ws.formed() == {} and _text(demo_ws) == before
    rows = _rows(demo_ws, "2022-Q2")
    assert "Phường Cát Bi" in rows and "Phường Thành Tô" not in rows


def test_a_ward_the_merger_formed_starts_no_report_before_it(demo_ws):
    define_unit(demo_ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
    merge_units(demo_ws, "HA-MOI", ["HA-CATBI"], "2022-Q2")
    assert demo_ws.formed() == {"HA-MOI": dt.date(2022, 4, 1)}
    with pytest.raises(WorkspaceError, match="thành lập từ ngày 01/4/2022"):
        start_report(demo_ws, "HA-MOI", "2022-Q1")
    assert start_report(demo_ws, "HA-MOI", "2022-Q2").unit == "HA-MOI"
