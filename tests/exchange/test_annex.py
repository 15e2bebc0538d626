"""The annex's content: the template's key ratio per subunit and who reported, in the template's words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dtdesk.exchange.annex import NoAnnex, compose_annex
from dtdesk.exchange.importer import import_files, key_for_unit
from dtdesk.exchange.status import completeness
from dtdesk.store.reports import report_data, resolve
from tests.exchange.conftest import PERIOD, open_ws


def _annex(ws, unit=None):
    return compose_annex(ws, report_data(ws, resolve(ws, unit, PERIOD)))


def test_the_district_gets_one_bar_and_one_row_per_ward_in_the_templates_words(district, ward_files):
    with open_ws(district) as ws:
        import_files(ws, [ward_files["HA-CATBI"]])
        key_for_unit(ws, "HA-NAMHAI", PERIOD, {("dvc.received", ""): 10, ("dvc.new", ""): 10, ("dvc.online", ""): 4})
        annex = _annex(ws)
        ratios = {r.unit.name: r.key_ratio for r in completeness(ws, PERIOD).rows}
    assert [b.label for b in annex.bars] == list(ratios)
    assert {b.label: b.value for b in annex.bars} == ratios
    by_name = {row.cells[1]: row.cells for row in annex.table.rows[:-1]}
    assert by_name["Phường Cát Bi"][2] == "Gửi muộn (lần 2)" and by_name["Phường Cát Bi"][3]  # exported today, 2022 was due
    assert by_name["Phường Nam Hải"][2:] == ("Nhập từ bản giấy", "", "40")
    assert by_name["Phường Thành Tô"][2:] == ("Chưa gửi", "", "")
    assert next(b for b in annex.bars if b.label == "Phường Thành Tô").text == "chưa có số liệu"
    assert annex.table.rows[-1].cells[0] == "Tổng số: 2/8 phường đã báo cáo"
    assert annex.chart_title.startswith("Biểu đồ 1. Tỷ lệ hồ sơ giải quyết trực tuyến")
    assert annex.reference == "(Kèm theo Báo cáo số 05/BC-VP ngày 31/3/2022)"


def test_a_ward_accepted_or_returned_says_so_after_how_it_sent(district, ward_files, tmp_path):
    """The level above's answer is part of who reported how: a returned ward has not reported as it should."""
    from dtdesk.exchange.decision import answer
    from dtdesk.store.status import ACCEPTED, RETURNED

    with open_ws(district) as ws:
        import_files(ws, [ward_files["HA-CATBI"], ward_files["HA-DANGHAI"], ward_files["HA-NAMHAI"]])
        answer(ws, "HA-CATBI", PERIOD, RETURNED, tmp_path, reason="Thiếu số liệu mục 3.2.")
        answer(ws, "HA-DANGHAI", PERIOD, ACCEPTED, tmp_path)
        states = {row.cells[1]: row.cells[2] for row in _annex(ws).table.rows[:-1]}
    assert states["Phường Cát Bi"] == "Gửi muộn (lần 2), bị trả lại"
    assert states["Phường Đằng Hải"] == "Gửi muộn (lần 2), đã tiếp nhận"
    assert states["Phường Nam Hải"] == "Gửi muộn (lần 2)"  # received, not answered yet


def test_the_annex_goes_only_with_the_workspaces_own_report(demo):
    with open_ws(demo) as ws:
        assert len(_annex(ws).bars) == 8
        with pytest.raises(NoAnnex, match="HA"):
            _annex(ws, "HA-CATBI")


def test_without_a_key_ratio_in_the_template_there_is_no_chart(district):
    with open_ws(district) as ws:
        data = report_data(ws, resolve(ws, None, PERIOD))
        data.template = replace(data.template, key_ratio="", key_ratio_label="")
        annex = compose_annex(ws, data)
    assert annex.bars == () and annex.chart_title == "" and len(annex.table.rows) == 9


def test_a_ward_that_answered_only_with_a_workbook_sent_its_figures_by_workbook(district, demo, tmp_path):
    """Its values' source says Excel: the annex names the workbook, not "figures held here, no file sent"."""
    from dtdesk.exchange.xlsx_export import export_xlsx

    workbook = tmp_path / "catbi.xlsx"
    with open_ws(demo) as ws:
        export_xlsx(ws, "HA-CATBI", PERIOD, workbook)
    with open_ws(district) as ws:
        (plan,) = import_files(ws, [workbook])
        assert plan.submission.workbook and ws.latest_import("HA-CATBI", PERIOD) is None, plan.message
        annex = _annex(ws)
    by_name = {row.cells[1]: row.cells for row in annex.table.rows[:-1]}
    assert by_name["Phường Cát Bi"][2] == "Đã gửi biểu Excel"
    assert by_name["Phường Cát Bi"][4]  # its key ratio is read from the workbook's figures
    assert annex.table.rows[-1].cells[0] == "Tổng số: 1/8 phường đã báo cáo"
