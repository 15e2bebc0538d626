import pytest

from dtdesk.store.reports import define_unit, resolve, start_report
from dtdesk.store.workspace import Workspace, WorkspaceError


@pytest.fixture
def empty(tmp_path):
    ws = Workspace.create(tmp_path / "new.sqlite")
    yield ws
    ws.close()


def test_a_clerk_sets_up_an_empty_workspace(empty):
    define_unit(empty, "HA", "Quận Hải An", "district", short="Hải An")
    ward = define_unit(empty, "HA-CATBI", "Phường Ca\u0301t Bi", "ward", parent="HA", short="Cát Bi")
    assert ward.name == "Phường Cát Bi" and ward.parent == "HA"
    assert empty.own_unit == ""  # entering units says nothing about which one is the office's own
    info = start_report(empty, "HA", "2023-Q2", "")
    assert empty.own_unit == "HA"  # the unit whose report the clerk starts
    assert (info.period, info.cutoff.isoformat(), info.template_id) == ("2023-Q2", "2023-06-30", "cds-quarterly")
    assert resolve(empty) == info
    assert start_report(empty, "HA", "2023-q2", "30/6/2023") == info  # the same report, not a second one


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("HA CATBI", "Phường Cát Bi", "ward"), "Mã đơn vị chỉ gồm"),
        (("HA-X", "", "ward"), "Hãy nhập tên"),
        (("HA-X", "Phường X", "planet"), "không được hỗ trợ"),
        (("HA-X", "Phường X", "ward", "NOPE"), "cấp trên"),
    ],
)
def test_bad_units_are_refused_with_a_sentence(empty, args, fragment):
    with pytest.raises(WorkspaceError, match=fragment):
        define_unit(empty, *args)
    assert empty.hierarchy().units == {}


def test_bad_periods_and_cutoffs(demo_ws):
    with pytest.raises(WorkspaceError, match="không đúng dạng"):
        start_report(demo_ws, "HA", "2022-Q9")
    with pytest.raises(WorkspaceError, match="từ ngày đầu kỳ"):
        start_report(demo_ws, "HA", "2022-Q2", "1/1/2022")
    with pytest.raises(WorkspaceError, match="Không có đơn vị"):
        start_report(demo_ws, "XX", "2022-Q2")
    with pytest.raises(WorkspaceError, match="Đã có"):
        define_unit(demo_ws, "HA-CATBI", "Phường Cát Bi", "ward", "HA")


def test_the_own_unit_is_the_one_whose_report_the_clerk_starts_not_the_first_created(empty):
    define_unit(empty, "HA", "Quận Hải An", "district", short="Hải An")
    define_unit(empty, "HA-CATBI", "Phường Cát Bi", "ward", parent="HA", short="Cát Bi")
    start_report(empty, "HA-CATBI", "Quý II/2023")
    start_report(empty, "HA", "2023-Q2")  # the district's report too: the ward stays the office's own
    assert empty.own_unit == "HA-CATBI"
    assert resolve(empty).unit == "HA-CATBI"


def test_an_office_is_created_with_its_own_unit_and_first_report(tmp_path):
    from dtdesk.core.official import office_units
    from dtdesk.store.reports import create_office

    info = create_office(tmp_path / "hai-an.sqlite", office_units("11413"), "11413", "2026-Q3")
    assert (info.unit, info.period) == ("11413", "2026-Q3")
    with Workspace.open(tmp_path / "hai-an.sqlite") as ws:
        assert ws.own_unit == "11413" and resolve(ws).period == "2026-Q3"
        assert ws.value("11413", "2026-Q3", "header.issuing_body")  # worded for a ward


def test_an_office_that_cannot_be_set_up_leaves_no_file(tmp_path):
    from dtdesk.core.official import office_units
    from dtdesk.store.reports import create_office

    path = tmp_path / "x.sqlite"
    with pytest.raises(WorkspaceError):
        create_office(path, office_units("11413"), "99999", "2026-Q3")  # own unit not among them
    assert list(tmp_path.iterdir()) == []
    path.write_bytes(b"someone's file")
    with pytest.raises(WorkspaceError, match="đã tồn tại"):
        create_office(path, office_units("11413"), "11413", "2026-Q3")
    assert path.read_bytes() == b"someone's file"
