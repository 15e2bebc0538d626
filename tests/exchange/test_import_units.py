"""A file from a unit this workspace does not list: refused by default, previewed as a new unit, accepted explicitly."""

from __future__ import annotations

import pytest

from dtdesk.cli import main
from dtdesk.exchange.importer import IMPORTED, PLANNED, REJECTED, commit, import_files, plan_import
from dtdesk.store.reports import define_unit, merge_units
from tests.exchange.conftest import build, open_ws, read_parts, ws_hash


@pytest.fixture
def lookalike(tmp_path, ward_files):
    """Cát Bi's file under the code HA-CATBl (a lower-case L), still named "Phường Cát Bi"."""
    manifest, units, reports, values = read_parts(ward_files["HA-CATBI"])
    code = "HA-CATBl"
    units = [dict(u, code=code) if u["code"] == "HA-CATBI" else u for u in units]
    return build(tmp_path / f"{code}_2022-Q1_r2.dtdesk.sqlite", dict(manifest, unit=code),
                 units, [dict(reports[0], unit=code)], [(code, *rest) for _u, *rest in values])


def test_an_unknown_unit_is_refused_by_default_and_the_workspace_is_unchanged(district, lookalike):
    before = ws_hash(district)
    with open_ws(district) as ws:
        (plan,) = import_files(ws, [lookalike])
    assert plan.status == REJECTED
    assert "«HA-CATBl»" in plan.message and "chưa có trong danh sách đơn vị" in plan.message
    assert "trùng tên với đơn vị «HA-CATBI»" in plan.message
    assert ws_hash(district) == before


def test_the_preview_lists_the_new_unit_and_its_name_clash(district, lookalike):
    with open_ws(district) as ws:
        (plan,) = plan_import(ws, [lookalike])
    assert plan.status == PLANNED and plan.unknown_unit
    assert [u["code"] for u in plan.new_units] == ["HA-CATBl"]
    assert [(u["code"], here) for u, here in plan.clashes] == [("HA-CATBl", "HA-CATBI")]


def test_accepted_explicitly_the_unit_is_added_under_the_district(district, lookalike):
    with open_ws(district) as ws:
        (plan,) = commit(ws, plan_import(ws, [lookalike]), add_units=True)
        assert plan.status == IMPORTED, plan.message
        assert ws.hierarchy()["HA-CATBl"].parent == "HA"


def test_a_known_ward_needs_no_consent(district, ward_files):
    with open_ws(district) as ws:
        (plan,) = import_files(ws, [ward_files["HA-CATBI"]])
    assert plan.status == IMPORTED and not plan.unknown_unit


def test_cli_refuses_without_add_units_and_imports_with_it(district, lookalike, capsys):
    assert main(["import", str(district), "--dry-run", str(lookalike)]) == 0
    out = capsys.readouterr().out
    assert "Đơn vị mới: HA-CATBl Phường Cát Bi (trùng tên với đơn vị HA-CATBI đã có)" in out
    assert main(["import", str(district), str(lookalike)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Từ chối: ") and "--add-units" in out
    assert main(["import", str(district), "--add-units", str(lookalike)]) == 0
    assert capsys.readouterr().out.startswith("Đã nhập «HA-CATBl_2022-Q1_r2.dtdesk.sqlite»")


def test_a_file_from_a_ward_merged_away_before_its_period_is_refused_naming_the_new_ward(district, ward_files):
    """Its figures would count in no total of the period (the period lists the new ward only): refused, not lost."""
    with open_ws(district) as ws:
        define_unit(ws, "HA-MOI", "Phường Hải An Mới", "ward", "HA")
        merge_units(ws, "HA-MOI", ["HA-CATBI", "HA-THANHTO"], "2022-Q1")
    before = ws_hash(district)
    with open_ws(district) as ws:
        plans = import_files(ws, [ward_files["HA-CATBI"], ward_files["HA-DANGLAM"]])
    assert [p.status for p in plans] == [REJECTED, IMPORTED]
    assert "Phường Cát Bi đã gộp vào Phường Hải An Mới từ ngày 01/01/2022" in plans[0].message
    assert ws_hash(district) != before  # the other ward's file still went in
