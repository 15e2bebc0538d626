"""What a "biểu chi tiết" workbook holds, shared by the writer and the reader of ``.xlsx`` files.

One sheet per printed table or figures section of the template, named by
its number ("3.2"); a figures section of a unit with subunits adds a sheet
of each subunit's figures ("3.1 cấp dưới"). A very hidden sheet
``dtdesk`` says what the workbook is (format, template, unit, period, the
units) and which cell holds which value: the reader reads those cells and no
others, and refuses a workbook with any sheet not named here.
"""

from __future__ import annotations

from dtdesk.core.template import Section, Template

FORMAT = "dtdesk-xlsx/1"
META_SHEET = "dtdesk"
SUBUNITS = " cấp dưới"
SUFFIX = ".xlsx"
# Row kinds of the hidden sheet: column A says what the row holds.
META_ENTRY, META_UNIT, META_CELL = "manifest", "unit", "cell"
# What a manifest entry of the workbook may say (the reader builds a submission's manifest from them).
META_KEYS = ("format", "template_id", "template_version", "unit", "parent", "period", "start", "cutoff",
             "illustrative", "app_version", "exported_at")
_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})


def table_sections(template: Template) -> list[Section]:
    """The sections a workbook shows, in the report's order: printed figures and tables."""
    return [s for s in template.sections if s.printed and s.kind in ("figures", "unit_table", "fixed_table")]


def sheet_name(section: Section) -> str:
    """A section's sheet: its printed number, else its id (Excel allows 31 characters, none of []:*?/\\)."""
    return (section.number or section.id).translate(_FORBIDDEN)[:31 - len(SUBUNITS)]


def subunits_sheet(section: Section) -> str:
    return sheet_name(section) + SUBUNITS


def expected_sheets(template: Template) -> set[str]:
    names = {META_SHEET}
    for section in table_sections(template):
        names.add(sheet_name(section))
        if section.kind == "figures":
            names.add(subunits_sheet(section))
    return names


def is_xlsx(path) -> bool:
    """Whether a named file is to be read as a workbook (by its name; its bytes are checked by the reader)."""
    return str(path).lower().endswith(SUFFIX)
