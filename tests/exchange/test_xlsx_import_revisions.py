"""A ward that answered in Excel and later sends its submission files: revisions, conflicts, history, codes.

A workbook has no revision of its own: the ward's files (r1, r2…) are taken as what they are, the values they
change that came from the workbook are the ward's earlier answer, replaced (said as "nhập từ Excel" in the
preview, no conflict, whatever --keep-local says), and what the workbook brought stays in the value's history
and the report's steps.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dtdesk.cli import main
from dtdesk.exchange.decision import answer
from dtdesk.exchange.export import export_report
from dtdesk.exchange.history import cell_history
from dtdesk.exchange.importer import IMPORTED, PLANNED, import_files, plan_import
from dtdesk.exchange.summary import format_plans
from dtdesk.exchange.verification import describe, find, report_code, workbooks
from dtdesk.store.jsonio import dump_document, load_document
from dtdesk.store.status import ACCEPTED
from dtdesk.store.workspace import Workspace, WorkspaceError
from tests.exchange.conftest import PERIOD, open_ws
from tests.exchange.test_xlsx_import import _cell_of, _edited, exported

WARD = "HA-CATBI"
KEY = "chu_ky_so.total"  # 40 in the ward's own report


@pytest.fixture
def ward(demo, tmp_path) -> Path:
    """Phường Cát Bi's own workspace, never sent yet: its first file is r1."""
    with open_ws(demo) as ws:
        doc = dump_document(ws, WARD, PERIOD)
    doc["own_unit"] = WARD
    for report in doc["reports"]:
        report["revision"] = 0
    path = tmp_path / "ward.sqlite"
    with Workspace.create(path) as fresh:
        load_document(fresh, doc)
    return path


@pytest.fixture
def workbook(demo, tmp_path) -> Path:
    """Cát Bi's tables exported at the district, filled in Excel: 1.430 documents where the ward's file says 40."""
    path = exported(demo, WARD, tmp_path / "catbi.xlsx")
    return _edited(path, path, *_cell_of(path, KEY), 1430)


def _send(ward: Path, folder: Path) -> Path:
    """The ward's next submission file (reopening its report when it was sent before)."""
    folder.mkdir(exist_ok=True)
    with open_ws(ward) as ws:
        if ws.is_locked(WARD, PERIOD):
            ws.reopen(WARD, PERIOD)
        return export_report(ws, WARD, PERIOD, folder).path


def test_the_wards_first_file_after_its_workbook_is_taken_as_r1_and_replaces_the_workbooks_values(
        district, ward, workbook, tmp_path):
    with open_ws(district) as ws:
        (first,) = import_files(ws, [workbook])
        assert first.status == IMPORTED, first.message
    r1 = _send(ward, tmp_path / "out")
    assert r1.name.endswith("_r1.dtdesk.sqlite")
    with open_ws(district) as ws:
        (plan,) = plan_import(ws, [r1])
        assert plan.status == PLANNED, plan.message
        assert (KEY, 1430, 40) in [(c.key, c.old, c.new) for c in plan.changes] and plan.conflicts == []
        lines, _ = format_plans([plan], dry_run=True)
        change = next(line for line in lines if "1.430" in line)
        assert "1.430 (nhập từ Excel) → 40" in change  # as the forms show the figure, and where it came from
        assert "1.430 (imported from Excel) → 40" in change.say("en")
        (done,) = import_files(ws, [r1])
        assert done.status == IMPORTED and ws.value(WARD, PERIOD, KEY) == 40
        assert ws.latest_import(WARD, PERIOD).revision == 1
        steps = [(s.label, s.file) for s in ws.status_history(WARD, PERIOD)]
        history = cell_history(ws, WARD, PERIOD, KEY)
    assert steps == [("Đã gửi (biểu Excel)", "catbi.xlsx"), ("Đã gửi (r1)", r1.name)]
    assert [(h["old"], h["new"], h["source"].split(":")[0], h["file"]) for h in history] == [
        (None, 1430, "xlsx", "catbi.xlsx"), (1430, 40, "import", r1.name)]


def test_keep_local_keeps_a_figure_typed_here_but_not_the_workbooks(district, ward, workbook, tmp_path):
    """The workbook was the ward's answer and its r1 corrects it; a figure the district typed is the district's."""
    typed = ("chu_ky_so.signed", "")
    r1 = _send(ward, tmp_path / "out")
    with open_ws(district) as ws:
        import_files(ws, [workbook])
        ws.set_value(WARD, PERIOD, typed[0], 7)  # typed in the district's form after the workbook came
        (plan,) = plan_import(ws, [r1])
        assert [(c.key, c.old) for c in plan.conflicts] == [(typed[0], 7)]
        (done,) = import_files(ws, [r1], keep_local=True)
        assert done.status == IMPORTED, done.message
        assert ws.value(WARD, PERIOD, KEY) == 40 and ws.value(WARD, PERIOD, *typed) == 7


def test_a_later_workbook_replaces_an_earlier_ones_figures_even_with_keep_local(demo, district, workbook, tmp_path):
    later = exported(demo, WARD, tmp_path / "later.xlsx")
    later = _edited(later, later, *_cell_of(later, KEY), 41)
    with open_ws(district) as ws:
        import_files(ws, [workbook])
        (plan,) = plan_import(ws, [later])
        assert [(c.key, c.old, c.new) for c in plan.changes] == [(KEY, 1430, 41)] and plan.conflicts == []
        (done,) = import_files(ws, [later], keep_local=True)
        assert done.status == IMPORTED and ws.value(WARD, PERIOD, KEY) == 41


def test_a_workbook_between_two_files_takes_no_revision_from_them(demo, district, ward, workbook, tmp_path):
    r1 = _send(ward, tmp_path / "r1")
    with open_ws(district) as ws:
        assert [p.status for p in import_files(ws, [r1, workbook])] == [IMPORTED, IMPORTED]
    later = exported(demo, WARD, tmp_path / "later.xlsx")  # another workbook, another figure changed
    later = _edited(later, later, *_cell_of(later, KEY), 41)
    r2 = _send(ward, tmp_path / "r2")
    with open_ws(district) as ws:
        (second,) = import_files(ws, [later])
        assert second.status == IMPORTED, second.message  # no "r0 already imported with other content"
        (plan,) = import_files(ws, [r2])
        assert plan.status == IMPORTED, plan.message
        assert ws.latest_import(WARD, PERIOD).revision == 2 and ws.value(WARD, PERIOD, KEY) == 40


def test_status_says_a_ward_answered_in_excel(district, workbook, capsys):
    with open_ws(district) as ws:
        import_files(ws, [workbook])
    assert main(["status", str(district), "--period", PERIOD]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(WARD))
    assert "chưa nộp tệp, số liệu nhập từ biểu Excel" in line


def test_verify_code_matches_the_data_a_workbook_filled_and_says_why_a_wards_own_print_cannot_match(
        district, ward, workbook, capsys):
    with open_ws(ward) as ws:
        printed_by_the_ward = report_code(ws, WARD, PERIOD)
    with open_ws(district) as ws:
        import_files(ws, [workbook])
        printed_here = report_code(ws, WARD, PERIOD)
        (match,) = find(ws, printed_here, WARD, PERIOD)
        assert (match.how, match.workbooks) == ("current", ("catbi.xlsx",))
        assert find(ws, printed_by_the_ward, WARD, PERIOD) == []
        said = describe(printed_by_the_ward, [], {WARD: "Phường Cát Bi"}, workbooks(ws, WARD, PERIOD))
    assert "Biểu Excel «catbi.xlsx» của Phường Cát Bi (HA-CATBI) kỳ 2022-Q1" in said[1]
    assert main(["verify-code", str(district), printed_by_the_ward]) == 1
    out = capsys.readouterr().out
    assert "«catbi.xlsx»" in out and "không đối chiếu được với bản giấy" in out


def test_a_workbook_after_an_answered_file_leaves_the_answer_standing(district, ward, workbook, tmp_path):
    r1 = _send(ward, tmp_path / "r1")
    with open_ws(district) as ws:
        import_files(ws, [r1])
        answer(ws, WARD, PERIOD, ACCEPTED, tmp_path / "replies")
        (done,) = import_files(ws, [workbook])
        assert done.status == IMPORTED, done.message
        assert ws.current_status(WARD, PERIOD).label == "Đã tiếp nhận (r1)"
        assert ws.status_history(WARD, PERIOD)[-1].label == "Đã gửi (biểu Excel)"
        with pytest.raises(WorkspaceError, match="đã được trả lời"):  # r1 is answered once
            answer(ws, WARD, PERIOD, ACCEPTED, tmp_path / "again")


def test_import_keep_local_on_the_command_line_keeps_typed_figures_only(district, ward, workbook, tmp_path, capsys):
    r1 = _send(ward, tmp_path / "out")
    assert main(["import", str(district), str(workbook)]) == 0
    assert main(["key", str(district), "--unit", WARD, "chu_ky_so.signed=7"]) == 0  # keyed from the ward's paper
    capsys.readouterr()
    assert main(["import", str(district), "--dry-run", str(r1)]) == 0
    out = capsys.readouterr().out
    assert "1 xung đột" in out and "Xung đột: Phường Cát Bi: 3.2" in out and "7 (nhập tay từ bản giấy) → 39" in out
    assert "1.430 (nhập từ Excel) → 40" in out and "Xung đột: Phường Cát Bi: 3.2 — Tổng số" not in out
    assert main(["import", str(district), "--keep-local", str(r1)]) == 0
    with open_ws(district) as ws:
        assert (ws.value(WARD, PERIOD, KEY), ws.value(WARD, PERIOD, "chu_ky_so.signed")) == (40, 7)
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "biểu Excel nhận trước đó vẫn được thay" in " ".join(capsys.readouterr().out.split())
