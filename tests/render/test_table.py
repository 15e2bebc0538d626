"""The bordered tables' columns: the template's shares of the page, widened only where a word would break."""

from reportlab.pdfbase.pdfmetrics import stringWidth

from dtdesk.core.document import Row, Table
from dtdesk.render import fonts
from dtdesk.render import styles as st
from dtdesk.render.table import bordered_table

WIDTHS = (5, 39, 15, 13, 13, 15)  # table 3.2's shares


def numbered(count: int) -> Table:
    rows = tuple(Row((str(n), f"Xã số {n}", "", "", "", "")) for n in range(1, count + 1))
    header = (Row(("TT", "Tên đơn vị", "(1)", "(2)", "(3)", "(4)")),)
    return Table(header, rows, WIDTHS, ("center", "left") + ("center",) * 4)


def test_a_district_keeps_the_templates_widths():
    fonts.register()
    columns = bordered_table(numbered(22))._colWidths
    assert columns == [st.TEXT_WIDTH * w / sum(WIDTHS) for w in WIDTHS]


def test_a_provinces_three_digit_numbers_fit_their_column_and_the_table_still_fills_the_page():
    fonts.register()
    columns = bordered_table(numbered(114))._colWidths
    assert columns[0] >= stringWidth("114", fonts.NORMAL, st.TABLE_SIZE) + 2 * st.TABLE_PADDING
    assert columns[0] > st.TEXT_WIDTH * WIDTHS[0] / sum(WIDTHS)
    assert abs(sum(columns) - st.TEXT_WIDTH) < 1e-6
    assert all(c < st.TEXT_WIDTH * w / sum(WIDTHS) for c, w in zip(columns[1:], WIDTHS[1:]))


def test_words_too_long_for_any_layout_keep_the_templates_widths():
    fonts.register()
    rows = (Row(("1" * 40, "x" * 200, "", "", "", "")),)
    table = Table((Row(("TT", "Tên", "", "", "", "")),), rows, WIDTHS, ("center", "left") + ("center",) * 4)
    assert bordered_table(table)._colWidths == [st.TEXT_WIDTH * w / sum(WIDTHS) for w in WIDTHS]
