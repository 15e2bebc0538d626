"""What each signature of a PDF says: who signed, when, intact or not, trusted or not, changed since.

A signature is *trusted* only through the CA certificates the clerk names
(``--trust``): dtdesk works offline and carries no list of CAs, and the
Vietnamese national root is not in every system's list anyway. Nothing is
fetched (no revocation lists, no OCSP): revocation that cannot be checked
offline does not fail the check, and the report says the trust is the named
CA's.

A signature *covers the whole document* when it covers the whole file, or
when what was appended after it is only further signatures (a report signed
by two people). Any other change appended after signing — new text, a page,
an edited value — is reported as a change after signing.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dtdesk.core.i18n import Phrase
from dtdesk.sign.errors import SignError
from dtdesk.sign.inputs import read_limited
from dtdesk.sign.signing import read_pdf, signer_name
from dtdesk.sign.stamp import when_text

_MAX_TRUST_FILE = 1 << 20  # bytes: a CA bundle is a few dozen kilobytes


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str  # the certificate's common name, or its whole subject
    time: datetime | None
    time_from_timestamp: bool  # True: a timestamp authority vouches for the time; False: the signer's computer
    intact: bool  # the signed bytes are unchanged and the signature matches them
    trusted: bool  # the certificate chains to a CA named with --trust
    changed_after: bool  # something other than a further signature was appended after this signature

    @property
    def ok(self) -> bool:
        return self.intact and self.trusted and not self.changed_after


def load_trust(paths: Iterable[str | Path]) -> list:
    """The CA certificates in each file (PEM, one or many, or DER), as asn1crypto certificates."""
    from asn1crypto import pem, x509

    roots = []
    for path in map(Path, paths):
        data = read_limited(path, _MAX_TRUST_FILE, "trust", Phrase("tệp chứng thư CA"))
        try:
            blobs = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
            found = [x509.Certificate.load(der) for der in blobs]
            for cert in found:
                cert.native  # parse it whole now: a damaged file fails here, not deep inside validation
        except Exception:
            raise SignError("trust", "Tệp «{name}» không phải là chứng thư số CA (.pem, .cer, .crt).",
                            name=path.name, path=str(path)) from None
        roots += found
    return roots


def _changed_after(status) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return False
    if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION or status.docmdp_ok is False:
        return True
    return status.modification_level not in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES,
                                             ModificationLevel.FORM_FILLING)


def _report(embedded, context) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature

    field = embedded.field_name or "?"
    try:
        status = validate_pdf_signature(embedded, context)
    except Exception:  # a signature pyHanko cannot even evaluate is not one we can vouch for
        return SignatureReport(field, "?", None, False, intact=False, trusted=False, changed_after=True)
    stamp = status.timestamp_validity
    return SignatureReport(
        field=field,
        signer=signer_name(status),
        time=stamp.timestamp if stamp is not None else status.signer_reported_dt,
        time_from_timestamp=stamp is not None and stamp.intact and stamp.valid,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        changed_after=_changed_after(status),
    )


def verify_pdf(path: str | Path, trust: Iterable[str | Path] = ()) -> list[SignatureReport]:
    """Each signature's report, in the order they were made; an empty list for an unsigned PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    roots = load_trust(trust)
    data = read_pdf(path)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # a damaged or hostile file: pyHanko's reader raises many kinds
        raise SignError("read", "Tệp «{name}» không đọc được như một tệp PDF.", name=path.name,
                        path=str(path)) from None
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    return [_report(embedded, context) for embedded in signatures]


def format_reports(name: str, reports: list[SignatureReport]) -> list[Phrase]:
    """The lines ``dtdesk verify`` prints: one per signature, then the verdict."""
    lines = []
    for number, r in enumerate(reports, 1):
        if r.time is None:
            when = Phrase("không rõ thời điểm ký")
        elif r.time_from_timestamp:
            when = Phrase("ký lúc {time}, theo dấu thời gian", time=when_text(r.time))
        else:
            when = Phrase("ký lúc {time}, theo đồng hồ máy người ký", time=when_text(r.time))
        lines.append(Phrase("Chữ ký {number} ({field}): {signer}, {when}.", number=number, field=r.field,
                            signer=r.signer, when=when))
        lines.append(Phrase("  {intact}; {trusted}; {changed}.", intact=_INTACT[r.intact], trusted=_TRUSTED[r.trusted],
                            changed=_CHANGED[r.changed_after]))
    if not reports:
        lines.append(Phrase("Tệp «{name}» không có chữ ký số nào.", name=name))
    elif all(r.ok for r in reports):
        lines.append(Phrase("Tệp «{name}»: {count} chữ ký, tất cả nguyên vẹn, tin cậy và phủ toàn bộ tài liệu.",
                            name=name, count=len(reports)))
    else:
        lines.append(Phrase("Tệp «{name}»: {bad}/{count} chữ ký không đạt.", name=name,
                            bad=sum(not r.ok for r in reports), count=len(reports)))
    return lines


_INTACT = {True: Phrase("nguyên vẹn"), False: Phrase("KHÔNG nguyên vẹn (nội dung đã ký bị sửa hoặc chữ ký hỏng)")}
_TRUSTED = {True: Phrase("tin cậy (chứng thư do CA đã chỉ định cấp)"),
            False: Phrase("KHÔNG tin cậy (không thuộc CA nào đã chỉ định bằng --trust)")}
_CHANGED = {True: Phrase("ĐÃ BỊ THAY ĐỔI sau khi ký"), False: Phrase("không thay đổi sau khi ký")}
