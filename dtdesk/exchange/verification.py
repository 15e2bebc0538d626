"""The verification code printed on a report: the paper tied to its data.

The code comes from the SHA-256 of the report's canonical content: the bytes
:func:`dtdesk.exchange.manifest.canonical_bytes` builds for a submission's
manifest hash, over exactly what an export of the report writes (the unit and
its bodies, the report row, their values for the period). Only what belongs
to one export rather than to the data is left out: the manifest's revision,
app version and export time, and the report row's revision (counted as 0).
So rendering twice, or before and after an export, gives the same code; any
value, name or date changing changes it; and the level above recomputes it
from the very bytes of the file it imported, which it keeps. A filled Excel
workbook holds only the tables, so it has no code of its own: a report whose
tables came from one matches as the data held here, and a code that matches
nothing says which workbooks could not be compared and why (:func:`describe`).

The code shows the first 60 bits of that hash in Crockford's base 32 (no I,
L, O or U) as three groups of four, "7KQ2-M9XD-4HTB". A typed code is read
without regard to case, spaces or dashes, O as 0 and I or L as 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dtdesk import __version__
from dtdesk.core.i18n import Phrase
from dtdesk.exchange import manifest as mf
from dtdesk.exchange.export import collect
from dtdesk.exchange.status import moment, shown_moment
from dtdesk.exchange.validate import Rejected, read_submission
from dtdesk.exchange.xlsx_import import REVISION as XLSX_REVISION
from dtdesk.store.workspace import Workspace, WorkspaceError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12  # characters of 5 bits: 60 bits of the hash
_GROUP = 4
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})


class CodeError(WorkspaceError):
    """A typed code that cannot be one; the message is one sentence."""


def format_code(hexdigest: str) -> str:
    """The first 60 bits of a hex SHA-256 as "XXXX-XXXX-XXXX"."""
    number = int(hexdigest[: LENGTH * 5 // 4], 16)
    chars = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(LENGTH)))
    return "-".join(chars[i:i + _GROUP] for i in range(0, LENGTH, _GROUP))


def parse_code(typed: str) -> str:
    """A code as printed, from what a person typed or a scanner read; :class:`CodeError` if it is none."""
    chars = re.sub(r"[\s\-]", "", typed).upper().translate(_TYPED)
    if len(chars) != LENGTH or any(c not in ALPHABET for c in chars):
        shown = "".join(c for c in typed if c.isprintable())[:40]
        raise CodeError("«{shown}» không phải là mã xác thực: mã gồm {length} chữ và số, ví dụ 7KQ2-M9XD-4HTB.",
                        shown=shown, length=LENGTH)
    return "-".join(chars[i:i + _GROUP] for i in range(0, LENGTH, _GROUP))


def _manifest(report: dict, units: list[dict], **export) -> dict:
    """The manifest entries that describe the data, and those of one export when given."""
    return {"format": mf.FORMAT, "template_id": report["template_id"],
            "template_version": report["template_version"], "unit": report["unit"],
            "parent": units[0]["parent"] or "", "period": report["period"], **export}


def content_code(units: list[dict], reports: list[dict], values: list[tuple]) -> str:
    """The code of a report's content, as a submission file or :func:`collect` gives it."""
    rows = [{**r, "revision": 0} for r in reports]
    return format_code(mf.content_hash(_manifest(reports[0], units), units, rows, values))


def report_code(ws: Workspace, unit: str, period: str) -> str:
    """The code printed on the report of ``unit`` for ``period`` as the workspace holds it now."""
    return content_code(*collect(ws, unit, period))


@dataclass(frozen=True)
class Match:
    """Where a code was found: a revision imported or exported, or the data not yet sent."""

    unit: str
    period: str
    how: str  # "imported", "exported" or "current"
    revision: int = 0
    when: str = ""  # imported at / exported at, as stored
    newer: int = 0  # a later revision of the same report held here, if any
    workbooks: tuple[str, ...] = ()  # "current": the filled workbooks some of the data came from


def workbooks(ws: Workspace, unit: str | None = None, period: str | None = None) -> list[dict]:
    """The filled workbooks imported here (of one unit and/or period), oldest first.

    A workbook holds only a report's tables, not the whole content the code is computed from (the texts, the
    header, the dates), so no code is computed from it: a paper is matched with the data held here, of which
    its tables are then a part, or with a submission file.
    """
    return [f for f in ws.imported_files(unit, period) if f["revision"] == XLSX_REVISION]


def _imported(ws: Workspace, code: str, unit: str | None, period: str | None) -> list[Match]:
    files = [f for f in ws.imported_files(unit, period) if f["revision"] != XLSX_REVISION]
    latest: dict[tuple[str, str], int] = {}
    for f in files:
        key = (f["unit"], f["period"])
        latest[key] = max(latest.get(key, 0), f["revision"])
    found = []
    for f in files:
        try:
            sub = read_submission(f["filename"], f["original"])
        except Rejected:  # kept bytes that today's checks refuse match nothing
            continue
        if content_code(sub.units, [sub.report], sub.values) == code:
            newer = latest[(f["unit"], f["period"])]
            found.append(Match(f["unit"], f["period"], "imported", f["revision"], f["imported_at"],
                               newer if newer > f["revision"] else 0))
    return found


def _sent_as(submissions: list[dict], content: tuple) -> dict | None:
    """The exported submission (of ``submissions``, the report's) whose manifest hash the current content
    reproduces, if any.

    The export's manifest is rebuilt from the ``submissions`` row (revision,
    export time) and this app's version: a file exported by another version is
    not recognised here, only by the level above that imported it.
    """
    units, reports, values = content
    for sent in reversed(submissions):
        rows = [{**r, "revision": sent["revision"]} for r in reports]
        manifest = _manifest(reports[0], units, revision=sent["revision"], app_version=__version__,
                             exported_at=sent["exported_at"], status=mf.SENT_STATUS)
        if mf.content_hash(manifest, units, rows, values) == sent["content_sha256"]:
            return sent
    return None


def find(ws: Workspace, code: str, unit: str | None = None, period: str | None = None) -> list[Match]:
    """Every revision imported or exported here, and every report's current data, whose code is ``code``."""
    found = _imported(ws, code, unit, period)
    imported = {(m.unit, m.period) for m in found}
    for info in ws.reports(unit):
        if (period and info.period != period) or (info.unit, info.period) in imported:
            continue
        content = collect(ws, info.unit, info.period)
        if content_code(*content) != code:
            continue
        submissions = ws.submissions(info.unit, info.period)
        sent = _sent_as(submissions, content)
        if sent is None:
            names = tuple(f["filename"] for f in workbooks(ws, info.unit, info.period))
            found.append(Match(info.unit, info.period, "current", workbooks=names))
        else:
            last = submissions[-1]["revision"]
            found.append(Match(info.unit, info.period, "exported", sent["revision"], sent["exported_at"],
                               last if last > sent["revision"] else 0))
    return found


def describe(code: str, matches: list[Match], names: dict[str, str], received: list[dict] = ()) -> list[Phrase]:
    """One sentence per match, or one saying that nothing matched and, for each workbook of ``received``
    (:func:`workbooks`), why it cannot be matched."""
    if not matches:
        return [Phrase("Mã {code} không khớp với lần nộp nào đã nhập hoặc đã xuất, cũng không khớp với số liệu hiện "
                       "có trong tệp: bản giấy không đúng với dữ liệu đang giữ.", code=code),
                *(_unmatchable(f, names) for f in received)]
    lines = []
    for m in matches:
        who = {"code": code, "name": names.get(m.unit, m.unit), "unit": m.unit, "period": m.period}
        if m.how == "current":
            lines.append(Phrase("Mã {code} khớp với số liệu hiện có của {name} ({unit}) kỳ {period}, chưa xuất "
                                "thành tệp nộp.", **who))
            if m.workbooks:
                lines.append(Phrase("Trong đó có số liệu nhập từ biểu Excel {workbooks}.",
                                    workbooks=", ".join(f"«{w}»" for w in m.workbooks)))
            continue
        line = (Phrase("Mã {code} khớp với lần nộp r{revision} của {name} ({unit}) kỳ {period}, nhập lúc {when}.",
                       revision=m.revision, when=shown_moment(moment(m.when)), **who) if m.how == "imported" else
                Phrase("Mã {code} khớp với lần nộp r{revision} của {name} ({unit}) kỳ {period}, xuất lúc {when}.",
                       revision=m.revision, when=shown_moment(moment(m.when)), **who))
        newer = Phrase("{match}. Lưu ý: đã có lần nộp mới hơn (r{newer}).", match=line, newer=m.newer)  # (its stop)
        lines.append(newer if m.newer else line)
    return lines


def _unmatchable(workbook: dict, names: dict[str, str]) -> Phrase:
    return Phrase("Biểu Excel «{file}» của {name} ({unit}) kỳ {period}, nhập lúc {when}, chỉ có các bảng số liệu, "
                  "không có cả báo cáo (phần lời, đầu báo cáo, các ngày) mà mã xác thực được tính từ, nên không đối "
                  "chiếu được với bản giấy; bản giấy khớp khi được in từ số liệu đang giữ ở đây hoặc khi đơn vị gửi "
                  "tệp nộp báo cáo của đúng bản đã in.", file=workbook["filename"],
                  name=names.get(workbook["unit"], workbook["unit"]), unit=workbook["unit"],
                  period=workbook["period"], when=shown_moment(moment(workbook["imported_at"])))
