"""Template + data → :class:`~dtdesk.core.document.Document`.

Every number printed comes from here, computed or stored; the template holds
only structure and wording.
"""

from __future__ import annotations

import datetime as dt

from dtdesk.core.coverage import coverage, missing_row_label, note, nothing_reported
from dtdesk.core.document import Closing, Document, Header, Paragraph, Row, Table
from dtdesk.core.drafts import expand
from dtdesk.core.expr import Missing
from dtdesk.core.formats import date_long
from dtdesk.core.report import ReportData, fill
from dtdesk.core.values import show
from dtdesk.core.template import Section

LETTERS = "abcdefghiklmnopq"  # Vietnamese point letters skip j


def _place_date(data: ReportData) -> str:
    place = data.header("place")
    raw = data.header("date")
    try:
        when = date_long(dt.date.fromisoformat(raw)) if raw else f"ngày     tháng     năm {data.info.cutoff.year}"
    except ValueError:
        when = raw
    return f"{place}, {when}" if place else when


def compose_header(data: ReportData) -> Header:
    number = data.header("number")
    return Header(
        parent_body=data.header("parent_body").upper(),
        issuing_body=data.header("issuing_body").upper(),
        number=f"Số: {number}" if number else "Số:      /BC-",
        place_date=_place_date(data),
        doc_type=data.template.doc_type,
        abstract=data.header("abstract"),
        cutoff_line=fill(data.template.cutoff_line, data.words) if data.template.cutoff_line else "",
    )


def _paragraphs(text: str, style: str) -> list[Paragraph]:
    return [Paragraph(line.strip(), style) for line in text.splitlines() if line.strip()]


def _figures(section: Section, data: ReportData) -> list[Paragraph]:
    out = [Paragraph(fill(section.intro, data.words))] if section.intro else []
    letters = iter(LETTERS)
    for point in section.points:
        label = fill(point.label, data.words)
        if point.figures:
            sentence = _figures_sentence(section, point.figures, data)
            if sentence is not None:
                lead, text = sentence
                out.append(Paragraph(f"{next(letters)}) {label}{lead}: {text}", "point"))
        else:
            text = expand(data.text(section, point.text), data)
            for i, paragraph in enumerate(_paragraphs(text, "point")):
                prefix = f"{next(letters)}) " if i == 0 else ""
                out.append(Paragraph(prefix + paragraph.text, "point"))
    return out


def _figures_sentence(section: Section, scope: str, data: ReportData) -> tuple[str, str] | None:
    """(what follows the point's label, the sentence) for the unit's own figures or its
    subunits' sum; None when there are no such units or no wording fits.

    The subunits' sum is over those with data only, and says so ("(6/8 phường đã
    báo cáo)") when some have none; with none it says only that.
    """
    lead = ""
    if scope == "self":
        values = data.row_values(section, data.unit.code)
    else:
        covered = coverage(data, section)
        if not covered.total:
            return None
        if not covered.reported:
            return "", nothing_reported(data) + "."
        values = data.summed(section, list(covered.reported))
        lead = f" {note(data, covered)}" if not covered.complete else ""
    names = {f.id: values.get(f.id) for f in section.fields}
    variant = next((v for v in section.sentence if v.when is None or _holds(v.when, names)), None)
    if variant is None:
        return None
    words = {f.id: show(f, values.get(f.id), "…") for f in section.fields}
    return lead, fill(variant.text, words)


def _holds(condition, names) -> bool:
    try:
        return bool(condition.evaluate(names))
    except (Missing, TypeError):
        return False


def compose_table(section: Section, data: ReportData) -> Table:
    fields = section.fields
    header = [Row((section.index_label, section.name_label, *(f.label for f in fields)))]
    if section.numbers_row:
        header.append(Row(("", "", *(f.number for f in fields))))
    rows = []
    missing = {u.code for u in coverage(data, section).missing}
    for row in data.table_rows(section):
        cells = tuple(show(f, row.values.get(f.id)) for f in fields)
        if row.kind == "group":
            first = (row.number, row.label) if row.number else (row.label, None)
            rows.append(Row((*first, *("" for _ in fields)), "group"))
        elif row.kind == "total":
            rows.append(Row((row.label, None, *cells), "total"))
        else:
            label = missing_row_label(data, row.label) if row.unit in missing else row.label
            rows.append(Row((row.number, label, *cells)))
    widths = section.widths or (8, 40, *(52 / len(fields) for _ in fields))
    return Table(tuple(header), tuple(rows), tuple(widths), ("center", "left", *("center" for _ in fields)))


def compose_section(section: Section, data: ReportData) -> list:
    if not section.printed:
        return []
    blocks: list = [Paragraph(fill(section.heading, data.words), "heading")] if section.heading else []
    if section.kind == "text":
        blocks += _paragraphs(expand(data.text(section), data), section.style)
    elif section.kind == "figures":
        blocks += _figures(section, data)
    elif section.kind in ("unit_table", "fixed_table"):
        blocks.append(compose_table(section, data))
    return blocks


def compose(data: ReportData) -> Document:
    blocks: list = []
    for section in data.template.sections:
        blocks += compose_section(section, data)
    closing_sentence = data.header("closing")
    if closing_sentence:
        blocks.append(Paragraph(closing_sentence, "body"))
    recipients = tuple(line.strip() for line in data.header("recipients").splitlines() if line.strip())
    closing = Closing(
        recipients=recipients,
        authority=data.header("authority").upper(),
        title=data.header("signer_title").upper(),
        name=data.header("signer_name"),
    )
    return Document(compose_header(data), tuple(blocks), closing, title=f"{data.template.doc_type} {data.header('abstract')}")
