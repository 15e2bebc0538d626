"""Choosing a report period from a list ("Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Tháng 9/2026").

The list is :func:`dtdesk.core.periods.period_choices`, led by the quarter
being reported on today's date; the box is editable, so any form
:func:`~dtdesk.core.periods.parse_period` reads ("Quý I/2022", "I/2022",
"2022-Q1") may be typed instead of picked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox

from dtdesk.core.periods import Period, parse_period, period_choices


class PeriodPicker:
    """Fills an editable combo box with the periods to choose from and reads back the one chosen or typed."""

    def __init__(self, combo: QComboBox, today: dt.date | None = None):
        self.combo = combo
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.clear()
        for period in period_choices(today):
            combo.addItem(period.title, period.code)
        combo.setCurrentIndex(0)

    def period(self) -> Period:
        """The period shown in the box, or PeriodError (its sentence gives examples of what may be typed)."""
        return parse_period(self.combo.currentText())

    def select(self, text: str) -> None:
        """Show a period: picked from the list if it is there, else as typed."""
        found = self.combo.findText(text)
        if found >= 0:
            self.combo.setCurrentIndex(found)
        else:
            self.combo.setEditText(text)
