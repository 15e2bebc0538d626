"""Accepting or returning a received report, and taking the answer in where it was sent from.

The level above answers the latest revision it imported of a subunit's report
(:func:`answer`): the step is recorded in its history and a reply file
(:mod:`dtdesk.exchange.reply`) is written, with an ``.eml`` draft when asked,
for the unit. The unit imports it (:func:`import_reply`): the reply must
answer exactly the file this workspace sent last for that report (unit,
parent, period, revision and the submission's hash), and is then recorded in
the report's history. An accepted report stays locked; a returned one is
editable again at once, its reason shown on top, and is audited as reopened.
A reply that does not fit is refused with one sentence and changes nothing;
the same reply twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dtdesk import __version__
from dtdesk.core.errors import phrase
from dtdesk.core.files import write_output
from dtdesk.core.formats import os_reason
from dtdesk.core.i18n import Phrase
from dtdesk.core.periods import parse_period
from dtdesk.core.units import shown_code
from dtdesk.exchange import reply as rf
from dtdesk.exchange.validate import Rejected
from dtdesk.store.backup import failure_reason, refuse_own_file
from dtdesk.store.status import DRAFT, IN, LABELS, OUT, RETURNED, STATUS_KEY, StatusEntry
from dtdesk.store.workspace import Workspace, WorkspaceError, now

IMPORTED, DUPLICATE, REJECTED = "imported", "duplicate", "rejected"  # as dtdesk.exchange.importer says them


@dataclass(frozen=True)
class Answered:
    path: Path
    unit: str
    period: str
    revision: int
    decision: str
    eml: Path | None = None


def _answerable(ws: Workspace, unit: str, period: str):
    """The latest import of a subunit's report that has no answer yet (or a sentence why there is none)."""
    own = ws.own_unit
    units = ws.hierarchy()
    if unit not in units or unit == own or not units.is_descendant(unit, own):
        raise WorkspaceError("«{unit}» không phải là đơn vị cấp dưới của «{own}».", unit=shown_code(unit), own=own)
    latest = ws.latest_import(unit, period)
    if latest is None:
        raise WorkspaceError("Chưa nhận tệp nộp nào của {unit} kỳ {period}; chỉ tiếp nhận hoặc trả lại báo cáo đã "
                             "nhập.", unit=unit, period=period)
    current = ws.current_status(unit, period, IN)
    if current is not None and current.status in rf.DECISIONS and current.revision == latest.revision:
        raise WorkspaceError("Lần nộp r{revision} của {unit} kỳ {period} đã được trả lời ({LABELS}); chờ đơn vị gửi "
                             "lần nộp mới.", revision=latest.revision, unit=unit, period=period,
                             LABELS=LABELS[current.status])
    return latest


def _target(out: str | Path, name: str) -> Path:
    """``-o`` names a folder (existing, or written with a trailing "/") for the usual name, or the file."""
    as_folder = str(out).endswith(("/", os.sep))
    out = Path(out)
    if as_folder or out.is_dir():
        out.mkdir(parents=True, exist_ok=True)
        return out / name
    return out


def answer(ws: Workspace, unit: str, period: str, decision: str, out: str | Path, *, reason: str = "",
           eml: bool = False) -> Answered:
    """Accept or return the latest revision received of a subunit's report; writes the reply file."""
    ws._writable()
    period = parse_period(period).code
    reason = rf.clean_reason(reason)
    if decision == RETURNED and not reason:
        raise WorkspaceError("Hãy ghi lý do trả lại báo cáo để đơn vị biết cần sửa gì.")
    if len(reason) > rf.MAX_REASON:
        raise WorkspaceError("Lý do dài {count} ký tự, quá giới hạn {MAX_REASON} ký tự.", count=len(reason),
                             MAX_REASON=rf.MAX_REASON)
    latest = _answerable(ws, unit, period)
    final = _target(out, rf.file_name(unit, period, latest.revision))
    refuse_own_file(ws.path, final)
    entries = {"format": rf.FORMAT, "decision": decision, "unit": unit, "parent": ws.own_unit, "period": period,
               "revision": latest.revision, "submission_sha256": latest.content_sha256, "reason": reason,
               "decided_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "app_version": __version__}
    data = rf.reply_bytes(entries)
    try:
        with ws.transaction():  # the step is kept only if its file is written
            ws.record_status(unit, period, decision, latest.revision, side=IN, reason=reason, file=final.name,
                             sha256=hashlib.sha256(data).hexdigest())
            write_output(final, data, overwrite=False)
    except FileExistsError:
        raise WorkspaceError("Đã có tệp «{name}»; tệp trả lời đã viết không bị ghi đè.", name=final.name) from None
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError("Không ghi được tệp trả lời: {reason}.", reason=failure_reason(exc)) from None
    draft = _write_eml(ws, unit, period, latest.revision, decision, reason, final) if eml else None
    return Answered(final, unit, period, latest.revision, decision, draft)


def _write_eml(ws: Workspace, unit: str, period: str, revision: int, decision: str, reason: str,
               attachment: Path) -> Path:
    from dtdesk.exchange.eml import draft, eml_path, greeting

    units = ws.hierarchy()
    below, above = units[unit], units[ws.own_unit]
    label = parse_period(period).label
    what = "tiếp nhận" if decision == rf.ACCEPTED else "trả lại"
    why = f" Lý do: {reason}" if reason else ""
    body = (f"{greeting(below.name)}\n\n{above.name} {what} báo cáo chuyển đổi số {label} của {below.name} "
            f"(lần nộp thứ {revision}).{why}\n\nTệp trả lời đính kèm: {attachment.name}; đơn vị mở bằng dtdesk, "
            "chọn «Nhập tệp» để xem.\n\nTrân trọng.\n")
    message = draft(below.email, above.email, f"{above.name} {what} báo cáo chuyển đổi số {label} của "
                    f"{below.name} (lần nộp {revision})", body, attachment, "json")
    try:
        return write_output(eml_path(attachment), message.as_bytes(), overwrite=False)
    except OSError as exc:
        raise WorkspaceError("Đã ghi tệp trả lời {name} nhưng không ghi được thư nháp .eml: {reason}.",
                             name=attachment.name, reason=os_reason(exc)) from None


# -- the unit's side ------------------------------------------------------------------


@dataclass
class ReplyOutcome:
    path: Path
    status: str
    message: Phrase  # said in the user's language where it is shown
    reply: rf.Reply | None = None


def _fits(ws: Workspace, reply: rf.Reply) -> Phrase | str | None:
    """DUPLICATE, a sentence why the reply does not answer what was sent from here, or None when it fits."""
    own = ws.own_unit
    units = ws.hierarchy()
    said = {"name": reply.name, "revision": reply.revision, "period": reply.period}
    if reply.unit != own or own not in units:
        return Phrase("Tệp «{name}» trả lời báo cáo của «{unit}», không phải của đơn vị của tệp dữ liệu này.",
                      unit=reply.unit, **said)
    if reply.parent != (units[own].parent or ""):
        return Phrase("Tệp «{name}» do «{parent}» gửi, không phải đơn vị cấp trên của {own}.", parent=reply.parent,
                      own=units[own].name, **said)
    if ws.report(own, reply.period) is None:
        return Phrase("Tệp «{name}» trả lời báo cáo kỳ {period}, nhưng ở đây chưa có báo cáo kỳ này.", **said)
    history = ws.status_history(own, reply.period, OUT)
    if any(step.sha256 == reply.file_sha256 for step in history):
        return DUPLICATE
    sent = {s["revision"]: s for s in ws.submissions(own, reply.period)}
    if reply.revision not in sent:
        return Phrase("Tệp «{name}» trả lời lần nộp r{revision} kỳ {period} mà tệp dữ liệu này chưa gửi.", **said)
    if sent[reply.revision]["content_sha256"] != reply.submission_sha256:
        return Phrase("Tệp «{name}» không khớp với lần nộp r{revision} kỳ {period} đã gửi từ đây.", **said)
    if reply.revision < max(sent):
        return Phrase("Tệp «{name}» trả lời lần nộp r{revision}, nhưng đã gửi lần nộp r{latest} sau đó; trạng thái "
                      "không đổi.", latest=max(sent), **said)
    if any(step.status in rf.DECISIONS and step.revision == reply.revision for step in history):
        return Phrase("Đã nhận trả lời cho lần nộp r{revision} kỳ {period}; tệp «{name}» không được nhập.", **said)
    return None


def _record(ws: Workspace, reply: rf.Reply) -> None:
    """The reply's step; a returned report is audited as reopened, and one reopened here stays open."""
    own, period = reply.unit, reply.period
    before = ws.current_status(own, period, OUT)
    at = now()
    ws.record_status(own, period, reply.decision, reply.revision, side=OUT, reason=reply.reason,
                     file=reply.path.name, sha256=reply.file_sha256, at=at)
    step = StatusEntry(reply.decision, reply.revision, reply.reason, at, "", "", "", OUT)
    if before is not None and before.status == DRAFT:
        ws.record_status(own, period, DRAFT, before.revision, side=OUT, at=at)
    elif reply.decision == RETURNED:
        ws._audit([(at, ws.user, own, period, STATUS_KEY, "", before.label if before else LABELS[DRAFT],
                    step.label, f"reply:{reply.file_sha256[:16]}")])


def import_reply(ws: Workspace, path: str | Path, *, dry_run: bool = False) -> ReplyOutcome:
    """Validate one reply file against what was sent from here and record it (not with ``dry_run``); never
    raises for the file."""
    path = Path(path)
    try:
        reply = rf.read_reply(path)
    except Rejected as exc:
        return ReplyOutcome(path, REJECTED, phrase(exc))
    if dry_run:
        problem = _fits(ws, reply)
    else:
        with ws.transaction():
            problem = _fits(ws, reply)
            if problem is None:
                _record(ws, reply)
    if problem == DUPLICATE:
        return ReplyOutcome(path, DUPLICATE, Phrase("Tệp «{name}» đã nhập trước đó.", name=reply.name), reply)
    if problem:
        return ReplyOutcome(path, REJECTED, problem, reply)
    return ReplyOutcome(path, IMPORTED, outcome_sentence(reply), reply)


def outcome_sentence(reply: rf.Reply) -> Phrase:
    if reply.decision == rf.ACCEPTED:
        return Phrase("Cấp trên ({parent}) đã tiếp nhận báo cáo kỳ {period} lần nộp r{revision} (tệp «{name}»).",
                      parent=reply.parent, period=reply.period, revision=reply.revision, name=reply.name)
    return Phrase("Cấp trên ({parent}) trả lại báo cáo kỳ {period} lần nộp r{revision}: {reason}. Báo cáo đã mở lại "
                  "để sửa và gửi lần nộp r{next}.", parent=reply.parent, period=reply.period,
                  revision=reply.revision, reason=reply.reason.rstrip("."), next=reply.revision + 1)


def reply_paths(paths) -> tuple[list[Path], list[Path]]:
    """(reply files, everything else) among the paths given; a folder gives its reply files and stays too."""
    replies, rest = [], []
    for p in map(Path, paths):
        if p.name.endswith(rf.SUFFIX):
            replies.append(p)
            continue
        rest.append(p)
        try:
            if p.is_dir():
                replies += sorted(c for c in p.iterdir() if c.name.endswith(rf.SUFFIX) and c.is_file())
        except OSError:
            pass
    return replies, rest

