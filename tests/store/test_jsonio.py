import pytest

from dtdesk.store.jsonio import FORMAT, load_document
from dtdesk.store.workspace import WorkspaceError


def test_a_load_is_audited_like_an_edit(demo_ws):
    doc = {"format": FORMAT, "values": [{"unit": "HA-TUPHAP", "period": "2022-Q1", "key": "chu_ky_so.total",
                                          "row": "", "value": 70}]}
    load_document(demo_ws, doc)
    last = demo_ws.audit("HA-TUPHAP", "2022-Q1", "chu_ky_so.total")[-1]
    assert (last["old"], last["new"], last["source"]) == (66, 70, "load")


def test_units_load_parents_first_whatever_their_order(tmp_path):
    from dtdesk.store.workspace import Workspace

    units = [{"code": "W", "name": "Phường W", "kind": "ward", "parent": "D"},
             {"code": "D", "name": "Quận D", "kind": "district", "parent": "C"},
             {"code": "C", "name": "Thành phố C", "kind": "city", "parent": None}]
    with Workspace.create(tmp_path / "w.sqlite") as ws:
        load_document(ws, {"format": FORMAT, "units": units})
        assert [u.code for u in ws.hierarchy().walk()] == ["C", "D", "W"]


@pytest.mark.parametrize("units, words", [
    ([{"code": "HA-Q", "name": "Quận Q", "kind": "district", "parent": "HA"}], "một quận không trực thuộc quận"),
    ([{"code": "HA-W", "name": "Phường W", "kind": "ward", "parent": "HA-CATBI"}], "một phường không trực thuộc phường"),
    ([{"code": "HA", "name": "Quận Hải An", "kind": "district", "parent": "HA-CATBI"}], "một quận không trực thuộc"),
    ([{"code": "../x", "name": "X", "kind": "ward", "parent": "HA"}], "Mã đơn vị «../x» không hợp lệ"),
])
def test_a_document_placing_units_where_they_may_not_sit_loads_nothing(demo_ws, units, words):
    before = demo_ws.hierarchy().units
    with pytest.raises(WorkspaceError, match=words):
        load_document(demo_ws, {"format": FORMAT, "units": units})
    assert demo_ws.hierarchy().units == before
