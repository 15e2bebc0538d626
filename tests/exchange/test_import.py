"""dtdesk import: preview, conflicts with keyed values, revisions, hierarchies; dtdesk status."""

from __future__ import annotations

import pytest

from dtdesk.cli import main
from dtdesk.exchange.export import export_report
from dtdesk.exchange.importer import (DUPLICATE, IMPORTED, PLANNED, REJECTED, commit, import_files, key_for_unit,
                                      plan_import)
from dtdesk.exchange.status import completeness
from dtdesk.store.workspace import Workspace, WorkspaceError
from tests.exchange.conftest import PERIOD, WARDS, build, open_ws, read_parts, ws_hash


def test_plan_shows_changes_and_writes_nothing(district, ward_files):
    before = ws_hash(district)
    with open_ws(district) as ws:
        (plan,) = plan_import(ws, [ward_files["HA-CATBI"]])
    assert plan.status == PLANNED
    assert plan.new_units == []  # the district's dump already lists its wards
    assert len(plan.changes) == 67 and plan.conflicts == []
    change = next(c for c in plan.changes if c.key == "chu_ky_so.total")
    assert (change.unit, change.old, change.new) == ("HA-CATBI", None, 40)
    assert ws_hash(district) == before


def test_import_twice_changes_nothing_the_second_time(district, ward_files):
    with open_ws(district) as ws:
        assert import_files(ws, [ward_files["HA-CATBI"]])[0].status == IMPORTED
    after_first = ws_hash(district)
    with open_ws(district) as ws:
        (plan,) = import_files(ws, [ward_files["HA-CATBI"]])
    assert plan.status == DUPLICATE and plan.message.endswith("đã nhập trước đó.")
    assert ws_hash(district) == after_first


def test_a_folder_is_imported_and_the_original_bytes_are_kept(district, ward_files):
    folder = ward_files["HA-CATBI"].parent
    with open_ws(district) as ws:
        plans = import_files(ws, [folder])
        kept = dict(ws.conn.execute("SELECT filename, original FROM imports"))
    assert len(plans) == 8 and {p.status for p in plans} == {IMPORTED}
    assert kept == {p.name: p.read_bytes() for p in ward_files.values()}


def test_keyed_values_for_a_paper_ward_then_the_file_reports_conflicts(district, ward_files):
    with open_ws(district) as ws:
        key_for_unit(ws, "HA-CATBI", PERIOD, {("chu_ky_so.total", ""): 41, ("chu_ky_so.signed", ""): 39})
        assert ws.conn.execute("SELECT source FROM vals WHERE unit = 'HA-CATBI' AND key = 'chu_ky_so.total'"
                               ).fetchone() == ("keyed",)
        status = {r.unit.code: r for r in completeness(ws, PERIOD).rows}
        assert status["HA-CATBI"].keyed and not status["HA-CATBI"].submitted
        (plan,) = plan_import(ws, [ward_files["HA-CATBI"]])
        assert [(c.key, c.old, c.new, c.old_source) for c in plan.conflicts] == [
            ("chu_ky_so.total", 41, 40, "keyed")]  # 39 = 39 is no conflict
        commit(ws, [plan], keep_local=True)
        assert ws.value("HA-CATBI", PERIOD, "chu_ky_so.total") == 41
        assert ws.value("HA-CATBI", PERIOD, "dvc.received") == 120


def test_by_default_the_units_own_file_wins_and_the_audit_keeps_the_keyed_value(district, ward_files):
    with open_ws(district) as ws:
        key_for_unit(ws, "HA-CATBI", PERIOD, {("chu_ky_so.total", ""): 41})
        (plan,) = import_files(ws, [ward_files["HA-CATBI"]])
        assert len(plan.conflicts) == 1
        assert ws.value("HA-CATBI", PERIOD, "chu_ky_so.total") == 40
        trail = [(a["old"], a["new"], a["source"][:7]) for a in ws.audit("HA-CATBI", PERIOD, "chu_ky_so.total")]
    assert trail == [(None, 41, "keyed"), (41, 40, "import:")]


def test_key_for_unit_refuses_a_unit_outside(district):
    with open_ws(district) as ws:
        with pytest.raises(WorkspaceError):
            key_for_unit(ws, "HA-TUPHAP", PERIOD, {("x.y", ""): 1})  # a body, not a subunit
        with pytest.raises(WorkspaceError):
            key_for_unit(ws, "HP", PERIOD, {("x.y", ""): 1})


def test_a_newer_revision_replaces_and_an_older_one_is_refused(district, ward_files, tmp_path):
    m, u, r, v = read_parts(ward_files["HA-CATBI"])
    v3 = [(a, b, k, row, 41 if k == "chu_ky_so.total" else val) for a, b, k, row, val in v]
    r3 = build(tmp_path / "HA-CATBI_2022-Q1_r3.dtdesk.sqlite", dict(m, revision="3"), u, [dict(r[0], revision=3)], v3)
    with open_ws(district) as ws:
        plans = import_files(ws, [r3, ward_files["HA-CATBI"]])  # given newest first: applied oldest first
        assert [p.status for p in plans] == [IMPORTED, IMPORTED]
        assert ws.value("HA-CATBI", PERIOD, "chu_ky_so.total") == 41
        assert ws.report("HA-CATBI", PERIOD).revision == 3
    before = ws_hash(district)
    r2 = tmp_path / "copy-of-r2.dtdesk.sqlite"
    r2.write_bytes(ward_files["HA-CATBI"].read_bytes())
    with open_ws(district) as ws:
        # the same bytes were imported already: a duplicate, not a silent downgrade
        assert import_files(ws, [r2])[0].status == DUPLICATE
        m1 = build(tmp_path / "r1.dtdesk.sqlite", dict(m, revision="1"), u, [dict(r[0], revision=1)], v)
        (plan,) = import_files(ws, [m1])
    assert plan.status == REJECTED and "cũ hơn" in plan.message
    assert ws_hash(district) == before


def test_district_file_goes_up_to_the_city(tmp_path, demo):
    """A deeper hierarchy works the same: HA's export is imported by a workspace whose unit is HP."""
    with open_ws(demo) as ws:
        result = export_report(ws, "HA", PERIOD, tmp_path)
    city = tmp_path / "city.sqlite"
    from dtdesk.core.units import Unit
    from dtdesk.store.jsonio import load_document

    with Workspace.create(city, "HP") as ws:
        ws.add_units([Unit("HP", "Thành phố Hải Phòng", "city", short="Hải Phòng")])
        load_document(ws, {"format": "dtdesk/1", "reports": [
            {"unit": "HP", "period": PERIOD, "template_id": "cds-quarterly", "template_version": 1,
             "start": "2022-01-01", "cutoff": "2022-03-30"}]})
        (plan,) = import_files(ws, [result.path], add_units=True)  # the city lists no district yet
        assert plan.status == IMPORTED, plan.message
        assert [u["code"] for u in plan.new_units][0] == "HA" and len(plan.new_units) == 17
        assert ws.hierarchy().subunits("HP")[0].code == "HA"
        assert ws.value("HA-TUPHAP", PERIOD, "chu_ky_so.total") == 66
        rows = completeness(ws, PERIOD).rows
    assert [(r.unit.code, r.submitted, r.revision, r.errors) for r in rows] == [("HA", True, 2, 0)]


def test_status_lists_every_ward(district, ward_files, capsys):
    with open_ws(district) as ws:
        import_files(ws, [ward_files[c] for c in WARDS[:3]])
        c = completeness(ws, PERIOD)
    assert c.deadline.isoformat() == "2022-04-04"  # cut-off 30/3 + 5 days
    assert [(r.unit.code, r.submitted) for r in c.rows] == [(code, code in WARDS[:3]) for code in WARDS]
    assert all(r.errors == 0 and r.on_time is False for r in c.rows if r.submitted)  # exported today: late
    assert main(["status", str(district), "--period", PERIOD]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Báo cáo của Quận Hải An (HA) kỳ 2022-Q1: Nháp."  # the district's own report first
    assert out[1] == "Tình hình nộp báo cáo kỳ 2022-Q1 của Quận Hải An (hạn nộp 04/4/2022):"
    assert "HA-CATBI" in out[2] and "đã nộp" in out[2] and "r2" in out[2] and "nộp muộn" in out[2]
    assert "HA-DANGHAI" in out[5] and "chưa nộp" in out[5]
    assert out[-1] == "Tổng: 3/8 đơn vị đã nộp, 0 đúng hạn, 3 nộp muộn, 5 chưa nộp."


def test_status_counts_rule_errors_and_on_time(district, ward_files, tmp_path):
    m, u, r, v = read_parts(ward_files["HA-CATBI"])
    v = [(a, b, k, row, 999 if k == "chu_ky_so.signed" else val) for a, b, k, row, val in v]  # signed > total
    early = build(tmp_path / "early.dtdesk.sqlite", dict(m, exported_at="2022-04-04T16:59:00+00:00"), u, r, v)
    with open_ws(district) as ws:
        assert import_files(ws, [early])[0].status == IMPORTED
        row = completeness(ws, PERIOD).rows[0]
    assert row.on_time is True and row.errors >= 1  # 23:59 on the deadline day in Vietnam


def test_cli_import_dry_run_and_exit_codes(district, ward_files, tmp_path, capsys):
    before = ws_hash(district)
    assert main(["import", str(district), "--dry-run", str(ward_files["HA-CATBI"])]) == 0
    out = capsys.readouterr().out
    assert "Sẽ nhập «HA-CATBI_2022-Q1_r2.dtdesk.sqlite»" in out
    assert "Phường Cát Bi: 3.2 — Tổng số văn bản đi trên phần mềm HP-eOffice: (trống) → 40" in out  # as in the form
    assert "chu_ky_so" not in out and "cong_thuong" not in out
    assert ws_hash(district) == before
    assert main(["import", str(district), str(ward_files["HA-CATBI"].parent)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Tổng: 8 tệp: 8 đã nhập, 0 đã nhập trước đó, 0 bị từ chối."
    assert main(["import", str(tmp_path / "nope.sqlite"), str(ward_files["HA-CATBI"])]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", str(district), str(empty)]) == 2


def test_an_edit_between_preview_and_commit_is_taken_into_account(district, ward_files):
    with open_ws(district) as ws:
        plans = plan_import(ws, [ward_files["HA-CATBI"]])
        assert plans[0].conflicts == []
        key_for_unit(ws, "HA-CATBI", PERIOD, {("chu_ky_so.total", ""): 41})  # typed while the preview was shown
        commit(ws, plans)
        assert [(c.old, c.new) for c in plans[0].conflicts] == [(41, 40)]
        trail = [(a["old"], a["new"]) for a in ws.audit("HA-CATBI", PERIOD, "chu_ky_so.total")]
    assert trail == [(None, 41), (41, 40)]


def test_a_file_whose_rows_break_a_constraint_is_refused_alone_and_the_rest_imports(district, ward_files):
    with open_ws(district) as ws:  # a constraint no check foresees, met only by Đằng Lâm's rows
        ws.conn.execute("CREATE TRIGGER refuse_danglam BEFORE INSERT ON vals WHEN NEW.unit = 'HA-DANGLAM'"
                        " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        plans = {p.submission.unit: p for p in import_files(ws, [ward_files[w] for w in WARDS])}
        assert plans["HA-DANGLAM"].status == REJECTED and "refused by the test" in plans["HA-DANGLAM"].message
        assert {u for u, p in plans.items() if p.status == IMPORTED} == set(WARDS) - {"HA-DANGLAM"}
        assert ws.value("HA-DANGLAM", PERIOD, "chu_ky_so.total") is None
        assert ws.value("HA-NAMHAI", PERIOD, "chu_ky_so.total") is not None
        assert [f["unit"] for f in ws.imported_files(period=PERIOD)].count("HA-DANGLAM") == 0
