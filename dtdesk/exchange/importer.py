"""Importing submission files: plan (preview) first, then one transaction.

:func:`plan_import` validates every file (:mod:`dtdesk.exchange.validate`),
checks it against the workspace (the unit is below the workspace's own unit,
the parent matches, the template is the one of the workspace's report, the
file is not a duplicate and not older than what was imported) and lists what
it would change: new units, values old → new, and conflicts with values that
were keyed or loaded here rather than imported. Nothing is written. A
batch's files are read through one untrusted connection, then judged against
what the workspace holds, asked once for all of them (:class:`Held`).

:func:`commit` applies the accepted plans in one transaction (re-checked
inside the transaction, oldest revision first; file by file only when the batch
fails on one file's rows) with the original file bytes in ``imports``, which
are the record of the values each file brought (audit rows only for the
values it replaced or removed: :mod:`dtdesk.exchange.history`). Imported values are
stored under the sending unit's code with ``source = 'import:<first 16 hex
digits of the file's SHA-256>'`` (``xlsx:…`` for a filled workbook:
:mod:`dtdesk.exchange.sources`), so the upper level's tables, sums and
drafted sentences read them like any other value of that unit.

Outcomes: ``imported``; ``duplicate`` (the same file, or the same revision with
the same content, was imported before: nothing changes, "đã nhập trước đó");
``rejected`` (one sentence says why; nothing changes).

A file from a unit this workspace does not list (a mistyped code, a unit that
is not ours) is planned and previewed with that unit among its new units, but
:func:`commit` refuses it unless new units are accepted explicitly
(``add_units``); a new unit named like one already here is flagged
(:attr:`FilePlan.clashes`). Every file is judged alone: whatever a hostile file
holds, it is refused with one sentence and the rest of the batch goes on.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import NamedTuple

from dtdesk.core.errors import phrase
from dtdesk.core.formats import date_short, nfc, printable, shown
from dtdesk.core.i18n import Phrase
from dtdesk.core.template import load_template
from dtdesk.core.units import Hierarchy, Unit, UnitError, check_placement
from dtdesk.core.values import Cell
from dtdesk.exchange import manifest as mf
from dtdesk.exchange.sources import entered_here, source_tag
from dtdesk.exchange.validate import (Rejected, Submission, UntrustedReader, as_path, file_label, period_of,
                                      read_submission)
from dtdesk.exchange.xlsx_layout import is_xlsx
from dtdesk.exchange.xlsx_import import read_xlsx
from dtdesk.store.imports import ImportedFile, LatestImport
from dtdesk.store.reports import key_for_unit  # noqa: F401 - where the import dialog and tests look for it
from dtdesk.store.workspace import Workspace, WorkspaceError, now

IMPORTED = "imported"
DUPLICATE = "duplicate"
REJECTED = "rejected"
PLANNED = "planned"


class Change(NamedTuple):
    unit: str
    key: str
    row: str
    old: object
    new: object
    old_source: str = ""

    @property
    def conflict(self) -> bool:
        """The value being replaced was entered here (typed, keyed, loaded), not brought by an earlier file or
        workbook of the unit nor carried over from the last period (:func:`~dtdesk.exchange.sources.entered_here`)."""
        return self.old is not None and entered_here(self.old_source)


@dataclass
class FilePlan:
    path: Path
    status: str = PLANNED
    said: str | Callable[[], str] = field(default="", repr=False)  # the message, or how to word it (see message)
    submission: Submission | None = None
    new_units: list[dict] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    snapshot: tuple[int, int] | None = None  # the workspace's state the plan was made against
    clashes: list[tuple[dict, str]] = field(default_factory=list)  # (new unit, code of the unit here of that name)

    @property
    def message(self) -> str:
        """A Phrase: the window and the command line say it in the user's language.

        An imported file's message is worded the first time it is read, not
        while the file is written: wording it (and the label inside it) took a
        sixth of the commit's time, all of it inside the write transaction.
        """
        if callable(self.said):
            self.said = self.said()
        return self.said

    @message.setter
    def message(self, value: str) -> None:
        self.said = value

    @property
    def name(self) -> str:
        """The file's name as it may be shown."""
        return file_label(self.path)

    @property
    def conflicts(self) -> list[Change]:
        return [c for c in self.changes if c.conflict]

    @property
    def unknown_unit(self) -> bool:
        """The reporting unit itself is not in this workspace's list: importing it needs consent."""
        return self.submission is not None and any(u["code"] == self.submission.unit for u in self.new_units)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the submission files (``*.dtdesk.sqlite``) inside folders named."""
    out: list[Path] = []
    for p in map(Path, paths):
        try:
            folder = p.is_dir()
        except OSError:  # a name too long for the system: judged as a file, it is refused with a sentence
            folder = False
        if folder:
            out += sorted(c for c in p.iterdir() if c.name.endswith(mf.SUFFIX) and c.is_file())
        else:
            out.append(p)
    return out


class ImportContext:
    """What the checks need to know about the workspace, read once per batch (the CLI's or the dialog's)."""

    def __init__(self, ws: Workspace):
        self.own = ws.own_unit
        if not self.own:
            raise WorkspaceError("Tệp dữ liệu chưa có đơn vị báo cáo nên không biết nhập tệp của đơn vị nào.")
        self.units: Hierarchy = ws.hierarchy()
        if self.own not in self.units:
            raise WorkspaceError("Tệp dữ liệu không có đơn vị «{own}» của mình.", own=self.own)
        self.snapshot = ws.snapshot()  # planning writes nothing, so one snapshot serves the batch
        self.retired, self.merged = ws.retired(), ws.merged()
        self.templates = {r.period: (r.template_id, r.template_version) for r in ws.reports(self.own)}

    @cached_property
    def names(self) -> dict[str, str]:
        """The units here by name as :func:`_name_key` compares them, built once for the batch: {name key: code}."""
        return {_name_key(u.name): u.code for u in self.units.units.values()}


class Held:
    """What the workspace holds that files are judged against, asked once for a whole batch.

    Which of the files were imported before, the latest revision imported of
    each file's report and the values its units have here: three questions a
    file, asked in one query each (per period) for all the files of a batch
    (planning writes nothing, so the answers hold for every file of it).
    ``known`` answers which of their units are listed here.
    """

    def __init__(self, ws: Workspace, subs: list[Submission], known: Container[str]):
        self.known = known
        self.imported = ws.imported_among(sub.sha256 for sub in subs)
        self.latest: dict[tuple[str, str], LatestImport] = {}
        self.values: dict[tuple[str, str], dict[Cell, tuple[object, str]]] = {}  # {(unit, period): {cell: …}}
        periods: dict[str, list[Submission]] = {}
        for sub in subs:
            periods.setdefault(sub.period, []).append(sub)
        for period, of_period in periods.items():
            latest = ws.latest_imports_of(period, {sub.unit for sub in of_period})
            self.latest.update(((unit, period), revision) for unit, revision in latest.items())
            units = {u["code"] for sub in of_period for u in sub.units}
            for cell, value in ws.values_with_source(period, units).items():
                self.values.setdefault((cell[0], period), {})[cell] = value

    def values_of(self, sub: Submission) -> dict[Cell, tuple[object, str]]:
        """The values here of the file's units for its period, with their sources."""
        old: dict[Cell, tuple[object, str]] = {}
        for unit in sub.units:
            old.update(self.values.get((unit["code"], sub.period), {}))
        return old


def _imported(held: Held, sub: Submission) -> Phrase | str | None:
    """DUPLICATE, or a rejection sentence, or None when the file is new and not older.

    A workbook has no revision: it is new unless these very bytes were imported (one that changes nothing is
    a duplicate too, :func:`_plan`), and the revisions of submission files are compared among themselves.
    """
    if sub.sha256 in held.imported:
        return DUPLICATE
    latest = None if sub.workbook else held.latest.get((sub.unit, sub.period))
    if latest is None:
        return None
    revision, content = latest.revision, latest.content_sha256
    if sub.revision < revision:
        return Phrase("Đã nhập lần nộp r{revision} của {unit} kỳ {period}; tệp này là lần nộp r{file_revision} cũ "
                      "hơn nên không được nhập.", revision=revision, unit=sub.unit, period=sub.period,
                      file_revision=sub.revision)
    if sub.revision == revision:
        if content == sub.content_sha256:
            return DUPLICATE
        return Phrase("Đã nhập lần nộp r{revision} của {unit} kỳ {period} với nội dung khác; đơn vị cần xuất lại "
                      "tệp thành lần nộp mới.", revision=revision, unit=sub.unit, period=sub.period)
    return None


def _judge(held: Held, plan: FilePlan) -> bool:
    """Whether a file read and placed is new and not older than what was imported; then its new units and changes.

    Otherwise its status and message say it is a duplicate or why it is refused.
    """
    seen = _imported(held, plan.submission)
    if seen == DUPLICATE:
        plan.status, plan.message = DUPLICATE, _imported_before(plan)
        return False
    if seen:
        plan.status, plan.message = REJECTED, Phrase("Tệp «{name}»: {reason}.", name=plan.name, reason=seen)
        return False
    plan.new_units = _new_units(held, plan.submission)
    plan.changes = _diff(held, plan.submission)
    return True


def _check_place(ctx: ImportContext, sub: Submission) -> None:
    name, units, own = file_label(sub.path), ctx.units, ctx.own
    own_name = units[own].name
    if sub.unit == own:  # only its workbook, filled in by its bodies: what it may change is _check_bodies_only's
        if sub.covers is None:
            raise Rejected("Tệp «{name}» là báo cáo của chính {own_name}; chỉ nhập tệp của đơn vị cấp dưới.",
                           name=name, own_name=own_name)
    elif sub.unit in units:
        known_parent = units[sub.unit].parent or ""
        if not units.is_descendant(sub.unit, own):
            raise Rejected("Tệp «{name}» là báo cáo của «{unit}», không phải đơn vị cấp dưới của {own_name}.",
                           name=name, unit=sub.unit, own_name=own_name)
        if not units[sub.unit].admin:
            raise Rejected("Tệp «{name}» là báo cáo của «{unit}», nhưng ở đây «{unit}» là một cơ quan chứ không phải "
                           "đơn vị hành chính gửi báo cáo.", name=name, unit=sub.unit)
        if known_parent != sub.parent:
            raise Rejected("Tệp «{name}» ghi «{unit}» thuộc «{parent}», nhưng ở đây đơn vị này thuộc "
                           "«{known_parent}».", name=name, unit=sub.unit, parent=sub.parent, known_parent=known_parent)
        _check_still_reporting(ctx, sub, name)
    elif not (sub.parent == own or (sub.parent in units and units.is_descendant(sub.parent, own))):
        raise Rejected("Tệp «{name}» là báo cáo của «{unit}» (cấp trên «{parent}»), không phải đơn vị cấp dưới của "
                       "{own_name}.", name=name, unit=sub.unit, parent=sub.parent, own_name=own_name)
    else:
        reporting = next(u for u in sub.units if u["code"] == sub.unit)
        try:
            check_placement(Unit(**reporting), units[sub.parent])
        except UnitError as exc:
            raise Rejected("Tệp «{name}»: {reason}.", name=name, reason=exc) from None
    for u in sub.units:
        if u["code"] != sub.unit and u["code"] in units and units[u["code"]].parent != sub.unit:
            raise Rejected("Tệp «{name}» ghi «{body}» là cơ quan của «{unit}», nhưng ở đây không phải.", name=name,
                           body=u['code'], unit=sub.unit)
    expected = ctx.templates.get(sub.period)
    if expected and expected != (sub.template_id, sub.template_version):
        raise Rejected("Tệp «{name}» dùng mẫu {template_id} phiên bản {template_version}, khác mẫu {expected} phiên "
                       "bản {expected_version} của báo cáo kỳ {period} ở đây.", name=name, template_id=sub.template_id,
                       template_version=sub.template_version, expected=expected[0], expected_version=expected[1],
                       period=sub.period)


def _check_still_reporting(ctx: ImportContext, sub: Submission, name: str) -> None:
    """A unit retired or merged away before the file's period no longer reports: its figures would count nowhere
    (the period's totals list only the units in use), so the file is refused and says who reports instead."""
    since, period = ctx.retired.get(sub.unit), period_of(sub.period)
    if since is None or since > period.start:
        return
    unit, into = ctx.units[sub.unit].name, ctx.merged.get(sub.unit)
    if into:
        raise Rejected("Tệp «{name}» là báo cáo kỳ {period} của {unit}, nhưng {unit} đã gộp vào {into} từ ngày "
                       "{since}: báo cáo kỳ này do {into} gửi.", name=name, period=period.label,
                       unit=unit, into=ctx.units[into].name, since=date_short(since))
    raise Rejected("Tệp «{name}» là báo cáo kỳ {period} của {unit}, nhưng {unit} đã thôi dùng từ ngày {since}.",
                   name=name, period=period.label, unit=unit, since=date_short(since))


def _check_bodies_only(ctx: ImportContext, plan: FilePlan) -> None:
    """The own unit's workbook brings only the rows its bodies filled in (a body answering in Excel).

    Its own figures and its subunits' figures are the clerk's here, and it
    brings no unit not listed here: a workbook that changes one of them (or
    names such a unit) is refused whole,
    with the first such cell named, rather than imported in part, so that
    nothing the body typed is silently dropped and nothing kept here is
    silently overwritten. Cells it leaves as they are do not matter.
    """
    own_name = ctx.units[ctx.own].name
    if plan.new_units:
        raise Rejected("Tệp «{name}» là biểu chi tiết của chính {own_name} nhưng ghi đơn vị «{unit}» không có ở đây.",
                       name=plan.name, own_name=own_name, unit=printable(plan.new_units[0]["code"]))
    bodies = {u.code for u in ctx.units.bodies(ctx.own)}
    if stray := next((c for c in plan.changes if c.unit not in bodies), None):
        sub = plan.submission  # its template was loaded to read it: the value is named as the forms name it
        label = load_template(sub.template_id, sub.template_version).value_label(stray.key, stray.row)
        raise Rejected("Tệp «{name}» là biểu chi tiết của chính {own_name} nhưng sửa số liệu «{label}» của «{unit}»; "
                       "chỉ nhận các dòng do cơ quan của {own_name} điền, số liệu khác sửa tại đây.", name=plan.name,
                       own_name=own_name, label=label, unit=ctx.units[stray.unit].name)


def _diff(held: Held, sub: Submission) -> list[Change]:
    old = held.values_of(sub)
    if sub.covers is not None:  # an Excel answer changes the cells it holds, nothing else
        old = {cell: before for cell, before in old.items() if cell in sub.covers}
    # texts in NFC, an empty text no value
    new = {(u, k, r): (nfc(v) or None) if type(v) is str else v for u, _p, k, r, v in sub.values}
    if not old:  # nothing here yet (a unit's first import): every value is new
        return [Change(u, k, r, None, after) for (u, k, r), after in sorted(new.items()) if after is not None]
    changes = []
    for cell in sorted(old.keys() | new.keys()):
        before, source = old.get(cell, (None, ""))
        after = new.get(cell)
        if before == after and type(before) is type(after):
            continue
        changes.append(Change(*cell, before, after, source))
    return changes


def _new_units(held: Held, sub: Submission) -> list[dict]:
    return sorted((u for u in sub.units if u["code"] not in held.known), key=lambda u: u["code"] != sub.unit)


def _name_key(name: str) -> str:
    return " ".join(nfc(name).casefold().split())


def _clashes(ctx: ImportContext, new_units: list[dict]) -> list[tuple[dict, str]]:
    """New units named like a unit already here ("HA-CATBl" called "Phường Cát Bi", as HA-CATBI is)."""
    return [(u, ctx.names[_name_key(u["name"])]) for u in new_units if _name_key(u["name"]) in ctx.names]


# What the checks may raise on a file that is hostile in a way no check foresaw: the file is refused all the same,
# with a sentence the tests recognise (they require that no file of their corpus ever reaches it).
UNFORESEEN = "không đọc được (lỗi chưa lường trước)"


def _imported_before(plan: FilePlan) -> Phrase:
    return Phrase("Tệp «{name}» ({label}) đã nhập trước đó.", name=plan.name, label=plan.submission.label)


def read_received(ws: Workspace, path: str | Path, data: bytes | None = None,
                  reader: UntrustedReader | None = None) -> Submission:
    """A submission file or a filled workbook (by its name), validated; ``data``: its bytes, as kept here;
    ``reader``: the batch's connection for reading submission files, if it has one."""
    return read_xlsx(ws, path, data) if is_xlsx(path) else read_submission(path, data, reader)


def _read(ws: Workspace, ctx: ImportContext, path: Path, reader: UntrustedReader | None) -> FilePlan:
    """A file's plan as far as its own content and the units here decide: read, validated and placed."""
    plan = FilePlan(as_path(path))
    try:
        sub = read_received(ws, plan.path, reader=reader)
        plan.submission = sub
        _check_place(ctx, sub)
    except Rejected as exc:
        plan.status, plan.message = REJECTED, phrase(exc)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, UnitError, OSError):
        plan.status, plan.message = REJECTED, Phrase("Tệp «{name}» không đọc được (lỗi chưa lường trước).",
                                                     name=plan.name)
    return plan


def _plan(ctx: ImportContext, held: Held, plan: FilePlan) -> None:
    """The rest of a read file's plan: what it would change here, judged against what the workspace holds."""
    if not _judge(held, plan):
        return
    sub = plan.submission
    plan.clashes = _clashes(ctx, plan.new_units)
    plan.snapshot = ctx.snapshot
    if sub.unit == ctx.own:
        try:
            _check_bodies_only(ctx, plan)
        except Rejected as exc:
            plan.status, plan.message = REJECTED, phrase(exc)
            return
    if sub.workbook and not plan.changes and not plan.new_units:  # an Excel answer has no revision
        plan.status, plan.message = DUPLICATE, Phrase("Tệp «{name}» không có số liệu nào khác với số liệu ở đây.",
                                                      name=plan.name)


def plan_file(ws: Workspace, ctx: ImportContext, path: Path) -> FilePlan:
    """One file's plan, the workspace asked for it alone (the dialog plans one file a turn of its event loop)."""
    plan = _read(ws, ctx, path, None)
    if plan.status == PLANNED:
        _plan(ctx, Held(ws, [plan.submission], ctx.units), plan)
    return plan


@contextmanager
def _batch_allocations() -> Iterator[None]:
    """No cyclic garbage collection while a batch is planned or written.

    A batch of a thousand files builds some 300 000 small lists, dicts and
    tuples (rows, values, changes) that live until the batch ends and form no
    cycles; the collector walked them again and again as they grew (3 % of
    the import's instructions at a thousand files; paused, what is left is
    the one collection after the batch, half of that). Reference counting
    still frees everything as before.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def plan_import(ws: Workspace, paths: Iterable[str | Path]) -> list[FilePlan]:
    """Validate and preview every file; writes nothing.

    The files are read through one connection, then the workspace is asked
    once for all of them what it holds (:class:`Held`).
    """
    ctx = ImportContext(ws)
    with _batch_allocations(), UntrustedReader() as reader:
        plans = [_read(ws, ctx, path, reader) for path in expand_paths(paths)]
        read = [plan for plan in plans if plan.status == PLANNED]
        held = Held(ws, [plan.submission for plan in read], ctx.units)
        for plan in read:
            _plan(ctx, held, plan)
    return plans


def unknown_unit_message(plan: FilePlan) -> Phrase:
    """Why a file from a unit not listed here is not imported without consent."""
    sub = plan.submission
    unit = next(u for u in plan.new_units if u["code"] == sub.unit)
    clash = next((code for u, code in plan.clashes if u is unit), None)
    same = Phrase(", trùng tên với đơn vị «{clash}» đã có", clash=clash) if clash else ""
    return Phrase("Tệp «{name}» là báo cáo của đơn vị «{unit}» ({unit_name}{same}), chưa có trong danh sách đơn vị ở "
                  "đây; chỉ nhập khi đã kiểm tra và chấp nhận thêm đơn vị mới.", name=plan.name, unit=sub.unit,
                  unit_name=shown(unit["name"], 60), same=same)


def _apply(ws: Workspace, plan: FilePlan, keep_local: bool, at: str, fresh: bool, own_unit: str) -> None:
    """Write one file's plan; ``fresh`` when nothing it reads has changed since it was planned."""
    sub = plan.submission
    if not fresh and not _judge(Held(ws, [sub], ws.known_units(u["code"] for u in sub.units)), plan):
        return
    applied = [(c.unit, c.key, c.row, c.old, c.new) for c in plan.changes if not (keep_local and c.conflict)]
    own = sub.unit == own_unit  # the bodies' rows of the own report's workbook leave its state alone
    # a workbook brings a report row only where there is none (its dates are those it was exported with)
    report = None if own or (sub.workbook and ws.report(sub.unit, sub.period)) else sub.report
    ws.write_import(_kept(plan), plan.new_units, report, applied, source_tag(sub.sha256, workbook=sub.workbook), at,
                    received=not own)
    plan.status = IMPORTED
    plan.message = partial(imported_message, plan, len(applied))


def imported_message(plan: FilePlan, changed: int) -> Phrase:
    """What importing the file did: ``changed`` values written, its new units and its conflicts."""
    return Phrase("Đã nhập «{name}» ({label}): {changed} số liệu thay đổi, {new} đơn vị mới, {conflicts} xung đột "
                  "với số liệu nhập tại đây.", name=plan.name, label=plan.submission.label, changed=changed,
                  new=len(plan.new_units), conflicts=len(plan.conflicts))


def _kept(plan: FilePlan) -> ImportedFile:
    """The file as the workspace keeps it."""
    sub = plan.submission
    return ImportedFile(sub.sha256, sub.content_sha256, plan.path.name, sub.unit, sub.period, sub.revision,
                        sub.template_id, sub.template_version, sub.manifest["app_version"],
                        sub.manifest["exported_at"], sub.original)


def commit(ws: Workspace, plans: list[FilePlan], *, keep_local: bool = False,
           add_units: bool = False) -> list[FilePlan]:
    """Apply the accepted plans in one transaction; updates each plan's status and message.

    With ``keep_local`` a value entered here that the file would change is kept
    (the conflict stays listed); by default the unit's own submission wins and
    the replaced value stays in the audit. A value an earlier file or workbook
    of the unit brought is no conflict and is replaced either way
    (:func:`~dtdesk.exchange.sources.entered_here`). A file from a unit not listed here is
    refused unless ``add_units`` accepts its new units.
    """
    for plan in plans:
        if plan.status == PLANNED and plan.unknown_unit and not add_units:
            plan.status, plan.message = REJECTED, unknown_unit_message(plan)
    todo = sorted((p for p in plans if p.status == PLANNED),
                  key=lambda p: (p.submission.unit, p.submission.period, p.submission.revision))
    if not todo:
        return plans
    at = now()
    try:
        try:
            with _batch_allocations():
                _write(ws, todo, keep_local, at, one_by_one=False)
        except sqlite3.IntegrityError:  # one file's rows broke a constraint: the batch again, each file alone
            _reset(todo)
            _write(ws, todo, keep_local, at, one_by_one=True)
    except BaseException:
        _reset(todo)
        raise
    return plans


def _reset(todo: list[FilePlan]) -> None:
    """Plans back to planned after their transaction was rolled back (nothing of it was written)."""
    for plan in todo:
        plan.status, plan.message = PLANNED, ""


def _write(ws: Workspace, todo: list[FilePlan], keep_local: bool, at: str, *, one_by_one: bool) -> None:
    """Write the plans in one transaction.

    A batch is written as it comes: a savepoint per file would make SQLite
    copy every page the file touches into a statement journal (nine page
    writes in ten of a thousand-file import). Only when that fails on a
    constraint is the batch written again ``one_by_one``, each file in its own
    savepoint, so that the file at fault is refused with its sentence and the
    rest is imported; a full, read-only or damaged workspace fails the whole
    batch instead.
    """
    with ws.transaction():
        unchanged, own_unit = ws.snapshot(), ws.own_unit
        touched: set[tuple[str, str]] = set()  # (unit, period) and ("sha", file hash) written in this batch
        for plan in todo:
            sub = plan.submission
            keys = {(u["code"], sub.period) for u in sub.units} | {("sha", sub.sha256)}
            fresh = plan.snapshot == unchanged and not keys & touched
            touched |= keys
            if not one_by_one:
                _apply(ws, plan, keep_local, at, fresh, own_unit)
                continue
            try:
                with ws.savepoint():
                    _apply(ws, plan, keep_local, at, fresh, own_unit)
            except sqlite3.IntegrityError as exc:
                plan.status = REJECTED
                plan.message = Phrase("Tệp «{name}» không nhập được vào tệp dữ liệu: {reason}.", name=plan.name,
                                      reason=exc)


def import_files(ws: Workspace, paths: Iterable[str | Path], *, keep_local: bool = False,
                 add_units: bool = False) -> list[FilePlan]:
    """Plan and commit: the whole import of ``dtdesk import``."""
    return commit(ws, plan_import(ws, paths), keep_local=keep_local, add_units=add_units)
