"""The district report while some wards have sent nothing: it says how many it covers and nothing about the rest."""

import pytest

from dtdesk.core.compose import compose
from dtdesk.core.coverage import coverage, with_note
from dtdesk.core.document import Paragraph, Table
from dtdesk.core.drafts import drafts_for
from dtdesk.core.report import ReportData
from dtdesk.core.rules import check
from dtdesk.store.reports import report_data, resolve

WARDS = ["HA-CATBI", "HA-THANHTO", "HA-DANGLAM", "HA-DANGHAI", "HA-DONGHAI1", "HA-DONGHAI2", "HA-NAMHAI", "HA-TRANGCAT"]


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    from dtdesk.store.demo import create_demo

    ws = create_demo(tmp_path_factory.mktemp("coverage") / "ws.sqlite")
    data = report_data(ws, resolve(ws))
    ws.close()
    return data


def without(data: ReportData, *units: str) -> ReportData:
    """The district's report as if ``units`` had sent nothing for the period."""
    values = {key: value for key, value in data.values.items() if key[0] not in units}
    return ReportData(data.template, data.units, data.info, values)


def printed(data: ReportData) -> str:
    lines = []
    for block in compose(data).blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [" | ".join(cell or "" for cell in row.cells) for row in block.rows]
    return "\n".join(lines)


def ward_figures(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("b) Cấp phường"))


def test_all_wards_reported_adds_no_note(district):
    text = printed(district)
    assert "đã báo cáo" not in text and "chưa có số liệu" not in text
    assert ward_figures(text).startswith("b) Cấp phường: Tổng số hồ sơ tiếp nhận là 914 hồ sơ")


def test_six_of_eight_sums_six_and_says_so(district):
    text = printed(without(district, "HA-CATBI", "HA-NAMHAI"))
    # Cát Bi received 120, Nam Hải 75: 914 - 195
    assert ward_figures(text).startswith("b) Cấp phường (6/8 phường đã báo cáo): Tổng số hồ sơ tiếp nhận là 719 hồ sơ")
    assert "Có 1/6 phường (phường Đông Hải 1) đã xây dựng chuyên mục" in text
    assert "05 phường còn lại chưa thực hiện (6/8 phường đã báo cáo)." in text
    assert "6/8 phường đã báo cáo, trong đó các phường còn để hồ sơ quá hạn gồm: Đằng Hải, Đông Hải 1, Đông Hải 2, Tràng Cát)" in text


def test_nothing_is_said_about_a_missing_ward(district):
    text = printed(without(district, "HA-DONGHAI2", "HA-TRANGCAT"))
    rows = [line for line in text.splitlines() if "Đông Hải 2" in line or "Tràng Cát" in line]
    # only their table rows, marked as having no data, with blank cells
    assert rows and all(line.endswith("(chưa có số liệu) |  |  |  | ") or line.endswith("(chưa có số liệu) |  |  | ")
                        for line in rows)
    assert "riêng Ủy ban nhân dân" not in text  # the ward without a plan is one of the missing two


def test_no_ward_reported_asserts_nothing_about_wards(district):
    text = printed(without(district, *WARDS))
    assert ward_figures(text) == "b) Cấp phường: chưa có số liệu của phường nào."
    for claim in ["Chưa có phường nào xây dựng", "không có phường nào để hồ sơ quá hạn", "Cả ", "còn lại chưa thực hiện",
                  "các phường đã hoàn thành"]:
        assert claim not in text
    assert "Trong quý I/2022, chưa có số liệu của phường nào)" in text


def test_a_ward_without_numbers_is_not_summed_as_zero(district):
    """A ward that sent its checklist but no 3.1 figures is left out of 3.1, not counted as 0 dossiers."""
    dvc_keys = {f"dvc.{f.id}" for f in district.template.section("dvc").inputs}
    values = {k: v for k, v in district.values.items() if not (k[0] == "HA-CATBI" and k[1] in dvc_keys)}
    data = ReportData(district.template, district.units, district.info, values)
    split = coverage(data, data.template.section("dvc"))
    assert [u.code for u in split.missing] == ["HA-CATBI"]
    assert coverage(data, data.template.section("trien_khai")).complete
    assert "(7/8 phường đã báo cáo)" in ward_figures(printed(data))


def test_drafts_count_only_wards_with_data(district):
    d = drafts_for(without(district, "HA-DONGHAI1"))
    assert d["portal_subunits"] == ('Chưa có phường nào xây dựng chuyên mục "Chuyển đổi số" trên Cổng thông tin điện tử '
                                    "phường (7/8 phường đã báo cáo).")


def test_check_warns_once_for_each_missing_ward(district):
    problems = check(without(district, "HA-CATBI", "HA-NAMHAI"))
    assert [(p.level, p.unit) for p in problems] == [("warning", "HA-CATBI"), ("warning", "HA-NAMHAI")]
    assert problems[0].message.startswith("Phường Cát Bi chưa có số liệu quý I/2022")
    assert "6/8 phường" in problems[0].message
    assert check(district) == []


@pytest.mark.parametrize("text, result", [
    ("Có 1/6 phường.", "Có 1/6 phường (6/8)."),
    ("gồm: Cát Bi", "gồm: Cát Bi (6/8)"),
    ("", "(6/8)"),
])
def test_the_note_goes_inside_the_full_stop(text, result):
    assert with_note(text, "(6/8)") == result
    assert with_note(text, "") == text
