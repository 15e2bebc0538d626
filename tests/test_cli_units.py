"""``dtdesk new`` and ``dtdesk units``: a real office sets itself up from the official list."""

import json

import pytest

from dtdesk.cli import main
from dtdesk.store.reports import report_data, start_report
from dtdesk.store.workspace import Workspace, WorkspaceError
from tests import pdftext


def test_a_ward_from_the_official_list_prints_as_its_peoples_committee(tmp_path, capsys):
    ws, pdf = tmp_path / "ws.sqlite", tmp_path / "w.pdf"
    assert main(["new", str(ws), "--unit", "11413", "--period", "2026-Q3"]) == 0
    assert "Phường Hải An" in capsys.readouterr().out
    values = [("dvc.received", 120), ("dvc.new", 100), ("dvc.carried", 20), ("dvc.resolved", 110),
              ("dvc.on_time", 110), ("dvc.late", 0), ("dvc.pending", 10), ("dvc.within", 10), ("dvc.overdue", 0),
              ("dvc.online", 90), ("header.signer_name", "Nguyễn Văn An")]
    document = {"format": "dtdesk/1",
                "values": [{"unit": "11413", "period": "2026-Q3", "key": k, "value": v} for k, v in values]}
    (tmp_path / "v.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["load", str(ws), str(tmp_path / "v.json")]) == 0
    assert main(["render", str(ws), "-o", str(pdf)]) == 0
    lines = pdftext.lines(pdf)
    text = "\n".join(lines)
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and lines[1].startswith("PHƯỜNG HẢI AN")  # no parent-body line
    assert "Số: …/BC-UBND" in text
    assert "Hải An, ngày" in text and "năm 2026" in text
    assert text.index("TM. ỦY BAN NHÂN DÂN") < text.index("CHỦ TỊCH") < text.index("Nguyễn Văn An")
    assert "Cấp phường: Tổng số hồ sơ tiếp nhận là 120 hồ sơ" in text
    for district_word in ("quận", "QUẬN", "{subkind}", "II. KHỐI", "các phường", "b) Cấp"):
        assert district_word not in text


def test_a_province_gets_all_its_communes(tmp_path, capsys):
    ws = tmp_path / "ws.sqlite"
    assert main(["new", str(ws), "--unit", "31", "--period", "Quý III/2026"]) == 0
    assert "114 đơn vị cấp dưới" in capsys.readouterr().out
    with Workspace.open(ws, read_only=True) as opened:
        units = opened.hierarchy()
        assert opened.own_unit == "31"
        assert len(units.subunits("31")) == 114 and units["11413"].parent == "31"
        assert [r.period for r in opened.reports("31")] == ["2026-Q3"]


def test_a_unit_of_ones_own_under_an_official_one(tmp_path):
    ws = tmp_path / "ws.sqlite"
    assert main(["new", str(ws), "--unit", "HA-VP", "--name", "Văn phòng HĐND - UBND", "--kind", "office",
                 "--parent", "11413", "--period", "2026-Q3"]) == 0
    with Workspace.open(ws, read_only=True) as opened:
        assert [u.code for u in opened.hierarchy().walk()] == ["31", "11413", "HA-VP"]
        assert opened.own_unit == "HA-VP"
        assert opened.value("HA-VP", "2026-Q3", "header.parent_body") == "ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI AN"


@pytest.mark.parametrize("args, words", [
    (["--unit", "99999"], "danh mục chính thức"),
    (["--unit", "../x", "--name", "X", "--kind", "ward"], "Mã đơn vị «../x» không hợp lệ"),
    (["--unit", "31", "--name", "X", "--kind", "ward"], "mã chính thức của Thành phố Hải Phòng"),
    (["--unit", "X", "--name", "X"], "--kind"),
    (["--unit", "X", "--name", "Quận X", "--kind", "district", "--parent", "11413"], "một quận không trực thuộc phường"),
    (["--unit", "11413", "--period", "2022-Q5"], "không đúng dạng"),
    (["--unit", "11413", "--kind", "ward"], "--name"),
])
def test_new_refuses_in_one_sentence_and_writes_nothing(tmp_path, capsys, args, words):
    ws = tmp_path / "ws.sqlite"
    assert main(["new", str(ws), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert not ws.exists()


def test_new_never_writes_over_a_file(tmp_path, capsys):
    ws = tmp_path / "ws.sqlite"
    ws.write_bytes(b"keep me")
    assert main(["new", str(ws), "--unit", "11413"]) == 2
    assert ws.read_bytes() == b"keep me"


def test_the_official_list(capsys):
    assert main(["units", "--official"]) == 0
    provinces = capsys.readouterr().out.splitlines()
    assert len(provinces) == 34 and "31\tThành phố Hải Phòng\tthành phố" in provinces
    assert main(["units", "--official", "31"]) == 0
    communes = capsys.readouterr().out.splitlines()
    assert len(communes) == 114 and "11413\tPhường Hải An\tphường" in communes
    assert main(["units", "--official", "11413"]) == 2


def _units(path):
    with Workspace.open(path, read_only=True) as opened:
        return opened.hierarchy()


def test_units_add_rename_move(demo_path, capsys):
    ws = str(demo_path)
    assert main(["units", ws, "add", "HA-X", "--name", "Phường X", "--kind", "ward", "--parent", "HA"]) == 0
    assert main(["units", ws, "rename", "HA-X", "--name", "Phường Xuân", "--short", "Xuân"]) == 0
    assert main(["units", ws, "move", "HA-TUPHAP", "--parent", "HA-X"]) == 0
    units = _units(demo_path)
    assert (units["HA-X"].name, units["HA-X"].short, units["HA-X"].parent) == ("Phường Xuân", "Xuân", "HA")
    assert units["HA-TUPHAP"].parent == "HA-X"
    assert "Đã đổi tên Phường Xuân (mã HA-X)" in capsys.readouterr().out


@pytest.mark.parametrize("args, words", [
    (["move", "HA-CATBI", "--parent", "HA-THANHTO"], "một phường không trực thuộc phường"),
    (["move", "HA", "--parent", "HA-CATBI"], "một quận không trực thuộc phường"),
    (["move", "HA-CATBI", "--parent", "NOPE"], "Không có đơn vị cấp trên"),
    (["move", "HA-CATBI"], "--parent"),
    (["rename", "NOPE", "--name", "X"], "Không có đơn vị mã «NOPE»"),
    (["rename", "HA-CATBI", "--name", "  "], "Hãy nhập tên"),
    (["add", "HA-Y", "--name", "Quận Y", "--kind", "district", "--parent", "HA"], "một quận không trực thuộc quận"),
    (["add", "A\x1bB", "--name", "X", "--kind", "ward"], "Mã đơn vị chỉ gồm"),
    (["add", "HA-Y", "--name", "Phường Y"], "--kind"),
    (["rename"], "mã đơn vị"),
])
def test_unit_changes_refused_leave_the_units_as_they_were(demo_path, capsys, args, words):
    before = _units(demo_path).units
    assert main(["units", str(demo_path), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "\x1b" not in err
    assert _units(demo_path).units == before


def test_the_document_system_is_a_workspace_setting(tmp_path, capsys):
    ws, pdf = tmp_path / "ws.sqlite", tmp_path / "w.pdf"
    assert main(["new", str(ws), "--unit", "11413", "--period", "2026-Q3"]) == 0
    assert main(["settings", str(ws)]) == 0
    assert "document_system\tquản lý văn bản\t" in capsys.readouterr().out
    assert main(["render", str(ws), "-o", str(pdf)]) == 0
    assert "HP-eOffice" not in pdftext.text(pdf)
    assert main(["settings", str(ws), "document_system", "HP-eOffice"]) == 0
    assert main(["render", str(ws), "-o", str(pdf)]) == 0
    assert "HP-eOffice" in pdftext.text(pdf)
    assert main(["settings", str(ws), "nope", "x"]) == 2
    assert "document_system" in capsys.readouterr().err


def test_a_retired_unit_leaves_new_reports_and_old_ones_print_as_before(demo_path, tmp_path, capsys):
    ws, old_pdf, new_pdf = str(demo_path), tmp_path / "old.pdf", tmp_path / "new.pdf"
    assert main(["render", ws, "-o", str(old_pdf)]) == 0
    before = pdftext.text(old_pdf)
    assert main(["units", ws, "retire", "HA-CATBI", "--period", "Quý II/2022"]) == 0
    assert main(["render", ws, "-o", str(old_pdf)]) == 0
    assert pdftext.text(old_pdf) == before  # 2022-Q1 still has Cát Bi
    with Workspace.open(demo_path) as opened:
        data = report_data(opened, start_report(opened, "HA", "2022-Q2"))
        rows = [r.label for r in data.table_rows(data.template.section("chu_ky_so"))]
        assert "Phường Cát Bi" not in rows and "Phường Thành Tô" in rows
        with pytest.raises(WorkspaceError, match="thôi dùng"):
            start_report(opened, "HA-CATBI", "2022-Q3")
    capsys.readouterr()
    assert main(["units", ws]) == 0
    assert "HA-CATBI\tPhường Cát Bi\tphường\tHA\tthôi dùng từ 01/4/2022" in capsys.readouterr().out.splitlines()
    assert main(["units", ws, "retire", "HA", "--period", "2022-Q2"]) == 2  # the office's own unit


def test_merged_wards_print_their_old_reports_as_before_and_new_ones_list_the_new_ward(demo_path, tmp_path, capsys):
    ws, pdf = str(demo_path), tmp_path / "r.pdf"
    assert main(["render", ws, "-o", str(pdf)]) == 0
    before = pdftext.text(pdf)
    assert main(["units", ws, "add", "HA-MOI", "--name", "Phường Hải An Mới", "--kind", "ward", "--parent", "HA"]) == 0
    assert main(["units", ws, "merge", "--into", "HA-MOI", "--from", "HA-CATBI", "--from", "HA-THANHTO",
                 "--period", "Quý II/2022"]) == 0
    assert "Đã gộp Phường Cát Bi, Phường Thành Tô vào Phường Hải An Mới (mã HA-MOI) từ kỳ quý II/2022." \
        in capsys.readouterr().out
    assert main(["render", ws, "-o", str(pdf)]) == 0
    assert pdftext.text(pdf) == before  # 2022-Q1 keeps Cát Bi and Thành Tô, word for word
    with Workspace.open(demo_path) as opened:
        start_report(opened, "HA", "2022-Q2")
    assert main(["render", ws, "--period", "2022-Q2", "-o", str(pdf)]) == 0
    after = pdftext.text(pdf)
    assert "Phường Hải An Mới" in after and "Cát Bi" not in after and "Thành Tô" not in after
    capsys.readouterr()
    assert main(["units", ws]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "HA-CATBI\tPhường Cát Bi\tphường\tHA\tgộp vào HA-MOI từ 01/4/2022" in listed
    assert "HA-MOI\tPhường Hải An Mới\tphường\tHA\tthành lập từ 01/4/2022" in listed


@pytest.mark.parametrize("args, words", [
    (["--into", "HA-CATBI"], "--from"),
    (["--from", "HA-CATBI"], "--into"),
    (["--into", "HA-CATBI", "--from", "HA-TUPHAP"], "cùng cấp"),
    (["--into", "HA-CATBI", "--from", "HA-NOPE"], "Không có đơn vị"),
])
def test_a_merger_that_cannot_be_is_one_sentence_and_changes_nothing(demo_path, capsys, args, words):
    assert main(["units", str(demo_path), "merge", *args]) == 2
    error = capsys.readouterr().err
    assert words in error and error.count("\n") == 1
    with Workspace.open(demo_path) as opened:
        assert opened.retired() == {}


def test_a_dissolved_units_wards_report_to_its_parent_and_its_bodies_go_with_it(demo_path, capsys):
    ws = str(demo_path)
    for code, name, kind, parent in (("Q2", "Quận Hai", "district", "HP"), ("Q2-W", "Phường Hai", "ward", "Q2"),
                                     ("Q2-TP", "Phòng Tư pháp quận Hai", "department", "Q2")):
        assert main(["units", ws, "add", code, "--name", name, "--kind", kind, "--parent", parent]) == 0
    capsys.readouterr()
    assert main(["units", ws, "retire", "Q2", "--period", "Quý II/2022"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Đã thôi dùng Quận Hai (mã Q2).",
        "Từ quý II/2022, 1 đơn vị cấp dưới của Quận Hai (Phường Hai) trực thuộc Thành phố Hải Phòng.",
        "1 cơ quan của Quận Hai (Phòng Tư pháp quận Hai) cũng thôi dùng từ quý II/2022."]
    assert main(["units", ws]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "Q2-W\tPhường Hai\tphường\tQ2\ttrực thuộc HP từ 01/4/2022" in listed
    assert "Q2-TP\tPhòng Tư pháp quận Hai\tphòng\tQ2\tthôi dùng từ 01/4/2022" in listed
