"""The period list of the dialogs that ask for one (setting up an office, a new report, a merger)."""

import datetime as dt

import pytest

pytest.importorskip("PySide6.QtWidgets")

from dtdesk.gui import i18n  # noqa: E402

TODAY = dt.date(2026, 9, 20)


@pytest.fixture
def picker(qtbot):
    from PySide6.QtWidgets import QComboBox

    from dtdesk.gui.period_picker import PeriodPicker

    def made(language: str) -> PeriodPicker:
        i18n.set_language(language)
        combo = QComboBox()
        qtbot.addWidget(combo)
        return PeriodPicker(combo, today=TODAY)

    yield made
    i18n.set_language("vi")


def titles(picker) -> list[str]:
    return [picker.combo.itemText(i) for i in range(picker.combo.count())]


def test_the_period_list_reads_as_the_report_does(picker):
    vi = picker("vi")
    assert titles(vi)[0] == "Quý III/2026" and vi.period().code == "2026-Q3"
    assert {"6 tháng đầu năm 2026", "Năm 2025", "Tháng 9/2026"} <= set(titles(vi))
    vi.select("2022-Q1")
    assert vi.period().code == "2022-Q1"


def test_in_english_the_list_names_the_periods_in_english_and_each_picked_one_is_read(picker):
    en = picker("en")
    assert titles(en)[0] == "Q3 2026" and {"H1 2026", "Year 2025", "Month 9/2026"} <= set(titles(en))
    assert not [title for title in titles(en) if "Quý" in title or "tháng" in title.lower() or "Năm" in title]
    for index, code in ((titles(en).index("Month 9/2026"), "2026-M09"), (titles(en).index("Year 2025"), "2025")):
        en.combo.setCurrentIndex(index)  # names no clerk types, read by the period they stand for
        assert en.period().code == code


def test_a_period_given_by_its_vietnamese_name_shows_in_the_window_language(picker):
    en = picker("en")
    en.select("Quý I/2022")  # older than the list: added to it, named in English
    assert en.combo.currentText() == "Q1 2022" and en.period().code == "2022-Q1"
    en.select("Tháng 9/2026")
    assert en.combo.currentText() == "Month 9/2026" and en.period().code == "2026-M09"
    count = en.combo.count()
    en.select("Quý 5/2022")  # not a period: kept as given, refused when read
    assert en.combo.currentText() == "Quý 5/2022" and en.combo.count() == count
    with pytest.raises(Exception, match="Quý 5/2022"):
        en.period()
