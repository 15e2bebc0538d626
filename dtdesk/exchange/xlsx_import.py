"""Reading a filled "biểu chi tiết" (``.xlsx``) that a unit answered in Excel: every byte is untrusted.

:func:`read_xlsx` returns the same :class:`~dtdesk.exchange.validate.Submission`
a submission file gives, so the importer previews, checks and applies it the
same way (rules, conflicts with values keyed here, new units, one transaction).
It holds only the cells the workbook maps (:mod:`dtdesk.exchange.xlsx_layout`):
the import changes those and leaves every other value of the unit as it is.
It has no revision (:data:`REVISION`): a submission file the unit sends later
is taken as the revision it is, and replaces the workbook's values where it
differs (the preview says "nhập từ Excel"; they are the unit's earlier answer,
no conflict: :func:`dtdesk.exchange.sources.entered_here`).

Checks, each refusing with one sentence: the size; a zip (an ``.xlsx`` is
one); the number of parts, their declared sizes and compression ratio (a zip
bomb is refused before anything is inflated, and zipfile never inflates a part
past its declared size); no macros, embedded objects or external links; no
DTD in any XML part; the workbook's hidden sheet (format, a template dtdesk
ships, units, cells of input fields of that template); no sheet the template
does not give; in each mapped cell a number (text that is a number as a clerk
types it, "1.430", is read as one), never a formula: openpyxl reads what is
stored and runs nothing. Then the checks of a submission file's manifest,
units and values (:mod:`dtdesk.exchange.validate`).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

from dtdesk.core.formats import ParseError, parse_int, printable
from dtdesk.core.i18n import Phrase
from dtdesk.core.template import Field, Template, TemplateError, builtin_templates, load_template
from dtdesk.core.values import parse
from dtdesk.exchange import manifest as mf
from dtdesk.exchange import xlsx_layout as layout
from dtdesk.exchange.validate import (MAX_FILE_BYTES, MAX_ROWS, Rejected, Submission, _check_content,
                                      _check_manifest, file_label, read_file)
from dtdesk.store.workspace import Workspace

MAX_PARTS = 64
MAX_PART_BYTES = 8 * 1024 * 1024  # one inflated part
MAX_INFLATED = 24 * 1024 * 1024  # all parts together
MAX_RATIO = 200  # inflated / compressed: XML compresses well, a bomb far better
_ZIP = b"PK\x03\x04"
_REFUSED_PARTS = re.compile(r"(vbaProject|activeX|embeddings|externalLink|oleObject|connections|customUI)",
                            re.IGNORECASE)
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_COORDINATE = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,5}")
# A workbook is not a revision of the unit's report: the unit numbers its own submission files (r1, r2…), and
# one sent after the workbook must be taken as what it is. It is kept as revision 0, which no submission file
# has; the checks of a submission's manifest, which want a revision, see it as 1.
REVISION = 0
_CHECKED_AS = 1


def _not_xlsx(name: str) -> Rejected:
    return Rejected("Tệp «{name}» không phải là tệp Excel (.xlsx) hoặc đã bị hỏng.", name=name)


def _check_zip(name: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise Rejected("Tệp «{name}» quá lớn ({count} KB) so với một biểu chi tiết.", name=name,
                       count=len(data) // 1024)
    if not data.startswith(_ZIP):
        raise _not_xlsx(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise Rejected("Tệp «{name}» có {count} phần, nhiều hơn một biểu chi tiết có thể có.", name=name,
                               count=len(parts))
            inflated = sum(p.file_size for p in parts)
            for part in parts:
                if (part.file_size > MAX_PART_BYTES or inflated > MAX_INFLATED
                        or part.file_size > MAX_RATIO * part.compress_size + 4096):
                    raise Rejected("Tệp «{name}» giải nén ra quá lớn (có thể là «bom zip»); không mở tệp này.",
                                   name=name)
                if _REFUSED_PARTS.search(part.filename):
                    raise Rejected("Tệp «{name}» chứa macro, đối tượng nhúng hoặc liên kết ngoài; chỉ nhận biểu chi "
                                   "tiết chỉ có số liệu.", name=name)
            for part in parts:
                if part.filename.endswith((".xml", ".rels")) and _DTD.search(archive.read(part)):
                    raise Rejected("Tệp «{name}» có khai báo DTD trong phần «{filename}»; tệp Excel không cần đến nó "
                                   "nên tệp bị từ chối.", name=name, filename=printable(part.filename))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError):
        raise _not_xlsx(name) from None


def _load(name: str, data: bytes):
    from openpyxl import load_workbook  # loads with the first workbook read

    try:
        return load_workbook(io.BytesIO(data), data_only=False, keep_vba=False, keep_links=False)
    except Exception:  # openpyxl raises what its parsers meet in a hostile file (KeyError, TypeError, XML errors…)
        raise Rejected("Tệp «{name}» không đọc được như một bảng tính Excel.", name=name) from None


def _text(value) -> str:
    return "" if value is None else str(value)


class _Meta:
    """What the hidden sheet says: manifest entries, units, and the cells holding values."""

    def __init__(self, name: str, sheet):
        self.entries: dict[str, str] = {}
        self.units: list[dict] = []
        self.cells: list[tuple] = []
        limit = MAX_ROWS["units"] + MAX_ROWS["vals"] + len(layout.META_KEYS)
        if sheet.max_row > limit or sheet.max_column > 1 + len(mf.UNIT_COLUMNS) or sheet.min_column != 1:
            raise Rejected("Tệp «{name}» có trang «{sheet}» lớn hơn giới hạn của biểu chi tiết.", name=name,
                           sheet=layout.META_SHEET)
        width = 1 + len(mf.UNIT_COLUMNS)
        for row in sheet.iter_rows(values_only=True):
            kind, rest = row[0], (*row[1:], *(None,) * width)
            if kind == layout.META_ENTRY:
                self.entries[_text(rest[0])] = _text(rest[1])
            elif kind == layout.META_UNIT:
                unit = dict(zip(mf.UNIT_COLUMNS, rest))
                for column in mf.UNIT_COLUMNS:
                    if column != "position":
                        unit[column] = _text(unit[column])
                unit["parent"] = unit["parent"] or None
                self.units.append(unit)
            elif kind == layout.META_CELL:
                self.cells.append(tuple(_text(v) for v in rest[:5]))
            elif kind is not None:
                raise Rejected("Tệp «{name}» có dòng lạ trong trang «{sheet}».", name=name,
                               sheet=layout.META_SHEET)
        if self.entries.get("format") != layout.FORMAT:
            raise Rejected("Tệp «{name}» không phải là biểu chi tiết do dtdesk xuất.", name=name)
        if missing := [k for k in layout.META_KEYS if k not in self.entries]:
            raise Rejected("Tệp «{name}» thiếu mục «{missing}» trong trang «{sheet}».", name=name,
                           missing=missing[0], sheet=layout.META_SHEET)

    def template(self, name: str) -> Template:
        wanted = (self.entries["template_id"], self.entries["template_version"])
        found = next((t for t in builtin_templates() if (t[0], str(t[1])) == wanted), None)
        if found is None:  # exact match: an id from a file never becomes a path
            raise Rejected("Tệp «{name}» dùng mẫu báo cáo «{wanted}» phiên bản {version} mà dtdesk không có.",
                           name=name, wanted=printable(wanted[0]), version=printable(wanted[1], 8))
        try:
            return load_template(*found)
        except TemplateError:
            raise Rejected("Tệp «{name}» dùng mẫu báo cáo «{found}» mà dtdesk không đọc được.", name=name,
                           found=found[0]) from None


def _inputs(template: Template) -> dict[str, tuple[Field, frozenset[str]]]:
    """Storage key → (field, the fixed rows it may have) of every typed-in field the workbook may hold.

    A column borrowed from another section (3.5's "Đã xây dựng chuyên mục", from «Triển khai tại các đơn
    vị») is read into the field it shows, so that what the clerk types there is kept, not dropped.
    """
    out = {}
    for section in layout.table_sections(template):
        rows = frozenset(r.id for r in section.fixed_rows) if section.kind == "fixed_table" else frozenset({""})
        for f in section.inputs:
            out[section.key(f.id)] = (f, rows)
        for f in section.fields:
            if f.ref:
                out[f.ref] = (template.section(f.ref_section).field(f.ref_field), frozenset({""}))
    return out


def _check_cells(name: str, meta: _Meta, template: Template, sheets: set[str]) -> None:
    inputs, units = _inputs(template), {u["code"] for u in meta.units}
    places, keys = set(), set()
    for sheet, coordinate, unit, key, row in meta.cells:
        where = Phrase("«{sheet}» ô {cell}", sheet=printable(sheet), cell=printable(coordinate, 10))
        if sheet not in sheets or sheet == layout.META_SHEET or not _COORDINATE.fullmatch(coordinate):
            raise Rejected("Tệp «{name}» ghi số liệu ở trang {where} không thuộc biểu chi tiết.", name=name,
                           where=where)
        if key not in inputs or row not in inputs[key][1] or unit not in units:
            raise Rejected("Tệp «{name}» ghi ở trang {where} một số liệu không có trong mẫu báo cáo («{key}» của "
                           "«{unit}»).", name=name, where=where, key=printable(key), unit=printable(unit))
        if (sheet, coordinate) in places or (unit, key, row) in keys:
            raise Rejected("Tệp «{name}» ghi hai lần ô trang {where} hoặc số liệu «{key}».", name=name, where=where,
                           key=printable(key))
        places.add((sheet, coordinate))
        keys.add((unit, key, row))


def _number(name: str, where: Phrase, field: Field, value):
    """A mapped cell's value as stored, or one sentence naming sheet and cell."""
    if isinstance(value, float) and value.is_integer() and field.type in ("int", "bool"):
        value = int(value)
    if field.type == "bool" and type(value) is int:  # a mark typed as 1 or 0 reads as "1" or "0" typed
        value = str(value)
    try:
        if isinstance(value, str):
            return parse(field, value)
        if field.type == "int" and type(value) is int:
            return parse_int(value)
    except ParseError as exc:
        raise Rejected("Tệp «{name}», trang {where}: {reason}.", name=name, where=where, reason=exc) from None
    if value is None:
        return None
    raise Rejected("Tệp «{name}», trang {where} có «{value}», không phải là số đúng dạng.", name=name, where=where,
                   value=printable(value, 20))


def _empty(ws: Workspace, field: Field, unit: str, period: str, key: str, row: str):
    """What an empty cell says: no value, except for a mark, which the workbook shows as "x" or nothing.

    An empty mark is "not done" (0) where the workspace holds a mark, and no value where it holds none: so a
    workbook returned as it was exported changes nothing, and an "x" taken away is read as taken away.
    """
    if field.type != "bool":
        return None
    return None if ws.value(unit, period, key, row) is None else 0


def _values(ws: Workspace, name: str, book, meta: _Meta, template: Template, period: str) -> list[tuple]:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    inputs, values = _inputs(template), []
    for sheet, coordinate, unit, key, row in meta.cells:
        cell = book[sheet][coordinate]
        where = Phrase("«{sheet}» ô {cell}", sheet=sheet, cell=coordinate)
        if cell.data_type == "f" or isinstance(cell.value, (ArrayFormula, DataTableFormula)):
            raise Rejected("Tệp «{name}», trang {where} có công thức; ô số liệu chỉ nhận số gõ vào (dtdesk không "
                           "tính công thức trong tệp nhận vào).", name=name, where=where)
        if cell.data_type == "e":
            raise Rejected("Tệp «{name}», trang {where} có lỗi «{value}» thay cho số liệu.", name=name, where=where,
                           value=printable(cell.value, 12))
        field = inputs[key][0]
        if cell.value is None or isinstance(cell.value, str) and not cell.value.strip():
            value = _empty(ws, field, unit, period, key, row)
        else:
            value = _number(name, where, field, cell.value)
        if value is not None:
            values.append((unit, period, key, row, value))
    return sorted(values, key=lambda v: v[:4])


def _manifest_rows(meta: _Meta, revision: int) -> list[tuple[str, str]]:
    e = meta.entries
    rows = {"format": mf.FORMAT, "template_id": e["template_id"], "template_version": e["template_version"],
            "unit": e["unit"], "parent": e["parent"], "period": e["period"], "revision": str(revision),
            "app_version": e["app_version"], "exported_at": e["exported_at"], "sha256": "-"}
    return list(rows.items())


def read_xlsx(ws: Workspace, path: str | Path, data: bytes | None = None) -> Submission:
    """Validate a filled workbook completely; raise :class:`Rejected` with one sentence if anything is off."""
    path = Path(path)
    name = file_label(path)
    data = read_file(path) if data is None else data
    _check_zip(name, data)
    book = _load(name, data)
    if layout.META_SHEET not in book.sheetnames:
        raise Rejected("Tệp «{name}» không phải là biểu chi tiết do dtdesk xuất (không có trang «{sheet}»).",
                       name=name, sheet=layout.META_SHEET)
    meta = _Meta(name, book[layout.META_SHEET])
    template = meta.template(name)
    sheets = layout.expected_sheets(template)
    if extra := [s for s in book.sheetnames if s not in sheets]:
        raise Rejected("Tệp «{name}» có trang «{extra}» không thuộc biểu chi tiết; hãy xóa trang đó hoặc dùng lại "
                       "biểu đã xuất.", name=name, extra=printable(extra[0]))
    _check_cells(name, meta, template, set(book.sheetnames))
    manifest = _check_manifest(name, _manifest_rows(meta, _CHECKED_AS))
    if meta.entries["illustrative"] not in ("0", "1"):
        raise Rejected("Tệp «{name}» có mục «illustrative» không hợp lệ.", name=name)
    report = {"unit": manifest["unit"], "period": manifest["period"], "template_id": manifest["template_id"],
              "template_version": int(manifest["template_version"]), "start": meta.entries["start"],
              "cutoff": meta.entries["cutoff"], "revision": _CHECKED_AS,
              "illustrative": int(meta.entries["illustrative"])}
    values = _values(ws, name, book, meta, template, manifest["period"])
    _check_content(name, manifest, meta.units, [report], values)
    manifest["revision"], report["revision"] = str(REVISION), REVISION
    manifest["sha256"] = mf.content_hash(manifest, meta.units, [report], values)
    covers = frozenset((unit, key, row) for _sheet, _cell, unit, key, row in meta.cells)
    return Submission(path, hashlib.sha256(data).hexdigest(), manifest["sha256"], manifest, meta.units, report,
                      values, data, covers)
