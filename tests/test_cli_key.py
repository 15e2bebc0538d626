"""dtdesk key: a ward's paper report keyed at the district, shown by status, kept by import --keep-local."""

from __future__ import annotations

import pytest

from dtdesk.cli import main
from dtdesk.exchange.export import export_report
from dtdesk.store.workspace import Workspace


@pytest.fixture
def ward_file(demo_path, tmp_path):
    with Workspace.open(demo_path, backup=False) as ws:
        return export_report(ws, "HA-CATBI", "2022-Q1", tmp_path).path


def test_keyed_values_are_the_wards_shown_by_status_and_kept_on_import(demo_path, ward_file, capsys):
    assert main(["key", str(demo_path), "--unit", "HA-CATBI", "--period", "Quý I/2022", "chu_ky_so.total=41",
                 "buu_chinh.received/y_te=1.234"]) == 0
    assert "Đã nhập tay từ bản giấy 2 số liệu của Phường Cát Bi" in capsys.readouterr().out
    assert main(["status", str(demo_path), "--period", "2022-Q1"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("HA-CATBI"))
    assert "số liệu nhập tay từ bản giấy" in line
    assert main(["import", str(demo_path), "--keep-local", str(ward_file)]) == 0
    out = capsys.readouterr().out
    assert "2 xung đột" in out and "41 (nhập tay từ bản giấy) → 40" in out
    with Workspace.open(demo_path, backup=False) as ws:
        assert ws.value("HA-CATBI", "2022-Q1", "chu_ky_so.total") == 41
        assert ws.value("HA-CATBI", "2022-Q1", "buu_chinh.received", "y_te") == 1234


def test_without_keep_local_the_wards_file_wins(demo_path, ward_file, capsys):
    assert main(["key", str(demo_path), "--unit", "HA-CATBI", "chu_ky_so.total=41"]) == 0
    assert main(["import", str(demo_path), str(ward_file)]) == 0
    with Workspace.open(demo_path, backup=False) as ws:
        assert ws.value("HA-CATBI", "2022-Q1", "chu_ky_so.total") == 40


@pytest.mark.parametrize("args, fragment", [
    (["--unit", "HA-TUPHAP", "chu_ky_so.total=1"], "không phải là đơn vị cấp dưới"),
    (["--unit", "HA", "chu_ky_so.total=1"], "không phải là đơn vị cấp dưới"),
    (["--unit", "HA-CATBI", "chu_ky_so.totl=1"], "không có số liệu «chu_ky_so.totl»"),
    (["--unit", "HA-CATBI", "chu_ky_so.total"], "không có dạng KHÓA=GIÁ_TRỊ"),
    (["--unit", "HA-CATBI", "chu_ky_so.total=1 23"], "chu_ky_so.total:"),
    (["--unit", "HA-CATBI", "buu_chinh.received/nowhere=1"], "không có dòng «nowhere»"),
    (["--unit", "../x", "chu_ky_so.total=1"], "không phải là đơn vị cấp dưới"),
])
def test_bad_keying_is_one_sentence_and_stores_nothing(demo_path, capsys, args, fragment):
    with Workspace.open(demo_path, backup=False) as ws:
        before = ws.audit("HA-CATBI", "2022-Q1")
    assert main(["key", str(demo_path), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert fragment in err and len(err.splitlines()) == 1, err
    with Workspace.open(demo_path, backup=False) as ws:
        assert ws.audit("HA-CATBI", "2022-Q1") == before
