"""Commands of the reporting cycle: the level above accepts or returns a received report; a sent one is reopened."""

from __future__ import annotations

from dtdesk.cli.common import open_workspace, writable
from dtdesk.cli.registry import WORKSPACE, Arg, command, given, output, tr

ANSWER = (
    WORKSPACE,
    Arg("--unit", type=given, required=True, help="mã đơn vị cấp dưới, ví dụ HA-CATBI"),
    Arg("--period", type=given, help="kỳ báo cáo (mặc định: kỳ gần nhất)"),
    output("thư mục (hoặc tệp .dtreply) cho tệp trả lời"),
    Arg("--eml", action="store_true", help="kèm thư nháp .eml gửi đơn vị"),
)


def _answer(args, decision: str, reason: str = "") -> int:
    from dtdesk.exchange.decision import answer
    from dtdesk.store.reports import resolve

    with open_workspace(args.workspace) as ws:
        writable(ws, args.workspace, tr("chạy lại lệnh"))
        period = resolve(ws, None, args.period).period  # the workspace's own report names the period
        done = answer(ws, args.unit, period, decision, args.output, reason=reason, eml=args.eml)
    said = (tr("Đã tiếp nhận lần nộp r{revision} của {unit} kỳ {period}; tệp trả lời: {path}", revision=done.revision,
               unit=done.unit, period=done.period, path=done.path) if decision == "accepted" else
            tr("Đã trả lại lần nộp r{revision} của {unit} kỳ {period}; tệp trả lời: {path}", revision=done.revision,
               unit=done.unit, period=done.period, path=done.path))
    print(said)
    if done.eml:
        print(tr("Thư nháp kèm tệp: {path}", path=done.eml))
    return 0


@command("accept", "tiếp nhận lần nộp đã nhập của đơn vị cấp dưới và ghi tệp trả lời", *ANSWER)
def _accept(args) -> int:
    return _answer(args, "accepted")


@command("return", "trả lại lần nộp đã nhập của đơn vị cấp dưới kèm lý do và ghi tệp trả lời", *ANSWER,
         Arg("--reason", type=given, required=True, help="lý do trả lại, đơn vị sẽ thấy ở đầu báo cáo"))
def _return(args) -> int:
    return _answer(args, "returned", args.reason)


@command("reopen", "mở lại báo cáo đã gửi để sửa (bắt đầu lần nộp tiếp theo)", WORKSPACE,
         Arg("--unit", type=given, help="mã đơn vị (mặc định: đơn vị của tệp)"),
         Arg("--period", type=given, help="kỳ báo cáo (mặc định: kỳ gần nhất)"))
def _reopen(args) -> int:
    from dtdesk.store.reports import resolve

    with open_workspace(args.workspace) as ws:
        writable(ws, args.workspace, tr("chạy lại lệnh"))
        info = resolve(ws, args.unit, args.period)
        revision = ws.reopen(info.unit, info.period)
    print(tr("Đã mở lại báo cáo {unit} kỳ {period} để sửa; lần gửi tới là lần nộp r{revision}.", unit=info.unit,
             period=info.period, revision=revision))
    return 0
