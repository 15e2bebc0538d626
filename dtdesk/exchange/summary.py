"""Words for an import: one line per file, the planned changes, a summary."""

from __future__ import annotations

from dtdesk.core.template import TemplateError, load_template, with_settings
from dtdesk.exchange.importer import DUPLICATE, IMPORTED, PLANNED, REJECTED, FilePlan
from dtdesk.exchange.validate import printable


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


def _shown(value) -> str:
    if value is None:
        return "(trống)"
    return printable(str(value).replace("\n", " "), 39)


def format_plans(plans: list[FilePlan], *, dry_run: bool = False,
                 settings: dict[str, str] | None = None) -> tuple[list[str], int]:
    """Lines to print and the number of rejected files."""
    lines: list[str] = []
    for plan in plans:
        if plan.status == REJECTED:
            lines.append(f"Từ chối: {plan.message}")
            continue
        if plan.status == DUPLICATE:
            lines.append(f"Bỏ qua: {plan.message}")
            continue
        sub = plan.submission
        if plan.status == PLANNED:
            lines.append(f"Sẽ nhập «{plan.path.name}» ({sub.label}): {len(plan.changes)} số liệu thay đổi, "
                         f"{len(plan.new_units)} đơn vị mới, {len(plan.conflicts)} xung đột với số liệu nhập tại đây.")
        else:
            lines.append(plan.message)
        clashes = {id(unit): code for unit, code in plan.clashes}
        for unit in plan.new_units:
            lines.append(f"  Đơn vị mới: {unit['code']} {printable(unit['name'], 80)}"
                         + (f" (trùng tên với đơn vị {clashes[id(unit)]} đã có)" if id(unit) in clashes else "")
                         + (" (chưa có trong danh sách đơn vị, cần được chấp nhận)"
                            if unit["code"] == sub.unit and plan.status == PLANNED else ""))
        for change in plan.conflicts:
            lines.append(f"  Xung đột: {change_label(plan, change, settings)}: "
                         f"{_shown(change.old)} ({change.old_source}) → {_shown(change.new)}")
        if dry_run:
            for change in plan.changes:
                if not change.conflict:
                    lines.append(f"  {change_label(plan, change, settings)}: "
                                 f"{_shown(change.old)} → {_shown(change.new)}")
    counts = {s: sum(p.status == s for p in plans) for s in (IMPORTED, PLANNED, DUPLICATE, REJECTED)}
    done = f"{counts[PLANNED]} sẽ nhập (xem trước, chưa ghi)" if dry_run else f"{counts[IMPORTED]} đã nhập"
    lines.append(f"Tổng: {len(plans)} tệp: {done}, {counts[DUPLICATE]} đã nhập trước đó, "
                 f"{counts[REJECTED]} bị từ chối.")
    return lines, counts[REJECTED]
