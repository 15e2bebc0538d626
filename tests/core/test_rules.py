import pytest

from dtdesk.core.rules import check
from dtdesk.store.reports import report_data, resolve
from tests.english import vietnamese_left

P = "2022-Q1"


def problems(ws, unit=None):
    return check(report_data(ws, resolve(ws, unit)))


def test_the_demo_is_clean(demo_ws):
    assert problems(demo_ws) == []
    assert problems(demo_ws, "HA-CATBI") == []


@pytest.mark.parametrize(
    "unit, key, value, fragment",
    [
        ("HA", "dvc.received", 1672, "tiếp nhận mới cộng tồn trước"),
        ("HA", "dvc.resolved", 1475, "đúng hạn cộng quá hạn"),
        ("HA", "dvc.pending", 196, "trong hạn cộng quá hạn"),
        ("HA", "dvc.online", 2000, "trực tuyến không được lớn hơn"),
        ("HA-TUPHAP", "chu_ky_so.signed", 67, "(2) không được lớn hơn"),
        ("HA-TUPHAP", "chu_ky_so.leader", 66, "(3) không được lớn hơn"),
    ],
)
def test_hard_rules(demo_ws, unit, key, value, fragment):
    demo_ws.set_value(unit, P, key, value)
    errors = [p for p in problems(demo_ws) if p.is_error]
    assert errors and all(p.level == "error" for p in errors)
    assert any(fragment in p.message for p in errors)


def test_messages_name_section_row_and_column(demo_ws):
    demo_ws.set_value("HA-CATBI", P, "chu_ky_so.signed", 41)
    (problem,) = problems(demo_ws)
    assert problem.message.startswith("Mục 3.2 «Về ứng dụng chữ ký số», dòng «Phường Cát Bi», cột (2)")
    assert "(1) = 40, (2) = 41" in problem.message
    assert (problem.section, problem.unit, problem.field) == ("chu_ky_so", "HA-CATBI", "signed")


def test_numbers_a_message_quotes_are_written_the_vietnamese_way(demo_ws):
    demo_ws.set_value("HA-CATBI", P, "chu_ky_so.total", 1429)
    demo_ws.set_value("HA-CATBI", P, "chu_ky_so.signed", 1430)
    (problem,) = problems(demo_ws)
    assert "(1) = 1.429, (2) = 1.430)" in problem.message  # grouped, not 1430


def test_a_message_quotes_a_small_count_as_typed_not_zero_padded(demo_ws):
    demo_ws.set_value("HA-CATBI", P, "chu_ky_so.total", 8)
    demo_ws.set_value("HA-CATBI", P, "chu_ky_so.signed", 9)
    demo_ws.set_value("HA-CATBI", P, "chu_ky_so.leader", 9)
    (problem,) = problems(demo_ws)
    assert "(1) = 8, (2) = 9)" in problem.message  # the print's 08, 09 are not what the clerk typed


def test_articles_a_week_far_from_the_average_is_a_warning(demo_ws):
    demo_ws.set_value("HA-CATBI", P, "cong_ttdt.per_week", 90)
    (problem,) = problems(demo_ws)
    assert problem.level == "warning" and "tin, bài/tuần" in problem.message


def test_wrong_types_stored_by_hand_are_errors_not_crashes(demo_ws):
    demo_ws.set_value("HA-TUPHAP", P, "chu_ky_so.total", "abc")
    demo_ws.set_value("HA-QLDT", P, "chu_ky_so.total", -5)
    messages = [p.message for p in problems(demo_ws) if p.is_error]
    assert any("không phải là số nguyên" in m for m in messages)
    assert any("số âm" in m for m in messages)


def test_an_empty_report_gets_warnings_not_errors(demo_ws):
    from dtdesk.core.report import ReportInfo
    import datetime as dt

    demo_ws.ensure_report(ReportInfo("HA", "2022-Q2", "cds-quarterly", 1, dt.date(2022, 4, 1), dt.date(2022, 6, 30)))
    found = check(report_data(demo_ws, resolve(demo_ws, "HA", "2022-Q2")))
    assert found and not any(p.is_error for p in found)
    assert any("chưa nhập" in p.message for p in found)


def test_a_rule_names_every_field_it_reads_and_messages_fill_placeholders(demo_ws):
    demo_ws.set_value("HA-TUPHAP", P, "chu_ky_so.signed", 999)  # signed <= total broken
    demo_ws.set_value("HA", P, "cong_ttdt.per_week", None)  # 3.5's title holds {kinds}
    found = problems(demo_ws)
    broken = next(p for p in found if p.unit == "HA-TUPHAP")
    assert broken.field == "signed" and set(broken.fields) == {"signed", "total"}
    portal = next(p for p in found if p.section == "cong_ttdt")
    assert "Cổng thông tin điện tử quận và phường" in portal.message
    assert not [p.message for p in found if "{" in p.message]


def test_a_key_figure_jumping_is_a_warning_naming_both_periods(demo_ws):
    import datetime as dt

    from dtdesk.store.rollforward import roll_forward

    info = roll_forward(demo_ws, today=dt.date(2022, 6, 28))[0]
    demo_ws.set_values("HA", "2022-Q2", {("dvc.received", ""): 1671, ("dvc.new", ""): 1476})
    assert not [p for p in check(report_data(demo_ws, info)) if p.section == "dvc" and p.field == "received"]
    demo_ws.set_values("HA", "2022-Q2", {("dvc.received", ""): 3000, ("dvc.new", ""): 2805})
    (jump,) = [p for p in check(report_data(demo_ws, info)) if p.section == "dvc" and p.field == "received"]
    assert jump.level == "warning" and "Quý II/2022" in jump.message and "Quý I/2022: «Tổng số hồ sơ tiếp nhận» = " in jump.message
    english = jump.message.say("en")  # the periods are named in the language the message is said in
    assert "Q2 2022" in english and "Q1 2022: «Tổng số hồ sơ tiếp nhận» = " in english and "Quý" not in english
    assert vietnamese_left(english) == []


def test_rules_across_periods_wait_for_the_previous_report(demo_ws):
    from dtdesk.store.reports import start_report

    info = start_report(demo_ws, "HA", "2022-Q3")  # no 2022-Q2 report: nothing to compare with
    demo_ws.set_values("HA", "2022-Q3", {("dvc.carried", ""): 5, ("ton_tai.text", ""): demo_ws.value("HA", P, "ton_tai.text")})
    assert not [p for p in check(report_data(demo_ws, info)) if "Quý II/2022" in p.message]


def test_a_missing_subunit_is_counted_among_all_the_kinds_of_subunits(demo_ws):
    """A province's communes, wards and special zones: "2/8 phường, xã đã báo cáo", not "phường" for all."""
    from dataclasses import replace

    from dtdesk.core.report import ReportData
    from dtdesk.core.units import Hierarchy

    data = report_data(demo_ws, resolve(demo_ws))
    units = Hierarchy([replace(u, kind="commune") if u.code == "HA-NAMHAI" else u for u in data.units.units.values()])
    values = {key: value for key, value in data.values.items() if key[0] != "HA-CATBI"}
    missing = [p for p in check(ReportData(data.template, units, data.info, values)) if p.unit == "HA-CATBI"]
    assert len(missing) == 1
    assert "chỉ tính 7/8 phường, xã đã báo cáo." in missing[0].message
    english = missing[0].message.say("en")
    assert "7 of 8 units (ward, commune) that have reported" in english
    assert vietnamese_left(english) == []
