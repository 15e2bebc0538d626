"""Merging units (the 2025 mergers): the merged are retired with a record of what they became part of."""

import datetime as dt

import pytest

from dtdesk.core.compose import compose
from dtdesk.exchange.status import completeness
from dtdesk.store.reports import define_unit, merge_units, report_data, resolve, retire_unit, start_report
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


def _dissolvable(ws) -> None:
    """A district of the old structure beside Hải An, with a ward and a body of its own."""
    define_unit(ws, "Q2", "Quận Hai", "district", "HP")
    define_unit(ws, "Q2-W", "Phường Hai", "ward", "Q2")
    define_unit(ws, "Q2-TP", "Phòng Tư pháp quận Hai", "department", "Q2")


def test_a_dissolved_units_wards_come_under_its_parent_and_its_bodies_leave_with_it(demo_ws):
    _dissolvable(demo_ws)
    retirement = retire_unit(demo_ws, "Q2", "2022-Q2")
    assert (retirement.parent.code, [u.code for u in retirement.subunits]) == ("HP", ["Q2-W"])
    assert demo_ws.retired() == {"Q2": dt.date(2022, 4, 1), "Q2-TP": dt.date(2022, 4, 1)}
    later = demo_ws.hierarchy(as_of=dt.date(2022, 4, 1))
    assert "Q2-W" in {u.code for u in later.subunits("HP")} and not {"Q2", "Q2-TP"} & set(later.units)
    before = demo_ws.hierarchy(as_of=dt.date(2022, 1, 1))  # earlier reports list everything as it was
    assert before["Q2-W"].parent == "Q2" and [u.code for u in before.bodies("Q2")] == ["Q2-TP"]
    assert demo_ws.hierarchy()["Q2-W"].parent == "Q2"  # the table keeps what was typed


def test_units_under_two_dissolutions_go_up_through_both(demo_ws):
    define_unit(demo_ws, "P2", "Tỉnh Hai", "province")
    define_unit(demo_ws, "Q2", "Huyện Hai", "rural_district", "P2")
    define_unit(demo_ws, "Q2-W", "Xã Hai", "commune", "Q2")
    retire_unit(demo_ws, "Q2", "2022-Q2")
    assert demo_ws.hierarchy(as_of=dt.date(2022, 4, 1))["Q2-W"].parent == "P2"
    retirement = retire_unit(demo_ws, "P2", "2022-Q3")
    assert retirement.parent is None and [u.code for u in retirement.subunits] == ["Q2-W"]
    assert "không còn đơn vị cấp trên" in retirement.consequences("quý III/2022")[0]
    assert demo_ws.hierarchy(as_of=dt.date(2022, 7, 1))["Q2-W"].parent is None


@pytest.mark.parametrize("code, period, words", [
    ("HA", "2022-Q2", "đơn vị của chính tệp"),
    ("Q2", "Quý 5/2022", "Quý 5/2022"),
    ("Q2-NOPE", "2022-Q2", "Không có đơn vị"),
])
def test_a_retirement_that_cannot_be_changes_nothing(demo_ws, code, period, words):
    _dissolvable(demo_ws)
    with pytest.raises(WorkspaceError, match=words):
        retire_unit(demo_ws, code, period)
    assert demo_ws.retired() == {}


def test_a_unit_retired_already_is_not_retired_again_later(demo_ws):
    _dissolvable(demo_ws)
    retire_unit(demo_ws, "Q2", "2022-Q2")
    with pytest.raises(WorkspaceError, match="đã thôi dùng từ ngày 01/4/2022"):
        retire_unit(demo_ws, "Q2", "2022-Q3")
    assert demo_ws.retired()["Q2"] == dt.date(2022, 4, 1)
