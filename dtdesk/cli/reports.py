"""Commands on one workspace's report: create, open, check, print, settings, JSON."""

from __future__ import annotations

from pathlib import Path

from dtdesk.cli.common import open_workspace, output_arg, read_report, writable, writing
from dtdesk.cli.registry import REPORT, WORKSPACE, Arg, CommandError, command, given, output, said, tr


@command("open", "mở ứng dụng với tệp dữ liệu này", WORKSPACE,
         Arg("--section", default="header", help="mục hiện ra đầu tiên, ví dụ chu_ky_so (mặc định: phần đầu)"))
def _open(args) -> int:
    if not Path(args.workspace).is_file():  # said here, in the language of LANG, before Qt is loaded
        raise CommandError(tr("Không tìm thấy tệp «{name}».", name=args.workspace))
    from dtdesk.gui.app import run

    return run(args.workspace, args.section)


@command("demo", "tạo tệp mẫu quận Hải An 2022-Q1", WORKSPACE)
def _demo(args) -> int:
    from dtdesk.store.demo import create_demo

    create_demo(Path(args.workspace)).close()
    print(tr("Đã tạo tệp mẫu {name}: quận Hải An, kỳ 2022-Q1, cùng 8 phường.", name=args.workspace))
    return 0


@command("settings", "xem hoặc đặt các thiết lập của tệp (tên phần mềm quản lý văn bản…)", WORKSPACE,
         Arg("name", nargs="?", help="tên thiết lập, ví dụ document_system"),
         Arg("value", nargs="?", help="giá trị mới (để trống: trở về mặc định)"))
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
            raise CommandError(tr("Mẫu báo cáo không có thiết lập «{name}»; có: {known}.",
                                  name=shown_code(args.name), known=", ".join(known)))
        if ws.read_only:
            raise CommandError(said(ws.notice))
        ws.set_setting(args.name, " ".join((args.value or "").split()))
    print(tr("Đã đặt «{label}»: {value}.", label=known[args.name].label,
             value=args.value or known[args.name].default))
    return 0


@command("render", "in báo cáo ra PDF", WORKSPACE, output("tệp PDF"), *REPORT,
         Arg("--annex", action="store_true",
             help="kèm phụ lục: tỷ lệ chủ chốt của từng đơn vị cấp dưới thành biểu đồ và bảng các đơn vị đã gửi báo cáo"))
def _render(args) -> int:
    from dataclasses import replace

    from dtdesk.core.compose import compose
    from dtdesk.core.files import output_file as atomic_file
    from dtdesk.exchange.verification import report_code
    from dtdesk.render.pdf import render_pdf
    from dtdesk.store.reports import report_data, resolve

    out = output_arg(args)
    with open_workspace(args.workspace, read_only=True) as ws:  # the data, its code and annex from one reading
        info = resolve(ws, args.unit, args.period)
        data, code = report_data(ws, info), report_code(ws, info.unit, info.period)
        annex = _annex(ws, data) if args.annex else None
    document = replace(compose(data), annex=annex)
    with writing(out), atomic_file(out) as handle:
        pages = render_pdf(document, handle, code=code)
    print(tr("Đã in báo cáo {unit} kỳ {period} ra {path} ({pages} trang, mã xác thực {code}).",
             unit=info.unit, period=info.period, path=out, pages=pages, code=code))
    return 0


def _annex(ws, data):
    """The annex of ``render --annex``, or why the report has none."""
    from dtdesk.exchange.annex import NoAnnex, compose_annex

    try:
        return compose_annex(ws, data)
    except NoAnnex as exc:
        if exc.own != data.unit.code:
            raise CommandError(tr("Phụ lục biểu đồ chỉ in kèm báo cáo của chính đơn vị «{own}» (bỏ --unit), nơi có "
                                  "số liệu các đơn vị cấp dưới gửi lên.", own=exc.own)) from None
        raise CommandError(tr("{name} không có đơn vị cấp dưới nên không có phụ lục biểu đồ; in lại không kèm --annex.",
                              name=data.unit.name)) from None


@command("check", "kiểm tra số liệu theo các quy tắc", WORKSPACE, *REPORT)
def _check(args) -> int:
    from dtdesk.core.rules import check

    info, data = read_report(args)
    problems = check(data)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        message = said(problem.message)
        print(tr("LỖI: {message}", message=message) if problem.is_error else tr("Cảnh báo: {message}", message=message))
    print(tr("Báo cáo {unit} kỳ {period}: {errors} lỗi, {warnings} cảnh báo.", unit=info.unit, period=info.period,
             errors=len(errors), warnings=len(problems) - len(errors)))
    return 1 if errors else 0


@command("dump", "ghi báo cáo ra JSON", WORKSPACE, output("tệp JSON"), *REPORT)
def _dump(args) -> int:
    from dtdesk.store.jsonio import dump_document, write_document
    from dtdesk.store.reports import resolve

    out = output_arg(args)
    with open_workspace(args.workspace, read_only=True) as ws:
        info = resolve(ws, args.unit, args.period)
        document = dump_document(ws, info.unit, info.period, subunits=True)  # what the report prints
    with writing(out):
        write_document(document, out)
    print(tr("Đã ghi báo cáo {unit} kỳ {period} ra {path} ({count} số liệu).", unit=info.unit, period=info.period,
             path=args.output, count=len(document["values"])))
    return 0


@command("load", "nạp báo cáo từ JSON", Arg("workspace", help="tệp dữ liệu (.sqlite; tạo mới nếu chưa có)"),
         Arg("file", help="tệp JSON do «dtdesk dump» ghi"))
def _load(args) -> int:
    from dtdesk.store.jsonio import load_document, read_document
    from dtdesk.store.workspace import Workspace

    data = read_document(Path(args.file))
    path = Path(args.workspace)
    if not path.exists():  # a document refused leaves no new workspace behind: tried in memory first
        with Workspace.in_memory() as trial:
            load_document(trial, data)
    with open_workspace(args.workspace) if path.exists() else Workspace.create(path) as ws:
        loaded = load_document(writable(ws, args.workspace, tr("nạp lại")), data)
    print(tr("Đã nạp {count} số liệu từ {file} vào {workspace}.", count=loaded.values, file=args.file,
             workspace=args.workspace))
    for note in loaded.notes:  # steps of the cycle left out: never silently
        print(said(note))
    return 0


@command("next", "lập báo cáo kỳ sau từ báo cáo kỳ trước (phần đầu, nơi nhận, người ký, các đoạn văn, số tồn trước)",
         WORKSPACE, REPORT[0],
         Arg("--from", dest="source", type=given, metavar="P", help="kỳ chép từ đó, ví dụ 2022-Q1 (mặc định: kỳ gần nhất)"))
def _next(args) -> int:
    from dtdesk.core.periods import parse_period, previous_period
    from dtdesk.store.rollforward import roll_forward

    with open_workspace(args.workspace) as ws:
        rolled = roll_forward(writable(ws, args.workspace, tr("lập lại")), args.unit, args.source)
    new = rolled[0]
    below = tr(", cùng {count} báo cáo của đơn vị cấp dưới và cơ quan", count=len(rolled) - 1) if len(rolled) > 1 else ""
    print(tr("Đã lập báo cáo {unit} kỳ {period} từ {source}{below}; các đoạn văn chép từ kỳ trước được đánh dấu "
             "«từ kỳ trước, cần xem lại».", unit=new.unit, period=parse_period(new.period).title,
             source=previous_period(new.period).title, below=below))
    return 0
