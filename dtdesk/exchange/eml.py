"""A ready-to-send e-mail draft (.eml) with the submission file (or a reply, :mod:`dtdesk.exchange.decision`)
attached.

No network: the clerk opens the .eml (Outlook and Thunderbird treat it as a
draft thanks to ``X-Unsent: 1``), checks it and presses Send. It is addressed
to the parent unit's address (``units.email``); when none is configured the
"To" field is left for the clerk to fill in, and :func:`address_notice` says so
before the draft is written.

The subject is encoded here, not by the ``email`` package: when it folds a
long non-ASCII header it puts the space between two words outside the
encoded words, where RFC 2047 says a reader must drop it ("chuyển đổi" came
back as "chuyểnđổi"). :class:`email.header.Header` keeps every space inside
the encoded text, and the folded lines are stored as they are.
"""

from __future__ import annotations

import email.policy
from email.header import Header
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from dtdesk.core.files import write_output
from dtdesk.core.formats import nfc
from dtdesk.core.i18n import Phrase
from dtdesk.core.periods import parse_period
from dtdesk.exchange.validate import read_submission
from dtdesk.store.workspace import Workspace


def subject(unit_name: str, period_label: str, revision: int) -> str:
    """The subject as the reader's mail program must show it (one line, NFC)."""
    return " ".join(nfc(f"{unit_name} gửi báo cáo chuyển đổi số {period_label} (lần nộp {revision})").split())


def encoded_header(name: str, text: str) -> str:
    """``text`` as RFC 2047 encoded words in UTF-8, folded to lines of at most 76 characters."""
    return Header(text, "utf-8", header_name=name).encode(linesep="\r\n")


def address_notice(ws: Workspace, unit_code: str) -> Phrase | str:
    """A sentence when the draft for ``unit_code`` would have no recipient, else ""."""
    units = ws.hierarchy()
    unit = units[unit_code]
    parent = units.units.get(unit.parent) if unit.parent else None
    if parent is None:
        return Phrase("{name} không có đơn vị cấp trên trong tệp: thư nháp sẽ để trống ô «Đến», hãy điền địa chỉ "
                      "trước khi gửi.", name=unit.name)
    if not parent.email.strip():
        return Phrase("{name} chưa có địa chỉ thư điện tử trong tệp: thư nháp sẽ để trống ô «Đến», hãy điền địa chỉ "
                      "trước khi gửi.", name=parent.name)
    return ""


def draft(to: str, sender: str, subject_text: str, body: str, attachment: Path, subtype: str) -> EmailMessage:
    """An unsent message with one attachment: what every .eml dtdesk writes has in common."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["X-Unsent"] = "1"
    if to:
        msg["To"] = to
    if sender:
        msg["From"] = sender
    msg["Date"] = formatdate(localtime=True)
    msg.set_raw("Subject", encoded_header("Subject", " ".join(nfc(subject_text).split())))
    msg.set_content(body)
    msg.add_attachment(attachment.read_bytes(), maintype="application", subtype=subtype, filename=attachment.name)
    return msg


def greeting(name: str) -> str:
    return f"Kính gửi: {name}," if name else "Kính gửi,"


def build_message(unit_name: str, parent_name: str, to: str, sender: str, period_label: str, revision: int,
                  attachment: Path) -> EmailMessage:
    body = (f"{greeting(parent_name)}\n\n"
            f"{unit_name} gửi báo cáo tình hình, kết quả thực hiện chuyển đổi số {period_label} "
            f"(lần nộp thứ {revision}), tệp số liệu đính kèm: {attachment.name}.\n\n"
            "Tệp được tạo bằng dtdesk; đơn vị nhận mở bằng dtdesk, chọn «Nhập tệp nộp».\n\n"
            "Trân trọng.\n")
    return draft(to, sender, subject(unit_name, period_label, revision), body, attachment, "vnd.sqlite3")


def eml_path(attachment: Path) -> Path:
    """The draft's name beside its attachment: ``….dtdesk.eml``, ``….eml`` for a reply."""
    return attachment.with_name(attachment.name.removesuffix(".sqlite").removesuffix(".dtreply") + ".eml")


def write_eml(ws: Workspace, submission: Path) -> Path:
    """Write ``<submission>.eml`` beside the file; returns its path."""
    sub = read_submission(submission)
    units = ws.hierarchy()
    unit = units[sub.unit]
    parent = units.units.get(sub.parent) if sub.parent else None
    msg = build_message(unit.name, parent.name if parent else "", parent.email if parent else "", unit.email,
                        parse_period(sub.period).label, sub.revision, submission)
    return write_output(eml_path(submission), msg.as_bytes(), overwrite=False)
