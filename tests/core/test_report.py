from dataclasses import replace

from dtdesk.store.reports import report_data, resolve


def test_district_table_rows_group_bodies_and_wards(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws))
    rows = data.table_rows(data.template.section("chu_ky_so"))
    groups = [r.label for r in rows if r.kind == "group"]
    assert groups == ["I. KHỐI QUẬN", "II. KHỐI PHƯỜNG"]
    data_rows = [r for r in rows if r.kind == "data"]
    assert len(data_rows) == 25
    assert data_rows[0].unit == "HA" and data_rows[0].label.startswith("Ủy ban nhân dân quận (Chủ tịch")
    assert (data_rows[17].number, data_rows[17].unit) == ("1", "HA-CATBI")


def test_nested_numbering_in_the_portal_table(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws))
    rows = data.table_rows(data.template.section("cong_ttdt"))
    assert [r.number for r in rows][:4] == ["1", "2", "2.1", "2.2"]
    assert rows[0].label == "Cổng thông tin điện tử quận"
    assert rows[1].label == "Cổng thông tin điện tử các phường"


def test_ward_level_figures_are_the_sum_of_the_wards(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws))
    summed = data.figures(data.template.section("dvc"), "subunits")
    assert (summed["received"], summed["new"], summed["carried"], summed["online"]) == (914, 905, 9, 700)
    assert round(summed["online_ratio"], 1) == 76.6


def test_a_ward_report_has_only_its_own_row(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws, "HA-CATBI"))
    rows = data.table_rows(data.template.section("chu_ky_so"))
    assert [(r.kind, r.label) for r in rows] == [("group", "I. KHỐI PHƯỜNG"), ("data", "Phường Cát Bi")]
    assert data.figures(data.template.section("dvc"), "subunits") is None
    assert data.words["kinds"] == "phường"


def test_fixed_table_total(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws))
    total = data.table_rows(data.template.section("buu_chinh"))[-1]
    assert (total.kind, total.values["received"], total.values["returned"]) == ("total", 435, 140)


def test_in_the_city_report_the_district_row_is_the_districts_name(demo_ws):
    district = resolve(demo_ws)
    data = report_data(demo_ws, replace(district, unit="HP"))
    rows = [r for r in data.table_rows(data.template.section("chu_ky_so")) if r.kind == "data"]
    assert [(r.unit, r.label) for r in rows] == [("HP", "Thành phố Hải Phòng"), ("HA", "Quận Hải An")]
    own = report_data(demo_ws, district).table_rows(data.template.section("chu_ky_so"))[1]
    assert own.unit == "HA" and own.label.startswith("Ủy ban nhân dân quận (Chủ tịch")
