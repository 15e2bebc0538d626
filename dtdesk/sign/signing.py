"""Sign a rendered report as PAdES baseline B-B (B-T when a timestamp server is configured).

The signature is an incremental update appended to the very bytes
``dtdesk render`` wrote: the report is not rendered again, and the unsigned
file stays as it was. The signed copy is written under a temporary name in
the target folder, fsynced and renamed, never over the unsigned input.

The visible signature is a stamp in the signer's block (the blank between the
title and the printed name): who signed, and when, in the report's font. A
timestamp server is asked only when the clerk names one (``--tsa``); dtdesk
works offline and never reaches the network otherwise.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dtdesk.core.files import same_file, write_output
from dtdesk.core.formats import os_reason
from dtdesk.core.i18n import Phrase
from dtdesk.sign.errors import SignError
from dtdesk.sign.inputs import read_limited
from dtdesk.sign.place import Place, signature_place
from dtdesk.sign.stamp import stamp_pdf, stamp_style, when_text

_MAX_PDF = 256 << 20  # bytes: a report is well under a megabyte


@dataclass(frozen=True)
class Signed:
    path: Path
    signer: str  # the certificate's subject, as the stamp shows it
    page: int  # from 1, as the clerk counts
    field: str


def read_pdf(path: Path) -> bytes:
    """The file's bytes, or one sentence saying why not."""
    data = read_limited(path, _MAX_PDF, "read", Phrase("báo cáo PDF"))
    if not data.lstrip()[:5] == b"%PDF-":
        raise SignError("read", "Tệp «{name}» không phải là một tệp PDF.", name=path.name, path=str(path))
    return data


def _field_name(reader) -> str:
    """Signature1, or the next free number when the report is already signed."""
    return f"Signature{len(reader.embedded_signatures) + 1}"


def signer_name(holder) -> str:
    """The common name of ``holder``'s signing certificate (a signer, or a validated signature's status),
    else its whole subject: the name the stamp shows and ``dtdesk verify`` prints."""
    subject = holder.signing_cert.subject
    return subject.native.get("common_name") or subject.human_friendly


@dataclass
class Prepared:
    """A report checked and ready to sign, before any password or PIN is asked for."""

    source: Path
    target: Path
    writer: object  # pyHanko's IncrementalPdfFileWriter over the unsigned bytes
    place: Place
    field: str


def prepare(source: str | Path, target: str | Path) -> Prepared:
    """Check what can be checked without the key: the input is a dtdesk PDF, the output a new name beside it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    source, target = Path(source), Path(target)
    if same_file(source, target):
        raise SignError("target", "Tệp ký số phải khác tệp «{name}»: tệp chưa ký được giữ nguyên.",
                        name=source.name, path=str(source))
    if target.is_dir() or not target.parent.is_dir():
        raise SignError("target", "Không ghi được tệp «{target}»: không có thư mục để ghi.", target=str(target),
                        path=str(target))
    data = read_pdf(source)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        place = signature_place(writer.prev, source.name)
        field = _field_name(writer.prev)
    except SignError:
        raise
    except Exception:  # a damaged or foreign PDF: pyHanko's reader raises many kinds
        raise SignError("read", "Tệp «{name}» không đọc được như một tệp PDF.", name=source.name,
                        path=str(source)) from None
    return Prepared(source, target, writer, place, field)


def sign_report(job: Prepared, signer, *, tsa: str | None = None) -> Signed:
    """Sign the prepared report with ``signer`` (see :mod:`.keys`) and write it to the job's target."""
    from pyhanko.sign import fields, signers

    name = signer_name(signer)
    left, bottom, right, top = job.place.box
    timestamper = None
    if tsa:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(tsa)
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(field_name=job.field, subfilter=fields.SigSeedSubFilter.PADES,
                                     md_algorithm="sha256", name=name),
        signer,
        timestamper=timestamper,
        stamp_style=stamp_style(stamp_pdf(right - left, top - bottom, name, when_text(datetime.now()))),
        new_field_spec=fields.SigFieldSpec(job.field, on_page=job.place.page, box=job.place.box),
    )
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(job.writer, output=out)
    except Exception as exc:  # the token, the timestamp server: their own exception kinds
        raise SignError("sign", "Không ký được tệp «{name}»: {reason}.", name=job.source.name,
                        reason=_reason(exc), path=str(job.source)) from None
    try:
        write_output(job.target, out.getvalue())
    except OSError as exc:
        raise SignError("write", "Không ghi được tệp «{name}»: {reason}.", name=job.target.name,
                        reason=os_reason(exc), path=str(job.target)) from None
    return Signed(job.target, name, job.place.page + 1, job.field)


def _reason(exc: Exception) -> Phrase | str:
    """Why pyHanko could not sign, in a few words: a timestamp server is the usual cause."""
    from pyhanko.sign.timestamps import TimestampRequestError

    if isinstance(exc, TimestampRequestError):
        return Phrase("máy chủ dấu thời gian không trả lời hoặc từ chối yêu cầu")
    return type(exc).__name__
