"""A batch is planned with the workspace asked once for all its files, and plans as its files planned alone."""

from __future__ import annotations

import gc

from dtdesk.exchange import importer
from dtdesk.exchange.importer import (DUPLICATE, IMPORTED, PLANNED, ImportContext, import_files, plan_file,
                                      plan_import)
from tests.exchange.conftest import PERIOD, WARDS, open_ws


def _statements(ws, paths) -> list[str]:
    said: list[str] = []
    ws.conn.set_trace_callback(said.append)
    try:
        plan_import(ws, paths)
    finally:
        ws.conn.set_trace_callback(None)
    return said


def _outcome(plan) -> tuple:
    return plan.status, plan.message, plan.changes, plan.new_units, plan.clashes


def test_planning_eight_files_asks_the_workspace_what_planning_one_asks(demo, ward_files):
    paths = [ward_files[code] for code in WARDS]
    with open_ws(demo) as ws:
        import_files(ws, paths[:2])  # two of them are duplicates now; the others replace the demo's values
        one, eight = _statements(ws, paths[:1]), _statements(ws, paths)
    assert len(eight) == len(one)


def test_a_batch_plans_each_file_as_the_file_planned_alone(demo, ward_files):
    paths = [ward_files[code] for code in WARDS]
    with open_ws(demo) as ws:
        import_files(ws, paths[:2])
        for code in WARDS[2:]:  # a value keyed here that each other file would replace
            ws.set_value(code, PERIOD, "chu_ky_so.total", 999)
        batch = plan_import(ws, paths)
        ctx = ImportContext(ws)
        alone = [plan_file(ws, ctx, path) for path in paths]
    assert [_outcome(p) for p in batch] == [_outcome(p) for p in alone]
    assert [p.status for p in batch] == [DUPLICATE] * 2 + [PLANNED] * 6
    assert all([(c.key, c.old) for c in p.conflicts] == [("chu_ky_so.total", 999)] for p in batch[2:])


def test_a_batch_pauses_the_garbage_collector_and_leaves_it_as_it_was(demo, ward_files, monkeypatch):
    paths = [ward_files[code] for code in WARDS]
    seen: list[bool] = []  # whether the collector ran while each file was read
    read = importer._read
    monkeypatch.setattr(importer, "_read", lambda *args: seen.append(gc.isenabled()) or read(*args))
    was = gc.isenabled()
    try:
        for enabled, batch in ((True, paths[:2]), (False, paths[2:4])):
            (gc.enable if enabled else gc.disable)()
            with open_ws(demo) as ws:
                plans = import_files(ws, batch)
            assert gc.isenabled() is enabled and [p.status for p in plans] == [IMPORTED, IMPORTED]
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False] * 4
