"""The import dialog's two tables in words: one row per file, and the changes of the file chosen.

Values are named as the forms name them (section number, column, row label)
from the file's own template, never by their storage keys; the key stays in
the tooltip for support.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor

from dtdesk.core.template import Template, TemplateError, load_template, with_settings
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, PLANNED, REJECTED, FilePlan
from dtdesk.exchange.sources import replaced_words
from dtdesk.exchange.summary import shown_value
from dtdesk.gui.i18n import said, tr
from dtdesk.gui.rows_model import Row

CONFLICT = QColor("#fde2e1")
REJECTED_COLOUR = QColor("#a61b1b")


def shown(plan: FilePlan, key: str, value) -> str:
    """A value as the forms show it ("1.430", "x"), "—" where there is none."""
    return "—" if value is None else said(shown_value(plan, key, value, 80))


def outcome(plan: FilePlan) -> str:
    return {PLANNED: tr("Sẽ nhập"), IMPORTED: tr("Đã nhập"), DUPLICATE: tr("Đã nhập trước đó"),
            REJECTED: tr("Từ chối")}[plan.status]


def unit_names(plan: FilePlan) -> dict[str, str]:
    return {u.get("code"): u.get("name") for u in plan.submission.units or []} if plan.submission else {}


@cache
def _template(template_id: str, version: int) -> Template | None:
    try:
        return load_template(template_id, version)
    except TemplateError:  # a template this version of dtdesk does not know: keys are shown instead
        return None


def file_row(plan: FilePlan) -> Row:
    sub = plan.submission
    accepted = plan.status in (PLANNED, IMPORTED)
    unit = (unit_names(plan).get(sub.unit) or sub.unit) if sub else ""
    revision = (tr("Excel") if sub.workbook else f"r{sub.revision}") if sub else ""
    cells = [plan.path.name, unit, revision, outcome(plan),
             str(len(plan.changes)) if accepted else "", str(len(plan.conflicts)) if accepted else ""]
    where = f"{sub.unit} — {plan.path}" if sub else str(plan.path)
    row = Row(cells, tooltip=said(plan.message) or where, payload=plan)
    if plan.status == REJECTED:
        row.foreground = REJECTED_COLOUR
    elif accepted and plan.conflicts:
        row.cell_background[5] = CONFLICT
    return row


def change_rows(plan: FilePlan, settings: dict[str, str] | None = None) -> list[Row]:
    """Every change of an accepted file, conflicts first, each value as the forms name it (with ``settings``)."""
    sub = plan.submission
    template = _template(sub.template_id, sub.template_version)
    template = template and with_settings(template, settings or {})
    names = unit_names(plan)
    sections = {s.id for s in template.sections} if template is not None else set()
    conflict_tip = tr("Xung đột: số liệu này được nhập tại đây, tệp có giá trị khác.")
    rows = []
    for change in sorted(plan.changes, key=lambda c: not c.conflict):
        source = replaced_words(change.old_source) if change.old is not None else ""  # "(nhập từ Excel)"
        old = shown(plan, change.key, change.old) + (f" ({said(source)})" if source else "")
        label, row_label = change.key, change.row
        if template is not None:
            label = template.value_label(change.key)
            section_id = change.key.partition(".")[0]
            if change.row and section_id in sections:
                row_label = template.section(section_id).row_label(change.row)
        tip = f"{label} ({change.key})"
        row = Row([names.get(change.unit) or change.unit, label, row_label, old, shown(plan, change.key, change.new)],
                  tooltip=tip, payload=change)
        if change.conflict:
            row.background, row.tooltip = CONFLICT, f"{conflict_tip}\n{tip}"
        rows.append(row)
    return rows
