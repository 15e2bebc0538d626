"""With English chosen, the problems the window lists for every rule of the template are said in English."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from dtdesk.gui.i18n import tr  # noqa: E402
from tests.english import vietnamese_left  # noqa: E402


def test_each_rule_broken_is_listed_in_english(main):
    """Each rule broken alone (its own field a million off), the list the window shows read in English."""
    main.set_language("en")
    data, ws = main.controller.data, main.ws
    listed = {}
    for section in (s for s in data.template.sections if s.rules and s.kind != "text"):
        rows = [r for r in data.table_rows(section) if r.kind == "data"] if section.kind != "figures" else []
        unit = rows[0].unit if rows else data.unit.code
        for rule in (r for r in section.rules if not r.check.previous):  # those across periods: tests/core
            key = f"{section.id}.{rule.field}"
            kept = ws.value(unit, "2022-Q1", key, "")
            ws.set_value(unit, "2022-Q1", key, (kept or 0) + 1_000_000)
            main._imported(1)  # as after an import: the problems are recomputed from the file
            listed[rule.message] = main.problems.lines()
            ws.set_value(unit, "2022-Q1", key, kept)
    assert len(listed) == 8
    for message, lines in listed.items():
        assert any(tr(message) in line for line in lines) and tr(message) != message, message
        assert all(line.startswith(("Error: ", "Warning: ")) for line in lines)
        assert [(line, vietnamese_left(line)) for line in lines if vietnamese_left(line)] == []
