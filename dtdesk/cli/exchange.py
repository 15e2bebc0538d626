"""Commands between levels: submission files out and in, paper reports keyed, who has sent, printed codes, DHIS2."""

from __future__ import annotations

import datetime as dt
import json
import sys

from dtdesk.cli.common import open_workspace, output_arg, print_lines, printable, writable, writing
from dtdesk.cli.registry import LANGUAGE, REPORT, WORKSPACE, Arg, CommandError, command, given, output, said, tr


@command("export", "xuất tệp nộp báo cáo", WORKSPACE, output("tệp nộp (.sqlite) hoặc thư mục"), *REPORT,
         Arg("--eml", action="store_true", help="kèm thư nháp .eml gửi đơn vị cấp trên"))
def _export(args) -> int:
    from dtdesk.exchange.export import export_report
    from dtdesk.store.reports import resolve

    with open_workspace(args.workspace) as ws:
        info = resolve(ws, args.unit, args.period)
        if args.eml:
            from dtdesk.exchange.eml import address_notice

            if notice := address_notice(ws, info.unit):
                print(tr("Lưu ý: {notice}.", notice=notice), file=sys.stderr)
        result = export_report(ws, info.unit, info.period, args.output, eml=args.eml)
    print(tr("Đã xuất báo cáo {unit} kỳ {period} lần nộp r{revision} ra {path} ({count} số liệu, SHA-256 {sha}…).",
             unit=result.unit, period=result.period, revision=result.revision, path=result.path,
             count=result.values, sha=result.sha256[:16]))
    if result.eml:
        print(tr("Thư nháp kèm tệp: {path}", path=result.eml))
    return 0


@command("key", "nhập tay số liệu của đơn vị cấp dưới gửi báo cáo giấy", WORKSPACE,
         Arg("--unit", type=given, required=True, help="mã đơn vị cấp dưới, ví dụ HA-CATBI"),
         Arg("--period", type=given, help="kỳ báo cáo (mặc định: kỳ gần nhất)"),
         Arg("values", nargs="+", metavar="KHÓA=GIÁ_TRỊ",
             help="ví dụ chu_ky_so.total=40 hoặc buu_chinh.received/y_te=3"))
def _key(args) -> int:
    """A subunit's figures keyed here from its paper report (``source = 'keyed'``; ``status`` shows it)."""
    from dtdesk.store.reports import key_for_unit, resolve
    from dtdesk.store.session import ReportSession

    with open_workspace(args.workspace) as ws:
        writable(ws, args.workspace, tr("nhập lại"))
        info = resolve(ws, None, args.period)  # the workspace's own report: its template names the fields
        changes = _keyed_values(ReportSession(ws, info), args.values)
        key_for_unit(ws, args.unit, info.period, changes)
        name = ws.hierarchy()[args.unit].name
    print(tr("Đã nhập tay từ bản giấy {count} số liệu của {name} ({unit}) kỳ {period}.", count=len(changes),
             name=name, unit=args.unit, period=info.period))
    return 0


def _keyed_values(session, items: list[str]) -> dict[tuple[str, str], object]:
    """``section.field=value`` or ``section.field/row=value``, each parsed as the form parses what a clerk types."""
    from dtdesk.core.formats import ParseError
    from dtdesk.core.values import parse

    changes = {}
    for item in items:
        target, sep, text = item.partition("=")
        key, _, row = target.partition("/")
        shown = printable(item)
        if not sep or "." not in key:
            raise CommandError(tr("«{item}» không có dạng KHÓA=GIÁ_TRỊ, ví dụ chu_ky_so.total=40.", item=shown))
        try:
            field = session.field(key)
            section = session.template.section(key.partition(".")[0]) if not key.startswith("header.") else None
        except (KeyError, StopIteration):
            raise CommandError(tr("Mẫu báo cáo không có số liệu «{key}».", key=shown.partition("=")[0])) from None
        if row and (section is None or row not in {r.id for r in section.fixed_rows}):
            raise CommandError(tr("Mục «{key}» không có dòng «{row}».", key=key,
                                  row=shown.partition("=")[0].partition("/")[2]))
        try:
            changes[(key, row)] = parse(field, text)
        except ParseError as exc:
            raise CommandError(tr("{key}: {reason}.", key=key, reason=exc)) from None
    return changes


@command("import", "nhập các tệp nộp của đơn vị cấp dưới", WORKSPACE,
         Arg("files", nargs="+", metavar="TỆP", help="tệp nộp hoặc thư mục"),
         Arg("--dry-run", action="store_true", help="chỉ xem trước thay đổi, không ghi"),
         Arg("--add-units", action="store_true",
             help="chấp nhận đơn vị gửi tệp chưa có trong danh sách đơn vị (mặc định: từ chối)"),
         Arg("--keep-local", action="store_true",
             help="khi xung đột, giữ số liệu nhập tay tại đây (gõ, từ bản giấy, từ tệp JSON); số liệu từ tệp nộp "
                  "hay biểu Excel nhận trước đó vẫn được thay (mặc định: số liệu trong tệp thắng)"))
def _import(args) -> int:
    from dtdesk.exchange.decision import REJECTED, import_reply, reply_paths
    from dtdesk.exchange.importer import commit, plan_import
    from dtdesk.exchange.summary import format_plans

    replies, files = reply_paths(args.files)  # the level above's answers (*.dtreply) are taken in beside
    with open_workspace(args.workspace) as ws:
        writable(ws, args.workspace, tr("nhập lại"))
        plans = plan_import(ws, files) if files else []
        if not plans and not replies:
            raise CommandError(tr("Không có tệp nộp nào (*.dtdesk.sqlite) trong các đường dẫn đã cho."))
        if plans and not args.dry_run:
            commit(ws, plans, keep_local=args.keep_local, add_units=args.add_units)
        answers = [import_reply(ws, path, dry_run=args.dry_run) for path in replies]
        settings = ws.settings()  # the column labels as this workspace's forms say them
    lines, rejected = format_plans(plans, dry_run=args.dry_run, settings=settings) if plans else ([], False)
    print_lines(lines)
    print_lines(outcome.message for outcome in answers)
    rejected = rejected or any(outcome.status == REJECTED for outcome in answers)
    if any(plan.unknown_unit for plan in plans) and not args.add_units:
        print(tr("Tệp của đơn vị chưa có trong danh sách chỉ được nhập khi chạy lại với --add-units, "
                 "sau khi đã kiểm tra mã và tên đơn vị."))
    return 1 if rejected else 0


@command("status", "trạng thái báo cáo (đã gửi, tiếp nhận, trả lại) và tình hình nộp của đơn vị cấp dưới",
         WORKSPACE, Arg("--period", type=given,
                        help="kỳ báo cáo, ví dụ 2022-Q1 hoặc «Quý I/2022» (mặc định: kỳ gần nhất)"),
         Arg("--unit", type=given, help="chỉ lịch sử báo cáo của đơn vị này (mặc định: đơn vị của tệp và các "
                                        "đơn vị cấp dưới)"))
def _status(args) -> int:
    from dtdesk.exchange.status import completeness, format_status, history_lines
    from dtdesk.store.reports import resolve

    with open_workspace(args.workspace, read_only=True) as ws:
        if args.unit:
            info = resolve(ws, args.unit, args.period)
            lines = history_lines(ws, info.unit, info.period)
        else:
            c = completeness(ws, args.period or resolve(ws).period)
            own = history_lines(ws, c.unit.code, c.period) if ws.report(c.unit.code, c.period) else []
            lines = own + (format_status(c) if c.rows else [])
    print_lines(lines)
    return 0


@command("verify-code", "bản in có khớp với lần nộp đã nhập hay đã xuất không (mã xác thực cuối báo cáo)",
         WORKSPACE, *REPORT, Arg("code", help="mã xác thực in ở cuối trang cuối, ví dụ 7KQ2-M9XD-4HTB"))
def _verify_code(args) -> int:
    from dtdesk.core.periods import PeriodError, parse_period
    from dtdesk.core.units import shown_code
    from dtdesk.exchange.verification import describe, find, parse_code, workbooks

    code = parse_code(args.code)
    with open_workspace(args.workspace, read_only=True) as ws:
        units = ws.hierarchy()
        if args.unit and args.unit not in units:
            raise CommandError(tr("Không có đơn vị mã «{code}» trong tệp.", code=shown_code(args.unit)))
        try:
            period = parse_period(args.period).code if args.period else None
        except PeriodError as exc:
            raise CommandError(said(exc)) from None
        matches = find(ws, code, args.unit, period)
        names = {unit.code: unit.name for unit in units.walk()}
        received = workbooks(ws, args.unit, period)
    print_lines(describe(code, matches, names, received))
    return 0 if matches else 1


@command("dhis2", "xuất số liệu cho hệ thống quốc gia (DHIS2 dataValueSets JSON hoặc ADX XML)", WORKSPACE,
         output("tệp .json (hoặc .xml với --adx)"), *REPORT,
         Arg("--adx", action="store_true", help="ghi ADX XML thay cho DHIS2 JSON"),
         Arg("--subunits", action="store_true", help="số liệu của các đơn vị cấp dưới thay cho đơn vị mình"))
def _dhis2(args) -> int:
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
    whose = tr("các đơn vị cấp dưới của {unit}", unit=info.unit) if args.subunits else info.unit
    print(tr("Đã xuất {count} số liệu kỳ {period} của {whose} ra {path} ({kind}).", count=len(export.values),
             period=info.period, whose=whose, path=out, kind=kind))
    return 0


@command("xlsx", "xuất các bảng của báo cáo ra biểu chi tiết Excel", WORKSPACE, output("tệp .xlsx"), *REPORT)
def _xlsx(args) -> int:
    from dtdesk.core.files import write_output
    from dtdesk.exchange.xlsx_export import workbook_bytes
    from dtdesk.store.reports import resolve

    out = output_arg(args)
    with open_workspace(args.workspace, read_only=True) as ws:
        info = resolve(ws, args.unit, args.period)
        data = workbook_bytes(ws, info.unit, info.period, LANGUAGE)
    with writing(out):
        write_output(out, data)
    print(tr("Đã xuất các bảng của báo cáo {unit} kỳ {period} ra {path} (biểu chi tiết Excel).",
             unit=info.unit, period=info.period, path=out))
    return 0
