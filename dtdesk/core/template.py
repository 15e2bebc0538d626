"""The report template: one JSON file under ``resources/templates/`` that says
what the report contains, in order, and drives storage keys, forms, rules,
roll-up and the PDF. Loading validates it: every formula and rule is parsed
(safely, see :mod:`dtdesk.core.expr`) and every reference resolved, so a broken
template fails when it is loaded, not when a clerk prints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from dtdesk.core.errors import Failure
from dtdesk.core.expr import Expr, compile_expr
from dtdesk.paths import resource

SectionKind = Literal["heading", "text", "figures", "unit_table", "fixed_table"]

# The levels a template words its header for (see dtdesk.core.levels), and the
# words its level patterns may use ("ỦY BAN NHÂN DÂN\n{NAME}").
LEVELS = ("province", "district", "commune", "body")
LEVEL_WORDS = frozenset({"name", "NAME", "short", "named", "kind", "KIND", "subkind",
                         "parent_name", "PARENT_NAME", "parent_named"})
_WORD = re.compile(r"\{(\w+)\}")


class TemplateError(ValueError):
    """A template file that breaks the template format (said to whoever writes templates, in English)."""


class UnknownTemplate(Failure, TemplateError):
    """A report names a template this version of dtdesk does not ship: said to the clerk."""


@dataclass(frozen=True)
class Field:
    """A number, flag, text or computed value: a table column or a figure."""

    id: str
    label: str
    type: Literal["int", "bool", "text", "date", "lines"] = "int"
    number: str = ""  # printed column number, "(1)"
    formula: Expr | None = None
    format: Literal["count", "ratio", "mark", "plain"] = "count"
    suffix: str = ""  # printed after the number in the report's cell: " tin, bài/tuần"
    ref: str = ""  # "section.field": shows another section's value for the same unit
    hint: str = ""
    required: bool = False
    # what the next period's report starts with (see dtdesk.core.carry): "" nothing, "copy" this value (or,
    # with carry_from, the previous period's value of that field: "tồn trước" from "đang giải quyết"),
    # "today" the day it is rolled forward, "symbol" a document number's symbol with the number left blank
    carry: Literal["", "copy", "today", "symbol"] = ""
    carry_from: str = ""
    unit: str = ""  # what the number counts, for the forms' column heading: "tin, bài/tuần", "văn bản"

    @property
    def computed(self) -> bool:
        return self.formula is not None or bool(self.ref)

    @property
    def ref_section(self) -> str:
        """The id of the section a ``ref`` column's values come from ("" for a column of its own)."""
        return self.ref.partition(".")[0]

    @property
    def ref_field(self) -> str:
        """The id of the field a ``ref`` column shows, in :attr:`ref_section`."""
        return self.ref.partition(".")[2]


@dataclass(frozen=True)
class Rule:
    """A check on a section's values: where ``check`` is false, ``message`` is said at ``field``."""

    check: Expr
    message: str
    field: str
    level: Literal["error", "warning"] = "error"


@dataclass(frozen=True)
class RowSpec:
    """Rows of a unit table: the units a selector yields, optionally under a group row."""

    units: tuple[str, ...]  # selectors: self, bodies, subunits
    group: str = ""
    label: str = ""  # row label pattern for a lone unit, e.g. "Cổng thông tin điện tử {kind}"


@dataclass(frozen=True)
class FixedRow:
    """A row of a fixed table (one whose rows are not units): its id in storage and its printed label."""

    id: str
    label: str


@dataclass(frozen=True)
class Variant:
    """One wording of a drafted sentence, used when ``when`` holds (the first that does; none: always)."""

    text: str
    when: Expr | None = None


@dataclass(frozen=True)
class Point:
    """One lettered point of a figures section: figures of a scope, or a free text."""

    label: str
    figures: Literal["self", "subunits", ""] = ""
    text: str = ""
    carry: bool = False  # a text point the next period starts with, marked for review


@dataclass(frozen=True)
class Draft:
    """A counting sentence drafted from the data ("Có 1/8 phường (…) đã …")."""

    id: str
    label: str
    section: str
    where: Expr
    variants: tuple[Variant, ...]
    none: str | None = None  # the sentence while no subunit has data ("" for none; None: the template's coverage "none")


# what a draft's variants may test: subunits matching, with data (total = reported), and all of them
DRAFT_COUNTS = frozenset({"matched", "total", "reported", "all"})


@dataclass(frozen=True)
class CoverageWording:
    """How a roll-up says which subunits it rests on (see :mod:`dtdesk.core.coverage`)."""

    partial: str = "({reported}/{all} {subkind} đã báo cáo)"
    none: str = "chưa có số liệu của {subkind} nào"
    row: str = "{name} (chưa có số liệu)"


@dataclass(frozen=True)
class AnnexWording:
    """The words of the annex page printed with ``render --annex`` (see :mod:`dtdesk.exchange.annex`)."""

    title: str = "PHỤ LỤC"
    subtitle: str = "Tỷ lệ chủ chốt và tình hình gửi báo cáo của các {subkind}"
    reference: str = "(Kèm theo Báo cáo số {number} ngày {date})"
    chart: str = "Biểu đồ 1. {key_ratio} của các {subkind} (%)"
    table: str = "Biểu 2. Tình hình gửi báo cáo của các {subkind}"
    columns: tuple[str, ...] = ("TT", "Tên {subkind}", "Tình hình gửi báo cáo", "Ngày gửi", "Tỷ lệ (%)")
    submitted: str = "Đã gửi tệp (lần {revision})"
    late: str = "Gửi muộn (lần {revision})"
    accepted: str = "{sent}, đã tiếp nhận"  # the level above's answer to that revision, after how it was sent
    returned: str = "{sent}, bị trả lại"
    keyed: str = "Nhập từ bản giấy"
    workbook: str = "Đã gửi biểu Excel"  # figures sent in a filled "biểu chi tiết" workbook, not a submission file
    values: str = "Có số liệu, chưa gửi tệp"
    missing: str = "Chưa gửi"
    no_value: str = "chưa có số liệu"
    total: str = "Tổng số: {reported}/{all} {subkind} đã báo cáo"


@dataclass(frozen=True)
class Section:
    """One part of the report, in the template's order: a heading, a text, figures or a table, and its rules."""

    id: str
    kind: SectionKind
    heading: str = ""
    number: str = ""
    title: str = ""
    style: str = "body"
    printed: bool = True
    intro: str = ""
    fields: tuple[Field, ...] = ()  # table columns or figures
    points: tuple[Point, ...] = ()
    sentence: tuple[Variant, ...] = ()
    rows: tuple[RowSpec, ...] = ()
    fixed_rows: tuple[FixedRow, ...] = ()
    total: str = ""
    numbering: Literal["per_group", "nested", "flat"] = "flat"
    numbers_row: bool = False
    index_label: str = "TT"
    name_label: str = ""
    widths: tuple[float, ...] = ()
    rules: tuple[Rule, ...] = ()
    drafts: tuple[str, ...] = ()
    level: int = 0  # depth in the outline: 0 a part, 1 under a part, 2 under a numbered heading (see _outline)
    parent: str = ""  # id of the heading this section sits under, "" at the top
    display_number: str = ""  # the number the outline and the forms show before the title
    carry: bool = False  # a text section the next period starts with, marked for review
    reads_previous: bool = False  # a rule reads the previous period's values (prev.…)

    @property
    def label(self) -> str:
        """The outline title with its display number ("3.2. Về ứng dụng chữ ký số"); a part's body has none."""
        return f"{self.display_number}. {self.outline_title}" if self.display_number else self.outline_title

    @property
    def outline_title(self) -> str:
        """What the outline and the messages call the section."""
        if self.title:
            return self.title
        heading = self.heading.rstrip(":")
        prefix = f"{self.number}. "
        return heading[len(prefix):] if self.number and heading.startswith(prefix) else heading

    def field(self, field_id: str) -> Field:
        for candidate in self.fields:
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)

    @property
    def inputs(self) -> tuple[Field, ...]:
        """Fields a clerk types (not computed)."""
        return tuple(f for f in self.fields if not f.computed)

    def row_label(self, row_id: str) -> str:
        """The label of one of a fixed table's rows ("Công thương" for ``cong_thuong``); the id if it has none."""
        return next((r.label for r in self.fixed_rows if r.id == row_id), row_id)

    def key(self, field_id: str) -> str:
        """Storage key of one of this section's values."""
        return f"{self.id}.{field_id}"


CARRY = ("copy", "today", "symbol")
TEXT_FIELD = "text"  # the one value of a text section
PREVIOUS = "prev."  # how a rule names the previous period's value of a field: prev.pending


@dataclass(frozen=True)
class Setting:
    """A word each workspace fills into the template: the document system "HP-eOffice" is Hải Phòng's alone."""

    id: str
    label: str  # what the clerk is asked: "Phần mềm quản lý văn bản"
    default: str = ""  # printed until the workspace says otherwise


@dataclass(frozen=True)
class Template:
    """A report's template (``resources/templates/<id>-v<version>.json``), parsed and checked."""

    id: str
    version: int
    name: str
    doc_type: str
    deadline_days: int
    cutoff_line: str
    header: tuple[Field, ...]
    sections: tuple[Section, ...]
    drafts: Mapping[str, Draft] = field(default_factory=dict)
    # the one ratio the level above compares across its units ("section.field"), and its caption
    key_ratio: str = ""
    key_ratio_label: str = ""
    # per level, what a new report's header fields default to: {"commune": {"number": "…/BC-UBND", …}}
    levels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    coverage: CoverageWording = CoverageWording()
    annex: AnnexWording = AnnexWording()
    # words a workspace fills into column labels ("{document_system}"); see with_settings
    settings: tuple[Setting, ...] = ()

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def value_label(self, key: str, row: str = "") -> str:
        """How the forms name a stored value ("3.3 — Hồ sơ tiếp nhận — Sở Công Thương"), for previews and lists.

        A key this template does not know is shown as it is (``section.field/row``).
        """
        section_id, _, field_id = key.partition(".")
        if section_id == "header":
            names = [f.label for f in self.header if f.id == field_id]
            return f"Phần đầu — {names[0]}" if names else key
        try:
            section = self.section(section_id)
        except KeyError:
            return f"{key}/{row}" if row else key
        defaults = {s.id: s.default for s in self.settings}  # a preview has no workspace: its defaults
        names = [_WORD.sub(lambda m: defaults.get(m.group(1), m.group(0)), f.label)
                 for f in section.fields if f.id == field_id]
        names += [p.label for p in section.points if p.text == field_id]
        if not names and field_id == "text":  # a narrative's one text: the section is its name
            return section.label
        parts = [section.display_number or section.outline_title, names[0] if names else field_id]
        if row:
            parts.append(section.row_label(row))
        return " — ".join(parts)

    @property
    def editable_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind != "heading")


def _field(raw: dict) -> Field:
    formula = raw.get("formula")
    kind = raw.get("type", "int")
    default_format = {"bool": "mark"}.get(kind, "count")
    return Field(
        id=raw["id"],
        label=raw["label"],
        type=kind,
        number=raw.get("number", ""),
        formula=compile_expr(formula) if formula else None,
        format="plain" if raw.get("plain") else raw.get("format", "mark" if raw.get("ref") else default_format),
        suffix=raw.get("suffix", ""),
        ref=raw.get("ref", ""),
        hint=raw.get("hint", ""),
        required=raw.get("required", False),
        carry="copy" if raw.get("carry_from") else raw.get("carry", ""),
        carry_from=raw.get("carry_from", ""),
        unit=raw.get("unit", ""),
    )


def _annex_wording(raw: dict) -> AnnexWording:
    wording = AnnexWording(**{k: tuple(v) if k == "columns" else v for k, v in raw.items()})
    if len(wording.columns) != len(AnnexWording().columns):
        raise TemplateError(f"annex: columns must name {len(AnnexWording().columns)} columns")
    return wording


def _variants(raw: list[dict]) -> tuple[Variant, ...]:
    return tuple(Variant(v["text"], compile_expr(v["when"]) if "when" in v else None) for v in raw)


def _rules(raw: list[dict]) -> tuple[Rule, ...]:
    return tuple(Rule(compile_expr(r["check"]), r["message"], r["field"], r.get("level", "error")) for r in raw)


def _section(raw: dict, text_rules: tuple[Rule, ...]) -> Section:
    fields = tuple(_field(f) for f in raw.get("columns", raw.get("fields", [])))
    rules = _rules(raw.get("rules", [])) + (text_rules if raw["kind"] == "text" else ())
    return Section(
        id=raw["id"],
        kind=raw["kind"],
        heading=raw.get("heading", ""),
        number=raw.get("number", ""),
        title=raw.get("title", ""),
        style=raw.get("style", "body"),
        printed=raw.get("print", True),
        intro=raw.get("intro", ""),
        fields=fields,
        points=tuple(Point(p["label"], p.get("figures", ""), p.get("text", ""), p.get("carry", False))
                     for p in raw.get("points", [])),
        sentence=_variants(raw.get("sentence", [])),
        rows=tuple(RowSpec(tuple(r["units"]), r.get("group", ""), r.get("label", ""))
                   for r in raw.get("rows", []) if "units" in r),
        fixed_rows=tuple(FixedRow(r["id"], r["label"]) for r in raw.get("rows", []) if "units" not in r),
        total=raw.get("total", ""),
        numbering=raw.get("numbering", "flat"),
        numbers_row=raw.get("numbers_row", False),
        index_label=raw.get("index_label", "TT"),
        name_label=raw.get("name_label", ""),
        widths=tuple(raw.get("widths", ())),
        rules=rules,
        drafts=tuple(raw.get("drafts", ())),
        carry=raw.get("carry", False),
        reads_previous=any(r.check.previous for r in rules),
    )


def _validate(template: Template) -> None:
    ids = [s.id for s in template.sections]
    if len(ids) != len(set(ids)):
        raise TemplateError("section ids must be unique")
    for section in template.sections:
        known = {f.id for f in section.fields} | {"weeks", "days"} | ({TEXT_FIELD} if section.kind == "text" else set())
        for item in [*(f.formula for f in section.fields if f.formula), *(v.when for v in section.sentence if v.when)]:
            if unknown := item.names - known:
                raise TemplateError(f"section {section.id}: unknown names {sorted(unknown)} in {item.source!r}")
        for rule in section.rules:  # rules alone may read the previous period
            if unknown := rule.check.names - known - {PREVIOUS + name for name in known - {"weeks", "days"}}:
                raise TemplateError(f"section {section.id}: unknown names {sorted(unknown)} in {rule.check.source!r}")
        _validate_carry(section)
        for f in section.fields:
            if f.ref:
                template.section(f.ref_section).field(f.ref_field)
        if section.widths and section.kind in ("unit_table", "fixed_table") and len(section.widths) != len(section.fields) + 2:
            raise TemplateError(f"section {section.id}: {len(section.widths)} widths for {len(section.fields) + 2} columns")
        for draft_id in section.drafts:
            if draft_id not in template.drafts:
                raise TemplateError(f"section {section.id}: unknown draft {draft_id}")
    if template.key_ratio:
        section_id, _, field_id = template.key_ratio.partition(".")
        template.section(section_id).field(field_id)
    setting_ids = {s.id for s in template.settings}
    for section in template.sections:
        for f in section.fields:
            if unknown := set(_WORD.findall(f.label)) - setting_ids:
                raise TemplateError(f"section {section.id}: column {f.id} names unknown settings {sorted(unknown)}")
    header_ids = {f.id for f in template.header}
    _validate_carry(Section("header", "heading", fields=template.header))
    for level, defaults in template.levels.items():
        if level not in LEVELS:
            raise TemplateError(f"levels: unknown level {level!r}; known: {', '.join(LEVELS)}")
        for field_id, pattern in defaults.items():
            if field_id not in header_ids:
                raise TemplateError(f"levels.{level}: {field_id!r} is not a header field")
            if unknown := set(_WORD.findall(pattern)) - LEVEL_WORDS:
                raise TemplateError(f"levels.{level}.{field_id}: unknown words {sorted(unknown)}")
    for draft in template.drafts.values():
        names = {f.id for f in template.section(draft.section).fields}
        if unknown := draft.where.names - names:
            raise TemplateError(f"draft {draft.id}: unknown names {sorted(unknown)}")
        for variant in draft.variants:
            if variant.when and (unknown := variant.when.names - DRAFT_COUNTS):
                raise TemplateError(f"draft {draft.id}: unknown names {sorted(unknown)} in {variant.when.source!r}")


def _validate_carry(section: Section) -> None:
    """What a section says carries over must be a kind we know and read a field it has."""
    names = {f.id for f in section.fields}
    for f in section.fields:
        if f.carry and f.carry not in CARRY:
            raise TemplateError(f"section {section.id}: field {f.id} carries {f.carry!r}; known: {', '.join(CARRY)}")
        if f.carry_from and f.carry_from not in names:
            raise TemplateError(f"section {section.id}: field {f.id} carries from unknown field {f.carry_from!r}")
        if f.carry and f.computed:
            raise TemplateError(f"section {section.id}: computed field {f.id} cannot carry over")
    if section.carry and section.kind != "text":
        raise TemplateError(f"section {section.id}: only a text section carries its text over")


def _outline(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Each section's level, parent heading and display number, read from the template's order and numbering.

    A heading without a number ("I. TÌNH HÌNH…") opens a part; a numbered
    heading ("3") opens a level inside the part. A section numbered below it
    ("3.2") or not numbered sits under that heading; any other section sits
    under the part. A section whose number its part's heading already shows
    (the text "II" under "II. TỒN TẠI…") is displayed without it.
    """
    placed: list[Section] = []
    part = heading = None
    for section in sections:
        if section.kind == "heading" and not section.number:
            part, heading = section, None
            placed.append(section)
            continue
        number = section.number
        under_heading = heading is not None and (not number or number.startswith(f"{heading.number}."))
        parent = heading if under_heading else part
        shown = "" if parent is not None and parent.heading.startswith(f"{number}. ") else number
        section = replace(section, level=0 if parent is None else parent.level + 1,
                                   parent=parent.id if parent is not None else "", display_number=shown)
        placed.append(section)
        if section.kind == "heading":
            heading = section
    return tuple(placed)


def _pattern(value) -> str:
    """A level pattern: a string, or a list of lines (recipients) kept readable in the JSON."""
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    if not isinstance(value, str):
        raise TemplateError(f"a level pattern must be text or a list of lines, not {value!r}")
    return value


def parse_template(raw: dict) -> Template:
    try:
        text_rules = _rules(raw.get("text_rules", []))  # every text section's, as "text != prev.text"
        template = Template(
            id=raw["id"],
            version=int(raw["version"]),
            name=raw["name"],
            doc_type=raw.get("doc_type", "BÁO CÁO"),
            deadline_days=int(raw.get("deadline_days", 5)),
            cutoff_line=raw.get("cutoff_line", ""),
            header=tuple(_field({"type": "text", **f}) for f in raw["header"]),
            sections=_outline(tuple(_section(s, text_rules) for s in raw["sections"])),
            drafts={d["id"]: Draft(d["id"], d["label"], d["section"], compile_expr(d["where"]), _variants(d["variants"]),
                                   d.get("none"))
                    for d in raw.get("drafts", [])},
            key_ratio=raw.get("key_ratio", {}).get("field", ""),
            key_ratio_label=raw.get("key_ratio", {}).get("label", ""),
            levels=MappingProxyType({level: MappingProxyType({k: _pattern(v) for k, v in fields.items()})
                                     for level, fields in raw.get("levels", {}).items()}),
            coverage=CoverageWording(**raw.get("coverage", {})),
            annex=_annex_wording(raw.get("annex", {})),
            settings=tuple(Setting(s["id"], s["label"], s.get("default", "")) for s in raw.get("settings", [])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, TemplateError):
            raise
        raise TemplateError(f"template is malformed: {exc!r}") from None
    try:
        _validate(template)
    except KeyError as exc:
        raise TemplateError(f"template {template.id}: unknown reference {exc}") from None
    return template


def with_settings(template: Template, values: Mapping[str, str]) -> Template:
    """The template as one workspace prints it: its settings' words (or their defaults) in the column labels."""
    if not template.settings:
        return template
    words = {s.id: values.get(s.id) or s.default for s in template.settings}

    def filled(f: Field) -> Field:
        return replace(f, label=_WORD.sub(lambda m: words[m.group(1)], f.label)) if "{" in f.label else f

    return replace(template, sections=tuple(replace(s, fields=tuple(filled(f) for f in s.fields))
                                            for s in template.sections))


def load_template_file(path: Path) -> Template:
    return parse_template(json.loads(path.read_text(encoding="utf-8")))


@cache
def builtin_templates() -> frozenset[tuple[str, int]]:
    """(id, version) of every template shipped under ``resources/templates/`` (``cds-quarterly-v1.json``).

    An id comes from workspaces, JSON and submission files, which may be hostile:
    only an exact member of this set is ever turned into a file name.
    """
    found = set()
    for path in resource("templates").glob("*-v*.json"):
        template_id, _, version = path.name[:-len(".json")].rpartition("-v")
        if version.isascii() and version.isdigit():
            found.add((template_id, int(version)))
    return frozenset(found)


@cache
def load_template(template_id: str = "cds-quarterly", version: int = 1) -> Template:
    """A built-in template by id and version (old reports keep their own version)."""
    if (template_id, version) not in builtin_templates():
        shown = "".join(c if c.isprintable() else "?" for c in str(template_id))[:60]
        raise UnknownTemplate("Không có mẫu báo cáo {template} phiên bản {version}.", template=shown, version=version)
    return load_template_file(resource("templates", f"{template_id}-v{version}.json"))
