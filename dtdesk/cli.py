"""The ``dtdesk`` command line (DESIGN.md §3).

Exit status: 0 success; 1 the data breaks hard rules (``check``) or a file was
rejected (``import``); 2 bad usage, an unreadable or foreign file. Errors are
one sentence on stderr, never a traceback: every expected failure is a
:class:`CommandError` or :class:`WorkspaceError` carrying that sentence.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from dtdesk import __version__
from dtdesk.core.formats import os_reason
from dtdesk.store.workspace import Workspace, WorkspaceError


class CommandError(Exception):
    """A failure the user can fix; ``status`` is the exit code."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: one line, exit 2
        self.exit(2, f"dtdesk: {message}. Xem «dtdesk --help».\n")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func

    return register


@contextmanager
def writing(path):
    """Writing an output file: a full disk or a missing folder is one sentence, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise CommandError(f"Không ghi được tệp «{path}»: {os_reason(exc)}.") from None


def output_arg(args) -> Path:
    """The ``-o`` file, refused when it is the workspace, its -wal/-shm, its lock or one of its backups."""
    from dtdesk.store.backup import refuse_own_file

    refuse_own_file(args.workspace, args.output)
    return Path(args.output)


def _printable(text: str, limit: int = 60) -> str:
    """``text`` as it may be quoted in one sentence: unprintable characters as "?", cut with "…" when long."""
    return "".join(c if c.isprintable() else "?" for c in text[:limit]) + ("…" if len(text) > limit else "")


def _quoted(path) -> str:
    """A path as it may be quoted in one sentence: its name, short and printable."""
    return _printable(Path(os.fsdecode(path)).name if path else "")


def database_failure(exc: sqlite3.Error, workspace) -> str:
    """One sentence for a failure SQLite reports on the workspace (its own words would hide what to do)."""
    text, name = str(exc).lower(), _quoted(workspace)
    if "full" in text:
        return f"Ổ đĩa đã đầy nên không ghi được vào tệp «{name}»; tệp vẫn như trước khi chạy lệnh."
    if "readonly" in text or "read-only" in text:
        return f"Tệp «{name}» hoặc thư mục chứa nó chỉ cho phép đọc; không ghi được thay đổi."
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"Tệp «{name}» đã bị hỏng; hãy khôi phục từ bản sao lưu (dtdesk restore)."
    return f"Không dùng được tệp «{name}»: {exc}."


def file_failure(exc: OSError) -> str:
    return f"Không đọc hoặc ghi được «{_quoted(exc.filename)}»: {os_reason(exc)}."


def open_workspace(path: str, *, read_only: bool = False) -> Workspace:
    """Commands that only read open read-only: no lock, no daily backup, and they work beside an open app."""
    return Workspace.open(Path(path), read_only=read_only)


# -- commands ---------------------------------------------------------------


@command("demo")
def _demo(args) -> int:
    from dtdesk.store.demo import create_demo

    create_demo(Path(args.workspace)).close()
    print(f"Đã tạo tệp mẫu {args.workspace}: quận Hải An, kỳ 2022-Q1, cùng 8 phường.")
    return 0


@command("new")
def _new(args) -> int:
    from dtdesk.core.periods import PeriodError, default_period, parse_period
    from dtdesk.core.units import UnitError
    from dtdesk.store.reports import start_report

    try:
        units = _office_units(args)
        period = parse_period(args.period) if args.period else default_period()
    except (UnitError, PeriodError) as exc:
        raise CommandError(str(exc)) from None
    own = next(u for u in units if u.code in (args.unit, official_code_or(args.unit)))
    path = Path(args.workspace)
    with Workspace.create(path) as ws:
        ws.set_up_office(units, own.code)
        start_report(ws, own.code, period.code)
        subunits = len(ws.hierarchy().subunits(own.code))
    below = f", cùng {subunits} đơn vị cấp dưới" if subunits else ""
    print(f"Đã tạo tệp {path.name}: {own.name} (mã {own.code}){below}; báo cáo {period.label}.")
    return 0


def official_code_or(code: str) -> str:
    """The official code written in full ("1" → "01"), or the code as typed when it is no official code."""
    from dtdesk.core.official import official_code

    return official_code(code) or code


def _office_units(args) -> list:
    """The units ``dtdesk new`` creates: an official unit and its province or communes, or a unit of one's own."""
    from dtdesk.core.official import office_units, official_unit
    from dtdesk.core.units import Unit, UnitError, check_tree

    if not args.name:
        if args.kind or args.parent:
            raise CommandError("Đơn vị tự khai cần có tên (--name); đơn vị trong danh mục chính thức chỉ cần mã.")
        return office_units(args.unit)
    if not args.kind:
        raise CommandError("Hãy cho biết loại đơn vị (--kind), ví dụ ward, commune, district, department.")
    try:
        taken = official_unit(args.unit)
    except UnitError:
        taken = None
    if taken is not None:
        raise CommandError(f"Mã «{args.unit}» là mã chính thức của {taken.name}; hãy chọn mã khác.")
    above = []
    if args.parent:
        above = office_units(args.parent)
        above = above[:1] if above[0].code == official_code_or(args.parent) else above
    parent = above[-1].code if above else None
    units = [*above, Unit(args.unit, args.name, args.kind, parent, args.short or "", position=1)]
    check_tree(units)
    return units


@command("units")
def _units(args) -> int:
    if args.official is not None:
        return _official_units(args.official)
    if not args.workspace:
        raise CommandError("Hãy cho biết tệp dữ liệu, hoặc dùng --official để xem danh mục chính thức.")
    if args.action:
        return _change_unit(args)
    from dtdesk.core.formats import date_short

    with open_workspace(args.workspace, read_only=True) as ws:
        retired = ws.retired()
        for unit in ws.hierarchy().walk():
            gone = f"\tthôi dùng từ {date_short(retired[unit.code])}" if unit.code in retired else ""
            print(f"{unit.code}\t{unit.name}\t{unit.kind}\t{unit.parent or ''}{gone}")
    return 0


def _official_units(province: str) -> int:
    """The official provinces, or one province's communes: code, name, kind."""
    from dtdesk.core.official import communes, provinces
    from dtdesk.core.units import UnitError

    try:
        units = communes(official_code_or(province)) if province else provinces()
    except UnitError as exc:
        raise CommandError(str(exc)) from None
    for unit in units:
        print(f"{unit.code}\t{unit.name}\t{unit.kind}")
    return 0


def _change_unit(args) -> int:
    from dtdesk.core.units import UnitError

    if not args.code:
        raise CommandError(f"Hãy cho biết mã đơn vị cần {_ACTIONS[args.action]}.")
    with open_workspace(args.workspace) as ws:
        if ws.read_only:
            raise CommandError(ws.notice)
        try:
            unit = _UNIT_CHANGES[args.action](ws, args)
        except UnitError as exc:
            raise CommandError(str(exc)) from None
    print(f"Đã {_ACTIONS[args.action]} {unit.name} (mã {unit.code}).")
    return 0


def _add_unit(ws, args):
    from dtdesk.store.reports import define_unit

    if not (args.name and args.kind):
        raise CommandError("Đơn vị mới cần có tên (--name) và loại (--kind).")
    return define_unit(ws, args.code, args.name, args.kind, args.parent or "", args.short or "")


def _rename_unit(ws, args):
    from dtdesk.store.reports import rename_unit

    if not args.name:
        raise CommandError("Hãy cho biết tên mới (--name).")
    return rename_unit(ws, args.code, args.name, args.short)


def _move_unit(ws, args):
    from dtdesk.store.reports import move_unit

    if args.parent is None:
        raise CommandError("Hãy cho biết đơn vị cấp trên mới (--parent; để trống nếu không có).")
    return move_unit(ws, args.code, args.parent or None)


def _retire_unit(ws, args):
    from dtdesk.core.periods import default_period
    from dtdesk.store.reports import retire_unit

    return retire_unit(ws, args.code, args.period or default_period().code)


_ACTIONS = {"add": "thêm", "rename": "đổi tên", "move": "chuyển", "retire": "thôi dùng"}
_UNIT_CHANGES = {"add": _add_unit, "rename": _rename_unit, "move": _move_unit, "retire": _retire_unit}


@command("settings")
def _settings(args) -> int:
    """List the template's workspace settings (name, value, what it is), or set one."""
    from dtdesk.core.template import load_template
    from dtdesk.core.units import shown_code
    from dtdesk.store.reports import DEFAULT_TEMPLATE

    with open_workspace(args.workspace, read_only=args.name is None) as ws:
        latest = ws.reports(ws.own_unit or None) or ws.reports()
        template = load_template(*((latest[-1].template_id, latest[-1].template_version) if latest else DEFAULT_TEMPLATE))
        known = {s.id: s for s in template.settings}
        if args.name is None:
            values = ws.settings()
            for s in template.settings:
                print(f"{s.id}\t{values.get(s.id) or s.default}\t{s.label}")
            return 0
        if args.name not in known:
            raise CommandError(f"Mẫu báo cáo không có thiết lập «{shown_code(args.name)}»; có: {', '.join(known)}.")
        if ws.read_only:
            raise CommandError(ws.notice)
        ws.set_setting(args.name, " ".join((args.value or "").split()))
    print(f"Đã đặt «{known[args.name].label}»: {args.value or known[args.name].default}.")
    return 0


def read_report(args):
    """The report named by --unit/--period (defaults: own unit, latest period), read whole."""
    from dtdesk.store.reports import report_data, resolve

    with open_workspace(args.workspace, read_only=True) as ws:
        info = resolve(ws, args.unit, args.period)
        return info, report_data(ws, info)


@command("render")
def _render(args) -> int:
    from dtdesk.core.compose import compose
    from dtdesk.core.files import output_file as atomic_file
    from dtdesk.exchange.verification import report_code
    from dtdesk.render.pdf import render_pdf
    from dtdesk.store.reports import report_data, resolve

    out = output_arg(args)
    with open_workspace(args.workspace, read_only=True) as ws:  # the data and its code from one reading
        info = resolve(ws, args.unit, args.period)
        data, code = report_data(ws, info), report_code(ws, info.unit, info.period)
    document = compose(data)
    with writing(out), atomic_file(out) as handle:
        pages = render_pdf(document, handle, code=code)
    print(f"Đã in báo cáo {info.unit} kỳ {info.period} ra {out} ({pages} trang, mã xác thực {code}).")
    return 0


@command("verify-code")
def _verify_code(args) -> int:
    from dtdesk.core.periods import PeriodError, parse_period
    from dtdesk.core.units import shown_code
    from dtdesk.exchange.verification import describe, find, parse_code

    code = parse_code(args.code)
    with open_workspace(args.workspace, read_only=True) as ws:
        units = ws.hierarchy()
        if args.unit and args.unit not in units:
            raise CommandError(f"Không có đơn vị mã «{shown_code(args.unit)}» trong tệp.")
        try:
            period = parse_period(args.period).code if args.period else None
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        matches = find(ws, code, args.unit, period)
        names = {unit.code: unit.name for unit in units.walk()}
    for line in describe(code, matches, names):
        print(line)
    return 0 if matches else 1


@command("check")
def _check(args) -> int:
    from dtdesk.core.rules import check

    info, data = read_report(args)
    problems = check(data)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        print(f"{'LỖI' if problem.is_error else 'Cảnh báo'}: {problem.message}")
    print(f"Báo cáo {info.unit} kỳ {info.period}: {len(errors)} lỗi, {len(problems) - len(errors)} cảnh báo.")
    return 1 if errors else 0


@command("open")
def _open(args) -> int:
    from dtdesk.gui.app import run

    return run(args.workspace, args.section)


@command("backup")
def _backup(args) -> int:
    from dtdesk.store.backup import backup_dir, failure_reason, list_backups, make_backup

    path = Path(args.workspace)
    with Workspace.open(path, backup=False) as ws:  # read-only if in use: a consistent copy all the same
        try:
            made = make_backup(ws.conn, path, kind="manual", keep=args.keep)
        except (OSError, sqlite3.Error) as exc:
            raise CommandError(f"Không sao lưu được tệp «{path.name}»: {failure_reason(exc)}.") from None
    print(f"Đã sao lưu {path.name} vào {made}.")
    backups = list_backups(path)
    print(f"Các bản sao lưu trong {backup_dir(path)} ({len(backups)}, mới nhất trước):")
    for b in backups:
        print(f"{b.path.name}\t{b.label}")
    return 0


@command("restore")
def _restore(args) -> int:
    from dtdesk.store.backup import failure_reason, restore

    path, source = Path(args.workspace), Path(args.backup)
    try:
        saved = restore(path, source)
    except (OSError, sqlite3.Error) as exc:
        raise CommandError(f"Không khôi phục được tệp «{path.name}»: {failure_reason(exc)}.") from None
    if saved:
        print(f"Đã lưu trạng thái hiện tại vào {saved}.")
    print(f"Đã khôi phục {path.name} từ {source.name}.")
    return 0


@command("_edit-loop")
def _edit_loop(args) -> int:
    """Crash-test worker: edit through ReportSession.edit (the GUI's path), acknowledge each edit on stdout."""
    from dtdesk.store.reports import resolve
    from dtdesk.core.values import Cell
    from dtdesk.store.session import ReportSession

    ws = Workspace.open(Path(args.workspace), backup=False)
    if ws.read_only:
        raise CommandError(ws.notice)
    session = ReportSession(ws, resolve(ws, None, None))
    fields = [f for f in session.template.section("dvc").fields if f.type == "int" and not f.computed]
    cells = [Cell(session.info.unit, f"dvc.{f.id}") for f in fields]
    print(f"ready {len(cells)}", flush=True)
    value = args.start
    while args.count <= 0 or value < args.start + args.count:
        cell = cells[value % len(cells)]
        session.edit(cell, f"{value:,}".replace(",", "."))  # typed the Vietnamese way: "1.671"
        print(f"ack {cell.key} {value}", flush=True)
        value += 1
    ws.close()
    return 0


# -- exchange (dtdesk.exchange) ------------------------------------------------


@command("export")
def _export(args) -> int:
    from dtdesk.exchange.export import export_report
    from dtdesk.store.reports import resolve

    with open_workspace(args.workspace) as ws:
        info = resolve(ws, args.unit, args.period)
        if getattr(args, "eml", False):
            from dtdesk.exchange.eml import address_notice

            if notice := address_notice(ws, info.unit):
                print(f"Lưu ý: {notice}", file=sys.stderr)
        result = export_report(ws, info.unit, info.period, args.output, eml=getattr(args, "eml", False))
    print(f"Đã xuất báo cáo {result.unit} kỳ {result.period} lần nộp r{result.revision} ra {result.path} "
          f"({result.values} số liệu, SHA-256 {result.sha256[:16]}…).")
    if result.eml:
        print(f"Thư nháp kèm tệp: {result.eml}")
    return 0


@command("key")
def _key(args) -> int:
    """A subunit's figures keyed here from its paper report (``source = 'keyed'``; ``status`` shows it)."""
    from dtdesk.store.reports import key_for_unit, resolve
    from dtdesk.store.session import ReportSession

    with open_workspace(args.workspace) as ws:
        if ws.read_only:
            raise CommandError(f"Tệp «{Path(args.workspace).name}» đang được mở ở nơi khác; đóng nó rồi nhập lại.")
        info = resolve(ws, None, args.period)  # the workspace's own report: its template names the fields
        changes = _keyed_values(ReportSession(ws, info), args.values)
        key_for_unit(ws, args.unit, info.period, changes)
        name = ws.hierarchy()[args.unit].name
    print(f"Đã nhập tay từ bản giấy {len(changes)} số liệu của {name} ({args.unit}) kỳ {info.period}.")
    return 0


def _keyed_values(session, items: list[str]) -> dict[tuple[str, str], object]:
    """``section.field=value`` or ``section.field/row=value``, each parsed as the form parses what a clerk types."""
    from dtdesk.core.formats import ParseError
    from dtdesk.core.values import parse

    changes = {}
    for item in items:
        target, sep, text = item.partition("=")
        key, _, row = target.partition("/")
        shown = _printable(item)
        if not sep or "." not in key:
            raise CommandError(f"«{shown}» không có dạng KHÓA=GIÁ_TRỊ, ví dụ chu_ky_so.total=40.")
        try:
            field = session.field(key)
            section = session.template.section(key.partition(".")[0]) if not key.startswith("header.") else None
        except (KeyError, StopIteration):
            raise CommandError(f"Mẫu báo cáo không có số liệu «{shown.partition('=')[0]}».") from None
        if row and (section is None or row not in {r.id for r in section.fixed_rows}):
            raise CommandError(f"Mục «{key}» không có dòng «{shown.partition('=')[0].partition('/')[2]}».")
        try:
            changes[(key, row)] = parse(field, text)
        except ParseError as exc:
            raise CommandError(f"{key}: {str(exc).rstrip('.')}.") from None
    return changes


@command("import")
def _import(args) -> int:
    from dtdesk.exchange.importer import commit, plan_import
    from dtdesk.exchange.summary import format_plans

    with open_workspace(args.workspace) as ws:
        if ws.read_only:
            raise CommandError(f"Tệp «{Path(args.workspace).name}» đang được mở ở nơi khác; đóng nó rồi nhập lại.")
        plans = plan_import(ws, args.files)
        if not plans:
            raise CommandError("Không có tệp nộp nào (*.dtdesk.sqlite) trong các đường dẫn đã cho.")
        if not args.dry_run:
            commit(ws, plans, keep_local=args.keep_local, add_units=args.add_units)
        settings = ws.settings()  # the column labels as this workspace's forms say them
    lines, rejected = format_plans(plans, dry_run=args.dry_run, settings=settings)
    for line in lines:
        print(line)
    if any(plan.unknown_unit for plan in plans) and not args.add_units:
        print("Tệp của đơn vị chưa có trong danh sách chỉ được nhập khi chạy lại với --add-units, "
              "sau khi đã kiểm tra mã và tên đơn vị.")
    return 1 if rejected else 0


@command("status")
def _status(args) -> int:
    from dtdesk.exchange.status import completeness, format_status

    with open_workspace(args.workspace, read_only=True) as ws:
        lines = format_status(completeness(ws, args.period))
    for line in lines:
        print(line)
    return 0


@command("dump")
def _dump(args) -> int:
    from dtdesk.store.jsonio import dump_document, write_document
    from dtdesk.store.reports import resolve

    out = output_arg(args)
    with open_workspace(args.workspace, read_only=True) as ws:
        info = resolve(ws, args.unit, args.period)
        document = dump_document(ws, info.unit, info.period, subunits=True)  # what the report prints
    with writing(out):
        write_document(document, out)
    print(f"Đã ghi báo cáo {info.unit} kỳ {info.period} ra {args.output} ({len(document['values'])} số liệu).")
    return 0


@command("load")
def _load(args) -> int:
    from dtdesk.store.jsonio import load_document, parse_document, read_document

    data = read_document(Path(args.file))
    parse_document(data)  # a bad document is refused before a new workspace is made for it
    path = Path(args.workspace)
    ws = open_workspace(args.workspace) if path.exists() else Workspace.create(path)
    with ws:
        if ws.read_only:
            raise CommandError(f"Tệp «{path.name}» đang được mở ở nơi khác; đóng nó rồi nạp lại.")
        count = load_document(ws, data)
    print(f"Đã nạp {count} số liệu từ {args.file} vào {args.workspace}.")
    return 0


@command("dhis2")
def _dhis2(args) -> int:
    import datetime as dt
    import json

    from dtdesk.core.files import write_output
    from dtdesk.exchange.national import adx_document, collect, data_value_set
    from dtdesk.store.reports import resolve

    out = output_arg(args)
    with open_workspace(args.workspace, read_only=True) as ws:
        info = resolve(ws, args.unit, args.period)
        export = collect(ws, info.unit, info.period, subunits=args.subunits)
    if args.adx:
        data, kind = adx_document(export, dt.datetime.now(dt.timezone.utc)), "ADX XML"
    else:
        data = json.dumps(data_value_set(export), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
        kind = "DHIS2 dataValueSets JSON"
    with writing(out):
        write_output(out, data)
    whose = f"các đơn vị cấp dưới của {info.unit}" if args.subunits else info.unit
    print(f"Đã xuất {len(export.values)} số liệu kỳ {info.period} của {whose} ra {out} ({kind}).")
    return 0


# -- signing (dtdesk.sign) ------------------------------------------------------


@contextmanager
def _signer(args):
    """The signer named by --p12 or --pkcs11, its password or PIN read as dtdesk.sign.secret says."""
    from dtdesk.sign.keys import load_p12, token_signer
    from dtdesk.sign.secret import read_secret

    if args.p12:
        yield load_p12(args.p12, read_secret("Mật khẩu tệp chứng thư: ", args.secret_file))
    else:
        with token_signer(args.pkcs11, read_secret("Mã PIN của thiết bị ký số: ", args.secret_file),
                          slot=args.slot, label=args.label) as signer:
            yield signer


@command("sign")
def _sign(args) -> int:
    from dtdesk.sign.signing import prepare, sign_report

    job = prepare(args.pdf, args.output)  # a wrong file is said before the password is asked for
    with _signer(args) as signer:
        signed = sign_report(job, signer, tsa=args.tsa)
    stamp = f", có dấu thời gian của {args.tsa}" if args.tsa else ""
    print(f"Đã ký {args.pdf} ra {signed.path}: {signed.signer}, chữ ký ở trang {signed.page}{stamp}.")
    return 0


@command("verify")
def _verify(args) -> int:
    from dtdesk.sign.verify import format_reports, verify_pdf

    reports = verify_pdf(args.pdf, args.trust or ())
    for line in format_reports(Path(args.pdf).name, reports):
        print(line)
    return 0 if reports and all(r.ok for r in reports) else 1


def _not_yet(args) -> int:
    raise CommandError(f"Lệnh «{args.command}» chưa có trong phiên bản này.")


# -- parser -----------------------------------------------------------------


def _unit_options(parser: argparse.ArgumentParser) -> None:
    from dtdesk.core.units import KINDS

    parser.add_argument("--name", help="tên đơn vị, ví dụ «Phường Cát Bi»")
    parser.add_argument("--short", help="tên ngắn dùng trong câu, ví dụ «Cát Bi»")
    parser.add_argument("--kind", choices=tuple(KINDS), help="loại đơn vị")
    parser.add_argument("--parent", help="mã đơn vị cấp trên")


def _given(text: str) -> str:
    """An option's value as typed; an empty one is a mistake, not a request for the default."""
    if not text.strip():
        raise argparse.ArgumentTypeError("không được để trống")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dtdesk", description="Báo cáo tình hình, kết quả thực hiện chuyển đổi số.")
    parser.add_argument("--version", action="version", version=f"dtdesk {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(name: str, help_text: str, *, report: bool = False, output: str | None = None):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("workspace", help="tệp dữ liệu (.sqlite)")
        if output:
            p.add_argument("-o", "--output", required=True, help=output)
        if report:
            p.add_argument("--unit", type=_given, help="mã đơn vị (mặc định: đơn vị của tệp)")
            p.add_argument("--period", type=_given, help="kỳ báo cáo, ví dụ 2022-Q1 hoặc «Quý I/2022» (mặc định: kỳ gần nhất)")
        return p

    add("open", "mở ứng dụng với tệp dữ liệu này").add_argument(
        "--section", default="header", help="mục hiện ra đầu tiên, ví dụ chu_ky_so (mặc định: phần đầu)")
    add("demo", "tạo tệp mẫu quận Hải An 2022-Q1")
    new = sub.add_parser("new", help="tạo tệp dữ liệu cho đơn vị của mình")
    new.add_argument("workspace", help="tệp dữ liệu mới (.sqlite)")
    new.add_argument("--unit", required=True, help="mã đơn vị: mã chính thức (31, 11413) hoặc mã tự đặt")
    new.add_argument("--period", help="kỳ báo cáo đầu tiên, ví dụ «Quý III/2026» (mặc định: quý đang báo cáo)")
    _unit_options(new)
    settings = add("settings", "xem hoặc đặt các thiết lập của tệp (tên phần mềm quản lý văn bản…)")
    settings.add_argument("name", nargs="?", help="tên thiết lập, ví dụ document_system")
    settings.add_argument("value", nargs="?", help="giá trị mới (để trống: trở về mặc định)")
    units = sub.add_parser("units", help="liệt kê, thêm, đổi tên, chuyển, thôi dùng đơn vị; danh mục chính thức")
    units.add_argument("workspace", nargs="?", help="tệp dữ liệu (.sqlite)")
    units.add_argument("action", nargs="?", choices=tuple(_ACTIONS), help="việc cần làm (mặc định: liệt kê)")
    units.add_argument("code", nargs="?", help="mã đơn vị")
    _unit_options(units)
    units.add_argument("--period", help="với retire: kỳ đầu tiên không còn đơn vị này (mặc định: quý đang báo cáo)")
    units.add_argument("--official", nargs="?", const="", metavar="TỈNH",
                       help="liệt kê các tỉnh, thành phố (hoặc các xã, phường của một tỉnh) trong danh mục chính thức")
    add("render", "in báo cáo ra PDF", report=True, output="tệp PDF")
    add("check", "kiểm tra số liệu theo các quy tắc", report=True)
    verify_code = add("verify-code", "bản in có khớp với lần nộp đã nhập hay đã xuất không (mã xác thực cuối báo cáo)",
                      report=True)
    verify_code.add_argument("code", help="mã xác thực in ở cuối trang cuối, ví dụ 7KQ2-M9XD-4HTB")
    export = add("export", "xuất tệp nộp báo cáo", report=True, output="tệp nộp (.sqlite) hoặc thư mục")
    export.add_argument("--eml", action="store_true", help="kèm thư nháp .eml gửi đơn vị cấp trên")
    key = sub.add_parser("key", help="nhập tay số liệu của đơn vị cấp dưới gửi báo cáo giấy")
    key.add_argument("workspace")
    key.add_argument("--unit", type=_given, required=True, help="mã đơn vị cấp dưới, ví dụ HA-CATBI")
    key.add_argument("--period", type=_given, help="kỳ báo cáo (mặc định: kỳ gần nhất)")
    key.add_argument("values", nargs="+", metavar="KHÓA=GIÁ_TRỊ",
                     help="ví dụ chu_ky_so.total=40 hoặc buu_chinh.received/y_te=3")
    imp = sub.add_parser("import", help="nhập các tệp nộp của đơn vị cấp dưới")
    imp.add_argument("workspace")
    imp.add_argument("files", nargs="+", help="tệp nộp hoặc thư mục")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước thay đổi, không ghi")
    imp.add_argument("--add-units", action="store_true",
                     help="chấp nhận đơn vị gửi tệp chưa có trong danh sách đơn vị (mặc định: từ chối)")
    imp.add_argument("--keep-local", action="store_true",
                     help="khi xung đột, giữ số liệu nhập tay tại đây (mặc định: số liệu trong tệp thắng)")
    status = add("status", "tình hình nộp báo cáo của đơn vị cấp dưới")
    status.add_argument("--period", type=_given, required=True)
    add("dump", "ghi báo cáo ra JSON", report=True, output="tệp JSON")
    load = sub.add_parser("load", help="nạp báo cáo từ JSON")
    load.add_argument("workspace")
    load.add_argument("file")
    bak = add("backup", "sao lưu tệp dữ liệu ngay và liệt kê các bản sao lưu")
    bak.add_argument("--keep", type=int, default=10, help="số bản sao lưu giữ lại (mặc định 10)")
    res = add("restore", "khôi phục tệp dữ liệu từ một bản sao lưu (trạng thái hiện tại được sao lưu trước)")
    res.add_argument("backup", help="tệp sao lưu (trong thư mục backups/)")
    dhis2 = add("dhis2", "xuất số liệu cho hệ thống quốc gia (DHIS2 dataValueSets JSON hoặc ADX XML)", report=True,
                output="tệp .json (hoặc .xml với --adx)")
    dhis2.add_argument("--adx", action="store_true", help="ghi ADX XML thay cho DHIS2 JSON")
    dhis2.add_argument("--subunits", action="store_true", help="số liệu của các đơn vị cấp dưới thay cho đơn vị mình")
    sign = sub.add_parser("sign", help="ký số báo cáo PDF (PAdES) bằng tệp chứng thư hoặc thiết bị ký số")
    sign.add_argument("pdf", help="tệp PDF do dtdesk in ra (được giữ nguyên)")
    sign.add_argument("-o", "--output", required=True, help="tệp PDF đã ký (khác tệp gốc)")
    key = sign.add_mutually_exclusive_group(required=True)
    key.add_argument("--p12", metavar="FILE", help="tệp chứng thư số .p12/.pfx")
    key.add_argument("--pkcs11", metavar="LIBRARY", help="thư viện PKCS#11 của thiết bị ký số (USB token)")
    token = sign.add_mutually_exclusive_group()
    token.add_argument("--slot", type=int, help="khe của thiết bị ký số (khi cắm nhiều thiết bị)")
    token.add_argument("--label", help="nhãn của thiết bị ký số (khi cắm nhiều thiết bị)")
    sign.add_argument("--secret-file", metavar="FILE",
                      help="đọc mật khẩu/mã PIN từ dòng đầu của tệp này (mặc định: hỏi, hoặc đọc từ đầu vào chuẩn)")
    sign.add_argument("--tsa", metavar="URL", help="máy chủ dấu thời gian (mặc định: không dùng, không cần mạng)")
    verify = sub.add_parser("verify", help="kiểm tra các chữ ký số của một tệp PDF")
    verify.add_argument("pdf")
    verify.add_argument("--trust", action="append", metavar="CA.pem", help="chứng thư CA tin cậy (lặp lại được)")
    loop = sub.add_parser("_edit-loop", help=argparse.SUPPRESS)  # crash-safety test worker, not for users
    loop.add_argument("workspace")
    loop.add_argument("--start", type=int, default=1)
    loop.add_argument("--count", type=int, default=0, help="0: until killed")
    sub.metavar = "{" + ",".join(name for name in sub.choices if not name.startswith("_")) + "}"
    return parser


def _sign_error() -> type[Exception]:
    """dtdesk.sign's error kind, imported only when an error is being handled (pyHanko is not cheap to load)."""
    from dtdesk.sign.errors import SignError

    return SignError


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from dtdesk.gui.app import run

        return run(None)
    handler = COMMANDS.get(args.command, _not_yet)
    try:
        return handler(args)
    except (CommandError, WorkspaceError, _sign_error()) as exc:
        print(f"dtdesk: {exc}", file=sys.stderr)
        return getattr(exc, "status", 2)
    except sqlite3.Error as exc:  # the workspace itself failed: read-only, full disk, damaged
        print(f"dtdesk: {database_failure(exc, getattr(args, 'workspace', ''))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `dtdesk units ws | head`
        sys.stderr.close()
        return 0
    except OSError as exc:  # a path too long, a folder that cannot be read…
        print(f"dtdesk: {file_failure(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
