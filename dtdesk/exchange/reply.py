"""The reply file (``dtdesk-reply/1``): the level above's answer to a submission, sent back down.

A reply is small UTF-8 JSON with the suffix :data:`SUFFIX`
(``HA-CATBI_2022-Q1_r1.dtreply``): one object of exactly these entries

``format``
    "dtdesk-reply/1";
``decision``
    "accepted" (Đã tiếp nhận) or "returned" (Trả lại);
``unit``, ``parent``, ``period``, ``revision``
    the report answered (the unit's code, the answering unit's code, "2022-Q1",
    the revision received, an integer);
``submission_sha256``
    the manifest hash of the submission answered, so a reply fits exactly
    the file that was sent and no other;
``reason``
    why it is returned (required then; one paragraph of at most
    :data:`MAX_REASON` characters), or "" for an acceptance;
``decided_at``, ``app_version``
    when (UTC ISO 8601) and by which dtdesk;
``sha256``
    the SHA-256 (hex) of the UTF-8 JSON of every other entry, keys sorted,
    no whitespace, non-ASCII kept (as a submission's manifest hash).

The unit that reads it treats it as hostile: :func:`read_reply` either returns
a :class:`Reply` that holds exactly this, or raises
:class:`~dtdesk.exchange.validate.Rejected` with one sentence (size, encoding,
JSON, version, entries, types, codes, hash).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from dtdesk.core.formats import nfc, printable
from dtdesk.core.i18n import N_
from dtdesk.core.periods import PeriodError, parse_period
from dtdesk.core.units import is_code
from dtdesk.exchange.validate import Rejected, file_label, read_file

FORMAT = "dtdesk-reply/1"
FORMAT_FAMILY = "dtdesk-reply/"
SUFFIX = ".dtreply"
ACCEPTED, RETURNED = "accepted", "returned"  # the words of dtdesk.store.status, which the store keeps
DECISIONS = (ACCEPTED, RETURNED)
MAX_BYTES = 16 * 1024
MAX_REASON = 2000
KEYS = ("format", "decision", "unit", "parent", "period", "revision", "submission_sha256", "reason",
        "decided_at", "app_version", "sha256")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


@dataclass(frozen=True)
class Reply:
    path: Path
    file_sha256: str  # of the file's bytes: the same reply imported twice is known by it
    decision: str
    unit: str
    parent: str
    period: str
    revision: int
    submission_sha256: str
    reason: str
    decided_at: str

    @property
    def name(self) -> str:
        return file_label(self.path)


def file_name(unit: str, period: str, revision: int) -> str:
    return f"{unit}_{period}_r{revision}{SUFFIX}"


def clean_reason(text: str) -> str:
    """A reason as kept and sent: NFC, one paragraph (runs of spaces and line breaks become one space)."""
    return " ".join(nfc(text or "").split())


def content_hash(entries: dict) -> str:
    return hashlib.sha256(_CANONICAL.encode({k: v for k, v in entries.items() if k != "sha256"}).encode()).hexdigest()


def reply_bytes(entries: dict) -> bytes:
    """The file's bytes: every entry but ``sha256`` given, the hash added."""
    whole = {**entries, "sha256": content_hash(entries)}
    return (json.dumps(whole, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _no_duplicates(pairs: list[tuple]) -> dict:
    keys = [k for k, _v in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def _no_constant(name: str):
    raise ValueError(f"not a JSON number: {name}")


def _decode(name: str, data: bytes) -> dict:
    if len(data) > MAX_BYTES:
        raise Rejected("Tệp «{name}» quá lớn so với một tệp trả lời báo cáo.", name=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Rejected("Tệp «{name}» không phải là tệp trả lời báo cáo của dtdesk (không phải chữ UTF-8).", name=name) from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise Rejected("Tệp «{name}» không phải là tệp trả lời báo cáo của dtdesk hoặc đã bị hỏng.", name=name) from None
    if not isinstance(doc, dict):
        raise Rejected("Tệp «{name}» không phải là tệp trả lời báo cáo của dtdesk.", name=name)
    return doc


def _check_format(name: str, doc: dict) -> None:
    form = doc.get("format")
    if isinstance(form, str) and form.startswith(FORMAT_FAMILY) and form != FORMAT:
        raise Rejected("Tệp «{name}» là tệp trả lời định dạng «{form}», phiên bản dtdesk này không đọc được.",
                       name=name, form=printable(form))
    if form != FORMAT:
        raise Rejected("Tệp «{name}» không phải là tệp trả lời báo cáo của dtdesk.", name=name)
    if extra := sorted(set(doc) - set(KEYS)):
        raise Rejected("Tệp «{name}» có mục lạ «{extra}» trong tệp trả lời.", name=name, extra=printable(extra[0]))
    if missing := [k for k in KEYS if k not in doc]:
        raise Rejected("Tệp «{name}» thiếu mục «{missing}» của tệp trả lời.", name=name, missing=missing[0])


def _check_entries(name: str, doc: dict) -> None:
    for key in KEYS:
        if key != "revision" and not isinstance(doc[key], str):
            raise Rejected("Tệp «{name}» có mục «{key}» không phải là chữ.", name=name, key=key)
        if key != "revision" and not doc[key].isprintable():
            raise Rejected("Tệp «{name}» có mục «{key}» chứa ký tự điều khiển.", name=name, key=key)
    revision = doc["revision"]
    if type(revision) is not int or not 0 < revision < 1_000_000:
        raise Rejected("Tệp «{name}» có số lần nộp không hợp lệ.", name=name)
    if doc["decision"] not in DECISIONS:
        raise Rejected("Tệp «{name}» có quyết định «{doc}» không phải tiếp nhận hay trả lại.", name=name,
                       doc=printable(doc['decision']))
    for key in ("unit", "parent"):
        if not is_code(doc[key]):
            raise Rejected("Tệp «{name}» có mã đơn vị «{doc}» không hợp lệ trong mục «{key}».", name=name,
                           doc=printable(doc[key]), key=key)
    try:
        period = parse_period(doc["period"])
    except PeriodError:
        period = None
    if period is None or period.code != doc["period"]:
        raise Rejected("Tệp «{name}» có kỳ báo cáo «{doc}» không hợp lệ.", name=name, doc=printable(doc['period'], 20))
    if not (_HEX64.fullmatch(doc["submission_sha256"]) and _HEX64.fullmatch(doc["sha256"])):
        raise Rejected("Tệp «{name}» có mã kiểm tra không hợp lệ.", name=name)
    if len(doc["reason"]) > MAX_REASON or doc["reason"] != clean_reason(doc["reason"]):
        raise Rejected("Tệp «{name}» có lý do quá dài hoặc không viết đúng dạng.", name=name)
    if doc["decision"] == RETURNED and not doc["reason"]:
        raise Rejected("Tệp «{name}» trả lại báo cáo mà không ghi lý do.", name=name)
    if len(doc["app_version"]) > 64:
        raise Rejected("Tệp «{name}» có mục «app_version» dài quá giới hạn.", name=name)
    try:
        dt.datetime.fromisoformat(doc["decided_at"])
    except ValueError:
        raise Rejected("Tệp «{name}» có thời điểm trả lời «{doc}» không hợp lệ.", name=name,
                       doc=printable(doc['decided_at'])) from None


def read_reply(path: str | Path, data: bytes | None = None) -> Reply:
    """Validate one reply file completely; raise :class:`Rejected` with one sentence if anything is off."""
    path = Path(path)
    name = file_label(path)
    if data is None:
        data = read_file(path, MAX_BYTES, N_("tệp trả lời báo cáo"))
    doc = _decode(name, data)
    _check_format(name, doc)
    _check_entries(name, doc)
    if content_hash(doc) != doc["sha256"]:
        raise Rejected("Tệp «{name}» có mã kiểm tra SHA-256 không khớp với nội dung: tệp đã bị sửa sau khi gửi.",
                       name=name)
    return Reply(path, hashlib.sha256(data).hexdigest(), doc["decision"], doc["unit"], doc["parent"], doc["period"],
                 doc["revision"], doc["submission_sha256"], doc["reason"], doc["decided_at"])
