"""A report's tables as an Excel "biểu chi tiết" (``dtdesk xlsx``, File › Xuất Excel…).

Each printed figures or table section of the template becomes a sheet with
the PDF's heading, the template's column labels and the report's rows (the
same :class:`~dtdesk.core.report.ReportData` rows the PDF prints); a figures
section of a unit with subunits adds a sheet of every subunit's figures, and
its "cấp phường" row sums that sheet. Computed columns are live formulas made
from the template's expressions (:mod:`dtdesk.exchange.xlsx_formula`), totals
are ``SUM``. Numbers carry Vietnamese formats (``[$-42A]#,##0``: 1.430, 59,2)
and counts 1–9 show as 09, as printed.

The very hidden sheet (:mod:`dtdesk.exchange.xlsx_layout`) maps each typed-in
cell of the unit and its bodies to its value, so a unit that answers in Excel
can be imported (:mod:`dtdesk.exchange.xlsx_import`). The file is written
whole or not at all (:func:`dtdesk.core.files.write_output`).
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from dtdesk import __version__
from dtdesk.core.coverage import Coverage, coverage, missing_row_label, scope_note
from dtdesk.core.files import write_output
from dtdesk.core.i18n import SOURCE, Phrase
from dtdesk.core.periods import parse_period
from dtdesk.core.report import ReportData, TableRow, fill
from dtdesk.core.template import Field, Section
from dtdesk.core.values import show
from dtdesk.exchange import xlsx_layout as layout
from dtdesk.exchange.export import collect, utc_now
from dtdesk.exchange.xlsx_formula import excel_formula
from dtdesk.store.backup import refuse_own_file
from dtdesk.store.reports import report_data
from dtdesk.store.workspace import Workspace

NUMBER_FORMATS = {
    "count": "[$-42A][=0]0;[<10]00;#,##0",  # 0, 09, 1.430 as the report prints counts
    # A ratio's formula rounds it to one decimal (ROUND is half up for the positive numbers ratios are), and
    # General then shows it as the report prints it: 50, 100, 73,3. A format with ".0" would show 50 as "50,0"
    # and Excel's formats cannot drop the ",0" of whole numbers only.
    "ratio": "[$-42A]General",
    "plain": "[$-42A]General",
}
RATIO_DECIMALS = 1  # as dtdesk.core.formats.ratio prints a ratio
_FONT = "Times New Roman"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WIDTH = 110  # characters across a sheet's columns, shared as the template's relative widths say
_NARROWEST = 9  # characters of a number column: 1.234.567 fits
_LINE = 15.75  # points of one line of 12-point text
FIRST_COLUMN = 3  # the fields' columns start after TT and the row's name


def _number_format(field: Field) -> str:
    base = NUMBER_FORMATS.get(field.format, "General")
    return base + (f'"{field.suffix}"' if field.suffix and '"' not in field.suffix else "")


class SheetWriter:
    """One sheet: title lines, the column headings, then rows of TT, name and one cell per field."""

    def __init__(self, sheet: Worksheet, section: Section, data: ReportData, cells: list[tuple]):
        self.sheet, self.section, self.data, self.cells = sheet, section, data, cells
        self.fields = section.fields
        self.row = 1
        self.columns = {f.id: get_column_letter(FIRST_COLUMN + i) for i, f in enumerate(self.fields)}
        widths = section.widths or (5, 25, *(70 / len(self.fields) for _ in self.fields))
        self.widths = [max(round(w * _WIDTH / sum(widths), 1), _NARROWEST if i > 1 else 5)
                       for i, w in enumerate(widths[:2 + len(self.fields)])]
        for i, width in enumerate(self.widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.page_setup.orientation = "landscape"  # printed on A4 across, fitted to the page's width
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.page_setup.fitToHeight = 0

    def _put(self, column: int, value, *, bold: bool = False, box: bool = True, wrap: bool = True, fmt: str = ""):
        cell = self.sheet.cell(self.row, column, value)
        cell.font = Font(name=_FONT, size=12, bold=bold)
        cell.alignment = Alignment(wrap_text=wrap, vertical="center", horizontal="left" if column == 2 else "center")
        if box:
            cell.border = _BOX
        if fmt:
            cell.number_format = fmt
        return cell

    def _fit_height(self, texts) -> None:
        """Give the current row the lines its longest wrapped text needs (Excel does not grow a row it reads)."""
        lines = max(-(-len(text or "") * 11 // (10 * max(width - 1, 1))) for text, width in zip(texts, self.widths))
        if lines > 1:
            self.sheet.row_dimensions[self.row].height = _LINE * lines

    def title(self, text: str, *, bold: bool = True) -> None:
        self._put(1, text, bold=bold, box=False, wrap=False).alignment = Alignment(horizontal="left")
        self.row += 1

    def headings(self, name_label: str = "") -> None:
        s = self.section
        names = (s.index_label or "TT", name_label or s.name_label, *(f.label for f in self.fields))
        for i, label in enumerate(names, 1):
            self._put(i, label, bold=True)
        self._fit_height(names)
        self.row += 1
        if s.numbers_row:
            for i, f in enumerate(self.fields, start=FIRST_COLUMN):
                self._put(i, f.number, bold=True)
            self._put(1, None), self._put(2, None)
            self.row += 1

    def line(self, number: str, label: str, values: dict, *, unit: str = "", row: str = "", mapped: bool = False,
             inputs: dict[str, str] | None = None, bold: bool = False, computed: bool = True) -> int:
        """A data row; ``inputs`` gives a formula per input field (a sum) instead of its value.

        With ``mapped`` the row's typed-in cells are recorded as (sheet, cell, unit, key, row) for reading back.
        Without ``computed`` (a subunit without data) its computed columns stay blank, as the PDF prints them:
        a formula would show 0 %, saying a unit that reported nothing did nothing.
        """
        self._put(1, number, bold=bold), self._put(2, label, bold=bold)
        refs = {f.id: f"{self.columns[f.id]}{self.row}" for f in self.fields}
        for i, f in enumerate(self.fields, start=FIRST_COLUMN):
            if f.formula is not None:
                value = self._formula(f, refs) if computed else None
            elif f.ref:
                value = show(f, values.get(f.id)) or None
                if mapped:  # read back into the section it comes from: a change typed here is not lost
                    self.cells.append((self.sheet.title, refs[f.id], unit, f.ref, ""))
            elif inputs is not None:
                value = inputs[f.id]
            else:
                value = values.get(f.id)
                if mapped:
                    self.cells.append((self.sheet.title, refs[f.id], unit, self.section.key(f.id), row))
            self._put(i, value, bold=bold, fmt=_number_format(f))
        self._fit_height((number, label))
        self.row += 1
        return self.row - 1

    def _formula(self, field: Field, refs: dict[str, str]) -> str:
        value = excel_formula(field.formula, refs, {"weeks": self.data.weeks, "days": self.data.days})
        return f"=ROUND({value[1:]},{RATIO_DECIMALS})" if field.format == "ratio" else value

    def group(self, number: str, label: str) -> None:
        self._put(1, number or label, bold=True)
        self._put(2, label if number else None, bold=True)
        for i in range(len(self.fields)):
            self._put(FIRST_COLUMN + i, None)
        if not number:
            self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=2)
        self.row += 1

    def sums(self, sheet: str, first: int, last: int) -> dict[str, str]:
        """Formulas summing each input field over rows ``first``–``last`` of ``sheet`` (this one if empty)."""
        where = f"'{sheet}'!" if sheet else ""
        return {f.id: f"=SUM({where}{self.columns[f.id]}{first}:{self.columns[f.id]}{last})"
                for f in self.section.inputs}


def _heading(writer: SheetWriter, data: ReportData, section: Section, title: str, name_label: str = "") -> None:
    writer.title(title)
    writer.title(fill(section.heading, data.words) or section.label)
    if section.intro:
        writer.title(fill(section.intro, data.words), bold=False)
    writer.row += 1
    writer.headings(name_label)


def _label(data: ReportData, row: TableRow, missing: set[str]) -> str:
    return missing_row_label(data, row.label) if row.unit in missing else row.label


def _table(writer: SheetWriter, data: ReportData, own: set[str]) -> None:
    section = writer.section
    missing = {u.code for u in coverage(data, section).missing}
    first = writer.row
    for row in data.table_rows(section):
        if row.kind == "group":
            writer.group(row.number, row.label)
        elif row.kind == "total":
            writer.line(row.label, "", {}, inputs=writer.sums("", first, writer.row - 1), bold=True)
            writer.sheet.merge_cells(start_row=writer.row - 1, start_column=1, end_row=writer.row - 1, end_column=2)
        else:
            writer.line(row.number, _label(data, row, missing), row.values, unit=row.unit, row=row.row,
                        mapped=row.unit in own, computed=row.unit not in missing)


def _subunit_rows(writer: SheetWriter, data: ReportData, covered: Coverage) -> tuple[int, int]:
    """Each subunit's own figures, one row each; returns the first and last row.

    Only the subunits the form's total rests on (``covered``) show figures: the
    others' rows are named "(chưa có số liệu)" and left blank, so the sheet sums
    what the form and the printed sentence do. A value carried over from the
    last period is no subunit's report for this one and is not summed.
    """
    section = writer.section
    reported = {u.code for u in covered.reported}
    first = writer.row
    for i, unit in enumerate(data.units.subunits(data.unit.code), start=1):
        if unit.code in reported:
            writer.line(str(i), unit.name, data.row_values(section, unit.code))
        else:
            writer.line(str(i), missing_row_label(data, unit.name), {}, computed=False)
    return first, writer.row - 1


def _figures(book: Workbook, data: ReportData, section: Section, title: str, cells: list[tuple]) -> None:
    writer = SheetWriter(book.create_sheet(layout.sheet_name(section)), section, data, cells)
    _heading(writer, data, section, title)
    covered = coverage(data, section)
    span = None
    if covered.total:
        below = SheetWriter(book.create_sheet(layout.subunits_sheet(section)), section, data, cells)
        scope = next((p.label for p in section.points if p.figures == "subunits"), "")
        _heading(below, data, section, title, fill(scope, data.words))
        span = _subunit_rows(below, data, covered)
    letters = iter("abcdefghiklmnopq")
    for point in section.points:
        label = f"{next(letters)}) {fill(point.label, data.words)}"
        if point.figures == "self":
            writer.line("", label, data.row_values(section, data.unit.code), unit=data.unit.code, mapped=True)
        elif point.figures == "subunits" and span:
            writer.line("", f"{label} {scope_note(data, covered)}".rstrip(), {},
                        inputs=writer.sums(layout.subunits_sheet(section), *span))


def _meta(book: Workbook, content: tuple, cells: list[tuple]) -> None:
    units, reports, _values = content
    report = reports[0]
    entries = {"format": layout.FORMAT, "template_id": report["template_id"],
               "template_version": str(report["template_version"]), "unit": report["unit"],
               "parent": units[0]["parent"] or "", "period": report["period"], "start": report["start"],
               "cutoff": report["cutoff"], "illustrative": str(report["illustrative"]),
               "app_version": __version__, "exported_at": utc_now()}
    sheet = book.create_sheet(layout.META_SHEET)
    for key in layout.META_KEYS:
        sheet.append([layout.META_ENTRY, key, entries[key]])
    from dtdesk.exchange.manifest import UNIT_COLUMNS

    for unit in units:
        sheet.append([layout.META_UNIT, *("" if unit[c] is None else unit[c] for c in UNIT_COLUMNS)])
    for cell in cells:
        sheet.append([layout.META_CELL, *cell])
    sheet.sheet_state = "veryHidden"


def sheet_title(data: ReportData, language: str = SOURCE) -> str:
    """The sheets' first line: the unit and the period's name as the report says it ("Quý I/2022"), in the
    user's language (the unit's name is the report's own and stays as it is)."""
    label = parse_period(data.info.period).label.say(language)
    return Phrase("BIỂU CHI TIẾT - {unit} - {period}", unit=data.unit.name.upper(),
                  period=label[:1].upper() + label[1:]).say(language)


def workbook_bytes(ws: Workspace, unit: str, period: str, language: str = SOURCE) -> bytes:
    """The report's "biểu chi tiết" as the bytes of an ``.xlsx`` file (one consistent read of the workspace);
    ``language`` words its title."""
    content = collect(ws, unit, period)  # refuses a unit or report that is not here, with one sentence
    data = report_data(ws, ws.report(unit, period))
    own = {u["code"] for u in content[0]}
    heading = sheet_title(data, language)
    book = Workbook()
    book.remove(book.active)
    cells: list[tuple] = []
    for section in layout.table_sections(data.template):
        if section.kind == "figures":
            _figures(book, data, section, heading, cells)
        else:
            writer = SheetWriter(book.create_sheet(layout.sheet_name(section)), section, data, cells)
            _heading(writer, data, section, heading)
            _table(writer, data, own)
    _meta(book, content, cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_xlsx(ws: Workspace, unit: str, period: str, out: str | Path, language: str = SOURCE) -> Path:
    """Write the report's "biểu chi tiết" to ``out`` (named by the clerk): whole, or the old file as it was;
    never over the workspace or its backups."""
    refuse_own_file(ws.path, out)
    return write_output(out, workbook_bytes(ws, unit, period, language))
