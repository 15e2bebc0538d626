import datetime as dt
from dataclasses import replace

import pytest

from dtdesk.core.rules import check
from dtdesk.core.values import Cell
from dtdesk.store.reports import report_data, resolve
from dtdesk.store.rollforward import roll_forward
from dtdesk.store.session import ReportSession
from dtdesk.store.workspace import WorkspaceError
from tests.english import vietnamese_left

TODAY = dt.date(2022, 6, 28)


def test_the_demo_rolls_into_the_second_quarter(demo_ws):
    before = report_data(demo_ws, resolve(demo_ws))
    rolled = roll_forward(demo_ws, today=TODAY)
    info = rolled[0]
    assert (info.unit, info.period, info.start, info.cutoff) == ("HA", "2022-Q2", dt.date(2022, 4, 1), dt.date(2022, 6, 30))
    assert {r.unit for r in rolled} == {r.unit for r in demo_ws.reports() if r.period == "2022-Q1"}
    after = report_data(demo_ws, info)
    assert after.raw("HA", "dvc.carried") == before.raw("HA", "dvc.pending") == 195  # at 30/3/2022
    wards = after.units.subunits("HA")
    carried = {w.code: after.raw(w.code, "dvc.carried") for w in wards}
    assert carried == {w.code: before.raw(w.code, "dvc.pending") for w in wards}
    assert sum(carried.values()) == before.figures(before.template.section("dvc"), "subunits")["pending"] == 11
    assert all(demo_ws.report(w.code, "2022-Q2") is not None for w in wards)
    assert after.header("number") == "…/BC-VP" and after.header("date") == "2022-06-28"
    assert after.header("recipients") == before.header("recipients")


def test_texts_are_marked_for_review_until_edited(demo_ws):
    info = roll_forward(demo_ws, today=TODAY)[0]
    session = ReportSession(demo_ws, info)
    text = Cell("HA", "ton_tai.text")
    assert text in session.data.carried and text in demo_ws.carried("2022-Q2")
    assert session.data.raw(*text) == demo_ws.value("HA", "2022-Q1", "ton_tai.text")
    session.edit(text, "- Một hạn chế mới của quý II.")
    assert text not in session.data.carried and text not in demo_ws.carried("2022-Q2")
    assert Cell("HA", "so_hoa.text") in session.data.carried


def test_a_carried_value_kept_as_it_is_is_this_periods_own_with_its_audit(demo_ws):
    info = roll_forward(demo_ws, today=TODAY)[0]
    session = ReportSession(demo_ws, info)
    text, ward = Cell("HA", "ton_tai.text"), Cell("HA-CATBI", "dvc.carried")
    assert session.keep_carried([text, ward]) == 2
    assert session.keep_carried([text]) == 0  # kept already: nothing more to keep, no second audit row
    assert not {text, ward} & session.data.carried and not {text, ward} & demo_ws.carried("2022-Q2")
    assert session.data.raw(*text) == demo_ws.value("HA", "2022-Q1", "ton_tai.text")
    assert demo_ws.sources("2022-Q2")["HA-CATBI"] == {"keyed"}  # as if typed from the ward's paper
    carried, kept = demo_ws.audit("HA", "2022-Q2", "ton_tai.text")  # rolled forward, then kept
    assert carried["source"] == "carried" and kept["old"] == kept["new"] == session.data.raw(*text) and kept["source"] == "local"


def test_a_wrong_carried_over_value_is_an_error_naming_both_periods(demo_ws):
    info = roll_forward(demo_ws, today=TODAY)[0]
    assert not [p for p in check(report_data(demo_ws, info)) if p.is_error]
    demo_ws.set_value("HA", "2022-Q2", "dvc.carried", 190)
    (error,) = [p for p in check(report_data(demo_ws, info)) if p.is_error]
    assert (error.section, error.field) == ("dvc", "carried")
    assert "Quý II/2022" in error.message and "Quý I/2022" in error.message and "195" in error.message
    english = error.message.say("en")
    assert "Q2 2022" in english and "Q1 2022" in english and vietnamese_left(english) == []


def test_a_text_left_as_last_period_is_a_warning_naming_both_periods(demo_ws):
    info = roll_forward(demo_ws, today=TODAY)[0]
    same = [p for p in check(report_data(demo_ws, info)) if p.section == "ton_tai" and "giống hệt" in p.message]
    assert same and "Quý II/2022" in same[0].message and "Quý I/2022" in same[0].message
    english = same[0].message.say("en")  # the template's text rule, and both periods, in English
    assert "Q2 2022" in english and "Q1 2022" in english and vietnamese_left(english) == []
    demo_ws.set_value("HA", "2022-Q2", "ton_tai.text", "Không còn tồn tại.")
    assert not [p for p in check(report_data(demo_ws, info)) if p.section == "ton_tai"]


def test_wards_with_only_carried_values_have_not_reported(demo_ws):
    info = roll_forward(demo_ws, today=TODAY)[0]
    data = report_data(demo_ws, info)
    wards = {w.code for w in data.units.subunits("HA")}
    missing = {p.unit for p in check(data) if "chưa có số liệu" in p.message}
    assert missing == wards
    assert not wards & set(demo_ws.sources("2022-Q2"))


def test_refused_when_the_next_period_has_a_report(demo_ws):
    roll_forward(demo_ws, today=TODAY)
    with pytest.raises(WorkspaceError, match="đã có báo cáo Quý II/2022"):
        roll_forward(demo_ws, period="2022-Q1", today=TODAY)


def test_a_subunit_report_already_there_is_kept(demo_ws):
    demo_ws.ensure_report(replace(demo_ws.report("HA-CATBI", "2022-Q1"), period="2022-Q2"))
    demo_ws.set_value("HA-CATBI", "2022-Q2", "dvc.carried", 7, source="keyed")
    roll_forward(demo_ws, today=TODAY)
    assert demo_ws.value("HA-CATBI", "2022-Q2", "dvc.carried") == 7
    assert demo_ws.value("HA-THANHTO", "2022-Q2", "dvc.carried") == demo_ws.value("HA-THANHTO", "2022-Q1", "dvc.pending")
