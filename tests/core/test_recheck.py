import random

import pytest

from dtdesk.core.recheck import Checker, readers
from dtdesk.core.rules import check
from dtdesk.core.values import Cell
from dtdesk.store.reports import report_data, resolve

VALUES = [None, None, 0, 1, 3, 40, 100, 5000, -1, "x", "Đã triển khai", 1]


def put(data, cell, value):
    """What the session does after a commit: the stored value, or none."""
    if value is None:
        data.values.pop(cell, None)
    else:
        data.values[cell] = value


def every_cell(data):
    """Each cell a clerk or an import can write in the report, for every unit (header and text included)."""
    cells = [Cell(data.unit.code, f"header.{f.id}") for f in data.template.header]
    units = list(data.units.units)
    for section in data.template.sections:
        keys = [section.key(f.id) for f in section.inputs] + [section.key(p.text) for p in section.points if p.text]
        if section.kind == "text":
            keys.append(section.key("text"))
        rows = [r.id for r in section.fixed_rows] or [""]
        cells += [Cell(u, k, r) for u in units for k in keys for r in rows]
    return cells


@pytest.mark.parametrize("seed", range(4))
def test_after_random_edits_the_problems_are_those_of_a_full_check(demo_ws, seed):
    data = report_data(demo_ws, resolve(demo_ws))
    checker = Checker(data)
    cells, rng = every_cell(data), random.Random(seed)
    for step in range(300):
        changed = rng.sample(cells, 1 if step % 10 else 5)  # now and then a pasted block
        for cell in changed:
            put(data, cell, rng.choice(VALUES))
        checker.changed(changed)
        assert checker.problems() == check(data), f"step {step}: {changed}"


def test_a_subunit_losing_and_regaining_its_data_moves_the_coverage_warning(demo_ws):
    data = report_data(demo_ws, resolve(demo_ws))
    checker = Checker(data)
    ward = data.units.subunits(data.unit.code)[0].code
    cleared = [Cell(*key) for key in data.values if key[0] == ward]
    for cell in cleared:
        put(data, cell, None)
    checker.changed(cleared)
    assert any(p.unit == ward for p in checker.problems()) and checker.problems() == check(data)
    put(data, cleared[0], 7)
    checker.changed(cleared[:1])
    assert checker.problems() == check(data)


def test_a_section_is_read_by_itself_and_by_the_texts_drafted_from_it(demo_ws):
    template = report_data(demo_ws, resolve(demo_ws)).template
    found = readers(template)
    for section in template.sections:
        assert section.id in found[section.id]
        for draft_id in section.drafts:
            assert section.id in found[template.drafts[draft_id].section]


def test_a_rolled_forward_report_follows_edits_of_its_carried_values(demo_ws):
    import datetime as dt

    from dtdesk.store.rollforward import roll_forward

    data = report_data(demo_ws, roll_forward(demo_ws, today=dt.date(2022, 6, 28))[0])
    checker = Checker(data)
    ward = data.units.subunits(data.unit.code)[0].code
    assert any(p.unit == ward for p in checker.problems())  # carried over only: not reported
    cell = Cell(ward, "dvc.carried")
    data.carried.discard(cell)  # typed again, as the session records it
    checker.changed([cell])
    assert not any(p.unit == ward and "chưa có số liệu" in p.message for p in checker.problems())
    assert checker.problems() == check(data)
    rng = random.Random(0)
    cells = every_cell(data)
    for step in range(100):
        changed = rng.sample(cells, 1)
        for edited in changed:
            put(data, edited, rng.choice(VALUES))
            data.carried.discard(edited)
        checker.changed(changed)
        assert checker.problems() == check(data), f"step {step}: {changed}"
