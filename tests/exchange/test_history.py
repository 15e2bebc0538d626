"""A value's history joins the audit with the kept files that brought values where there were none."""

from __future__ import annotations

from dtdesk.exchange.history import cell_history
from dtdesk.exchange.importer import IMPORTED, import_files, key_for_unit
from tests.exchange.conftest import PERIOD, build, open_ws, read_parts

CELL = ("HA-CATBI", PERIOD, "chu_ky_so.total")


def _trail(ws) -> list[tuple]:
    return [(h["old"], h["new"], h["source"][:7], h["file"]) for h in cell_history(ws, *CELL)]


def test_a_first_import_writes_no_audit_rows_yet_the_history_names_its_file(district, ward_files):
    name = ward_files["HA-CATBI"].name
    with open_ws(district) as ws:
        assert import_files(ws, [ward_files["HA-CATBI"]])[0].status == IMPORTED
        assert ws.audit("HA-CATBI", PERIOD) == []  # the kept file is the record
        (entry,) = cell_history(ws, *CELL)
        assert (entry["old"], entry["new"], entry["file"], entry["who"]) == (None, 40, name, ws.user)
        assert entry["at"] == ws.imported_files("HA-CATBI", PERIOD)[0]["imported_at"]


def test_keyed_then_replaced_by_a_newer_file_reads_in_order(district, ward_files, tmp_path):
    m, u, r, v = read_parts(ward_files["HA-CATBI"])
    v3 = [(a, b, k, row, 42 if k == "chu_ky_so.total" else val) for a, b, k, row, val in v]
    r3 = build(tmp_path / "HA-CATBI_2022-Q1_r3.dtdesk.sqlite", dict(m, revision="3"), u, [dict(r[0], revision=3)], v3)
    with open_ws(district) as ws:
        import_files(ws, [ward_files["HA-CATBI"]])
        key_for_unit(ws, "HA-CATBI", PERIOD, {("chu_ky_so.total", ""): 41})
        import_files(ws, [r3])
        assert _trail(ws) == [(None, 40, "import:", ward_files["HA-CATBI"].name), (40, 41, "keyed", ""),
                              (41, 42, "import:", r3.name)]


def test_a_value_keyed_removed_then_brought_by_a_file_names_that_file(district, ward_files):
    with open_ws(district) as ws:
        key_for_unit(ws, "HA-CATBI", PERIOD, {("chu_ky_so.total", ""): 41})
        key_for_unit(ws, "HA-CATBI", PERIOD, {("chu_ky_so.total", ""): None})
        import_files(ws, [ward_files["HA-CATBI"]])
        assert _trail(ws) == [(None, 41, "keyed", ""), (41, None, "keyed", ""),
                              (None, 40, "import:", ward_files["HA-CATBI"].name)]
