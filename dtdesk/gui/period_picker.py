"""Choosing a report period from a list ("Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Tháng 9/2026").

The list is :func:`dtdesk.core.periods.period_choices`, led by the quarter
being reported on today's date, each named in the window's language ("Q3
2026" in English); the box is editable, so any form
:func:`~dtdesk.core.periods.parse_period` reads ("Quý I/2022", "I/2022",
"2022-Q1", "Q1 2022") may be typed instead of picked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox

from dtdesk.core.periods import Period, PeriodError, parse_period, period_choices
from dtdesk.gui.i18n import language


class PeriodPicker:
    """Fills an editable combo box with the periods to choose from and reads back the one chosen or typed.

    Each item keeps its period's code: a name picked from the list is read by
    its code, since some of the list's names in other languages ("Month
    9/2026") are not forms a clerk types.
    """

    def __init__(self, combo: QComboBox, today: dt.date | None = None):
        self.combo = combo
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.clear()
        for period in period_choices(today):
            self._add(period)
        combo.setCurrentIndex(0)

    def _add(self, period: Period) -> int:
        self.combo.addItem(period.title.say(language()), period.code)
        return self.combo.count() - 1

    def period(self) -> Period:
        """The period shown in the box, or PeriodError (its sentence gives examples of what may be typed)."""
        text = self.combo.currentText()
        picked = self.combo.findText(text)
        return parse_period(self.combo.itemData(picked) if picked >= 0 else text)

    def select(self, text: str) -> None:
        """Show a period (a code or a name): picked from the list, added to it if it is not there, else as typed."""
        try:
            period = parse_period(text)
        except PeriodError:
            self.combo.setEditText(text)  # read again, and refused with its sentence, when the dialog is accepted
            return
        found = self.combo.findData(period.code)
        self.combo.setCurrentIndex(found if found >= 0 else self._add(period))
