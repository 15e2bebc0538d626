"""Commands for digital signatures on the printed report (dtdesk.sign)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from dtdesk.cli.common import print_lines
from dtdesk.cli.registry import Arg, OneOf, command, tr


@contextmanager
def _signer(args):
    """The signer named by --p12 or --pkcs11, its password or PIN read as dtdesk.sign.secret says."""
    from dtdesk.sign.keys import load_p12, token_signer
    from dtdesk.sign.secret import read_secret

    if args.p12:
        yield load_p12(args.p12, read_secret(tr("Mật khẩu tệp chứng thư: "), args.secret_file))
    else:
        with token_signer(args.pkcs11, read_secret(tr("Mã PIN của thiết bị ký số: "), args.secret_file),
                          slot=args.slot, label=args.label) as signer:
            yield signer


@command("sign", "ký số báo cáo PDF (PAdES) bằng tệp chứng thư hoặc thiết bị ký số",
         Arg("pdf", help="tệp PDF do dtdesk in ra (được giữ nguyên)"),
         Arg("-o", "--output", required=True, help="tệp PDF đã ký (khác tệp gốc)"),
         OneOf(Arg("--p12", metavar="TỆP", help="tệp chứng thư số .p12/.pfx"),
               Arg("--pkcs11", metavar="THƯ_VIỆN", help="thư viện PKCS#11 của thiết bị ký số (USB token)"),
               required=True),
         OneOf(Arg("--slot", type=int, help="khe của thiết bị ký số (khi cắm nhiều thiết bị)"),
               Arg("--label", help="nhãn của thiết bị ký số (khi cắm nhiều thiết bị)")),
         Arg("--secret-file", metavar="TỆP",
             help="đọc mật khẩu/mã PIN từ dòng đầu của tệp này (mặc định: hỏi, hoặc đọc từ đầu vào chuẩn)"),
         Arg("--tsa", metavar="URL", help="máy chủ dấu thời gian (mặc định: không dùng, không cần mạng)"))
def _sign(args) -> int:
    from dtdesk.sign.signing import prepare, sign_report

    job = prepare(args.pdf, args.output)  # a wrong file is said before the password is asked for
    with _signer(args) as signer:
        signed = sign_report(job, signer, tsa=args.tsa)
    stamp = tr(", có dấu thời gian của {tsa}", tsa=args.tsa) if args.tsa else ""
    print(tr("Đã ký {pdf} ra {path}: {signer}, chữ ký ở trang {page}{stamp}.", pdf=args.pdf, path=signed.path,
             signer=signed.signer, page=signed.page, stamp=stamp))
    return 0


@command("verify", "kiểm tra các chữ ký số của một tệp PDF", Arg("pdf", help="tệp PDF đã ký"),
         Arg("--trust", action="append", metavar="CA.pem", help="chứng thư CA tin cậy (lặp lại được)"))
def _verify(args) -> int:
    from dtdesk.sign.verify import format_reports, verify_pdf

    reports = verify_pdf(args.pdf, args.trust or ())
    print_lines(format_reports(Path(args.pdf).name, reports))
    return 0 if reports and all(r.ok for r in reports) else 1
