from dtdesk.store.jsonio import FORMAT, load_document


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
