"""Words for an import: one line per file, the planned changes, a summary."""

from __future__ import annotations

from dtdesk.core.formats import printable
from dtdesk.core.i18n import Phrase
from dtdesk.core.template import Field, TemplateError, load_template, with_settings
from dtdesk.core.values import typed
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, PLANNED, REJECTED, FilePlan
from dtdesk.exchange.sources import replaced_words, source_words


def change_label(plan: FilePlan, change, settings: dict[str, str] | None = None) -> str:
    """The unit's name and the value as the forms name it ("Phường Cát Bi: 3.1 — Tiếp nhận…"), not row ids."""
    sub = plan.submission
    names = {u.get("code"): u.get("name") for u in sub.units or []}
    try:
        template = with_settings(load_template(sub.template_id, sub.template_version), settings or {})
        label = template.value_label(change.key, change.row)
    except TemplateError:  # a template this version does not know: the key is honest enough
        label = f"{change.key}/{change.row}" if change.row else change.key
    return f"{names.get(change.unit) or change.unit}: {label}"


def _field(plan: FilePlan, key: str) -> Field | None:
    """The template's field of a stored value (None for a header value or a key the template does not know)."""
    sub, (section_id, _, field_id) = plan.submission, key.partition(".")
    try:
        return load_template(sub.template_id, sub.template_version).section(section_id).field(field_id)
    except (TemplateError, KeyError):
        return None


def shown_value(plan: FilePlan, key: str, value, limit: int = 39) -> str:
    """A value of the preview as the forms show it: "1.430", "x" for a mark and "(chưa làm)" for none, not the
    stored 1430, 1 and 0; "(trống)" where there is no value."""
    if value is None:
        return Phrase("(trống)")
    field = _field(plan, key)
    if field is not None and field.type == "bool" and value in (0, 1):
        return "x" if value else Phrase("(chưa làm)")
    if field is not None and field.type == "int" and type(value) is int:
        return typed(field, value)
    return printable(str(value).replace("\n", " "), limit)


def format_plans(plans: list[FilePlan], *, dry_run: bool = False,
                 settings: dict[str, str] | None = None) -> tuple[list[Phrase], int]:
    """Lines to print (each said in the user's language where printed) and the number of rejected files."""
    lines: list[Phrase] = []
    for plan in plans:
        if plan.status == REJECTED:
            lines.append(Phrase("Từ chối: {message}.", message=plan.message))
            continue
        if plan.status == DUPLICATE:
            lines.append(Phrase("Bỏ qua: {message}.", message=plan.message))
            continue
        sub = plan.submission
        if plan.status == PLANNED:
            lines.append(Phrase("Sẽ nhập «{name}» ({label}): {changed} số liệu thay đổi, {new} đơn vị mới, {conflicts} "
                                "xung đột với số liệu nhập tại đây.", name=plan.path.name, label=sub.label,
                                changed=len(plan.changes), new=len(plan.new_units), conflicts=len(plan.conflicts)))
        else:
            lines.append(plan.message)
        clashes = {id(unit): code for unit, code in plan.clashes}
        for unit in plan.new_units:
            clash = (Phrase(" (trùng tên với đơn vị {code} đã có)", code=clashes[id(unit)])
                     if id(unit) in clashes else "")
            unlisted = (Phrase(" (chưa có trong danh sách đơn vị, cần được chấp nhận)")
                        if unit["code"] == sub.unit and plan.status == PLANNED else "")
            lines.append(Phrase("  Đơn vị mới: {code} {name}{clash}{unlisted}", code=unit["code"],
                                name=printable(unit["name"], 80), clash=clash, unlisted=unlisted))
        for change in plan.conflicts:
            lines.append(Phrase("  Xung đột: {label}: {old} ({source}) → {new}",
                                old=shown_value(plan, change.key, change.old),
                                label=change_label(plan, change, settings), source=source_words(change.old_source),
                                new=shown_value(plan, change.key, change.new)))
        if dry_run:
            for change in plan.changes:
                if change.conflict:
                    continue
                words = {"label": change_label(plan, change, settings), "new": shown_value(plan, change.key, change.new),
                         "old": shown_value(plan, change.key, change.old)}
                source = replaced_words(change.old_source) if change.old is not None else ""
                lines.append(Phrase("  {label}: {old} ({source}) → {new}", source=source, **words) if source
                             else Phrase("  {label}: {old} → {new}", **words))
    counts = {s: sum(p.status == s for p in plans) for s in (IMPORTED, PLANNED, DUPLICATE, REJECTED)}
    done = (Phrase("{count} sẽ nhập (xem trước, chưa ghi)", count=counts[PLANNED]) if dry_run
            else Phrase("{count} đã nhập", count=counts[IMPORTED]))
    lines.append(Phrase("Tổng: {count} tệp: {done}, {duplicates} đã nhập trước đó, {rejected} bị từ chối.",
                        count=len(plans), done=done, duplicates=counts[DUPLICATE], rejected=counts[REJECTED]))
    return lines, counts[REJECTED]
