"""Checks a report against its template's rules.

Hard rules (``error``) are the identities the seed's numbers obey — received =
new + carried over, (3) ≤ (2) ≤ (1)… — plus "whole number ≥ 0". Soft rules
(``warning``) flag what is probably a slip, such as articles a week far from
articles ÷ weeks, and gaps a clerk should fill. Every message is one
Vietnamese sentence naming the section, the row and the column, so a clerk
can find the cell; the GUI jumps to it from (section, unit, row, field).
A subunit without data for the period gets one warning, in the first section
that rolls subunits up; a typed sentence that contradicts its draft, one too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dtdesk.core.coverage import missing_subunits
from dtdesk.core.expr import Missing
from dtdesk.core.periods import parse_period
from dtdesk.core.formats import MAX_INT, number, shown
from dtdesk.core.i18n import Phrase, listing
from dtdesk.core.report import ReportData, TableRow, fill
from dtdesk.core.stale import stale_sentences
from dtdesk.core.template import PREVIOUS, TEXT_FIELD, Field, Rule, Section
from dtdesk.core.values import typed

TABLES = ("unit_table", "fixed_table")


@dataclass(frozen=True)
class Problem:
    """An error or a warning a rule found, and where: the section, and the unit, row and fields it is about."""

    level: str  # "error" | "warning"
    section: str
    message: str
    unit: str = ""
    row: str = ""
    field: str = ""
    fields: tuple[str, ...] = ()  # every field the rule reads, so each of their cells can be marked

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def _where(section: Section, row_label: str = "", field: Field | None = None) -> Phrase:
    """Where a problem is, as the form names it: section, row, column (each said in the message's language)."""
    where = (Phrase("Mục {number} «{title}»", number=section.number, title=section.outline_title) if section.number
             else Phrase("Mục «{title}»", title=section.outline_title))
    if row_label:
        where = Phrase("{where}, dòng «{row}»", where=where, row=row_label)
    if field is not None:
        cell = (Phrase("cột {number} «{label}»", number=field.number, label=field.label) if field.number
                else Phrase("ô «{label}»", label=field.label))
        where = Phrase("{where}, {cell}", where=where, cell=cell)
    return where


def _type_problem(field: Field, value) -> Phrase | None:
    if field.type == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            return Phrase("giá trị «{value}» không phải là số nguyên", value=value)
        if value < 0:
            return Phrase("giá trị -{value} là số âm", value=number(-value))
        if value > MAX_INT:
            return Phrase("giá trị {value} quá lớn", value=number(value))
    if field.type == "bool" and value not in (0, 1):
        return Phrase("giá trị «{value}» phải là có hoặc không", value=value)
    return None


def _message(data: ReportData, section: Section, rule: Rule, values: dict) -> Phrase:
    """A broken rule's message and the values it read: "… (đang là …)".

    A rule across periods names both: its message may say ``{period}`` and
    ``{previous}`` ("Quý II/2022", "Quý I/2022"), and the previous period's
    values are shown under its name. A text compared with the last period's
    shows no values (they are the texts).
    """
    now = ", ".join(f"{_named(f)} = {typed(f, values[f.id])}"  # as typed: 1.430, 9
                    for f in section.fields if f.id in rule.check.names)
    if not rule.check.previous:
        return Phrase("{rule} (đang là {now})", rule=Phrase(rule.message), now=now)
    current, previous = data.periods
    message = Phrase(rule.message, period=current, previous=previous)
    before = ", ".join(f"{_named(f)} = {typed(f, values[PREVIOUS + f.id])}" for f in section.fields
                       if PREVIOUS + f.id in rule.check.previous)
    return Phrase("{rule} (đang là {now}; {previous}: {before})", rule=message, now=now, previous=previous,
                  before=before) if now else message


def _named(field: Field) -> str:
    """A field as a rule's values name it: its column number, else its label in quotes."""
    return field.number or f"«{field.label}»"


def _check_values(data: ReportData, section: Section, values: dict, label: str, unit: str, row: str) -> list[Problem]:
    problems = []
    for field in section.inputs:
        value = values.get(field.id)
        if value is not None and (message := _type_problem(field, value)):
            said = Phrase("{where}: {problem}.", where=_where(section, label, field), problem=message)
            problems.append(Problem("error", section.id, said, unit, row, field.id))
    if problems:  # rules over a wrongly typed value would only add noise
        return problems
    for rule in section.rules:
        try:
            if rule.check.evaluate(values):
                continue
        except Missing:  # not all entered yet
            continue
        field = next((f for f in section.fields if f.id == rule.field), None)  # None: a text section's text
        problems.append(Problem(rule.level, section.id,
                                Phrase("{where}: {problem}.", where=_where(section, label, field),
                                       problem=_message(data, section, rule, values)),
                                unit, row, rule.field, tuple(f.id for f in section.fields if f.id in rule.check.names)))
    return problems


def _missing(section: Section, values: dict, label: str, unit: str, row: str) -> list[Problem]:
    empty = [f for f in section.inputs if f.type != "bool" and values.get(f.id) is None]
    if not empty:
        return []
    names = ", ".join(f.number or f.label for f in empty)
    said = Phrase("{where}: chưa nhập {names}.", where=_where(section, label), names=names)
    return [Problem("warning", section.id, said, unit, row, empty[0].id)]


def row_problems(data: ReportData, named: Section, row: TableRow, absent: set[str]) -> list[Problem]:
    """The problems of one data row of a table: its values' types, its rules, its empty cells."""
    values = {**row.values, "weeks": data.weeks, "days": data.days}
    if named.reads_previous:  # most tables do not: no lookup per row for them
        values.update(data.previous_values(named, row.unit, row.row))
    problems = _check_values(data, named, values, row.label, row.unit, row.row)
    if named.printed and row.unit not in absent:  # an absent subunit gets one warning, from check_coverage
        problems += _missing(named, values, row.label, row.unit, row.row)
    return problems


def untabled_problems(data: ReportData, named: Section) -> list[Problem]:
    """The problems of a figures or text section, which have no table rows."""
    if named.kind == "figures":
        values = {**data.row_values(named, data.unit.code), "weeks": data.weeks, "days": data.days,
                  **data.previous_values(named, data.unit.code)}
        label = fill(next((p.label for p in named.points if p.figures == "self"), ""), data.words)
        return (_check_values(data, named, values, label, data.unit.code, "")
                + _missing(named, values, label, data.unit.code, ""))
    if named.kind == "text" and not data.text(named).strip():
        return [Problem("warning", named.id, Phrase("{where}: chưa có nội dung.", where=_where(named)), data.unit.code)]
    if named.kind == "text":
        values = {TEXT_FIELD: data.text(named), **data.previous_values(named, data.unit.code)}
        stale = [Problem("warning", named.id,
                         Phrase("{where}: câu đã gõ «{typed}» không còn khớp số liệu; theo số liệu hiện nay: «{today}» "
                                "(chèn câu soạn sẵn «{draft}» để câu tự theo số liệu).", where=_where(named),
                                typed=shown(s.typed, 160), today=s.today or Phrase("(không có đơn vị nào)"),
                                draft=s.draft.label), data.unit.code, "", TEXT_FIELD)
                 for s in stale_sentences(data, named)]
        return _check_values(data, named, values, "", data.unit.code, "") + stale
    return []


def as_named(data: ReportData, section: Section) -> Section:
    """The section titled as its form shows it, so messages name it the same way."""
    return replace(section, title=fill(section.outline_title, data.words))


def check_section(data: ReportData, section: Section, absent: set[str] | None = None) -> list[Problem]:
    """``absent``: the codes of the subunits without data, when the caller already knows them."""
    problems: list[Problem] = [] if section.id != rollup_section(data) else check_coverage(data)
    named = as_named(data, section)
    if section.kind in TABLES:
        if absent is None:
            absent = _absent(data)
        for row in data.table_rows(section):
            if row.kind == "data":
                problems += row_problems(data, named, row, absent)
    else:
        problems += untabled_problems(data, named)
    return problems


def _absent(data: ReportData) -> set[str]:
    return {u.code for u in missing_subunits(data)}


def rollup_section(data: ReportData) -> str:
    """The first section that rolls up subunits' data: where a missing subunit is reported."""
    for section in data.template.sections:
        if any(p.figures == "subunits" for p in section.points) or any("subunits" in r.units for r in section.rows):
            return section.id
    return ""


def check_coverage(data: ReportData) -> list[Problem]:
    """One warning per subunit without data for the period: the roll-up leaves it out."""
    missing = missing_subunits(data)
    if not missing:
        return []
    subunits = data.units.subunits(data.unit.code)
    period = parse_period(data.info.period).label
    reported = len(subunits) - len(missing)
    word = listing(data.units.subkind_words(data.unit.code))  # "phường, xã, đặc khu": not only the missing one's kind
    return [Problem("warning", rollup_section(data),
                    Phrase("{name} chưa có số liệu {period} (chưa nhận báo cáo): các số tổng hợp và câu soạn sẵn chỉ "
                           "tính {reported}/{total} {word} đã báo cáo.", name=unit.name, period=period,
                           reported=reported, total=len(subunits), word=word), unit.code)
            for unit in missing]


def check_header(data: ReportData) -> list[Problem]:
    problems = []
    for field in data.template.header:
        if field.required and not data.header(field.id).strip():
            problems.append(Problem("warning", "header", Phrase("Phần đầu báo cáo: chưa nhập «{label}».",
                                                                label=field.label),
                                    data.unit.code, "", field.id))
    return problems


def check_part(data: ReportData, section_id: str) -> list[Problem]:
    """The problems of one section, or of the header (``"header"``): ``check`` filtered, at a fraction of the cost."""
    if section_id == "header":
        return check_header(data)
    return check_section(data, data.template.section(section_id))


def check(data: ReportData) -> list[Problem]:
    """Every problem of the report, in template order, header first."""
    problems = check_header(data)
    absent = _absent(data)  # scans every value: once, not once per table
    for section in data.template.sections:
        problems += check_section(data, section, absent)
    return problems
